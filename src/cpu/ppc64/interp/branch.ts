// Interpreter: unit 'branch' (branches, traps) and unit 'cr' (CR logical).
// Handlers keyed by the mnemonic of their table row (src/isa/ppc64/table/branch.ts).
//
// Handlers run with nip already pointing at the next instruction, so the link
// value (cia + 4) is simply nip, and a branch just overwrites nip. CTR is a
// 64-bit register (MSR[SF]=1 always in this model).

import type { CpuState } from '../state.js';
import type { HandlerTable } from './handler.js';
import { cia, cmp64s, cmp64u, getCrField, setCrField } from './common.js';
import { CpuTrap } from '../trap.js';

/** Set nip to cia + disp (disp a signed byte displacement, multiple of 4). */
function branchRel(s: CpuState, disp: number): void {
  const lo = cia(s);
  const r = (lo >>> 0) + (disp >>> 0);
  s.nipHi = (s.tmpHi + (disp < 0 ? -1 : 0) + (r > 0xffffffff ? 1 : 0)) | 0;
  s.nipLo = r | 0;
}

function decCtr(s: CpuState): void {
  if (s.ctrLo === 0) s.ctrHi = (s.ctrHi - 1) | 0;
  s.ctrLo = (s.ctrLo - 1) | 0;
}

/**
 * BO/BI test of bc, bclr, bctar: decrements CTR when BO[2]=0 (side effect),
 * then returns whether the branch is taken. Hint bits (a, t) are ignored.
 */
function condBranch(s: CpuState, i: number): boolean {
  const bo = (i >>> 21) & 31;
  if ((bo & 4) === 0) {
    decCtr(s);
    if (((s.ctrLo | s.ctrHi) !== 0) === ((bo & 2) !== 0)) return false;
  }
  if ((bo & 16) === 0) {
    const bit = (s.cr >>> (31 - ((i >>> 16) & 31))) & 1;
    if (bit !== ((bo >>> 3) & 1)) return false;
  }
  return true;
}

function link(s: CpuState): void {
  s.lrLo = s.nipLo;
  s.lrHi = s.nipHi;
}

function crBit(s: CpuState, n: number): number {
  return (s.cr >>> (31 - n)) & 1;
}

/** CR logical: CR[BT] = op(CR[BA], CR[BB]); op maps (a, b) in {0,1} to bit 0 of the result. */
function crOp(s: CpuState, i: number, op: (a: number, b: number) => number): void {
  const bt = (i >>> 21) & 31;
  const v = op(crBit(s, (i >>> 16) & 31), crBit(s, (i >>> 11) & 31)) & 1;
  const m = 1 << (31 - bt);
  s.cr = v ? s.cr | m : s.cr & ~m;
}

/** Trap condition from TO and the signed/unsigned comparisons (-1, 0, 1). */
function trapIf(to: number, sc: number, uc: number): void {
  if (
    ((to & 16) !== 0 && sc < 0) ||
    ((to & 8) !== 0 && sc > 0) ||
    ((to & 4) !== 0 && sc === 0) ||
    ((to & 2) !== 0 && uc < 0) ||
    ((to & 1) !== 0 && uc > 0)
  )
    throw new CpuTrap('trap');
}

function cmp32s(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmp32u(a: number, b: number): number {
  return cmp32s(a >>> 0, b >>> 0);
}

export const BRANCH_HANDLERS: HandlerTable = {
  b(s, i) {
    const disp = ((i << 6) >> 6) & ~3;
    if (i & 1) link(s);
    if (i & 2) {
      s.nipLo = disp;
      s.nipHi = disp < 0 ? -1 : 0;
    } else branchRel(s, disp);
  },

  bc(s, i) {
    // LK sets LR whether or not the branch is taken; nip is still cia + 4 here.
    if (i & 1) link(s);
    if (!condBranch(s, i)) return;
    const disp = ((i << 16) >> 16) & ~3;
    if (i & 2) {
      s.nipLo = disp;
      s.nipHi = disp < 0 ? -1 : 0;
    } else branchRel(s, disp);
  },

  bclr(s, i) {
    // Target is the old LR, read before LK updates it.
    const hi = s.lrHi;
    const lo = s.lrLo & ~3;
    const taken = condBranch(s, i);
    if (i & 1) link(s);
    if (taken) {
      s.nipHi = hi;
      s.nipLo = lo;
    }
  },

  bcctr(s, i) {
    const hi = s.ctrHi;
    const lo = s.ctrLo & ~3;
    const bo = (i >>> 21) & 31;
    if ((bo & 4) === 0) {
      // BO[2]=0 is an invalid form (ISA: boundedly undefined). Like QEMU (and
      // the 2.x server processors' user manuals), test the old CTR, then
      // decrement it only when that test passed; the target is the old CTR.
      if (i & 1) link(s);
      if (((s.ctrLo | s.ctrHi) !== 0) === ((bo & 2) !== 0)) return;
      decCtr(s);
      if ((bo & 16) === 0 && crBit(s, (i >>> 16) & 31) !== ((bo >>> 3) & 1)) return;
      s.nipHi = hi;
      s.nipLo = lo;
      return;
    }
    const taken = (bo & 16) !== 0 || crBit(s, (i >>> 16) & 31) === ((bo >>> 3) & 1);
    if (i & 1) link(s);
    if (taken) {
      s.nipHi = hi;
      s.nipLo = lo;
    }
  },

  bctar(s, i) {
    const hi = s.tarHi;
    const lo = s.tarLo & ~3;
    const taken = condBranch(s, i);
    if (i & 1) link(s);
    if (taken) {
      s.nipHi = hi;
      s.nipLo = lo;
    }
  },

  crand: (s, i) => crOp(s, i, (a, b) => a & b),
  crnand: (s, i) => crOp(s, i, (a, b) => ~(a & b)),
  cror: (s, i) => crOp(s, i, (a, b) => a | b),
  crxor: (s, i) => crOp(s, i, (a, b) => a ^ b),
  crnor: (s, i) => crOp(s, i, (a, b) => ~(a | b)),
  creqv: (s, i) => crOp(s, i, (a, b) => ~(a ^ b)),
  crandc: (s, i) => crOp(s, i, (a, b) => a & ~b),
  crorc: (s, i) => crOp(s, i, (a, b) => a | ~b),

  mcrf(s, i) {
    setCrField(s, (i >>> 23) & 7, getCrField(s, (i >>> 18) & 7));
  },

  mcrxrx(s, i) {
    setCrField(s, (i >>> 23) & 7, (s.ov << 3) | (s.ov32 << 2) | (s.ca << 1) | s.ca32);
  },

  tw(s, i) {
    const a = s.gprLo[(i >>> 16) & 31]!;
    const b = s.gprLo[(i >>> 11) & 31]!;
    trapIf((i >>> 21) & 31, cmp32s(a, b), cmp32u(a, b));
  },

  td(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const ah = s.gprHi[ra]!;
    const al = s.gprLo[ra]!;
    const bh = s.gprHi[rb]!;
    const bl = s.gprLo[rb]!;
    trapIf((i >>> 21) & 31, cmp64s(ah, al, bh, bl), cmp64u(ah, al, bh, bl));
  },

  twi(s, i) {
    const a = s.gprLo[(i >>> 16) & 31]!;
    const b = (i << 16) >> 16;
    trapIf((i >>> 21) & 31, cmp32s(a, b), cmp32u(a, b));
  },

  tdi(s, i) {
    const ra = (i >>> 16) & 31;
    const ah = s.gprHi[ra]!;
    const al = s.gprLo[ra]!;
    const bl = (i << 16) >> 16;
    const bh = bl >> 31;
    trapIf((i >>> 21) & 31, cmp64s(ah, al, bh, bl), cmp64u(ah, al, bh, bl));
  },
};
