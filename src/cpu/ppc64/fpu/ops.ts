// Power ISA binary floating-point operations with their FPSCR effects, as QEMU
// 7.2 (target/ppc/fpu_helper.c) implements them: the public API of fpu/.
//
// Every op takes the CpuState and raw operand bits as (hi, lo) halves, leaves
// the result bits in SF.hi / SF.lo (./softfloat.ts) and updates FPSCR:
//   - exception bits (OX UX ZX XX, VX and the VX* causes), always sticky;
//     FX is set with every exception raised (QEMU sets it unconditionally);
//   - FPRF and FI when `ctl` lacks FP_VEC (vector xv* ops set neither; FR is
//     never set, only cleared by invalid/zero-divide, exactly like QEMU);
//   - enabled invalid/zero-divide exceptions throw CpuTrap('fp') at once (the
//     target is not written, like QEMU linux-user); enabled OX/UX/XX are
//     deferred: the caller writes the target, then calls fpTrapCheck(s).
// ctl: FP_SINGLE rounds to single precision (result kept in double format).
// Rounding mode is FPSCR[RN] unless an op says otherwise.

import type { CpuState } from '../state.js';
import { CpuTrap } from '../trap.js';
import {
  FPSCR_FX, FPSCR_FEX, FPSCR_VX, FPSCR_OX, FPSCR_UX, FPSCR_ZX, FPSCR_XX, FPSCR_VXSNAN, FPSCR_VXISI, FPSCR_VXIDI,
  FPSCR_VXZDZ, FPSCR_VXIMZ, FPSCR_VXVC, FPSCR_FR, FPSCR_FI, FPSCR_FPRF_MASK, FPSCR_VXSQRT, FPSCR_VXCVI,
  FPSCR_VE, FPSCR_OE, FPSCR_UE, FPSCR_ZE, FPSCR_XE,
} from './fpscr.js';
import {
  SF, F_INVALID, F_SNAN, F_ISI, F_IMZ, F_IDI, F_ZDZ, F_SQRT, F_CVTI, F_DIVZ, F_OVERFLOW, F_UNDERFLOW, F_INEXACT,
  RN_ZERO, RN_UP, RN_DOWN, RN_AWAY, MADD_NEG_C, MADD_NEG_RESULT,
  sfAdd, sfMul, sfDiv, sfSqrt, sfMulAdd, sfToSingle, isNaNBits, isSNaNBits,
  isZeroBits, isInfBits,
} from './softfloat.js';
import { sfToInt, sfFromInt, sfRoundToInt } from './convert.js';
import { FP_QUIRKS } from './quirks.js';

export { SF, MADD_NEG_C, MADD_NEG_RESULT };

export const FP_SINGLE = 1;
/** Vector element op: FPRF and FI untouched, invalid ops don't set FPCC. */
export const FP_VEC = 2;

const FPCC_QNAN = 0x11 << 12;
let pending = false;

/** The trap for an enabled exception that was deferred until the target was written. */
export function fpTrapCheck(_s: CpuState): void {
  if (pending) {
    pending = false;
    throw new CpuTrap('fp');
  }
}

/** FPRF code (C FL FG FE FU) of a double. */
export function fprfOf(hi: number, lo: number): number {
  const neg = hi >>> 31 === 1;
  const ex = (hi >>> 20) & 0x7ff;
  if (ex === 0x7ff) {
    if ((hi & 0xfffff) === 0 && lo === 0) return neg ? 0x09 : 0x05;
    return (hi & 0x80000) !== 0 ? 0x11 : 0x00;
  }
  if (ex === 0) {
    if ((hi & 0xfffff) === 0 && lo === 0) return neg ? 0x12 : 0x02;
    return neg ? 0x18 : 0x14;
  }
  return neg ? 0x08 : 0x04;
}

export function setFprf(s: CpuState, hi: number, lo: number): void {
  s.fpscr = (s.fpscr & ~FPSCR_FPRF_MASK) | (fprfOf(hi, lo) << 12);
}

/** finish_invalid_op_excp: VX, FX; VE enabled: FEX and trap now. */
function invalidExcp(s: CpuState): void {
  s.fpscr |= FPSCR_VX | FPSCR_FX;
  if (s.fpscr & FPSCR_VE) {
    s.fpscr |= FPSCR_FEX;
    throw new CpuTrap('fp');
  }
}

/** finish_invalid_op_arith with the cause bit. */
function invalidArith(s: CpuState, bit: number, setFpcc: boolean): void {
  s.fpscr = (s.fpscr | bit) & ~(FPSCR_FR | FPSCR_FI);
  if (!(s.fpscr & FPSCR_VE) && setFpcc) s.fpscr = (s.fpscr & ~FPSCR_FPRF_MASK) | FPCC_QNAN;
  invalidExcp(s);
}

function vxsnan(s: CpuState): void {
  s.fpscr |= FPSCR_VXSNAN;
  invalidExcp(s);
}

/** The invalid-operation causes of an arithmetic op (QEMU's *_flags_handler). */
function invalidOp(s: CpuState, f: number, setFpcc: boolean): void {
  if (f & F_IMZ) invalidArith(s, FPSCR_VXIMZ, setFpcc);
  else if (f & F_ISI) invalidArith(s, FPSCR_VXISI, setFpcc);
  else if (f & F_IDI) invalidArith(s, FPSCR_VXIDI, setFpcc);
  else if (f & F_ZDZ) invalidArith(s, FPSCR_VXZDZ, setFpcc);
  else if (f & F_SQRT) invalidArith(s, FPSCR_VXSQRT, setFpcc);
  else if (f & F_SNAN) vxsnan(s);
}

function zeroDivide(s: CpuState): void {
  s.fpscr = (s.fpscr | FPSCR_ZX | FPSCR_FX) & ~(FPSCR_FR | FPSCR_FI);
  if (s.fpscr & FPSCR_ZE) {
    s.fpscr |= FPSCR_FEX;
    throw new CpuTrap('fp');
  }
}

/** do_float_check_status: overflow/underflow/inexact, FI when changeFi. */
export function checkStatus(s: CpuState, changeFi: boolean): void {
  let f = SF.flags;
  if (f & F_OVERFLOW) {
    s.fpscr |= FPSCR_OX | FPSCR_FX;
    if (s.fpscr & FPSCR_OE) {
      s.fpscr |= FPSCR_FEX;
      pending = true;
    } else f |= F_INEXACT;
  } else if (f & F_UNDERFLOW) {
    s.fpscr |= FPSCR_UX | FPSCR_FX;
    if (s.fpscr & FPSCR_UE) {
      s.fpscr |= FPSCR_FEX;
      pending = true;
    }
  }
  if (f & F_INEXACT) {
    s.fpscr |= FPSCR_XX | FPSCR_FX;
    if (s.fpscr & FPSCR_XE) {
      s.fpscr |= FPSCR_FEX;
      pending = true;
    }
  }
  if (changeFi) {
    if (f & F_INEXACT) s.fpscr |= FPSCR_FI;
    else s.fpscr &= ~FPSCR_FI;
  }
}

/** Common tail of arithmetic ops: invalid causes, zero divide, FPRF, status. */
function post(s: CpuState, ctl: number): void {
  const f = SF.flags;
  const vec = (ctl & FP_VEC) !== 0;
  if (f & F_INVALID) invalidOp(s, f, !vec);
  if (f & F_DIVZ) zeroDivide(s);
  if (!vec) setFprf(s, SF.hi, SF.lo);
  checkStatus(s, !vec);
}

const single = (ctl: number): boolean => (ctl & FP_SINGLE) !== 0;

export function fpAdd(s: CpuState, ah: number, al: number, bh: number, bl: number, ctl: number): void {
  SF.flags = 0;
  pending = false;
  sfAdd(ah, al, bh, bl, s.fpscr & 3, single(ctl), false);
  post(s, ctl);
}

export function fpSub(s: CpuState, ah: number, al: number, bh: number, bl: number, ctl: number): void {
  SF.flags = 0;
  pending = false;
  sfAdd(ah, al, bh, bl, s.fpscr & 3, single(ctl), true);
  post(s, ctl);
}

export function fpMul(s: CpuState, ah: number, al: number, bh: number, bl: number, ctl: number): void {
  SF.flags = 0;
  pending = false;
  sfMul(ah, al, bh, bl, s.fpscr & 3, single(ctl));
  post(s, ctl);
}

export function fpDiv(s: CpuState, ah: number, al: number, bh: number, bl: number, ctl: number): void {
  SF.flags = 0;
  pending = false;
  sfDiv(ah, al, bh, bl, s.fpscr & 3, single(ctl));
  post(s, ctl);
}

export function fpSqrt(s: CpuState, bh: number, bl: number, ctl: number): void {
  SF.flags = 0;
  pending = false;
  sfSqrt(bh, bl, s.fpscr & 3, single(ctl));
  post(s, ctl);
}

/** a*b + c, fused; `neg` = MADD_NEG_C (msub) | MADD_NEG_RESULT (nmadd). ppc fmadd: a=FRA, b=FRC, c=FRB. */
export function fpMulAdd(s: CpuState, ah: number, al: number, bh: number, bl: number, ch: number, cl: number, neg: number, ctl: number): void {
  SF.flags = 0;
  pending = false;
  // ISA: round a*b+c, then negate (a NaN keeps its sign); QEMU 7.2 rounds the
  // negated value, which differs when rounding toward +/-infinity.
  const isaNeg = neg & MADD_NEG_RESULT && !FP_QUIRKS.qemu;
  sfMulAdd(ah, al, bh, bl, ch, cl, isaNeg ? neg & ~MADD_NEG_RESULT : neg, s.fpscr & 3, single(ctl));
  if (isaNeg && !((SF.hi & 0x7ff00000) === 0x7ff00000 && ((SF.hi & 0xfffff) | SF.lo) !== 0)) SF.hi ^= 0x80000000;
  post(s, ctl);
}

/** frsp. */
export function fpRoundSingle(s: CpuState, bh: number, bl: number, ctl: number): void {
  SF.flags = 0;
  pending = false;
  sfToSingle(bh, bl, s.fpscr & 3);
  post(s, ctl);
}

/** fre / fres: QEMU computes 1/x exactly rounded; 1/±0 gives ±0.5 with ZX. */
export function fpRecipEst(s: CpuState, bh: number, bl: number, ctl: number): void {
  SF.flags = 0;
  pending = false;
  sfDiv(0x3ff00000, 0, bh, bl, s.fpscr & 3, single(ctl));
  const f = SF.flags;
  if (f & F_SNAN) vxsnan(s);
  if (f & F_DIVZ) {
    zeroDivide(s);
    SF.hi = (bh & 0x80000000) | 0x3fe00000;
    SF.lo = 0;
  }
  if (!(ctl & FP_VEC)) setFprf(s, SF.hi, SF.lo);
  checkStatus(s, !(ctl & FP_VEC));
}

/** frsqrte / frsqrtes: 1 / sqrt(x), sqrt rounded to double first (QEMU). */
export function fpRsqrtEst(s: CpuState, bh: number, bl: number, ctl: number): void {
  SF.flags = 0;
  pending = false;
  const mode = s.fpscr & 3;
  sfSqrt(bh, bl, mode, false);
  sfDiv(0x3ff00000, 0, SF.hi, SF.lo, mode, single(ctl));
  const f = SF.flags;
  if (f & F_INVALID) {
    if (f & F_SQRT) invalidArith(s, FPSCR_VXSQRT, !(ctl & FP_VEC));
    else if (f & F_SNAN) vxsnan(s);
  }
  if (f & F_DIVZ) zeroDivide(s);
  if (!(ctl & FP_VEC)) setFprf(s, SF.hi, SF.lo);
  checkStatus(s, !(ctl & FP_VEC));
}

/**
 * fcti*: convert to a 32/64-bit integer (`mode` -1: FPSCR[RN]; else a fixed
 * mode such as RN_ZERO). Result is the 64-bit register image in SF (the
 * 32-bit forms: low word the value, high word undefined -> QEMU's value).
 * FPRF is not set except FPCC on invalid. FI is set.
 */
export function fpToInt(s: CpuState, bh: number, bl: number, bits: 32 | 64, signed: boolean, mode: number): void {
  SF.flags = 0;
  pending = false;
  sfToInt(bh, bl, mode < 0 ? s.fpscr & 3 : mode, bits, signed);
  const f = SF.flags;
  if (f & F_INVALID) {
    if (f & F_SNAN) s.fpscr |= FPSCR_VXSNAN;
    if (!(f & F_CVTI)) {
      // NaN: the "nanval"
      if (signed) {
        SF.hi = bits === 64 ? 0x80000000 | 0 : 0;
        SF.lo = bits === 64 ? 0 : 0x80000000 | 0;
      } else {
        SF.hi = 0;
        SF.lo = 0;
      }
    }
    s.fpscr = (s.fpscr | FPSCR_VXCVI) & ~(FPSCR_FR | FPSCR_FI);
    if (!(s.fpscr & FPSCR_VE)) s.fpscr = (s.fpscr & ~FPSCR_FPRF_MASK) | FPCC_QNAN;
    invalidExcp(s);
  }
  checkStatus(s, true);
}

/**
 * QEMU 7.2 translates fcfidu/fcfids/fcfidus with set_fprf = 0 (fcfid sets it),
 * so their FPRF keeps its old value; the ISA says FPRF is set from the result.
 * Callers pass FP_NO_FPRF for those; set this to false for the ISA behaviour.
 */
export const QEMU_FCFID_KEEPS_FPRF = true;
/** Don't update FPRF (but do FI): see QEMU_FCFID_KEEPS_FPRF. */
export const FP_NO_FPRF = 4;

/** fcfid[u][s]: 64-bit integer to double/single. */
export function fpFromInt(s: CpuState, hi: number, lo: number, signed: boolean, ctl: number): void {
  SF.flags = 0;
  pending = false;
  sfFromInt(hi, lo, signed, s.fpscr & 3, single(ctl));
  if (!(ctl & FP_VEC) && !(QEMU_FCFID_KEEPS_FPRF && ctl & FP_NO_FPRF)) setFprf(s, SF.hi, SF.lo);
  checkStatus(s, !(ctl & FP_VEC));
}

/** fri[nzpm]: round to integral in `mode` (RN_AWAY, RN_ZERO, RN_UP, RN_DOWN); XX is not set. */
export function fpRoundToInt(s: CpuState, bh: number, bl: number, mode: number, ctl: number): void {
  SF.flags = 0;
  pending = false;
  sfRoundToInt(bh, bl, mode);
  if (SF.flags & F_SNAN) vxsnan(s);
  SF.flags &= ~F_INEXACT;
  if (!(ctl & FP_VEC)) setFprf(s, SF.hi, SF.lo);
  checkStatus(s, !(ctl & FP_VEC));
}

/**
 * fcmpu / fcmpo: returns the 4-bit code (FL FG FE FU) and sets FPCC.
 * Ordered: VXVC for any NaN (plus VXSNAN for an SNaN). FI is cleared.
 */
export function fpCompare(s: CpuState, ah: number, al: number, bh: number, bl: number, ordered: boolean): number {
  SF.flags = 0;
  pending = false;
  let r: number;
  const an = isNaNBits(ah, al);
  const bn = isNaNBits(bh, bl);
  if (an || bn) r = 1;
  else {
    const a = toNum(ah, al);
    const b = toNum(bh, bl);
    r = a < b ? 8 : a > b ? 4 : 2;
  }
  s.fpscr = (s.fpscr & ~(0xf << 12)) | (r << 12);
  if (r === 1) {
    const sn = isSNaNBits(ah, al) || isSNaNBits(bh, bl);
    if (ordered) {
      s.fpscr |= FPSCR_VXVC;
      s.fpscr = (s.fpscr & ~FPSCR_FPRF_MASK) | FPCC_QNAN;
      s.fpscr |= FPSCR_VX | FPSCR_FX;
      if (s.fpscr & FPSCR_VE) {
        s.fpscr |= FPSCR_FEX;
        pending = true;
      }
      if (sn) vxsnanDeferred(s);
    } else if (sn) vxsnanDeferred(s);
  }
  checkStatus(s, true);
  return r;
}

function vxsnanDeferred(s: CpuState): void {
  s.fpscr |= FPSCR_VXSNAN;
  invalidExcp(s);
}

const CMP = new Float64Array(1);
const CMPU = new Uint32Array(CMP.buffer);
const CHW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
function toNum(hi: number, lo: number): number {
  CMPU[CHW] = hi;
  CMPU[1 - CHW] = lo;
  return CMP[0]!;
}

/** ftdiv: the CR field value (0b1000 | fg<<2 | fe<<1). */
export function fpTestDiv(ah: number, al: number, bh: number, bl: number): number {
  let fe = 0;
  let fg = 0;
  if (isInfBits(ah, al) || isInfBits(bh, bl) || isZeroBits(bh, bl)) {
    fe = 1;
    fg = 1;
  } else {
    const ea = ((ah >>> 20) & 0x7ff) - 1023;
    const eb = ((bh >>> 20) & 0x7ff) - 1023;
    if (isNaNBits(ah, al) || isNaNBits(bh, bl)) fe = 1;
    else if (eb <= -1022 || eb >= 1021) fe = 1;
    else if (!isZeroBits(ah, al) && (ea - eb >= 1023 || ea - eb <= -1021 || ea <= -970)) fe = 1;
    if (((bh >>> 20) & 0x7ff) === 0) fg = 1;
  }
  return 8 | (fg << 2) | (fe << 1);
}

/** ftsqrt: the CR field value. */
export function fpTestSqrt(bh: number, bl: number): number {
  let fe = 0;
  let fg = 0;
  if (isInfBits(bh, bl) || isZeroBits(bh, bl)) {
    fe = 1;
    fg = 1;
  } else {
    const eb = ((bh >>> 20) & 0x7ff) - 1023;
    if (isNaNBits(bh, bl)) fe = 1;
    else if (bh >>> 31) fe = 1;
    else if (eb <= -1022 + 52) fe = 1;
    if (((bh >>> 20) & 0x7ff) === 0) fg = 1;
  }
  return 8 | (fg << 2) | (fe << 1);
}

export { RN_ZERO, RN_UP, RN_DOWN, RN_AWAY, FPSCR_OX, FPSCR_UX, FPSCR_XX, FPSCR_VXIDI, FPSCR_VXZDZ, FPSCR_UE, FPSCR_XE, FPSCR_OE, FPSCR_ZE };
export { F_INVALID, F_SNAN, F_ISI, F_IMZ, F_IDI, F_ZDZ, F_SQRT, F_CVTI, F_DIVZ, F_OVERFLOW, F_UNDERFLOW, F_INEXACT };
