// Shared pieces of the VSX floating-point handlers: operand decoding, VSR
// element access as BigInt bit patterns, and the handler factories for the
// element-wise arithmetic (add/sub/mul/div/sqrt/fma/estimates/round), which
// follow QEMU 7.2's VSX_* helper macros for the FPSCR side effects.

import type { CpuState } from '../state.js';
import {
  F32, F64, R32, type Fmt, FL_INVALID, FL_DIVBYZERO, FL_SNAN, FL_INEXACT, FL_ISI, FL_IMZ, FL_IDI, FL_ZDZ, FL_SQRT, FL_CVTI, FL_OVERFLOW, FL_UNDERFLOW, RNE, RZ, RUP, RDN, RNA,
} from './vsx-softfloat.js';
import {
  SF, toDouble as hostDouble, sfAdd, sfMul, sfDiv, sfSqrt, sfMulAdd, sfToSingle, MADD_NEG_RESULT, MADD_NEG_C, F_INVALID, F_SNAN, F_ISI, F_IMZ, F_IDI, F_ZDZ, F_SQRT, F_CVTI, F_DIVZ, F_OVERFLOW, F_UNDERFLOW, F_INEXACT,
} from '../fpu/softfloat.js';
import { fprfOf as fprfHL } from '../fpu/ops.js';
import { sfRoundToInt } from '../fpu/convert.js';
import {
  QUIRKS, env, fpBegin, invalidAddSub, invalidMul, invalidDiv, invalidSqrt, invalidMadd, zeroDivide, vxsnan, fpCheck, fpFinish, setFprf,
} from './vsx-fpscr.js';

/** XT = TX||T (TX bit 31): index of word 0 in s.vsr. */
export const xt = (i: number): number => 4 * (((i & 1) << 5) | ((i >>> 21) & 31));
/** XA = AX||A (AX bit 29). */
export const xa = (i: number): number => 4 * (((i & 4) << 3) | ((i >>> 16) & 31));
/** XB = BX||B (BX bit 30). */
export const xb = (i: number): number => 4 * (((i & 2) << 4) | ((i >>> 11) & 31));
/** VRT/VRA/VRB of X-form binary128 instructions (VSR 32+n). */
export const vrt = (i: number): number => 4 * (32 + ((i >>> 21) & 31));
export const vra = (i: number): number => 4 * (32 + ((i >>> 16) & 31));
export const vrb = (i: number): number => 4 * (32 + ((i >>> 11) & 31));

const M32 = 0xffffffffn;

/** Doubleword d (0/1) of the VSR whose word 0 is at v. */
export function getD(s: CpuState, v: number, d: number): bigint {
  const o = v + 2 * d;
  return (BigInt(s.vsr[o]!) << 32n) | BigInt(s.vsr[o + 1]!);
}

export function setD(s: CpuState, v: number, d: number, x: bigint): void {
  const o = v + 2 * d;
  s.vsr[o] = Number((x >> 32n) & M32);
  s.vsr[o + 1] = Number(x & M32);
}

export function getW(s: CpuState, v: number, w: number): bigint {
  return BigInt(s.vsr[v + w]!);
}

export function getQ(s: CpuState, v: number): bigint {
  return (getD(s, v, 0) << 64n) | getD(s, v, 1);
}

export function setQ(s: CpuState, v: number, x: bigint): void {
  setD(s, v, 0, (x >> 64n) & 0xffffffffffffffffn);
  setD(s, v, 1, x & 0xffffffffffffffffn);
}

/** Element layout: n elements of format f (F64: 2 doublewords; F32: 4 words; scalar: dw0). */
export interface Layout {
  readonly n: number;
  readonly f: Fmt;
  /** true: elements are words */
  readonly w: boolean;
}
export const SDP: Layout = { n: 1, f: F64, w: false };
export const VDP: Layout = { n: 2, f: F64, w: false };
export const VSP: Layout = { n: 4, f: F32, w: true };

export function getE(s: CpuState, v: number, L: Layout, k: number): bigint {
  return L.w ? getW(s, v, k) : getD(s, v, k);
}

/** Write n results into target t; a scalar result zeroes doubleword 1. */
export function putE(s: CpuState, t: number, L: Layout, r: bigint[]): void {
  if (L.w) for (let k = 0; k < 4; k++) s.vsr[t + k] = Number(r[k]!);
  else {
    setD(s, t, 0, r[0]!);
    setD(s, t, 1, L.n === 2 ? r[1]! : 0n);
  }
}

type Inval = (s: CpuState, fl: number, setFpcc: boolean) => void;

/** Single-precision results in double format: a NaN keeps only the bits a single has (QEMU rounds through float32). */
export function spNaN(x: bigint, opf: Fmt): bigint {
  return opf === R32 && (x & 0x7fffffffffffffffn) > 0x7ff0000000000000n ? x & ~0x1fffffffn : x;
}

// ---- element arithmetic on the FP unit's binary64 softfloat (fpu/softfloat.ts:
// host-double fast paths, exact slow path). Elements travel as (hi, lo) int32
// halves; binary32 elements are widened exactly and rounded with `single`.

/** fpu flags -> vsx-softfloat flags */
export function mapFlags(f: number): number {
  let r = 0;
  if (f & F_INVALID) r |= FL_INVALID;
  if (f & F_SNAN) r |= FL_SNAN;
  if (f & F_ISI) r |= FL_ISI;
  if (f & F_IMZ) r |= FL_IMZ;
  if (f & F_IDI) r |= FL_IDI;
  if (f & F_ZDZ) r |= FL_ZDZ;
  if (f & F_SQRT) r |= FL_SQRT;
  if (f & F_CVTI) r |= FL_CVTI;
  if (f & F_DIVZ) r |= FL_DIVBYZERO;
  if (f & F_OVERFLOW) r |= FL_OVERFLOW;
  if (f & F_UNDERFLOW) r |= FL_UNDERFLOW;
  if (f & F_INEXACT) r |= FL_INEXACT;
  return r;
}

/** Widen binary32 bits to binary64 (exact); high word returned, low word in W.lo. */
export const W = { lo: 0 };
export function f32ToD(w: number): number {
  const sign = w & 0x80000000;
  const e = (w >>> 23) & 0xff;
  let frac = w & 0x7fffff;
  if (e === 0xff) {
    W.lo = frac << 29;
    return sign | 0x7ff00000 | (frac >>> 3);
  }
  let be: number;
  if (e === 0) {
    if (frac === 0) {
      W.lo = 0;
      return sign;
    }
    const sh = Math.clz32(frac) - 8;
    frac = (frac << sh) & 0x7fffff;
    be = 1 - sh - 127 + 1023;
  } else be = e - 127 + 1023;
  W.lo = frac << 29;
  return sign | (be << 20) | (frac >>> 3);
}

/** Narrow a binary64 that a binary32 represents exactly (or a NaN) back to binary32 bits. */
export function dToF32(hi: number, lo: number): number {
  const sign = hi & 0x80000000;
  const be = (hi >>> 20) & 0x7ff;
  const f23 = ((hi & 0xfffff) << 3) | (lo >>> 29);
  if (be === 0x7ff) return (sign | 0x7f800000 | f23) >>> 0;
  if (be === 0) return sign >>> 0;
  const e = be - 1023 + 127;
  if (e >= 1) return (sign | (e << 23) | f23) >>> 0;
  if (e < -23) return sign >>> 0;
  return (sign | ((0x800000 | f23) >>> (1 - e))) >>> 0;
}

const RH = new Int32Array(4);
const RL = new Int32Array(4);

/** Element k of VSR v as (hi, lo): returns hi, low word in W.lo. */
function loadE(s: CpuState, v: number, L: Layout, k: number): number {
  if (L.w) return f32ToD(s.vsr[v + k]! | 0);
  W.lo = s.vsr[v + 2 * k + 1]! | 0;
  return s.vsr[v + 2 * k]! | 0;
}

function storeAll(s: CpuState, t: number, L: Layout): void {
  if (L.w) {
    for (let k = 0; k < 4; k++) s.vsr[t + k] = dToF32(RH[k]!, RL[k]!);
  } else {
    s.vsr[t] = RH[0]!;
    s.vsr[t + 1] = RL[0]!;
    if (L.n === 2) {
      s.vsr[t + 2] = RH[1]!;
      s.vsr[t + 3] = RL[1]!;
    } else {
      s.vsr[t + 2] = 0;
      s.vsr[t + 3] = 0;
    }
  }
}

const OP_ADD = 0;
const OP_SUB = 1;
const OP_MUL = 2;
const OP_DIV = 3;

/**
 * Element-wise binary arithmetic (VSX_ADD_SUB, VSX_MUL, VSX_DIV). The scalar
 * single forms (opf R32) round once to single and keep double format.
 */
export function arith2(L: Layout, op: number, inval: Inval, opf: Fmt = L.f): (s: CpuState, i: number) => void {
  const scalar = L.n === 1;
  const single = opf !== F64;
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    fpBegin(s);
    const mode = env.mode;
    for (let k = 0; k < L.n; k++) {
      const ah = loadE(s, a, L, k);
      const al = W.lo;
      const bh = loadE(s, b, L, k);
      const bl = W.lo;
      SF.flags = 0;
      if (op === OP_ADD || op === OP_SUB) sfAdd(ah, al, bh, bl, mode, single, op === OP_SUB);
      else if (op === OP_MUL) sfMul(ah, al, bh, bl, mode, single);
      else sfDiv(ah, al, bh, bl, mode, single);
      RH[k] = SF.hi;
      RL[k] = SF.lo;
      if (SF.flags) {
        const fl = mapFlags(SF.flags);
        env.flags |= fl;
        if (fl & FL_INVALID) inval(s, fl, scalar);
        if (fl & FL_DIVBYZERO) zeroDivide(s);
      }
      if (scalar) setFprf(s, fprfHL(RH[0]!, RL[0]!));
    }
    fpCheck(s, scalar);
    storeAll(s, xt(i), L);
    fpFinish();
  };
}

export const opAdd = OP_ADD;
export const opSub = OP_SUB;
export const opMul = OP_MUL;
export const opDiv = OP_DIV;
export { invalidAddSub, invalidMul, invalidDiv };

/** VSX_SQRT. */
export function sqrtOp(L: Layout, opf: Fmt = L.f): (s: CpuState, i: number) => void {
  const scalar = L.n === 1;
  const single = opf !== F64;
  return (s, i) => {
    const b = xb(i);
    fpBegin(s);
    for (let k = 0; k < L.n; k++) {
      const bh = loadE(s, b, L, k);
      SF.flags = 0;
      sfSqrt(bh, W.lo, env.mode, single);
      RH[k] = SF.hi;
      RL[k] = SF.lo;
      if (SF.flags) {
        const fl = mapFlags(SF.flags);
        env.flags |= fl;
        if (fl & FL_INVALID) invalidSqrt(s, fl, scalar);
      }
      if (scalar) setFprf(s, fprfHL(RH[0]!, RL[0]!));
    }
    fpCheck(s, scalar);
    storeAll(s, xt(i), L);
    fpFinish();
  };
}

/**
 * VSX_MADD. mform: XT = XA*XT + XB, else XT = XA*XB + XT. negC: msub. negR:
 * the rounded result is negated (nmadd/nmsub; NaN results are not), as the
 * ISA defines it (QEMU 7.2 rounds the negated value instead: differs in RN=2/3).
 */
export function maddOp(L: Layout, mform: boolean, negC: boolean, negR: boolean, opf: Fmt = L.f): (s: CpuState, i: number) => void {
  const scalar = L.n === 1;
  const single = opf !== F64;
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    const t = xt(i);
    fpBegin(s);
    for (let k = 0; k < L.n; k++) {
      const ah = loadE(s, a, L, k);
      const al = W.lo;
      const mh = loadE(s, mform ? t : b, L, k);
      const ml = W.lo;
      const ch = loadE(s, mform ? b : t, L, k);
      const cl = W.lo;
      SF.flags = 0;
      const q = negR && QUIRKS.qemu;
      sfMulAdd(ah, al, mh, ml, ch, cl, (negC ? MADD_NEG_C : 0) | (q ? MADD_NEG_RESULT : 0), env.mode, single);
      let rh = SF.hi;
      if (negR && !q && !((rh & 0x7ff00000) === 0x7ff00000 && ((rh & 0xfffff) !== 0 || SF.lo !== 0))) rh ^= 0x80000000;
      RH[k] = rh;
      RL[k] = SF.lo;
      if (SF.flags) {
        const fl = mapFlags(SF.flags);
        env.flags |= fl;
        if (fl & FL_INVALID) invalidMadd(s, fl, scalar);
      }
      if (scalar) setFprf(s, fprfHL(RH[0]!, RL[0]!));
    }
    fpCheck(s, scalar);
    storeAll(s, t, L);
    fpFinish();
  };
}


/** do_frsp on SF.hi/SF.lo: round to single (flags into env; VXSNAN for an sNaN), kept in double format. */
function frspSF(s: CpuState): void {
  const f0 = SF.flags;
  SF.flags = 0;
  sfToSingle(SF.hi, SF.lo, env.mode);
  const fl = mapFlags(SF.flags);
  SF.flags |= f0;
  env.flags |= fl;
  if (fl & FL_SNAN) vxsnan(s);
}

/** do_frsp of a doubleword value (xsrsp). */
export function frsp(s: CpuState, x: bigint): bigint {
  SF.flags = 0;
  SF.hi = Number(x >> 32n) | 0;
  SF.lo = Number(x & 0xffffffffn) | 0;
  frspSF(s);
  return (BigInt(SF.hi >>> 0) << 32n) | BigInt(SF.lo >>> 0);
}

/** VSX_RE: reciprocal estimate computed as 1/x (QEMU); the scalar single form rounds the double result to single. */
export function reOp(L: Layout, r2sp = false): (s: CpuState, i: number) => void {
  const scalar = L.n === 1;
  return (s, i) => {
    const b = xb(i);
    fpBegin(s);
    for (let k = 0; k < L.n; k++) {
      const bh = loadE(s, b, L, k);
      const bl = W.lo;
      if ((bh & 0x7ff00000) === 0x7ff00000 && ((bh & 0xfffff) | bl) !== 0 && !(bh & 0x80000)) vxsnan(s);
      SF.flags = 0;
      sfDiv(0x3ff00000, 0, bh, bl, env.mode, L.w);
      env.flags |= mapFlags(SF.flags);
      if (r2sp) frspSF(s);
      RH[k] = SF.hi;
      RL[k] = SF.lo;
      if (scalar) setFprf(s, fprfHL(SF.hi, SF.lo));
    }
    fpCheck(s, scalar);
    storeAll(s, xt(i), L);
    fpFinish();
  };
}

/** VSX_RSQRTE: 1/sqrt(x) as two rounded operations (QEMU). */
export function rsqrteOp(L: Layout, r2sp = false): (s: CpuState, i: number) => void {
  const scalar = L.n === 1;
  return (s, i) => {
    const b = xb(i);
    fpBegin(s);
    for (let k = 0; k < L.n; k++) {
      const bh = loadE(s, b, L, k);
      SF.flags = 0;
      sfSqrt(bh, W.lo, env.mode, L.w);
      sfDiv(0x3ff00000, 0, SF.hi, SF.lo, env.mode, L.w);
      const fl = mapFlags(SF.flags);
      env.flags |= fl;
      if (fl & FL_INVALID) invalidSqrt(s, fl, scalar);
      if (r2sp) frspSF(s);
      RH[k] = SF.hi;
      RL[k] = SF.lo;
      if (scalar) setFprf(s, fprfHL(SF.hi, SF.lo));
    }
    fpCheck(s, scalar);
    storeAll(s, xt(i), L);
    fpFinish();
  };
}

/** VSX_ROUND: round to integral; mode -1 = FPSCR[RN] (and then XX may be set). */
export function roundOp(L: Layout, mode: number): (s: CpuState, i: number) => void {
  const scalar = L.n === 1;
  return (s, i) => {
    const b = xb(i);
    fpBegin(s);
    const m = mode < 0 ? env.mode : mode;
    for (let k = 0; k < L.n; k++) {
      const bh = loadE(s, b, L, k);
      const bl = W.lo;
      if ((bh & 0x7ff00000) === 0x7ff00000 && ((bh & 0xfffff) | bl) !== 0 && !(bh & 0x80000)) {
        vxsnan(s);
        RH[k] = bh | 0x80000;
        RL[k] = bl;
      } else {
        SF.flags = 0;
        sfRoundToInt(bh, bl, m);
        env.flags |= mapFlags(SF.flags);
        RH[k] = SF.hi;
        RL[k] = SF.lo;
      }
      if (scalar) setFprf(s, fprfHL(RH[0]!, RL[0]!));
    }
    if (mode >= 0) env.flags &= ~FL_INEXACT;
    fpCheck(s, scalar);
    storeAll(s, xt(i), L);
    fpFinish();
  };
}

export { RNE, RZ, RUP, RDN, RNA };

// ---- element access as host numbers (compares, max/min): no BigInt

const F32V = new Float32Array(1);
const U32V = new Uint32Array(F32V.buffer);

/** Element k of VSR v as a host number (NaNs come out as NaN). */
export function num(s: CpuState, v: number, L: Layout, k: number): number {
  if (L.w) {
    U32V[0] = s.vsr[v + k]!;
    return F32V[0]!;
  }
  return hostDouble(s.vsr[v + 2 * k]! | 0, s.vsr[v + 2 * k + 1]! | 0);
}

/** 1: quiet NaN, 2: signalling NaN, 0: not a NaN. */
export function nanKind(s: CpuState, v: number, L: Layout, k: number): number {
  if (L.w) {
    const w = s.vsr[v + k]!;
    if ((w & 0x7fffffff) <= 0x7f800000) return 0;
    return w & 0x400000 ? 1 : 2;
  }
  const hi = s.vsr[v + 2 * k]!;
  if ((hi & 0x7ff00000) !== 0x7ff00000 || ((hi & 0xfffff) | s.vsr[v + 2 * k + 1]!) === 0) return 0;
  return hi & 0x80000 ? 1 : 2;
}

/** Sign bit of element k. */
export function negE(s: CpuState, v: number, L: Layout, k: number): boolean {
  return (s.vsr[L.w ? v + k : v + 2 * k]! & 0x80000000) !== 0;
}

/** Copy element k of VSR src into the result buffer slot k (quiet: set the quiet bit). */
export function copyE(s: CpuState, src: number, L: Layout, k: number, quiet: boolean): void {
  if (L.w) {
    RH[k] = s.vsr[src + k]! | (quiet ? 0x400000 : 0);
  } else {
    RH[k] = s.vsr[src + 2 * k]! | (quiet ? 0x80000 : 0);
    RL[k] = s.vsr[src + 2 * k + 1]! | 0;
  }
}

/** Write result slots into VSR t: words for w layouts, doublewords otherwise (scalar: dw1 = 0). */
export function storeRaw(s: CpuState, t: number, L: Layout): void {
  if (L.w) for (let k = 0; k < 4; k++) s.vsr[t + k] = RH[k]!;
  else {
    s.vsr[t] = RH[0]!;
    s.vsr[t + 1] = RL[0]!;
    s.vsr[t + 2] = L.n === 2 ? RH[1]! : 0;
    s.vsr[t + 3] = L.n === 2 ? RL[1]! : 0;
  }
}

/** Set result slot k to all ones or zero. */
export function maskE(L: Layout, k: number, on: boolean): void {
  RH[k] = on ? -1 : 0;
  RL[k] = on ? -1 : 0;
}

/**
 * maxNum/minNum (QEMU float*_maxnum/minnum): writes the chosen element into
 * slot k; an sNaN operand raises invalid (flags into env).
 */
export function maxMinE(s: CpuState, a: number, b: number, L: Layout, k: number, max: boolean): void {
  const na = nanKind(s, a, L, k);
  const nb = nanKind(s, b, L, k);
  if (na || nb) {
    if (na === 2 || nb === 2) {
      env.flags |= FL_INVALID | FL_SNAN;
      copyE(s, na ? a : b, L, k, true);
    } else if (na && nb) copyE(s, a, L, k, true);
    else copyE(s, na ? b : a, L, k, false);
    return;
  }
  const sa = negE(s, a, L, k);
  const sb = negE(s, b, L, k);
  let c: number;
  if (sa !== sb) c = sa ? -1 : 1;
  else {
    const x = num(s, a, L, k);
    const y = num(s, b, L, k);
    c = x < y ? -1 : x > y ? 1 : 0;
  }
  copyE(s, c === 0 || c > 0 === max ? a : b, L, k, false);
}
