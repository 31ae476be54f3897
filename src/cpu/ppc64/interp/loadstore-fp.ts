// Interpreter: floating-point loads and stores. FPR t is doubleword 0 of VSR t
// (vsr[4t] high word, vsr[4t+1] low word). Loads set doubleword 1 to zero:
// v3.0B leaves it undefined, POWER9 and QEMU zero it (v3.1 made that the rule).
// lfs/stfs convert single <-> double by the ISA's bit algorithms
// (loadstore-fpconv.ts), so NaN payloads and SNaNs pass unchanged.
// Update forms with RA=0 are invalid (SIGILL, as in QEMU).
// lfdp/stfdp: the pair FRTp, FRTp+1; in LE mode the doubleword at EA is
// FRTp+1 and the one at EA+8 is FRTp. An odd FRTp is an invalid form that
// QEMU executes anyway (FRT, FRT+1; FRT=31 reaches VSR 32): so do we.

import type { HandlerTable } from './handler.js';
import type { CpuState } from '../state.js';
import { eaDisp, eaIndexed } from './common.js';
import { illegal } from '../trap.js';
import { dpToSp, spToDp } from './loadstore-fpconv.js';
import { addrAdd, probeStore } from './loadstore-util.js';

function loadFpPair(s: CpuState, t: number, hi: number, lo: number): void {
  const m = s.mem;
  const a = m.read64(hi, lo, s.le);
  const ah = m.hi64;
  const lo8 = addrAdd(s, hi, lo, 8);
  const b = m.read64(s.tmpHi, lo8, s.le);
  const f = s.le ? t + 1 : t;
  const g = s.le ? t : t + 1;
  s.vsr[4 * f] = ah;
  s.vsr[4 * f + 1] = a;
  s.vsr[4 * g] = m.hi64;
  s.vsr[4 * g + 1] = b;
  s.vsr[4 * f + 2] = 0;
  s.vsr[4 * f + 3] = 0;
  s.vsr[4 * g + 2] = 0;
  s.vsr[4 * g + 3] = 0;
}

function storeFpPair(s: CpuState, t: number, hi: number, lo: number): void {
  const m = s.mem;
  probeStore(s, hi, lo, 16);
  const f = s.le ? t + 1 : t;
  const g = s.le ? t : t + 1;
  const lo8 = addrAdd(s, hi, lo, 8);
  const hi8 = s.tmpHi;
  m.write64(hi, lo, s.vsr[4 * f]!, s.vsr[4 * f + 1]!, s.le);
  m.write64(hi8, lo8, s.vsr[4 * g]!, s.vsr[4 * g + 1]!, s.le);
}

export const LOADSTORE_FP_HANDLERS: HandlerTable = {
  lfs(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    spToDp(s.mem.read32(hi, lo, s.le), s.vsr, 4 * t);
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
  },

  lfsu(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    spToDp(s.mem.read32(hi, lo, s.le), s.vsr, 4 * t);
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  lfsx(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    spToDp(s.mem.read32(hi, lo, s.le), s.vsr, 4 * t);
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
  },

  lfsux(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    spToDp(s.mem.read32(hi, lo, s.le), s.vsr, 4 * t);
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  lfd(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    const l = s.mem.read64(hi, lo, s.le);
    s.vsr[4 * t] = s.mem.hi64;
    s.vsr[4 * t + 1] = l;
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
  },

  lfdu(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    const l = s.mem.read64(hi, lo, s.le);
    s.vsr[4 * t] = s.mem.hi64;
    s.vsr[4 * t + 1] = l;
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  lfdx(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    const l = s.mem.read64(hi, lo, s.le);
    s.vsr[4 * t] = s.mem.hi64;
    s.vsr[4 * t + 1] = l;
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
  },

  lfdux(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    const l = s.mem.read64(hi, lo, s.le);
    s.vsr[4 * t] = s.mem.hi64;
    s.vsr[4 * t + 1] = l;
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  stfs(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.mem.write32(hi, lo, dpToSp(s.vsr[4 * t]!, s.vsr[4 * t + 1]!), s.le);
  },

  stfsu(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.mem.write32(hi, lo, dpToSp(s.vsr[4 * t]!, s.vsr[4 * t + 1]!), s.le);
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  stfsx(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.mem.write32(hi, lo, dpToSp(s.vsr[4 * t]!, s.vsr[4 * t + 1]!), s.le);
  },

  stfsux(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.mem.write32(hi, lo, dpToSp(s.vsr[4 * t]!, s.vsr[4 * t + 1]!), s.le);
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  stfd(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.mem.write64(hi, lo, s.vsr[4 * t]!, s.vsr[4 * t + 1]!, s.le);
  },

  stfdu(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.mem.write64(hi, lo, s.vsr[4 * t]!, s.vsr[4 * t + 1]!, s.le);
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  stfdx(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.mem.write64(hi, lo, s.vsr[4 * t]!, s.vsr[4 * t + 1]!, s.le);
  },

  stfdux(s, i) {
    const ra = (i >>> 16) & 31;
    const t = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.mem.write64(hi, lo, s.vsr[4 * t]!, s.vsr[4 * t + 1]!, s.le);
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },


  lfiwax(s, i) {
    const t = (i >>> 21) & 31;
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const v = s.mem.read32(s.tmpHi, lo, s.le);
    s.vsr[4 * t] = v >> 31;
    s.vsr[4 * t + 1] = v;
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
  },

  lfiwzx(s, i) {
    const t = (i >>> 21) & 31;
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const v = s.mem.read32(s.tmpHi, lo, s.le);
    s.vsr[4 * t] = 0;
    s.vsr[4 * t + 1] = v;
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
  },

  stfiwx(s, i) {
    const t = (i >>> 21) & 31;
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    s.mem.write32(s.tmpHi, lo, s.vsr[4 * t + 1]!, s.le);
  },

  lfdp(s, i) {
    const t = (i >>> 21) & 31;
    const lo = eaDisp(s, (i >>> 16) & 31, ((i << 16) >> 16) & ~3);
    loadFpPair(s, t, s.tmpHi, lo);
  },

  lfdpx(s, i) {
    const t = (i >>> 21) & 31;
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    loadFpPair(s, t, s.tmpHi, lo);
  },

  stfdp(s, i) {
    const t = (i >>> 21) & 31;
    const lo = eaDisp(s, (i >>> 16) & 31, ((i << 16) >> 16) & ~3);
    storeFpPair(s, t, s.tmpHi, lo);
  },

  stfdpx(s, i) {
    const t = (i >>> 21) & 31;
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    storeFpPair(s, t, s.tmpHi, lo);
  },
};
