// Interpreter: fixed-point loads and stores (byte, halfword, word, doubleword;
// D, DS, X forms and their update forms). These are the hot ones: each handler
// extracts its fields inline and makes a single memory call.
//
// Invalid forms (ISA Book I 3.3.2): a load with update whose RA is 0 or equals
// RT, a store with update whose RA is 0. QEMU raises SIGILL for them; so do we,
// before any access. A faulting access leaves RT and RA unchanged.

import type { HandlerTable } from './handler.js';
import { eaDisp, eaIndexed } from './common.js';
import { illegal } from '../trap.js';

export const LOADSTORE_INT_HANDLERS: HandlerTable = {
  lbz(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read8(hi, lo);
    s.gprHi[rt] = 0;
  },

  lbzu(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    if (ra === 0 || ra === rt) illegal();
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read8(hi, lo);
    s.gprHi[rt] = 0;
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  lbzx(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read8(hi, lo);
    s.gprHi[rt] = 0;
  },

  lbzux(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    if (ra === 0 || ra === rt) illegal();
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read8(hi, lo);
    s.gprHi[rt] = 0;
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  lhz(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read16(hi, lo, s.le);
    s.gprHi[rt] = 0;
  },

  lhzu(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    if (ra === 0 || ra === rt) illegal();
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read16(hi, lo, s.le);
    s.gprHi[rt] = 0;
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  lhzx(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read16(hi, lo, s.le);
    s.gprHi[rt] = 0;
  },

  lhzux(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    if (ra === 0 || ra === rt) illegal();
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read16(hi, lo, s.le);
    s.gprHi[rt] = 0;
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  lha(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    const v = (s.mem.read16(hi, lo, s.le) << 16) >> 16;
    s.gprLo[rt] = v;
    s.gprHi[rt] = v >> 31;
  },

  lhau(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    if (ra === 0 || ra === rt) illegal();
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    const v = (s.mem.read16(hi, lo, s.le) << 16) >> 16;
    s.gprLo[rt] = v;
    s.gprHi[rt] = v >> 31;
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  lhax(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    const v = (s.mem.read16(hi, lo, s.le) << 16) >> 16;
    s.gprLo[rt] = v;
    s.gprHi[rt] = v >> 31;
  },

  lhaux(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    if (ra === 0 || ra === rt) illegal();
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    const v = (s.mem.read16(hi, lo, s.le) << 16) >> 16;
    s.gprLo[rt] = v;
    s.gprHi[rt] = v >> 31;
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  lwz(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read32(hi, lo, s.le);
    s.gprHi[rt] = 0;
  },

  lwzu(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    if (ra === 0 || ra === rt) illegal();
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read32(hi, lo, s.le);
    s.gprHi[rt] = 0;
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  lwzx(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read32(hi, lo, s.le);
    s.gprHi[rt] = 0;
  },

  lwzux(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    if (ra === 0 || ra === rt) illegal();
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read32(hi, lo, s.le);
    s.gprHi[rt] = 0;
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  lwa(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    const lo = eaDisp(s, ra, ((i << 16) >> 16) & ~3);
    const hi = s.tmpHi;
    const v = s.mem.read32(hi, lo, s.le);
    s.gprLo[rt] = v;
    s.gprHi[rt] = v >> 31;
  },

  lwax(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    const v = s.mem.read32(hi, lo, s.le);
    s.gprLo[rt] = v;
    s.gprHi[rt] = v >> 31;
  },

  lwaux(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    if (ra === 0 || ra === rt) illegal();
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    const v = s.mem.read32(hi, lo, s.le);
    s.gprLo[rt] = v;
    s.gprHi[rt] = v >> 31;
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  ld(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    const lo = eaDisp(s, ra, ((i << 16) >> 16) & ~3);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read64(hi, lo, s.le);
    s.gprHi[rt] = s.mem.hi64;
  },

  ldu(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    if (ra === 0 || ra === rt) illegal();
    const lo = eaDisp(s, ra, ((i << 16) >> 16) & ~3);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read64(hi, lo, s.le);
    s.gprHi[rt] = s.mem.hi64;
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  ldx(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read64(hi, lo, s.le);
    s.gprHi[rt] = s.mem.hi64;
  },

  ldux(s, i) {
    const ra = (i >>> 16) & 31;
    const rt = (i >>> 21) & 31;
    if (ra === 0 || ra === rt) illegal();
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.gprLo[rt] = s.mem.read64(hi, lo, s.le);
    s.gprHi[rt] = s.mem.hi64;
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  stb(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.mem.write8(hi, lo, s.gprLo[rs]!);
  },

  stbu(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.mem.write8(hi, lo, s.gprLo[rs]!);
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  stbx(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.mem.write8(hi, lo, s.gprLo[rs]!);
  },

  stbux(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.mem.write8(hi, lo, s.gprLo[rs]!);
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  sth(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.mem.write16(hi, lo, s.gprLo[rs]!, s.le);
  },

  sthu(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.mem.write16(hi, lo, s.gprLo[rs]!, s.le);
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  sthx(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.mem.write16(hi, lo, s.gprLo[rs]!, s.le);
  },

  sthux(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.mem.write16(hi, lo, s.gprLo[rs]!, s.le);
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  stw(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.mem.write32(hi, lo, s.gprLo[rs]!, s.le);
  },

  stwu(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaDisp(s, ra, (i << 16) >> 16);
    const hi = s.tmpHi;
    s.mem.write32(hi, lo, s.gprLo[rs]!, s.le);
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  stwx(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.mem.write32(hi, lo, s.gprLo[rs]!, s.le);
  },

  stwux(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.mem.write32(hi, lo, s.gprLo[rs]!, s.le);
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  std(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    const lo = eaDisp(s, ra, ((i << 16) >> 16) & ~3);
    const hi = s.tmpHi;
    s.mem.write64(hi, lo, s.gprHi[rs]!, s.gprLo[rs]!, s.le);
  },

  stdu(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaDisp(s, ra, ((i << 16) >> 16) & ~3);
    const hi = s.tmpHi;
    s.mem.write64(hi, lo, s.gprHi[rs]!, s.gprLo[rs]!, s.le);
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },

  stdx(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.mem.write64(hi, lo, s.gprHi[rs]!, s.gprLo[rs]!, s.le);
  },

  stdux(s, i) {
    const ra = (i >>> 16) & 31;
    const rs = (i >>> 21) & 31;
    if (ra === 0) illegal();
    const lo = eaIndexed(s, ra, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.mem.write64(hi, lo, s.gprHi[rs]!, s.gprLo[rs]!, s.le);
    s.gprLo[ra] = lo;
    s.gprHi[ra] = hi;
  },
};

/** Byte-reversed loads and stores: the opposite of the current byte order. */
export const LOADSTORE_BYTEREV_HANDLERS: HandlerTable = {
  lhbrx(s, i) {
    const rt = (i >>> 21) & 31;
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    s.gprLo[rt] = s.mem.read16(s.tmpHi, lo, !s.le);
    s.gprHi[rt] = 0;
  },

  lwbrx(s, i) {
    const rt = (i >>> 21) & 31;
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    s.gprLo[rt] = s.mem.read32(s.tmpHi, lo, !s.le);
    s.gprHi[rt] = 0;
  },

  ldbrx(s, i) {
    const rt = (i >>> 21) & 31;
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    s.gprLo[rt] = s.mem.read64(s.tmpHi, lo, !s.le);
    s.gprHi[rt] = s.mem.hi64;
  },

  sthbrx(s, i) {
    const rs = (i >>> 21) & 31;
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    s.mem.write16(s.tmpHi, lo, s.gprLo[rs]!, !s.le);
  },

  stwbrx(s, i) {
    const rs = (i >>> 21) & 31;
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    s.mem.write32(s.tmpHi, lo, s.gprLo[rs]!, !s.le);
  },

  stdbrx(s, i) {
    const rs = (i >>> 21) & 31;
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    s.mem.write64(s.tmpHi, lo, s.gprHi[rs]!, s.gprLo[rs]!, !s.le);
  },
};
