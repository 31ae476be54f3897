// Helpers shared by the VMX handlers (vmx-*.ts): register indexing, scratch
// lane buffers, VSCR[SAT], CR6 for vector compares.
//
// VR i is VSR 32+i: words s.vsr[4*(32+i) + j], word 0 the most significant.
// Bytes and halfwords are numbered in ISA element order (element 0 = most
// significant) whatever MSR[LE] says.

import type { CpuState } from '../state.js';

/** Word index of VR `(insn >>> sh) & 31` in s.vsr. */
export const vrt = (i: number): number => 128 + (((i >>> 21) & 31) << 2);
export const vra = (i: number): number => 128 + (((i >>> 16) & 31) << 2);
export const vrb = (i: number): number => 128 + (((i >>> 11) & 31) << 2);
export const vrc = (i: number): number => 128 + (((i >>> 6) & 31) << 2);

// Scratch lane buffers (results are built here and copied out, so VRT may alias a source).
export const A8 = new Uint8Array(16);
export const B8 = new Uint8Array(16);
export const C8 = new Uint8Array(16);
export const T8 = new Uint8Array(16);
export const A16 = new Uint16Array(8);
export const B16 = new Uint16Array(8);
export const C16 = new Uint16Array(8);
export const T16 = new Uint16Array(8);
export const T32 = new Uint32Array(4);

export function ld8(v: Uint32Array, base: number, out: Uint8Array): void {
  for (let j = 0; j < 4; j++) {
    const w = v[base + j]!;
    out[4 * j] = w >>> 24;
    out[4 * j + 1] = w >>> 16;
    out[4 * j + 2] = w >>> 8;
    out[4 * j + 3] = w;
  }
}

export function st8(v: Uint32Array, base: number, r: Uint8Array): void {
  for (let j = 0; j < 4; j++) v[base + j] = (r[4 * j]! << 24) | (r[4 * j + 1]! << 16) | (r[4 * j + 2]! << 8) | r[4 * j + 3]!;
}

export function ld16(v: Uint32Array, base: number, out: Uint16Array): void {
  for (let j = 0; j < 4; j++) {
    const w = v[base + j]!;
    out[2 * j] = w >>> 16;
    out[2 * j + 1] = w;
  }
}

export function st16(v: Uint32Array, base: number, r: Uint16Array): void {
  for (let j = 0; j < 4; j++) v[base + j] = (r[2 * j]! << 16) | r[2 * j + 1]!;
}

export function st32(v: Uint32Array, base: number, r: Uint32Array): void {
  v[base] = r[0]!;
  v[base + 1] = r[1]!;
  v[base + 2] = r[2]!;
  v[base + 3] = r[3]!;
}

/** VSCR[SAT] := 1. */
export function setSat(s: CpuState): void {
  s.vscr |= 1;
}

/**
 * CR6 after a vector compare with Rc=1: 0b1000 when every element compared
 * true (VRT all ones), 0b0010 when none did (VRT all zeros).
 */
export function setCr6(s: CpuState, v: Uint32Array, t: number): void {
  const a = v[t]! & v[t + 1]! & v[t + 2]! & v[t + 3]!;
  const o = v[t]! | v[t + 1]! | v[t + 2]! | v[t + 3]!;
  const f = (a === -1 || a >>> 0 === 0xffffffff ? 8 : 0) | (o === 0 ? 2 : 0);
  s.cr = (s.cr & ~0x000000f0) | (f << 4);
}

/** Unsigned 32x32 -> 64 multiply: low word returned (unsigned), high word in mulHi. */
export let mulHi = 0;
export function mulu32(a: number, b: number): number {
  a >>>= 0;
  b >>>= 0;
  const al = a & 0xffff;
  const ah = a >>> 16;
  const bl = b & 0xffff;
  const bh = b >>> 16;
  const ll = al * bl;
  const mid = ah * bl + al * bh; // < 2^33
  const lo = ll + (mid % 65536) * 65536;
  mulHi = (ah * bh + Math.floor(mid / 65536) + Math.floor(lo / 4294967296)) >>> 0;
  return lo >>> 0;
}

/** Signed 32x32 -> 64 multiply: low word returned (unsigned), high word in mulHi. */
export function muls32(a: number, b: number): number {
  const lo = mulu32(a, b);
  let hi = mulHi;
  if (a < 0 || (a | 0) < 0) hi -= b >>> 0;
  if (b < 0 || (b | 0) < 0) hi -= a >>> 0;
  mulHi = hi | 0;
  return lo;
}

export function clz32(x: number): number {
  return Math.clz32(x);
}

export function ctz32(x: number): number {
  return x === 0 ? 32 : 31 - Math.clz32(x & -x);
}

export function popcnt32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
