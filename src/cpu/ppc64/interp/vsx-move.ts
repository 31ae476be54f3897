// Interpreter: moves between GPRs and VSRs (mfvsrd … mtvsrdd, opcode 31 XX1).

import type { HandlerTable } from './handler.js';

/** XT/XS = TX||T (TX is bit 31): index of word 0 in s.vsr. */
const xt = (i: number): number => 4 * (((i & 1) << 5) | ((i >>> 21) & 31));

export const VSX_MOVE_HANDLERS: HandlerTable = {
  mfvsrd(s, i) {
    const x = xt(i);
    const ra = (i >>> 16) & 31;
    s.gprHi[ra] = s.vsr[x]! | 0;
    s.gprLo[ra] = s.vsr[x + 1]! | 0;
  },

  mfvsrwz(s, i) {
    const x = xt(i);
    const ra = (i >>> 16) & 31;
    s.gprHi[ra] = 0;
    s.gprLo[ra] = s.vsr[x + 1]! | 0;
  },

  mfvsrld(s, i) {
    const x = xt(i);
    const ra = (i >>> 16) & 31;
    s.gprHi[ra] = s.vsr[x + 2]! | 0;
    s.gprLo[ra] = s.vsr[x + 3]! | 0;
  },

  mtvsrd(s, i) {
    const x = xt(i);
    const ra = (i >>> 16) & 31;
    s.vsr[x] = s.gprHi[ra]!;
    s.vsr[x + 1] = s.gprLo[ra]!;
  },

  mtvsrwa(s, i) {
    const x = xt(i);
    const lo = s.gprLo[(i >>> 16) & 31]!;
    s.vsr[x] = lo >> 31;
    s.vsr[x + 1] = lo;
  },

  mtvsrwz(s, i) {
    const x = xt(i);
    s.vsr[x] = 0;
    s.vsr[x + 1] = s.gprLo[(i >>> 16) & 31]!;
  },

  mtvsrws(s, i) {
    const x = xt(i);
    const lo = s.gprLo[(i >>> 16) & 31]!;
    s.vsr.fill(lo >>> 0, x, x + 4);
  },

  mtvsrdd(s, i) {
    const x = xt(i);
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    if (ra === 0) {
      s.vsr[x] = 0;
      s.vsr[x + 1] = 0;
    } else {
      s.vsr[x] = s.gprHi[ra]!;
      s.vsr[x + 1] = s.gprLo[ra]!;
    }
    s.vsr[x + 2] = s.gprHi[rb]!;
    s.vsr[x + 3] = s.gprLo[rb]!;
  },
};
