// Interpreter: unit 'fixed'. Handlers keyed by the mnemonic of their table row
// (src/isa/ppc64/table/fixed.ts). This file: add/subtract family, compares,
// select, logical and bit-counting operations. Multiply/divide live in
// fixed-muldiv.ts, rotates and shifts in fixed-rotate.ts.
//
// 64-bit values are (hi, lo) int32 pairs. XO-form bits: OE = 0x400, Rc = 1.

import type { HandlerTable } from './handler.js';
import type { CpuState } from '../state.js';
import { setCr0 } from './common.js';
import { FIXED_MULDIV_HANDLERS } from './fixed-muldiv.js';
import { FIXED_ROTATE_HANDLERS } from './fixed-rotate.js';

/**
 * RT = x + y + c (c is 0 or 1) for the add/subtract-from family. Sets CA/CA32
 * when `ca` is 1, OV/OV32/SO when the instruction's OE bit is set, CR0 when Rc.
 */
function addFull(s: CpuState, i: number, xh: number, xl: number, yh: number, yl: number, c: number, ca: number): void {
  const l = (xl >>> 0) + (yl >>> 0) + c;
  const c32 = l > 0xffffffff ? 1 : 0;
  const h = (xh >>> 0) + (yh >>> 0) + c32;
  const lo = l | 0;
  const hi = h | 0;
  if (ca !== 0) {
    s.ca = h > 0xffffffff ? 1 : 0;
    s.ca32 = c32;
  }
  if (i & 0x400) {
    const ov = ((xh ^ hi) & (yh ^ hi)) >>> 31;
    s.ov = ov;
    s.ov32 = ((xl ^ lo) & (yl ^ lo)) >>> 31;
    s.so |= ov;
  }
  const rt = (i >>> 21) & 31;
  s.gprHi[rt] = hi;
  s.gprLo[rt] = lo;
  if (i & 1) setCr0(s, hi, lo);
}

/** Set CR field bf to a signed (sign=1) or unsigned compare of two 64-bit values, with SO. */
function cmpField(s: CpuState, bf: number, ah: number, al: number, bh: number, bl: number, signed: boolean): void {
  let v: number;
  if (ah !== bh) v = (signed ? ah < bh : ah >>> 0 < bh >>> 0) ? 8 : 4;
  else if (al !== bl) v = al >>> 0 < bl >>> 0 ? 8 : 4;
  else v = 2;
  const sh = 28 - 4 * bf;
  s.cr = (s.cr & ~(0xf << sh)) | ((v | s.so) << sh);
}

function popcnt32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function popcntBytes(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (x + (x >>> 4)) & 0x0f0f0f0f;
}

function ctz32(x: number): number {
  return x === 0 ? 32 : 31 - Math.clz32(x & -x);
}

/** Per byte: 0xff where a and b agree, 0x00 elsewhere. */
function cmpBytes(a: number, b: number): number {
  const x = a ^ b;
  let r = 0;
  if ((x & 0xff) === 0) r |= 0xff;
  if ((x & 0xff00) === 0) r |= 0xff00;
  if ((x & 0xff0000) === 0) r |= 0xff0000;
  if ((x & 0xff000000) === 0) r |= 0xff000000;
  return r;
}

/** Logical X-form: write RA and record CR0 when Rc. */
function putRA(s: CpuState, i: number, hi: number, lo: number): void {
  const ra = (i >>> 16) & 31;
  s.gprHi[ra] = hi;
  s.gprLo[ra] = lo;
  if (i & 1) setCr0(s, hi, lo);
}

const BASE_HANDLERS: HandlerTable = {
  // ---------------- add / subtract ----------------
  addi(s, i) {
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const si = (i << 16) >> 16;
    if (ra === 0) {
      s.gprLo[rt] = si;
      s.gprHi[rt] = si >> 31;
      return;
    }
    const r = (s.gprLo[ra]! >>> 0) + (si >>> 0);
    s.gprHi[rt] = (s.gprHi[ra]! + (si >> 31) + (r > 0xffffffff ? 1 : 0)) | 0;
    s.gprLo[rt] = r | 0;
  },

  addis(s, i) {
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const si = i << 16; // SI || 0x0000 as int32 (sign-extended)
    if (ra === 0) {
      s.gprHi[rt] = si >> 31;
      s.gprLo[rt] = si;
      return;
    }
    const r = (s.gprLo[ra]! >>> 0) + (si >>> 0);
    s.gprHi[rt] = (s.gprHi[ra]! + (si >> 31) + (r > 0xffffffff ? 1 : 0)) | 0;
    s.gprLo[rt] = r | 0;
  },

  addic(s, i) {
    const ra = (i >>> 16) & 31;
    const si = (i << 16) >> 16;
    addFull(s, i & ~0x401, s.gprHi[ra]!, s.gprLo[ra]!, si >> 31, si, 0, 1);
  },

  'addic.'(s, i) {
    const ra = (i >>> 16) & 31;
    const si = (i << 16) >> 16;
    addFull(s, (i & ~0x401) | 1, s.gprHi[ra]!, s.gprLo[ra]!, si >> 31, si, 0, 1);
  },

  subfic(s, i) {
    const ra = (i >>> 16) & 31;
    const si = (i << 16) >> 16;
    addFull(s, i & ~0x401, ~s.gprHi[ra]!, ~s.gprLo[ra]!, si >> 31, si, 1, 1);
  },

  addpcis(s, i) {
    const rt = (i >>> 21) & 31;
    // D = d0 (bits 16:25) || d1 (bits 11:15) || d2 (bit 31), shifted left 16
    const d = ((i & 0xffc0) << 16) | ((i & 0x1f0000) << 1) | ((i & 1) << 16);
    const r = (s.nipLo >>> 0) + (d >>> 0);
    s.gprHi[rt] = (s.nipHi + (d >> 31) + (r > 0xffffffff ? 1 : 0)) | 0;
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

  addc(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    addFull(s, i, s.gprHi[ra]!, s.gprLo[ra]!, s.gprHi[rb]!, s.gprLo[rb]!, 0, 1);
  },

  adde(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    addFull(s, i, s.gprHi[ra]!, s.gprLo[ra]!, s.gprHi[rb]!, s.gprLo[rb]!, s.ca, 1);
  },

  addme(s, i) {
    const ra = (i >>> 16) & 31;
    addFull(s, i, s.gprHi[ra]!, s.gprLo[ra]!, -1, -1, s.ca, 1);
  },

  addze(s, i) {
    const ra = (i >>> 16) & 31;
    addFull(s, i, s.gprHi[ra]!, s.gprLo[ra]!, 0, 0, s.ca, 1);
  },

  subf(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    addFull(s, i, ~s.gprHi[ra]!, ~s.gprLo[ra]!, s.gprHi[rb]!, s.gprLo[rb]!, 1, 0);
  },

  subfc(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    addFull(s, i, ~s.gprHi[ra]!, ~s.gprLo[ra]!, s.gprHi[rb]!, s.gprLo[rb]!, 1, 1);
  },

  subfe(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    addFull(s, i, ~s.gprHi[ra]!, ~s.gprLo[ra]!, s.gprHi[rb]!, s.gprLo[rb]!, s.ca, 1);
  },

  subfme(s, i) {
    const ra = (i >>> 16) & 31;
    addFull(s, i, ~s.gprHi[ra]!, ~s.gprLo[ra]!, -1, -1, s.ca, 1);
  },

  subfze(s, i) {
    const ra = (i >>> 16) & 31;
    addFull(s, i, ~s.gprHi[ra]!, ~s.gprLo[ra]!, 0, 0, s.ca, 1);
  },

  neg(s, i) {
    const ra = (i >>> 16) & 31;
    addFull(s, i, ~s.gprHi[ra]!, ~s.gprLo[ra]!, 0, 0, 1, 0);
  },

  addex(s, i) {
    // CY=0: RT = RA + RB + OV; OV/OV32 receive the carries out of bits 0 and 32.
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const l = (s.gprLo[ra]! >>> 0) + (s.gprLo[rb]! >>> 0) + s.ov;
    const c32 = l > 0xffffffff ? 1 : 0;
    const h = (s.gprHi[ra]! >>> 0) + (s.gprHi[rb]! >>> 0) + c32;
    s.ov = h > 0xffffffff ? 1 : 0;
    s.ov32 = c32;
    s.gprHi[rt] = h | 0;
    s.gprLo[rt] = l | 0;
  },

  // ---------------- compare / select ----------------
  cmpi(s, i) {
    const ra = (i >>> 16) & 31;
    const si = (i << 16) >> 16;
    if (i & 0x200000) cmpField(s, (i >>> 23) & 7, s.gprHi[ra]!, s.gprLo[ra]!, si >> 31, si, true);
    else {
      const a = s.gprLo[ra]!;
      cmpField(s, (i >>> 23) & 7, a >> 31, a, si >> 31, si, true);
    }
  },

  cmpli(s, i) {
    const ra = (i >>> 16) & 31;
    const ui = i & 0xffff;
    if (i & 0x200000) cmpField(s, (i >>> 23) & 7, s.gprHi[ra]!, s.gprLo[ra]!, 0, ui, false);
    else cmpField(s, (i >>> 23) & 7, 0, s.gprLo[ra]!, 0, ui, false);
  },

  cmp(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    if (i & 0x200000) cmpField(s, (i >>> 23) & 7, s.gprHi[ra]!, s.gprLo[ra]!, s.gprHi[rb]!, s.gprLo[rb]!, true);
    else {
      const a = s.gprLo[ra]!;
      const b = s.gprLo[rb]!;
      cmpField(s, (i >>> 23) & 7, a >> 31, a, b >> 31, b, true);
    }
  },

  cmpl(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    if (i & 0x200000) cmpField(s, (i >>> 23) & 7, s.gprHi[ra]!, s.gprLo[ra]!, s.gprHi[rb]!, s.gprLo[rb]!, false);
    else cmpField(s, (i >>> 23) & 7, 0, s.gprLo[ra]!, 0, s.gprLo[rb]!, false);
  },

  cmprb(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const x = s.gprLo[ra]! & 0xff;
    const b = s.gprLo[rb]!;
    let inRange = x >= (b & 0xff) && x <= ((b >>> 8) & 0xff);
    if (i & 0x200000) inRange ||= x >= ((b >>> 16) & 0xff) && x <= b >>> 24;
    const sh = 28 - 4 * ((i >>> 23) & 7);
    s.cr = (s.cr & ~(0xf << sh)) | ((inRange ? 4 : 0) << sh);
  },

  cmpeqb(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const x = (s.gprLo[ra]! & 0xff) * 0x01010101;
    // A zero byte in (RB ^ x) means a match.
    const zh = s.gprHi[rb]! ^ x;
    const zl = s.gprLo[rb]! ^ x;
    const hasZero = (((zh - 0x01010101) & ~zh) | ((zl - 0x01010101) & ~zl)) & 0x80808080;
    const sh = 28 - 4 * ((i >>> 23) & 7);
    s.cr = (s.cr & ~(0xf << sh)) | ((hasZero !== 0 ? 4 : 0) << sh);
  },

  setb(s, i) {
    const rt = (i >>> 21) & 31;
    const f = (s.cr >>> (28 - 4 * ((i >>> 18) & 7))) & 0xf;
    const v = f & 8 ? -1 : f & 4 ? 1 : 0;
    s.gprLo[rt] = v;
    s.gprHi[rt] = v >> 31;
  },

  isel(s, i) {
    const rt = (i >>> 21) & 31;
    if ((s.cr >>> (31 - ((i >>> 6) & 31))) & 1) {
      const ra = (i >>> 16) & 31;
      if (ra === 0) {
        s.gprHi[rt] = 0;
        s.gprLo[rt] = 0;
      } else {
        s.gprHi[rt] = s.gprHi[ra]!;
        s.gprLo[rt] = s.gprLo[ra]!;
      }
    } else {
      const rb = (i >>> 11) & 31;
      s.gprHi[rt] = s.gprHi[rb]!;
      s.gprLo[rt] = s.gprLo[rb]!;
    }
  },

  darn(s, i) {
    const rt = (i >>> 21) & 31;
    const l = (i >>> 16) & 3;
    const r32 = () => (Math.random() * 4294967296) | 0;
    if (l === 0) {
      let v = r32();
      if (v === -1) v = 0; // all ones is the error value
      s.gprHi[rt] = 0;
      s.gprLo[rt] = v;
    } else if (l <= 2) {
      let h = r32();
      const lo = r32();
      if (h === -1 && lo === -1) h = 0;
      s.gprHi[rt] = h;
      s.gprLo[rt] = lo;
    } else {
      s.gprHi[rt] = -1;
      s.gprLo[rt] = -1;
    }
  },

  // ---------------- logical ----------------
  'andi.'(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const lo = s.gprLo[rs]! & (i & 0xffff);
    s.gprHi[ra] = 0;
    s.gprLo[ra] = lo;
    setCr0(s, 0, lo);
  },

  'andis.'(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const lo = s.gprLo[rs]! & (i << 16);
    s.gprHi[ra] = 0;
    s.gprLo[ra] = lo;
    setCr0(s, 0, lo);
  },

  ori(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    s.gprLo[ra] = s.gprLo[rs]! | (i & 0xffff);
    s.gprHi[ra] = s.gprHi[rs]!;
  },

  oris(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    s.gprLo[ra] = s.gprLo[rs]! | (i << 16);
    s.gprHi[ra] = s.gprHi[rs]!;
  },

  xori(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    s.gprLo[ra] = s.gprLo[rs]! ^ (i & 0xffff);
    s.gprHi[ra] = s.gprHi[rs]!;
  },

  xoris(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    s.gprLo[ra] = s.gprLo[rs]! ^ (i << 16);
    s.gprHi[ra] = s.gprHi[rs]!;
  },

  and(s, i) {
    const rs = (i >>> 21) & 31;
    const rb = (i >>> 11) & 31;
    putRA(s, i, s.gprHi[rs]! & s.gprHi[rb]!, s.gprLo[rs]! & s.gprLo[rb]!);
  },

  andc(s, i) {
    const rs = (i >>> 21) & 31;
    const rb = (i >>> 11) & 31;
    putRA(s, i, s.gprHi[rs]! & ~s.gprHi[rb]!, s.gprLo[rs]! & ~s.gprLo[rb]!);
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

  orc(s, i) {
    const rs = (i >>> 21) & 31;
    const rb = (i >>> 11) & 31;
    putRA(s, i, s.gprHi[rs]! | ~s.gprHi[rb]!, s.gprLo[rs]! | ~s.gprLo[rb]!);
  },

  xor(s, i) {
    const rs = (i >>> 21) & 31;
    const rb = (i >>> 11) & 31;
    putRA(s, i, s.gprHi[rs]! ^ s.gprHi[rb]!, s.gprLo[rs]! ^ s.gprLo[rb]!);
  },

  nand(s, i) {
    const rs = (i >>> 21) & 31;
    const rb = (i >>> 11) & 31;
    putRA(s, i, ~(s.gprHi[rs]! & s.gprHi[rb]!), ~(s.gprLo[rs]! & s.gprLo[rb]!));
  },

  nor(s, i) {
    const rs = (i >>> 21) & 31;
    const rb = (i >>> 11) & 31;
    putRA(s, i, ~(s.gprHi[rs]! | s.gprHi[rb]!), ~(s.gprLo[rs]! | s.gprLo[rb]!));
  },

  eqv(s, i) {
    const rs = (i >>> 21) & 31;
    const rb = (i >>> 11) & 31;
    putRA(s, i, ~(s.gprHi[rs]! ^ s.gprHi[rb]!), ~(s.gprLo[rs]! ^ s.gprLo[rb]!));
  },

  extsb(s, i) {
    const lo = (s.gprLo[(i >>> 21) & 31]! << 24) >> 24;
    putRA(s, i, lo >> 31, lo);
  },

  extsh(s, i) {
    const lo = (s.gprLo[(i >>> 21) & 31]! << 16) >> 16;
    putRA(s, i, lo >> 31, lo);
  },

  extsw(s, i) {
    const lo = s.gprLo[(i >>> 21) & 31]!;
    putRA(s, i, lo >> 31, lo);
  },

  cntlzw(s, i) {
    putRA(s, i, 0, Math.clz32(s.gprLo[(i >>> 21) & 31]!));
  },

  cntlzd(s, i) {
    const rs = (i >>> 21) & 31;
    const h = s.gprHi[rs]!;
    putRA(s, i, 0, h !== 0 ? Math.clz32(h) : 32 + Math.clz32(s.gprLo[rs]!));
  },

  cnttzw(s, i) {
    putRA(s, i, 0, ctz32(s.gprLo[(i >>> 21) & 31]!));
  },

  cnttzd(s, i) {
    const rs = (i >>> 21) & 31;
    const l = s.gprLo[rs]!;
    putRA(s, i, 0, l !== 0 ? ctz32(l) : 32 + ctz32(s.gprHi[rs]!));
  },

  popcntb(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    s.gprHi[ra] = popcntBytes(s.gprHi[rs]!);
    s.gprLo[ra] = popcntBytes(s.gprLo[rs]!);
  },

  popcntw(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    s.gprHi[ra] = popcnt32(s.gprHi[rs]!);
    s.gprLo[ra] = popcnt32(s.gprLo[rs]!);
  },

  popcntd(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const n = popcnt32(s.gprHi[rs]!) + popcnt32(s.gprLo[rs]!);
    s.gprHi[ra] = 0;
    s.gprLo[ra] = n;
  },

  prtyw(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    let h = s.gprHi[rs]! & 0x01010101;
    let l = s.gprLo[rs]! & 0x01010101;
    h ^= h >>> 16;
    h ^= h >>> 8;
    l ^= l >>> 16;
    l ^= l >>> 8;
    s.gprHi[ra] = h & 1;
    s.gprLo[ra] = l & 1;
  },

  prtyd(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    let x = (s.gprHi[rs]! ^ s.gprLo[rs]!) & 0x01010101;
    x ^= x >>> 16;
    x ^= x >>> 8;
    s.gprHi[ra] = 0;
    s.gprLo[ra] = x & 1;
  },

  cmpb(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const hi = cmpBytes(s.gprHi[rs]!, s.gprHi[rb]!);
    s.gprLo[ra] = cmpBytes(s.gprLo[rs]!, s.gprLo[rb]!);
    s.gprHi[ra] = hi;
  },

  bpermd(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const bh = s.gprHi[rb]!;
    const bl = s.gprLo[rb]!;
    const sh = s.gprHi[rs]!;
    const sl = s.gprLo[rs]!;
    let r = 0;
    for (let k = 0; k < 8; k++) {
      // byte k of RS in ISA order (byte 0 most significant)
      const idx = k < 4 ? (sh >>> (24 - 8 * k)) & 0xff : (sl >>> (56 - 8 * k)) & 0xff;
      let bit = 0;
      if (idx < 32) bit = (bh >>> (31 - idx)) & 1;
      else if (idx < 64) bit = (bl >>> (63 - idx)) & 1;
      r = (r << 1) | bit;
    }
    s.gprHi[ra] = 0;
    s.gprLo[ra] = r;
  },
};

export const FIXED_HANDLERS: HandlerTable = {
  ...BASE_HANDLERS,
  ...FIXED_MULDIV_HANDLERS,
  ...FIXED_ROTATE_HANDLERS,
};
