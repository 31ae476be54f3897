import type { CpuState } from '../state.js';

/**
 * Executes one instruction. Called with s.nip already pointing past the
 * instruction (current address = nip - 4). Rare outcomes (syscall, fault,
 * illegal form) are thrown as CpuTrap or MemFault.
 */
export type Handler = (s: CpuState, insn: number) => void;

/** Handlers of one unit, keyed by the table row's mnemonic. */
export type HandlerTable = Record<string, Handler>;
