// Interpreter: VMX cryptography: AES rounds (vcipher, vcipherlast, vncipher,
// vncipherlast, vsbox) and SHA-2 sigma functions (vshasigmaw, vshasigmad).
// The AES state is VRA's 16 bytes in element order, column-major as in FIPS-197
// (byte 4c+r is row r of column c).

import type { CpuState } from '../state.js';
import type { HandlerTable } from './handler.js';
import { vrt, vra, vrb, A8, B8, T8, T32, ld8, st8, st32 } from './vmx-common.js';

const SBOX = new Uint8Array(256);
const INV_SBOX = new Uint8Array(256);

function xtime(x: number): number {
  return ((x << 1) ^ (x & 0x80 ? 0x1b : 0)) & 0xff;
}

function gmul(a: number, b: number): number {
  let r = 0;
  while (b) {
    if (b & 1) r ^= a;
    a = xtime(a);
    b >>>= 1;
  }
  return r;
}

(function buildSbox(): void {
  for (let x = 0; x < 256; x++) {
    let inv = 0;
    if (x) for (inv = 1; gmul(x, inv) !== 1; inv++);
    let s = inv;
    let r = inv;
    for (let k = 0; k < 4; k++) {
      r = ((r << 1) | (r >>> 7)) & 0xff;
      s ^= r;
    }
    s ^= 0x63;
    SBOX[x] = s;
    INV_SBOX[s] = x;
  }
})();

/** SubBytes(ShiftRows) or their inverses, from A8 into T8. */
function subShift(inv: boolean): void {
  for (let c = 0; c < 4; c++) {
    for (let r = 0; r < 4; r++) {
      const src = 4 * ((inv ? c - r + 4 : c + r) % 4) + r;
      T8[4 * c + r] = inv ? INV_SBOX[A8[src]!]! : SBOX[A8[src]!]!;
    }
  }
}

function mixColumns(x: Uint8Array): void {
  for (let c = 0; c < 16; c += 4) {
    const s0 = x[c]!;
    const s1 = x[c + 1]!;
    const s2 = x[c + 2]!;
    const s3 = x[c + 3]!;
    x[c] = xtime(s0) ^ xtime(s1) ^ s1 ^ s2 ^ s3;
    x[c + 1] = s0 ^ xtime(s1) ^ xtime(s2) ^ s2 ^ s3;
    x[c + 2] = s0 ^ s1 ^ xtime(s2) ^ xtime(s3) ^ s3;
    x[c + 3] = xtime(s0) ^ s0 ^ s1 ^ s2 ^ xtime(s3);
  }
}

function invMixColumns(x: Uint8Array): void {
  for (let c = 0; c < 16; c += 4) {
    const s0 = x[c]!;
    const s1 = x[c + 1]!;
    const s2 = x[c + 2]!;
    const s3 = x[c + 3]!;
    x[c] = gmul(s0, 14) ^ gmul(s1, 11) ^ gmul(s2, 13) ^ gmul(s3, 9);
    x[c + 1] = gmul(s0, 9) ^ gmul(s1, 14) ^ gmul(s2, 11) ^ gmul(s3, 13);
    x[c + 2] = gmul(s0, 13) ^ gmul(s1, 9) ^ gmul(s2, 14) ^ gmul(s3, 11);
    x[c + 3] = gmul(s0, 11) ^ gmul(s1, 13) ^ gmul(s2, 9) ^ gmul(s3, 14);
  }
}

function cipher(s: CpuState, i: number, inv: boolean, last: boolean): void {
  const v = s.vsr;
  ld8(v, vra(i), A8);
  ld8(v, vrb(i), B8);
  subShift(inv);
  if (!inv && !last) mixColumns(T8);
  for (let k = 0; k < 16; k++) T8[k] = T8[k]! ^ B8[k]!;
  if (inv && !last) invMixColumns(T8);
  st8(v, vrt(i), T8);
}

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** 64-bit rotate right of (hi, lo) by n (0 < n < 64): low word returned, high in rHi. */
let rHi = 0;
function rotr64(hi: number, lo: number, n: number): number {
  if (n >= 32) {
    const t = hi;
    hi = lo;
    lo = t;
    n -= 32;
  }
  if (n === 0) {
    rHi = hi;
    return lo;
  }
  rHi = (hi >>> n) | (lo << (32 - n));
  return (lo >>> n) | (hi << (32 - n));
}
function shr64(hi: number, lo: number, n: number): number {
  rHi = hi >>> n;
  return (lo >>> n) | (hi << (32 - n));
}

export const VMX_CRYPTO_HANDLERS: HandlerTable = {
  vcipher: (s, i) => cipher(s, i, false, false),
  vcipherlast: (s, i) => cipher(s, i, false, true),
  vncipher: (s, i) => cipher(s, i, true, false),
  vncipherlast: (s, i) => cipher(s, i, true, true),
  vsbox(s, i) {
    const v = s.vsr;
    ld8(v, vra(i), A8);
    for (let k = 0; k < 16; k++) T8[k] = SBOX[A8[k]!]!;
    st8(v, vrt(i), T8);
  },

  vshasigmaw(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const st = (i >>> 15) & 1;
    const six = (i >>> 11) & 15;
    for (let k = 0; k < 4; k++) {
      const x = v[a + k]!;
      const hi = (six >>> (3 - k)) & 1;
      T32[k] = st
        ? hi
          ? rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25)
          : rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22)
        : hi
          ? rotr(x, 17) ^ rotr(x, 19) ^ (x >>> 10)
          : rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
    }
    st32(v, vrt(i), T32);
  },

  vshasigmad(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const st = (i >>> 15) & 1;
    const six = (i >>> 11) & 15;
    for (let k = 0; k < 2; k++) {
      const h = v[a + 2 * k]! | 0;
      const l = v[a + 2 * k + 1]! | 0;
      const sel = (six >>> (3 - 2 * k)) & 1;
      const [r1, r2, r3, shift] = st ? (sel ? [14, 18, 41, false] : [28, 34, 39, false]) : sel ? [19, 61, 6, true] : [1, 8, 7, true];
      let lo = rotr64(h, l, r1 as number);
      let hi = rHi;
      lo ^= rotr64(h, l, r2 as number);
      hi ^= rHi;
      lo ^= shift ? shr64(h, l, r3 as number) : rotr64(h, l, r3 as number);
      hi ^= rHi;
      T32[2 * k] = hi;
      T32[2 * k + 1] = lo;
    }
    st32(v, vrt(i), T32);
  },
};
