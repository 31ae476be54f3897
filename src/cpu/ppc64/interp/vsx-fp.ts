// Shared pieces of the VSX floating-point handlers: operand decoding, VSR
// element access as BigInt bit patterns, and the handler factories for the
// element-wise arithmetic (add/sub/mul/div/sqrt/fma/estimates/round), which
// follow QEMU 7.2's VSX_* helper macros for the FPSCR side effects.

import type { CpuState } from '../state.js';
import {
  F32, F64, R32, type Fmt, type FStatus, FL_INVALID, FL_DIVBYZERO, FL_SNAN, FL_INEXACT, RNE, RZ, RUP, RDN, RNA,
  add, mul, div, sqrt, muladd, roundToInt, convert, isNaN_, isSNaN,
} from './vsx-softfloat.js';
import {
  env, fpBegin, elem, merge, invalidAddSub, invalidMul, invalidDiv, invalidSqrt, invalidMadd, zeroDivide, vxsnan,
  fpCheck, fpFinish, fprfOf, setFprf,
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

type Bin = (st: FStatus, a: bigint, b: bigint, f: Fmt) => bigint;

/** Single-precision results in double format: a NaN keeps only the bits a single has (QEMU rounds through float32). */
export function spNaN(x: bigint, opf: Fmt): bigint {
  return opf === R32 && (x & 0x7fffffffffffffffn) > 0x7ff0000000000000n ? x & ~0x1fffffffn : x;
}
type Inval = (s: CpuState, fl: number, setFpcc: boolean) => void;

/**
 * Element-wise binary arithmetic (VSX_ADD_SUB, VSX_MUL, VSX_DIV). sp: the
 * scalar single forms, rounded once to single (r32) and kept in double format.
 */
export function arith2(L: Layout, op: Bin, inval: Inval, opf: Fmt = L.f): (s: CpuState, i: number) => void {
  const scalar = L.n === 1;
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    fpBegin(s);
    const r: bigint[] = [];
    for (let k = 0; k < L.n; k++) {
      const x = spNaN(op(elem(), getE(s, a, L, k), getE(s, b, L, k), opf), opf);
      const fl = merge();
      if (fl & FL_INVALID) inval(s, fl, scalar);
      if (fl & FL_DIVBYZERO) zeroDivide(s);
      if (scalar) setFprf(s, fprfOf(x, F64));
      r.push(x);
    }
    fpCheck(s, scalar);
    putE(s, xt(i), L, r);
    fpFinish();
  };
}

export const opAdd: Bin = (st, a, b, f) => add(st, a, b, f);
export const opSub: Bin = (st, a, b, f) => add(st, a, b, f, true);
export const opMul: Bin = (st, a, b, f) => mul(st, a, b, f);
export const opDiv: Bin = (st, a, b, f) => div(st, a, b, f);
export { invalidAddSub, invalidMul, invalidDiv };

/** VSX_SQRT. */
export function sqrtOp(L: Layout, opf: Fmt = L.f): (s: CpuState, i: number) => void {
  const scalar = L.n === 1;
  return (s, i) => {
    const b = xb(i);
    fpBegin(s);
    const r: bigint[] = [];
    for (let k = 0; k < L.n; k++) {
      const x = spNaN(sqrt(elem(), getE(s, b, L, k), opf), opf);
      const fl = merge();
      if (fl & FL_INVALID) invalidSqrt(s, fl, scalar);
      if (scalar) setFprf(s, fprfOf(x, F64));
      r.push(x);
    }
    fpCheck(s, scalar);
    putE(s, xt(i), L, r);
    fpFinish();
  };
}

const ONE64 = 0x3ff0000000000000n;
const ONE32 = 0x3f800000n;

/** do_frsp: round a double to single (flags into env), back to double format. */
export function frsp(s: CpuState, x: bigint): bigint {
  const st = elem();
  const f = convert(st, x, F64, F32);
  merge();
  if (st.flags & FL_SNAN) vxsnan(s);
  return convert(elem(), f, F32, F64);
}

/** VSX_RE: reciprocal estimate computed as 1/x (QEMU); sp scalar rounds the double result to single. */
export function reOp(L: Layout, r2sp = false): (s: CpuState, i: number) => void {
  const scalar = L.n === 1;
  return (s, i) => {
    const b = xb(i);
    fpBegin(s);
    const r: bigint[] = [];
    for (let k = 0; k < L.n; k++) {
      const v = getE(s, b, L, k);
      if (isSNaN(v, L.f)) vxsnan(s);
      let x = div(elem(), L.w ? ONE32 : ONE64, v, L.f);
      merge();
      if (r2sp) x = frsp(s, x);
      if (scalar) setFprf(s, fprfOf(x, F64));
      r.push(x);
    }
    fpCheck(s, scalar);
    putE(s, xt(i), L, r);
    fpFinish();
  };
}

/** VSX_RSQRTE: 1/sqrt(x) as two rounded operations (QEMU). */
export function rsqrteOp(L: Layout, r2sp = false): (s: CpuState, i: number) => void {
  const scalar = L.n === 1;
  return (s, i) => {
    const b = xb(i);
    fpBegin(s);
    const r: bigint[] = [];
    for (let k = 0; k < L.n; k++) {
      const st = elem();
      let x = sqrt(st, getE(s, b, L, k), L.f);
      x = div(st, L.w ? ONE32 : ONE64, x, L.f);
      const fl = merge();
      if (fl & FL_INVALID) invalidSqrt(s, fl, scalar);
      if (r2sp) x = frsp(s, x);
      if (scalar) setFprf(s, fprfOf(x, F64));
      r.push(x);
    }
    fpCheck(s, scalar);
    putE(s, xt(i), L, r);
    fpFinish();
  };
}

/**
 * VSX_MADD. mform: XT = XA*XT + XB, else XT = XA*XB + XT. negC: msub. negR:
 * the rounded result is negated (nmadd/nmsub; NaN results are not).
 */
export function maddOp(L: Layout, mform: boolean, negC: boolean, negR: boolean, opf: Fmt = L.f): (s: CpuState, i: number) => void {
  const scalar = L.n === 1;
  const signBit = 1n << BigInt(L.f.e + L.f.m);
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    const t = xt(i);
    fpBegin(s);
    const r: bigint[] = [];
    for (let k = 0; k < L.n; k++) {
      const va = getE(s, a, L, k);
      const mulv = mform ? getE(s, t, L, k) : getE(s, b, L, k);
      const addv = mform ? getE(s, b, L, k) : getE(s, t, L, k);
      let x = spNaN(muladd(elem(), va, mulv, addv, opf, negC), opf);
      const fl = merge();
      if (negR && !isNaN_(x, L.f)) x ^= signBit;
      if (fl & FL_INVALID) invalidMadd(s, fl, scalar);
      if (scalar) setFprf(s, fprfOf(x, F64));
      r.push(x);
    }
    fpCheck(s, scalar);
    putE(s, t, L, r);
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
    const r: bigint[] = [];
    for (let k = 0; k < L.n; k++) {
      const v = getE(s, b, L, k);
      let x: bigint;
      if (isSNaN(v, L.f)) {
        vxsnan(s);
        x = v | (1n << BigInt(L.f.m - 1));
      } else {
        x = roundToInt(env, v, L.f, m);
      }
      if (scalar) setFprf(s, fprfOf(x, F64));
      r.push(x);
    }
    if (mode >= 0) env.flags &= ~FL_INEXACT;
    fpCheck(s, scalar);
    putE(s, xt(i), L, r);
    fpFinish();
  };
}

export { RNE, RZ, RUP, RDN, RNA };
