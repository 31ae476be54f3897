// Guest memory as the CPU sees it: byte-addressed, 64-bit effective addresses
// passed as (hi, lo) 32-bit halves, endianness chosen per access (MSR[LE]).
//
// Addresses are pairs, not BigInt or double: measured in docs/registers.md,
// pairs keep the load/store path free of allocations and conversions.

/** Thrown by a memory access the guest may not make (unmapped, protection). */
export class MemFault {
  constructor(
    readonly addrHi: number,
    readonly addrLo: number,
    readonly write: boolean,
    /** 'unmapped' → SIGSEGV/SEGV_MAPERR, 'protection' → SEGV_ACCERR. */
    readonly reason: 'unmapped' | 'protection',
  ) {}
  get address(): number {
    return (this.addrHi >>> 0) * 2 ** 32 + (this.addrLo >>> 0);
  }
}

export interface GuestMemory {
  read8(hi: number, lo: number): number;
  read16(hi: number, lo: number, le: boolean): number;
  /** Returns the 32-bit value as a signed int32. */
  read32(hi: number, lo: number, le: boolean): number;
  /** Returns the low word (int32) of the 64-bit value; the high word is left in `hi64`. */
  read64(hi: number, lo: number, le: boolean): number;
  hi64: number;
  write8(hi: number, lo: number, v: number): void;
  write16(hi: number, lo: number, v: number, le: boolean): void;
  write32(hi: number, lo: number, v: number, le: boolean): void;
  write64(hi: number, lo: number, vHi: number, vLo: number, le: boolean): void;
  /** Instruction fetch (checks execute permission where the memory has permissions). */
  fetch32(hi: number, lo: number, le: boolean): number;
}
