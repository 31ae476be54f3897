// Interpreter: unit 'fixed'. Handlers keyed by the mnemonic of their table row
// (src/isa/ppc64/table/fixed.ts).

import type { HandlerTable } from './handler.js';
import { setCr0 } from './common.js';

export const FIXED_HANDLERS: HandlerTable = {
  addi(s, i) {
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const si = (i << 16) >> 16;
    if (ra === 0) {
      s.gprLo[rt] = si;
      s.gprHi[rt] = si >> 31;
      return;
    }
    const a = s.gprLo[ra]!;
    const r = (a >>> 0) + (si >>> 0);
    s.gprHi[rt] = (s.gprHi[ra]! + (si >> 31) + (r > 0xffffffff ? 1 : 0)) | 0;
    s.gprLo[rt] = r | 0;
  },

  addis(s, i) {
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const si = i << 16; // SI || 0x0000, sign-extended
    if (ra === 0) {
      s.gprLo[rt] = si;
      s.gprHi[rt] = si >> 31;
      return;
    }
    const r = (s.gprLo[ra]! >>> 0) + (si >>> 0);
    s.gprHi[rt] = (s.gprHi[ra]! + (si >> 31) + (r > 0xffffffff ? 1 : 0)) | 0;
    s.gprLo[rt] = r | 0;
  },

  add(s, i) {
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const ah = s.gprHi[ra]!;
    const bh = s.gprHi[rb]!;
    const al = s.gprLo[ra]!;
    const bl = s.gprLo[rb]!;
    const l = (al >>> 0) + (bl >>> 0);
    const hi = (ah + bh + (l > 0xffffffff ? 1 : 0)) | 0;
    const lo = l | 0;
    if (i & 0x400) {
      // OE: signed overflow of the 64-bit sum (OV), and of the low 32 bits (OV32)
      s.ov = ((~(ah ^ bh) & (ah ^ hi)) >>> 31) & 1;
      s.ov32 = ((~(al ^ bl) & (al ^ lo)) >>> 31) & 1;
      s.so |= s.ov;
    }
    s.gprHi[rt] = hi;
    s.gprLo[rt] = lo;
    if (i & 1) setCr0(s, hi, lo);
  },

  ori(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    s.gprLo[ra] = s.gprLo[rs]! | (i & 0xffff);
    s.gprHi[ra] = s.gprHi[rs]!;
  },

  or(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const hi = s.gprHi[rs]! | s.gprHi[rb]!;
    const lo = s.gprLo[rs]! | s.gprLo[rb]!;
    s.gprHi[ra] = hi;
    s.gprLo[ra] = lo;
    if (i & 1) setCr0(s, hi, lo);
  },
};
