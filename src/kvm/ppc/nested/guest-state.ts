// The two structures of H_ENTER_NESTED (nested API v1, asm/hvcall.h): the
// hypervisor state of the nested guest (struct hv_guest_state, r4) and its
// problem-state registers (struct pt_regs, r5). Both live in the L1's memory
// in the L1's byte order (seed 002: the L1 passes its own kvm_vcpu_arch
// fields), so they are read and written with the L1's current MSR[LE] — the
// same result as KVM's byteswap when the L1's endianness differs from the
// host's. Every field is handled as (hi, lo) int32 halves, as the CPU state
// holds registers: an L2 round trip reads and writes ~80 of them, and
// BigInts cost more than the rest of the switch together.

/** HV_GUEST_STATE_VERSION: the newest layout an L0 accepts. */
export const HV_GUEST_STATE_VERSION = 2;

/** struct hv_guest_state offsets (u64 unless noted). */
export const HV = {
  version: 0,
  lpid: 8, // u32
  vcpuToken: 12, // u32
  lpcr: 16,
  pcr: 24,
  amor: 32,
  dpdes: 40,
  hfscr: 48,
  tbOffset: 56, // s64
  dawr0: 64,
  dawrx0: 72,
  ciabr: 80,
  hdecExpiry: 88,
  purr: 96,
  spurr: 104,
  ic: 112,
  vtb: 120,
  hdar: 128,
  hdsisr: 136,
  heir: 144,
  asdr: 152,
  srr0: 160,
  srr1: 168,
  sprg0: 176, // sprg[0..3]
  pidr: 208,
  cfar: 216,
  ppr: 224,
  dawr1: 232, // version 2
  dawrx1: 240,
} as const;

/** hv_guest_state_size(version): bytes the L0 reads and writes (offsetofend of the version's last field), or -1. */
export function hvGuestStateSize(versionHi: number, versionLo: number): number {
  if (versionHi !== 0) return -1;
  if (versionLo === 1) return 232; // ..ppr
  if (versionLo === 2) return 248; // ..dawrx1
  return -1;
}

/** struct pt_regs as KVM's L0 copies it (sizeof(struct pt_regs) on ppc64: 48 u64); user_pt_regs offsets. */
export const PT_REGS_SIZE = 384;
export const PT = { gpr0: 0, nip: 256, msr: 264, ctr: 280, link: 288, xer: 296, ccr: 304 } as const;

/** A structure of u64 fields in guest memory order, read and written as (hi, lo) halves. */
export class U64Fields {
  private readonly v: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly le: boolean,
  ) {
    this.v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  /** A field past the version's end reads as 0. */
  hi(off: number): number {
    return off + 8 > this.bytes.length ? 0 : this.v.getInt32(this.le ? off + 4 : off, this.le);
  }
  lo(off: number): number {
    return off + 8 > this.bytes.length ? 0 : this.v.getInt32(this.le ? off : off + 4, this.le);
  }
  set(off: number, hi: number, lo: number): void {
    if (off + 8 > this.bytes.length) return; // a field past the version's end
    this.v.setInt32(this.le ? off + 4 : off, hi, this.le);
    this.v.setInt32(this.le ? off : off + 4, lo, this.le);
  }
  u32(off: number): number {
    return this.v.getUint32(off, this.le);
  }
  /** The field as a signed number (exact below 2^53; timebase values are). */
  signed(off: number): number {
    return this.hi(off) * 4294967296 + (this.lo(off) >>> 0);
  }
  /** The field as an unsigned BigInt (tests, debugging). */
  big(off: number): bigint {
    return (BigInt(this.hi(off) >>> 0) << 32n) | BigInt(this.lo(off) >>> 0);
  }
}
