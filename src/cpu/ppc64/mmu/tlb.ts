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

  /** Way 1 of set `ix`'s read side: on a hit, swapped into way 0 (where compiled code probes); its view, or undefined. */
  readSecond(ix: number, tag: number, hi: number): DataView | undefined {
    const j = ix + TLB_ENTRIES;
    if (this.rTagLo[j] !== tag || this.rTagHi[j] !== hi) return undefined;
    this.moveRead(ix, j, true);
    return this.rView[ix];
  }

  /** The same for the write side. */
  writeSecond(ix: number, tag: number, hi: number): DataView | undefined {
    const j = ix + TLB_ENTRIES;
    if (this.wTagLo[j] !== tag || this.wTagHi[j] !== hi) return undefined;
    this.moveWrite(ix, j, true);
    return this.wView[ix];
  }

  /** Make room in way 0 of set `ix` for a fill: its entry moves to way 1 (way 1's is dropped). */
  readMakeRoom(ix: number): void {
    if (this.rTagLo[ix] !== -1) this.moveRead(ix + TLB_ENTRIES, ix, false);
  }

  writeMakeRoom(ix: number): void {
    if (this.wTagLo[ix] !== -1) this.moveWrite(ix + TLB_ENTRIES, ix, false);
  }

  /**
   * Slot `from`'s read entry to slot `to` (and `to`'s to `from` when
   * swapping). An entry keeps its storage-key dependence: while any keyed
   * entry exists, both slots join the keyed list (dropping an unkeyed entry
   * on an AMR write only costs a refill).
   */
  private moveRead(to: number, from: number, swap: boolean): void {
    const tl = this.rTagLo[to]!, th = this.rTagHi[to]!, v = this.rView[to]!, o = this.rOff[to]!, g = this.rGra[to]!;
    this.rTagLo[to] = this.rTagLo[from]!;
    this.rTagHi[to] = this.rTagHi[from]!;
    this.rView[to] = this.rView[from]!;
    this.rOff[to] = this.rOff[from]!;
    this.rGra[to] = this.rGra[from]!;
    if (swap) {
      this.rTagLo[from] = tl;
      this.rTagHi[from] = th;
      this.rView[from] = v;
      this.rOff[from] = o;
      this.rGra[from] = g;
    } else this.rTagLo[from] = -1;
    if (this.keyed.length) this.keyed.push(to, from);
  }

  private moveWrite(to: number, from: number, swap: boolean): void {
    const tl = this.wTagLo[to]!, th = this.wTagHi[to]!, v = this.wView[to]!, o = this.wOff[to]!, g = this.wGra[to]!, p = this.wPhys[to]!;
    this.wTagLo[to] = this.wTagLo[from]!;
    this.wTagHi[to] = this.wTagHi[from]!;
    this.wView[to] = this.wView[from]!;
    this.wOff[to] = this.wOff[from]!;
    this.wGra[to] = this.wGra[from]!;
    this.wPhys[to] = this.wPhys[from]!;
    if (swap) {
      this.wTagLo[from] = tl;
      this.wTagHi[from] = th;
      this.wView[from] = v;
      this.wOff[from] = o;
      this.wGra[from] = g;
      this.wPhys[from] = p;
    } else this.wTagLo[from] = -1;
    if (this.keyed.length) this.keyed.push(TLB_SLOTS + to, TLB_SLOTS + from);
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
