// Interpreter: unit 'loadstore'. Handlers keyed by the mnemonic of their table row
// (src/isa/ppc64/table/loadstore.ts).
//
// Byte order: scalar accesses use MSR[LE] (s.le). Quadword VMX accesses (lvx/stvx)
// treat the register as 16 bytes in BE element order; in LE mode the whole
// quadword is byte-reversed. lxvd2x/stxvd2x move two doublewords, each in the
// current byte order, doubleword 0 at the lower address.

import type { HandlerTable } from './handler.js';
import type { CpuState } from '../state.js';
import { eaDisp, eaIndexed } from './common.js';

/** Load VSR `t` from a 16-byte quadword at (hi, lo), VMX order (lvx). */
function loadQuad(s: CpuState, t: number, hi: number, lo: number): void {
  const m = s.mem;
  const v = s.vsr;
  if (s.le) {
    for (let j = 0; j < 4; j++) v[4 * t + j] = m.read32(hi, (lo + 12 - 4 * j) | 0, true);
  } else {
    for (let j = 0; j < 4; j++) v[4 * t + j] = m.read32(hi, (lo + 4 * j) | 0, false);
  }
}

function storeQuad(s: CpuState, t: number, hi: number, lo: number): void {
  const m = s.mem;
  const v = s.vsr;
  // Probe both ends first so a fault leaves memory unchanged.
  m.read8(hi, lo);
  if (s.le) {
    for (let j = 0; j < 4; j++) m.write32(hi, (lo + 12 - 4 * j) | 0, v[4 * t + j]!, true);
  } else {
    for (let j = 0; j < 4; j++) m.write32(hi, (lo + 4 * j) | 0, v[4 * t + j]!, false);
  }
}

export const LOADSTORE_HANDLERS: HandlerTable = {
  ld(s, i) {
    const lo = eaDisp(s, (i >>> 16) & 31, (i << 16) >> 16 & ~3);
    const rt = (i >>> 21) & 31;
    s.gprLo[rt] = s.mem.read64(s.tmpHi, lo, s.le);
    s.gprHi[rt] = s.mem.hi64;
  },

  std(s, i) {
    const lo = eaDisp(s, (i >>> 16) & 31, (i << 16) >> 16 & ~3);
    const rs = (i >>> 21) & 31;
    s.mem.write64(s.tmpHi, lo, s.gprHi[rs]!, s.gprLo[rs]!, s.le);
  },

  lfd(s, i) {
    const lo = eaDisp(s, (i >>> 16) & 31, (i << 16) >> 16);
    const t = (i >>> 21) & 31;
    const l = s.mem.read64(s.tmpHi, lo, s.le);
    s.vsr[4 * t] = s.mem.hi64;
    s.vsr[4 * t + 1] = l;
  },

  stfd(s, i) {
    const lo = eaDisp(s, (i >>> 16) & 31, (i << 16) >> 16);
    const t = (i >>> 21) & 31;
    s.mem.write64(s.tmpHi, lo, s.vsr[4 * t]!, s.vsr[4 * t + 1]!, s.le);
  },

  lvx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31) & ~15;
    loadQuad(s, 32 + ((i >>> 21) & 31), s.tmpHi, lo);
  },

  stvx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31) & ~15;
    storeQuad(s, 32 + ((i >>> 21) & 31), s.tmpHi, lo);
  },

  lxvd2x(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const hi = s.tmpHi;
    const t = ((i & 1) << 5) | ((i >>> 21) & 31);
    const lo8 = (lo + 8) | 0;
    const hi8 = lo8 >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
    const m = s.mem;
    const a = m.read64(hi, lo, s.le);
    const ah = m.hi64;
    const b = m.read64(hi8, lo8, s.le);
    s.vsr[4 * t] = ah;
    s.vsr[4 * t + 1] = a;
    s.vsr[4 * t + 2] = m.hi64;
    s.vsr[4 * t + 3] = b;
  },

  stxvd2x(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const hi = s.tmpHi;
    const t = ((i & 1) << 5) | ((i >>> 21) & 31);
    const lo8 = (lo + 8) | 0;
    const hi8 = lo8 >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
    const m = s.mem;
    m.read8(hi8, (lo8 + 7) | 0); // probe the end: no partial store on a fault
    m.write64(hi, lo, s.vsr[4 * t]!, s.vsr[4 * t + 1]!, s.le);
    m.write64(hi8, lo8, s.vsr[4 * t + 2]!, s.vsr[4 * t + 3]!, s.le);
  },
};
