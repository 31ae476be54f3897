// Interpreter: VMX and VSX loads and stores. VSR t word j is vsr[4t+j], word 0
// the most significant (ISA element order); VR i is VSR 32+i.
//
// Element order in LE mode differs per instruction (Power ISA v3.0B):
// - lvx/stvx, lxv/stxv, lxvx/stxvx, lxsd…: the 16 (or 8, 4) bytes are one
//   little-endian quantity, i.e. the quadword is byte-reversed as a whole.
// - lxvd2x/lxvw4x/lxvdsx/lxvwsx: element 0 at EA, each element little-endian.
// - lxvh8x, lxvb16x: element 0 at EA, each element in the current byte order
//   (so lxvb16x never depends on MSR[LE]).
// - lvebx/lvehx/lvewx: the element goes to index EA[60:63]/size (BE) or the
//   mirrored index (LE); the other elements are left unchanged (as in QEMU).
// - lxvl/stxvl: the first nb bytes of memory are the quadword's nb most
//   significant bytes (BE) or least significant bytes (LE); lxvll/stxvll are
//   always left-justified (byte i <-> EA+i).
// Stores spanning several accesses probe both ends first (no partial store).

import type { HandlerTable } from './handler.js';
import type { CpuState } from '../state.js';
import { eaDisp, eaIndexed } from './common.js';
import { dpToSp, spToDp } from './loadstore-fpconv.js';
import { addrAdd, probeStore, setVsrByte, vsrByte } from './loadstore-util.js';

/** Load 4 words into VSR t: word j from EA+4j (rev=false) or EA+12-4j (rev=true), each in byte order `le`. */
function ldWords(s: CpuState, t: number, hi: number, lo: number, le: boolean, rev: boolean): void {
  const m = s.mem;
  const v = s.vsr;
  if ((lo >>> 0) <= 0xfffffff0) {
    if (rev) {
      const w3 = m.read32(hi, lo, le);
      const w2 = m.read32(hi, (lo + 4) | 0, le);
      const w1 = m.read32(hi, (lo + 8) | 0, le);
      v[4 * t] = m.read32(hi, (lo + 12) | 0, le);
      v[4 * t + 1] = w1;
      v[4 * t + 2] = w2;
      v[4 * t + 3] = w3;
    } else {
      const w0 = m.read32(hi, lo, le);
      const w1 = m.read32(hi, (lo + 4) | 0, le);
      const w2 = m.read32(hi, (lo + 8) | 0, le);
      v[4 * t + 3] = m.read32(hi, (lo + 12) | 0, le);
      v[4 * t] = w0;
      v[4 * t + 1] = w1;
      v[4 * t + 2] = w2;
    }
    return;
  }
  const w = [0, 0, 0, 0];
  for (let j = 0; j < 4; j++) {
    const a = addrAdd(s, hi, lo, 4 * j);
    w[rev ? 3 - j : j] = m.read32(s.tmpHi, a, le);
  }
  for (let j = 0; j < 4; j++) v[4 * t + j] = w[j]!;
}

function stWords(s: CpuState, t: number, hi: number, lo: number, le: boolean, rev: boolean): void {
  const m = s.mem;
  const v = s.vsr;
  probeStore(s, hi, lo, 16);
  for (let j = 0; j < 4; j++) {
    const a = addrAdd(s, hi, lo, 4 * j);
    m.write32(s.tmpHi, a, v[4 * t + (rev ? 3 - j : j)]!, le);
  }
}

/** Load 8 halfwords, element k from EA+2k in the current byte order. */
function ldHalves(s: CpuState, t: number, hi: number, lo: number): void {
  const m = s.mem;
  const h: number[] = [];
  for (let k = 0; k < 8; k++) {
    const a = addrAdd(s, hi, lo, 2 * k);
    h.push(m.read16(s.tmpHi, a, s.le));
  }
  for (let j = 0; j < 4; j++) s.vsr[4 * t + j] = (h[2 * j]! << 16) | h[2 * j + 1]!;
}

function stHalves(s: CpuState, t: number, hi: number, lo: number): void {
  const m = s.mem;
  probeStore(s, hi, lo, 16);
  for (let k = 0; k < 8; k++) {
    const a = addrAdd(s, hi, lo, 2 * k);
    const w = s.vsr[4 * t + (k >> 1)]!;
    m.write16(s.tmpHi, a, k & 1 ? w & 0xffff : w >>> 16, s.le);
  }
}

/** Load the doubleword at (hi, lo) into doubleword `dw` (0/1) of VSR t, current byte order. */
function ldDw(s: CpuState, t: number, dw: number, hi: number, lo: number): void {
  const l = s.mem.read64(hi, lo, s.le);
  s.vsr[4 * t + 2 * dw] = s.mem.hi64;
  s.vsr[4 * t + 2 * dw + 1] = l;
}

/** Byte scratch for the length-controlled forms (VSR byte order, 0 = most significant). */
const BYTES = new Uint8Array(16);

/** lxvl/lxvll: nb bytes from EA; `left`: byte i <- EA+i always. */
function ldLen(s: CpuState, t: number, hi: number, lo: number, nb: number, left: boolean): void {
  if (nb === 16) {
    ldWords(s, t, hi, lo, !left && s.le, !left && s.le);
    return;
  }
  const b = BYTES;
  b.fill(0);
  const m = s.mem;
  const rev = !left && s.le;
  for (let i = 0; i < nb; i++) {
    const a = addrAdd(s, hi, lo, i);
    b[rev ? 15 - i : i] = m.read8(s.tmpHi, a);
  }
  const v = s.vsr;
  for (let j = 0; j < 4; j++) v[4 * t + j] = (b[4 * j]! << 24) | (b[4 * j + 1]! << 16) | (b[4 * j + 2]! << 8) | b[4 * j + 3]!;
}

function stLen(s: CpuState, t: number, hi: number, lo: number, nb: number, left: boolean): void {
  if (nb === 0) return;
  if (nb === 16) {
    stWords(s, t, hi, lo, !left && s.le, !left && s.le);
    return;
  }
  probeStore(s, hi, lo, nb);
  const m = s.mem;
  const rev = !left && s.le;
  for (let i = 0; i < nb; i++) {
    const a = addrAdd(s, hi, lo, i);
    m.write8(s.tmpHi, a, vsrByte(s, t, rev ? 15 - i : i));
  }
}

/** Length operand of lxvl & co: GPR[RB] bits 0:7, at most 16. */
function lenOf(s: CpuState, i: number): number {
  const nb = s.gprHi[(i >>> 11) & 31]! >>> 24;
  return nb > 16 ? 16 : nb;
}

/** Index (0 = most significant) of the VMX element of `size` bytes that EA selects. */
function elemIndex(s: CpuState, lo: number, size: number): number {
  const n = 16 / size;
  const k = (lo & 15) / size;
  return s.le ? n - 1 - k : k;
}

/** VSX register number of an XX1 instruction: TX (bit 31) || T. */
const xt = (i: number): number => ((i & 1) << 5) | ((i >>> 21) & 31);

export const LOADSTORE_VEC_HANDLERS: HandlerTable = {
  // ---- VMX ----
  lvx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31) & ~15;
    ldWords(s, 32 + ((i >>> 21) & 31), s.tmpHi, lo, s.le, s.le);
  },

  lvxl(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31) & ~15;
    ldWords(s, 32 + ((i >>> 21) & 31), s.tmpHi, lo, s.le, s.le);
  },

  stvx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31) & ~15;
    stWords(s, 32 + ((i >>> 21) & 31), s.tmpHi, lo, s.le, s.le);
  },

  stvxl(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31) & ~15;
    stWords(s, 32 + ((i >>> 21) & 31), s.tmpHi, lo, s.le, s.le);
  },

  lvebx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    setVsrByte(s, 32 + ((i >>> 21) & 31), elemIndex(s, lo, 1), s.mem.read8(s.tmpHi, lo));
  },

  lvehx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31) & ~1;
    const v = s.mem.read16(s.tmpHi, lo, s.le);
    const k = elemIndex(s, lo, 2);
    const t = 32 + ((i >>> 21) & 31);
    setVsrByte(s, t, 2 * k, v >>> 8);
    setVsrByte(s, t, 2 * k + 1, v);
  },

  lvewx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31) & ~3;
    const v = s.mem.read32(s.tmpHi, lo, s.le);
    s.vsr[4 * (32 + ((i >>> 21) & 31)) + elemIndex(s, lo, 4)] = v;
  },

  stvebx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    s.mem.write8(s.tmpHi, lo, vsrByte(s, 32 + ((i >>> 21) & 31), elemIndex(s, lo, 1)));
  },

  stvehx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31) & ~1;
    const t = 32 + ((i >>> 21) & 31);
    const k = elemIndex(s, lo, 2);
    s.mem.write16(s.tmpHi, lo, (vsrByte(s, t, 2 * k) << 8) | vsrByte(s, t, 2 * k + 1), s.le);
  },

  stvewx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31) & ~3;
    s.mem.write32(s.tmpHi, lo, s.vsr[4 * (32 + ((i >>> 21) & 31)) + elemIndex(s, lo, 4)]!, s.le);
  },

  lvsl(s, i) {
    const sh = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31) & 15;
    const t = 4 * (32 + ((i >>> 21) & 31));
    for (let j = 0; j < 4; j++) s.vsr[t + j] = 0x00010203 + 0x04040404 * j + 0x01010101 * sh;
  },

  lvsr(s, i) {
    const sh = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31) & 15;
    const t = 4 * (32 + ((i >>> 21) & 31));
    for (let j = 0; j < 4; j++) s.vsr[t + j] = 0x10111213 + 0x04040404 * j - 0x01010101 * sh;
  },

  // ---- VSX vector ----
  lxvx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    ldWords(s, xt(i), s.tmpHi, lo, s.le, s.le);
  },

  stxvx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    stWords(s, xt(i), s.tmpHi, lo, s.le, s.le);
  },

  lxv(s, i) {
    const lo = eaDisp(s, (i >>> 16) & 31, ((i << 16) >> 16) & ~15);
    ldWords(s, (((i >>> 3) & 1) << 5) | ((i >>> 21) & 31), s.tmpHi, lo, s.le, s.le);
  },

  stxv(s, i) {
    const lo = eaDisp(s, (i >>> 16) & 31, ((i << 16) >> 16) & ~15);
    stWords(s, (((i >>> 3) & 1) << 5) | ((i >>> 21) & 31), s.tmpHi, lo, s.le, s.le);
  },

  lxvd2x(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const hi = s.tmpHi;
    const t = xt(i);
    const m = s.mem;
    const a = m.read64(hi, lo, s.le);
    const ah = m.hi64;
    const lo8 = addrAdd(s, hi, lo, 8);
    const b = m.read64(s.tmpHi, lo8, s.le);
    s.vsr[4 * t] = ah;
    s.vsr[4 * t + 1] = a;
    s.vsr[4 * t + 2] = m.hi64;
    s.vsr[4 * t + 3] = b;
  },

  stxvd2x(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const hi = s.tmpHi;
    const t = xt(i);
    const m = s.mem;
    probeStore(s, hi, lo, 16);
    const lo8 = addrAdd(s, hi, lo, 8);
    const hi8 = s.tmpHi;
    m.write64(hi, lo, s.vsr[4 * t]!, s.vsr[4 * t + 1]!, s.le);
    m.write64(hi8, lo8, s.vsr[4 * t + 2]!, s.vsr[4 * t + 3]!, s.le);
  },

  lxvw4x(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    ldWords(s, xt(i), s.tmpHi, lo, s.le, false);
  },

  stxvw4x(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    stWords(s, xt(i), s.tmpHi, lo, s.le, false);
  },

  lxvh8x(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    ldHalves(s, xt(i), s.tmpHi, lo);
  },

  stxvh8x(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    stHalves(s, xt(i), s.tmpHi, lo);
  },

  lxvb16x(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    ldWords(s, xt(i), s.tmpHi, lo, false, false);
  },

  stxvb16x(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    stWords(s, xt(i), s.tmpHi, lo, false, false);
  },

  lxvdsx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const t = xt(i);
    ldDw(s, t, 0, s.tmpHi, lo);
    s.vsr[4 * t + 2] = s.vsr[4 * t]!;
    s.vsr[4 * t + 3] = s.vsr[4 * t + 1]!;
  },

  lxvwsx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const v = s.mem.read32(s.tmpHi, lo, s.le);
    const t = 4 * xt(i);
    s.vsr[t] = v;
    s.vsr[t + 1] = v;
    s.vsr[t + 2] = v;
    s.vsr[t + 3] = v;
  },

  lxvl(s, i) {
    const lo = eaDisp(s, (i >>> 16) & 31, 0);
    ldLen(s, xt(i), s.tmpHi, lo, lenOf(s, i), false);
  },

  lxvll(s, i) {
    const lo = eaDisp(s, (i >>> 16) & 31, 0);
    ldLen(s, xt(i), s.tmpHi, lo, lenOf(s, i), true);
  },

  stxvl(s, i) {
    const lo = eaDisp(s, (i >>> 16) & 31, 0);
    stLen(s, xt(i), s.tmpHi, lo, lenOf(s, i), false);
  },

  stxvll(s, i) {
    const lo = eaDisp(s, (i >>> 16) & 31, 0);
    stLen(s, xt(i), s.tmpHi, lo, lenOf(s, i), true);
  },

  // ---- VSX scalar. Doubleword 1 of the target (undefined in v3.0B): the XX1
  // forms leave it unchanged, lxsd/lxssp zero it, as QEMU does. ----
  lxsdx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    ldDw(s, xt(i), 0, s.tmpHi, lo);
  },

  stxsdx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const t = xt(i);
    s.mem.write64(s.tmpHi, lo, s.vsr[4 * t]!, s.vsr[4 * t + 1]!, s.le);
  },

  lxsiwax(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const v = s.mem.read32(s.tmpHi, lo, s.le);
    const t = xt(i);
    s.vsr[4 * t] = v >> 31;
    s.vsr[4 * t + 1] = v;
  },

  lxsiwzx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const v = s.mem.read32(s.tmpHi, lo, s.le);
    const t = xt(i);
    s.vsr[4 * t] = 0;
    s.vsr[4 * t + 1] = v;
  },

  stxsiwx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    s.mem.write32(s.tmpHi, lo, s.vsr[4 * xt(i) + 1]!, s.le);
  },

  lxsspx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    spToDp(s.mem.read32(s.tmpHi, lo, s.le), s.vsr, 4 * xt(i));
  },

  stxsspx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const t = xt(i);
    s.mem.write32(s.tmpHi, lo, dpToSp(s.vsr[4 * t]!, s.vsr[4 * t + 1]!), s.le);
  },

  lxsibzx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const t = 4 * xt(i);
    s.vsr[t + 1] = s.mem.read8(s.tmpHi, lo);
    s.vsr[t] = 0;
  },

  lxsihzx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const t = 4 * xt(i);
    s.vsr[t + 1] = s.mem.read16(s.tmpHi, lo, s.le);
    s.vsr[t] = 0;
  },

  stxsibx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    s.mem.write8(s.tmpHi, lo, s.vsr[4 * xt(i) + 1]!);
  },

  stxsihx(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    s.mem.write16(s.tmpHi, lo, s.vsr[4 * xt(i) + 1]!, s.le);
  },

  lxsd(s, i) {
    const lo = eaDisp(s, (i >>> 16) & 31, ((i << 16) >> 16) & ~3);
    const t = 32 + ((i >>> 21) & 31);
    ldDw(s, t, 0, s.tmpHi, lo);
    s.vsr[4 * t + 2] = 0;
    s.vsr[4 * t + 3] = 0;
  },

  stxsd(s, i) {
    const lo = eaDisp(s, (i >>> 16) & 31, ((i << 16) >> 16) & ~3);
    const t = 32 + ((i >>> 21) & 31);
    s.mem.write64(s.tmpHi, lo, s.vsr[4 * t]!, s.vsr[4 * t + 1]!, s.le);
  },

  lxssp(s, i) {
    const lo = eaDisp(s, (i >>> 16) & 31, ((i << 16) >> 16) & ~3);
    const t = 4 * (32 + ((i >>> 21) & 31));
    spToDp(s.mem.read32(s.tmpHi, lo, s.le), s.vsr, t);
    s.vsr[t + 2] = 0;
    s.vsr[t + 3] = 0;
  },

  stxssp(s, i) {
    const lo = eaDisp(s, (i >>> 16) & 31, ((i << 16) >> 16) & ~3);
    const t = 32 + ((i >>> 21) & 31);
    s.mem.write32(s.tmpHi, lo, dpToSp(s.vsr[4 * t]!, s.vsr[4 * t + 1]!), s.le);
  },
};
