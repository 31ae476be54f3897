// Interpreter: unit 'fixed', rotate and shift instructions (M, MD, MDS, X and
// XS forms) and extswsli. 64-bit values are (hi, lo) int32 pairs.
//
// Field extraction (ISA bit b is instruction bit 31-b):
//   RS (i>>>21)&31, RA (i>>>16)&31, RB/SH (i>>>11)&31, MB (i>>>6)&31, ME (i>>>1)&31
//   SH6 = sh5 (bit 30) || sh 16:20   -> ((i>>>11)&31) | ((i&2)<<4)
//   MB6/ME6 = mb5 (bit 26) || 21:25  -> ((i>>>6)&31) | (i&0x20)

import type { HandlerTable } from './handler.js';
import type { CpuState } from '../state.js';
import { setCr0 } from './common.js';

/** High words returned by rotl64 / mask64 (the low word is the return value). */
let rotHi = 0;
let maskHi = 0;

/** Rotate the 64-bit value (hi, lo) left by n (0..63). Low word returned, high in rotHi. */
function rotl64(hi: number, lo: number, n: number): number {
  if (n & 32) {
    const t = hi;
    hi = lo;
    lo = t;
  }
  n &= 31;
  if (n === 0) {
    rotHi = hi;
    return lo;
  }
  rotHi = (hi << n) | (lo >>> (32 - n));
  return (lo << n) | (hi >>> (32 - n));
}

/** MASK(mb, me) over 64 bits (ISA numbering, wraps when mb > me). Low word returned, high in maskHi. */
function mask64(mb: number, me: number): number {
  const bh = mb < 32 ? -1 >>> mb : 0;
  const bl = mb < 32 ? -1 : -1 >>> (mb - 32);
  const eh = me < 32 ? -1 << (31 - me) : -1;
  const el = me < 32 ? 0 : -1 << (63 - me);
  if (mb <= me) {
    maskHi = bh & eh;
    return bl & el;
  }
  maskHi = bh | eh;
  return bl | el;
}

/** MASK(mb, me) over 32 bits (wraps when mb > me). */
function mask32(mb: number, me: number): number {
  const b = -1 >>> mb;
  const e = -1 << (31 - me);
  return mb <= me ? b & e : b | e;
}

function rotl32(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

function put(s: CpuState, i: number, hi: number, lo: number): void {
  const ra = (i >>> 16) & 31;
  s.gprHi[ra] = hi;
  s.gprLo[ra] = lo;
  if (i & 1) setCr0(s, hi, lo);
}

/** Shift right algebraic of (hi, lo) by n (0..127): sets CA/CA32, writes RA, CR0 on Rc. */
function sra64(s: CpuState, i: number, hi: number, lo: number, n: number): void {
  let rh: number;
  let rl: number;
  let lost: number; // bits shifted out (nonzero means some 1 bits were lost)
  if (n === 0) {
    rh = hi;
    rl = lo;
    lost = 0;
  } else if (n < 32) {
    rh = hi >> n;
    rl = (lo >>> n) | (hi << (32 - n));
    lost = lo << (32 - n);
  } else if (n < 64) {
    rh = hi >> 31;
    rl = hi >> (n - 32);
    lost = lo | (n === 32 ? 0 : hi << (64 - n));
  } else {
    rh = hi >> 31;
    rl = rh;
    lost = hi | lo;
  }
  const ca = hi < 0 && lost !== 0 ? 1 : 0;
  s.ca = ca;
  s.ca32 = ca;
  put(s, i, rh, rl);
}

export const FIXED_ROTATE_HANDLERS: HandlerTable = {
  rlwinm(s, i) {
    const mb = (i >>> 6) & 31;
    const me = (i >>> 1) & 31;
    const r = rotl32(s.gprLo[(i >>> 21) & 31]!, (i >>> 11) & 31);
    put(s, i, mb > me ? r : 0, r & mask32(mb, me));
  },

  rlwnm(s, i) {
    const mb = (i >>> 6) & 31;
    const me = (i >>> 1) & 31;
    const r = rotl32(s.gprLo[(i >>> 21) & 31]!, s.gprLo[(i >>> 11) & 31]! & 31);
    put(s, i, mb > me ? r : 0, r & mask32(mb, me));
  },

  rlwimi(s, i) {
    const ra = (i >>> 16) & 31;
    const mb = (i >>> 6) & 31;
    const me = (i >>> 1) & 31;
    const r = rotl32(s.gprLo[(i >>> 21) & 31]!, (i >>> 11) & 31);
    const m = mask32(mb, me);
    const lo = (r & m) | (s.gprLo[ra]! & ~m);
    const hi = mb > me ? r : s.gprHi[ra]!;
    put(s, i, hi, lo);
  },

  rldicl(s, i) {
    const rs = (i >>> 21) & 31;
    const sh = ((i >>> 11) & 31) | ((i & 2) << 4);
    const mb = ((i >>> 6) & 31) | (i & 0x20);
    const lo = rotl64(s.gprHi[rs]!, s.gprLo[rs]!, sh);
    if (mb < 32) put(s, i, rotHi & (-1 >>> mb), lo);
    else put(s, i, 0, lo & (-1 >>> (mb - 32)));
  },

  rldicr(s, i) {
    const rs = (i >>> 21) & 31;
    const sh = ((i >>> 11) & 31) | ((i & 2) << 4);
    const me = ((i >>> 6) & 31) | (i & 0x20);
    const lo = rotl64(s.gprHi[rs]!, s.gprLo[rs]!, sh);
    if (me < 32) put(s, i, rotHi & (-1 << (31 - me)), 0);
    else put(s, i, rotHi, lo & (-1 << (63 - me)));
  },

  rldic(s, i) {
    const rs = (i >>> 21) & 31;
    const sh = ((i >>> 11) & 31) | ((i & 2) << 4);
    const mb = ((i >>> 6) & 31) | (i & 0x20);
    const lo = rotl64(s.gprHi[rs]!, s.gprLo[rs]!, sh);
    const ml = mask64(mb, 63 - sh);
    put(s, i, rotHi & maskHi, lo & ml);
  },

  rldimi(s, i) {
    const rs = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    const sh = ((i >>> 11) & 31) | ((i & 2) << 4);
    const mb = ((i >>> 6) & 31) | (i & 0x20);
    const lo = rotl64(s.gprHi[rs]!, s.gprLo[rs]!, sh);
    const ml = mask64(mb, 63 - sh);
    put(s, i, (rotHi & maskHi) | (s.gprHi[ra]! & ~maskHi), (lo & ml) | (s.gprLo[ra]! & ~ml));
  },

  rldcl(s, i) {
    const rs = (i >>> 21) & 31;
    const n = s.gprLo[(i >>> 11) & 31]! & 63;
    const mb = ((i >>> 6) & 31) | (i & 0x20);
    const lo = rotl64(s.gprHi[rs]!, s.gprLo[rs]!, n);
    if (mb < 32) put(s, i, rotHi & (-1 >>> mb), lo);
    else put(s, i, 0, lo & (-1 >>> (mb - 32)));
  },

  rldcr(s, i) {
    const rs = (i >>> 21) & 31;
    const n = s.gprLo[(i >>> 11) & 31]! & 63;
    const me = ((i >>> 6) & 31) | (i & 0x20);
    const lo = rotl64(s.gprHi[rs]!, s.gprLo[rs]!, n);
    if (me < 32) put(s, i, rotHi & (-1 << (31 - me)), 0);
    else put(s, i, rotHi, lo & (-1 << (63 - me)));
  },

  slw(s, i) {
    const n = s.gprLo[(i >>> 11) & 31]! & 63;
    put(s, i, 0, n < 32 ? s.gprLo[(i >>> 21) & 31]! << n : 0);
  },

  srw(s, i) {
    const n = s.gprLo[(i >>> 11) & 31]! & 63;
    put(s, i, 0, n < 32 ? s.gprLo[(i >>> 21) & 31]! >>> n : 0);
  },

  sraw(s, i) {
    const n = s.gprLo[(i >>> 11) & 31]! & 63;
    const x = s.gprLo[(i >>> 21) & 31]!;
    let r: number;
    let ca: number;
    if (n === 0) {
      r = x;
      ca = 0;
    } else if (n < 32) {
      r = x >> n;
      ca = x < 0 && x << (32 - n) !== 0 ? 1 : 0;
    } else {
      r = x >> 31;
      ca = x < 0 ? 1 : 0;
    }
    s.ca = ca;
    s.ca32 = ca;
    put(s, i, r >> 31, r);
  },

  srawi(s, i) {
    const n = (i >>> 11) & 31;
    const x = s.gprLo[(i >>> 21) & 31]!;
    let r: number;
    let ca: number;
    if (n === 0) {
      r = x;
      ca = 0;
    } else {
      r = x >> n;
      ca = x < 0 && x << (32 - n) !== 0 ? 1 : 0;
    }
    s.ca = ca;
    s.ca32 = ca;
    put(s, i, r >> 31, r);
  },

  sld(s, i) {
    const rs = (i >>> 21) & 31;
    const n = s.gprLo[(i >>> 11) & 31]! & 127;
    const hi = s.gprHi[rs]!;
    const lo = s.gprLo[rs]!;
    if (n === 0) put(s, i, hi, lo);
    else if (n < 32) put(s, i, (hi << n) | (lo >>> (32 - n)), lo << n);
    else if (n < 64) put(s, i, lo << (n - 32), 0);
    else put(s, i, 0, 0);
  },

  srd(s, i) {
    const rs = (i >>> 21) & 31;
    const n = s.gprLo[(i >>> 11) & 31]! & 127;
    const hi = s.gprHi[rs]!;
    const lo = s.gprLo[rs]!;
    if (n === 0) put(s, i, hi, lo);
    else if (n < 32) put(s, i, hi >>> n, (lo >>> n) | (hi << (32 - n)));
    else if (n < 64) put(s, i, 0, hi >>> (n - 32));
    else put(s, i, 0, 0);
  },

  srad(s, i) {
    const rs = (i >>> 21) & 31;
    sra64(s, i, s.gprHi[rs]!, s.gprLo[rs]!, s.gprLo[(i >>> 11) & 31]! & 127);
  },

  sradi(s, i) {
    const rs = (i >>> 21) & 31;
    sra64(s, i, s.gprHi[rs]!, s.gprLo[rs]!, ((i >>> 11) & 31) | ((i & 2) << 4));
  },

  extswsli(s, i) {
    const x = s.gprLo[(i >>> 21) & 31]!;
    const n = ((i >>> 11) & 31) | ((i & 2) << 4);
    const hi = x >> 31;
    if (n === 0) put(s, i, hi, x);
    else if (n < 32) put(s, i, (hi << n) | (x >>> (32 - n)), x << n);
    else put(s, i, x << (n - 32), 0);
  },
};
