// Interpreter: VMX permute, merge, splat, pack/unpack, bit gather/permute,
// element extract/insert.

import type { CpuState } from '../state.js';
import type { HandlerTable } from './handler.js';
import { vrt, vra, vrb, vrc, A8, B8, C8, T8, A16, B16, T16, T32, ld8, st8, ld16, st16, st32 } from './vmx-common.js';

let sat = 0;

/** Pack the elements of VRA then VRB (n per register, got by el) into VRT. */
function pack16(s: CpuState, i: number, f: (w: number) => number): void {
  // words -> halfwords
  const v = s.vsr;
  const a = vra(i);
  const b = vrb(i);
  sat = 0;
  for (let k = 0; k < 4; k++) {
    T16[k] = f(v[a + k]!);
    T16[k + 4] = f(v[b + k]!);
  }
  st16(v, vrt(i), T16);
  if (sat) s.vscr |= 1;
}

function pack8(s: CpuState, i: number, f: (h: number) => number): void {
  // halfwords -> bytes
  const v = s.vsr;
  sat = 0;
  ld16(v, vra(i), A16);
  ld16(v, vrb(i), B16);
  for (let k = 0; k < 8; k++) {
    T8[k] = f(A16[k]!);
    T8[k + 8] = f(B16[k]!);
  }
  st8(v, vrt(i), T8);
  if (sat) s.vscr |= 1;
}

/** doublewords -> words; f gets (hi, lo) as int32 */
function pack32(s: CpuState, i: number, f: (hi: number, lo: number) => number): void {
  const v = s.vsr;
  const a = vra(i);
  const b = vrb(i);
  sat = 0;
  const r0 = f(v[a]! | 0, v[a + 1]! | 0);
  const r1 = f(v[a + 2]! | 0, v[a + 3]! | 0);
  const r2 = f(v[b]! | 0, v[b + 1]! | 0);
  const r3 = f(v[b + 2]! | 0, v[b + 3]! | 0);
  const t = vrt(i);
  v[t] = r0;
  v[t + 1] = r1;
  v[t + 2] = r2;
  v[t + 3] = r3;
  if (sat) s.vscr |= 1;
}

const satUn = (x: number, max: number): number => (x > max ? ((sat = 1), max) : x);
const satSn = (x: number, min: number, max: number): number => (x > max ? ((sat = 1), max) : x < min ? ((sat = 1), min) : x);

function mergeB(s: CpuState, i: number, off: number): void {
  const v = s.vsr;
  ld8(v, vra(i), A8);
  ld8(v, vrb(i), B8);
  for (let k = 0; k < 8; k++) {
    T8[2 * k] = A8[off + k]!;
    T8[2 * k + 1] = B8[off + k]!;
  }
  st8(v, vrt(i), T8);
}

function mergeH(s: CpuState, i: number, off: number): void {
  const v = s.vsr;
  ld16(v, vra(i), A16);
  ld16(v, vrb(i), B16);
  for (let k = 0; k < 4; k++) {
    T16[2 * k] = A16[off + k]!;
    T16[2 * k + 1] = B16[off + k]!;
  }
  st16(v, vrt(i), T16);
}

function mergeW(s: CpuState, i: number, a0: number, a1: number): void {
  const v = s.vsr;
  const a = vra(i);
  const b = vrb(i);
  const x0 = v[a + a0]!;
  const y0 = v[b + a0]!;
  const x1 = v[a + a1]!;
  const y1 = v[b + a1]!;
  const t = vrt(i);
  v[t] = x0;
  v[t + 1] = y0;
  v[t + 2] = x1;
  v[t + 3] = y1;
}

/** Unpack 8 bytes of VRB starting at off, sign-extended to halfwords. */
function unpackB(s: CpuState, i: number, off: number): void {
  const v = s.vsr;
  ld8(v, vrb(i), B8);
  for (let k = 0; k < 8; k++) T16[k] = (B8[off + k]! << 24) >> 24;
  st16(v, vrt(i), T16);
}

function unpackH(s: CpuState, i: number, off: number): void {
  const v = s.vsr;
  ld16(v, vrb(i), B16);
  for (let k = 0; k < 4; k++) T32[k] = (B16[off + k]! << 16) >> 16;
  st32(v, vrt(i), T32);
}

function unpackW(s: CpuState, i: number, off: number): void {
  const v = s.vsr;
  const b = vrb(i);
  const x = v[b + off]! | 0;
  const y = v[b + off + 1]! | 0;
  const t = vrt(i);
  v[t] = x >> 31;
  v[t + 1] = x;
  v[t + 2] = y >> 31;
  v[t + 3] = y;
}

function unpackPx(s: CpuState, i: number, off: number): void {
  const v = s.vsr;
  ld16(v, vrb(i), B16);
  for (let k = 0; k < 4; k++) {
    const h = B16[off + k]!;
    T32[k] = (h & 0x8000 ? 0xff000000 : 0) | (((h >>> 10) & 31) << 16) | (((h >>> 5) & 31) << 8) | (h & 31);
  }
  st32(v, vrt(i), T32);
}

/** vextract*: `size` bytes of VRB from byte uim, right-justified in doubleword 0 of VRT. */
function extract(s: CpuState, i: number, size: number): void {
  const v = s.vsr;
  let uim = (i >>> 16) & 15;
  if (uim > 16 - size) uim = 0; // undefined in the ISA; QEMU uses byte 0
  ld8(v, vrb(i), B8);
  T8.fill(0);
  for (let k = 0; k < size; k++) T8[8 - size + k] = B8[uim + k]!;
  st8(v, vrt(i), T8);
}

/** vinsert*: the rightmost `size` bytes of doubleword 0 of VRB into VRT at byte uim. */
function insert(s: CpuState, i: number, size: number): void {
  const v = s.vsr;
  const uim = (i >>> 16) & 15;
  if (uim > 16 - size) return; // undefined in the ISA; QEMU leaves VRT unchanged
  const t = vrt(i);
  ld8(v, vrb(i), B8);
  ld8(v, t, T8);
  for (let k = 0; k < size; k++) T8[uim + k] = B8[8 - size + k]!;
  st8(v, t, T8);
}

/**
 * vextu[bhw][lr]x: element of `size` bytes at byte index RA&15 (from the left,
 * or from the right). Out-of-range left indices are undefined in the ISA; QEMU
 * computes (VRB as signed 128 >> ((128 - 8*idx - 8*size) & 127)), so bytes past
 * the end read as the sign of VRB. Same here.
 */
function extractX(s: CpuState, i: number, size: number, right: boolean): void {
  const v = s.vsr;
  const idx = s.gprLo[(i >>> 16) & 31]! & 15;
  ld8(v, vrb(i), B8);
  const sh = ((right ? idx * 8 : 128 - idx * 8 - size * 8) & 127) >>> 3; // in bytes, from the LSB
  const sign = B8[0]! & 0x80 ? 0xff : 0;
  let r = 0;
  for (let k = size - 1; k >= 0; k--) {
    const j = sh + k; // byte j counted from the least significant end
    r = r * 256 + (j < 16 ? B8[15 - j]! : sign);
  }
  const rt = (i >>> 21) & 31;
  s.gprLo[rt] = r | 0;
  s.gprHi[rt] = 0;
}

type F2 = (a: number, b: number) => number;
type F1 = (x: number) => number;
// Lane functions, hoisted so that handlers allocate nothing.
const L_vpkuhum: F1 = (h) => h;
const L_vpkuhus: F1 = (h) => satUn(h, 0xff);
const L_vpkshus: F1 = (h) => satSn((h << 16) >> 16, 0, 0xff);
const L_vpkshss: F1 = (h) => satSn((h << 16) >> 16, -128, 127);
const L_vpkuwum: F1 = (w) => w;
const L_vpkuwus: F1 = (w) => satUn(w, 0xffff);
const L_vpkswus: F1 = (w) => satSn(w | 0, 0, 0xffff);
const L_vpkswss: F1 = (w) => satSn(w | 0, -32768, 32767);
const L_vpkudum: F2 = (_h, l) => l;
const L_vpkudus: F2 = (h, l) => (h !== 0 ? ((sat = 1), -1) : l);
const L_vpksdus: F2 = (h, l) => (h < 0 ? ((sat = 1), 0) : h !== 0 ? ((sat = 1), -1) : l);

export const VMX_PERM_HANDLERS: HandlerTable = {
  vperm(s, i) {
    const v = s.vsr;
    ld8(v, vra(i), A8);
    ld8(v, vrb(i), B8);
    ld8(v, vrc(i), C8);
    for (let k = 0; k < 16; k++) {
      const x = C8[k]!;
      T8[k] = x & 0x10 ? B8[x & 15]! : A8[x & 15]!;
    }
    st8(v, vrt(i), T8);
  },
  vpermr(s, i) {
    const v = s.vsr;
    ld8(v, vra(i), A8);
    ld8(v, vrb(i), B8);
    ld8(v, vrc(i), C8);
    for (let k = 0; k < 16; k++) {
      const x = 31 - (C8[k]! & 31);
      T8[k] = x & 0x10 ? B8[x & 15]! : A8[x & 15]!;
    }
    st8(v, vrt(i), T8);
  },
  vpermxor(s, i) {
    const v = s.vsr;
    ld8(v, vra(i), A8);
    ld8(v, vrb(i), B8);
    ld8(v, vrc(i), C8);
    for (let k = 0; k < 16; k++) {
      const x = C8[k]!;
      T8[k] = A8[x >>> 4]! ^ B8[x & 15]!;
    }
    st8(v, vrt(i), T8);
  },
  vsldoi(s, i) {
    const v = s.vsr;
    const sh = (i >>> 6) & 15;
    const a = vra(i);
    const b = vrb(i);
    if ((sh & 3) === 0) {
      const w = sh >>> 2;
      for (let k = 0; k < 4; k++) T32[k] = k + w < 4 ? v[a + k + w]! : v[b + k + w - 4]!;
      st32(v, vrt(i), T32);
      return;
    }
    ld8(v, a, A8);
    ld8(v, b, B8);
    for (let k = 0; k < 16; k++) T8[k] = k + sh < 16 ? A8[k + sh]! : B8[k + sh - 16]!;
    st8(v, vrt(i), T8);
  },

  vmrghb: (s, i) => mergeB(s, i, 0),
  vmrglb: (s, i) => mergeB(s, i, 8),
  vmrghh: (s, i) => mergeH(s, i, 0),
  vmrglh: (s, i) => mergeH(s, i, 4),
  vmrghw: (s, i) => mergeW(s, i, 0, 1),
  vmrglw: (s, i) => mergeW(s, i, 2, 3),
  vmrgew: (s, i) => mergeW(s, i, 0, 2),
  vmrgow: (s, i) => mergeW(s, i, 1, 3),

  vspltb(s, i) {
    const v = s.vsr;
    const uim = (i >>> 16) & 15;
    const x = (v[vrb(i) + (uim >>> 2)]! >>> (24 - 8 * (uim & 3))) & 0xff;
    const w = x * 0x01010101;
    const t = vrt(i);
    v[t] = w;
    v[t + 1] = w;
    v[t + 2] = w;
    v[t + 3] = w;
  },
  vsplth(s, i) {
    const v = s.vsr;
    const uim = (i >>> 16) & 7;
    const x = (v[vrb(i) + (uim >>> 1)]! >>> (16 - 16 * (uim & 1))) & 0xffff;
    const w = x * 0x00010001;
    const t = vrt(i);
    v[t] = w;
    v[t + 1] = w;
    v[t + 2] = w;
    v[t + 3] = w;
  },
  vspltw(s, i) {
    const v = s.vsr;
    const w = v[vrb(i) + ((i >>> 16) & 3)]!;
    const t = vrt(i);
    v[t] = w;
    v[t + 1] = w;
    v[t + 2] = w;
    v[t + 3] = w;
  },
  vspltisb(s, i) {
    const w = (((i << 11) >> 27) & 0xff) * 0x01010101;
    const t = vrt(i);
    s.vsr.fill(w, t, t + 4);
  },
  vspltish(s, i) {
    const w = (((i << 11) >> 27) & 0xffff) * 0x00010001;
    const t = vrt(i);
    s.vsr.fill(w, t, t + 4);
  },
  vspltisw(s, i) {
    const t = vrt(i);
    s.vsr.fill((i << 11) >> 27, t, t + 4);
  },

  // ---- pack
  vpkuhum: (s, i) => pack8(s, i, L_vpkuhum),
  vpkuhus: (s, i) => pack8(s, i, L_vpkuhus),
  vpkshus: (s, i) => pack8(s, i, L_vpkshus),
  vpkshss: (s, i) => pack8(s, i, L_vpkshss),
  vpkuwum: (s, i) => pack16(s, i, L_vpkuwum),
  vpkuwus: (s, i) => pack16(s, i, L_vpkuwus),
  vpkswus: (s, i) => pack16(s, i, L_vpkswus),
  vpkswss: (s, i) => pack16(s, i, L_vpkswss),
  vpkudum: (s, i) => pack32(s, i, L_vpkudum),
  vpkudus: (s, i) => pack32(s, i, L_vpkudus),
  vpksdus: (s, i) => pack32(s, i, L_vpksdus),
  vpksdss: (s, i) =>
    pack32(s, i, (h, l) => (h === l >> 31 ? l : h < 0 ? ((sat = 1), -2147483648) : ((sat = 1), 2147483647))),
  vpkpx: (s, i) =>
    pack16(s, i, (w) => (((w >>> 24) & 1) << 15) | (((w >>> 19) & 31) << 10) | (((w >>> 11) & 31) << 5) | ((w >>> 3) & 31)),

  // ---- unpack
  vupkhsb: (s, i) => unpackB(s, i, 0),
  vupklsb: (s, i) => unpackB(s, i, 8),
  vupkhsh: (s, i) => unpackH(s, i, 0),
  vupklsh: (s, i) => unpackH(s, i, 4),
  vupkhsw: (s, i) => unpackW(s, i, 0),
  vupklsw: (s, i) => unpackW(s, i, 2),
  vupkhpx: (s, i) => unpackPx(s, i, 0),
  vupklpx: (s, i) => unpackPx(s, i, 4),

  // ---- bit gather / permute
  vgbbd(s, i) {
    const v = s.vsr;
    ld8(v, vrb(i), B8);
    for (let d = 0; d < 16; d += 8) {
      for (let k = 0; k < 8; k++) {
        // result byte k: bit j = bit k of input byte j (bit 0 = MSB)
        let r = 0;
        for (let j = 0; j < 8; j++) r |= ((B8[d + j]! >>> (7 - k)) & 1) << (7 - j);
        T8[d + k] = r;
      }
    }
    st8(v, vrt(i), T8);
  },
  vbpermq(s, i) {
    // bit permute: indices are the bytes of VRB, the bits come from VRA
    const v = s.vsr;
    const b = vra(i);
    ld8(v, vrb(i), A8);
    let r = 0;
    for (let k = 0; k < 16; k++) {
      const idx = A8[k]!;
      if (idx < 128 && (v[b + (idx >>> 5)]! >>> (31 - (idx & 31))) & 1) r |= 0x8000 >>> k;
    }
    const t = vrt(i);
    v[t] = 0;
    v[t + 1] = r;
    v[t + 2] = 0;
    v[t + 3] = 0;
  },
  vbpermd(s, i) {
    const v = s.vsr;
    const b = vra(i);
    ld8(v, vrb(i), A8);
    for (let d = 0; d < 2; d++) {
      let r = 0;
      for (let k = 0; k < 8; k++) {
        const idx = A8[8 * d + k]!;
        if (idx < 64 && (v[b + 2 * d + (idx >>> 5)]! >>> (31 - (idx & 31))) & 1) r |= 0x80 >>> k;
      }
      T32[2 * d] = 0;
      T32[2 * d + 1] = r;
    }
    st32(v, vrt(i), T32);
  },

  // ---- least-significant-bit counts (to a GPR)
  vclzlsbb(s, i) {
    ld8(s.vsr, vrb(i), B8);
    let n = 0;
    while (n < 16 && (B8[n]! & 1) === 0) n++;
    const rt = (i >>> 21) & 31;
    s.gprLo[rt] = n;
    s.gprHi[rt] = 0;
  },
  vctzlsbb(s, i) {
    ld8(s.vsr, vrb(i), B8);
    let n = 0;
    while (n < 16 && (B8[15 - n]! & 1) === 0) n++;
    const rt = (i >>> 21) & 31;
    s.gprLo[rt] = n;
    s.gprHi[rt] = 0;
  },

  // ---- extract / insert
  vextractub: (s, i) => extract(s, i, 1),
  vextractuh: (s, i) => extract(s, i, 2),
  vextractuw: (s, i) => extract(s, i, 4),
  vextractd: (s, i) => extract(s, i, 8),
  vinsertb: (s, i) => insert(s, i, 1),
  vinserth: (s, i) => insert(s, i, 2),
  vinsertw: (s, i) => insert(s, i, 4),
  vinsertd: (s, i) => insert(s, i, 8),
  vextublx: (s, i) => extractX(s, i, 1, false),
  vextubrx: (s, i) => extractX(s, i, 1, true),
  vextuhlx: (s, i) => extractX(s, i, 2, false),
  vextuhrx: (s, i) => extractX(s, i, 2, true),
  vextuwlx: (s, i) => extractX(s, i, 4, false),
  vextuwrx: (s, i) => extractX(s, i, 4, true),
};
