// Interpreter: VMX integer arithmetic, compare, logical, shift and rotate.
// Hot, simple operations (logical, modulo add, byte compares) work on whole
// words; the rest go through lane buffers (vmx-common.ts).

import type { CpuState } from '../state.js';
import type { HandlerTable } from './handler.js';
import {
  vrt, vra, vrb, vrc, A8, B8, T8, A16, B16, T16, T32, ld8, st8, ld16, st16, st32, setCr6, ctz32, popcnt32,
} from './vmx-common.js';

type F2 = (a: number, b: number) => number;

/** Saturation seen by the current lane function (reset by each wrapper). */
let sat = 0;
const s8 = (x: number): number => (x << 24) >> 24;
const s16 = (x: number): number => (x << 16) >> 16;
const satU = (x: number, max: number): number => (x > max ? ((sat = 1), max) : x < 0 ? ((sat = 1), 0) : x);
const satS = (x: number, min: number, max: number): number => (x > max ? ((sat = 1), max) : x < min ? ((sat = 1), min) : x);

function op8(s: CpuState, i: number, f: F2): void {
  const v = s.vsr;
  sat = 0;
  ld8(v, vra(i), A8);
  ld8(v, vrb(i), B8);
  for (let k = 0; k < 16; k++) T8[k] = f(A8[k]!, B8[k]!);
  st8(v, vrt(i), T8);
  if (sat) s.vscr |= 1;
}

function op16(s: CpuState, i: number, f: F2): void {
  const v = s.vsr;
  sat = 0;
  ld16(v, vra(i), A16);
  ld16(v, vrb(i), B16);
  for (let k = 0; k < 8; k++) T16[k] = f(A16[k]!, B16[k]!);
  st16(v, vrt(i), T16);
  if (sat) s.vscr |= 1;
}

/** Word lanes; f gets the words as unsigned numbers. */
function op32(s: CpuState, i: number, f: F2): void {
  const v = s.vsr;
  const a = vra(i);
  const b = vrb(i);
  sat = 0;
  for (let k = 0; k < 4; k++) T32[k] = f(v[a + k]!, v[b + k]!);
  st32(v, vrt(i), T32);
  if (sat) s.vscr |= 1;
}

/** Byte lanes of one source (VRB). */
function op8u(s: CpuState, i: number, f: (b: number) => number): void {
  const v = s.vsr;
  ld8(v, vrb(i), B8);
  for (let k = 0; k < 16; k++) T8[k] = f(B8[k]!);
  st8(v, vrt(i), T8);
}

function op16u(s: CpuState, i: number, f: (b: number) => number): void {
  const v = s.vsr;
  ld16(v, vrb(i), B16);
  for (let k = 0; k < 8; k++) T16[k] = f(B16[k]!);
  st16(v, vrt(i), T16);
}

function op32u(s: CpuState, i: number, f: (b: number) => number): void {
  const v = s.vsr;
  const b = vrb(i);
  for (let k = 0; k < 4; k++) T32[k] = f(v[b + k]!);
  st32(v, vrt(i), T32);
}

// ---- doubleword lanes: (hi, lo) pairs ----
/** Result low word of a doubleword lane function; the high word goes in dHi. */
let dHi = 0;
type FD = (ah: number, al: number, bh: number, bl: number) => number;

function op64(s: CpuState, i: number, f: FD): void {
  const v = s.vsr;
  const a = vra(i);
  const b = vrb(i);
  for (let k = 0; k < 4; k += 2) {
    T32[k + 1] = f(v[a + k]! | 0, v[a + k + 1]! | 0, v[b + k]! | 0, v[b + k + 1]! | 0);
    T32[k] = dHi;
  }
  st32(v, vrt(i), T32);
}

function ltu64(ah: number, al: number, bh: number, bl: number): boolean {
  return ah !== bh ? ah >>> 0 < bh >>> 0 : al >>> 0 < bl >>> 0;
}
function lts64(ah: number, al: number, bh: number, bl: number): boolean {
  return ah !== bh ? ah < bh : al >>> 0 < bl >>> 0;
}

function add64(ah: number, al: number, bh: number, bl: number): number {
  const l = (al >>> 0) + (bl >>> 0);
  dHi = (ah + bh + (l > 0xffffffff ? 1 : 0)) | 0;
  return l | 0;
}
function sub64(ah: number, al: number, bh: number, bl: number): number {
  dHi = (ah - bh - (al >>> 0 < bl >>> 0 ? 1 : 0)) | 0;
  return (al - bl) | 0;
}

// ---- 128-bit add: a + b + cin over the words of the source VRs ----
/** Add VR words a[] + b[] (b complemented when inv) + cin into T32; returns the carry out. */
function add128(v: Uint32Array, a: number, b: number, inv: boolean, cin: number): number {
  let c = cin;
  for (let k = 3; k >= 0; k--) {
    const bw = inv ? ~v[b + k]! >>> 0 : v[b + k]!;
    const sum = v[a + k]! + bw + c;
    T32[k] = sum;
    c = sum > 0xffffffff ? 1 : 0;
  }
  return c;
}

function quadOp(s: CpuState, i: number, inv: boolean, cin: number, carryOut: boolean): void {
  const c = add128(s.vsr, vra(i), vrb(i), inv, cin);
  const t = vrt(i);
  if (carryOut) {
    s.vsr[t] = 0;
    s.vsr[t + 1] = 0;
    s.vsr[t + 2] = 0;
    s.vsr[t + 3] = c;
  } else st32(s.vsr, t, T32);
}

// ---- compares ----
function cmpDone(s: CpuState, i: number): void {
  if (i & 0x400) setCr6(s, s.vsr, vrt(i));
}
const ones = (c: boolean): number => (c ? 0xffffffff : 0);

function mask32(mb: number, me: number): number {
  const m1 = 0xffffffff >>> mb;
  const m2 = me === 31 ? 0xffffffff : ~(0xffffffff >>> (me + 1));
  return (mb <= me ? m1 & m2 : m1 | m2) >>> 0;
}

function rotl32(x: number, n: number): number {
  n &= 31;
  return n === 0 ? x >>> 0 : ((x << n) | (x >>> (32 - n))) >>> 0;
}

/** rotate the 64-bit (hi, lo) left by n (0..63); low word returned, high in dHi */
function rotl64(hi: number, lo: number, n: number): number {
  if (n & 32) {
    const t = hi;
    hi = lo;
    lo = t;
  }
  n &= 31;
  if (n === 0) {
    dHi = hi | 0;
    return lo | 0;
  }
  dHi = (hi << n) | (lo >>> (32 - n));
  return (lo << n) | (hi >>> (32 - n));
}

/** MASK(mb, me) over 64 bits: low word returned, high word in dHi. */
function mask64(mb: number, me: number): number {
  // bits mb..me (ISA numbering, wrap when mb > me)
  const hiOf = (b: number, e: number): number => (b > 31 ? 0 : mask32(b, Math.min(e, 31)));
  const loOf = (b: number, e: number): number => (e < 32 ? 0 : mask32(Math.max(b, 32) - 32, e - 32));
  if (mb <= me) {
    dHi = hiOf(mb, me) | 0;
    return loOf(mb, me) | 0;
  }
  // wrap: [0, me] ∪ [mb, 63]
  dHi = (hiOf(0, me) | hiOf(mb, 63)) | 0;
  return (loOf(0, me) | loOf(mb, 63)) | 0;
}

type F1 = (x: number) => number;
// ---- SWAR byte helpers (4 bytes per word) for the string-function hot paths
const HB = 0x80808080;
const LB = 0x7f7f7f7f;
/** 0x80 in each byte of x that is non-zero. */
const nzB = (x: number): number => (((x & LB) + LB) | x) & HB;
/** 0x80 in each byte where x < y (unsigned). */
function ltB(x: number, y: number): number {
  const d = ((x | HB) - (y & LB)) ^ ((x ^ ~y) & HB);
  return ((~x & y) | (~(x ^ y) & d)) & HB;
}
/** 0x80 flags -> 0xff bytes */
const widen = (f: number): number => (f >>> 7) * 0xff;

function minmaxB(s: CpuState, i: number, max: boolean): void {
  const v = s.vsr;
  const a = vra(i);
  const b = vrb(i);
  const t = vrt(i);
  for (let k = 0; k < 4; k++) {
    const x = v[a + k]!;
    const y = v[b + k]!;
    const m = widen(max ? ltB(x, y) : ltB(y, x)); // bytes where y wins
    v[t + k] = (x & ~m) | (y & m);
  }
}

function cmpneB(s: CpuState, i: number, orZero: boolean): void {
  const v = s.vsr;
  const a = vra(i);
  const b = vrb(i);
  const t = vrt(i);
  for (let k = 0; k < 4; k++) {
    const x = v[a + k]!;
    const y = v[b + k]!;
    let f = nzB(x ^ y);
    if (orZero) f |= ~nzB(x) & HB | (~nzB(y) & HB);
    v[t + k] = widen(f);
  }
  cmpDone(s, i);
}

// Lane functions, hoisted so that handlers allocate nothing.
const L_vaddcuw: F2 = (a, b) => (a + b > 0xffffffff ? 1 : 0);
const L_vsububm: F2 = (a, b) => a - b;
const L_vsubuhm: F2 = (a, b) => a - b;
const L_vsubuwm: F2 = (a, b) => a - b;
const L_vsubcuw: F2 = (a, b) => (a >= b ? 1 : 0);
const L_vaddubs: F2 = (a, b) => satU(a + b, 0xff);
const L_vadduhs: F2 = (a, b) => satU(a + b, 0xffff);
const L_vadduws: F2 = (a, b) => satU(a + b, 0xffffffff);
const L_vaddsbs: F2 = (a, b) => satS(s8(a) + s8(b), -128, 127);
const L_vaddshs: F2 = (a, b) => satS(s16(a) + s16(b), -32768, 32767);
const L_vaddsws: F2 = (a, b) => satS((a | 0) + (b | 0), -2147483648, 2147483647);
const L_vsububs: F2 = (a, b) => satU(a - b, 0xff);
const L_vsubuhs: F2 = (a, b) => satU(a - b, 0xffff);
const L_vsubuws: F2 = (a, b) => satU(a - b, 0xffffffff);
const L_vsubsbs: F2 = (a, b) => satS(s8(a) - s8(b), -128, 127);
const L_vsubshs: F2 = (a, b) => satS(s16(a) - s16(b), -32768, 32767);
const L_vsubsws: F2 = (a, b) => satS((a | 0) - (b | 0), -2147483648, 2147483647);
const L_vavgub: F2 = (a, b) => (a + b + 1) >> 1;
const L_vavguh: F2 = (a, b) => (a + b + 1) >> 1;
const L_vavguw: F2 = (a, b) => Math.floor((a + b + 1) / 2);
const L_vavgsb: F2 = (a, b) => (s8(a) + s8(b) + 1) >> 1;
const L_vavgsh: F2 = (a, b) => (s16(a) + s16(b) + 1) >> 1;
const L_vavgsw: F2 = (a, b) => Math.floor(((a | 0) + (b | 0) + 1) / 2);
const L_vmaxuh: F2 = (a, b) => (a > b ? a : b);
const L_vmaxuw: F2 = (a, b) => (a > b ? a : b);
const L_vmaxsb: F2 = (a, b) => (s8(a) > s8(b) ? a : b);
const L_vmaxsh: F2 = (a, b) => (s16(a) > s16(b) ? a : b);
const L_vmaxsw: F2 = (a, b) => ((a | 0) > (b | 0) ? a : b);
const L_vminuh: F2 = (a, b) => (a < b ? a : b);
const L_vminuw: F2 = (a, b) => (a < b ? a : b);
const L_vminsb: F2 = (a, b) => (s8(a) < s8(b) ? a : b);
const L_vminsh: F2 = (a, b) => (s16(a) < s16(b) ? a : b);
const L_vminsw: F2 = (a, b) => ((a | 0) < (b | 0) ? a : b);
const L_vmaxud: FD = (ah, al, bh, bl) => (ltu64(ah, al, bh, bl) ? ((dHi = bh), bl) : ((dHi = ah), al));
const L_vmaxsd: FD = (ah, al, bh, bl) => (lts64(ah, al, bh, bl) ? ((dHi = bh), bl) : ((dHi = ah), al));
const L_vminud: FD = (ah, al, bh, bl) => (ltu64(ah, al, bh, bl) ? ((dHi = ah), al) : ((dHi = bh), bl));
const L_vminsd: FD = (ah, al, bh, bl) => (lts64(ah, al, bh, bl) ? ((dHi = ah), al) : ((dHi = bh), bl));
const L_vabsdub: F2 = (a, b) => (a > b ? a - b : b - a);
const L_vabsduh: F2 = (a, b) => (a > b ? a - b : b - a);
const L_vabsduw: F2 = (a, b) => (a > b ? a - b : b - a);
const L_vnegw: F1 = (b) => -b;
const L_vextsb2w: F1 = (b) => (b << 24) >> 24;
const L_vextsh2w: F1 = (b) => (b << 16) >> 16;
const L_vprtybw: F1 = (b) => popcnt32(b & 0x01010101) & 1;
const L_vclzb: F1 = (b) => Math.clz32(b) - 24;
const L_vclzh: F1 = (b) => Math.clz32(b) - 16;
const L_vclzw: F1 = (b) => Math.clz32(b);
const L_vctzb: F1 = (b) => (b === 0 ? 8 : ctz32(b));
const L_vctzh: F1 = (b) => (b === 0 ? 16 : ctz32(b));
const L_vcmpequh: F2 = (a, b) => (a === b ? 0xffff : 0);
const L_vcmpequw: F2 = (a, b) => ones(a === b);
const L_vcmpequd: FD = (ah, al, bh, bl) => ((dHi = ah === bh && al === bl ? -1 : 0), dHi);
const L_vcmpgtub: F2 = (a, b) => (a > b ? 0xff : 0);
const L_vcmpgtuh: F2 = (a, b) => (a > b ? 0xffff : 0);
const L_vcmpgtuw: F2 = (a, b) => ones(a > b);
const L_vcmpgtud: FD = (ah, al, bh, bl) => ((dHi = ltu64(bh, bl, ah, al) ? -1 : 0), dHi);
const L_vcmpgtsb: F2 = (a, b) => (s8(a) > s8(b) ? 0xff : 0);
const L_vcmpgtsh: F2 = (a, b) => (s16(a) > s16(b) ? 0xffff : 0);
const L_vcmpgtsw: F2 = (a, b) => ones((a | 0) > (b | 0));
const L_vcmpgtsd: FD = (ah, al, bh, bl) => ((dHi = lts64(bh, bl, ah, al) ? -1 : 0), dHi);
const L_vcmpneh: F2 = (a, b) => (a !== b ? 0xffff : 0);
const L_vcmpnew: F2 = (a, b) => ones(a !== b);
const L_vcmpnezh: F2 = (a, b) => (a !== b || a === 0 || b === 0 ? 0xffff : 0);
const L_vcmpnezw: F2 = (a, b) => ones(a !== b || a === 0 || b === 0);
const L_vslb: F2 = (a, b) => a << (b & 7);
const L_vslh: F2 = (a, b) => a << (b & 15);
const L_vslw: F2 = (a, b) => a << (b & 31);
const L_vsrb: F2 = (a, b) => a >>> (b & 7);
const L_vsrh: F2 = (a, b) => a >>> (b & 15);
const L_vsrw: F2 = (a, b) => a >>> (b & 31);
const L_vsrab: F2 = (a, b) => s8(a) >> (b & 7);
const L_vsrah: F2 = (a, b) => s16(a) >> (b & 15);
const L_vsraw: F2 = (a, b) => (a | 0) >> (b & 31);
const L_vrlb: F2 = (a, b) => (a << (b & 7)) | (a >>> (8 - (b & 7)));
const L_vrlh: F2 = (a, b) => (a << (b & 15)) | (a >>> (16 - (b & 15)));
const L_vrlw: F2 = (a, b) => rotl32(a, b);
const L_vrld: FD = (ah, al, _bh, bl) => rotl64(ah, al, bl & 63);
const L_vrlwnm: F2 = (a, b) => rotl32(a, b & 31) & mask32((b >>> 16) & 31, (b >>> 8) & 31);

export const VMX_INT_HANDLERS: HandlerTable = {
  // ---- add / subtract, modulo
  vaddubm(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k++) {
      const x = v[a + k]!;
      const y = v[b + k]!;
      v[t + k] = ((x & 0x7f7f7f7f) + (y & 0x7f7f7f7f)) ^ ((x ^ y) & 0x80808080);
    }
  },
  vadduhm(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k++) {
      const x = v[a + k]!;
      const y = v[b + k]!;
      v[t + k] = ((x & 0x7fff7fff) + (y & 0x7fff7fff)) ^ ((x ^ y) & 0x80008000);
    }
  },
  vadduwm(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k++) v[t + k] = v[a + k]! + v[b + k]!;
  },
  vaddudm: (s, i) => op64(s, i, add64),
  vadduqm: (s, i) => quadOp(s, i, false, 0, false),
  vaddcuq: (s, i) => quadOp(s, i, false, 0, true),
  vaddeuqm: (s, i) => quadOp(s, i, false, s.vsr[vrc(i) + 3]! & 1, false),
  vaddecuq: (s, i) => quadOp(s, i, false, s.vsr[vrc(i) + 3]! & 1, true),
  vaddcuw: (s, i) => op32(s, i, L_vaddcuw),
  vsububm: (s, i) => op8(s, i, L_vsububm),
  vsubuhm: (s, i) => op16(s, i, L_vsubuhm),
  vsubuwm: (s, i) => op32(s, i, L_vsubuwm),
  vsubudm: (s, i) => op64(s, i, sub64),
  vsubuqm: (s, i) => quadOp(s, i, true, 1, false),
  vsubcuq: (s, i) => quadOp(s, i, true, 1, true),
  vsubeuqm: (s, i) => quadOp(s, i, true, s.vsr[vrc(i) + 3]! & 1, false),
  vsubecuq: (s, i) => quadOp(s, i, true, s.vsr[vrc(i) + 3]! & 1, true),
  vsubcuw: (s, i) => op32(s, i, L_vsubcuw),

  // ---- saturating add / subtract
  vaddubs: (s, i) => op8(s, i, L_vaddubs),
  vadduhs: (s, i) => op16(s, i, L_vadduhs),
  vadduws: (s, i) => op32(s, i, L_vadduws),
  vaddsbs: (s, i) => op8(s, i, L_vaddsbs),
  vaddshs: (s, i) => op16(s, i, L_vaddshs),
  vaddsws: (s, i) => op32(s, i, L_vaddsws),
  vsububs: (s, i) => op8(s, i, L_vsububs),
  vsubuhs: (s, i) => op16(s, i, L_vsubuhs),
  vsubuws: (s, i) => op32(s, i, L_vsubuws),
  vsubsbs: (s, i) => op8(s, i, L_vsubsbs),
  vsubshs: (s, i) => op16(s, i, L_vsubshs),
  vsubsws: (s, i) => op32(s, i, L_vsubsws),

  // ---- average (rounded up)
  vavgub: (s, i) => op8(s, i, L_vavgub),
  vavguh: (s, i) => op16(s, i, L_vavguh),
  vavguw: (s, i) => op32(s, i, L_vavguw),
  vavgsb: (s, i) => op8(s, i, L_vavgsb),
  vavgsh: (s, i) => op16(s, i, L_vavgsh),
  vavgsw: (s, i) => op32(s, i, L_vavgsw),

  // ---- max / min
  vmaxub: (s, i) => minmaxB(s, i, true),
  vmaxuh: (s, i) => op16(s, i, L_vmaxuh),
  vmaxuw: (s, i) => op32(s, i, L_vmaxuw),
  vmaxsb: (s, i) => op8(s, i, L_vmaxsb),
  vmaxsh: (s, i) => op16(s, i, L_vmaxsh),
  vmaxsw: (s, i) => op32(s, i, L_vmaxsw),
  vminub: (s, i) => minmaxB(s, i, false),
  vminuh: (s, i) => op16(s, i, L_vminuh),
  vminuw: (s, i) => op32(s, i, L_vminuw),
  vminsb: (s, i) => op8(s, i, L_vminsb),
  vminsh: (s, i) => op16(s, i, L_vminsh),
  vminsw: (s, i) => op32(s, i, L_vminsw),
  vmaxud: (s, i) => op64(s, i, L_vmaxud),
  vmaxsd: (s, i) => op64(s, i, L_vmaxsd),
  vminud: (s, i) => op64(s, i, L_vminud),
  vminsd: (s, i) => op64(s, i, L_vminsd),

  // ---- absolute difference (unsigned)
  vabsdub: (s, i) => op8(s, i, L_vabsdub),
  vabsduh: (s, i) => op16(s, i, L_vabsduh),
  vabsduw: (s, i) => op32(s, i, L_vabsduw),

  // ---- negate, sign-extend, parity
  vnegw: (s, i) => op32u(s, i, L_vnegw),
  vnegd(s, i) {
    const v = s.vsr;
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k += 2) {
      const lo = v[b + k + 1]!;
      const hi = v[b + k]!;
      v[t + k] = -hi - (lo !== 0 ? 1 : 0);
      v[t + k + 1] = -lo;
    }
  },
  vextsb2w: (s, i) => op32u(s, i, L_vextsb2w),
  vextsh2w: (s, i) => op32u(s, i, L_vextsh2w),
  vextsb2d(s, i) {
    const v = s.vsr;
    const b = vrb(i);
    const t = vrt(i);
    const x = (v[b + 1]! << 24) >> 24;
    const y = (v[b + 3]! << 24) >> 24;
    v[t] = x >> 31;
    v[t + 1] = x;
    v[t + 2] = y >> 31;
    v[t + 3] = y;
  },
  vextsh2d(s, i) {
    const v = s.vsr;
    const b = vrb(i);
    const t = vrt(i);
    const x = (v[b + 1]! << 16) >> 16;
    const y = (v[b + 3]! << 16) >> 16;
    v[t] = x >> 31;
    v[t + 1] = x;
    v[t + 2] = y >> 31;
    v[t + 3] = y;
  },
  vextsw2d(s, i) {
    const v = s.vsr;
    const b = vrb(i);
    const t = vrt(i);
    const x = v[b + 1]! | 0;
    const y = v[b + 3]! | 0;
    v[t] = x >> 31;
    v[t + 1] = x;
    v[t + 2] = y >> 31;
    v[t + 3] = y;
  },
  vprtybw: (s, i) => op32u(s, i, L_vprtybw),
  vprtybd(s, i) {
    const v = s.vsr;
    const b = vrb(i);
    const t = vrt(i);
    const p0 = popcnt32((v[b]! ^ v[b + 1]!) & 0x01010101) & 1;
    const p1 = popcnt32((v[b + 2]! ^ v[b + 3]!) & 0x01010101) & 1;
    v[t] = 0;
    v[t + 1] = p0;
    v[t + 2] = 0;
    v[t + 3] = p1;
  },
  vprtybq(s, i) {
    const v = s.vsr;
    const b = vrb(i);
    const t = vrt(i);
    const p = popcnt32((v[b]! ^ v[b + 1]! ^ v[b + 2]! ^ v[b + 3]!) & 0x01010101) & 1;
    v[t] = 0;
    v[t + 1] = 0;
    v[t + 2] = 0;
    v[t + 3] = p;
  },

  // ---- counts
  vclzb: (s, i) => op8u(s, i, L_vclzb),
  vclzh: (s, i) => op16u(s, i, L_vclzh),
  vclzw: (s, i) => op32u(s, i, L_vclzw),
  vclzd(s, i) {
    const v = s.vsr;
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k += 2) {
      const hi = v[b + k]!;
      const n = hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(v[b + k + 1]!);
      v[t + k] = 0;
      v[t + k + 1] = n;
    }
  },
  vctzb: (s, i) => op8u(s, i, L_vctzb),
  vctzh: (s, i) => op16u(s, i, L_vctzh),
  vctzw: (s, i) => op32u(s, i, ctz32),
  vctzd(s, i) {
    const v = s.vsr;
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k += 2) {
      const lo = v[b + k + 1]!;
      const n = lo !== 0 ? ctz32(lo) : 32 + ctz32(v[b + k]!);
      v[t + k] = 0;
      v[t + k + 1] = n;
    }
  },
  vpopcntb: (s, i) => op8u(s, i, popcnt32),
  vpopcnth: (s, i) => op16u(s, i, popcnt32),
  vpopcntw: (s, i) => op32u(s, i, popcnt32),
  vpopcntd(s, i) {
    const v = s.vsr;
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k += 2) {
      const n = popcnt32(v[b + k]!) + popcnt32(v[b + k + 1]!);
      v[t + k] = 0;
      v[t + k + 1] = n;
    }
  },

  // ---- compares (Rc → CR6)
  vcmpequb(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k++) {
      const x = v[a + k]! ^ v[b + k]!;
      // 0xff in each byte where x's byte is zero
      const nz = ((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x; // high bit set where byte != 0
      const hb = ~nz & 0x80808080;
      v[t + k] = (hb >>> 7) * 0xff;
    }
    cmpDone(s, i);
  },
  vcmpequh: (s, i) => (op16(s, i, L_vcmpequh), cmpDone(s, i)),
  vcmpequw: (s, i) => (op32(s, i, L_vcmpequw), cmpDone(s, i)),
  vcmpequd: (s, i) => (op64(s, i, L_vcmpequd), cmpDone(s, i)),
  vcmpgtub: (s, i) => (op8(s, i, L_vcmpgtub), cmpDone(s, i)),
  vcmpgtuh: (s, i) => (op16(s, i, L_vcmpgtuh), cmpDone(s, i)),
  vcmpgtuw: (s, i) => (op32(s, i, L_vcmpgtuw), cmpDone(s, i)),
  vcmpgtud: (s, i) => (op64(s, i, L_vcmpgtud), cmpDone(s, i)),
  vcmpgtsb: (s, i) => (op8(s, i, L_vcmpgtsb), cmpDone(s, i)),
  vcmpgtsh: (s, i) => (op16(s, i, L_vcmpgtsh), cmpDone(s, i)),
  vcmpgtsw: (s, i) => (op32(s, i, L_vcmpgtsw), cmpDone(s, i)),
  vcmpgtsd: (s, i) => (op64(s, i, L_vcmpgtsd), cmpDone(s, i)),
  vcmpneb: (s, i) => cmpneB(s, i, false),
  vcmpneh: (s, i) => (op16(s, i, L_vcmpneh), cmpDone(s, i)),
  vcmpnew: (s, i) => (op32(s, i, L_vcmpnew), cmpDone(s, i)),
  vcmpnezb: (s, i) => cmpneB(s, i, true),
  vcmpnezh: (s, i) => (op16(s, i, L_vcmpnezh), cmpDone(s, i)),
  vcmpnezw: (s, i) => (op32(s, i, L_vcmpnezw), cmpDone(s, i)),

  // ---- logical
  vand(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k++) v[t + k] = v[a + k]! & v[b + k]!;
  },
  vandc(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k++) v[t + k] = v[a + k]! & ~v[b + k]!;
  },
  vor(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k++) v[t + k] = v[a + k]! | v[b + k]!;
  },
  vxor(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k++) v[t + k] = v[a + k]! ^ v[b + k]!;
  },
  vnor(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k++) v[t + k] = ~(v[a + k]! | v[b + k]!);
  },
  vorc(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k++) v[t + k] = v[a + k]! | ~v[b + k]!;
  },
  vnand(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k++) v[t + k] = ~(v[a + k]! & v[b + k]!);
  },
  veqv(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k++) v[t + k] = ~(v[a + k]! ^ v[b + k]!);
  },
  vsel(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const c = vrc(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k++) {
      const m = v[c + k]!;
      v[t + k] = (v[a + k]! & ~m) | (v[b + k]! & m);
    }
  },

  // ---- element shifts / rotates (count from the same element of VRB)
  vslb: (s, i) => op8(s, i, L_vslb),
  vslh: (s, i) => op16(s, i, L_vslh),
  vslw: (s, i) => op32(s, i, L_vslw),
  vsrb: (s, i) => op8(s, i, L_vsrb),
  vsrh: (s, i) => op16(s, i, L_vsrh),
  vsrw: (s, i) => op32(s, i, L_vsrw),
  vsrab: (s, i) => op8(s, i, L_vsrab),
  vsrah: (s, i) => op16(s, i, L_vsrah),
  vsraw: (s, i) => op32(s, i, L_vsraw),
  vrlb: (s, i) => op8(s, i, L_vrlb),
  vrlh: (s, i) => op16(s, i, L_vrlh),
  vrlw: (s, i) => op32(s, i, L_vrlw),
  vsld: (s, i) =>
    op64(s, i, (ah, al, _bh, bl) => {
      const n = bl & 63;
      if (n === 0) return (dHi = ah), al;
      if (n >= 32) return (dHi = al << (n - 32)), 0;
      return (dHi = (ah << n) | (al >>> (32 - n))), al << n;
    }),
  vsrd: (s, i) =>
    op64(s, i, (ah, al, _bh, bl) => {
      const n = bl & 63;
      if (n === 0) return (dHi = ah), al;
      if (n >= 32) return (dHi = 0), ah >>> (n - 32);
      return (dHi = ah >>> n), (al >>> n) | (ah << (32 - n));
    }),
  vsrad: (s, i) =>
    op64(s, i, (ah, al, _bh, bl) => {
      const n = bl & 63;
      if (n === 0) return (dHi = ah), al;
      if (n >= 32) return (dHi = ah >> 31), ah >> (n - 32);
      return (dHi = ah >> n), (al >>> n) | (ah << (32 - n));
    }),
  vrld: (s, i) => op64(s, i, L_vrld),
  vrlwnm: (s, i) => op32(s, i, L_vrlwnm),
  vrlwmi(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k++) {
      const w = v[b + k]!;
      const m = mask32((w >>> 16) & 31, (w >>> 8) & 31);
      T32[k] = (rotl32(v[a + k]!, w & 31) & m) | (v[t + k]! & ~m);
    }
    st32(v, t, T32);
  },
  vrldnm: (s, i) =>
    op64(s, i, (ah, al, _bh, bl) => {
      const rl = rotl64(ah, al, bl & 63);
      const rh = dHi;
      const ml = mask64((bl >>> 16) & 63, (bl >>> 8) & 63);
      dHi = rh & dHi;
      return rl & ml;
    }),
  vrldmi(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    const t = vrt(i);
    for (let k = 0; k < 4; k += 2) {
      const bl = v[b + k + 1]!;
      const rl = rotl64(v[a + k]! | 0, v[a + k + 1]! | 0, bl & 63);
      const rh = dHi;
      const ml = mask64((bl >>> 16) & 63, (bl >>> 8) & 63);
      const mh = dHi;
      T32[k] = (rh & mh) | (v[t + k]! & ~mh);
      T32[k + 1] = (rl & ml) | (v[t + k + 1]! & ~ml);
    }
    st32(v, t, T32);
  },

  // ---- whole-register shifts
  vsl(s, i) {
    // QEMU/POWER: the count is the low 3 bits of byte 15 of VRB
    const v = s.vsr;
    const n = v[vrb(i) + 3]! & 7;
    const a = vra(i);
    const t = vrt(i);
    if (n === 0) {
      st32(v, t, v.subarray(a, a + 4));
      return;
    }
    for (let k = 0; k < 4; k++) T32[k] = (v[a + k]! << n) | (k < 3 ? v[a + k + 1]! >>> (32 - n) : 0);
    st32(v, t, T32);
  },
  vsr(s, i) {
    const v = s.vsr;
    const n = v[vrb(i) + 3]! & 7;
    const a = vra(i);
    const t = vrt(i);
    if (n === 0) {
      st32(v, t, v.subarray(a, a + 4));
      return;
    }
    for (let k = 0; k < 4; k++) T32[k] = (v[a + k]! >>> n) | (k > 0 ? v[a + k - 1]! << (32 - n) : 0);
    st32(v, t, T32);
  },
  vslo(s, i) {
    const v = s.vsr;
    const n = (v[vrb(i) + 3]! >>> 3) & 15;
    ld8(v, vra(i), A8);
    for (let k = 0; k < 16; k++) T8[k] = k + n < 16 ? A8[k + n]! : 0;
    st8(v, vrt(i), T8);
  },
  vsro(s, i) {
    const v = s.vsr;
    const n = (v[vrb(i) + 3]! >>> 3) & 15;
    ld8(v, vra(i), A8);
    for (let k = 0; k < 16; k++) T8[k] = k - n >= 0 ? A8[k - n]! : 0;
    st8(v, vrt(i), T8);
  },
  vslv(s, i) {
    const v = s.vsr;
    ld8(v, vra(i), A8);
    ld8(v, vrb(i), B8);
    for (let k = 0; k < 16; k++) {
      const x = (A8[k]! << 8) | (k < 15 ? A8[k + 1]! : 0);
      T8[k] = (x << (B8[k]! & 7)) >>> 8;
    }
    st8(v, vrt(i), T8);
  },
  vsrv(s, i) {
    const v = s.vsr;
    ld8(v, vra(i), A8);
    ld8(v, vrb(i), B8);
    for (let k = 0; k < 16; k++) {
      const x = ((k > 0 ? A8[k - 1]! : 0) << 8) | A8[k]!;
      T8[k] = x >>> (B8[k]! & 7);
    }
    st8(v, vrt(i), T8);
  },
};
