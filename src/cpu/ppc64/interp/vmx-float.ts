// Interpreter: VMX single-precision floating point. Always round-to-nearest-even;
// no exceptions. Bit-exact with QEMU 7.2's vec_status semantics:
//  - VSCR[NJ]=1 flushes tiny results (|exact result| < 2^-126, judged before
//    rounding) to a zero of the result's sign; inputs are not flushed.
//  - NaN results: the first NaN operand (in ISA operand priority), quieted;
//    invalid operations without a NaN operand give the default NaN 0x7fc00000.
//  - vrefp/vrsqrtefp are the correctly rounded 1/x and 1/sqrt(x) (sqrt rounded
//    first); vlogefp is softfloat's float32_log2; vexptefp reproduces QEMU 7.2's
//    float32_exp2 (including its series bug), see exp2q below.

import type { CpuState } from '../state.js';
import type { HandlerTable } from './handler.js';
import { vrt, vra, vrb, vrc, T32, st32, setCr6 } from './vmx-common.js';

const F = new Float32Array(1);
const U = new Uint32Array(F.buffer);
const DNAN = 0x7fc00000;
const TINY = 2 ** -126;

const isNan = (b: number): boolean => (b & 0x7fffffff) >>> 0 > 0x7f800000;
const quiet = (b: number): number => (b | 0x00400000) >>> 0;
function toF(b: number): number {
  U[0] = b;
  return F[0]!;
}
/** VSCR[NJ]=1: a denormal input reads as a zero of its sign (QEMU flushes inputs too). */
function ftz(s: CpuState, b: number): number {
  return (b & 0x7f800000) === 0 && s.vscr & 0x10000 ? (b & 0x80000000) >>> 0 : b;
}
const inF = (s: CpuState, b: number): number => toF(ftz(s, b));
/** Bits of a value already representable as a single (not NaN). */
function bitsOf(x: number): number {
  F[0] = x;
  return U[0]!;
}

/**
 * Bits of the single nearest to x, where x is the exact result or its correct
 * rounding to double with no single-precision midpoint in between. NaN → default
 * NaN; NJ flushes |x| < 2^-126.
 */
function res(s: CpuState, x: number): number {
  if (x !== x) return DNAN;
  if (x !== 0 && x < TINY && x > -TINY && s.vscr & 0x10000) return x < 0 ? 0x80000000 : 0;
  F[0] = x;
  return U[0]!;
}

function nextToward(r: number, up: boolean): number {
  // neighbouring single of r (r finite single)
  F[0] = r;
  let b = U[0]!;
  if (r === 0) b = up ? 1 : 0x80000001;
  else if (r > 0 === up) b++;
  else b--;
  U[0] = b;
  return F[0]!;
}

/** a*c + b rounded once to single (a, c, b singles, no NaN operands). */
function fmaRes(s: CpuState, a: number, c: number, b: number, neg: boolean): number {
  const p = a * c; // exact
  const sum = p + b;
  if (sum !== sum || sum === Infinity || sum === -Infinity) return res(s, neg ? -sum : sum);
  const bb = sum - p;
  const err = p - (sum - bb) + (b - bb); // exact: a*c + b = sum + err
  let r = Math.fround(sum);
  if (err !== 0 && r !== sum) {
    const other = nextToward(r, sum > r);
    if (sum - r === other - sum) r = err > 0 === other > r ? other : r;
  }
  if (s.vscr & 0x10000 && sum !== 0) {
    const m = Math.abs(sum);
    if (m < TINY || (m === TINY && err !== 0 && err > 0 !== sum > 0)) return sum < 0 !== neg ? 0x80000000 : 0;
  }
  return bitsOf(neg ? -r : r);
}

type F2 = (s: CpuState, a: number, b: number) => number;

/** Word lanes of VRA, VRB as bits; NaN operands propagate (VRA first). */
function fp2(s: CpuState, i: number, f: F2): void {
  const v = s.vsr;
  const a = vra(i);
  const b = vrb(i);
  for (let k = 0; k < 4; k++) {
    const x = v[a + k]!;
    const y = v[b + k]!;
    T32[k] = isNan(x) ? quiet(x) : isNan(y) ? quiet(y) : f(s, inF(s, x), inF(s, y));
  }
  st32(v, vrt(i), T32);
}

function fp1(s: CpuState, i: number, f: (s: CpuState, b: number) => number): void {
  const v = s.vsr;
  const b = vrb(i);
  for (let k = 0; k < 4; k++) {
    const y = v[b + k]!;
    T32[k] = isNan(y) ? quiet(y) : f(s, inF(s, y));
  }
  st32(v, vrt(i), T32);
}

function fma(s: CpuState, i: number, neg: boolean): void {
  const v = s.vsr;
  const a = vra(i);
  const b = vrb(i);
  const c = vrc(i);
  for (let k = 0; k < 4; k++) {
    const x = v[a + k]!;
    const y = v[b + k]!;
    const z = v[c + k]!;
    // NaN priority: VRA, VRB, VRC
    T32[k] = isNan(x) ? quiet(x) : isNan(y) ? quiet(y) : isNan(z) ? quiet(z) : fmaRes(s, inF(s, x), inF(s, z), neg ? -inF(s, y) : inF(s, y), neg);
  }
  st32(v, vrt(i), T32);
}

/** max/min: QEMU float32_max/min (not maxnum): NaN propagates, -0 < +0, result flushed by NJ. */
function maxmin(s: CpuState, a: number, b: number, max: boolean): number {
  let r: number;
  if (a === b) r = a === 0 ? (max ? (Object.is(a, -0) ? b : a) : Object.is(a, -0) ? a : b) : a;
  else r = a > b === max ? a : b;
  return res(s, r);
}

function roundInt(s: CpuState, i: number, f: (x: number) => number): void {
  fp1(s, i, (_s, x) => {
    if (x === 0 || !Number.isFinite(x)) return bitsOf(x);
    const r = f(x);
    return bitsOf(r === 0 ? (x < 0 ? -0 : 0) : r);
  });
}

function rne(x: number): number {
  const fl = Math.floor(x);
  const d = x - fl;
  if (d > 0.5) return fl + 1;
  if (d < 0.5) return fl;
  return fl % 2 === 0 ? fl : fl + 1;
}

function cmpfp(s: CpuState, i: number, f: (a: number, b: number) => boolean): void {
  const v = s.vsr;
  const a = vra(i);
  const b = vrb(i);
  for (let k = 0; k < 4; k++) {
    const x = v[a + k]!;
    const y = v[b + k]!;
    T32[k] = isNan(x) || isNan(y) ? 0 : f(inF(s, x), inF(s, y)) ? 0xffffffff : 0;
  }
  const t = vrt(i);
  st32(v, t, T32);
  if (i & 0x400) setCr6(s, v, t);
}

// ---- 64-bit-fraction "parts" arithmetic (QEMU softfloat FloatParts64), for
// vlogefp. value = frac / 2^63 * 2^exp, frac normalized (bit 63 set) or 0n.
interface Parts {
  sign: number;
  exp: number;
  frac: bigint;
}
const M64 = (1n << 64n) - 1n;
const B63 = 1n << 63n;
const B127 = 1n << 127n;

function shrjam(x: bigint, n: number): bigint {
  if (n <= 0) return x;
  if (n >= 64) return x !== 0n ? 1n : 0n;
  const lost = x & ((1n << BigInt(n)) - 1n);
  return (x >> BigInt(n)) | (lost !== 0n ? 1n : 0n);
}

function clz64(x: bigint): number {
  return x === 0n ? 64 : 64 - x.toString(2).length;
}

/** softfloat parts_add_normal: |a| + |b| with a's sign. */
function addNormal(a: Parts, b: Parts): Parts {
  let af = a.frac;
  let bf = b.frac;
  let exp = a.exp;
  const d = a.exp - b.exp;
  if (d > 0) bf = shrjam(bf, d);
  else if (d < 0) {
    af = shrjam(af, -d);
    exp = b.exp;
  }
  let f = af + bf;
  if (f > M64) {
    f = ((f & M64) >> 1n) | (f & 1n) | B63;
    exp += 1;
  }
  return { sign: a.sign, exp, frac: f };
}

/** softfloat parts_sub_normal: |a| - |b| with a's sign (flipped when negative). */
function subNormal(a: Parts, b: Parts): Parts {
  let sign = a.sign;
  let exp = a.exp;
  let f: bigint;
  const d = a.exp - b.exp;
  if (d > 0) f = a.frac - shrjam(b.frac, d);
  else if (d < 0) {
    exp = b.exp;
    sign ^= 1;
    f = b.frac - shrjam(a.frac, -d);
  } else {
    f = a.frac - b.frac;
    if (f < 0n) {
      f = -f;
      sign ^= 1;
    }
  }
  if (f === 0n) return { sign: 0, exp: 0, frac: 0n };
  const sh = clz64(f);
  return { sign, exp: exp - sh, frac: (f << BigInt(sh)) & M64 };
}

/** Round parts to float32 bits (RNE); NJ flushes tiny results. */
function packF32(s: CpuState, x: Parts): number {
  const sign = x.sign ? 0x80000000 : 0;
  if (x.frac === 0n) return sign;
  let e = x.exp + 127;
  let f = x.frac;
  if (e <= 0) {
    if (s.vscr & 0x10000) return sign;
    f = shrjam(f, 1 - e);
    e = 0;
  }
  const half = 1n << 39n;
  const rem = f & ((1n << 40n) - 1n);
  let m = f >> 40n;
  if (rem > half || (rem === half && (m & 1n) === 1n)) m += 1n;
  if (e === 0) return (sign | Number(m)) >>> 0;
  if (m >> 24n) {
    m >>= 1n;
    e += 1;
  }
  if (e >= 255) return (sign | 0x7f800000) >>> 0;
  return (sign | (e << 23) | (Number(m) & 0x7fffff)) >>> 0;
}

/** QEMU 7.2 float32_log2 (softfloat parts_log2) for a non-NaN, unflushed input. */
function log2Bits(b: number): number {
  const sign = b >>> 31;
  const e = (b >>> 23) & 0xff;
  const m = b & 0x7fffff;
  if (e === 0 && m === 0) return 0xff800000; // log2(±0) = -inf
  if (sign) return DNAN;
  if (e === 0xff) return b; // +inf
  let aExp = e - 127;
  let X = BigInt(m | 0x800000) << 104n; // 128-bit, value = X / 2^127
  if (e === 0) {
    const sh = Math.clz32(m) - 8;
    aExp = -126 - sh;
    X = BigInt(m << sh) << 104n;
  }
  let fExp = -1;
  let r = 0n;
  let t = B63;
  const n = aExp === -1 ? 48 : 25;
  let exact = false;
  for (let i = 0; i < n; i++) {
    if (X === B127) {
      exact = true;
      break;
    }
    X = (X * X) >> 128n;
    if (X & B127) {
      if (aExp === 0 && r === 0n) {
        fExp -= i;
        t = r = B63;
        i = 0;
      } else r |= t;
    } else X <<= 1n;
    t >>= 1n;
  }
  if (!exact && (X & ~B127) !== 0n) r |= 1n;
  // a = (float) aExp
  const ae = Math.abs(aExp);
  let a: Parts = { sign: 0, exp: 0, frac: 0n };
  if (ae !== 0) {
    const sh = Math.clz32(ae);
    a = { sign: aExp < 0 ? 1 : 0, exp: 31 - sh, frac: BigInt(ae) << BigInt(32 + sh) };
  }
  if (r === 0n) return packF32NoFlush(a);
  const sh = clz64(r);
  const f: Parts = { sign: 0, exp: fExp - sh, frac: (r << BigInt(sh)) & M64 };
  if (aExp < 0) a = subNormal(a, f);
  else if (aExp > 0) a = addNormal(a, f);
  else a = f;
  return packF32NoFlush(a);
}

/** log2 results are never tiny. */
const NOFLUSH = { vscr: 0 } as CpuState;
const packF32NoFlush = (x: Parts): number => packF32(NOFLUSH, x);

// ---- vexptefp: QEMU 7.2 float32_exp2, a 15-term Taylor series of e^(a ln2)
// evaluated on FloatParts64 (64-bit fractions with sticky truncation, unbounded
// exponents: no intermediate overflow). Rare instruction: BigInt is fine.
function shrjam128(x: bigint, n: number): bigint {
  if (n <= 0) return x;
  if (n >= 128) return x !== 0n ? 1n : 0n;
  const lost = x & ((1n << BigInt(n)) - 1n);
  return (x >> BigInt(n)) | (lost !== 0n ? 1n : 0n);
}
const truncjam = (p: bigint): bigint => (p >> 64n) | ((p & M64) !== 0n ? 1n : 0n);

function f64Parts(bits: bigint): Parts {
  const exp = Number((bits >> 52n) & 0x7ffn) - 1023;
  const frac = ((bits & ((1n << 52n) - 1n)) | (1n << 52n)) << 11n;
  return { sign: Number(bits >> 63n), exp, frac };
}

/** parts_mul of two normal parts. */
function pmul(a: Parts, b: Parts): Parts {
  let f = truncjam(a.frac * b.frac);
  let exp = a.exp + b.exp + 1;
  if (!(f & B63)) {
    f = (f << 1n) & M64;
    exp -= 1;
  }
  return { sign: a.sign ^ b.sign, exp, frac: f };
}

/** parts_muladd: a*b + c, a and b normal. */
function pmuladd(a: Parts, b: Parts, c: Parts): Parts {
  let sign = a.sign ^ b.sign;
  let exp = a.exp + b.exp;
  let p = a.frac * b.frac;
  if (!(p & B127)) p <<= 1n;
  else exp += 1;
  if (c.frac !== 0n) {
    let cf = c.frac << 64n;
    const d = exp - c.exp;
    if (sign === c.sign) {
      if (d > 0) cf = shrjam128(cf, d);
      else if (d < 0) {
        p = shrjam128(p, -d);
        exp = c.exp;
      }
      p += cf;
      if (p >> 128n) {
        p = shrjam128(p, 1);
        exp += 1;
      }
    } else {
      if (d > 0) p -= shrjam128(cf, d);
      else if (d < 0) {
        exp = c.exp;
        sign ^= 1;
        p = cf - shrjam128(p, -d);
      } else {
        p -= cf;
        if (p < 0n) {
          p = -p;
          sign ^= 1;
        }
      }
      if (p === 0n) return { sign: 0, exp: 0, frac: 0n };
      const sh = 128 - p.toString(2).length;
      p <<= BigInt(sh);
      exp -= sh;
    }
  }
  return { sign, exp, frac: truncjam(p) };
}

const LN2 = f64Parts(0x3fe62e42fefa39efn);
const ONE = f64Parts(0x3ff0000000000000n);
const EXP2_COEF = [
  0x3ff0000000000000n, 0x3fe0000000000000n, 0x3fc5555555555555n, 0x3fa5555555555555n, 0x3f81111111111111n,
  0x3f56c16c16c16c17n, 0x3f2a01a01a01a01an, 0x3efa01a01a01a01an, 0x3ec71de3a556c734n, 0x3e927e4fb7789f5cn,
  0x3e5ae64567f544e4n, 0x3e21eed8eff8d898n, 0x3de6124613a86d09n, 0x3da93974a8c07c9dn, 0x3d6ae7f3e733b81fn,
].map(f64Parts);

/** exp2 of a non-NaN input (bits, already NJ-flushed). */
function exp2Bits(s: CpuState, b: number): number {
  const e = (b >>> 23) & 0xff;
  const m = b & 0x7fffff;
  if (e === 0xff) return b >>> 31 ? 0 : b; // ±inf
  if (e === 0 && m === 0) return 0x3f800000;
  let exp = e - 127;
  let frac = BigInt(m | 0x800000) << 40n;
  if (e === 0) {
    const sh = Math.clz32(m) - 8;
    exp = -126 - sh;
    frac = BigInt(m << sh) << 40n;
  }
  const x = pmul({ sign: b >>> 31, exp, frac }, LN2);
  let xn = x;
  let r = ONE;
  for (const c of EXP2_COEF) {
    r = pmuladd(c, xn, r);
    xn = pmul(xn, x);
  }
  return packF32(s, r);
}

export const VMX_FLOAT_HANDLERS: HandlerTable = {
  vaddfp: (s, i) => fp2(s, i, (s, a, b) => res(s, a + b)),
  vsubfp: (s, i) => fp2(s, i, (s, a, b) => res(s, a - b)),
  vmaxfp: (s, i) => fp2(s, i, (s, a, b) => maxmin(s, a, b, true)),
  vminfp: (s, i) => fp2(s, i, (s, a, b) => maxmin(s, a, b, false)),
  vmaddfp: (s, i) => fma(s, i, false),
  vnmsubfp: (s, i) => fma(s, i, true),

  vrefp: (s, i) => fp1(s, i, (s, x) => res(s, 1 / x)),
  vrsqrtefp: (s, i) => fp1(s, i, (s, x) => res(s, 1 / Math.fround(Math.sqrt(x)))),
  vexptefp(s, i) {
    const v = s.vsr;
    const b = vrb(i);
    for (let k = 0; k < 4; k++) {
      const y = v[b + k]!;
      T32[k] = isNan(y) ? quiet(y) : exp2Bits(s, ftz(s, y));
    }
    st32(v, vrt(i), T32);
  },
  vlogefp(s, i) {
    const v = s.vsr;
    const b = vrb(i);
    for (let k = 0; k < 4; k++) {
      const y = v[b + k]!;
      T32[k] = isNan(y) ? quiet(y) : log2Bits(ftz(s, y));
    }
    st32(v, vrt(i), T32);
  },

  vrfin: (s, i) => roundInt(s, i, rne),
  vrfiz: (s, i) => roundInt(s, i, Math.trunc),
  vrfip: (s, i) => roundInt(s, i, Math.ceil),
  vrfim: (s, i) => roundInt(s, i, Math.floor),

  vcfux(s, i) {
    const v = s.vsr;
    const b = vrb(i);
    const sc = 2 ** -((i >>> 16) & 31);
    for (let k = 0; k < 4; k++) T32[k] = bitsOf(Math.fround(Math.fround(v[b + k]!) * sc));
    st32(v, vrt(i), T32);
  },
  vcfsx(s, i) {
    const v = s.vsr;
    const b = vrb(i);
    const sc = 2 ** -((i >>> 16) & 31);
    for (let k = 0; k < 4; k++) T32[k] = bitsOf(Math.fround(Math.fround(v[b + k]! | 0) * sc));
    st32(v, vrt(i), T32);
  },
  vctuxs(s, i) {
    const v = s.vsr;
    const b = vrb(i);
    const sc = 2 ** ((i >>> 16) & 31);
    let sat = 0;
    for (let k = 0; k < 4; k++) {
      const y = v[b + k]!;
      if (isNan(y)) {
        T32[k] = 0;
        continue;
      }
      const t = Math.trunc(inF(s, y) * sc);
      T32[k] = t > 0xffffffff ? ((sat = 1), 0xffffffff) : t < 0 ? ((sat = 1), 0) : t;
    }
    st32(v, vrt(i), T32);
    if (sat) s.vscr |= 1;
  },
  vctsxs(s, i) {
    const v = s.vsr;
    const b = vrb(i);
    const sc = 2 ** ((i >>> 16) & 31);
    let sat = 0;
    for (let k = 0; k < 4; k++) {
      const y = v[b + k]!;
      if (isNan(y)) {
        T32[k] = 0;
        continue;
      }
      const t = Math.trunc(inF(s, y) * sc);
      T32[k] = t > 2147483647 ? ((sat = 1), 2147483647) : t < -2147483648 ? ((sat = 1), -2147483648) : t;
    }
    st32(v, vrt(i), T32);
    if (sat) s.vscr |= 1;
  },

  vcmpeqfp: (s, i) => cmpfp(s, i, (a, b) => a === b),
  vcmpgefp: (s, i) => cmpfp(s, i, (a, b) => a >= b),
  vcmpgtfp: (s, i) => cmpfp(s, i, (a, b) => a > b),
  vcmpbfp(s, i) {
    const v = s.vsr;
    const a = vra(i);
    const b = vrb(i);
    let out = 0;
    for (let k = 0; k < 4; k++) {
      const x = v[a + k]!;
      const y = v[b + k]!;
      if (isNan(x) || isNan(y)) {
        T32[k] = 0xc0000000;
        out = 1;
        continue;
      }
      const fx = inF(s, x);
      const fy = inF(s, y);
      const le = fx <= fy;
      const ge = fx >= -fy;
      T32[k] = ((le ? 0 : 0x80000000) | (ge ? 0 : 0x40000000)) >>> 0;
      if (!le || !ge) out = 1;
    }
    const t = vrt(i);
    st32(v, t, T32);
    if (i & 0x400) s.cr = (s.cr & ~0xf0) | (out ? 0 : 0x20);
  },
};
