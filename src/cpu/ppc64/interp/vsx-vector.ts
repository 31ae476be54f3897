// Interpreter: VSX vector double/single arithmetic, compares, max/min, tests,
// sign manipulation, round-to-integral and exponent/significand access
// (xvadddp … xvtstdcsp). Vector forms never write FPRF or FI.

import type { CpuState } from '../state.js';
import type { HandlerTable } from './handler.js';
import { setCrField } from './common.js';
import { F32, F64, compare, isSNaN, isNaN_, FL_INVALID } from './vsx-softfloat.js';
import { fpBegin, elem, vxsnan, vxvc, fpCheck, fpFinish } from './vsx-fpscr.js';
import {
  xt, xa, xb, getD, getE, putE, VDP, VSP, type Layout, arith2, opAdd, opSub, opMul, opDiv, invalidAddSub, invalidMul,
  invalidDiv, sqrtOp, reOp, rsqrteOp, maddOp, roundOp, RNA, RZ, RUP, RDN,
} from './vsx-fp.js';
import { maxminNum, tdiv, tsqrt, tstdc } from './vsx-scalar.js';

function signOp(L: Layout, f: (b: bigint, a: bigint, sign: bigint) => bigint, useA = false): (s: CpuState, i: number) => void {
  const sign = 1n << BigInt(L.f.e + L.f.m);
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    const r: bigint[] = [];
    for (let k = 0; k < L.n; k++) r.push(f(getE(s, b, L, k), useA ? getE(s, a, L, k) : 0n, sign));
    putE(s, xt(i), L, r);
  };
}

function maxmin(L: Layout, max: boolean): (s: CpuState, i: number) => void {
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    fpBegin(s);
    const r: bigint[] = [];
    for (let k = 0; k < L.n; k++) {
      const va = getE(s, a, L, k);
      const vb = getE(s, b, L, k);
      r.push(maxminNum(s, va, vb, max, L.f));
      if (isSNaN(va, L.f) || isSNaN(vb, L.f)) vxsnan(s);
    }
    fpCheck(s, false);
    putE(s, xt(i), L, r);
    fpFinish();
  };
}

/** VSX_CMP: element all-ones when B op A holds; CR6 = all true (8) / all false (2) when Rc. */
function vcmp(L: Layout, kind: 'eq' | 'gt' | 'ge'): (s: CpuState, i: number) => void {
  const ones = L.w ? 0xffffffffn : 0xffffffffffffffffn;
  const svxvc = kind !== 'eq';
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    fpBegin(s);
    let allT = true;
    let allF = true;
    const r: bigint[] = [];
    for (let k = 0; k < L.n; k++) {
      const va = getE(s, a, L, k);
      const vb = getE(s, b, L, k);
      if (isNaN_(va, L.f) || isNaN_(vb, L.f)) {
        if (isSNaN(va, L.f) || isSNaN(vb, L.f)) vxsnan(s);
        if (svxvc) vxvc(s, false);
        r.push(0n);
        allT = false;
        continue;
      }
      const c = compare(elem(), va, vb, L.f, false);
      const ok = kind === 'eq' ? c === 0 : kind === 'gt' ? c === 1 : c >= 0;
      if (ok) allF = false;
      else allT = false;
      r.push(ok ? ones : 0n);
    }
    putE(s, xt(i), L, r);
    if (i & 0x400) setCrField(s, 6, (allT ? 8 : 0) | (allF ? 2 : 0));
    fpFinish();
  };
}

function iexp(L: Layout): (s: CpuState, i: number) => void {
  const eb = BigInt(L.f.m);
  const emask = BigInt((1 << L.f.e) - 1);
  const keep = ~(emask << eb) & ((1n << BigInt(L.f.e + L.f.m + 1)) - 1n);
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    const r: bigint[] = [];
    for (let k = 0; k < L.n; k++) r.push((getE(s, a, L, k) & keep) | ((getE(s, b, L, k) & emask) << eb));
    putE(s, xt(i), L, r);
  };
}

function xexp(L: Layout): (s: CpuState, i: number) => void {
  const eb = BigInt(L.f.m);
  const emask = BigInt((1 << L.f.e) - 1);
  return (s, i) => {
    const b = xb(i);
    const r: bigint[] = [];
    for (let k = 0; k < L.n; k++) r.push((getE(s, b, L, k) >> eb) & emask);
    putE(s, xt(i), L, r);
  };
}

function xsig(L: Layout): (s: CpuState, i: number) => void {
  const eb = BigInt(L.f.m);
  const emask = (1 << L.f.e) - 1;
  const fmask = (1n << eb) - 1n;
  return (s, i) => {
    const b = xb(i);
    const r: bigint[] = [];
    for (let k = 0; k < L.n; k++) {
      const v = getE(s, b, L, k);
      const e = Number((v >> eb) & BigInt(emask));
      r.push((v & fmask) | (e !== 0 && e !== emask ? 1n << eb : 0n));
    }
    putE(s, xt(i), L, r);
  };
}

function tstdcOp(L: Layout): (s: CpuState, i: number) => void {
  const ones = L.w ? 0xffffffffn : 0xffffffffffffffffn;
  return (s, i) => {
    const b = xb(i);
    // DCMX = dc (bit 25) || dm (bit 29) || dx (bits 11:15)
    const dcmx = (((i >>> 6) & 1) << 6) | (((i >>> 2) & 1) << 5) | ((i >>> 16) & 31);
    const r: bigint[] = [];
    for (let k = 0; k < L.n; k++) r.push(tstdc(getE(s, b, L, k), L.f.e, L.f.m, dcmx) ? ones : 0n);
    putE(s, xt(i), L, r);
  };
}

const bf = (i: number): number => (i >>> 23) & 7;

export const VSX_VECTOR_HANDLERS: HandlerTable = {
  xvadddp: arith2(VDP, opAdd, invalidAddSub),
  xvsubdp: arith2(VDP, opSub, invalidAddSub),
  xvmuldp: arith2(VDP, opMul, invalidMul),
  xvdivdp: arith2(VDP, opDiv, invalidDiv),
  xvaddsp: arith2(VSP, opAdd, invalidAddSub),
  xvsubsp: arith2(VSP, opSub, invalidAddSub),
  xvmulsp: arith2(VSP, opMul, invalidMul),
  xvdivsp: arith2(VSP, opDiv, invalidDiv),
  xvsqrtdp: sqrtOp(VDP),
  xvsqrtsp: sqrtOp(VSP),
  xvredp: reOp(VDP),
  xvresp: reOp(VSP),
  xvrsqrtedp: rsqrteOp(VDP),
  xvrsqrtesp: rsqrteOp(VSP),

  xvmaddadp: maddOp(VDP, false, false, false),
  xvmaddmdp: maddOp(VDP, true, false, false),
  xvmsubadp: maddOp(VDP, false, true, false),
  xvmsubmdp: maddOp(VDP, true, true, false),
  xvnmaddadp: maddOp(VDP, false, false, true),
  xvnmaddmdp: maddOp(VDP, true, false, true),
  xvnmsubadp: maddOp(VDP, false, true, true),
  xvnmsubmdp: maddOp(VDP, true, true, true),
  xvmaddasp: maddOp(VSP, false, false, false),
  xvmaddmsp: maddOp(VSP, true, false, false),
  xvmsubasp: maddOp(VSP, false, true, false),
  xvmsubmsp: maddOp(VSP, true, true, false),
  xvnmaddasp: maddOp(VSP, false, false, true),
  xvnmaddmsp: maddOp(VSP, true, false, true),
  xvnmsubasp: maddOp(VSP, false, true, true),
  xvnmsubmsp: maddOp(VSP, true, true, true),

  xvabsdp: signOp(VDP, (b, _a, sg) => b & ~sg),
  xvnabsdp: signOp(VDP, (b, _a, sg) => b | sg),
  xvnegdp: signOp(VDP, (b, _a, sg) => b ^ sg),
  xvcpsgndp: signOp(VDP, (b, a, sg) => (b & ~sg) | (a & sg), true),
  xvabssp: signOp(VSP, (b, _a, sg) => b & ~sg),
  xvnabssp: signOp(VSP, (b, _a, sg) => b | sg),
  xvnegsp: signOp(VSP, (b, _a, sg) => b ^ sg),
  xvcpsgnsp: signOp(VSP, (b, a, sg) => (b & ~sg) | (a & sg), true),

  xvmaxdp: maxmin(VDP, true),
  xvmindp: maxmin(VDP, false),
  xvmaxsp: maxmin(VSP, true),
  xvminsp: maxmin(VSP, false),

  xvcmpeqdp: vcmp(VDP, 'eq'),
  xvcmpgtdp: vcmp(VDP, 'gt'),
  xvcmpgedp: vcmp(VDP, 'ge'),
  xvcmpeqsp: vcmp(VSP, 'eq'),
  xvcmpgtsp: vcmp(VSP, 'gt'),
  xvcmpgesp: vcmp(VSP, 'ge'),

  xvtdivdp(s, i) {
    let fe = false;
    let fg = false;
    for (let k = 0; k < 2; k++) {
      const [e, g] = tdiv(getD(s, xa(i), k), getD(s, xb(i), k), 11, 52, -1022, 1023);
      fe ||= e;
      fg ||= g;
    }
    setCrField(s, bf(i), 8 | (fg ? 4 : 0) | (fe ? 2 : 0));
  },
  xvtdivsp(s, i) {
    let fe = false;
    let fg = false;
    for (let k = 0; k < 4; k++) {
      const [e, g] = tdiv(BigInt(s.vsr[xa(i) + k]!), BigInt(s.vsr[xb(i) + k]!), 8, 23, -126, 127);
      fe ||= e;
      fg ||= g;
    }
    setCrField(s, bf(i), 8 | (fg ? 4 : 0) | (fe ? 2 : 0));
  },
  xvtsqrtdp(s, i) {
    let fe = false;
    let fg = false;
    for (let k = 0; k < 2; k++) {
      const [e, g] = tsqrt(getD(s, xb(i), k), 11, 52, -1022);
      fe ||= e;
      fg ||= g;
    }
    setCrField(s, bf(i), 8 | (fg ? 4 : 0) | (fe ? 2 : 0));
  },
  xvtsqrtsp(s, i) {
    let fe = false;
    let fg = false;
    for (let k = 0; k < 4; k++) {
      const [e, g] = tsqrt(BigInt(s.vsr[xb(i) + k]!), 8, 23, -126);
      fe ||= e;
      fg ||= g;
    }
    setCrField(s, bf(i), 8 | (fg ? 4 : 0) | (fe ? 2 : 0));
  },

  xvrdpi: roundOp(VDP, RNA),
  xvrdpic: roundOp(VDP, -1),
  xvrdpim: roundOp(VDP, RDN),
  xvrdpip: roundOp(VDP, RUP),
  xvrdpiz: roundOp(VDP, RZ),
  xvrspi: roundOp(VSP, RNA),
  xvrspic: roundOp(VSP, -1),
  xvrspim: roundOp(VSP, RDN),
  xvrspip: roundOp(VSP, RUP),
  xvrspiz: roundOp(VSP, RZ),

  xviexpdp: iexp(VDP),
  xviexpsp: iexp(VSP),
  xvxexpdp: xexp(VDP),
  xvxexpsp: xexp(VSP),
  xvxsigdp: xsig(VDP),
  xvxsigsp: xsig(VSP),
  xvtstdcdp: tstdcOp(VDP),
  xvtstdcsp: tstdcOp(VSP),
};

void F32;
void F64;
void FL_INVALID;
