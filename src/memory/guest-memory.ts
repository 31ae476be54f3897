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

/**
 * A direct-mapped lookaside of pages (a TLB, for the memory that translates)
 * that compiled code probes inline (exec-emit.ts): entry lookasideIndex(lo
 * >>> pageShift, size) holds a page's tag (lo >>> pageShift, hi) and a
 * DataView of the page, separately for reads and writes so a read-only page
 * never satisfies a store. A miss calls the memory's methods, which refill
 * it. Owned and written by the memory only.
 */
/**
 * The entry of page number `pg` (the address's low word >>> pageShift) with
 * high word `hi` in a lookaside of `size` (a power of two) entries: the
 * page's low bits XOR the high word's bits 12 up. With the low bits alone,
 * a kernel's text (0xc000000000000000) and its modules (0xc008000000000000,
 * 4 MiB further in the low word) shared entries in a 1024-entry TLB of 4 KiB
 * pages: 11 refills (radix walks) per nested round trip, 1.5 with the high
 * word folded in. Consecutive pages still get consecutive entries.
 *
 * With `fold` (the system MMU's TLB, mmu/tlb.ts), the page number's bits 10
 * up are folded in too: Linux allocates hot structures at the same offset
 * of different 4 MiB-aligned regions (a nested round trip's vCPU data at
 * 0xc000000002880000 and 0xc000000004880000). Linux-user memory (64 KiB
 * pages) goes without: one shift and XOR more per inline probe cost gzip
 * 3-5 % on bench:cpu.
 */
export function lookasideIndex(pg: number, hi: number, size: number): number {
  return (pg ^ (hi >>> 12)) & (size - 1);
}

/** lookasideIndex with `fold`. */
export function foldedLookasideIndex(pg: number, hi: number, size: number): number {
  return (pg ^ (pg >>> 10) ^ (hi >>> 12)) & (size - 1);
}

/** lookasideIndex as JavaScript source, for code that probes inline (`pg`, `hi`: plain variables). */
export function lookasideIndexSource(pg: string, hi: string, size: number, fold: boolean): string {
  return fold ? `((${pg} ^ (${pg} >>> 10) ^ (${hi} >>> 12)) & ${size - 1})` : `((${pg} ^ (${hi} >>> 12)) & ${size - 1})`;
}

export interface Lookaside {
  readonly pageShift: number;
  readonly size: number;
  /** Entries are placed by foldedLookasideIndex (else lookasideIndex). */
  readonly fold: boolean;
  readonly rTagLo: Int32Array;
  readonly rTagHi: Int32Array;
  readonly rView: DataView[];
  readonly wTagLo: Int32Array;
  readonly wTagHi: Int32Array;
  readonly wView: DataView[];
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
  /**
   * Check that a store to this byte would succeed — translation and write
   * permission, faulting exactly as the store would (a store's DSI, never a
   * load's) — without storing. Instructions that store several pieces probe
   * first, so a fault leaves memory untouched.
   */
  probeWrite(hi: number, lo: number): void;
  /** Instruction fetch (checks execute permission where the memory has permissions). */
  fetch32(hi: number, lo: number, le: boolean): number;
  /** The lookaside compiled code may probe inline, if the memory has one. */
  readonly lookaside?: Lookaside;
  /**
   * The 4 KiB code page (physical page number) an effective address fetches
   * from, translating it (and raising the instruction-side interrupt when
   * `fetch` and it cannot); absent when effective = physical (Linux-user).
   */
  codeKey?(hi: number, lo: number, fetch: boolean): number;
  /** Set by the run loop: the memory calls it when a store hits a page that holds decoded code. */
  onCodeWrite?: (key: number) => void;
}
