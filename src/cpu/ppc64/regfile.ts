// A thread's register file in linear memory, so compiled WebAssembly
// (wasm/wasm-block.ts) and the interpreter share one copy of the GPRs.
//
// The GPR halves live in a WebAssembly.Memory of their own and CpuState's
// gprLo/gprHi are views into it: the interpreter indexes them exactly as
// plain Int32Arrays (bench:cpu measured no difference). The scalar registers
// a block touches (CR, XER[SO,CA], LR, CTR, the next instruction address)
// stay JavaScript fields, where the interpreter reads them fastest (making
// them accessors over this memory cost the interpreter 10 %); a wasm block
// works on their mirror here, copied in before it runs and back after
// (syncOut/syncIn), and around every interpreter handler it calls.

import type { CpuState } from './state.js';
import type { HostMemory } from '../../memory/host-memory.js';

/** Byte offsets in the register file. */
export const RF_GPR_LO = 0;
export const RF_GPR_HI = 128;
export const RF_MIRROR = 256;
/** Bytes in use (the memory is one 64 KiB page). */
export const RF_BYTES = RF_MIRROR + 64;

/** Word indexes of the scalar mirror (byte offset RF_MIRROR + 4·index). */
export const M_CR = 0;
export const M_SO = 1;
export const M_CA = 2;
export const M_LR_LO = 3;
export const M_LR_HI = 4;
export const M_CTR_LO = 5;
export const M_CTR_HI = 6;
export const M_NIP_LO = 7;
export const M_NIP_HI = 8;
export const M_RETIRED = 9;
/** Byte address (in the memory) of the data TLB set in use, or -1 when it is not there (the MMU keeps it current). */
export const M_TLB = 10;
/** cpu.ctxGen and cpu.fetchGen as syncOut last wrote them (wasm chaining stops when they change). */
export const M_CTX = 11;
export const M_FETCH = 12;
/** The table index of the wasm block running, and what earlier blocks chained in this call retired (wasm/block-caller.ts). */
export const M_CUR = 13;
export const M_CHAINED = 14;

/**
 * The chain area after the register file: per wasm block (by table index)
 * its head address, length, a valid flag, its link (the table index of the
 * block that followed it last) and the fetch generation of that link, as
 * six arrays of chainCap int32s (CH_* are their numbers).
 */
export const CH_HEAD_LO = 0;
export const CH_HEAD_HI = 1;
export const CH_LEN = 2;
export const CH_VALID = 3;
export const CH_LINK = 4;
export const CH_LINK_GEN = 5;
const CH_ARRAYS = 6;
/** Blocks a register file in a VM's host memory can chain (beyond it blocks still run, unchained in wasm). */
const HOST_CHAIN_CAP = 8192;

export interface RegisterFile {
  /** The linear memory compiled blocks import (undefined where WebAssembly is unavailable). */
  readonly memory: WebAssembly.Memory | undefined;
  readonly buffer: ArrayBuffer;
  /** Where the register file starts in it (the RF_* offsets are relative to this). */
  readonly base: number;
  /** Where the chain area starts, and how many blocks it holds (0: none). */
  readonly chain: number;
  readonly chainCap: number;
}

/** Address of chain array `k` (CH_*) of a register file. */
export function chainArray(rf: RegisterFile, k: number): number {
  return rf.chain + 4 * rf.chainCap * k;
}

/** A register file in `host` (the VM's host memory), or in a memory of its own. */
export function newRegisterFile(host?: HostMemory): RegisterFile {
  if (host) {
    const base = host.alloc(RF_BYTES + 4 * CH_ARRAYS * HOST_CHAIN_CAP);
    return { memory: host.memory, buffer: host.buffer, base, chain: base + RF_BYTES, chainCap: HOST_CHAIN_CAP };
  }
  if (typeof WebAssembly === 'object') {
    try {
      // One page: the register file, then as much chain area as fits.
      const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
      return { memory, buffer: memory.buffer, base: 0, chain: RF_BYTES, chainCap: Math.floor((65536 - RF_BYTES) / (4 * CH_ARRAYS)) };
    } catch {
      // a host without WebAssembly memory: plain arrays, no wasm tier
    }
  }
  return { memory: undefined, buffer: new ArrayBuffer(RF_BYTES), base: 0, chain: 0, chainCap: 0 };
}

/** Copy the JavaScript scalar fields into the mirror (before wasm runs). */
export function syncOut(s: CpuState): void {
  const m = s.mirror;
  m[M_CR] = s.cr;
  m[M_SO] = s.so;
  m[M_CA] = s.ca;
  m[M_LR_LO] = s.lrLo;
  m[M_LR_HI] = s.lrHi;
  m[M_CTR_LO] = s.ctrLo;
  m[M_CTR_HI] = s.ctrHi;
  m[M_NIP_LO] = s.nipLo;
  m[M_NIP_HI] = s.nipHi;
  m[M_RETIRED] = s.blockRetired;
  m[M_CTX] = s.ctxGen;
  m[M_FETCH] = s.fetchGen;
}

/** Copy the mirror back into the fields (after wasm ran, or before it calls a handler). */
export function syncIn(s: CpuState): void {
  const m = s.mirror;
  s.cr = m[M_CR]!;
  s.so = m[M_SO]!;
  s.ca = m[M_CA]!;
  s.lrLo = m[M_LR_LO]!;
  s.lrHi = m[M_LR_HI]!;
  s.ctrLo = m[M_CTR_LO]!;
  s.ctrHi = m[M_CTR_HI]!;
  s.nipLo = m[M_NIP_LO]!;
  s.nipHi = m[M_NIP_HI]!;
  s.blockRetired = m[M_RETIRED]!;
}
