// Generic IEEE 754 binary arithmetic on BigInt bit patterns, for the VSX unit:
// binary16/32/64/128, "r32" (binary64 storage rounded to binary32 range and
// precision) and "x80" (binary128 range rounded to a 64-bit significand, for
// xsrqpxp). Exact results are formed with BigInt and rounded once, so every
// rounding mode, the exception flags and PowerPC's NaN rules come out as QEMU's
// softfloat produces them (tininess detected before rounding; underflow
// signalled only when the tiny result is inexact).
//
// This is the slow, general path; vsx-fp.ts keeps binary32/64 fast paths on
// doubles and falls back here.

/** Rounding modes: 0..3 are FPSCR[RN]; 4 rounds ties away; 5 rounds to odd. */
export const RNE = 0;
export const RZ = 1;
export const RUP = 2;
export const RDN = 3;
export const RNA = 4;
export const RODD = 5;

/** Exception flags (QEMU float_flag_* equivalents). */
export const FL_INVALID = 1;
export const FL_DIVBYZERO = 2;
export const FL_OVERFLOW = 4;
export const FL_UNDERFLOW = 8;
export const FL_INEXACT = 16;
export const FL_SNAN = 32;
export const FL_ISI = 64;
export const FL_IMZ = 128;
export const FL_IDI = 256;
export const FL_ZDZ = 512;
export const FL_SQRT = 1024;
export const FL_CVTI = 2048;

export interface Fmt {
  /** exponent bits */
  readonly e: number;
  /** stored fraction bits */
  readonly m: number;
  /** precision used when rounding (m+1 normally) */
  readonly p: number;
  readonly bias: number;
  /** exponent range used when rounding (unbiased, of the leading bit) */
  readonly emin: number;
  readonly emax: number;
}

const mk = (e: number, m: number): Fmt => {
  const bias = (1 << (e - 1)) - 1;
  return { e, m, p: m + 1, bias, emin: 1 - bias, emax: bias };
};
export const F16 = mk(5, 10);
export const F32 = mk(8, 23);
export const F64 = mk(11, 52);
export const F128 = mk(15, 112);
/** binary128 storage, 64-bit significand rounding (floatx80 precision). */
export const X80: Fmt = { ...F128, p: 64 };
/** binary64 storage rounded to binary32 precision and range (QEMU float64r32). */
export const R32: Fmt = { ...F64, p: 24, emin: -126, emax: 127 };

/** The state a softfloat operation reads and updates. */
export class FStatus {
  mode = RNE;
  flags = 0;
}

// ---- classification and packing

export const C_ZERO = 0;
export const C_NORMAL = 1; // includes denormals
export const C_INF = 2;
export const C_QNAN = 3;
export const C_SNAN = 4;

export interface Unpacked {
  cls: number;
  sign: number;
  /** value = sig * 2^exp (normal class) */
  exp: number;
  sig: bigint;
}

const ONE = 1n;

export function unpack(x: bigint, f: Fmt): Unpacked {
  const fracMask = (ONE << BigInt(f.m)) - ONE;
  const emask = (1 << f.e) - 1;
  const frac = x & fracMask;
  const be = Number((x >> BigInt(f.m)) & BigInt(emask));
  const sign = Number((x >> BigInt(f.m + f.e)) & ONE);
  if (be === emask) {
    if (frac === 0n) return { cls: C_INF, sign, exp: 0, sig: 0n };
    const quiet = (frac >> BigInt(f.m - 1)) & ONE;
    return { cls: quiet ? C_QNAN : C_SNAN, sign, exp: 0, sig: frac };
  }
  if (be === 0) {
    if (frac === 0n) return { cls: C_ZERO, sign, exp: 0, sig: 0n };
    return { cls: C_NORMAL, sign, exp: 1 - f.bias - f.m, sig: frac };
  }
  return { cls: C_NORMAL, sign, exp: be - f.bias - f.m, sig: frac | (ONE << BigInt(f.m)) };
}

function signBit(f: Fmt, sign: number): bigint {
  return sign ? ONE << BigInt(f.m + f.e) : 0n;
}

export function packInf(f: Fmt, sign: number): bigint {
  return signBit(f, sign) | (BigInt((1 << f.e) - 1) << BigInt(f.m));
}

export function packZero(f: Fmt, sign: number): bigint {
  return signBit(f, sign);
}

/** PowerPC default NaN: positive, quiet bit only. */
export function defaultNaN(f: Fmt): bigint {
  return packInf(f, 0) | (ONE << BigInt(f.m - 1));
}

export function isNaN_(x: bigint, f: Fmt): boolean {
  const u = unpack(x, f);
  return u.cls >= C_QNAN;
}

export function isSNaN(x: bigint, f: Fmt): boolean {
  return unpack(x, f).cls === C_SNAN;
}

function quiet(x: bigint, f: Fmt): bigint {
  return x | (ONE << BigInt(f.m - 1));
}

function bitlen(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/** Return the NaN a 2-operand op produces (PowerPC: a if a is a NaN, else b). */
function pickNaN2(st: FStatus, a: bigint, ua: Unpacked, b: bigint, ub: Unpacked, f: Fmt): bigint {
  if (ua.cls === C_SNAN || ub.cls === C_SNAN) st.flags |= FL_INVALID | FL_SNAN;
  return quiet(ua.cls >= C_QNAN ? a : b, f);
}

/**
 * Round sign * (sig * 2^exp) (plus a sticky bit below it) to format f.
 * Returns the packed result.
 */
export function round(st: FStatus, sign: number, sig: bigint, exp: number, sticky: boolean, f: Fmt, mode = st.mode): bigint {
  if (sig === 0n) {
    if (!sticky) return packZero(f, sign);
    // Only a sticky remainder: treat as a tiny value below everything.
    sig = 1n;
    exp -= 4096 + f.p + 64;
    sticky = false;
  }
  const n = bitlen(sig);
  const E = exp + n - 1; // exponent of the leading bit
  const tiny = E < f.emin;
  let q = Math.max(E - (f.p - 1), f.emin - (f.p - 1));
  let inexact = sticky;
  let half = false;
  let rest = sticky;
  if (q > exp) {
    const d = BigInt(q - exp);
    const dropped = sig & ((ONE << d) - ONE);
    sig >>= d;
    if (dropped !== 0n) inexact = true;
    const hb = ONE << (d - ONE);
    half = (dropped & hb) !== 0n;
    rest = rest || (dropped & (hb - ONE)) !== 0n;
  } else if (q < exp) {
    sig <<= BigInt(exp - q);
  }
  if (inexact) {
    let inc = false;
    switch (mode) {
      case RNE:
        inc = half && (rest || (sig & ONE) === ONE);
        break;
      case RNA:
        inc = half;
        break;
      case RZ:
        break;
      case RUP:
        inc = sign === 0;
        break;
      case RDN:
        inc = sign === 1;
        break;
      case RODD:
        sig |= ONE;
        break;
    }
    if (inc) {
      sig += ONE;
      if (sig === ONE << BigInt(f.p)) {
        sig >>= ONE;
        q++;
      }
    }
  }
  let flags = 0;
  if (inexact) flags |= FL_INEXACT;
  if (tiny && inexact) flags |= FL_UNDERFLOW;
  // Overflow: the rounded value's leading exponent exceeds emax.
  if (sig !== 0n && q + bitlen(sig) - 1 > f.emax) {
    st.flags |= flags | FL_OVERFLOW | FL_INEXACT;
    const toMax = mode === RZ || mode === RODD || (mode === RUP && sign === 1) || (mode === RDN && sign === 0);
    if (toMax) return packMax(f, sign);
    return packInf(f, sign);
  }
  st.flags |= flags;
  if (sig === 0n) return packZero(f, sign);
  return packFinite(f, sign, sig, q);
}

/** Largest finite magnitude at the rounding precision. */
function packMax(f: Fmt, sign: number): bigint {
  const sig = (ONE << BigInt(f.p)) - ONE;
  return packFinite(f, sign, sig, f.emax - (f.p - 1));
}

/** Pack sign * sig * 2^q (already representable) into format f. */
export function packFinite(f: Fmt, sign: number, sig: bigint, q: number): bigint {
  // Express with exactly m fraction bits: value = sig * 2^q = S * 2^(E - m).
  const n = bitlen(sig);
  let E = q + n - 1;
  let S: bigint;
  let be: number;
  const semin = 1 - f.bias;
  if (E < semin) {
    // denormal: value = S * 2^(semin - m)
    const sh = q - (semin - f.m);
    S = sh >= 0 ? sig << BigInt(sh) : sig >> BigInt(-sh);
    be = 0;
  } else {
    const sh = q - (E - f.m);
    S = sh >= 0 ? sig << BigInt(sh) : sig >> BigInt(-sh);
    S -= ONE << BigInt(f.m);
    be = E + f.bias;
  }
  E = be;
  return signBit(f, sign) | (BigInt(E) << BigInt(f.m)) | S;
}

// ---- arithmetic

export function add(st: FStatus, a: bigint, b: bigint, f: Fmt, subtract = false): bigint {
  const ua = unpack(a, f);
  const ub = unpack(b, f);
  if (ua.cls >= C_QNAN || ub.cls >= C_QNAN) return pickNaN2(st, a, ua, b, ub, f);
  const bs = ub.sign ^ (subtract ? 1 : 0);
  if (ua.cls === C_INF || ub.cls === C_INF) {
    if (ua.cls === C_INF && ub.cls === C_INF && ua.sign !== bs) {
      st.flags |= FL_INVALID | FL_ISI;
      return defaultNaN(f);
    }
    return packInf(f, ua.cls === C_INF ? ua.sign : bs);
  }
  return addExact(st, ua.sign, ua.cls === C_ZERO ? 0n : ua.sig, ua.exp, bs, ub.cls === C_ZERO ? 0n : ub.sig, ub.exp, f);
}

/** Round sa*ma*2^ea + sb*mb*2^eb; exact zero gets the IEEE sign rules. */
function addExact(st: FStatus, sa: number, ma: bigint, ea: number, sb: number, mb: bigint, eb: number, f: Fmt): bigint {
  if (ma === 0n && mb === 0n) return packZero(f, sa === sb ? sa : st.mode === RDN ? 1 : 0);
  if (ma === 0n) return round(st, sb, mb, eb, false, f);
  if (mb === 0n) return round(st, sa, ma, ea, false, f);
  const e = Math.min(ea, eb);
  let va = ma << BigInt(ea - e);
  let vb = mb << BigInt(eb - e);
  if (sa) va = -va;
  if (sb) vb = -vb;
  const s = va + vb;
  if (s === 0n) return packZero(f, st.mode === RDN ? 1 : 0);
  return s < 0n ? round(st, 1, -s, e, false, f) : round(st, 0, s, e, false, f);
}

export function mul(st: FStatus, a: bigint, b: bigint, f: Fmt): bigint {
  const ua = unpack(a, f);
  const ub = unpack(b, f);
  if (ua.cls >= C_QNAN || ub.cls >= C_QNAN) return pickNaN2(st, a, ua, b, ub, f);
  const sign = ua.sign ^ ub.sign;
  if ((ua.cls === C_INF && ub.cls === C_ZERO) || (ua.cls === C_ZERO && ub.cls === C_INF)) {
    st.flags |= FL_INVALID | FL_IMZ;
    return defaultNaN(f);
  }
  if (ua.cls === C_INF || ub.cls === C_INF) return packInf(f, sign);
  if (ua.cls === C_ZERO || ub.cls === C_ZERO) return packZero(f, sign);
  return round(st, sign, ua.sig * ub.sig, ua.exp + ub.exp, false, f);
}

export function div(st: FStatus, a: bigint, b: bigint, f: Fmt): bigint {
  const ua = unpack(a, f);
  const ub = unpack(b, f);
  if (ua.cls >= C_QNAN || ub.cls >= C_QNAN) return pickNaN2(st, a, ua, b, ub, f);
  const sign = ua.sign ^ ub.sign;
  if (ua.cls === C_INF && ub.cls === C_INF) {
    st.flags |= FL_INVALID | FL_IDI;
    return defaultNaN(f);
  }
  if (ua.cls === C_ZERO && ub.cls === C_ZERO) {
    st.flags |= FL_INVALID | FL_ZDZ;
    return defaultNaN(f);
  }
  if (ua.cls === C_INF) return packInf(f, sign);
  if (ub.cls === C_ZERO) {
    st.flags |= FL_DIVBYZERO;
    return packInf(f, sign);
  }
  if (ua.cls === C_ZERO || ub.cls === C_INF) return packZero(f, sign);
  const k = Math.max(0, f.p + 3 + bitlen(ub.sig) - bitlen(ua.sig));
  const num = ua.sig << BigInt(k);
  const q = num / ub.sig;
  const r = num - q * ub.sig;
  return round(st, sign, q, ua.exp - ub.exp - k, r !== 0n, f);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = ONE << BigInt(Math.ceil(bitlen(n) / 2));
  for (;;) {
    const y = (x + n / x) >> ONE;
    if (y >= x) return x;
    x = y;
  }
}

export function sqrt(st: FStatus, a: bigint, f: Fmt): bigint {
  const ua = unpack(a, f);
  if (ua.cls >= C_QNAN) {
    if (ua.cls === C_SNAN) st.flags |= FL_INVALID | FL_SNAN;
    return quiet(a, f);
  }
  if (ua.cls === C_ZERO) return packZero(f, ua.sign);
  if (ua.sign) {
    st.flags |= FL_INVALID | FL_SQRT;
    return defaultNaN(f);
  }
  if (ua.cls === C_INF) return packInf(f, 0);
  let sig = ua.sig;
  let exp = ua.exp;
  // want at least 2*(p+3) bits and an even exponent
  let sh = Math.max(0, 2 * (f.p + 3) - bitlen(sig));
  if ((exp - sh) & 1) sh++;
  sig <<= BigInt(sh);
  exp -= sh;
  const r = isqrt(sig);
  return round(st, 0, r, exp / 2, r * r !== sig, f);
}

/**
 * Fused multiply-add a*b + c (QEMU muladd operand order; PowerPC's A*C+B maps
 * to a=A, b=C, c=B). negC negates c; the result is NOT negated here (the ISA
 * negates after rounding: callers flip the sign of non-NaN results).
 */
export function muladd(st: FStatus, a: bigint, b: bigint, c: bigint, f: Fmt, negC: boolean): bigint {
  const ua = unpack(a, f);
  const ub = unpack(b, f);
  const uc = unpack(c, f);
  const infzero = (ua.cls === C_INF && ub.cls === C_ZERO) || (ua.cls === C_ZERO && ub.cls === C_INF);
  if (ua.cls >= C_QNAN || ub.cls >= C_QNAN || uc.cls >= C_QNAN) {
    if (ua.cls === C_SNAN || ub.cls === C_SNAN || uc.cls === C_SNAN) st.flags |= FL_INVALID | FL_SNAN;
    if (infzero) {
      st.flags |= FL_INVALID | FL_IMZ;
      return quiet(c, f);
    }
    if (ua.cls >= C_QNAN) return quiet(a, f);
    if (uc.cls >= C_QNAN) return quiet(c, f);
    return quiet(b, f);
  }
  if (infzero) {
    st.flags |= FL_INVALID | FL_IMZ;
    return defaultNaN(f);
  }
  const cs = uc.sign ^ (negC ? 1 : 0);
  const ps = ua.sign ^ ub.sign;
  if (ua.cls === C_INF || ub.cls === C_INF) {
    if (uc.cls === C_INF && cs !== ps) {
      st.flags |= FL_INVALID | FL_ISI;
      return defaultNaN(f);
    }
    return packInf(f, ps);
  }
  if (uc.cls === C_INF) return packInf(f, cs);
  const pm = ua.cls === C_ZERO || ub.cls === C_ZERO ? 0n : ua.sig * ub.sig;
  const cm = uc.cls === C_ZERO ? 0n : uc.sig;
  if (pm === 0n && cm === 0n) return packZero(f, ps === cs ? ps : st.mode === RDN ? 1 : 0);
  return addExact(st, ps, pm, ua.exp + ub.exp, cs, cm, uc.exp, f);
}

/** Round to an integral value in format f with the given mode (QEMU round_to_int). */
export function roundToInt(st: FStatus, a: bigint, f: Fmt, mode: number): bigint {
  const ua = unpack(a, f);
  if (ua.cls >= C_QNAN) {
    if (ua.cls === C_SNAN) st.flags |= FL_INVALID | FL_SNAN;
    return quiet(a, f);
  }
  if (ua.cls !== C_NORMAL || ua.exp >= 0) return a;
  const d = BigInt(-ua.exp);
  const ip = ua.sig >> d;
  const dropped = ua.sig & ((ONE << d) - ONE);
  if (dropped === 0n) return a;
  st.flags |= FL_INEXACT;
  const hb = ONE << (d - ONE);
  const half = (dropped & hb) !== 0n;
  const rest = (dropped & (hb - ONE)) !== 0n;
  let inc = false;
  switch (mode) {
    case RNE:
      inc = half && (rest || (ip & ONE) === ONE);
      break;
    case RNA:
      inc = half;
      break;
    case RUP:
      inc = ua.sign === 0;
      break;
    case RDN:
      inc = ua.sign === 1;
      break;
    case RODD:
      return packIntegral(f, ua.sign, ip | ONE);
  }
  return packIntegral(f, ua.sign, inc ? ip + ONE : ip);
}

function packIntegral(f: Fmt, sign: number, v: bigint): bigint {
  if (v === 0n) return packZero(f, sign);
  return packFinite(f, sign, v, 0);
}

/** Convert between formats (NaN payloads keep their top bits, sNaN is quieted). */
export function convert(st: FStatus, a: bigint, from: Fmt, to: Fmt): bigint {
  const ua = unpack(a, from);
  if (ua.cls >= C_QNAN) {
    if (ua.cls === C_SNAN) st.flags |= FL_INVALID | FL_SNAN;
    const frac = from.m >= to.m ? ua.sig >> BigInt(from.m - to.m) : ua.sig << BigInt(to.m - from.m);
    return quiet(packInf(to, ua.sign) | frac, to);
  }
  if (ua.cls === C_INF) return packInf(to, ua.sign);
  if (ua.cls === C_ZERO) return packZero(to, ua.sign);
  return round(st, ua.sign, ua.sig, ua.exp, false, to);
}

/**
 * Convert to an integer of `bits` bits (signed or not) with the given mode,
 * saturating; QEMU parts_float_to_sint/uint flag rules (out of range sets
 * invalid+cvti and drops inexact; NaN sets invalid without cvti).
 */
export function toInt(st: FStatus, a: bigint, f: Fmt, bits: number, signed: boolean, mode: number): bigint {
  const ua = unpack(a, f);
  const max = signed ? (ONE << BigInt(bits - 1)) - ONE : (ONE << BigInt(bits)) - ONE;
  const min = signed ? -(ONE << BigInt(bits - 1)) : 0n;
  if (ua.cls >= C_QNAN) {
    st.flags |= FL_INVALID | (ua.cls === C_SNAN ? FL_SNAN : 0);
    return max;
  }
  if (ua.cls === C_INF) {
    st.flags |= FL_INVALID | FL_CVTI;
    return ua.sign ? min : max;
  }
  if (ua.cls === C_ZERO) return 0n;
  const sub = new FStatus();
  const r = roundToInt(sub, a, f, mode);
  const ur = unpack(r, f);
  let v = ur.cls === C_ZERO ? 0n : ur.exp >= 0 ? ur.sig << BigInt(ur.exp) : ur.sig >> BigInt(-ur.exp);
  if (ur.sign) v = -v;
  if (v > max || v < min) {
    st.flags |= FL_INVALID | FL_CVTI;
    return v > max ? max : min;
  }
  st.flags |= sub.flags & FL_INEXACT;
  return v;
}

/** Integer (BigInt, any sign) to format f, rounded with the current mode. */
export function fromInt(st: FStatus, v: bigint, f: Fmt): bigint {
  if (v === 0n) return packZero(f, 0);
  return v < 0n ? round(st, 1, -v, 0, false, f) : round(st, 0, v, 0, false, f);
}

/** Compare: -1 less, 0 equal, 1 greater, 2 unordered. signaling: any NaN raises invalid. */
export function compare(st: FStatus, a: bigint, b: bigint, f: Fmt, signaling: boolean): number {
  const ua = unpack(a, f);
  const ub = unpack(b, f);
  if (ua.cls >= C_QNAN || ub.cls >= C_QNAN) {
    if (ua.cls === C_SNAN || ub.cls === C_SNAN) st.flags |= FL_INVALID | FL_SNAN;
    else if (signaling) st.flags |= FL_INVALID;
    return 2;
  }
  const va = value(ua);
  const vb = value(ub);
  if (va.n === vb.n && va.d === vb.d) return 0;
  return cmpRat(va, vb);
}

interface Rat {
  n: bigint;
  d: number; // value = n * 2^d, with inf encoded by d = Infinity
  inf: number;
}
function value(u: Unpacked): Rat {
  if (u.cls === C_INF) return { n: u.sign ? -1n : 1n, d: 0, inf: u.sign ? -1 : 1 };
  if (u.cls === C_ZERO) return { n: 0n, d: 0, inf: 0 };
  return { n: u.sign ? -u.sig : u.sig, d: u.exp, inf: 0 };
}
function cmpRat(a: Rat, b: Rat): number {
  if (a.inf || b.inf) {
    if (a.inf === b.inf) return 0;
    return a.inf < b.inf ? -1 : 1;
  }
  const e = Math.min(a.d, b.d);
  const x = a.n << BigInt(a.d - e);
  const y = b.n << BigInt(b.d - e);
  return x === y ? 0 : x < y ? -1 : 1;
}
