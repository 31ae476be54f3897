// Interpreter: load/store multiple word (lmw, stmw) and the string instructions
// (lswi, lswx, stswi, stswx).
//
// These are big-endian only: in LE mode the ISA makes them an alignment
// interrupt, which Linux (and QEMU-user) deliver as SIGBUS.
// Strings fill the low word of successive registers most significant byte
// first, wrapping from r31 to r0; a register that is started is zeroed first.
// NB=0 means 32 bytes for lswi/stswi; lswx/stswx take the count from XER[57:63]
// (0: nothing happens). lswi/lswx are invalid (SIGILL) when RA (lswi, lswx with
// RA != 0) or RB (lswx) is among the registers to be loaded, as in QEMU.

import type { HandlerTable } from './handler.js';
import type { CpuState } from '../state.js';
import { eaDisp, eaIndexed } from './common.js';
import { CpuTrap, illegal } from '../trap.js';
import { addrAdd, probeStore } from './loadstore-util.js';

function leTrap(s: CpuState): void {
  if (s.le) throw new CpuTrap('bus');
}

/** Is register x among the n registers starting at `start` (wrapping past r31)? */
function regInRange(start: number, n: number, x: number): boolean {
  if (start + n <= 32) return x >= start && x < start + n;
  return x >= start || x < start + n - 32;
}

function loadString(s: CpuState, rt: number, hi: number, lo: number, nb: number): void {
  const m = s.mem;
  let r = rt;
  for (; nb > 3; nb -= 4) {
    s.gprLo[r] = m.read32(hi, lo, false);
    s.gprHi[r] = 0;
    r = (r + 1) & 31;
    lo = addrAdd(s, hi, lo, 4);
    hi = s.tmpHi;
  }
  if (nb > 0) {
    let v = 0;
    for (let sh = 24; nb > 0; nb--, sh -= 8) {
      v |= m.read8(hi, lo) << sh;
      lo = addrAdd(s, hi, lo, 1);
      hi = s.tmpHi;
    }
    s.gprLo[r] = v;
    s.gprHi[r] = 0;
  }
}

function storeString(s: CpuState, rs: number, hi: number, lo: number, nb: number): void {
  if (nb === 0) return;
  probeStore(s, hi, lo, nb);
  const m = s.mem;
  let r = rs;
  for (; nb > 3; nb -= 4) {
    m.write32(hi, lo, s.gprLo[r]!, false);
    r = (r + 1) & 31;
    lo = addrAdd(s, hi, lo, 4);
    hi = s.tmpHi;
  }
  for (let sh = 24; nb > 0; nb--, sh -= 8) {
    m.write8(hi, lo, s.gprLo[r]! >>> sh);
    lo = addrAdd(s, hi, lo, 1);
    hi = s.tmpHi;
  }
}

export const LOADSTORE_STRING_HANDLERS: HandlerTable = {
  lmw(s, i) {
    leTrap(s);
    const rt = (i >>> 21) & 31;
    let lo = eaDisp(s, (i >>> 16) & 31, (i << 16) >> 16);
    let hi = s.tmpHi;
    const m = s.mem;
    for (let r = rt; r < 32; r++) {
      const v = m.read32(hi, lo, false);
      s.gprLo[r] = v;
      s.gprHi[r] = 0;
      lo = addrAdd(s, hi, lo, 4);
      hi = s.tmpHi;
    }
  },

  stmw(s, i) {
    leTrap(s);
    const rs = (i >>> 21) & 31;
    let lo = eaDisp(s, (i >>> 16) & 31, (i << 16) >> 16);
    let hi = s.tmpHi;
    probeStore(s, hi, lo, 4 * (32 - rs));
    const m = s.mem;
    for (let r = rs; r < 32; r++) {
      m.write32(hi, lo, s.gprLo[r]!, false);
      lo = addrAdd(s, hi, lo, 4);
      hi = s.tmpHi;
    }
  },

  lswi(s, i) {
    leTrap(s);
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const nb = ((i >>> 11) & 31) || 32;
    if (regInRange(rt, (nb + 3) >> 2, ra)) illegal();
    const lo = eaDisp(s, ra, 0);
    loadString(s, rt, s.tmpHi, lo, nb);
  },

  lswx(s, i) {
    leTrap(s);
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const nb = s.xerBC & 0x7f;
    const lo = eaIndexed(s, ra, rb);
    const hi = s.tmpHi;
    if (nb === 0) return;
    const n = (nb + 3) >> 2;
    if ((ra !== 0 && regInRange(rt, n, ra)) || regInRange(rt, n, rb)) illegal();
    loadString(s, rt, hi, lo, nb);
  },

  stswi(s, i) {
    leTrap(s);
    const lo = eaDisp(s, (i >>> 16) & 31, 0);
    storeString(s, (i >>> 21) & 31, s.tmpHi, lo, ((i >>> 11) & 31) || 32);
  },

  stswx(s, i) {
    leTrap(s);
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    storeString(s, (i >>> 21) & 31, s.tmpHi, lo, s.xerBC & 0x7f);
  },
};
