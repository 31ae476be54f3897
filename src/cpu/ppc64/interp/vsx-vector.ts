// Interpreter: VSX vector double/single arithmetic, compares, max/min, tests,
// sign manipulation, round-to-integral and exponent/significand access
// (xvadddp … xvtstdcsp). Vector forms never write FPRF or FI.

import type { CpuState } from '../state.js';
import type { HandlerTable } from './handler.js';
import { setCrField } from './common.js';
import { fpBegin, vxsnan, vxvc, fpCheck, fpFinish } from './vsx-fpscr.js';
import {
  num, nanKind, maxMinE, storeRaw, maskE, xt, xa, xb, getD, getE, putE, VDP, VSP, type Layout, arith2, opAdd, opSub, opMul, opDiv, invalidAddSub, invalidMul, invalidDiv, sqrtOp, reOp, rsqrteOp, maddOp, roundOp, RNA, RZ, RUP, RDN,
} from './vsx-fp.js';
import { tdiv, tsqrt, tstdc } from './vsx-scalar.js';

/** abs/nabs/neg/cpsgn on the sign bits (words 0,2 for doublewords; every word for singles). */
function signOp(L: Layout, kind: number): (s: CpuState, i: number) => void {
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    const t = xt(i);
    const v = s.vsr;
    for (let k = 0; k < 4; k++) {
      const w = v[b + k]!;
      if (!L.w && k & 1) {
        T4[k] = w;
        continue;
      }
      T4[k] = kind === 0 ? w & 0x7fffffff : kind === 1 ? w | 0x80000000 : kind === 2 ? w ^ 0x80000000 : (w & 0x7fffffff) | (v[a + k]! & 0x80000000);
    }
    v.set(T4, t);
  };
}
const T4 = new Uint32Array(4);

function maxmin(L: Layout, max: boolean): (s: CpuState, i: number) => void {
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    fpBegin(s);
    for (let k = 0; k < L.n; k++) {
      maxMinE(s, a, b, L, k, max);
      if (nanKind(s, a, L, k) === 2 || nanKind(s, b, L, k) === 2) vxsnan(s);
    }
    fpCheck(s, false);
    storeRaw(s, xt(i), L);
    fpFinish();
  };
}

/** VSX_CMP: element all-ones when B op A holds; CR6 = all true (8) / all false (2) when Rc. */
function vcmp(L: Layout, kind: number): (s: CpuState, i: number) => void {
  const svxvc = kind !== 0;
  return (s, i) => {
    const a = xa(i);
    const b = xb(i);
    fpBegin(s);
    let allT = true;
    let allF = true;
    for (let k = 0; k < L.n; k++) {
      const na = nanKind(s, a, L, k);
      const nb = nanKind(s, b, L, k);
      if (na || nb) {
        if (na === 2 || nb === 2) vxsnan(s);
        if (svxvc) vxvc(s, false);
        maskE(L, k, false);
        allT = false;
        continue;
      }
      const x = num(s, a, L, k);
      const y = num(s, b, L, k);
      const ok = kind === 0 ? x === y : kind === 1 ? x > y : x >= y;
      if (ok) allF = false;
      else allT = false;
      maskE(L, k, ok);
    }
    storeRaw(s, xt(i), L);
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

  xvabsdp: signOp(VDP, 0),
  xvnabsdp: signOp(VDP, 1),
  xvnegdp: signOp(VDP, 2),
  xvcpsgndp: signOp(VDP, 3),
  xvabssp: signOp(VSP, 0),
  xvnabssp: signOp(VSP, 1),
  xvnegsp: signOp(VSP, 2),
  xvcpsgnsp: signOp(VSP, 3),

  xvmaxdp: maxmin(VDP, true),
  xvmindp: maxmin(VDP, false),
  xvmaxsp: maxmin(VSP, true),
  xvminsp: maxmin(VSP, false),

  xvcmpeqdp: vcmp(VDP, 0),
  xvcmpgtdp: vcmp(VDP, 1),
  xvcmpgedp: vcmp(VDP, 2),
  xvcmpeqsp: vcmp(VSP, 0),
  xvcmpgtsp: vcmp(VSP, 1),
  xvcmpgesp: vcmp(VSP, 2),

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
