// Interpreter: unit 'fixed', multiply, divide and modulo instructions.
//
// 64-bit values are (hi, lo) int32 pairs. Products use Math.imul for low
// words and an exact double-based 32x32 high word (umulhi), so no BigInt is
// needed for multiplies. Divides use doubles when both operands fit in 53
// bits (exact: trunc(a/b) is correct for |a| < 2^53) and BigInt otherwise.
//
// Where the ISA leaves results undefined (divide by zero, overflow), the
// results are those of QEMU 7.2: divw/divwu/divd/divdu return the dividend,
// the extended divides return 0, the modulo instructions return 0. divw and
// divwu leave RT[0:31] = 0 (QEMU zero-extends; the ISA leaves them undefined).

import type { HandlerTable } from './handler.js';
import type { CpuState } from '../state.js';
import { setCr0 } from './common.js';

const TWO32 = 4294967296;

/** High 32 bits of the unsigned product of two unsigned 32-bit numbers (as numbers). */
function umulhi(a: number, b: number): number {
  return Math.floor((a * (b >>> 16) + Math.floor((a * (b & 0xffff)) / 65536)) / 65536);
}

// 128-bit product words, most significant first (int32 each), from mul128.
let w3 = 0;
let w2 = 0;
let w1 = 0;
let w0 = 0;

/** Full 128-bit product of two 64-bit values, unsigned, or signed when `signed`. Result in w3..w0. */
function mul128(ah: number, al: number, bh: number, bl: number, signed: boolean): void {
  const a0 = al >>> 0;
  const a1 = ah >>> 0;
  const b0 = bl >>> 0;
  const b1 = bh >>> 0;
  const t1 = umulhi(a0, b0) + (Math.imul(al, bh) >>> 0) + (Math.imul(ah, bl) >>> 0);
  const c1 = Math.floor(t1 / TWO32);
  const t2 = umulhi(a0, b1) + umulhi(a1, b0) + (Math.imul(ah, bh) >>> 0) + c1;
  const c2 = Math.floor(t2 / TWO32);
  w0 = Math.imul(al, bl);
  w1 = t1 | 0;
  w2 = t2 | 0;
  w3 = (umulhi(a1, b1) + c2) | 0;
  if (signed) {
    // high -= (a < 0 ? b : 0) + (b < 0 ? a : 0)
    if (ah < 0) {
      const l = (w2 >>> 0) - b0;
      w3 = (w3 - bh - (l < 0 ? 1 : 0)) | 0;
      w2 = l | 0;
    }
    if (bh < 0) {
      const l = (w2 >>> 0) - a0;
      w3 = (w3 - ah - (l < 0 ? 1 : 0)) | 0;
      w2 = l | 0;
    }
  }
}

function setRT(s: CpuState, i: number, hi: number, lo: number): void {
  const rt = (i >>> 21) & 31;
  s.gprHi[rt] = hi;
  s.gprLo[rt] = lo;
  if (i & 1) setCr0(s, hi, lo);
}

/** OV and OV32 both set to `ov` (multiply/divide overflow), SO sticky. */
function setOv(s: CpuState, ov: number): void {
  s.ov = ov;
  s.ov32 = ov;
  s.so |= ov;
}

function big(hi: number, lo: number): bigint {
  return (BigInt(hi) << 32n) | BigInt(lo >>> 0);
}

function bigU(hi: number, lo: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

let qHi = 0;
/** Low word of a 64-bit BigInt (any sign); high word in qHi. */
function fromBig(v: bigint): number {
  qHi = Number(BigInt.asIntN(32, v >> 32n));
  return Number(BigInt.asIntN(32, v));
}

/** Low word of an integer double (|q| < 2^53); high word in qHi. */
function fromNum(q: number): number {
  qHi = Math.floor(q / TWO32) | 0;
  return q | 0;
}

const SAFE_HI = 0x200000; // |value| < 2^53 when -SAFE_HI <= hi < SAFE_HI

export const FIXED_MULDIV_HANDLERS: HandlerTable = {
  mulli(s, i) {
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const si = (i << 16) >> 16;
    const al = s.gprLo[ra]!;
    s.gprHi[rt] = (umulhi(al >>> 0, si >>> 0) + Math.imul(s.gprHi[ra]!, si) + Math.imul(al, si >> 31)) | 0;
    s.gprLo[rt] = Math.imul(al, si);
  },

  mullw(s, i) {
    const a = s.gprLo[(i >>> 16) & 31]!;
    const b = s.gprLo[(i >>> 11) & 31]!;
    const lo = Math.imul(a, b);
    const hi = (umulhi(a >>> 0, b >>> 0) - (a < 0 ? b >>> 0 : 0) - (b < 0 ? a >>> 0 : 0)) | 0;
    if (i & 0x400) setOv(s, hi !== lo >> 31 ? 1 : 0);
    setRT(s, i, hi, lo);
  },

  mulhw(s, i) {
    const a = s.gprLo[(i >>> 16) & 31]!;
    const b = s.gprLo[(i >>> 11) & 31]!;
    const hi = (umulhi(a >>> 0, b >>> 0) - (a < 0 ? b >>> 0 : 0) - (b < 0 ? a >>> 0 : 0)) | 0;
    setRT(s, i, 0, hi);
  },

  mulhwu(s, i) {
    const a = s.gprLo[(i >>> 16) & 31]!;
    const b = s.gprLo[(i >>> 11) & 31]!;
    setRT(s, i, 0, umulhi(a >>> 0, b >>> 0) | 0);
  },

  mulld(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const al = s.gprLo[ra]!;
    const bl = s.gprLo[rb]!;
    if (i & 0x400) {
      mul128(s.gprHi[ra]!, al, s.gprHi[rb]!, bl, true);
      const sign = w1 >> 31;
      setOv(s, w3 !== sign || w2 !== sign ? 1 : 0);
      setRT(s, i, w1, w0);
      return;
    }
    const hi = (umulhi(al >>> 0, bl >>> 0) + Math.imul(s.gprHi[ra]!, bl) + Math.imul(al, s.gprHi[rb]!)) | 0;
    setRT(s, i, hi, Math.imul(al, bl));
  },

  mulhd(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    mul128(s.gprHi[ra]!, s.gprLo[ra]!, s.gprHi[rb]!, s.gprLo[rb]!, true);
    setRT(s, i, w3, w2);
  },

  mulhdu(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    mul128(s.gprHi[ra]!, s.gprLo[ra]!, s.gprHi[rb]!, s.gprLo[rb]!, false);
    setRT(s, i, w3, w2);
  },

  maddld(s, i) {
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const rc = (i >>> 6) & 31;
    const al = s.gprLo[ra]!;
    const bl = s.gprLo[rb]!;
    const ph = umulhi(al >>> 0, bl >>> 0) + Math.imul(s.gprHi[ra]!, bl) + Math.imul(al, s.gprHi[rb]!);
    const l = (Math.imul(al, bl) >>> 0) + (s.gprLo[rc]! >>> 0);
    s.gprHi[rt] = (ph + s.gprHi[rc]! + (l > 0xffffffff ? 1 : 0)) | 0;
    s.gprLo[rt] = l | 0;
  },

  maddhd(s, i) {
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const rc = (i >>> 6) & 31;
    const ch = s.gprHi[rc]!;
    const cl = s.gprLo[rc]!;
    mul128(s.gprHi[ra]!, s.gprLo[ra]!, s.gprHi[rb]!, s.gprLo[rb]!, true);
    // add RC sign-extended to 128 bits
    const l0 = (w0 >>> 0) + (cl >>> 0);
    const l1 = (w1 >>> 0) + (ch >>> 0) + (l0 > 0xffffffff ? 1 : 0);
    const ext = ch >> 31; // 0 or -1 for the two high words
    const l2 = (w2 >>> 0) + (ext >>> 0) + (l1 > 0xffffffff ? 1 : 0);
    const l3 = (w3 >>> 0) + (ext >>> 0) + (l2 > 0xffffffff ? 1 : 0);
    s.gprHi[rt] = l3 | 0;
    s.gprLo[rt] = l2 | 0;
  },

  maddhdu(s, i) {
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const rc = (i >>> 6) & 31;
    const ch = s.gprHi[rc]!;
    const cl = s.gprLo[rc]!;
    mul128(s.gprHi[ra]!, s.gprLo[ra]!, s.gprHi[rb]!, s.gprLo[rb]!, false);
    const l0 = (w0 >>> 0) + (cl >>> 0);
    const l1 = (w1 >>> 0) + (ch >>> 0) + (l0 > 0xffffffff ? 1 : 0);
    const l2 = (w2 >>> 0) + (l1 > 0xffffffff ? 1 : 0);
    const l3 = (w3 >>> 0) + (l2 > 0xffffffff ? 1 : 0);
    s.gprHi[rt] = l3 | 0;
    s.gprLo[rt] = l2 | 0;
  },

  // ---------------- divide ----------------
  divw(s, i) {
    const a = s.gprLo[(i >>> 16) & 31]!;
    const b = s.gprLo[(i >>> 11) & 31]!;
    const bad = b === 0 || (a === -0x80000000 && b === -1);
    const q = bad ? a : (a / b) | 0;
    if (i & 0x400) setOv(s, bad ? 1 : 0);
    setRT(s, i, 0, q);
  },

  divwu(s, i) {
    const a = s.gprLo[(i >>> 16) & 31]!;
    const b = s.gprLo[(i >>> 11) & 31]!;
    const bad = b === 0;
    const q = bad ? a : ((a >>> 0) / (b >>> 0)) | 0;
    if (i & 0x400) setOv(s, bad ? 1 : 0);
    setRT(s, i, 0, q);
  },

  divwe(s, i) {
    const a = s.gprLo[(i >>> 16) & 31]!;
    const b = s.gprLo[(i >>> 11) & 31]!;
    let q = 0;
    let ov = 1;
    if (b !== 0 && !(a === -0x80000000 && b === -1)) {
      const r = (BigInt(a) << 32n) / BigInt(b);
      if (r >= -0x80000000n && r <= 0x7fffffffn) {
        q = Number(r);
        ov = 0;
      }
    }
    if (i & 0x400) setOv(s, ov);
    setRT(s, i, q >> 31, q);
  },

  divweu(s, i) {
    const a = s.gprLo[(i >>> 16) & 31]!;
    const b = s.gprLo[(i >>> 11) & 31]!;
    let q = 0;
    let ov = 1;
    if (b !== 0) {
      const r = (BigInt(a >>> 0) << 32n) / BigInt(b >>> 0);
      if (r <= 0xffffffffn) {
        q = Number(r) | 0;
        ov = 0;
      }
    }
    if (i & 0x400) setOv(s, ov);
    setRT(s, i, 0, q);
  },

  divd(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const ah = s.gprHi[ra]!;
    const al = s.gprLo[ra]!;
    const bh = s.gprHi[rb]!;
    const bl = s.gprLo[rb]!;
    const bad = (bh === 0 && bl === 0) || (ah === -0x80000000 && al === 0 && bh === -1 && bl === -1);
    let hi: number;
    let lo: number;
    if (bad) {
      hi = ah;
      lo = al;
    } else if (ah >= -SAFE_HI && ah < SAFE_HI && bh >= -SAFE_HI && bh < SAFE_HI) {
      lo = fromNum(Math.trunc((ah * TWO32 + (al >>> 0)) / (bh * TWO32 + (bl >>> 0))));
      hi = qHi;
    } else {
      lo = fromBig(big(ah, al) / big(bh, bl));
      hi = qHi;
    }
    if (i & 0x400) setOv(s, bad ? 1 : 0);
    setRT(s, i, hi, lo);
  },

  divdu(s, i) {
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const ah = s.gprHi[ra]!;
    const al = s.gprLo[ra]!;
    const bh = s.gprHi[rb]!;
    const bl = s.gprLo[rb]!;
    const bad = bh === 0 && bl === 0;
    let hi: number;
    let lo: number;
    if (bad) {
      hi = ah;
      lo = al;
    } else if (ah >>> 0 < SAFE_HI && bh >>> 0 < SAFE_HI) {
      lo = fromNum(Math.floor((ah * TWO32 + (al >>> 0)) / (bh * TWO32 + (bl >>> 0))));
      hi = qHi;
    } else {
      lo = fromBig(bigU(ah, al) / bigU(bh, bl));
      hi = qHi;
    }
    if (i & 0x400) setOv(s, bad ? 1 : 0);
    setRT(s, i, hi, lo);
  },

  divde(s, i) {
    // QEMU 7.2: overflow iff RB = 0 or |RA| >= |RB|; otherwise the low 64 bits
    // of the 128-bit quotient (which may not fit a signed doubleword).
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const a = big(s.gprHi[ra]!, s.gprLo[ra]!);
    const b = big(s.gprHi[rb]!, s.gprLo[rb]!);
    let hi = 0;
    let lo = 0;
    let ov = 1;
    if (b !== 0n && (a < 0n ? -a : a) < (b < 0n ? -b : b)) {
      lo = fromBig((a << 64n) / b);
      hi = qHi;
      ov = 0;
    }
    if (i & 0x400) setOv(s, ov);
    setRT(s, i, hi, lo);
  },

  divdeu(s, i) {
    // Overflow iff RB = 0 or RA >= RB (then the quotient would not fit).
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const a = bigU(s.gprHi[ra]!, s.gprLo[ra]!);
    const b = bigU(s.gprHi[rb]!, s.gprLo[rb]!);
    let hi = 0;
    let lo = 0;
    let ov = 1;
    if (b !== 0n && a < b) {
      lo = fromBig((a << 64n) / b);
      hi = qHi;
      ov = 0;
    }
    if (i & 0x400) setOv(s, ov);
    setRT(s, i, hi, lo);
  },

  // ---------------- modulo ----------------
  modsw(s, i) {
    const rt = (i >>> 21) & 31;
    const a = s.gprLo[(i >>> 16) & 31]!;
    const b = s.gprLo[(i >>> 11) & 31]!;
    const r = b === 0 || (a === -0x80000000 && b === -1) ? 0 : a % b | 0;
    s.gprHi[rt] = r >> 31;
    s.gprLo[rt] = r;
  },

  moduw(s, i) {
    const rt = (i >>> 21) & 31;
    const a = s.gprLo[(i >>> 16) & 31]!;
    const b = s.gprLo[(i >>> 11) & 31]!;
    s.gprHi[rt] = 0;
    s.gprLo[rt] = b === 0 ? 0 : (a >>> 0) % (b >>> 0) | 0;
  },

  modsd(s, i) {
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const ah = s.gprHi[ra]!;
    const al = s.gprLo[ra]!;
    const bh = s.gprHi[rb]!;
    const bl = s.gprLo[rb]!;
    let lo = 0;
    if ((bh === 0 && bl === 0) || (ah === -0x80000000 && al === 0 && bh === -1 && bl === -1)) {
      qHi = 0;
    } else if (ah >= -SAFE_HI && ah < SAFE_HI && bh >= -SAFE_HI && bh < SAFE_HI) {
      lo = fromNum((ah * TWO32 + (al >>> 0)) % (bh * TWO32 + (bl >>> 0)));
    } else {
      lo = fromBig(big(ah, al) % big(bh, bl));
    }
    s.gprHi[rt] = qHi;
    s.gprLo[rt] = lo;
  },

  modud(s, i) {
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const rb = (i >>> 11) & 31;
    const ah = s.gprHi[ra]!;
    const al = s.gprLo[ra]!;
    const bh = s.gprHi[rb]!;
    const bl = s.gprLo[rb]!;
    let lo = 0;
    if (bh === 0 && bl === 0) {
      qHi = 0;
    } else if (ah >>> 0 < SAFE_HI && bh >>> 0 < SAFE_HI) {
      lo = fromNum((ah * TWO32 + (al >>> 0)) % (bh * TWO32 + (bl >>> 0)));
    } else {
      lo = fromBig(bigU(ah, al) % bigU(bh, bl));
    }
    s.gprHi[rt] = qHi;
    s.gprLo[rt] = lo;
  },
};
