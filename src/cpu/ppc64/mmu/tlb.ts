// A thread's TLB sets (mmu.ts keeps one per translation context: real mode,
// relocated privileged, relocated problem state, and those of the nested
// guests it runs): direct-mapped read, write and instruction sides, indexed
// by foldedLookasideIndex, with what invalidation needs per entry (guest real
// page, physical page, storage-key dependence) and a stamp for the links
// between compiled blocks. With a host memory (docs/jit.md) the data sides
// live in it, where compiled wasm probes them.

import type { Lookaside } from '../../../memory/guest-memory.js';
import type { HostMemory } from '../../../memory/host-memory.js';
import { PHYS_PAGE_SHIFT } from '../../../memory/phys-map.js';

export const TLB_BITS = 10;
/** Sets (foldedLookasideIndex values) of each side. */
export const TLB_ENTRIES = 1 << TLB_BITS;
/**
 * Slots of a data side: two ways per set, way 0 at the set's index, way 1
 * TLB_ENTRIES above. Compiled code probes way 0 only; the MMU looks in
 * way 1 on a miss and swaps a hit into way 0, and a fill moves way 0's
 * entry to way 1. Direct-mapped, two hot pages at one index (Linux puts hot
 * structures at the same offset of different regions) took a radix walk on
 * every other access in some boots: the nested round trip then ran at
 * 70-80 µs instead of 40-50. The instruction side stays direct-mapped.
 */
export const TLB_SLOTS = 2 * TLB_ENTRIES;
const SLOT_BITS = TLB_BITS + 1;
/** Bytes of a TLB set's data side in a host memory (TlbSet.base). */
const TLB_DATA_BYTES = 6 * 4 * TLB_SLOTS;

/**
 * Stamps name a TLB set's instruction translations: a set gets a new one
 * whenever its instruction side may have changed (a flush, an entry
 * dropped). cpu.fetchGen is the stamp of the set fetching now, so a link
 * between compiled blocks (made under one stamp) holds across switches to
 * other sets and back — user/kernel, partition/nested guest — and ends when
 * the set it was made under changes.
 */
let stampCounter = 0;
export const newStamp = (): number => ++stampCounter;

/** TlbSet.second/makeRoom: the read or the write side. */
export const SIDE_READ = 0;
export const SIDE_WRITE = 1;

interface DataSide {
  readonly tagLo: Int32Array;
  readonly tagHi: Int32Array;
  /** Added to a slot in the keyed list. */
  readonly key: number;
  readonly arrays: ReadonlyArray<{ [i: number]: unknown }>;
}

/** One translation context's TLB: read, write and instruction sides. */
export class TlbSet {
  /** This set's instruction translations as they are now (see newStamp). */
  stamp = newStamp();
  /**
   * With a host memory (docs/jit.md), the data side's arrays live in it, in
   * this order from `base`: rTagLo, rTagHi, rOff, wTagLo, wTagHi, wOff (each
   * TLB_SLOTS int32s), so compiled wasm probes them; -1 without one.
   */
  readonly base: number = -1;
  readonly rTagLo = new Int32Array(TLB_SLOTS).fill(-1);
  readonly rTagHi = new Int32Array(TLB_SLOTS);
  readonly rView = new Array<DataView>(TLB_SLOTS);
  /** Offset of each read entry's page in the host memory, -1 when its page is not there. */
  readonly rOff = new Int32Array(TLB_SLOTS);
  readonly wTagLo = new Int32Array(TLB_SLOTS).fill(-1);
  readonly wTagHi = new Int32Array(TLB_SLOTS);
  readonly wView = new Array<DataView>(TLB_SLOTS);
  readonly wOff = new Int32Array(TLB_SLOTS);
  /** Physical page of each write entry (to drop it when its page starts holding code). */
  readonly wPhys = new Float64Array(TLB_SLOTS);
  readonly iTagLo = new Int32Array(TLB_ENTRIES).fill(-1);
  readonly iTagHi = new Int32Array(TLB_ENTRIES);
  readonly iPhys = new Float64Array(TLB_ENTRIES);
  /**
   * Guest real page of each entry, before partition-scoped translation (a
   * nested guest's; the same as the physical page otherwise): what a
   * partition-scoped invalidation names.
   */
  readonly rGra = new Float64Array(TLB_SLOTS);
  readonly wGra = new Float64Array(TLB_SLOTS);
  readonly iGra = new Float64Array(TLB_ENTRIES);

  /**
   * Entries whose rights came through AMR/IAMR key 0 (a radix partition's
   * supervisor access to problem-state pages), as side·TLB_SLOTS + slot:
   * all an AMR or IAMR write changes in a radix partition (KUAP writes them
   * on every user access window; flushing everything each time cost a full
   * refill per system call).
   */
  readonly keyed: number[] = [];

  /** The data sides' per-slot arrays, for moving entries between ways (the keyed list numbers write slots from TLB_SLOTS). */
  private readonly sides: readonly DataSide[];

  constructor(host: HostMemory | undefined) {
    if (host) {
      // The same fields, as views of the host memory (same types: V8 keeps the fields' type).
      const n = TLB_SLOTS;
      this.base = host.alloc(TLB_DATA_BYTES);
      const a = (i: number) => new Int32Array(host.buffer, this.base + 4 * n * i, n);
      this.rTagLo = a(0).fill(-1);
      this.rTagHi = a(1);
      this.rOff = a(2);
      this.wTagLo = a(3).fill(-1);
      this.wTagHi = a(4);
      this.wOff = a(5);
    }
    this.sides = [
      { tagLo: this.rTagLo, tagHi: this.rTagHi, key: 0, arrays: [this.rTagLo, this.rTagHi, this.rView, this.rOff, this.rGra] },
      { tagLo: this.wTagLo, tagHi: this.wTagHi, key: TLB_SLOTS, arrays: [this.wTagLo, this.wTagHi, this.wView, this.wOff, this.wGra, this.wPhys] },
    ];
  }

  /** Drop the keyed entries (an AMR/IAMR write). Returns whether an instruction entry went. */
  dropKeyed(): boolean {
    const k = this.keyed;
    let inst = false;
    if (k.length > 3 * TLB_SLOTS) {
      this.flush();
      return true;
    }
    for (let i = 0; i < k.length; i++) {
      const e = k[i]!;
      const ix = e & (TLB_SLOTS - 1);
      const side = e >>> SLOT_BITS;
      if (side === 0) this.rTagLo[ix] = -1;
      else if (side === 1) this.wTagLo[ix] = -1;
      else {
        this.iTagLo[ix] = -1;
        inst = true;
      }
    }
    k.length = 0;
    if (inst) this.stamp = newStamp();
    return inst;
  }

  /** Drop the entries whose guest real page is in [first, first + count). */
  dropGuestReal(first: number, count: number): boolean {
    let hit = false;
    const end = first + count;
    for (let i = 0; i < TLB_SLOTS; i++) {
      if (this.rTagLo[i] !== -1 && this.rGra[i]! >= first && this.rGra[i]! < end) (this.rTagLo[i] = -1), (hit = true);
      if (this.wTagLo[i] !== -1 && this.wGra[i]! >= first && this.wGra[i]! < end) (this.wTagLo[i] = -1), (hit = true);
    }
    for (let i = 0; i < TLB_ENTRIES; i++) {
      if (this.iTagLo[i] !== -1 && this.iGra[i]! >= first && this.iGra[i]! < end) (this.iTagLo[i] = -1), (hit = true), (this.stamp = newStamp());
    }
    return hit;
  }

  /**
   * Way 1 of set `ix` on a data side (SIDE_READ, SIDE_WRITE): on a hit,
   * swapped into way 0 (where compiled code probes). Whether it hit.
   */
  second(side: number, ix: number, tag: number, hi: number): boolean {
    const d = this.sides[side]!;
    const j = ix + TLB_ENTRIES;
    if (d.tagLo[j] !== tag || d.tagHi[j] !== hi) return false;
    this.move(d, ix, j, true);
    return true;
  }

  /** Make room in way 0 of set `ix` for a fill: its entry moves to way 1 (way 1's is dropped). */
  makeRoom(side: number, ix: number): void {
    const d = this.sides[side]!;
    if (d.tagLo[ix] !== -1) this.move(d, ix + TLB_ENTRIES, ix, false);
  }

  /**
   * Slot `from`'s entry to slot `to` (and `to`'s to `from` when swapping).
   * An entry keeps its storage-key dependence: while any keyed entry
   * exists, both slots join the keyed list (dropping an unkeyed entry on
   * an AMR write only costs a refill).
   */
  private move(d: DataSide, to: number, from: number, swap: boolean): void {
    for (const a of d.arrays) {
      const t = a[to];
      a[to] = a[from];
      if (swap) a[from] = t;
    }
    if (!swap) d.tagLo[from] = -1;
    if (this.keyed.length) this.keyed.push(d.key + to, d.key + from);
  }

  flush(): void {
    this.rTagLo.fill(-1);
    this.wTagLo.fill(-1);
    this.iTagLo.fill(-1);
    this.keyed.length = 0;
    this.stamp = newStamp();
  }
}

/** The Lookaside compiled code sees: the arrays of the current data context. */
export class ActiveLookaside implements Lookaside {
  readonly pageShift = PHYS_PAGE_SHIFT;
  readonly size = TLB_ENTRIES;
  readonly fold = true;
  rTagLo: Int32Array;
  rTagHi: Int32Array;
  rView: DataView[];
  wTagLo: Int32Array;
  wTagHi: Int32Array;
  wView: DataView[];
  constructor(t: TlbSet) {
    this.rTagLo = t.rTagLo;
    this.rTagHi = t.rTagHi;
    this.rView = t.rView;
    this.wTagLo = t.wTagLo;
    this.wTagHi = t.wTagHi;
    this.wView = t.wView;
  }
  use(t: TlbSet): void {
    this.rTagLo = t.rTagLo;
    this.rTagHi = t.rTagHi;
    this.rView = t.rView;
    this.wTagLo = t.wTagLo;
    this.wTagHi = t.wTagHi;
    this.wView = t.wView;
  }
}
