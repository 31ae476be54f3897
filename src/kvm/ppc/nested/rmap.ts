// The nested rmap (seed 002): for each 4 KiB page of the L1's memory slots,
// the shadow entries of nested guests that map it, so that when the L0
// changes its own mapping of that L1 page (the slot is deleted or its flags
// change; R/C cleared for dirty logging) exactly those shadow entries go.
//
// An entry is KVM's compact 52 bits — 12 bits of the L1's LPID for the
// nested guest and 40 bits of the nested guest real page — held in a double
// as lpid·2^40 + page (exact: below 2^53). A page with one entry keeps it
// inline; more make a list. Inserting an entry already present does nothing
// (KVM scans its list for it; here a set), so an L1 cannot grow a list by faulting one
// mapping again and again; entries left stale by a removed shadow entry are
// checked against the shadow table when used, and the whole map is rebuilt
// from the live shadow entries when it outgrows its bound.

import type { MemSlot } from '../../../memory/phys-map.js';

export const RMAP_LPID_SHIFT = 40;

export function rmapEntry(l1Lpid: number, graPage: number): number {
  return l1Lpid * 2 ** RMAP_LPID_SHIFT + graPage;
}

export function rmapLpid(e: number): number {
  return Math.floor(e / 2 ** RMAP_LPID_SHIFT);
}

export function rmapPage(e: number): number {
  return e % 2 ** RMAP_LPID_SHIFT;
}

export class NestedRmap {
  /** Per slot, per page index in the slot: one entry, or a set of them (a set: the duplicate check stays O(1) for a page many nested pages map). */
  private readonly slots = new Map<MemSlot, Map<number, number | Set<number>>>();
  private total = 0;

  get size(): number {
    return this.total;
  }

  /** Record that nested guest `l1Lpid`'s page `graPage` maps page `page` of `slot`. */
  insert(slot: MemSlot, page: number, entry: number): void {
    let m = this.slots.get(slot);
    if (!m) this.slots.set(slot, (m = new Map()));
    const cur = m.get(page);
    if (cur === undefined) m.set(page, entry);
    else if (typeof cur === 'number') {
      if (cur === entry) return;
      m.set(page, new Set([cur, entry]));
    } else {
      if (cur.has(entry)) return;
      cur.add(entry);
    }
    this.total++;
  }

  /** Take (remove and return) the entries of pages [page, page + count) of `slot`. */
  take(slot: MemSlot, page: number, count: number): number[] {
    const m = this.slots.get(slot);
    if (!m) return [];
    const out: number[] = [];
    const grab = (p: number) => {
      const cur = m.get(p);
      if (cur === undefined) return;
      m.delete(p);
      if (typeof cur === 'number') out.push(cur);
      else for (const e of cur) out.push(e);
    };
    if (count > m.size) for (const p of [...m.keys()]) (p >= page && p < page + count ? grab(p) : undefined);
    else for (let p = page; p < page + count; p++) grab(p);
    this.total -= out.length;
    return out;
  }

  /** Every entry of `slot` (the slot goes away). */
  takeSlot(slot: MemSlot): number[] {
    const m = this.slots.get(slot);
    if (!m) return [];
    this.slots.delete(slot);
    const out: number[] = [];
    for (const cur of m.values()) {
      if (typeof cur === 'number') out.push(cur);
      else for (const e of cur) out.push(e);
    }
    this.total -= out.length;
    return out;
  }

  clear(): void {
    this.slots.clear();
    this.total = 0;
  }
}
