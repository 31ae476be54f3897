// Interpreter: VSX logical, permute, merge, splat, byte-reverse and
// insert/extract (xxland … xxinsertw). Pure bit movement: no FPSCR effects.
// VSR i word j is s.vsr[4*i + j], word 0 the most significant.

import type { HandlerTable } from './handler.js';

/** XT = TX||T (TX is bit 31). Returns the index of word 0 in s.vsr. */
const xt = (i: number): number => 4 * (((i & 1) << 5) | ((i >>> 21) & 31));
/** XA = AX||A (AX is bit 29). */
const xa = (i: number): number => 4 * (((i & 4) << 3) | ((i >>> 16) & 31));
/** XB = BX||B (BX is bit 30). */
const xb = (i: number): number => 4 * (((i & 2) << 4) | ((i >>> 11) & 31));
/** XC = CX||C (CX is bit 28). */
const xc = (i: number): number => 4 * (((i & 8) << 2) | ((i >>> 6) & 31));

const bytes = new Uint8Array(48);

/** Spread VSR words at v into bytes[off..off+15], big-endian (byte 0 most significant). */
function toBytes(vsr: Uint32Array, v: number, off: number): void {
  for (let k = 0; k < 4; k++) {
    const w = vsr[v + k]!;
    bytes[off + 4 * k] = w >>> 24;
    bytes[off + 4 * k + 1] = w >>> 16;
    bytes[off + 4 * k + 2] = w >>> 8;
    bytes[off + 4 * k + 3] = w;
  }
}

function fromBytes(vsr: Uint32Array, v: number, off: number): void {
  for (let k = 0; k < 4; k++) {
    const o = off + 4 * k;
    vsr[v + k] = (bytes[o]! << 24) | (bytes[o + 1]! << 16) | (bytes[o + 2]! << 8) | bytes[o + 3]!;
  }
}

function logical(op: (a: number, b: number) => number): (s: { vsr: Uint32Array }, i: number) => void {
  return (s, i) => {
    const t = xt(i);
    const a = xa(i);
    const b = xb(i);
    const v = s.vsr;
    v[t] = op(v[a]!, v[b]!);
    v[t + 1] = op(v[a + 1]!, v[b + 1]!);
    v[t + 2] = op(v[a + 2]!, v[b + 2]!);
    v[t + 3] = op(v[a + 3]!, v[b + 3]!);
  };
}

const bswap32 = (w: number): number => ((w >>> 24) | ((w >>> 8) & 0xff00) | ((w & 0xff00) << 8) | (w << 24)) >>> 0;

export const VSX_PERM_HANDLERS: HandlerTable = {
  xxland: logical((a, b) => a & b),
  xxlandc: logical((a, b) => a & ~b),
  xxlor: logical((a, b) => a | b),
  xxlxor: logical((a, b) => a ^ b),
  xxlnor: logical((a, b) => ~(a | b)),
  xxlorc: logical((a, b) => a | ~b),
  xxlnand: logical((a, b) => ~(a & b)),
  xxleqv: logical((a, b) => ~(a ^ b)),

  xxsel(s, i) {
    const t = xt(i);
    const a = xa(i);
    const b = xb(i);
    const c = xc(i);
    const v = s.vsr;
    for (let k = 0; k < 4; k++) v[t + k] = (v[a + k]! & ~v[c + k]!) | (v[b + k]! & v[c + k]!);
  },

  xxperm(s, i) {
    const v = s.vsr;
    toBytes(v, xa(i), 0);
    toBytes(v, xt(i), 16);
    toBytes(v, xb(i), 32);
    for (let k = 0; k < 16; k++) bytes[32 + k] = bytes[bytes[32 + k]! & 31]!;
    fromBytes(v, xt(i), 32);
  },

  xxpermr(s, i) {
    const v = s.vsr;
    toBytes(v, xa(i), 0);
    toBytes(v, xt(i), 16);
    toBytes(v, xb(i), 32);
    for (let k = 0; k < 16; k++) bytes[32 + k] = bytes[31 - (bytes[32 + k]! & 31)]!;
    fromBytes(v, xt(i), 32);
  },

  xxpermdi(s, i) {
    const v = s.vsr;
    const a = xa(i) + ((i >>> 8) & 2);
    const b = xb(i) + ((i >>> 7) & 2);
    const a0 = v[a]!;
    const a1 = v[a + 1]!;
    const b0 = v[b]!;
    const b1 = v[b + 1]!;
    const t = xt(i);
    v[t] = a0;
    v[t + 1] = a1;
    v[t + 2] = b0;
    v[t + 3] = b1;
  },

  xxsldwi(s, i) {
    const v = s.vsr;
    const sh = (i >>> 8) & 3;
    const a = xa(i);
    const b = xb(i);
    const w = [v[a]!, v[a + 1]!, v[a + 2]!, v[a + 3]!, v[b]!, v[b + 1]!, v[b + 2]!, v[b + 3]!];
    const t = xt(i);
    for (let k = 0; k < 4; k++) v[t + k] = w[sh + k]!;
  },

  xxmrghw(s, i) {
    const v = s.vsr;
    const a = xa(i);
    const b = xb(i);
    const a0 = v[a]!, a1 = v[a + 1]!, b0 = v[b]!, b1 = v[b + 1]!;
    const t = xt(i);
    v[t] = a0;
    v[t + 1] = b0;
    v[t + 2] = a1;
    v[t + 3] = b1;
  },

  xxmrglw(s, i) {
    const v = s.vsr;
    const a = xa(i);
    const b = xb(i);
    const a2 = v[a + 2]!, a3 = v[a + 3]!, b2 = v[b + 2]!, b3 = v[b + 3]!;
    const t = xt(i);
    v[t] = a2;
    v[t + 1] = b2;
    v[t + 2] = a3;
    v[t + 3] = b3;
  },

  xxspltw(s, i) {
    const v = s.vsr;
    const w = v[xb(i) + ((i >>> 16) & 3)]!;
    const t = xt(i);
    v[t] = w;
    v[t + 1] = w;
    v[t + 2] = w;
    v[t + 3] = w;
  },

  xxspltib(s, i) {
    const w = ((i >>> 11) & 0xff) * 0x01010101;
    const t = xt(i);
    s.vsr.fill(w, t, t + 4);
  },

  xxbrh(s, i) {
    const v = s.vsr;
    const b = xb(i);
    const t = xt(i);
    for (let k = 0; k < 4; k++) {
      const w = v[b + k]!;
      v[t + k] = ((w >>> 8) & 0x00ff00ff) | ((w & 0x00ff00ff) << 8);
    }
  },

  xxbrw(s, i) {
    const v = s.vsr;
    const b = xb(i);
    const t = xt(i);
    for (let k = 0; k < 4; k++) v[t + k] = bswap32(v[b + k]!);
  },

  xxbrd(s, i) {
    const v = s.vsr;
    const b = xb(i);
    const t = xt(i);
    const w0 = v[b]!, w1 = v[b + 1]!, w2 = v[b + 2]!, w3 = v[b + 3]!;
    v[t] = bswap32(w1);
    v[t + 1] = bswap32(w0);
    v[t + 2] = bswap32(w3);
    v[t + 3] = bswap32(w2);
  },

  xxbrq(s, i) {
    const v = s.vsr;
    const b = xb(i);
    const t = xt(i);
    const w0 = v[b]!, w1 = v[b + 1]!, w2 = v[b + 2]!, w3 = v[b + 3]!;
    v[t] = bswap32(w3);
    v[t + 1] = bswap32(w2);
    v[t + 2] = bswap32(w1);
    v[t + 3] = bswap32(w0);
  },

  xxextractuw(s, i) {
    const v = s.vsr;
    const uim = (i >>> 16) & 15;
    toBytes(v, xb(i), 0);
    bytes.fill(0, 16, 32);
    // UIM > 12 is undefined in the ISA; QEMU wraps around to byte 0.
    for (let k = 0; k < 4; k++) bytes[20 + k] = bytes[(uim + k) & 15]!;
    fromBytes(v, xt(i), 16);
  },

  xxinsertw(s, i) {
    const v = s.vsr;
    const uim = (i >>> 16) & 15;
    const t = xt(i);
    toBytes(v, xb(i), 0);
    toBytes(v, t, 16);
    // UIM > 12 is undefined in the ISA; QEMU drops the bytes past the end.
    for (let k = 0; k < 4 && uim + k < 16; k++) bytes[16 + uim + k] = bytes[4 + k]!;
    fromBytes(v, t, 16);
  },
};
