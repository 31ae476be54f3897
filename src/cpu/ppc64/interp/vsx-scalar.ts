// Interpreter: VSX scalar double/single arithmetic, compares, max/min, tests,
// sign manipulation and round-to-integral (xsadddp … xsrdpiz).

import type { CpuState } from '../state.js';
import type { HandlerTable } from './handler.js';
import { setCrField } from './common.js';
import { F64, R32 } from './vsx-softfloat.js';
import { QUIRKS, fpBegin, vxsnan, vxvc, fpCheck, fpFinish, setFpcc, setFprf, fprfOf } from './vsx-fpscr.js';
import {
  xt, xa, xb, getD, setD, SDP, arith2, opAdd, opSub, opMul, opDiv, invalidAddSub, invalidMul, invalidDiv, sqrtOp, reOp, rsqrteOp, maddOp, roundOp, frsp, RNA, RZ, RUP, RDN, num, nanKind, negE, copyE, storeRaw, maskE, maxMinE,
} from './vsx-fp.js';

const SIGN = 0x8000000000000000n;
const ABS = 0x7fffffffffffffffn;

/** abs/nabs/neg/cpsgn of doubleword 0; doubleword 1 of the target is cleared. */
function signOp(kind: number): (s: CpuState, i: number) => void {
  return (s, i) => {
    const v = s.vsr;
    const b = xb(i);
    const t = xt(i);
    const w = v[b]!;
    const lo = v[b + 1]!;
    v[t] = kind === 0 ? w & 0x7fffffff : kind === 1 ? w | 0x80000000 : kind === 2 ? w ^ 0x80000000 : (w & 0x7fffffff) | (v[xa(i)]! & 0x80000000);
    v[t + 1] = lo;
    v[t + 2] = 0;
    v[t + 3] = 0;
  };
}

const bf = (i: number): number => (i >>> 23) & 7;

/** float64 classification helpers on raw bits */
const isNaN64 = (x: bigint): boolean => (x & ABS) > 0x7ff0000000000000n;
const exp64 = (x: bigint): number => Number((x >> 52n) & 0x7ffn);

/** Compare doubleword 0 of A and B as host numbers: -1, 0, 1, or 2 (unordered). */
function cmpD(s: CpuState, a: number, b: number): number {
  if (nanKind(s, a, SDP, 0) || nanKind(s, b, SDP, 0)) return 2;
  const x = num(s, a, SDP, 0);
  const y = num(s, b, SDP, 0);
  return x < y ? -1 : x > y ? 1 : 0;
}
const snanD = (s: CpuState, v: number): boolean => nanKind(s, v, SDP, 0) === 2;
const nanD = (s: CpuState, v: number): boolean => nanKind(s, v, SDP, 0) !== 0;

function scalarCmp(ordered: boolean): (s: CpuState, i: number) => void {
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    fpBegin(s);
    const r = cmpD(s, a, b);
    const cc = r === 2 ? 1 : r < 0 ? 8 : r > 0 ? 4 : 2;
    let snan = false;
    let vc = false;
    if (r === 2) {
      if (snanD(s, a) || snanD(s, b)) {
        snan = true;
        vc = ordered && !(s.fpscr & 0x80);
      } else vc = ordered;
    }
    setFpcc(s, cc);
    setCrField(s, bf(i), cc);
    if (snan) vxsnan(s);
    if (vc) vxvc(s, false);
    fpCheck(s, false);
    fpFinish();
  };
}

/** xscmpeqdp/gtdp/gedp: all-ones in doubleword 0 when B op A holds (QEMU VSX_SCALAR_CMP). */
function scalarCmpMask(kind: number): (s: CpuState, i: number) => void {
  const signaling = kind !== 0;
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    fpBegin(s);
    const r = cmpD(s, a, b);
    const ok = kind === 0 ? r === 0 : kind === 1 ? r === 1 : r === 0 || r === 1;
    if (r === 2) {
      const sn = snanD(s, a) || snanD(s, b);
      let vc = signaling;
      if (sn) {
        vxsnan(s);
        vc = vc && !(s.fpscr & 0x80);
      }
      if (vc) vxvc(s, false);
    }
    maskE(SDP, 0, ok);
    storeRaw(s, xt(i), SDP);
    fpCheck(s, false);
    fpFinish();
  };
}

function maxmin(max: boolean): (s: CpuState, i: number) => void {
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    fpBegin(s);
    maxMinE(s, a, b, SDP, 0, max);
    if (snanD(s, a) || snanD(s, b)) vxsnan(s);
    storeRaw(s, xt(i), SDP);
    fpCheck(s, false);
    fpFinish();
  };
}

/** xsmaxcdp/xsmincdp (VSX_MAX_MINC): max: A when B <= A; min: A when A < B; NaN picks B. */
function maxminC(max: boolean): (s: CpuState, i: number) => void {
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    const r = cmpD(s, a, b);
    const pickA = max ? r === 1 || r === 0 : r === -1;
    copyE(s, pickA ? a : b, SDP, 0, false);
    storeRaw(s, xt(i), SDP);
    if (!pickA && (snanD(s, a) || snanD(s, b))) vxsnan(s);
  };
}

/** xsmaxjdp/xsminjdp (VSX_MAX_MINJ): a NaN operand is returned as is (A first). */
function maxminJ(max: boolean): (s: CpuState, i: number) => void {
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    let snan = false;
    if (nanD(s, a)) {
      snan = snanD(s, a);
      copyE(s, a, SDP, 0, false);
    } else if (nanD(s, b)) {
      snan = snanD(s, b);
      copyE(s, b, SDP, 0, false);
    } else {
      const x = num(s, a, SDP, 0);
      const y = num(s, b, SDP, 0);
      if (x === 0 && y === 0) {
        const na = negE(s, a, SDP, 0);
        const nb = negE(s, b, SDP, 0);
        copyE(s, (max ? na && nb : na || nb) ? (na ? a : b) : na ? b : a, SDP, 0, false);
      } else {
        const lt = x < y;
        copyE(s, max !== lt ? a : b, SDP, 0, false);
      }
    }
    if (snan) vxsnan(s);
    storeRaw(s, xt(i), SDP);
  };
}

/** VSX_TDIV for one element pair; returns [fe, fg]. */
export function tdiv(a: bigint, b: bigint, eBits: number, mBits: number, emin: number, emax: number): [boolean, boolean] {
  const bias = (1 << (eBits - 1)) - 1;
  const emask = (1 << eBits) - 1;
  const abs = (1n << BigInt(eBits + mBits)) - 1n;
  const infv = BigInt(emask) << BigInt(mBits);
  const isInf = (x: bigint): boolean => (x & abs) === infv;
  const isNaN = (x: bigint): boolean => (x & abs) > infv;
  const isZero = (x: bigint): boolean => (x & abs) === 0n;
  const ex = (x: bigint): number => Number((x >> BigInt(mBits)) & BigInt(emask)) - bias;
  let fe = false;
  let fg = false;
  if (isInf(a) || isInf(b) || isZero(b)) {
    fe = true;
    fg = true;
  } else {
    const ea = ex(a);
    const eb = ex(b);
    if (isNaN(a) || isNaN(b)) fe = true;
    else if (eb <= emin || eb >= emax - 2) fe = true;
    else if (!isZero(a) && (ea - eb >= emax || ea - eb <= emin + 1 || ea <= emin + mBits)) fe = true;
    if (ex(b) === -bias) fg = true; // zero or denormal (not zero here)
  }
  return [fe, fg];
}

/** VSX_TSQRT for one element; returns [fe, fg]. */
export function tsqrt(b: bigint, eBits: number, mBits: number, emin: number): [boolean, boolean] {
  const bias = (1 << (eBits - 1)) - 1;
  const emask = (1 << eBits) - 1;
  const abs = (1n << BigInt(eBits + mBits)) - 1n;
  const infv = BigInt(emask) << BigInt(mBits);
  const neg = (b >> BigInt(eBits + mBits)) !== 0n;
  let fe = false;
  let fg = false;
  if ((b & abs) === infv || (b & abs) === 0n) {
    fe = true;
    fg = true;
  } else {
    const eb = Number((b >> BigInt(mBits)) & BigInt(emask)) - bias;
    if ((b & abs) > infv) fe = true;
    else if (neg) fe = true;
    else if (eb <= emin + mBits) fe = true;
    if (eb === -bias) fg = true;
  }
  return [fe, fg];
}

/** Test data class of a float (QEMU tp_tstdc): DCMX bits 0x40 NaN, 0x20/0x10 +/-inf, 0x08/0x04 +/-0, 0x02/0x01 +/-denormal. */
export function tstdc(x: bigint, eBits: number, mBits: number, dcmx: number): boolean {
  const emask = (1 << eBits) - 1;
  const neg = (x >> BigInt(eBits + mBits)) & 1n;
  const e = Number((x >> BigInt(mBits)) & BigInt(emask));
  const frac = x & ((1n << BigInt(mBits)) - 1n);
  const nb = neg ? 0 : 1;
  if (e === emask) return frac !== 0n ? (dcmx & 0x40) !== 0 : ((dcmx >> (4 + nb)) & 1) !== 0;
  if (e === 0) return frac === 0n ? ((dcmx >> (2 + nb)) & 1) !== 0 : ((dcmx >> nb) & 1) !== 0;
  return false;
}

/** Single to double without rounding (the ISA's DOUBLE; QEMU helper_todouble). */
export function toDouble(w: number): bigint {
  const sign = BigInt(w >>> 31) << 63n;
  const e = (w >>> 23) & 0xff;
  const frac = BigInt(w & 0x7fffff);
  if (e === 0xff) return sign | (0x7ffn << 52n) | (frac << 29n);
  if (e !== 0) return sign | (BigInt(e - 127 + 1023) << 52n) | (frac << 29n);
  if (frac === 0n) return sign;
  const n = frac.toString(2).length;
  return sign | (BigInt(n - 1 - 149 + 1023) << 52n) | ((frac << BigInt(53 - n)) & 0xfffffffffffffn);
}

/** Double to single without rounding (the ISA's SINGLE; QEMU helper_tosingle). */
export function toSingle(x: bigint): number {
  const exp = Number((x >> 52n) & 0x7ffn);
  if (exp > 896) return Number((((x >> 62n) & 3n) << 30n) | ((x >> 29n) & 0x3fffffffn)) >>> 0;
  let r = Number((x >> 63n) & 1n) << 31;
  if (exp >= 874) r |= Number(((1n << 52n) | (x & 0xfffffffffffffn)) >> BigInt(896 + 30 - exp));
  return r >>> 0;
}

export const VSX_SCALAR_HANDLERS: HandlerTable = {
  xsadddp: arith2(SDP, opAdd, invalidAddSub),
  xssubdp: arith2(SDP, opSub, invalidAddSub),
  xsmuldp: arith2(SDP, opMul, invalidMul),
  xsdivdp: arith2(SDP, opDiv, invalidDiv),
  xsaddsp: arith2(SDP, opAdd, invalidAddSub, R32),
  xssubsp: arith2(SDP, opSub, invalidAddSub, R32),
  xsmulsp: arith2(SDP, opMul, invalidMul, R32),
  xsdivsp: arith2(SDP, opDiv, invalidDiv, R32),
  xssqrtdp: sqrtOp(SDP),
  xssqrtsp: sqrtOp(SDP, R32),
  xsredp: reOp(SDP),
  xsresp: reOp(SDP, true),
  xsrsqrtedp: rsqrteOp(SDP),
  xsrsqrtesp: rsqrteOp(SDP, true),

  xsmaddadp: maddOp(SDP, false, false, false),
  xsmaddmdp: maddOp(SDP, true, false, false),
  xsmsubadp: maddOp(SDP, false, true, false),
  xsmsubmdp: maddOp(SDP, true, true, false),
  xsnmaddadp: maddOp(SDP, false, false, true),
  xsnmaddmdp: maddOp(SDP, true, false, true),
  xsnmsubadp: maddOp(SDP, false, true, true),
  xsnmsubmdp: maddOp(SDP, true, true, true),
  xsmaddasp: maddOp(SDP, false, false, false, R32),
  xsmaddmsp: maddOp(SDP, true, false, false, R32),
  xsmsubasp: maddOp(SDP, false, true, false, R32),
  xsmsubmsp: maddOp(SDP, true, true, false, R32),
  xsnmaddasp: maddOp(SDP, false, false, true, R32),
  xsnmaddmsp: maddOp(SDP, true, false, true, R32),
  xsnmsubasp: maddOp(SDP, false, true, true, R32),
  xsnmsubmsp: maddOp(SDP, true, true, true, R32),

  xsabsdp: signOp(0),
  xsnabsdp: signOp(1),
  xsnegdp: signOp(2),
  xscpsgndp: signOp(3),

  xscmpudp: scalarCmp(false),
  xscmpodp: scalarCmp(true),
  xscmpexpdp(s, i) {
    const a = getD(s, xa(i), 0);
    const b = getD(s, xb(i), 0);
    fpBegin(s);
    let cc: number;
    if (isNaN64(a) || isNaN64(b)) cc = 1;
    else {
      const ea = exp64(a);
      const eb = exp64(b);
      cc = ea < eb ? 8 : ea > eb ? 4 : 2;
    }
    setFpcc(s, cc);
    setCrField(s, bf(i), cc);
    fpCheck(s, false);
    fpFinish();
  },
  xscmpeqdp: scalarCmpMask(0),
  xscmpgtdp: scalarCmpMask(1),
  xscmpgedp: scalarCmpMask(2),

  xsmaxdp: maxmin(true),
  xsmindp: maxmin(false),
  xsmaxcdp: maxminC(true),
  xsmincdp: maxminC(false),
  xsmaxjdp: maxminJ(true),
  xsminjdp: maxminJ(false),

  xstdivdp(s, i) {
    const [fe, fg] = tdiv(getD(s, xa(i), 0), getD(s, xb(i), 0), 11, 52, -1022, 1023);
    setCrField(s, bf(i), 8 | (fg ? 4 : 0) | (fe ? 2 : 0));
  },
  xstsqrtdp(s, i) {
    const [fe, fg] = tsqrt(getD(s, xb(i), 0), 11, 52, -1022);
    setCrField(s, bf(i), 8 | (fg ? 4 : 0) | (fe ? 2 : 0));
  },

  xsrsp(s, i) {
    fpBegin(s);
    const x = frsp(s, getD(s, xb(i), 0));
    setFprf(s, fprfOf(x, F64));
    fpCheck(s, true);
    const t = xt(i);
    setD(s, t, 0, x);
    setD(s, t, 1, 0n);
    fpFinish();
  },
  xsrdpi: roundOp(SDP, RNA),
  xsrdpic: roundOp(SDP, -1),
  xsrdpim: roundOp(SDP, RDN),
  xsrdpip: roundOp(SDP, RUP),
  xsrdpiz: roundOp(SDP, RZ),

  xsiexpdp(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const t = xt(i);
    const hi = (s.gprHi[ra]! & 0x800fffff) | ((s.gprLo[rb]! & 0x7ff) << 20);
    s.vsr[t] = hi >>> 0;
    s.vsr[t + 1] = s.gprLo[ra]! >>> 0;
    s.vsr[t + 2] = 0;
    s.vsr[t + 3] = 0;
  },
  xsxexpdp(s, i) {
    const rt = (i >>> 21) & 31;
    s.gprHi[rt] = 0;
    s.gprLo[rt] = (s.vsr[xb(i)]! >>> 20) & 0x7ff;
  },
  xsxsigdp(s, i) {
    const rt = (i >>> 21) & 31;
    const b = xb(i);
    const hi = s.vsr[b]!;
    const e = (hi >>> 20) & 0x7ff;
    s.gprHi[rt] = (hi & 0xfffff) | (e !== 0 && e !== 0x7ff ? 0x100000 : 0);
    s.gprLo[rt] = s.vsr[b + 1]! | 0;
  },
  xststdcdp(s, i) {
    const x = getD(s, xb(i), 0);
    const dcmx = (i >>> 16) & 0x7f;
    const cc = (x & SIGN ? 8 : 0) | (tstdc(x, 11, 52, dcmx) ? 2 : 0);
    setFpcc(s, cc);
    setCrField(s, bf(i), cc);
  },
  xststdcsp(s, i) {
    const x = getD(s, xb(i), 0);
    const dcmx = (i >>> 16) & 0x7f;
    const e = exp64(x);
    const neg = (x & SIGN) !== 0n;
    const notSp = x !== toDouble(toSingle(x));
    // Values below the single normal range are single denormals (ISA; QEMU 7.2
    // matches them whatever DCMX says).
    const spDenorm = e > 0 && e < 0x381;
    const match = tstdc(x, 11, 52, dcmx) || (spDenorm && (QUIRKS.qemu || ((dcmx >> (neg ? 0 : 1)) & 1) !== 0));
    const cc = (neg ? 8 : 0) | (match ? 2 : 0) | (notSp ? 1 : 0);
    setFpcc(s, cc);
    setCrField(s, bf(i), cc);
  },
};
