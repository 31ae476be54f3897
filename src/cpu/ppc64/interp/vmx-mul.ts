// Interpreter: VMX multiply, multiply-add/sum, sum-across and polynomial
// (carry-less) multiply-sum.

import type { CpuState } from '../state.js';
import type { HandlerTable } from './handler.js';
import { vrt, vra, vrb, vrc, A8, B8, A16, B16, C16, T16, T32, ld8, ld16, st16, st32, mulu32, muls32, mulHi } from './vmx-common.js';

let sat = 0;
const s8 = (x: number): number => (x << 24) >> 24;
const s16 = (x: number): number => (x << 16) >> 16;
const satS32 = (x: number): number => (x > 2147483647 ? ((sat = 1), 2147483647) : x < -2147483648 ? ((sat = 1), -2147483648) : x);
const satS16 = (x: number): number => (x > 32767 ? ((sat = 1), 32767) : x < -32768 ? ((sat = 1), -32768) : x);

/** Even (odd = 0) or odd (odd = 1) byte products into halfwords. */
function mulB(s: CpuState, i: number, odd: number, signed: boolean): void {
  const v = s.vsr;
  ld8(v, vra(i), A8);
  ld8(v, vrb(i), B8);
  for (let k = 0; k < 8; k++) {
    const a = A8[2 * k + odd]!;
    const b = B8[2 * k + odd]!;
    T16[k] = signed ? s8(a) * s8(b) : a * b;
  }
  st16(v, vrt(i), T16);
}

function mulH(s: CpuState, i: number, odd: number, signed: boolean): void {
  const v = s.vsr;
  ld16(v, vra(i), A16);
  ld16(v, vrb(i), B16);
  for (let k = 0; k < 4; k++) {
    const a = A16[2 * k + odd]!;
    const b = B16[2 * k + odd]!;
    T32[k] = signed ? Math.imul(s16(a), s16(b)) : a * b;
  }
  st32(v, vrt(i), T32);
}

function mulW(s: CpuState, i: number, odd: number, signed: boolean): void {
  const v = s.vsr;
  const a = vra(i);
  const b = vrb(i);
  for (let k = 0; k < 2; k++) {
    const x = v[a + 2 * k + odd]!;
    const y = v[b + 2 * k + odd]!;
    T32[2 * k + 1] = signed ? muls32(x | 0, y | 0) : mulu32(x, y);
    T32[2 * k] = mulHi;
  }
  st32(v, vrt(i), T32);
}

/** Carry-less multiply of two 32-bit values: low word returned, high word in clHi. */
let clHi = 0;
function clmul32(a: number, b: number): number {
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < 32; k++) {
    if ((b >>> k) & 1) {
      lo ^= a << k;
      if (k) hi ^= a >>> (32 - k);
    }
  }
  clHi = hi;
  return lo;
}

function vmsumDone(s: CpuState): void {
  if (sat) s.vscr |= 1;
}

export const VMX_MUL_HANDLERS: HandlerTable = {
  vmuleub: (s, i) => mulB(s, i, 0, false),
  vmuloub: (s, i) => mulB(s, i, 1, false),
  vmulesb: (s, i) => mulB(s, i, 0, true),
  vmulosb: (s, i) => mulB(s, i, 1, true),
  vmuleuh: (s, i) => mulH(s, i, 0, false),
  vmulouh: (s, i) => mulH(s, i, 1, false),
  vmulesh: (s, i) => mulH(s, i, 0, true),
  vmulosh: (s, i) => mulH(s, i, 1, true),
  vmuleuw: (s, i) => mulW(s, i, 0, false),
  vmulouw: (s, i) => mulW(s, i, 1, false),
  vmulesw: (s, i) => mulW(s, i, 0, true),
  vmulosw: (s, i) => mulW(s, i, 1, true),
  vmuluwm(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k++) T32[k] = Math.imul(v[a + k]!, v[b + k]!);
    st32(v, t, T32);
  },

  // ---- halfword multiply-add
  vmhaddshs(s, i) {
    const v = s.vsr;
    sat = 0;
    ld16(v, vra(i), A16);
    ld16(v, vrb(i), B16);
    ld16(v, vrc(i), C16);
    for (let k = 0; k < 8; k++) T16[k] = satS16((Math.imul(s16(A16[k]!), s16(B16[k]!)) >> 15) + s16(C16[k]!));
    st16(v, vrt(i), T16);
    vmsumDone(s);
  },
  vmhraddshs(s, i) {
    const v = s.vsr;
    sat = 0;
    ld16(v, vra(i), A16);
    ld16(v, vrb(i), B16);
    ld16(v, vrc(i), C16);
    for (let k = 0; k < 8; k++) T16[k] = satS16(((Math.imul(s16(A16[k]!), s16(B16[k]!)) + 0x4000) >> 15) + s16(C16[k]!));
    st16(v, vrt(i), T16);
    vmsumDone(s);
  },
  vmladduhm(s, i) {
    const v = s.vsr;
    ld16(v, vra(i), A16);
    ld16(v, vrb(i), B16);
    ld16(v, vrc(i), C16);
    for (let k = 0; k < 8; k++) T16[k] = Math.imul(A16[k]!, B16[k]!) + C16[k]!;
    st16(v, vrt(i), T16);
  },

  // ---- multiply-sum
  vmsumubm(s, i) {
    const v = s.vsr;
    ld8(v, vra(i), A8);
    ld8(v, vrb(i), B8);
    const c = vrc(i);
    for (let k = 0; k < 4; k++) {
      let sum = v[c + k]!;
      for (let j = 4 * k; j < 4 * k + 4; j++) sum += A8[j]! * B8[j]!;
      T32[k] = sum;
    }
    st32(v, vrt(i), T32);
  },
  vmsummbm(s, i) {
    const v = s.vsr;
    ld8(v, vra(i), A8);
    ld8(v, vrb(i), B8);
    const c = vrc(i);
    for (let k = 0; k < 4; k++) {
      let sum = v[c + k]! | 0;
      for (let j = 4 * k; j < 4 * k + 4; j++) sum += s8(A8[j]!) * B8[j]!;
      T32[k] = sum;
    }
    st32(v, vrt(i), T32);
  },
  vmsumuhm(s, i) {
    const v = s.vsr;
    ld16(v, vra(i), A16);
    ld16(v, vrb(i), B16);
    const c = vrc(i);
    for (let k = 0; k < 4; k++) T32[k] = v[c + k]! + A16[2 * k]! * B16[2 * k]! + A16[2 * k + 1]! * B16[2 * k + 1]!;
    st32(v, vrt(i), T32);
  },
  vmsumuhs(s, i) {
    const v = s.vsr;
    sat = 0;
    ld16(v, vra(i), A16);
    ld16(v, vrb(i), B16);
    const c = vrc(i);
    for (let k = 0; k < 4; k++) {
      const sum = v[c + k]! + A16[2 * k]! * B16[2 * k]! + A16[2 * k + 1]! * B16[2 * k + 1]!;
      T32[k] = sum > 0xffffffff ? ((sat = 1), 0xffffffff) : sum;
    }
    st32(v, vrt(i), T32);
    vmsumDone(s);
  },
  vmsumshm(s, i) {
    const v = s.vsr;
    ld16(v, vra(i), A16);
    ld16(v, vrb(i), B16);
    const c = vrc(i);
    for (let k = 0; k < 4; k++) T32[k] = (v[c + k]! | 0) + s16(A16[2 * k]!) * s16(B16[2 * k]!) + s16(A16[2 * k + 1]!) * s16(B16[2 * k + 1]!);
    st32(v, vrt(i), T32);
  },
  vmsumshs(s, i) {
    const v = s.vsr;
    sat = 0;
    ld16(v, vra(i), A16);
    ld16(v, vrb(i), B16);
    const c = vrc(i);
    for (let k = 0; k < 4; k++) {
      T32[k] = satS32((v[c + k]! | 0) + s16(A16[2 * k]!) * s16(B16[2 * k]!) + s16(A16[2 * k + 1]!) * s16(B16[2 * k + 1]!));
    }
    st32(v, vrt(i), T32);
    vmsumDone(s);
  },
  vmsumudm(s, i) {
    // rare: 128-bit arithmetic with BigInt
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const c = vrc(i);
    const dw = (base: number, k: number): bigint => (BigInt(v[base + k]!) << 32n) | BigInt(v[base + k + 1]!);
    const q = (base: number): bigint => (dw(base, 0) << 64n) | dw(base, 2);
    let r = dw(a, 0) * dw(b, 0) + dw(a, 2) * dw(b, 2) + q(c);
    for (let k = 3; k >= 0; k--) {
      T32[k] = Number(r & 0xffffffffn);
      r >>= 32n;
    }
    st32(v, vrt(i), T32);
  },

  // ---- sum across
  vsum4ubs(s, i) {
    const v = s.vsr;
    sat = 0;
    ld8(v, vra(i), A8);
    const b = vrb(i);
    for (let k = 0; k < 4; k++) {
      const sum = v[b + k]! + A8[4 * k]! + A8[4 * k + 1]! + A8[4 * k + 2]! + A8[4 * k + 3]!;
      T32[k] = sum > 0xffffffff ? ((sat = 1), 0xffffffff) : sum;
    }
    st32(v, vrt(i), T32);
    vmsumDone(s);
  },
  vsum4sbs(s, i) {
    const v = s.vsr;
    sat = 0;
    ld8(v, vra(i), A8);
    const b = vrb(i);
    for (let k = 0; k < 4; k++) {
      T32[k] = satS32((v[b + k]! | 0) + s8(A8[4 * k]!) + s8(A8[4 * k + 1]!) + s8(A8[4 * k + 2]!) + s8(A8[4 * k + 3]!));
    }
    st32(v, vrt(i), T32);
    vmsumDone(s);
  },
  vsum4shs(s, i) {
    const v = s.vsr;
    sat = 0;
    ld16(v, vra(i), A16);
    const b = vrb(i);
    for (let k = 0; k < 4; k++) T32[k] = satS32((v[b + k]! | 0) + s16(A16[2 * k]!) + s16(A16[2 * k + 1]!));
    st32(v, vrt(i), T32);
    vmsumDone(s);
  },
  vsum2sws(s, i) {
    const v = s.vsr;
    sat = 0;
    const a = vra(i);
    const b = vrb(i);
    for (let k = 0; k < 4; k += 2) {
      T32[k] = 0;
      T32[k + 1] = satS32((v[a + k]! | 0) + (v[a + k + 1]! | 0) + (v[b + k + 1]! | 0));
    }
    st32(v, vrt(i), T32);
    vmsumDone(s);
  },
  vsumsws(s, i) {
    const v = s.vsr;
    sat = 0;
    const a = vra(i);
    const b = vrb(i);
    const r = satS32((v[a]! | 0) + (v[a + 1]! | 0) + (v[a + 2]! | 0) + (v[a + 3]! | 0) + (v[b + 3]! | 0));
    T32[0] = 0;
    T32[1] = 0;
    T32[2] = 0;
    T32[3] = r;
    st32(v, vrt(i), T32);
    vmsumDone(s);
  },

  // ---- polynomial multiply-sum
  vpmsumb(s, i) {
    const v = s.vsr;
    ld8(v, vra(i), A8);
    ld8(v, vrb(i), B8);
    for (let k = 0; k < 8; k++) T16[k] = clmul32(A8[2 * k]!, B8[2 * k]!) ^ clmul32(A8[2 * k + 1]!, B8[2 * k + 1]!);
    st16(v, vrt(i), T16);
  },
  vpmsumh(s, i) {
    const v = s.vsr;
    ld16(v, vra(i), A16);
    ld16(v, vrb(i), B16);
    for (let k = 0; k < 4; k++) T32[k] = clmul32(A16[2 * k]!, B16[2 * k]!) ^ clmul32(A16[2 * k + 1]!, B16[2 * k + 1]!);
    st32(v, vrt(i), T32);
  },
  vpmsumw(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    for (let k = 0; k < 4; k += 2) {
      let lo = clmul32(v[a + k]!, v[b + k]!);
      let hi = clHi;
      lo ^= clmul32(v[a + k + 1]!, v[b + k + 1]!);
      hi ^= clHi;
      T32[k] = hi;
      T32[k + 1] = lo;
    }
    st32(v, vrt(i), T32);
  },
  vpmsumd(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    // 128-bit result r[0..3] (word 0 most significant) = XOR over both doublewords
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    for (let k = 0; k < 4; k += 2) {
      const ah = v[a + k]!;
      const al = v[a + k + 1]!;
      const bh = v[b + k]!;
      const bl = v[b + k + 1]!;
      let x = clmul32(al, bl);
      r3 ^= x;
      r2 ^= clHi;
      x = clmul32(ah, bl);
      r2 ^= x;
      r1 ^= clHi;
      x = clmul32(al, bh);
      r2 ^= x;
      r1 ^= clHi;
      x = clmul32(ah, bh);
      r1 ^= x;
      r0 ^= clHi;
    }
    T32[0] = r0;
    T32[1] = r1;
    T32[2] = r2;
    T32[3] = r3;
    st32(v, vrt(i), T32);
  },
};
