// The two-way data TLB (src/cpu/ppc64/mmu/tlb.ts) keeps what invalidation
// relies on when entries move between ways. The rule is the ISA's: an AMR
// or IAMR write applies to every later access, so every entry whose rights
// came through key 0 must go at dropKeyed, whichever way it has moved to.
// (The guests cannot check this case against QEMU 7.2, which keeps a TLB
// entry across an AMR write: radix-mmu.c.)

import { describe, expect, it } from 'vitest';
import { SIDE_READ, SIDE_WRITE, TLB_ENTRIES, TLB_SLOTS, TlbSet } from '../../src/cpu/ppc64/mmu/tlb.js';

const IX = 5;
const KEYED = 0x123;
const OTHER = 0x456;

function put(t: TlbSet, side: number, slot: number, tag: number, keyed: boolean): void {
  const lo = side === SIDE_READ ? t.rTagLo : t.wTagLo;
  const hi = side === SIDE_READ ? t.rTagHi : t.wTagHi;
  lo[slot] = tag;
  hi[slot] = 0;
  if (keyed) t.keyed.push(side * TLB_SLOTS + slot);
}

describe('two-way data TLB', () => {
  for (const [name, side] of [['read', SIDE_READ], ['write', SIDE_WRITE]] as const) {
    it(`${name} side: a fill moves way 0 to way 1, a way-1 hit swaps back`, () => {
      const t = new TlbSet(undefined);
      put(t, side, IX, KEYED, false);
      t.makeRoom(side, IX);
      put(t, side, IX, OTHER, false);
      expect(t.second(side, IX, KEYED, 0)).toBe(true);
      // Swapped: KEYED in way 0, OTHER in way 1.
      expect((side === SIDE_READ ? t.rTagLo : t.wTagLo)[IX]).toBe(KEYED);
      expect(t.second(side, IX, OTHER, 0)).toBe(true);
      expect(t.second(side, IX, 0x789, 0)).toBe(false);
    });

    it(`${name} side: a keyed entry moved to way 1 by a fill is dropped by dropKeyed`, () => {
      const t = new TlbSet(undefined);
      put(t, side, IX, KEYED, true);
      t.makeRoom(side, IX);
      put(t, side, IX, OTHER, false);
      t.dropKeyed();
      expect(t.second(side, IX, KEYED, 0)).toBe(false);
    });

    it(`${name} side: a keyed entry swapped into way 0 by a hit is dropped by dropKeyed`, () => {
      const t = new TlbSet(undefined);
      put(t, side, IX + TLB_ENTRIES, KEYED, true);
      put(t, side, IX, OTHER, false);
      expect(t.second(side, IX, KEYED, 0)).toBe(true);
      t.dropKeyed();
      expect((side === SIDE_READ ? t.rTagLo : t.wTagLo)[IX]).toBe(-1);
      expect(t.second(side, IX, KEYED, 0)).toBe(false);
    });
  }
});
