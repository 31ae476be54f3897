// A hashed page table (Book III 5.7.7): 2^order bytes of 128-byte groups
// (PTEGs) of eight 16-byte entries, big-endian as in memory. The hypervisor
// owns it (KVM allocates it outside guest memory: KVM_PPC_ALLOCATE_HTAB) and
// the partition changes it only through hcalls (H_ENTER, H_REMOVE, …); the
// MMU walks it on a TLB miss.
//
// Entries are kept in the format PAPR's hcalls use (the pre-ISA-3.0 one: B
// in the first doubleword), so H_READ and the walk see the same words. KVM
// converts to the ISA 3.0 layout because real POWER9 hardware walks its
// table; here the walker is ours, and the layout is not visible to the guest.

// First doubleword (v), low half.
export const HPTE_V_VALID = 0x1;
export const HPTE_V_SECONDARY = 0x2;
export const HPTE_V_LARGE = 0x4;
/** Software bits 57:60; 0x10 = bolted (Linux's convention). */
export const HPTE_V_BOLTED = 0x10;
/** KVM's lock and absent bits: never stored for a partition's entry. */
export const HPTE_V_HVLOCK = 0x40;
export const HPTE_V_ABSENT = 0x20;
/** AVPN (bits 2:56) mask of the low half. */
export const HPTE_V_AVPN_LO = 0xffffff80 | 0;
// High half: B (segment size) in bits 0:1.
export const HPTE_VH_SSIZE = 0xc0000000 | 0;

// Second doubleword (r), low half.
export const HPTE_R_PP = 0x3;
export const HPTE_R_N = 0x4;
export const HPTE_R_G = 0x8;
export const HPTE_R_M = 0x10;
export const HPTE_R_I = 0x20;
export const HPTE_R_W = 0x40;
export const HPTE_R_WIMG = 0x78;
export const HPTE_R_C = 0x80;
export const HPTE_R_R = 0x100;
export const HPTE_R_KEY_LO = 0xe00;
// High half: PP0 (bit 0), key bits 0:1 (bits 2:3), TS (bit 1, KVM's "modified" bookkeeping bit).
export const HPTE_RH_PP0 = 0x80000000 | 0;
export const HPTE_RH_TS = 0x40000000;
export const HPTE_RH_KEY_HI = 0x30000000;
/** RPN (bits 4:51): high-half mask (the low half's RPN is bits 12:31). */
export const HPTE_RH_RPN = 0x0fffffff;

/** Smallest and largest table KVM accepts (KVM_PPC_ALLOCATE_HTAB). */
export const HPT_MIN_ORDER = 18;
export const HPT_MAX_ORDER = 46;
/** Largest table this implementation allocates (one ArrayBuffer). */
export const HPT_ALLOC_MAX_ORDER = 30;

/** The 5-bit storage key of an entry's second doubleword. */
export function hpteKey(rHi: number, rLo: number): number {
  return ((rHi >>> 25) & 0x18) | ((rLo >>> 9) & 0x7);
}

/**
 * The page shift of an entry (base page size in the low byte, actual page
 * size in the next when it differs), or 0 for an encoding POWER9 lacks.
 * The encodings of kvmppc_hpte_page_shifts / QEMU's POWER9 table: L=0 is
 * 4K; with L=1, RPN bits 48:51 (r bits 12:15) and 44:47 select the size.
 */
export function hptePageShifts(vLo: number, rLo: number): number {
  if (!(vLo & HPTE_V_LARGE)) return 12;
  const lphi = (rLo >>> 16) & 0xf;
  switch ((rLo >>> 12) & 0xf) {
    case 0:
      return lphi ? 0 : 24; // 16M
    case 1:
      return 16; // 64K
    case 3:
      return lphi ? 0 : 34; // 16G
    case 7:
      return (16 << 8) | 12; // 64K in a 4K segment
    case 8:
      if (!lphi) return (24 << 8) | 16; // 16M in a 64K segment
      if (lphi === 3) return (24 << 8) | 12; // 16M in a 4K segment
      return 0;
    default:
      return 0;
  }
}

/** The actual page shift of an entry (0: bad encoding). */
export function hpteActualShift(vLo: number, rLo: number): number {
  const s = hptePageShifts(vLo, rLo);
  return s >>> 8 || s;
}

export class HashPageTable {
  readonly bytes: Uint8Array;
  private readonly dv: DataView;
  /** Number of PTEGs minus one: masks a hash to a group index. */
  readonly ptegMask: number;
  /** Number of entries (8 per group). */
  readonly entries: number;

  constructor(readonly order: number) {
    this.bytes = new Uint8Array(2 ** order);
    this.dv = new DataView(this.bytes.buffer);
    this.ptegMask = 2 ** (order - 7) - 1;
    this.entries = 2 ** (order - 4);
  }

  vHi(ptex: number): number {
    return this.dv.getInt32(ptex * 16);
  }
  vLo(ptex: number): number {
    return this.dv.getInt32(ptex * 16 + 4);
  }
  rHi(ptex: number): number {
    return this.dv.getInt32(ptex * 16 + 8);
  }
  rLo(ptex: number): number {
    return this.dv.getInt32(ptex * 16 + 12);
  }

  setV(ptex: number, hi: number, lo: number): void {
    this.dv.setInt32(ptex * 16, hi);
    this.dv.setInt32(ptex * 16 + 4, lo);
  }
  setR(ptex: number, hi: number, lo: number): void {
    this.dv.setInt32(ptex * 16 + 8, hi);
    this.dv.setInt32(ptex * 16 + 12, lo);
  }

  get(ptex: number): bigint[] {
    const v = (BigInt(this.vHi(ptex) >>> 0) << 32n) | BigInt(this.vLo(ptex) >>> 0);
    const r = (BigInt(this.rHi(ptex) >>> 0) << 32n) | BigInt(this.rLo(ptex) >>> 0);
    return [v, r];
  }

  clear(): void {
    this.bytes.fill(0);
  }
}
