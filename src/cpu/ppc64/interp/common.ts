// Helpers shared by every unit's handlers: CR fields, effective addresses,
// 64-bit arithmetic on (hi, lo) int32 halves. Small and monomorphic so V8
// inlines them into handlers.

import type { CpuState } from '../state.js';

/** Set CR field `bf` (0..7) to the 4-bit value `v` (LT GT EQ SO, LT most significant). */
export function setCrField(s: CpuState, bf: number, v: number): void {
  const sh = 28 - 4 * bf;
  s.cr = (s.cr & ~(0xf << sh)) | ((v & 0xf) << sh);
}

export function getCrField(s: CpuState, bf: number): number {
  return (s.cr >>> (28 - 4 * bf)) & 0xf;
}

/** CR0 from a 64-bit result, compared as signed against zero, with XER[SO]. */
export function setCr0(s: CpuState, hi: number, lo: number): void {
  const v = hi < 0 ? 8 : hi !== 0 || lo !== 0 ? 4 : 2;
  s.cr = (s.cr & 0x0fffffff) | ((v | s.so) << 28);
}

/** Signed 64-bit compare: -1, 0, 1. */
export function cmp64s(ah: number, al: number, bh: number, bl: number): number {
  if (ah !== bh) return ah < bh ? -1 : 1;
  if (al !== bl) return al >>> 0 < bl >>> 0 ? -1 : 1;
  return 0;
}

/** Unsigned 64-bit compare: -1, 0, 1. */
export function cmp64u(ah: number, al: number, bh: number, bl: number): number {
  if (ah !== bh) return ah >>> 0 < bh >>> 0 ? -1 : 1;
  if (al !== bl) return al >>> 0 < bl >>> 0 ? -1 : 1;
  return 0;
}

/**
 * Effective address (RA|0) + disp, disp a signed 32-bit displacement.
 * Returns the low word; the high word is left in s.tmpHi.
 */
export function eaDisp(s: CpuState, ra: number, disp: number): number {
  let hi = 0;
  let lo = 0;
  if (ra !== 0) {
    hi = s.gprHi[ra]!;
    lo = s.gprLo[ra]!;
  }
  const r = (lo >>> 0) + (disp >>> 0);
  s.tmpHi = (hi + (disp < 0 ? -1 : 0) + (r > 0xffffffff ? 1 : 0)) | 0;
  return r | 0;
}

/** Effective address (RA|0) + (RB). Low word returned, high word in s.tmpHi. */
export function eaIndexed(s: CpuState, ra: number, rb: number): number {
  let hi = s.gprHi[rb]!;
  let lo = s.gprLo[rb]!;
  if (ra !== 0) {
    const r = (lo >>> 0) + (s.gprLo[ra]! >>> 0);
    hi = (hi + s.gprHi[ra]! + (r > 0xffffffff ? 1 : 0)) | 0;
    lo = r | 0;
  }
  s.tmpHi = hi;
  return lo;
}

/** Current instruction address (nip - 4) as a pair: low word returned, high in s.tmpHi. */
export function cia(s: CpuState): number {
  const lo = (s.nipLo - 4) | 0;
  s.tmpHi = lo >>> 0 > s.nipLo >>> 0 ? (s.nipHi - 1) | 0 : s.nipHi;
  return lo;
}
