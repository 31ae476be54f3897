// Interpreter: VSX scalar and vector conversions between binary16/32/64 and
// between floating point and integers (xscvdpsp … xvcvuxwsp), after QEMU
// 7.2's VSX_CVT_* helpers.

import type { CpuState } from '../state.js';
import type { HandlerTable } from './handler.js';
import { F16, F32, F64, R32, FL_INVALID, FL_CVTI, RZ, convert, isSNaN, type Fmt } from './vsx-softfloat.js';
import { QUIRKS, fpBegin, env, vxsnan, invalidCvt, fpCheck, fpFinish, fprfOf, setFprf } from './vsx-fpscr.js';
import { xt, xb, getD, setD, getW, W, f32ToD, dToF32, mapFlags } from './vsx-fp.js';
import { SF, sfToSingle } from '../fpu/softfloat.js';
import { sfToInt, sfFromInt } from '../fpu/convert.js';
import { fprfOf as fprfHL } from '../fpu/ops.js';
import { toDouble } from './vsx-scalar.js';

const U64 = 0xffffffffffffffffn;

/** Float to float: elements read by src(k), written by dst(k, v). */
function fpToFp(
  n: number,
  from: typeof F64,
  to: typeof F64,
  scalar: boolean,
  src: (s: CpuState, b: number, k: number) => bigint,
  dst: (r: bigint[], k: number, v: bigint) => void,
  store: (s: CpuState, t: number, r: bigint[]) => void,
): (s: CpuState, i: number) => void {
  return (s, i) => {
    const b = xb(i);
    fpBegin(s);
    const r: bigint[] = [0n, 0n, 0n, 0n];
    for (let k = 0; k < n; k++) {
      const v = src(s, b, k);
      const x = convert(env, v, from, to);
      if (isSNaN(v, from)) vxsnan(s);
      if (scalar) setFprf(s, fprfOf(x, to));
      dst(r, k, x);
    }
    fpCheck(s, scalar);
    store(s, xt(i), r);
    fpFinish();
  };
}

const storeWords = (s: CpuState, t: number, r: bigint[]): void => {
  for (let k = 0; k < 4; k++) s.vsr[t + k] = Number(r[k]!);
};
const storeDw = (s: CpuState, t: number, r: bigint[]): void => {
  setD(s, t, 0, r[0]!);
  setD(s, t, 1, r[1]!);
};

/**
 * binary64 <-> binary32 (VSX_CVT_FP_TO_FP / _FP2): toSingle rounds with
 * FPSCR[RN] (NaN payload truncated, sNaN quieted + VXSNAN); widening is exact.
 */
function spdp(n: number, toSingle: boolean, srcShape: number, dstShape: number, scalar: boolean): (s: CpuState, i: number) => void {
  return (s, i) => {
    const b = xb(i);
    fpBegin(s);
    for (let k = 0; k < n; k++) {
      let hi = srcFp(s, b, srcShape, k);
      let lo = W.lo;
      const snan = (hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | lo) !== 0 && !(hi & 0x80000);
      if (toSingle) {
        SF.flags = 0;
        sfToSingle(hi, lo, env.mode);
        env.flags |= mapFlags(SF.flags);
        hi = SF.hi;
        lo = SF.lo;
      } else if (snan) hi |= 0x80000;
      if (snan) vxsnan(s);
      if (toSingle) {
        const w = dToF32(hi, lo);
        if (scalar) setFprf(s, fprfF32(w));
        put(dstShape, k, 0, w);
      } else {
        if (scalar) setFprf(s, fprfHL(hi, lo));
        put(dstShape, k, hi, lo);
      }
    }
    fpCheck(s, scalar);
    s.vsr.set(OUT, xt(i));
    fpFinish();
  };
}

/** FPRF of a binary32 value (helper_compute_fprf_float32). */
function fprfF32(w: number): number {
  const neg = w >>> 31 === 1;
  const e = (w >>> 23) & 0xff;
  const f = w & 0x7fffff;
  if (e === 0xff) return f === 0 ? (neg ? 0x09 : 0x05) : f & 0x400000 ? 0x11 : 0x00;
  if (e === 0) return f === 0 ? (neg ? 0x12 : 0x02) : neg ? 0x18 : 0x14;
  return neg ? 0x08 : 0x04;
}

// Source/destination element shapes of the fast (binary32/64) conversions.
const S_DW = 0; // doubleword k, binary64 / int64
const S_W2 = 1; // word 2k (binary32 / int32)
const S_W = 2; // word k
const S_DW0 = 3; // scalar: doubleword 0
const D_DW = 0; // doubleword k
const D_W2 = 1; // words 2k and 2k+1 (replicated)
const D_W = 2; // word k
const D_DW0 = 3; // scalar doubleword 0, doubleword 1 cleared
const D_W01 = 4; // scalar: words 0 and 1, doubleword 1 cleared

const OUT = new Uint32Array(4);

/** Element source as (hi, lo) of an int64 or a binary64 (binary32 widened); lo in W.lo. */
function srcFp(s: CpuState, b: number, shape: number, k: number): number {
  if (shape === S_DW || shape === S_DW0) {
    W.lo = s.vsr[b + 2 * k + 1]! | 0;
    return s.vsr[b + 2 * k]! | 0;
  }
  return f32ToD(s.vsr[b + (shape === S_W2 ? 2 * k : k)]! | 0);
}

function srcInt(s: CpuState, b: number, shape: number, k: number, signed: boolean): number {
  if (shape === S_DW || shape === S_DW0) {
    W.lo = s.vsr[b + 2 * k + 1]! | 0;
    return s.vsr[b + 2 * k]! | 0;
  }
  const w = s.vsr[b + (shape === S_W2 ? 2 * k : k)]! | 0;
  W.lo = w;
  return signed ? w >> 31 : 0;
}

function put(shape: number, k: number, hi: number, lo: number): void {
  switch (shape) {
    case D_DW:
      OUT[2 * k] = hi;
      OUT[2 * k + 1] = lo;
      break;
    case D_W2:
      OUT[2 * k] = lo;
      OUT[2 * k + 1] = lo;
      break;
    case D_W:
      OUT[k] = lo;
      break;
    case D_DW0:
      OUT[0] = hi;
      OUT[1] = lo;
      OUT[2] = 0;
      OUT[3] = 0;
      break;
    case D_W01:
      OUT[0] = lo;
      OUT[1] = lo;
      OUT[2] = 0;
      OUT[3] = 0;
      break;
  }
}

/**
 * Float to integer, truncating (VSX_CVT_FP_TO_INT / _INT2): NaN gives rnan,
 * out of range saturates; FPSCR[FI] only for scalar forms. Each element is
 * converted on its own (QEMU 7.2 lets an invalid element's flags leak into
 * the following elements' results: a bug, not copied).
 */
function fpToInt(n: number, srcShape: number, bits: 32 | 64, signed: boolean, scalar: boolean, dstShape: number): (s: CpuState, i: number) => void {
  const nanHi = signed && bits === 64 ? 0x80000000 | 0 : 0;
  const nanLo = signed && bits === 32 ? 0x80000000 | 0 : 0;
  return (s, i) => {
    const b = xb(i);
    fpBegin(s);
    let all = 0;
    for (let k = 0; k < n; k++) {
      const bh = srcFp(s, b, srcShape, k);
      SF.flags = 0;
      sfToInt(bh, W.lo, RZ, bits, signed);
      let hi = SF.hi;
      let lo = SF.lo;
      const own = SF.flags ? mapFlags(SF.flags) : 0;
      // QEMU 7.2 quirk: the flags of earlier elements are still set here.
      const fl = QUIRKS.qemu ? own | all : own;
      all |= own;
      if (fl & FL_INVALID) {
        if (invalidCvt(s, fl, false)) {
          hi = nanHi;
          lo = nanLo;
        } else if (QUIRKS.qemu && !(own & FL_CVTI) && (own & FL_INVALID)) {
          // a NaN after an out-of-range element: softfloat's NaN result (max)
          hi = bits === 64 ? (signed ? 0x7fffffff : -1) : 0;
          lo = bits === 64 ? -1 : signed ? 0x7fffffff : -1;
        }
      }
      put(dstShape, k, hi, lo);
    }
    env.flags = all;
    fpCheck(s, scalar);
    s.vsr.set(OUT, xt(i));
    fpFinish();
  };
}

/** Integer to float (VSX_CVT_INT_TO_FP / _INT_TO_FP2); to: F64, R32 (single in double format) or F32. */
function intToFp(n: number, srcShape: number, signed: boolean, to: Fmt, scalar: boolean, dstShape: number): (s: CpuState, i: number) => void {
  const single = to !== F64;
  return (s, i) => {
    const b = xb(i);
    fpBegin(s);
    for (let k = 0; k < n; k++) {
      const hi = srcInt(s, b, srcShape, k, signed);
      SF.flags = 0;
      sfFromInt(hi, W.lo, signed, env.mode, single);
      if (SF.flags) env.flags |= mapFlags(SF.flags);
      if (scalar) setFprf(s, fprfHL(SF.hi, SF.lo));
      if (to === F32) put(dstShape, k, 0, dToF32(SF.hi, SF.lo));
      else put(dstShape, k, SF.hi, SF.lo);
    }
    fpCheck(s, scalar);
    s.vsr.set(OUT, xt(i));
    fpFinish();
  };
}


// element accessors
const dwS = (s: CpuState, b: number, k: number): bigint => getD(s, b, k);
const wS = (s: CpuState, b: number, k: number): bigint => getW(s, b, k);
const h3S = (s: CpuState, b: number): bigint => getD(s, b, 0) & 0xffffn;
const hLoS = (s: CpuState, b: number, k: number): bigint => getW(s, b, k) & 0xffffn;

const toW = (r: bigint[], k: number, v: bigint): void => {
  r[k] = v & 0xffffffffn;
};
/** scalar: result doubleword 0 */
const toD0 = (r: bigint[], _k: number, v: bigint): void => {
  r[0] = v & U64;
  r[1] = 0n;
};


export const VSX_CONVERT_HANDLERS: HandlerTable = {
  // ---- scalar
  xscvdpsp: spdp(1, true, S_DW0, D_W01, true),
  xscvspdp: spdp(1, false, S_W, D_DW0, true),
  xscvhpdp: fpToFp(1, F16, F64, true, h3S, toD0, storeDw),
  xscvdphp: fpToFp(1, F64, F16, true, dwS, toD0, storeDw),
  xscvdpspn(s, i) {
    // Non-signalling: no rounding, no FPSCR change (QEMU helper_xscvdpspn).
    const x = getD(s, xb(i), 0);
    const sign = (x >> 63n) & 1n;
    let exp = Number((x >> 52n) & 0x7ffn);
    let frac = (x & 0xfffffffffffffn) | 0x10000000000000n;
    if (exp === 0 && (frac & 0xfffffffffffffn) !== 0n) {
      exp = 1;
      frac &= ~(1n << 53n);
    }
    if (exp < 897 && frac !== 0n) {
      frac = 897 - exp > 63 ? 0n : frac >> BigInt(897 - exp);
      exp = 896;
    }
    const r = (sign << 31n) | (BigInt((exp >> 10) & 1) << 30n) | (BigInt(exp & 0x7f) << 23n) | ((frac >> 29n) & 0x7fffffn);
    const t = xt(i);
    setD(s, t, 0, (r << 32n) | r);
    setD(s, t, 1, 0n);
  },
  xscvspdpn(s, i) {
    const t = xt(i);
    const x = toDouble(s.vsr[xb(i)]! | 0);
    setD(s, t, 0, x);
    setD(s, t, 1, 0n);
  },
  xscvdpsxds: fpToInt(1, S_DW0, 64, true, true, D_DW0),
  xscvdpuxds: fpToInt(1, S_DW0, 64, false, true, D_DW0),
  xscvdpsxws: fpToInt(1, S_DW0, 32, true, true, D_W01),
  xscvdpuxws: fpToInt(1, S_DW0, 32, false, true, D_W01),
  xscvsxddp: intToFp(1, S_DW0, true, F64, true, D_DW0),
  xscvuxddp: intToFp(1, S_DW0, false, F64, true, D_DW0),
  xscvsxdsp: intToFp(1, S_DW0, true, R32, true, D_DW0),
  xscvuxdsp: intToFp(1, S_DW0, false, R32, true, D_DW0),

  // ---- vector
  xvcvdpsp: spdp(2, true, S_DW, D_W2, false),
  xvcvspdp: spdp(2, false, S_W2, D_DW, false),
  xvcvhpsp: fpToFp(4, F16, F32, false, hLoS, toW, storeWords),
  xvcvsphp: fpToFp(4, F32, F16, false, wS, toW, storeWords),
  xvcvdpsxds: fpToInt(2, S_DW, 64, true, false, D_DW),
  xvcvdpuxds: fpToInt(2, S_DW, 64, false, false, D_DW),
  xvcvdpsxws: fpToInt(2, S_DW, 32, true, false, D_W2),
  xvcvdpuxws: fpToInt(2, S_DW, 32, false, false, D_W2),
  xvcvspsxds: fpToInt(2, S_W2, 64, true, false, D_DW),
  xvcvspuxds: fpToInt(2, S_W2, 64, false, false, D_DW),
  xvcvspsxws: fpToInt(4, S_W, 32, true, false, D_W),
  xvcvspuxws: fpToInt(4, S_W, 32, false, false, D_W),
  xvcvsxddp: intToFp(2, S_DW, true, F64, false, D_DW),
  xvcvuxddp: intToFp(2, S_DW, false, F64, false, D_DW),
  xvcvsxwdp: intToFp(2, S_W2, true, F64, false, D_DW),
  xvcvuxwdp: intToFp(2, S_W2, false, F64, false, D_DW),
  xvcvsxwsp: intToFp(4, S_W, true, F32, false, D_W),
  xvcvuxwsp: intToFp(4, S_W, false, F32, false, D_W),
  xvcvsxdsp: intToFp(2, S_DW, true, F32, false, D_W2),
  xvcvuxdsp: intToFp(2, S_DW, false, F32, false, D_W2),
};
