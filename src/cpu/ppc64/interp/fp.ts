// Interpreter: unit 'fp'. Handlers keyed by the mnemonic of their table row
// (src/isa/ppc64/table/fp.ts). Arithmetic lives in ../fpu/ (ops.ts: FPSCR
// effects as QEMU 7.2 implements them; softfloat.ts: exact IEEE rounding).
// FPR i is doubleword 0 of VSR i: vsr[4i] (high word), vsr[4i+1] (low word);
// doubleword 1 is zeroed on every FPR write (QEMU 7.2's set_fpr; the ISA leaves it undefined).

import type { CpuState } from '../state.js';
import type { Handler, HandlerTable } from './handler.js';
import { CpuTrap } from '../trap.js';
import { setCrField } from './common.js';
import { storeFpscr, fpscrEnabledException, FPSCR_FEX, FPSCR_VX, FPSCR_NI } from '../fpu/fpscr.js';
import {
  SF, FP_SINGLE, FP_NO_FPRF, MADD_NEG_C, MADD_NEG_RESULT, RN_ZERO, RN_UP, RN_DOWN, RN_AWAY,
  fpAdd, fpSub, fpMul, fpDiv, fpSqrt, fpMulAdd, fpRoundSingle, fpRecipEst, fpRsqrtEst, fpToInt, fpFromInt,
  fpRoundToInt, fpCompare, fpTestDiv, fpTestSqrt, fpTrapCheck,
} from '../fpu/ops.js';

/** CR1 = FPSCR[FX FEX VX OX]. */
function cr1(s: CpuState): void {
  s.cr = (s.cr & 0xf0ffffff) | (((s.fpscr >>> 28) & 0xf) << 24);
}

function writeT(s: CpuState, i: number): void {
  const t = (i >>> 21) & 31;
  s.vsr[4 * t] = SF.hi;
  s.vsr[4 * t + 1] = SF.lo;
  s.vsr[4 * t + 2] = 0;
  s.vsr[4 * t + 3] = 0;
  fpTrapCheck(s);
  if (i & 1) cr1(s);
}

type Op2 = (s: CpuState, ah: number, al: number, bh: number, bl: number, ctl: number) => void;

/** FRT <- FRA op FRB (or FRA op FRC when `useC`). */
function binary(op: Op2, ctl: number, useC: boolean): Handler {
  return (s, i) => {
    const v = s.vsr;
    const a = 4 * ((i >>> 16) & 31);
    const b = 4 * (useC ? (i >>> 6) & 31 : (i >>> 11) & 31);
    op(s, v[a]! | 0, v[a + 1]! | 0, v[b]! | 0, v[b + 1]! | 0, ctl);
    writeT(s, i);
  };
}

type Op1 = (s: CpuState, bh: number, bl: number, ctl: number) => void;

function unary(op: Op1, ctl: number): Handler {
  return (s, i) => {
    const b = 4 * ((i >>> 11) & 31);
    op(s, s.vsr[b]! | 0, s.vsr[b + 1]! | 0, ctl);
    writeT(s, i);
  };
}

/** FRT <- [-](FRA * FRC [+-] FRB), fused. */
function madd(neg: number, ctl: number): Handler {
  return (s, i) => {
    const v = s.vsr;
    const a = 4 * ((i >>> 16) & 31);
    const b = 4 * ((i >>> 11) & 31);
    const c = 4 * ((i >>> 6) & 31);
    fpMulAdd(s, v[a]! | 0, v[a + 1]! | 0, v[c]! | 0, v[c + 1]! | 0, v[b]! | 0, v[b + 1]! | 0, neg, ctl);
    writeT(s, i);
  };
}

function toInt(bits: 32 | 64, signed: boolean, mode: number): Handler {
  return (s, i) => {
    const b = 4 * ((i >>> 11) & 31);
    fpToInt(s, s.vsr[b]! | 0, s.vsr[b + 1]! | 0, bits, signed, mode);
    writeT(s, i);
  };
}

function fromInt(signed: boolean, ctl: number): Handler {
  return (s, i) => {
    const b = 4 * ((i >>> 11) & 31);
    fpFromInt(s, s.vsr[b]! | 0, s.vsr[b + 1]! | 0, signed, ctl);
    writeT(s, i);
  };
}

function roundInt(mode: number): Handler {
  return (s, i) => {
    const b = 4 * ((i >>> 11) & 31);
    fpRoundToInt(s, s.vsr[b]! | 0, s.vsr[b + 1]! | 0, mode, 0);
    writeT(s, i);
  };
}

/** Sign-manipulating moves: FRT <- FRB with the sign bit transformed (no FPSCR change). */
function signOp(kind: 0 | 1 | 2 | 3): Handler {
  return (s, i) => {
    const t = 4 * ((i >>> 21) & 31);
    const b = 4 * ((i >>> 11) & 31);
    const hi = s.vsr[b]!;
    const lo = s.vsr[b + 1]!;
    s.vsr[t] = kind === 0 ? hi : kind === 1 ? hi ^ 0x80000000 : kind === 2 ? hi & 0x7fffffff : hi | 0x80000000;
    s.vsr[t + 1] = lo;
    s.vsr[t + 2] = 0;
    s.vsr[t + 3] = 0;
    if (i & 1) cr1(s);
  };
}

function compare(ordered: boolean): Handler {
  return (s, i) => {
    const v = s.vsr;
    const a = 4 * ((i >>> 16) & 31);
    const b = 4 * ((i >>> 11) & 31);
    const r = fpCompare(s, v[a]! | 0, v[a + 1]! | 0, v[b]! | 0, v[b + 1]! | 0, ordered);
    setCrField(s, (i >>> 23) & 7, r);
    fpTrapCheck(s);
  };
}

/** mtfs*: store, CR1, then trap if an exception is now enabled (do_fpscr_check_status). */
function afterStore(s: CpuState, i: number): void {
  if (i & 1) cr1(s);
  if (fpscrEnabledException(s.fpscr)) {
    s.fpscr |= FPSCR_FEX;
    throw new CpuTrap('fp');
  }
}

/** FPSCR image mffsl returns: DRN, VE..XE, NI, RN and the status FR FI FPRF. */
const MFFSL_LO = 0x0007f0ff;
/** FPSCR image mffscrn[i]/mffscdrn[i] return: DRN, VE..XE, NI, RN. */
const MFFSCRN_LO = 0xff;

export const FP_HANDLERS: HandlerTable = {
  fmr: signOp(0),
  fneg: signOp(1),
  fabs: signOp(2),
  fnabs: signOp(3),

  fcpsgn(s, i) {
    const t = 4 * ((i >>> 21) & 31);
    const a = 4 * ((i >>> 16) & 31);
    const b = 4 * ((i >>> 11) & 31);
    s.vsr[t] = (s.vsr[b]! & 0x7fffffff) | (s.vsr[a]! & 0x80000000);
    s.vsr[t + 1] = s.vsr[b + 1]!;
    s.vsr[t + 2] = 0;
    s.vsr[t + 3] = 0;
    if (i & 1) cr1(s);
  },

  fmrgew(s, i) {
    const t = 4 * ((i >>> 21) & 31);
    const a = 4 * ((i >>> 16) & 31);
    const b = 4 * ((i >>> 11) & 31);
    const lo = s.vsr[b]!;
    s.vsr[t] = s.vsr[a]!;
    s.vsr[t + 1] = lo;
    s.vsr[t + 2] = 0;
    s.vsr[t + 3] = 0;
  },

  fmrgow(s, i) {
    const t = 4 * ((i >>> 21) & 31);
    const a = 4 * ((i >>> 16) & 31);
    const b = 4 * ((i >>> 11) & 31);
    const hi = s.vsr[a + 1]!;
    const lo = s.vsr[b + 1]!;
    s.vsr[t] = hi;
    s.vsr[t + 1] = lo;
    s.vsr[t + 2] = 0;
    s.vsr[t + 3] = 0;
  },

  fadd: binary(fpAdd, 0, false),
  fadds: binary(fpAdd, FP_SINGLE, false),
  fsub: binary(fpSub, 0, false),
  fsubs: binary(fpSub, FP_SINGLE, false),
  fmul: binary(fpMul, 0, true),
  fmuls: binary(fpMul, FP_SINGLE, true),
  fdiv: binary(fpDiv, 0, false),
  fdivs: binary(fpDiv, FP_SINGLE, false),
  fsqrt: unary(fpSqrt, 0),
  fsqrts: unary(fpSqrt, FP_SINGLE),
  fre: unary(fpRecipEst, 0),
  fres: unary(fpRecipEst, FP_SINGLE),
  frsqrte: unary(fpRsqrtEst, 0),
  frsqrtes: unary(fpRsqrtEst, FP_SINGLE),

  ftdiv(s, i) {
    const a = 4 * ((i >>> 16) & 31);
    const b = 4 * ((i >>> 11) & 31);
    setCrField(s, (i >>> 23) & 7, fpTestDiv(s.vsr[a]! | 0, s.vsr[a + 1]! | 0, s.vsr[b]! | 0, s.vsr[b + 1]! | 0));
  },

  ftsqrt(s, i) {
    const b = 4 * ((i >>> 11) & 31);
    setCrField(s, (i >>> 23) & 7, fpTestSqrt(s.vsr[b]! | 0, s.vsr[b + 1]! | 0));
  },

  fmadd: madd(0, 0),
  fmadds: madd(0, FP_SINGLE),
  fmsub: madd(MADD_NEG_C, 0),
  fmsubs: madd(MADD_NEG_C, FP_SINGLE),
  fnmadd: madd(MADD_NEG_RESULT, 0),
  fnmadds: madd(MADD_NEG_RESULT, FP_SINGLE),
  fnmsub: madd(MADD_NEG_C | MADD_NEG_RESULT, 0),
  fnmsubs: madd(MADD_NEG_C | MADD_NEG_RESULT, FP_SINGLE),

  frsp: unary(fpRoundSingle, 0),
  fctid: toInt(64, true, -1),
  fctidz: toInt(64, true, RN_ZERO),
  fctidu: toInt(64, false, -1),
  fctiduz: toInt(64, false, RN_ZERO),
  fctiw: toInt(32, true, -1),
  fctiwz: toInt(32, true, RN_ZERO),
  fctiwu: toInt(32, false, -1),
  fctiwuz: toInt(32, false, RN_ZERO),
  fcfid: fromInt(true, 0),
  fcfidu: fromInt(false, FP_NO_FPRF),
  fcfids: fromInt(true, FP_SINGLE | FP_NO_FPRF),
  fcfidus: fromInt(false, FP_SINGLE | FP_NO_FPRF),
  frin: roundInt(RN_AWAY),
  friz: roundInt(RN_ZERO),
  frip: roundInt(RN_UP),
  frim: roundInt(RN_DOWN),

  fcmpu: compare(false),
  fcmpo: compare(true),

  fsel(s, i) {
    const v = s.vsr;
    const t = 4 * ((i >>> 21) & 31);
    const a = 4 * ((i >>> 16) & 31);
    const ah = v[a]! | 0;
    const al = v[a + 1]! | 0;
    const isNan = (ah & 0x7ff00000) === 0x7ff00000 && ((ah & 0xfffff) !== 0 || al !== 0);
    const isZero = (ah & 0x7fffffff) === 0 && al === 0;
    const src = 4 * ((!isNan && (ah >= 0 || isZero) ? (i >>> 6) : (i >>> 11)) & 31);
    const hi = v[src]!;
    const lo = v[src + 1]!;
    v[t] = hi;
    v[t + 1] = lo;
    v[t + 2] = 0;
    v[t + 3] = 0;
    if (i & 1) cr1(s);
  },

  mffs(s, i) {
    const t = (i >>> 21) & 31;
    s.vsr[4 * t] = s.fpscrHi;
    s.vsr[4 * t + 1] = s.fpscr;
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
    if (i & 1) cr1(s);
  },

  mffsce(s, i) {
    const t = (i >>> 21) & 31;
    s.vsr[4 * t] = s.fpscrHi;
    s.vsr[4 * t + 1] = s.fpscr;
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
    storeFpscr(s, s.fpscr & ~0xf8, s.fpscrHi);
  },

  mffsl(s, i) {
    const t = (i >>> 21) & 31;
    s.vsr[4 * t] = s.fpscrHi & 7;
    s.vsr[4 * t + 1] = s.fpscr & MFFSL_LO;
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
  },

  mffscrn(s, i) {
    const t = (i >>> 21) & 31;
    const b = (i >>> 11) & 31;
    const rn = s.vsr[4 * b + 1]! & 3;
    s.vsr[4 * t] = s.fpscrHi & 7;
    s.vsr[4 * t + 1] = s.fpscr & MFFSCRN_LO;
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
    storeFpscr(s, (s.fpscr & ~3) | rn, s.fpscrHi);
  },

  mffscrni(s, i) {
    const t = (i >>> 21) & 31;
    const rn = (i >>> 11) & 3;
    s.vsr[4 * t] = s.fpscrHi & 7;
    s.vsr[4 * t + 1] = s.fpscr & MFFSCRN_LO;
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
    storeFpscr(s, (s.fpscr & ~3) | rn, s.fpscrHi);
  },

  mffscdrn(s, i) {
    const t = (i >>> 21) & 31;
    const b = (i >>> 11) & 31;
    const drn = s.vsr[4 * b]! & 7;
    s.vsr[4 * t] = s.fpscrHi & 7;
    s.vsr[4 * t + 1] = s.fpscr & MFFSCRN_LO;
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
    storeFpscr(s, s.fpscr, drn);
  },

  mffscdrni(s, i) {
    const t = (i >>> 21) & 31;
    const drn = (i >>> 11) & 7;
    s.vsr[4 * t] = s.fpscrHi & 7;
    s.vsr[4 * t + 1] = s.fpscr & MFFSCRN_LO;
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
    storeFpscr(s, s.fpscr, drn);
  },

  mcrfs(s, i) {
    const bf = (i >>> 23) & 7;
    const bfa = (i >>> 18) & 7;
    const sh = 28 - 4 * bfa;
    setCrField(s, bf, (s.fpscr >>> sh) & 0xf);
    // Only the exception bits (FX, OX, UX, ZX, XX, VX*) of the field are cleared.
    const clear = ((0xf << sh) & 0x9ff80700) | 0;
    storeFpscr(s, s.fpscr & ~clear, s.fpscrHi);
  },

  mtfsfi(s, i) {
    const bf = (i >>> 23) & 7;
    const w = (i >>> 16) & 1;
    const u = (i >>> 12) & 0xf;
    const sh = 28 - 4 * bf;
    if (w) storeFpscr(s, s.fpscr, (s.fpscrHi & ~(0xf << sh)) | (u << sh));
    else storeFpscr(s, (s.fpscr & ~(0xf << sh)) | (u << sh), s.fpscrHi);
    afterStore(s, i);
  },

  mtfsf(s, i) {
    const b = (i >>> 11) & 31;
    const l = (i >>> 25) & 1;
    const w = (i >>> 16) & 1;
    const flm = (i >>> 17) & 0xff;
    const vhi = s.vsr[4 * b]!;
    const vlo = s.vsr[4 * b + 1]!;
    if (l) {
      storeFpscr(s, vlo, vhi);
    } else {
      let mask = 0;
      for (let k = 0; k < 8; k++) if (flm & (0x80 >>> k)) mask |= 0xf0000000 >>> (4 * k);
      if (w === 0) storeFpscr(s, (s.fpscr & ~mask) | (vlo & mask), s.fpscrHi);
      else storeFpscr(s, s.fpscr, (s.fpscrHi & ~mask) | (vhi & mask));
    }
    afterStore(s, i);
  },

  mtfsb0(s, i) {
    const bit = 1 << (31 - ((i >>> 21) & 31));
    if (bit !== FPSCR_FEX && bit !== FPSCR_VX) storeFpscr(s, s.fpscr & ~bit, s.fpscrHi);
    afterStore(s, i);
  },

  mtfsb1(s, i) {
    const bit = 1 << (31 - ((i >>> 21) & 31));
    if (bit !== FPSCR_FEX && bit !== FPSCR_VX && bit !== FPSCR_NI) storeFpscr(s, s.fpscr | bit, s.fpscrHi);
    afterStore(s, i);
  },
};
