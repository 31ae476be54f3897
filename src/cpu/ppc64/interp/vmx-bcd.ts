// Interpreter: VMX decimal (signed packed BCD) add/subtract, as QEMU 7.2 does
// it: 31 digits, sign in the low nibble of byte 15; CR6 gets LT/GT/EQ/SO.

import type { CpuState } from '../state.js';
import type { HandlerTable } from './handler.js';
import { vrt, vra, vrb, A8, B8, T8, ld8, st8 } from './vmx-common.js';

/** Sign of a BCD operand from its sign nibble: 1, -1, or 0 (invalid). */
function sgn(x: Uint8Array): number {
  const n = x[15]! & 15;
  return n === 0xa || n === 0xc || n === 0xe || n === 0xf ? 1 : n === 0xb || n === 0xd ? -1 : 0;
}
/** digit n (1..31) */
const dig = (x: Uint8Array, n: number): number => (n & 1 ? x[15 - (n >> 1)]! >> 4 : x[15 - (n >> 1)]! & 15);
function put(x: Uint8Array, n: number, d: number): void {
  const k = 15 - (n >> 1);
  x[k] = n & 1 ? (x[k]! & 0x0f) | (d << 4) : (x[k]! & 0xf0) | d;
}
const pref = (sg: number, ps: number): number => (sg >= 0 ? (ps ? 0xf : 0xc) : 0xd);

/** Set when a digit > 9 is read (QEMU checks digits only as it uses them). */
let bad = false;

function cmpMag(a: Uint8Array, b: Uint8Array): number {
  for (let n = 31; n > 0; n--) {
    const x = dig(a, n);
    const y = dig(b, n);
    if (x > 9 || y > 9) return 0; // QEMU: "doesn't matter"; the equal-magnitude path follows
    if (x !== y) return x > y ? 1 : -1;
  }
  return 0;
}

/** T8 digits := |a| + |b|; returns [zero, carry] packed as zero | carry << 1. */
function addMag(a: Uint8Array, b: Uint8Array): number {
  let c = 0;
  let zero = 1;
  for (let n = 1; n <= 31; n++) {
    const x = dig(a, n);
    const y = dig(b, n);
    if (x > 9 || y > 9) bad = true;
    let d = x + y + c;
    if (d !== 0) zero = 0;
    if (d > 9) {
      c = 1;
      d -= 10;
    } else c = 0;
    put(T8, n, d);
  }
  return zero | (c << 1);
}

function subMag(a: Uint8Array, b: Uint8Array): void {
  let c = 0;
  for (let n = 1; n <= 31; n++) {
    const x = dig(a, n);
    const y = dig(b, n);
    if (x > 9 || y > 9) bad = true;
    let d = x - y + c;
    if (d < 0) {
      c = -1;
      d += 10;
    } else c = 0;
    put(T8, n, d);
  }
}

function bcdAdd(s: CpuState, i: number, a: Uint8Array, b: Uint8Array): void {
  const ps = (i >>> 9) & 1;
  const sa = sgn(a);
  const sb = sgn(b);
  bad = sa === 0 || sb === 0;
  let cr = 0;
  let overflow = 0;
  let zero = 0;
  T8.fill(0);
  if (!bad) {
    if (sa === sb) {
      T8[15] = pref(sa, ps);
      const r = addMag(a, b);
      zero = r & 1;
      overflow = r >> 1;
      cr = sa > 0 ? 4 : 8;
    } else {
      const m = cmpMag(a, b);
      if (m > 0) {
        T8[15] = pref(sa, ps);
        subMag(a, b);
        cr = sa > 0 ? 4 : 8;
      } else if (m < 0) {
        T8[15] = pref(sb, ps);
        subMag(b, a);
        cr = sb > 0 ? 4 : 8;
      } else {
        T8[15] = pref(0, ps);
        cr = 2;
      }
    }
  }
  if (bad) {
    T8.fill(0xff);
    cr = 1;
  } else if (overflow) cr |= 1;
  else if (zero) cr |= 2;
  st8(s.vsr, vrt(i), T8);
  s.cr = (s.cr & ~0xf0) | (cr << 4);
}

export const VMX_BCD_HANDLERS: HandlerTable = {
  'bcdadd.'(s, i) {
    ld8(s.vsr, vra(i), A8);
    ld8(s.vsr, vrb(i), B8);
    bcdAdd(s, i, A8, B8);
  },
  'bcdsub.'(s, i) {
    ld8(s.vsr, vra(i), A8);
    ld8(s.vsr, vrb(i), B8);
    const sb = sgn(B8);
    if (sb < 0) B8[15] = (B8[15]! & 0xf0) | 0xc;
    else if (sb > 0) B8[15] = (B8[15]! & 0xf0) | 0xd;
    bcdAdd(s, i, A8, B8);
  },
};
