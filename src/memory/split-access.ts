// Accesses that cross a page boundary, for any GuestMemory: byte by byte,
// each byte going through the memory's own read8/write8 (so each one is
// translated and permission-checked on its own). Rare paths only.

import type { GuestMemory } from './guest-memory.js';

/** Read `n` (≤ 4) bytes at (hi, lo) as an unsigned number in byte order `le`. */
export function readSplit(m: GuestMemory, hi: number, lo: number, n: number, le: boolean): number {
  let v = 0;
  for (let i = 0; i < n; i++) {
    const l = (lo + i) | 0;
    const h = l >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
    const b = m.read8(h, l);
    v = le ? v | (b << (8 * i)) : (v << 8) | b;
  }
  return v >>> 0;
}

/**
 * Write the `n` (≤ 4) low bytes of `v` at (hi, lo) in byte order `le`.
 * `probeWrite` is called first on the last byte, so a fault on the second
 * page leaves memory unchanged.
 */
export function writeSplit(m: GuestMemory, probeWrite: (hi: number, lo: number) => unknown, hi: number, lo: number, n: number, v: number, le: boolean): void {
  const ll = (lo + n - 1) | 0;
  probeWrite(ll >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi, ll);
  for (let i = 0; i < n; i++) {
    const l = (lo + i) | 0;
    const h = l >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
    m.write8(h, l, (v >>> (le ? 8 * i : 8 * (n - 1 - i))) & 0xff);
  }
}

/** Read a page-crossing doubleword at (hi, lo): returns the low word, the high word in m.hi64. */
export function readSplit64(m: GuestMemory, hi: number, lo: number, le: boolean): number {
  const lo4 = (lo + 4) | 0;
  const hi4 = lo4 >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
  const a = readSplit(m, hi, lo, 4, le) | 0;
  const b = readSplit(m, hi4, lo4, 4, le) | 0;
  m.hi64 = le ? b : a;
  return le ? a : b;
}

/** Write a page-crossing doubleword (vHi, vLo) at (hi, lo); both pages are probed before any byte changes. */
export function writeSplit64(m: GuestMemory, probeWrite: (hi: number, lo: number) => unknown, hi: number, lo: number, vHi: number, vLo: number, le: boolean): void {
  const l7 = (lo + 7) | 0;
  probeWrite(l7 >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi, l7);
  const lo4 = (lo + 4) | 0;
  const hi4 = lo4 >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
  writeSplit(m, probeWrite, hi, lo, 4, le ? vLo : vHi, le);
  writeSplit(m, probeWrite, hi4, lo4, 4, le ? vHi : vLo, le);
}
