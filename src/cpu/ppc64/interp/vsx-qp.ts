// Interpreter: binary128 (quad-precision) instructions of opcode 63 operating
// on VRs (VSR 32+n), on the BigInt soft-float of vsx-softfloat.ts (a rare,
// slow path). The 'o' forms (Rc=1) round to odd. FPSCR effects follow QEMU
// 7.2 (set FPRF and FI); two QEMU 7.2 deviations from the ISA are NOT copied:
// xsnmsubqpo rounds to odd, and xsrqpi/xsrqpxp with R=0 RMC=3 use FPSCR[RN]
// as the ISA defines (QEMU swaps toward-zero and toward -infinity there).

import type { CpuState } from '../state.js';
import type { HandlerTable } from './handler.js';
import { setCrField } from './common.js';
import {
  F64, F128, X80, FL_INVALID, FL_DIVBYZERO, FL_SNAN, FL_INEXACT, RNE, RZ, RUP, RDN, RNA, RODD, add, mul, div, sqrt,
  muladd, compare, convert, toInt, fromInt, roundToInt, round, unpack, isNaN_, isSNaN, C_QNAN, C_INF, C_ZERO,
  FStatus,
} from './vsx-softfloat.js';
import {
  QUIRKS, env, fpBegin, elem, merge, vxsnan, vxvc, invalidAddSub, invalidMul, invalidDiv, invalidSqrt, invalidMadd, invalidCvt,
  zeroDivide, fpCheck, fpFinish, fprfOf, setFprf, setFpcc,
} from './vsx-fpscr.js';
import { vrt, vra, vrb, getQ, setQ, getD, setD } from './vsx-fp.js';

const SIGN = 1n << 127n;
const ABS = SIGN - 1n;
const QNAN_BIT = 1n << 111n;

type Bin = (st: FStatus, a: bigint, b: bigint) => bigint;
type Inval = (s: CpuState, fl: number, setFpcc: boolean) => void;

function qbin(op: Bin, inval: Inval, ro: boolean): (s: CpuState, i: number) => void {
  return (s, i) => {
    fpBegin(s);
    const st = elem();
    if (ro) st.mode = RODD;
    const r = op(st, getQ(s, vra(i)), getQ(s, vrb(i)));
    const fl = merge();
    if (fl & FL_INVALID) inval(s, fl, true);
    if (fl & FL_DIVBYZERO) zeroDivide(s);
    setFprf(s, fprfOf(r, F128));
    fpCheck(s, true);
    setQ(s, vrt(i), r);
    fpFinish();
  };
}

function qsqrt(ro: boolean): (s: CpuState, i: number) => void {
  return (s, i) => {
    fpBegin(s);
    const st = elem();
    if (ro) st.mode = RODD;
    const r = sqrt(st, getQ(s, vrb(i)), F128);
    const fl = merge();
    if (fl & FL_INVALID) invalidSqrt(s, fl, true);
    setFprf(s, fprfOf(r, F128));
    fpCheck(s, true);
    setQ(s, vrt(i), r);
    fpFinish();
  };
}

/** VRT = ±(VRA*VRB ± VRT), the negation applied after rounding (NaNs are not negated). */
function qmadd(negC: boolean, negR: boolean, ro: boolean, qemuNoRo = false): (s: CpuState, i: number) => void {
  return (s, i) => {
    fpBegin(s);
    const st = elem();
    if (ro && !(qemuNoRo && QUIRKS.qemu)) st.mode = RODD;
    const t = vrt(i);
    const a = getQ(s, vra(i));
    const b = getQ(s, vrb(i));
    const c = getQ(s, t);
    let r: bigint;
    if (negR && QUIRKS.qemu && !isNaN_(a, F128) && !isNaN_(b, F128) && !isNaN_(c, F128)) {
      // QEMU 7.2: round the negated exact result, -(a*b +- c) = (-a)*b -+ c
      // (an exact zero keeps the negate-after-rounding sign).
      const m = st.mode;
      r = muladd(st, a ^ SIGN, b, c, F128, !negC);
      if ((r & ABS) === 0n && !(st.flags & FL_INEXACT)) {
        const z = new FStatus();
        z.mode = m;
        r = muladd(z, a, b, c, F128, negC) ^ SIGN;
      }
    } else {
      r = muladd(st, a, b, c, F128, negC);
      if (negR && !isNaN_(r, F128)) r ^= SIGN;
    }
    const fl = merge();
    if (fl & FL_INVALID) invalidMadd(s, fl, false);
    setFprf(s, fprfOf(r, F128));
    fpCheck(s, true);
    setQ(s, t, r);
    fpFinish();
  };
}

function qcmp(ordered: boolean): (s: CpuState, i: number) => void {
  return (s, i) => {
    const a = getQ(s, vra(i));
    const b = getQ(s, vrb(i));
    fpBegin(s);
    const r = compare(elem(), a, b, F128, false);
    const cc = r === 2 ? 1 : r < 0 ? 8 : r > 0 ? 4 : 2;
    let snan = false;
    let vc = false;
    if (r === 2) {
      if (isSNaN(a, F128) || isSNaN(b, F128)) {
        snan = true;
        vc = ordered && !(s.fpscr & 0x80);
      } else vc = ordered;
    }
    setFpcc(s, cc);
    setCrField(s, (i >>> 23) & 7, cc);
    if (snan) vxsnan(s);
    if (vc) vxvc(s, false);
    fpCheck(s, false);
    fpFinish();
  };
}

/** binary128 to integer, truncating (VSX_CVT_FP_TO_INT_VECTOR); result in doubleword 0. */
function qToInt(bits: number, signed: boolean, rnan: bigint): (s: CpuState, i: number) => void {
  return (s, i) => {
    fpBegin(s);
    const st = elem();
    let v = toInt(st, getQ(s, vrb(i)), F128, bits, signed, RZ);
    const fl = merge();
    v = BigInt.asUintN(64, v);
    if (fl & FL_INVALID && invalidCvt(s, fl, false)) v = rnan;
    fpCheck(s, true);
    const t = vrt(i);
    setD(s, t, 0, v);
    setD(s, t, 1, 0n);
    fpFinish();
  };
}

function qFromInt(signed: boolean): (s: CpuState, i: number) => void {
  return (s, i) => {
    fpBegin(s);
    let v = getD(s, vrb(i), 0);
    if (signed) v = BigInt.asIntN(64, v);
    const r = fromInt(env, v, F128);
    setFprf(s, fprfOf(r, F128));
    fpCheck(s, true);
    setQ(s, vrt(i), r);
    fpFinish();
  };
}

function bitOp(f: (b: bigint, a: bigint) => bigint): (s: CpuState, i: number) => void {
  return (s, i) => setQ(s, vrt(i), f(getQ(s, vrb(i)), getQ(s, vra(i))));
}

/** Rounding mode of xsrqpi/xsrqpxp from R and RMC. */
function rqMode(s: CpuState, i: number): number {
  const r = (i >>> 16) & 1;
  const rmc = (i >>> 9) & 3;
  if (r === 1) return [RNE, RZ, RUP, RDN][rmc]!;
  if (rmc === 0) return RNA;
  if (rmc === 3) return QUIRKS.qemu ? [RNE, RDN, RUP, RZ][s.fpscr & 3]! : s.fpscr & 3;
  return RNE; // reserved encodings: QEMU rounds to nearest even
}

function qcvtqpdp(ro: boolean): (s: CpuState, i: number) => void {
  return (s, i) => {
    fpBegin(s);
    const st = elem();
    if (ro) st.mode = RODD;
    const b = getQ(s, vrb(i));
    const r = convert(st, b, F128, F64);
    merge();
    if (isSNaN(b, F128)) vxsnan(s);
    setFprf(s, fprfOf(r, F64));
    fpCheck(s, true);
    const t = vrt(i);
    setD(s, t, 0, r);
    setD(s, t, 1, 0n);
    fpFinish();
  };
}

function qrqpi(ex: boolean): (s: CpuState, i: number) => void {
  return (s, i) => {
    fpBegin(s);
    const st = elem();
    const r = roundToInt(st, getQ(s, vrb(i)), F128, rqMode(s, i));
    merge();
    if (st.flags & FL_SNAN) vxsnan(s);
    if (!ex) env.flags &= ~FL_INEXACT;
    setFprf(s, fprfOf(r, F128));
    fpCheck(s, true);
    setQ(s, vrt(i), r);
    fpFinish();
  };
}

export const VSX_QP_HANDLERS: HandlerTable = {
  xsaddqp: qbin((st, a, b) => add(st, a, b, F128), invalidAddSub, false),
  xsaddqpo: qbin((st, a, b) => add(st, a, b, F128), invalidAddSub, true),
  xssubqp: qbin((st, a, b) => add(st, a, b, F128, true), invalidAddSub, false),
  xssubqpo: qbin((st, a, b) => add(st, a, b, F128, true), invalidAddSub, true),
  xsmulqp: qbin((st, a, b) => mul(st, a, b, F128), invalidMul, false),
  xsmulqpo: qbin((st, a, b) => mul(st, a, b, F128), invalidMul, true),
  xsdivqp: qbin((st, a, b) => div(st, a, b, F128), invalidDiv, false),
  xsdivqpo: qbin((st, a, b) => div(st, a, b, F128), invalidDiv, true),
  xssqrtqp: qsqrt(false),
  xssqrtqpo: qsqrt(true),
  xsmaddqp: qmadd(false, false, false),
  xsmaddqpo: qmadd(false, false, true),
  xsmsubqp: qmadd(true, false, false),
  xsmsubqpo: qmadd(true, false, true),
  xsnmaddqp: qmadd(false, true, false),
  xsnmaddqpo: qmadd(false, true, true),
  xsnmsubqp: qmadd(true, true, false),
  xsnmsubqpo: qmadd(true, true, true, true),

  xscmpuqp: qcmp(false),
  xscmpoqp: qcmp(true),
  xscmpexpqp(s, i) {
    const a = getQ(s, vra(i));
    const b = getQ(s, vrb(i));
    fpBegin(s);
    let cc: number;
    if (isNaN_(a, F128) || isNaN_(b, F128)) cc = 1;
    else {
      const ea = Number((a >> 112n) & 0x7fffn);
      const eb = Number((b >> 112n) & 0x7fffn);
      cc = ea < eb ? 8 : ea > eb ? 4 : 2;
    }
    setFpcc(s, cc);
    setCrField(s, (i >>> 23) & 7, cc);
    fpCheck(s, false);
    fpFinish();
  },

  xscvqpdp: qcvtqpdp(false),
  xscvqpdpo: qcvtqpdp(true),
  xscvdpqp(s, i) {
    fpBegin(s);
    const b = getD(s, vrb(i), 0);
    const r = convert(env, b, F64, F128);
    if (isSNaN(b, F64)) vxsnan(s);
    setFprf(s, fprfOf(r, F128));
    fpCheck(s, true);
    setQ(s, vrt(i), r);
    fpFinish();
  },
  xscvqpsdz: qToInt(64, true, 0x8000000000000000n),
  xscvqpswz: qToInt(32, true, 0xffffffff80000000n),
  xscvqpudz: qToInt(64, false, 0n),
  xscvqpuwz: qToInt(32, false, 0n),
  xscvsdqp: qFromInt(true),
  xscvudqp: qFromInt(false),

  xsabsqp: bitOp((b) => b & ABS),
  xsnegqp: bitOp((b) => b ^ SIGN),
  xsnabsqp: bitOp((b) => b | SIGN),
  xscpsgnqp: bitOp((b, a) => (b & ABS) | (a & SIGN)),

  xsiexpqp(s, i) {
    const a = getQ(s, vra(i));
    const e = getD(s, vrb(i), 0) & 0x7fffn;
    setQ(s, vrt(i), (a & ~(0x7fffn << 112n)) | (e << 112n));
  },
  xsxexpqp(s, i) {
    const t = vrt(i);
    setD(s, t, 0, (getQ(s, vrb(i)) >> 112n) & 0x7fffn);
    setD(s, t, 1, 0n);
  },
  xsxsigqp(s, i) {
    const b = getQ(s, vrb(i));
    const e = Number((b >> 112n) & 0x7fffn);
    const frac = b & ((1n << 112n) - 1n);
    setQ(s, vrt(i), frac | (e !== 0 && e !== 0x7fff ? 1n << 112n : 0n));
  },
  xststdcqp(s, i) {
    const b = getQ(s, vrb(i));
    const dcmx = (i >>> 16) & 0x7f;
    const u = unpack(b, F128);
    const nb = u.sign ? 0 : 1;
    let match = false;
    if (u.cls >= C_QNAN) match = (dcmx & 0x40) !== 0;
    else if (u.cls === C_INF) match = ((dcmx >> (4 + nb)) & 1) !== 0;
    else if (u.cls === C_ZERO) match = ((dcmx >> (2 + nb)) & 1) !== 0;
    else if (((b >> 112n) & 0x7fffn) === 0n) match = ((dcmx >> nb) & 1) !== 0;
    const cc = (u.sign ? 8 : 0) | (match ? 2 : 0);
    setFpcc(s, cc);
    setCrField(s, (i >>> 23) & 7, cc);
  },

  xsrqpi: qrqpi(false),
  xsrqpix: qrqpi(true),
  xsrqpxp(s, i) {
    fpBegin(s);
    const st = elem();
    const b = getQ(s, vrb(i));
    const u = unpack(b, F128);
    let r: bigint;
    if (u.cls >= C_QNAN) {
      // through floatx80: the payload keeps its top 63 fraction bits
      if (isSNaN(b, F128)) st.flags |= FL_INVALID | FL_SNAN;
      r = ((b >> 49n) << 49n) | QNAN_BIT;
    } else if (u.cls === C_INF || u.cls === C_ZERO) r = b;
    else r = round(st, u.sign, u.sig, u.exp, false, X80, rqMode(s, i));
    merge();
    if (st.flags & FL_SNAN) vxsnan(s);
    setFprf(s, fprfOf(r, F128));
    fpCheck(s, true);
    setQ(s, vrt(i), r);
    fpFinish();
  },
};
