// Conversions between binary64 and integers, and rounding to an integral
// value (fcti*, fcfid*, fri*), on raw bits with exact flags; see softfloat.ts
// for the conventions (result in SF, flags accumulate in SF.flags).

import {
  SF, F_INVALID, F_SNAN, F_CVTI, F_INEXACT, RN_NEAREST, RN_ZERO, RN_UP, RN_DOWN, RN_AWAY,
  fastPaths, toDouble, setDouble, isNaNBits, isInfBits, isZeroBits, roundPack, packZero, packExact, retNaN,
  unpack, uS, uM, uE,
} from './softfloat.js';

function setBits(hi: number, lo: number): void {
  SF.hi = hi | 0;
  SF.lo = lo | 0;
}

const TWO52 = 4503599627370496;
const TWO32 = 4294967296;

/** Round a host double with |d| < 2^52 to an integral value in `mode`. */
function roundIntNum(d: number, mode: number): number {
  switch (mode) {
    case RN_ZERO:
      return Math.trunc(d);
    case RN_UP:
      return Math.ceil(d);
    case RN_DOWN:
      return Math.floor(d);
    default: {
      let r = Math.floor(d);
      const diff = d - r;
      if (diff > 0.5 || (diff === 0.5 && (mode === RN_AWAY ? r >= 0 : r % 2 !== 0))) r += 1;
      return r;
    }
  }
}

/**
 * Convert to integer: `bits` 32 or 64, `signed`. Result in SF as a 64-bit
 * image: the 32-bit forms give the value sign-extended (signed) or
 * zero-extended (unsigned), as QEMU's int32 -> uint64_t return does (the ISA
 * leaves FRT[0:31] undefined). NaN raises invalid (SF = 0, the caller
 * substitutes the ISA's NaN result); out of range raises invalid with F_CVTI
 * and leaves the saturated value.
 */
export function sfToInt(bh: number, bl: number, mode: number, bits: 32 | 64, signed: boolean): void {
  if (fastPaths()) {
    const d = toDouble(bh, bl);
    if (Math.abs(d) < TWO52) {
      const r = roundIntNum(d, mode);
      const ok = signed ? bits === 64 || (r >= -2147483648 && r <= 2147483647) : r >= 0 && (bits === 64 || r <= 4294967295);
      if (ok) {
        if (r !== d) SF.flags |= F_INEXACT;
        const h = Math.floor(r / TWO32);
        SF.hi = h | 0;
        SF.lo = (r - h * TWO32) | 0;
        return;
      }
    }
  }
  if (isNaNBits(bh, bl)) {
    SF.flags |= F_INVALID | ((bh & 0x80000) === 0 ? F_SNAN : 0);
    // softfloat returns the max positive for NaN; callers replace it.
    setBits(0, 0);
    return;
  }
  const neg = bh >>> 31 === 1;
  let v: bigint;
  let inexact = false;
  if (isInfBits(bh, bl)) {
    v = neg ? -(1n << 70n) : 1n << 70n;
  } else if (isZeroBits(bh, bl)) {
    v = 0n;
  } else {
    unpack(bh, bl);
    const m = uM;
    if (uE >= 0) {
      v = m << BigInt(uE);
    } else if (uE < -60 - 53) {
      // |x| < 2^-60: rounds to 0 or +-1
      inexact = true;
      v = 0n;
      if ((mode === RN_UP && !neg) || (mode === RN_DOWN && neg)) v = 1n;
    } else {
      const sh = BigInt(-uE);
      const ip = m >> sh;
      const rem = m & ((1n << sh) - 1n);
      const half = 1n << (sh - 1n);
      v = ip;
      if (rem !== 0n) {
        inexact = true;
        let up = false;
        switch (mode) {
          case RN_NEAREST:
            up = rem > half || (rem === half && (ip & 1n) === 1n);
            break;
          case RN_AWAY:
            up = rem >= half;
            break;
          case RN_UP:
            up = !neg;
            break;
          case RN_DOWN:
            up = neg;
            break;
        }
        if (up) v += 1n;
      }
    }
    if (neg) v = -v;
  }
  let lo: bigint;
  let hi: bigint;
  if (signed) {
    lo = -(1n << BigInt(bits - 1));
    hi = (1n << BigInt(bits - 1)) - 1n;
  } else {
    lo = 0n;
    hi = (1n << BigInt(bits)) - 1n;
  }
  if (v < lo || v > hi) {
    SF.flags |= F_INVALID | F_CVTI;
    v = v < lo ? lo : hi;
  } else if (inexact) {
    SF.flags |= F_INEXACT;
  }
  const u = BigInt.asUintN(64, v);
  setBits(Number(u >> 32n), Number(u & 0xffffffffn));
}

/** Convert a 64-bit integer (hi, lo) to double/single. */
export function sfFromInt(hi: number, lo: number, signed: boolean, mode: number, single: boolean): void {
  if (fastPaths()) {
    const x = (signed ? hi | 0 : hi >>> 0) * TWO32;
    const y = lo >>> 0;
    const z = x + y;
    const bb = z - x;
    const err = x - (z - bb) + (y - bb);
    if (err === 0) {
      if (!single) {
        setDouble(z);
        return;
      }
      const f = Math.fround(z);
      if (f === z || mode === RN_NEAREST) {
        if (f !== z) SF.flags |= F_INEXACT;
        setDouble(f);
        return;
      }
    } else if (mode === RN_NEAREST && !single) {
      SF.flags |= F_INEXACT;
      setDouble(z);
      return;
    }
  }
  let v = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
  if (signed) v = BigInt.asIntN(64, v);
  if (v === 0n) {
    packZero(0);
    return;
  }
  if (v < 0n) roundPack(1, -v, 0, false, mode, single);
  else roundPack(0, v, 0, false, mode, single);
}

/** Round to an integral value in double format (fri*, float64_round_to_int). */
export function sfRoundToInt(bh: number, bl: number, mode: number): void {
  if (fastPaths()) {
    const d = toDouble(bh, bl);
    if (Math.abs(d) < TWO52) {
      let r = roundIntNum(d, mode);
      if (r === 0) r = bh >>> 31 ? -0 : 0;
      if (r !== d) SF.flags |= F_INEXACT;
      setDouble(r);
      return;
    }
  }
  if (isNaNBits(bh, bl)) {
    if ((bh & 0x80000) === 0) SF.flags |= F_INVALID | F_SNAN;
    retNaN(bh, bl, false);
    return;
  }
  const ex = (bh >>> 20) & 0x7ff;
  if (ex >= 1075 || isZeroBits(bh, bl)) {
    setBits(bh, bl);
    return;
  }
  unpack(bh, bl);
  const sign = uS;
  const sh = BigInt(-uE);
  const m = uM;
  let ip = m >> sh;
  const rem = m & ((1n << sh) - 1n);
  if (rem !== 0n) {
    SF.flags |= F_INEXACT;
    const half = 1n << (sh - 1n);
    let up = false;
    switch (mode) {
      case RN_NEAREST:
        up = rem > half || (rem === half && (ip & 1n) === 1n);
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
    }
    if (up) ip += 1n;
  }
  if (ip === 0n) packZero(sign);
  else packExact(sign, ip, 0);
}
