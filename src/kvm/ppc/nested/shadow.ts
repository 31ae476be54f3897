// A nested guest's shadow partition-scoped table (seed 002): nested guest
// real address → the L1 guest real address whose memory backs it, built on
// fault by the L0 from the L1's partition-scoped tree and the L1's memory
// slots. In KVM it is a radix tree the hardware walks; here the "hardware"
// (the MMU's partition-scoped step, nested/fault.ts) looks it up, so it is a
// map per page size (4K, 64K, 2M, 1G), keyed by the page's number. An entry
// carries what the hardware reads from a PTE: the target, the permissions
// (the AND of the L1's and the L0's), and R and C (set only when the L1's
// entry has them, so the first access needing one faults to the L0).

import { PTE_ACCESSED, PTE_DIRTY, PTE_EXEC, PTE_READ, PTE_WRITE } from './l1-walk.js';

export const SHADOW_SHIFTS = [30, 21, 16, 12] as const;

export interface ShadowPte {
  /** Nested guest real address of the page (aligned to its size). */
  readonly gra: number;
  /** L1 guest real address backing it (aligned). */
  readonly l1: number;
  readonly shift: number;
  /** PTE_READ | PTE_WRITE | PTE_EXEC | PTE_ACCESSED | PTE_DIRTY. */
  bits: number;
}

export class ShadowTable {
  private readonly levels = SHADOW_SHIFTS.map(() => new Map<number, ShadowPte>());
  private count = 0;

  /** Entries held (the L0's memory for this table is proportional). */
  get size(): number {
    return this.count;
  }

  /** The entry translating nested guest real address `gra`, if any. */
  lookup(gra: number): ShadowPte | undefined {
    for (let i = 0; i < SHADOW_SHIFTS.length; i++) {
      const m = this.levels[i]!;
      if (m.size === 0) continue;
      const e = m.get(Math.floor(gra / 2 ** SHADOW_SHIFTS[i]!));
      if (e) return e;
    }
    return undefined;
  }

  /**
   * Install an entry (kvmppc_create_pte): whatever it overlaps goes first, as
   * the radix tree replaces a smaller page's table or a larger leaf. Returns
   * the guest real ranges removed, for the TLB.
   */
  insert(e: ShadowPte): Array<[number, number]> {
    const removed = this.removeRange(e.gra, 2 ** e.shift);
    const i = SHADOW_SHIFTS.indexOf(e.shift as (typeof SHADOW_SHIFTS)[number]);
    this.levels[i]!.set(e.gra / 2 ** e.shift, e);
    this.count++;
    return removed;
  }

  /** Remove every entry overlapping [gra, gra + len); returns the removed [start, length] ranges. */
  removeRange(gra: number, len: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < SHADOW_SHIFTS.length; i++) {
      const m = this.levels[i]!;
      if (m.size === 0) continue;
      const sh = 2 ** SHADOW_SHIFTS[i]!;
      const first = Math.floor(gra / sh);
      const last = Math.floor((gra + len - 1) / sh);
      if (last - first > m.size) {
        for (const [k, e] of m)
          if (k >= first && k <= last) {
            m.delete(k);
            out.push([e.gra, sh]);
          }
      } else
        for (let k = first; k <= last; k++) {
          const e = m.get(k);
          if (!e) continue;
          m.delete(k);
          out.push([e.gra, sh]);
        }
    }
    this.count -= out.length;
    return out;
  }

  /** Drop every entry (an LPID-wide invalidation). */
  clear(): void {
    for (const m of this.levels) m.clear();
    this.count = 0;
  }

  *entries(): IterableIterator<ShadowPte> {
    for (const m of this.levels) yield* m.values();
  }
}

/** The entry as a radix PTE (valid, leaf, RPN, R/C, EAA): what KVM's shadow table holds and its debugfs file prints. */
export function shadowPteValue(e: ShadowPte): bigint {
  const eaa = e.bits & (PTE_READ | PTE_WRITE | PTE_EXEC | PTE_ACCESSED | PTE_DIRTY);
  return (3n << 62n) | BigInt(e.l1) | BigInt(eaa);
}
