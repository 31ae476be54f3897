// The segment lookaside buffer of a hash-MMU thread (Book III 5.7.6): 32
// entries, each an ESID (with V) and the VSID word slbmte wrote (B, VSID,
// Ks, Kp, N, L, C, LP). The values are kept as the instructions see them
// (slbmfee/slbmfev return what slbmte stored), as 64-bit (hi, lo) halves.

/** SLB entries of POWER9. */
export const SLB_SIZE = 32;

// ESID word (RB of slbmte): ESID in bits 0:35, V at bit 36, index in 52:63.
export const SLB_ESID_V_LO = 0x08000000;
// VSID word (RS of slbmte), low half: Ks, Kp, N, L, C, LP.
export const SLB_VSID_KS = 0x800;
export const SLB_VSID_KP = 0x400;
export const SLB_VSID_N = 0x200;
export const SLB_VSID_L = 0x100;
export const SLB_VSID_C = 0x80;
export const SLB_VSID_LP = 0x30;
export const SLB_VSID_LLP = SLB_VSID_L | SLB_VSID_LP;
// High half: B (segment size) in bits 0:1; 0b00 = 256 MiB, 0b01 = 1 TiB.
export const SLB_VSIDH_B = 0xc0000000 | 0;
export const SLB_VSIDH_B_1T = 0x40000000;

/** Base page shift for each valid L||LP encoding of POWER9 (4K, 64K, 16M, 16G), else 0. */
export function basePageShift(vsidLo: number): number {
  switch (vsidLo & SLB_VSID_LLP) {
    case 0:
      return 12;
    case SLB_VSID_L | 0x10:
      return 16;
    case SLB_VSID_L:
      return 24;
    case SLB_VSID_L | 0x20:
      return 34;
    default:
      return 0;
  }
}

export class Slb {
  readonly esidHi = new Int32Array(SLB_SIZE);
  readonly esidLo = new Int32Array(SLB_SIZE);
  readonly vsidHi = new Int32Array(SLB_SIZE);
  readonly vsidLo = new Int32Array(SLB_SIZE);

  /**
   * slbmte: store entry `index`. Returns false for what QEMU refuses with an
   * illegal-instruction program interrupt: an index past the SLB, reserved
   * ESID bits, segment size 0b1x, or a page-size encoding POWER9 lacks.
   */
  store(index: number, esidHi: number, esidLo: number, vsidHi: number, vsidLo: number): boolean {
    if (index >= SLB_SIZE) return false;
    if (esidLo & 0x07fff000) return false; // bits 37:51 reserved (the index is 52:63)
    if (vsidHi & 0x80000000) return false;
    if (!basePageShift(vsidLo)) return false;
    this.esidHi[index] = esidHi;
    this.esidLo[index] = esidLo & ~0xfff;
    this.vsidHi[index] = vsidHi;
    this.vsidLo[index] = vsidLo;
    return true;
  }

  /** The valid entry translating EA (hi, lo), or -1 (a segment interrupt). */
  lookup(hi: number, lo: number): number {
    const e256 = (lo & 0xf0000000) | SLB_ESID_V_LO;
    const e1tHi = hi & 0xffffff00;
    for (let i = 0; i < SLB_SIZE; i++) {
      const el = this.esidLo[i]!;
      if (!(el & SLB_ESID_V_LO)) continue;
      if (this.vsidHi[i]! & SLB_VSIDH_B_1T) {
        if (this.esidHi[i] === e1tHi && el === SLB_ESID_V_LO) return i;
      } else if (this.esidHi[i] === hi && el === e256) return i;
    }
    return -1;
  }

  /** slbie/slbieg: invalidate the entry for EA's segment, if any. Returns whether one was. */
  invalidate(hi: number, lo: number): boolean {
    const i = this.lookup(hi, lo);
    if (i < 0) return false;
    this.esidLo[i] = this.esidLo[i]! & ~SLB_ESID_V_LO;
    return true;
  }

  /**
   * slbia IH: 0 (and the others QEMU treats alike) invalidates every entry;
   * 3 keeps the entries of class 0; 7 invalidates only lookaside
   * information (the TLB), no entries.
   */
  invalidateAll(ih: number): void {
    if (ih === 7) return;
    for (let i = 0; i < SLB_SIZE; i++) {
      if (ih === 3 && !(this.vsidLo[i]! & SLB_VSID_C)) continue;
      this.esidLo[i] = this.esidLo[i]! & ~SLB_ESID_V_LO;
    }
  }

  clear(): void {
    this.esidHi.fill(0);
    this.esidLo.fill(0);
    this.vsidHi.fill(0);
    this.vsidLo.fill(0);
  }
}
