// FPSCR bookkeeping for VSX floating-point instructions, following QEMU 7.2's
// target/ppc/fpu_helper.c step by step (the oracle of the snippet tests):
// exception bits are OR-ed in as each element is computed, FX is set with
// every exception, FR is only ever cleared (QEMU does not compute it), FI and
// FPRF are written only by instructions that "set FI and FPRF" (scalar ones).
// Enabled exceptions trap as QEMU linux-user does: invalid-operation and
// zero-divide at once (target not written), the others after the target is
// written (fpTrapPending / fpFinish).

import type { CpuState } from '../state.js';
import { CpuTrap } from '../trap.js';
import {
  FPSCR_FX, FPSCR_FEX, FPSCR_VX, FPSCR_OX, FPSCR_UX, FPSCR_ZX, FPSCR_XX, FPSCR_VXSNAN, FPSCR_VXISI, FPSCR_VXIDI,
  FPSCR_VXZDZ, FPSCR_VXIMZ, FPSCR_VXVC, FPSCR_FR, FPSCR_FI, FPSCR_FPRF_MASK, FPSCR_FPRF_SHIFT, FPSCR_VXSQRT,
  FPSCR_VXCVI, FPSCR_VE, FPSCR_OE, FPSCR_UE, FPSCR_ZE, FPSCR_XE,
} from '../fpu/fpscr.js';
import {
  FStatus, FL_INVALID, FL_DIVBYZERO, FL_OVERFLOW, FL_UNDERFLOW, FL_INEXACT, FL_SNAN, FL_ISI, FL_IMZ, FL_IDI, FL_ZDZ,
  FL_SQRT, FL_CVTI, unpack, C_ZERO, C_INF, C_QNAN, C_SNAN, type Fmt,
} from './vsx-softfloat.js';

/**
 * Where QEMU 7.2 departs from the ISA in a way the ISA does not leave
 * undefined, the VSX unit follows the ISA (the project rule). Setting this
 * reproduces QEMU 7.2 instead (for differential testing against it):
 *  - xs/xv nmadd/nmsub dp/sp round the negated exact result (ISA: round, then negate);
 *  - xvcv{dp,sp}{s,u}x{ds,ws}: invalid flags leak from one element into the next
 *    elements' results (ISA: each element converted on its own);
 *  - xststdcsp matches every single-denormal value whatever DCMX says;
 *  - xsnmsubqpo does not round to odd;
 *  - xsrqpi/xsrqpix/xsrqpxp with R=0 RMC=3 take FPSCR[RN] 1 as toward -inf and
 *    3 as toward zero.
 */
export { FP_QUIRKS as QUIRKS } from '../fpu/quirks.js';

/** The instruction's accumulated softfloat flags (QEMU env->fp_status). */
export const env = new FStatus();
/** Per-element status (QEMU tstat). */
export const ts = new FStatus();
let pending = false;

// POWERPC_EXCP_FP_* codes (passed as CpuTrap code; for information only).
const EXCP_OX = 1, EXCP_UX = 2, EXCP_ZX = 3, EXCP_XX = 4, EXCP_VX = 5;

/** helper_reset_fpstatus plus reading RN. */
export function fpBegin(s: CpuState): void {
  env.flags = 0;
  env.mode = s.fpscr & 3;
  pending = false;
}

/** Start one element: fresh per-element flags in the current mode. */
export function elem(): FStatus {
  ts.flags = 0;
  ts.mode = env.mode;
  return ts;
}

/** Merge the element's flags into the instruction's. */
export function merge(): number {
  env.flags |= ts.flags;
  return ts.flags;
}

function finishInvalid(s: CpuState): void {
  s.fpscr |= FPSCR_VX | FPSCR_FX;
  if (s.fpscr & FPSCR_VE) {
    s.fpscr |= FPSCR_FEX;
    throw new CpuTrap('fp', EXCP_VX);
  }
}

function invalidArith(s: CpuState, bit: number, setFpcc: boolean): void {
  s.fpscr |= bit;
  s.fpscr &= ~(FPSCR_FR | FPSCR_FI);
  if (!(s.fpscr & FPSCR_VE) && setFpcc) s.fpscr = (s.fpscr & ~(0xf << FPSCR_FPRF_SHIFT)) | (0x11 << FPSCR_FPRF_SHIFT);
  finishInvalid(s);
}

export function vxsnan(s: CpuState): void {
  s.fpscr |= FPSCR_VXSNAN;
  finishInvalid(s);
}

export function vxvc(s: CpuState, setFpcc: boolean): void {
  s.fpscr |= FPSCR_VXVC;
  if (setFpcc) s.fpscr = (s.fpscr & ~(0xf << FPSCR_FPRF_SHIFT)) | (0x11 << FPSCR_FPRF_SHIFT);
  s.fpscr |= FPSCR_VX | FPSCR_FX;
  if (s.fpscr & FPSCR_VE) {
    s.fpscr |= FPSCR_FEX;
    pending = true;
  }
}

export function invalidAddSub(s: CpuState, fl: number, setFpcc: boolean): void {
  if (fl & FL_ISI) invalidArith(s, FPSCR_VXISI, setFpcc);
  else if (fl & FL_SNAN) vxsnan(s);
}

export function invalidMul(s: CpuState, fl: number, setFpcc: boolean): void {
  if (fl & FL_IMZ) invalidArith(s, FPSCR_VXIMZ, setFpcc);
  else if (fl & FL_SNAN) vxsnan(s);
}

export function invalidDiv(s: CpuState, fl: number, setFpcc: boolean): void {
  if (fl & FL_IDI) invalidArith(s, FPSCR_VXIDI, setFpcc);
  else if (fl & FL_ZDZ) invalidArith(s, FPSCR_VXZDZ, setFpcc);
  else if (fl & FL_SNAN) vxsnan(s);
}

export function invalidSqrt(s: CpuState, fl: number, setFpcc: boolean): void {
  if (fl & FL_SQRT) invalidArith(s, FPSCR_VXSQRT, setFpcc);
  else if (fl & FL_SNAN) vxsnan(s);
}

export function invalidMadd(s: CpuState, fl: number, setFpcc: boolean): void {
  if (fl & FL_IMZ) invalidArith(s, FPSCR_VXIMZ, setFpcc);
  else invalidAddSub(s, fl, setFpcc);
}

/** float_invalid_cvt: VXCVI (and VXSNAN for an sNaN); returns whether the NaN value is to be used. */
export function invalidCvt(s: CpuState, fl: number, setFpcc: boolean): boolean {
  if (fl & FL_SNAN) s.fpscr |= FPSCR_VXSNAN;
  s.fpscr |= FPSCR_VXCVI;
  s.fpscr &= ~(FPSCR_FR | FPSCR_FI);
  if (!(s.fpscr & FPSCR_VE) && setFpcc) s.fpscr = (s.fpscr & ~(0xf << FPSCR_FPRF_SHIFT)) | (0x11 << FPSCR_FPRF_SHIFT);
  finishInvalid(s);
  return (fl & FL_CVTI) === 0;
}

export function zeroDivide(s: CpuState): void {
  s.fpscr |= FPSCR_ZX | FPSCR_FX;
  s.fpscr &= ~(FPSCR_FR | FPSCR_FI);
  if (s.fpscr & FPSCR_ZE) {
    s.fpscr |= FPSCR_FEX;
    throw new CpuTrap('fp', EXCP_ZX);
  }
}

/**
 * do_float_check_status, first half: OX/UX/XX and FI from the accumulated
 * flags. Call before writing the target; then call fpFinish after writing it.
 */
export function fpCheck(s: CpuState, changeFi: boolean): void {
  let st = env.flags;
  if (st & FL_OVERFLOW) {
    s.fpscr |= FPSCR_OX | FPSCR_FX;
    if (s.fpscr & FPSCR_OE) {
      s.fpscr |= FPSCR_FEX;
      pending = true;
    } else st |= FL_INEXACT;
  } else if (st & FL_UNDERFLOW) {
    s.fpscr |= FPSCR_UX | FPSCR_FX;
    if (s.fpscr & FPSCR_UE) {
      s.fpscr |= FPSCR_FEX;
      pending = true;
    }
  }
  if (st & FL_INEXACT) {
    s.fpscr |= FPSCR_XX | FPSCR_FX;
    if (s.fpscr & FPSCR_XE) {
      s.fpscr |= FPSCR_FEX;
      pending = true;
    }
  }
  if (changeFi) s.fpscr = st & FL_INEXACT ? s.fpscr | FPSCR_FI : s.fpscr & ~FPSCR_FI;
}

/** Raise a deferred enabled exception (after the target was written). */
export function fpFinish(): void {
  if (pending) {
    pending = false;
    throw new CpuTrap('fp', EXCP_XX);
  }
}

void EXCP_OX;
void EXCP_UX;

// ---- FPRF

/** FPRF code of a value in format f (QEMU helper_compute_fprf_*). */
export function fprfOf(x: bigint, f: Fmt): number {
  const u = unpack(x, f);
  const neg = u.sign === 1;
  switch (u.cls) {
    case C_ZERO:
      return neg ? 0x12 : 0x02;
    case C_INF:
      return neg ? 0x09 : 0x05;
    case C_QNAN:
      return 0x11;
    case C_SNAN:
      return 0x00;
  }
  // normal or denormal
  const be = Number((x >> BigInt(f.m)) & BigInt((1 << f.e) - 1));
  if (be === 0) return neg ? 0x18 : 0x14;
  return neg ? 0x08 : 0x04;
}

export function setFprf(s: CpuState, code: number): void {
  s.fpscr = (s.fpscr & ~FPSCR_FPRF_MASK) | (code << FPSCR_FPRF_SHIFT);
}

/** Set FPCC (the low 4 FPRF bits) and return the code (for a CR field). */
export function setFpcc(s: CpuState, cc: number): void {
  s.fpscr = (s.fpscr & ~(0xf << FPSCR_FPRF_SHIFT)) | (cc << FPSCR_FPRF_SHIFT);
}

export { FL_INVALID, FL_DIVBYZERO, FL_SNAN };
