// Interpreter: VSX scalar and vector conversions between binary16/32/64 and
// between floating point and integers (xscvdpsp … xvcvuxwsp), after QEMU
// 7.2's VSX_CVT_* helpers.

import type { CpuState } from '../state.js';
import type { HandlerTable } from './handler.js';
import { F16, F32, F64, R32, FL_INVALID, RZ, convert, toInt, fromInt, isSNaN } from './vsx-softfloat.js';
import { fpBegin, elem, merge, env, vxsnan, invalidCvt, fpCheck, fpFinish, fprfOf, setFprf } from './vsx-fpscr.js';
import { xt, xb, getD, setD, getW } from './vsx-fp.js';
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
 * Float to integer, truncating (VSX_CVT_FP_TO_INT / _INT2): NaN gives rnan,
 * out of range saturates; FPSCR[FI] only for scalar forms.
 */
function fpToInt(
  n: number,
  from: typeof F64,
  bits: number,
  signed: boolean,
  scalar: boolean,
  src: (s: CpuState, b: number, k: number) => bigint,
  dst: (r: bigint[], k: number, v: bigint) => void,
  store: (s: CpuState, t: number, r: bigint[]) => void,
): (s: CpuState, i: number) => void {
  const mask = (1n << BigInt(bits)) - 1n;
  const rnan = signed ? 1n << BigInt(bits - 1) : 0n;
  return (s, i) => {
    const b = xb(i);
    fpBegin(s);
    let all = 0;
    const r: bigint[] = [0n, 0n, 0n, 0n];
    for (let k = 0; k < n; k++) {
      const st = elem();
      let v = toInt(st, src(s, b, k), from, bits, signed, RZ) & mask;
      const fl = st.flags;
      all |= fl;
      if (fl & FL_INVALID && invalidCvt(s, fl, false)) v = rnan;
      dst(r, k, v);
    }
    env.flags = all;
    fpCheck(s, scalar);
    store(s, xt(i), r);
    fpFinish();
  };
}

/** Integer to float (VSX_CVT_INT_TO_FP / _INT_TO_FP2). */
function intToFp(
  n: number,
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
      const x = fromInt(env, src(s, b, k), to);
      if (scalar) setFprf(s, fprfOf(x, F64));
      dst(r, k, x);
    }
    fpCheck(s, scalar);
    store(s, xt(i), r);
    fpFinish();
  };
}

const sext = (v: bigint, bits: number): bigint => BigInt.asIntN(bits, v);

// element accessors
const dwS = (s: CpuState, b: number, k: number): bigint => getD(s, b, k);
const wS = (s: CpuState, b: number, k: number): bigint => getW(s, b, k);
const w2S = (s: CpuState, b: number, k: number): bigint => getW(s, b, 2 * k);
const dwSx = (s: CpuState, b: number, k: number): bigint => sext(getD(s, b, k), 64);
const wSx = (s: CpuState, b: number, k: number): bigint => sext(getW(s, b, k), 32);
const w2Sx = (s: CpuState, b: number, k: number): bigint => sext(getW(s, b, 2 * k), 32);
const h3S = (s: CpuState, b: number): bigint => getD(s, b, 0) & 0xffffn;
const hLoS = (s: CpuState, b: number, k: number): bigint => getW(s, b, k) & 0xffffn;

const toDw = (r: bigint[], k: number, v: bigint): void => {
  r[k] = v & U64;
};
const toW = (r: bigint[], k: number, v: bigint): void => {
  r[k] = v & 0xffffffffn;
};
/** word 2k and 2k+1 both get v (as words) */
const toW2 = (r: bigint[], k: number, v: bigint): void => {
  r[2 * k] = v & 0xffffffffn;
  r[2 * k + 1] = v & 0xffffffffn;
};
/** scalar: result doubleword 0 */
const toD0 = (r: bigint[], _k: number, v: bigint): void => {
  r[0] = v & U64;
  r[1] = 0n;
};
/** scalar single in both words of doubleword 0 */
const toW01 = (r: bigint[], _k: number, v: bigint): void => {
  r[0] = (v << 32n) | v;
  r[1] = 0n;
};

/** words r[0..3] into a VSR (for word-shaped results) */
const storeW = storeWords;

export const VSX_CONVERT_HANDLERS: HandlerTable = {
  // ---- scalar
  xscvdpsp: fpToFp(1, F64, F32, true, dwS, toW01, storeDw),
  xscvspdp: fpToFp(1, F32, F64, true, (s, b) => getW(s, b, 0), toD0, storeDw),
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
  xscvdpsxds: fpToInt(1, F64, 64, true, true, dwS, toD0, storeDw),
  xscvdpuxds: fpToInt(1, F64, 64, false, true, dwS, toD0, storeDw),
  xscvdpsxws: fpToInt(1, F64, 32, true, true, dwS, toW01, storeDw),
  xscvdpuxws: fpToInt(1, F64, 32, false, true, dwS, toW01, storeDw),
  xscvsxddp: intToFp(1, F64, true, dwSx, toD0, storeDw),
  xscvuxddp: intToFp(1, F64, true, dwS, toD0, storeDw),
  xscvsxdsp: intToFp(1, R32, true, dwSx, toD0, storeDw),
  xscvuxdsp: intToFp(1, R32, true, dwS, toD0, storeDw),

  // ---- vector
  xvcvdpsp: fpToFp(2, F64, F32, false, dwS, toW2, storeW),
  xvcvspdp: fpToFp(2, F32, F64, false, w2S, toDw, storeDw),
  xvcvhpsp: fpToFp(4, F16, F32, false, hLoS, toW, storeW),
  xvcvsphp: fpToFp(4, F32, F16, false, wS, toW, storeW),
  xvcvdpsxds: fpToInt(2, F64, 64, true, false, dwS, toDw, storeDw),
  xvcvdpuxds: fpToInt(2, F64, 64, false, false, dwS, toDw, storeDw),
  xvcvdpsxws: fpToInt(2, F64, 32, true, false, dwS, toW2, storeW),
  xvcvdpuxws: fpToInt(2, F64, 32, false, false, dwS, toW2, storeW),
  xvcvspsxds: fpToInt(2, F32, 64, true, false, w2S, toDw, storeDw),
  xvcvspuxds: fpToInt(2, F32, 64, false, false, w2S, toDw, storeDw),
  xvcvspsxws: fpToInt(4, F32, 32, true, false, wS, toW, storeW),
  xvcvspuxws: fpToInt(4, F32, 32, false, false, wS, toW, storeW),
  xvcvsxddp: intToFp(2, F64, false, dwSx, toDw, storeDw),
  xvcvuxddp: intToFp(2, F64, false, dwS, toDw, storeDw),
  xvcvsxwdp: intToFp(2, F64, false, w2Sx, toDw, storeDw),
  xvcvuxwdp: intToFp(2, F64, false, w2S, toDw, storeDw),
  xvcvsxwsp: intToFp(4, F32, false, wSx, toW, storeW),
  xvcvuxwsp: intToFp(4, F32, false, wS, toW, storeW),
  xvcvsxdsp: intToFp(2, F32, false, dwSx, toW2, storeW),
  xvcvuxdsp: intToFp(2, F32, false, dwS, toW2, storeW),
};

void merge;
