// Signal delivery to guest handlers, with the powerpc64 Linux rt_sigframe
// (arch/powerpc/kernel/signal_64.c): ucontext with the full register state
// (sigcontext gp_regs/fp_regs/v_regs and the VSX low halves), siginfo, and a
// return trampoline (li r0,__NR_rt_sigreturn; sc) on a private executable page.
// Only synchronous signals exist in a single-threaded guest: those it sends
// itself (kill/tgkill/tkill, SIGPIPE) and CPU faults (SEGV, ILL, FPE, TRAP, BUS).

import { PAGE_SIZE } from '../memory/sparse-memory.js';
import type { Process } from './process.js';
import { StructWriter, readU64 } from './abi.js';

export const SA_SIGINFO = 0x4;
export const SA_ONSTACK = 0x08000000;
export const SA_NODEFER = 0x40000000;
export const SA_RESETHAND = 0x80000000;

const SIGNAL_FRAMESIZE = 128; // __SIGNAL_FRAMESIZE, 64-bit
// Frame layout (offsets from the frame start).
const UC = 0;
const MC = UC + 168; // uc_mcontext
const GP = MC + 64; // gp_regs[48]
const FP = MC + 448; // fp_regs[33]
const VREGS_PTR = MC + 712;
const VMX = MC + 720; // vmx_reserve[101]
const UC_SIZE = MC + 1528;
const TRAMP = UC_SIZE + 16;
const PINFO = TRAMP + 32;
const PUC = PINFO + 8;
const INFO = PUC + 8;
const FRAME_SIZE = INFO + 128 + 512; // + abigap (red zone)
const PT_NIP = 32;
const PT_MSR = 33;
const PT_ORIG_R3 = 34;
const PT_CTR = 35;
const PT_LNK = 36;
const PT_XER = 37;
const PT_CCR = 38;
const PT_TRAP = 40;
const PT_DAR = 41;

/** Where the sigreturn trampoline lives (a page of its own, mapped on first use). */
const TRAMPOLINE = 0x7fff_ffff_0000; // just above the stack (STACK_TOP)

export interface SigInfo {
  code: number;
  addr: number;
}

/** The handler address of a signal's action (0 = SIG_DFL, 1 = SIG_IGN). */
export function handlerOf(p: Process, sig: number): bigint {
  const act = p.sigactions.get(sig);
  return act ? readU64(act, 0, p.cpu.le) : 0n;
}

function flagsOf(p: Process, sig: number): number {
  const act = p.sigactions.get(sig);
  return act ? Number(readU64(act, 8, p.cpu.le) & 0xffffffffn) : 0;
}

export function blocked(p: Process, sig: number): boolean {
  return ((p.sigmask >> BigInt(sig - 1)) & 1n) === 1n;
}

function ensureTrampoline(p: Process): void {
  if (p.mem.isMapped(TRAMPOLINE)) return;
  p.mem.map(TRAMPOLINE, PAGE_SIZE, 1 | 4);
  const w = new StructWriter(8, p.cpu.le);
  w.u32(0, 0x38000000 | 172); // li r0,__NR_rt_sigreturn
  w.u32(4, 0x44000002); // sc
  p.mem.writeBytes(TRAMPOLINE, w.bytes, true);
}

function vecBytes(p: Process, w: Uint32Array, base: number): Uint8Array {
  // The 16 bytes stvx would store for VSR words w[base..base+3] (word 0 most significant).
  const b = new StructWriter(16, p.cpu.le);
  for (let j = 0; j < 4; j++) b.u32(p.cpu.le ? 12 - 4 * j : 4 * j, w[base + j]!);
  return b.bytes;
}

function readVec(p: Process, bytes: Uint8Array, off: number, w: Uint32Array, base: number): void {
  const dv = new DataView(bytes.buffer, bytes.byteOffset + off, 16);
  for (let j = 0; j < 4; j++) w[base + j] = dv.getUint32(p.cpu.le ? 12 - 4 * j : 4 * j, p.cpu.le);
}

/**
 * Build the frame and enter the handler. `resumeAt` is where the interrupted
 * code continues after sigreturn (the faulting instruction, or after `sc`).
 */
export function deliver(p: Process, sig: number, info: SigInfo, resumeAt: number): void {
  const cpu = p.cpu;
  const le = cpu.le;
  const act = p.sigactions.get(sig)!;
  const handler = Number(readU64(act, 0, le));
  const flags = flagsOf(p, sig);
  const saMask = readU64(act, 24, le);
  ensureTrampoline(p);

  let sp = cpu.gprNum(1);
  if (flags & SA_ONSTACK && p.altstack && !(sp > p.altstack.sp && sp <= p.altstack.sp + p.altstack.size)) sp = p.altstack.sp + p.altstack.size;
  const frame = Math.floor((sp - FRAME_SIZE) / 16) * 16;
  const f = new StructWriter(FRAME_SIZE, le);

  // ucontext
  f.u64(UC + 16, p.altstack?.sp ?? 0).i32(UC + 24, p.altstack ? 0 : 2).u64(UC + 32, p.altstack?.size ?? 0);
  f.u64(UC + 40, p.sigmask);
  // sigcontext
  f.i32(MC + 32, sig).u64(MC + 40, handler).u64(MC + 48, p.sigmask & 0xffffffffn).u64(MC + 56, frame + GP);
  for (let i = 0; i < 32; i++) f.u64(GP + 8 * i, cpu.getGpr(i));
  f.u64(GP + 8 * PT_NIP, resumeAt);
  f.u64(GP + 8 * PT_MSR, 0x800000000280f000n | (le ? 1n : 0n));
  f.u64(GP + 8 * PT_ORIG_R3, cpu.getGpr(3));
  f.u64(GP + 8 * PT_CTR, (BigInt(cpu.ctrHi >>> 0) << 32n) | BigInt(cpu.ctrLo >>> 0));
  f.u64(GP + 8 * PT_LNK, (BigInt(cpu.lrHi >>> 0) << 32n) | BigInt(cpu.lrLo >>> 0));
  f.u64(GP + 8 * PT_XER, cpu.getXer());
  f.u64(GP + 8 * PT_CCR, cpu.cr >>> 0);
  f.u64(GP + 8 * PT_TRAP, sig === 11 ? 0x300 : 0x700);
  f.u64(GP + 8 * PT_DAR, info.addr);
  for (let i = 0; i < 32; i++) f.u32(FP + 8 * i + (le ? 4 : 0), cpu.vsr[4 * i]!).u32(FP + 8 * i + (le ? 0 : 4), cpu.vsr[4 * i + 1]!);
  f.u64(FP + 8 * 32, cpu.fpscr >>> 0);
  const vOff = Math.ceil((frame + VMX) / 16) * 16 - frame;
  f.u64(VREGS_PTR, frame + vOff);
  for (let i = 0; i < 32; i++) f.bytes.set(vecBytes(p, cpu.vsr, 4 * (32 + i)), vOff + 16 * i);
  f.u32(vOff + 16 * 32 + (le ? 0 : 12), cpu.vscr >>> 0);
  f.u32(vOff + 16 * 33, cpu.vrsave >>> 0);
  for (let i = 0; i < 32; i++) f.u32(vOff + 16 * 34 + 8 * i + (le ? 4 : 0), cpu.vsr[4 * i + 2]!).u32(vOff + 16 * 34 + 8 * i + (le ? 0 : 4), cpu.vsr[4 * i + 3]!);
  // the classic in-frame trampoline too (unused: LR points at the private page)
  f.u32(TRAMP, 0x38000000 | 172).u32(TRAMP + 4, 0x44000002);
  f.u64(PINFO, frame + INFO).u64(PUC, frame + UC);
  // siginfo: si_signo, si_errno, si_code, then si_addr (faults) or si_pid/si_uid (kill)
  f.i32(INFO, sig).i32(INFO + 4, 0).i32(INFO + 8, info.code);
  if (info.code === 0 /* SI_USER */ || info.code === -6 /* SI_TKILL */) f.i32(INFO + 16, p.opts.host.identity?.().pid ?? 1000).i32(INFO + 20, p.opts.host.identity?.().uid ?? 0);
  else f.u64(INFO + 16, info.addr);
  p.mem.writeBytes(frame, f.bytes);

  const newsp = frame - SIGNAL_FRAMESIZE;
  p.mem.writeBytes(newsp, new StructWriter(8, le).u64(0, sp).bytes); // back chain
  cpu.setGprNum(1, newsp);
  cpu.setGprNum(3, sig);
  cpu.setGprNum(4, frame + INFO);
  cpu.setGprNum(5, frame + UC);
  cpu.setGprNum(6, frame);
  cpu.lrLo = TRAMPOLINE % 2 ** 32 | 0;
  cpu.lrHi = Math.floor(TRAMPOLINE / 2 ** 32) | 0;
  let entry = handler;
  if (p.elf.abiVersion !== 2) {
    // ELFv1: the handler is a function descriptor (entry, TOC).
    const d = p.mem.readBytes(handler, 16);
    entry = Number(readU64(d, 0, le));
    cpu.setGprNum(2, Number(readU64(d, 8, le)));
  }
  cpu.setGprNum(12, entry);
  cpu.nip = entry;

  p.sigmask |= saMask;
  if (!(flags & SA_NODEFER)) p.sigmask |= 1n << BigInt(sig - 1);
  p.sigmask &= ~((1n << 8n) | (1n << 18n));
  if (flags & SA_RESETHAND) p.sigactions.delete(sig);
}

/** rt_sigreturn: restore everything from the frame above r1. */
export function sigreturn(p: Process): void {
  const cpu = p.cpu;
  const le = cpu.le;
  const frame = cpu.gprNum(1) + SIGNAL_FRAMESIZE;
  const b = p.mem.readBytes(frame, UC_SIZE);
  const u64 = (off: number): bigint => readU64(b, off, le);
  const dv = new DataView(b.buffer);
  p.sigmask = u64(UC + 40) & ~((1n << 8n) | (1n << 18n));
  for (let i = 0; i < 32; i++) cpu.setGpr(i, u64(GP + 8 * i));
  cpu.nip = Number(u64(GP + 8 * PT_NIP));
  const ctr = u64(GP + 8 * PT_CTR);
  cpu.ctrLo = Number(ctr & 0xffffffffn) | 0;
  cpu.ctrHi = Number(ctr >> 32n) | 0;
  const lr = u64(GP + 8 * PT_LNK);
  cpu.lrLo = Number(lr & 0xffffffffn) | 0;
  cpu.lrHi = Number(lr >> 32n) | 0;
  cpu.setXer(Number(u64(GP + 8 * PT_XER) & 0xffffffffn));
  cpu.cr = Number(u64(GP + 8 * PT_CCR) & 0xffffffffn) | 0;
  for (let i = 0; i < 32; i++) {
    cpu.vsr[4 * i] = dv.getUint32(FP + 8 * i + (le ? 4 : 0), le);
    cpu.vsr[4 * i + 1] = dv.getUint32(FP + 8 * i + (le ? 0 : 4), le);
  }
  cpu.fpscr = Number(u64(FP + 8 * 32) & 0xffffffffn) | 0;
  const vOff = Number(u64(VREGS_PTR)) - frame;
  if (vOff > 0 && vOff + 16 * 34 + 256 <= UC_SIZE) {
    for (let i = 0; i < 32; i++) readVec(p, b, vOff + 16 * i, cpu.vsr, 4 * (32 + i));
    cpu.vscr = dv.getUint32(vOff + 16 * 32 + (le ? 0 : 12), le) & 0x10001;
    cpu.vrsave = dv.getUint32(vOff + 16 * 33, le) | 0;
    for (let i = 0; i < 32; i++) {
      cpu.vsr[4 * i + 2] = dv.getUint32(vOff + 16 * 34 + 8 * i + (le ? 4 : 0), le);
      cpu.vsr[4 * i + 3] = dv.getUint32(vOff + 16 * 34 + 8 * i + (le ? 0 : 4), le);
    }
  }
}
