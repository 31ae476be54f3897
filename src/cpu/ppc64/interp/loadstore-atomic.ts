// Interpreter: load-and-reserve / store-conditional, and the quadword loads
// and stores (lq, stq, lqarx, stqcx.).
//
// Reservation (one thread): larx sets it to its EA and remembers the value it
// loaded; stcx. succeeds iff a reservation exists for the same EA and memory
// still holds the remembered value (QEMU implements stcx. as a compare-and-swap
// against that value, so a plain store of a different value in between makes
// it fail). Either way stcx. clears the reservation. CR0 = 0b00 || success || SO.
// larx/stcx. with a matching address need natural alignment (SIGBUS otherwise).
//
// Quadword pairs: RTp/RSp must be even. In LE mode the doubleword at EA goes
// to/from RTp+1 and the one at EA+8 to/from RTp (the quadword is little-endian
// as a whole).

import type { HandlerTable } from './handler.js';
import type { CpuState } from '../state.js';
import { eaDisp, eaIndexed } from './common.js';
import { alignment, illegal } from '../trap.js';
import { addrAdd, probeStore } from './loadstore-util.js';

/** The value each thread's reservation remembered: [hi0, lo0, hi1, lo1] (as read at EA, EA+8). */
const RES_VAL = new WeakMap<CpuState, Int32Array>();

function resVal(s: CpuState): Int32Array {
  let v = RES_VAL.get(s);
  if (!v) RES_VAL.set(s, (v = new Int32Array(4)));
  return v;
}


/** Read `size` bytes (1, 2, 4, 8) at (hi, lo) zero-extended: low word returned, high word in s.tmpHi. */
function readN(s: CpuState, hi: number, lo: number, size: number): number {
  const m = s.mem;
  switch (size) {
    case 1:
      s.tmpHi = 0;
      return m.read8(hi, lo);
    case 2:
      s.tmpHi = 0;
      return m.read16(hi, lo, s.le);
    case 4:
      s.tmpHi = 0;
      return m.read32(hi, lo, s.le);
    default: {
      const l = m.read64(hi, lo, s.le);
      s.tmpHi = m.hi64;
      return l;
    }
  }
}

function larx(s: CpuState, i: number, size: number): void {
  const rt = (i >>> 21) & 31;
  const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
  const hi = s.tmpHi;
  if ((lo & (size - 1)) !== 0) alignment(hi, lo);
  const l = readN(s, hi, lo, size);
  const h = s.tmpHi;
  s.gprLo[rt] = l;
  s.gprHi[rt] = h;
  const v = resVal(s);
  v[0] = h;
  v[1] = l;
  s.resValid = true;
  s.resHi = hi;
  s.resLo = lo;
  s.resSize = size;
}

function stcx(s: CpuState, i: number, size: number): void {
  const rs = (i >>> 21) & 31;
  const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
  const hi = s.tmpHi;
  let ok = 0;
  if (s.resValid && s.resLo === lo && s.resHi === hi) {
    if ((lo & (size - 1)) !== 0) alignment(hi, lo);
    const l = readN(s, hi, lo, size);
    const v = resVal(s);
    if (l === v[1] && s.tmpHi === v[0]) {
      const m = s.mem;
      const x = s.gprLo[rs]!;
      if (size === 1) m.write8(hi, lo, x);
      else if (size === 2) m.write16(hi, lo, x, s.le);
      else if (size === 4) m.write32(hi, lo, x, s.le);
      else m.write64(hi, lo, s.gprHi[rs]!, x, s.le);
      ok = 2;
    }
  }
  s.resValid = false;
  s.cr = (s.cr & 0x0fffffff) | ((ok | s.so) << 28);
}

/** Load the quadword at (hi, lo) into the pair rt, rt+1 (ISA order per MSR[LE]). */
function loadPair(s: CpuState, rt: number, hi: number, lo: number): void {
  const m = s.mem;
  const a = m.read64(hi, lo, s.le);
  const ah = m.hi64;
  const lo8 = addrAdd(s, hi, lo, 8);
  const b = m.read64(s.tmpHi, lo8, s.le);
  const bh = m.hi64;
  const first = s.le ? rt + 1 : rt;
  const second = s.le ? rt : rt + 1;
  s.gprLo[first] = a;
  s.gprHi[first] = ah;
  s.gprLo[second] = b;
  s.gprHi[second] = bh;
}

function storePair(s: CpuState, rs: number, hi: number, lo: number): void {
  const m = s.mem;
  probeStore(s, hi, lo, 16);
  const first = s.le ? rs + 1 : rs;
  const second = s.le ? rs : rs + 1;
  const lo8 = addrAdd(s, hi, lo, 8);
  const hi8 = s.tmpHi;
  m.write64(hi, lo, s.gprHi[first]!, s.gprLo[first]!, s.le);
  m.write64(hi8, lo8, s.gprHi[second]!, s.gprLo[second]!, s.le);
}

export const LOADSTORE_ATOMIC_HANDLERS: HandlerTable = {
  lbarx(s, i) {
    larx(s, i, 1);
  },
  lharx(s, i) {
    larx(s, i, 2);
  },
  lwarx(s, i) {
    larx(s, i, 4);
  },
  ldarx(s, i) {
    larx(s, i, 8);
  },

  'stbcx.'(s, i) {
    stcx(s, i, 1);
  },
  'sthcx.'(s, i) {
    stcx(s, i, 2);
  },
  'stwcx.'(s, i) {
    stcx(s, i, 4);
  },
  'stdcx.'(s, i) {
    stcx(s, i, 8);
  },

  lqarx(s, i) {
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    if (rt & 1 || rt === ra || rt === rb) illegal();
    const lo = eaIndexed(s, ra, rb);
    const hi = s.tmpHi;
    if ((lo & 15) !== 0) alignment(hi, lo);
    loadPair(s, rt, hi, lo);
    const v = resVal(s);
    const f = s.le ? rt + 1 : rt;
    v[0] = s.gprHi[f]!;
    v[1] = s.gprLo[f]!;
    v[2] = s.gprHi[f ^ 1]!;
    v[3] = s.gprLo[f ^ 1]!;
    s.resValid = true;
    s.resHi = hi;
    s.resLo = lo;
    s.resSize = 16;
  },

  'stqcx.'(s, i) {
    const rs = (i >>> 21) & 31;
    if (rs & 1) illegal();
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const hi = s.tmpHi;
    let ok = 0;
    if (s.resValid && s.resLo === lo && s.resHi === hi) {
      if ((lo & 15) !== 0) alignment(hi, lo);
      const m = s.mem;
      const a = m.read64(hi, lo, s.le);
      const ah = m.hi64;
      const lo8 = addrAdd(s, hi, lo, 8);
      const b = m.read64(s.tmpHi, lo8, s.le);
      const v = resVal(s);
      if (a === v[1] && ah === v[0] && b === v[3] && m.hi64 === v[2]) {
        storePair(s, rs, hi, lo);
        ok = 2;
      }
    }
    s.resValid = false;
    s.cr = (s.cr & 0x0fffffff) | ((ok | s.so) << 28);
  },

  lq(s, i) {
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    if (rt & 1 || rt === ra) illegal();
    const lo = eaDisp(s, ra, ((i << 16) >> 16) & ~15);
    loadPair(s, rt, s.tmpHi, lo);
  },

  stq(s, i) {
    const rs = (i >>> 21) & 31;
    if (rs & 1) illegal();
    const lo = eaDisp(s, (i >>> 16) & 31, ((i << 16) >> 16) & ~3);
    storePair(s, rs, s.tmpHi, lo);
  },
};
