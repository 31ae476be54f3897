// Small helpers shared by the load/store handler files (rare paths only).

import type { CpuState } from '../state.js';

/** (hi, lo) + n for a small non-negative n: low word returned, high word in s.tmpHi. */
export function addrAdd(s: CpuState, hi: number, lo: number, n: number): number {
  const r = (lo >>> 0) + n;
  s.tmpHi = r > 0xffffffff ? (hi + 1) | 0 : hi;
  return r | 0;
}

/**
 * Check that the `len` bytes at (hi, lo) can be written, without changing
 * them: a multi-part store calls this first so a fault leaves memory intact.
 * Both ends are probed (an access of at most a page spans at most two pages).
 */
export function probeStore(s: CpuState, hi: number, lo: number, len: number): void {
  const m = s.mem;
  m.probeWrite(hi, lo);
  const last = addrAdd(s, hi, lo, len - 1);
  m.probeWrite(s.tmpHi, last);
}

/** Byte k (0 = most significant) of VSR t. */
export function vsrByte(s: CpuState, t: number, k: number): number {
  return (s.vsr[4 * t + (k >> 2)]! >>> (24 - 8 * (k & 3))) & 0xff;
}

/** Set byte k (0 = most significant) of VSR t. */
export function setVsrByte(s: CpuState, t: number, k: number, b: number): void {
  const w = 4 * t + (k >> 2);
  const sh = 24 - 8 * (k & 3);
  s.vsr[w] = (s.vsr[w]! & ~(0xff << sh)) | ((b & 0xff) << sh);
}
