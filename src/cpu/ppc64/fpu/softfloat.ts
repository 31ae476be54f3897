// IEEE 754 binary64 arithmetic on raw bits, with every rounding mode and exact
// exception flags (a small "softfloat", modelled on QEMU's so results match it).
//
// Operands and results are raw doubleword bits as (hi, lo) uint32/int32 halves.
// A result is left in SF.hi / SF.lo; exception flags accumulate in SF.flags
// (sticky until the caller clears them, like softfloat's float_status).
// `single` rounds the result to binary32 precision and range and returns it in
// double format (QEMU's float64r32_* ops). `mode` is FPSCR[RN]: 0 nearest-even,
// 1 toward zero, 2 toward +inf, 3 toward -inf; 4 = nearest, ties away (fri*).
//
// Fast paths use host doubles (round-to-nearest-even) only where they provably
// give the same bits and flags; everything else goes through an exact BigInt
// slow path: value = (-1)^sign * m * 2^e, rounded once by roundPack().
// Tininess is detected before rounding (as QEMU does for ppc).

export const F_INVALID = 1;
export const F_SNAN = 2; // invalid because an operand was a signalling NaN
export const F_ISI = 4; // inf - inf
export const F_IMZ = 8; // inf * 0
export const F_IDI = 16; // inf / inf
export const F_ZDZ = 32; // 0 / 0
export const F_SQRT = 64; // sqrt of a negative number
export const F_CVTI = 128; // conversion to integer out of range (not NaN)
export const F_DIVZ = 256;
export const F_OVERFLOW = 512;
export const F_UNDERFLOW = 1024;
export const F_INEXACT = 2048;

export const RN_NEAREST = 0;
export const RN_ZERO = 1;
export const RN_UP = 2;
export const RN_DOWN = 3;
export const RN_AWAY = 4;

let FAST = true;
/** Enable/disable the host-double fast paths (tests compare both against each other). */
export function setFastPaths(on: boolean): void {
  FAST = on;
}
export function fastPaths(): boolean {
  return FAST;
}

/** Smallest normal single, as a double. */
const SMIN = 1.1754943508222875e-38;

/** Result bits of the last operation and the accumulated flags. */
export const SF = { hi: 0, lo: 0, flags: 0 };

// ---- bits <-> host double ----
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LW = 1 - HW;

export function toDouble(hi: number, lo: number): number {
  U32[HW] = hi;
  U32[LW] = lo;
  return F64[0]!;
}

/** Store a (non-NaN) host double into SF.hi/SF.lo. */
export function setDouble(d: number): void {
  F64[0] = d;
  SF.hi = U32[HW]! | 0;
  SF.lo = U32[LW]! | 0;
}

export function isNaNBits(hi: number, lo: number): boolean {
  return (hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) !== 0 || lo !== 0);
}
export function isSNaNBits(hi: number, lo: number): boolean {
  return isNaNBits(hi, lo) && (hi & 0x80000) === 0;
}
export function isInfBits(hi: number, lo: number): boolean {
  return (hi & 0x7fffffff) === 0x7ff00000 && lo === 0;
}
export function isZeroBits(hi: number, lo: number): boolean {
  return (hi & 0x7fffffff) === 0 && lo === 0;
}

const DEFAULT_NAN_HI = 0x7ff80000;

function setBits(hi: number, lo: number): void {
  SF.hi = hi | 0;
  SF.lo = lo | 0;
}

/** Result is the given NaN, quieted (and truncated to single precision when `single`). */
export function retNaN(hi: number, lo: number, single: boolean): void {
  hi |= 0x80000;
  if (single) lo &= 0xe0000000;
  setBits(hi, lo);
}

function defaultNaN(): void {
  setBits(DEFAULT_NAN_HI, 0);
}

// ---- exact representation ----

// Unpacked finite operand: sign, significand (BigInt), exponent. Exported as
// live bindings for convert.ts (read-only there).
export let uS = 0;
export let uM = 0n;
export let uE = 0;
export function unpack(hi: number, lo: number): void {
  uS = hi >>> 31;
  const ex = (hi >>> 20) & 0x7ff;
  const fr = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo >>> 0);
  if (ex === 0) {
    uM = fr;
    uE = -1074;
  } else {
    uM = fr | (1n << 52n);
    uE = ex - 1075;
  }
}

function bitLen(m: bigint): number {
  return m === 0n ? 0 : m.toString(2).length;
}

export function packZero(sign: number): void {
  setBits(sign ? 0x80000000 : 0, 0);
}

function packInf(sign: number): void {
  setBits(sign ? 0xfff00000 : 0x7ff00000, 0);
}

/** Pack an exact representable value mant*2^q (mant > 0) as a double. */
export function packExact(sign: number, mant: bigint, q: number): void {
  const bl = bitLen(mant);
  const E = q + bl - 1;
  let bits: bigint;
  if (E >= -1022) {
    const frac = (bl - 1 <= 52 ? mant << BigInt(52 - (bl - 1)) : mant >> BigInt(bl - 1 - 52)) & 0xfffffffffffffn;
    bits = (BigInt(E + 1023) << 52n) | frac;
  } else {
    bits = mant << BigInt(q + 1074);
  }
  setBits(Number(bits >> 32n) | (sign ? 0x80000000 : 0), Number(bits & 0xffffffffn));
}

/**
 * Round (-1)^sign * (m + sticky*epsilon) * 2^e to double (or single) precision
 * under `mode`, pack it into SF and raise inexact/overflow/underflow.
 * m > 0. When sticky, m must carry at least two bits below the result's lsb.
 */
export function roundPack(sign: number, m: bigint, e: number, sticky: boolean, mode: number, single: boolean): void {
  const p = single ? 24 : 53;
  const emin = single ? -126 : -1022;
  const emax = single ? 127 : 1023;
  const bl = bitLen(m);
  const E = e + bl - 1;
  const tiny = E < emin;
  const q = Math.max(E - (p - 1), emin - (p - 1));
  let shift = q - e;
  let mant: bigint;
  let inexact = sticky;
  if (shift <= 0) {
    mant = m << BigInt(-shift);
  } else {
    const sh = BigInt(shift);
    mant = m >> sh;
    const rem = m & ((1n << sh) - 1n);
    const half = 1n << (sh - 1n);
    if (rem !== 0n) inexact = true;
    let up = false;
    if (inexact) {
      switch (mode) {
        case RN_NEAREST:
          up = rem > half || (rem === half && (sticky || (mant & 1n) === 1n));
          break;
        case RN_AWAY:
          up = rem >= half;
          break;
        case RN_UP:
          up = sign === 0;
          break;
        case RN_DOWN:
          up = sign === 1;
          break;
        default:
          up = false;
      }
    }
    if (up) mant += 1n;
  }
  shift = 0;
  if (mant === 0n) {
    // Underflow to zero.
    SF.flags |= F_INEXACT | F_UNDERFLOW;
    packZero(sign);
    return;
  }
  const E2 = q + bitLen(mant) - 1;
  if (E2 > emax) {
    SF.flags |= F_OVERFLOW | F_INEXACT;
    const toInf = mode === RN_NEAREST || mode === RN_AWAY || (mode === RN_UP && sign === 0) || (mode === RN_DOWN && sign === 1);
    if (toInf) packInf(sign);
    else if (single) setBits(sign ? 0xc7efffff : 0x47efffff, 0xe0000000);
    else setBits(sign ? 0xffefffff : 0x7fefffff, 0xffffffff);
    return;
  }
  if (inexact) {
    SF.flags |= F_INEXACT;
    if (tiny) SF.flags |= F_UNDERFLOW;
  }
  packExact(sign, mant, q);
}

// ---- NaN selection (ppc: first NaN operand in order a, b) ----

/** If a or b is a NaN, set the result and flags and return true. */
function pickNaN2(ah: number, al: number, bh: number, bl: number, single: boolean): boolean {
  const an = isNaNBits(ah, al);
  const bn = isNaNBits(bh, bl);
  if (!an && !bn) return false;
  if ((an && (ah & 0x80000) === 0) || (bn && (bh & 0x80000) === 0)) SF.flags |= F_INVALID | F_SNAN;
  if (an) retNaN(ah, al, single);
  else retNaN(bh, bl, single);
  return true;
}

// ---- arithmetic ----

/**
 * When one addend lies entirely far below the other's rounding position it only
 * acts as a sticky bit: round (big +- epsilon) without a huge alignment shift.
 */
function farApart(sa: number, ma: bigint, ea: number, sb: number, mb: bigint, eb: number, mode: number, single: boolean): boolean {
  const p = single ? 24 : 53;
  const la = ea + bitLen(ma);
  const lb = eb + bitLen(mb);
  const limit = Math.max(la, lb) - 2 * p - 160;
  if (Math.min(la, lb) >= limit) return false;
  const K = p + 8;
  const d = sa === sb ? 1n : -1n;
  if (la < lb) roundPack(sb, (mb << BigInt(K)) + d, eb - K, false, mode, single);
  else roundPack(sa, (ma << BigInt(K)) + d, ea - K, false, mode, single);
  return true;
}

/** Exact-sum helper: (-1)^sa*ma*2^ea + (-1)^sb*mb*2^eb, rounded. Both may be zero (m = 0). */
function addExact(sa: number, ma: bigint, ea: number, sb: number, mb: bigint, eb: number, mode: number, single: boolean): void {
  if (ma === 0n && mb === 0n) {
    if (sa === sb) packZero(sa);
    else packZero(mode === RN_DOWN ? 1 : 0);
    return;
  }
  if (ma === 0n) {
    roundPack(sb, mb, eb, false, mode, single);
    return;
  }
  if (mb === 0n) {
    roundPack(sa, ma, ea, false, mode, single);
    return;
  }
  const e = Math.min(ea, eb);
  if (farApart(sa, ma, ea, sb, mb, eb, mode, single)) return;
  const va = (sa ? -ma : ma) << BigInt(ea - e);
  const vb = (sb ? -mb : mb) << BigInt(eb - e);
  const sum = va + vb;
  if (sum === 0n) {
    packZero(mode === RN_DOWN ? 1 : 0);
    return;
  }
  if (sum < 0n) roundPack(1, -sum, e, false, mode, single);
  else roundPack(0, sum, e, false, mode, single);
}

// Host-double fast path for nearest-even double results: |r| in the normal range
// and finite, operands finite; exactness checked with error-free transformations.
const MIN_NORMAL = 2.2250738585072014e-308;

export function sfAdd(ah: number, al: number, bh: number, bl: number, mode: number, single: boolean, sub: boolean): void {
  if (sub) bh ^= 0x80000000;
  const ax = ah & 0x7ff00000;
  const bx = bh & 0x7ff00000;
  if (ax === 0x7ff00000 || bx === 0x7ff00000) {
    if (sub) bh ^= 0x80000000;
    if (pickNaN2(ah, al, bh, bl, single)) return;
    if (sub) bh ^= 0x80000000;
    const ai = ax === 0x7ff00000;
    const bi = bx === 0x7ff00000;
    if (ai && bi && (ah ^ bh) < 0) {
      SF.flags |= F_INVALID | F_ISI;
      defaultNaN();
    } else if (ai) packInf(ah >>> 31);
    else packInf(bh >>> 31);
    return;
  }
  if (FAST && mode === RN_NEAREST) {
    const a = toDouble(ah, al);
    const b = toDouble(bh, bl);
    const s = a + b;
    const as = Math.abs(s);
    if (!single) {
      if (as >= MIN_NORMAL && as !== Infinity) {
        const bb = s - a;
        const err = a - (s - bb) + (b - bb);
        if (err !== 0) SF.flags |= F_INEXACT;
        setDouble(s);
        return;
      }
    } else if (as > SMIN && as !== Infinity && Math.fround(a) === a && Math.fround(b) === b) {
      // Double rounding is innocuous for one +,-,*,/,sqrt of singles (53 >= 2*24 + 2).
      const f = Math.fround(s);
      if (Math.abs(f) !== Infinity) {
        const bb = s - a;
        const err = a - (s - bb) + (b - bb);
        if (err !== 0 || f !== s) SF.flags |= F_INEXACT;
        setDouble(f);
        return;
      }
    }
  }
  unpack(ah, al);
  const sa = uS;
  const ma = uM;
  const ea = uE;
  unpack(bh, bl);
  addExact(sa, ma, ea, uS, uM, uE, mode, single);
}

const SPLIT = 134217729; // 2^27 + 1

/** Error of the product a*b - p (exact when no over/underflow). */
function twoProdErr(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ahi = t - (t - a);
  const alo = a - ahi;
  t = SPLIT * b;
  const bhi = t - (t - b);
  const blo = b - bhi;
  return alo * blo - (p - ahi * bhi - alo * bhi - ahi * blo);
}

const FAST_HI = 2 ** 995;
const FAST_LO = 2 ** -969;

export function sfMul(ah: number, al: number, bh: number, bl: number, mode: number, single: boolean): void {
  const ax = ah & 0x7ff00000;
  const bx = bh & 0x7ff00000;
  const sign = (ah ^ bh) >>> 31;
  if (ax === 0x7ff00000 || bx === 0x7ff00000) {
    if (pickNaN2(ah, al, bh, bl, single)) return;
    if (isZeroBits(ah, al) || isZeroBits(bh, bl)) {
      SF.flags |= F_INVALID | F_IMZ;
      defaultNaN();
    } else packInf(sign);
    return;
  }
  if (FAST && mode === RN_NEAREST) {
    const a = toDouble(ah, al);
    const b = toDouble(bh, bl);
    const p = a * b;
    const ap = Math.abs(p);
    if (!single) {
      if (ap >= FAST_LO && ap < FAST_HI && Math.abs(a) < FAST_HI && Math.abs(b) < FAST_HI) {
        if (twoProdErr(a, b, p) !== 0) SF.flags |= F_INEXACT;
        setDouble(p);
        return;
      }
    } else if (ap > SMIN && Math.fround(a) === a && Math.fround(b) === b) {
      // The product of two singles is exact in double.
      const f = Math.fround(p);
      if (Math.abs(f) !== Infinity) {
        if (f !== p) SF.flags |= F_INEXACT;
        setDouble(f);
        return;
      }
    }
  }
  unpack(ah, al);
  const ma = uM;
  const ea = uE;
  unpack(bh, bl);
  if (ma === 0n || uM === 0n) {
    packZero(sign);
    return;
  }
  roundPack(sign, ma * uM, ea + uE, false, mode, single);
}

export function sfDiv(ah: number, al: number, bh: number, bl: number, mode: number, single: boolean): void {
  const ax = ah & 0x7ff00000;
  const bx = bh & 0x7ff00000;
  const sign = (ah ^ bh) >>> 31;
  if (ax === 0x7ff00000 || bx === 0x7ff00000) {
    if (pickNaN2(ah, al, bh, bl, single)) return;
    const ai = ax === 0x7ff00000;
    const bi = bx === 0x7ff00000;
    if (ai && bi) {
      SF.flags |= F_INVALID | F_IDI;
      defaultNaN();
    } else if (ai) packInf(sign);
    else packZero(sign);
    return;
  }
  const az = isZeroBits(ah, al);
  const bz = isZeroBits(bh, bl);
  if (bz) {
    if (az) {
      SF.flags |= F_INVALID | F_ZDZ;
      defaultNaN();
    } else {
      SF.flags |= F_DIVZ;
      packInf(sign);
    }
    return;
  }
  if (az) {
    packZero(sign);
    return;
  }
  if (FAST && mode === RN_NEAREST) {
    const a = toDouble(ah, al);
    const b = toDouble(bh, bl);
    const q = a / b;
    const aq = Math.abs(q);
    if (aq >= FAST_LO && aq < FAST_HI && Math.abs(b) < FAST_HI && Math.abs(a) >= FAST_LO && Math.abs(a) < FAST_HI) {
      // q*b == a exactly?
      const p = q * b;
      const inexact = p !== a || twoProdErr(q, b, p) !== 0;
      if (!single) {
        if (inexact) SF.flags |= F_INEXACT;
        setDouble(q);
        return;
      }
      const f = Math.fround(q);
      if (aq > SMIN && Math.abs(f) !== Infinity && Math.fround(a) === a && Math.fround(b) === b) {
        if (inexact || f !== q) SF.flags |= F_INEXACT;
        setDouble(f);
        return;
      }
    }
  }

  unpack(ah, al);
  const ma = uM;
  const ea = uE;
  unpack(bh, bl);
  const mb = uM;
  const k = Math.max(0, (single ? 24 : 53) + 3 - (bitLen(ma) - bitLen(mb)));
  const num = ma << BigInt(k);
  const quo = num / mb;
  const rem = num - quo * mb;
  roundPack(sign, quo, ea - uE - k, rem !== 0n, mode, single);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // Newton refine (Number(n) may be inexact for big n)
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

export function sfSqrt(bh: number, bl: number, mode: number, single: boolean): void {
  if (isNaNBits(bh, bl)) {
    if ((bh & 0x80000) === 0) SF.flags |= F_INVALID | F_SNAN;
    retNaN(bh, bl, single);
    return;
  }
  if (isZeroBits(bh, bl)) {
    setBits(bh, bl);
    return;
  }
  if (bh >>> 31) {
    SF.flags |= F_INVALID | F_SQRT;
    defaultNaN();
    return;
  }
  if (isInfBits(bh, bl)) {
    setBits(bh, bl);
    return;
  }
  if (FAST && mode === RN_NEAREST) {
    const b = toDouble(bh, bl);
    if (b >= FAST_LO) {
      const r = Math.sqrt(b);
      const p = r * r;
      const inexact = p !== b || twoProdErr(r, r, p) !== 0;
      if (!single) {
        if (inexact) SF.flags |= F_INEXACT;
        setDouble(r);
        return;
      }
      if (r > SMIN && Math.fround(b) === b) {
        const f = Math.fround(r);
        if (inexact || f !== r) SF.flags |= F_INEXACT;
        setDouble(f);
        return;
      }
    }
  }

  unpack(bh, bl);
  let m = uM;
  let e = uE;
  if (e & 1) {
    m <<= 1n;
    e -= 1;
  }
  const want = 2 * ((single ? 24 : 53) + 3);
  const k = Math.max(0, Math.ceil((want - bitLen(m)) / 2));
  m <<= BigInt(2 * k);
  e -= 2 * k;
  const r = isqrt(m);
  roundPack(0, r, e / 2, r * r !== m, mode, single);
}

const FMA_LO = 2 ** -900;
const FMA_HI = 2 ** 900;
const BITS = new Float64Array(1);
const BITS32 = new Uint32Array(BITS.buffer);

/** The odd one of v and its neighbour toward `dir` (v != 0): round-to-odd fix-up. */
function makeOdd(v: number, dir: number): number {
  BITS[0] = v;
  let lo = BITS32[LW]!;
  let hi = BITS32[HW]!;
  if (lo & 1) return v;
  if (dir > 0 === v > 0) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  } else {
    if (lo === 0) hi = (hi - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  BITS32[LW] = lo;
  BITS32[HW] = hi;
  return BITS[0]!;
}

/**
 * Nearest-even fused multiply-add with host doubles (Boldo & Melquiond's
 * emulation through round-to-odd), when no intermediate can over/underflow.
 * Returns false to fall back to the exact path.
 */
function fmaFast(ah: number, al: number, bh: number, bl: number, ch: number, cl: number, neg: number, single: boolean): boolean {
  const a = toDouble(ah, al);
  const b = toDouble(bh, bl);
  let c = toDouble(ch, cl);
  if (neg & MADD_NEG_C) c = -c;
  const p = a * b;
  const ap = Math.abs(p);
  const ac = Math.abs(c);
  if (!(ap >= FMA_LO && ap < FMA_HI && Math.abs(a) < FAST_HI && Math.abs(b) < FAST_HI && (ac === 0 || (ac >= FMA_LO && ac < FMA_HI)))) return false;
  const e = twoProdErr(a, b, p);
  let z: number;
  let inexact: boolean;
  if (ac === 0) {
    z = p;
    inexact = e !== 0;
  } else {
    const th = c + p;
    const b1 = th - c;
    const tl = c - (th - b1) + (p - b1);
    let v = tl + e;
    const b2 = v - tl;
    const ve = tl - (v - b2) + (e - b2);
    inexact = false;
    if (ve !== 0) {
      inexact = true;
      v = makeOdd(v, ve);
    }
    z = th + v;
    const b3 = z - th;
    if (th - (z - b3) + (v - b3) !== 0) inexact = true;
  }
  const az = Math.abs(z);
  if (!(az >= FMA_LO && az !== Infinity)) return false;
  if (single) {
    // z = RN_double(x); RN_single(z) = RN_single(x) unless z sits on a single midpoint.
    BITS[0] = z;
    if (inexact && (BITS32[LW]! & 0x1fffffff) === 0x10000000) return false;
    if (!(az > SMIN)) return false;
    const f = Math.fround(z);
    if (Math.abs(f) === Infinity) return false;
    if (f !== z) inexact = true;
    z = f;
  }
  if (inexact) SF.flags |= F_INEXACT;
  setDouble(neg & MADD_NEG_RESULT ? -z : z);
  return true;
}

export const MADD_NEG_C = 1;
export const MADD_NEG_RESULT = 2;

/** Fused a*b + c (negations per `neg`), one rounding. NaN order a, c, b (ppc: frA, frB, frC). */
export function sfMulAdd(ah: number, al: number, bh: number, bl: number, ch: number, cl: number, neg: number, mode: number, single: boolean): void {
  const an = isNaNBits(ah, al);
  const bn = isNaNBits(bh, bl);
  const cn = isNaNBits(ch, cl);
  const ai = isInfBits(ah, al);
  const bi = isInfBits(bh, bl);
  const az = isZeroBits(ah, al);
  const bz = isZeroBits(bh, bl);
  if (an || bn || cn) {
    if ((an && (ah & 0x80000) === 0) || (bn && (bh & 0x80000) === 0) || (cn && (ch & 0x80000) === 0)) SF.flags |= F_INVALID | F_SNAN;
    if ((ai && bz) || (az && bi)) {
      SF.flags |= F_INVALID | F_IMZ;
      retNaN(ch, cl, single);
      return;
    }
    if (an) retNaN(ah, al, single);
    else if (cn) retNaN(ch, cl, single);
    else retNaN(bh, bl, single);
    return;
  }
  if ((ai && bz) || (az && bi)) {
    SF.flags |= F_INVALID | F_IMZ;
    defaultNaN();
    return;
  }
  const ps = (ah ^ bh) >>> 31;
  let cs = ch >>> 31;
  if (neg & MADD_NEG_C) cs ^= 1;
  const rneg = neg & MADD_NEG_RESULT ? 1 : 0;
  const ci = isInfBits(ch, cl);
  if (ai || bi) {
    if (ci && cs !== ps) {
      SF.flags |= F_INVALID | F_ISI;
      defaultNaN();
      return;
    }
    packInf(ps ^ rneg);
    return;
  }
  if (ci) {
    packInf(cs ^ rneg);
    return;
  }
  if (FAST && mode === RN_NEAREST && fmaFast(ah, al, bh, bl, ch, cl, neg, single)) return;
  unpack(ah, al);
  const ma = uM;
  const ea = uE;
  unpack(bh, bl);
  const mp = ma * uM;
  const ep = ea + uE;
  unpack(ch, cl);
  const mc = uM;
  const ec = uE;
  // Exact zero product + zero addend: sign rules (before the result negation).
  if (mp === 0n && mc === 0n) {
    let zs: number;
    if (ps === cs) zs = ps;
    else zs = mode === RN_DOWN ? 1 : 0;
    packZero(zs ^ rneg);
    return;
  }
  // Negating the result before rounding: round (-x) directly.
  const sP = ps ^ rneg;
  const sC = cs ^ rneg;
  if (mp !== 0n && mc !== 0n) {
    const e = Math.min(ep, ec);
    if (farApart(sP, mp, ep, sC, mc, ec, mode, single)) return;
    const vp = (sP ? -mp : mp) << BigInt(ep - e);
    const vc = (sC ? -mc : mc) << BigInt(ec - e);
    const sum = vp + vc;
    if (sum === 0n) {
      packZero((mode === RN_DOWN ? 1 : 0) ^ rneg);
      return;
    }
    if (sum < 0n) roundPack(1, -sum, e, false, mode, single);
    else roundPack(0, sum, e, false, mode, single);
    return;
  }
  if (mp === 0n) roundPack(sC, mc, ec, false, mode, single);
  else roundPack(sP, mp, ep, false, mode, single);
}

/** Round a double to single precision (frsp / float64_to_float32 + back). */
export function sfToSingle(bh: number, bl: number, mode: number): void {
  if (isNaNBits(bh, bl)) {
    if ((bh & 0x80000) === 0) SF.flags |= F_INVALID | F_SNAN;
    retNaN(bh, bl, true);
    return;
  }
  if (isInfBits(bh, bl) || isZeroBits(bh, bl)) {
    setBits(bh, bl);
    return;
  }
  if (FAST && mode === RN_NEAREST) {
    const d = toDouble(bh, bl);
    const f = Math.fround(d);
    // Tininess is judged before rounding: the operand itself must be in the normal range.
    const ad = Math.abs(d);
    if (ad >= 1.1754943508222875e-38 && Math.abs(f) !== Infinity) {
      if (f !== d) SF.flags |= F_INEXACT;
      setDouble(f);
      return;
    }
  }
  unpack(bh, bl);
  roundPack(uS, uM, uE, false, mode, true);
}
