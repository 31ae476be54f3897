// Interpreter: the floating-point load/store pairs. FPR t is doubleword 0 of
// VSR t (vsr[4t] high word, vsr[4t+1] low word). The single-register forms
// (lfs…stfiwx) are rows of ../access.ts, described once for every tier.
// lfdp/stfdp: the pair FRTp, FRTp+1; in LE mode the doubleword at EA is
// FRTp+1 and the one at EA+8 is FRTp. An odd FRTp is an invalid form that
// QEMU executes anyway (FRT, FRT+1; FRT=31 reaches VSR 32): so do we.

import type { HandlerTable } from './handler.js';
import type { CpuState } from '../state.js';
import { eaDisp, eaIndexed } from './common.js';
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
