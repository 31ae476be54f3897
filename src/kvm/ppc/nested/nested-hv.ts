// Nested HV in a partition (KVM_CAP_PPC_NESTED_HV; seed 002): the L1's
// partition-table register (H_SET_PARTITION_TABLE), the nested guests the
// L0 knows (by the L1's LPID for them), the nested rmap, and the
// invalidations: H_TLB_INVALIDATE, H_RPT_INVALIDATE's nested scopes, and
// what the L0 must drop when it changes its own mapping of the L1's memory.
//
// Everything the L0 keeps per nested guest is a cache of what the L1 wrote
// in its memory (the partition-table entry, the partition-scoped tree), so
// it may be dropped at any time: that is how memory stays bounded against a
// hostile L1 — at most MAX_LIVE_GUESTS guests (the least recently run one
// is forgotten) and MAX_SHADOW_ENTRIES shadow entries per partition (the
// biggest table is emptied), with the rmap rebuilt when it outgrows them.

import * as U from '../../uapi.js';
import type { HvVm } from '../hv-vm.js';
import type { MemSlot } from '../../../memory/phys-map.js';
import { NestedGuest } from './nested-guest.js';
import { NestedRmap, rmapEntry, rmapLpid, rmapPage } from './rmap.js';

/** KVM_MAX_NESTED_GUESTS_SHIFT: the partition table holds at most 2^12 entries. */
export const MAX_NESTED_GUESTS_SHIFT = 12;
/** Nested guests the L0 keeps state for at once, per partition. */
export const MAX_LIVE_GUESTS = 64;
/** Shadow entries per partition, all nested guests together. */
export const MAX_SHADOW_ENTRIES = 1 << 18;

/** PTCR fields: PATB (the table's base) and PATS (log2 size − 12). */
const PRTB_MASK = 0x0ffffffffffff000n;
const PRTS_MASK = 0x1fn;

/** Where shadow LPIDs come from (the system's pool, kvm.ts). */
export interface LpidPool {
  alloc(): number | undefined;
  free(lpid: number): void;
}

export class NestedHv {
  /** The L1's PTCR (H_SET_PARTITION_TABLE; ONE_REG PTCR). 0: none. */
  ptcr = 0n;
  private readonly guests = new Map<number, NestedGuest>();
  readonly rmap = new NestedRmap();
  private clock = 0;
  /** The bound on shadow entries (MAX_SHADOW_ENTRIES; tests lower it). */
  maxShadowEntries = MAX_SHADOW_ENTRIES;
  /** Guests entered by a vCPU right now (never evicted). */
  private readonly running = new Map<NestedGuest, number>();

  constructor(
    private readonly vm: HvVm,
    private readonly lpids: LpidPool,
  ) {}

  /** Entries the partition table has room for (the L1's LPIDs must be below). */
  get tableEntries(): number {
    return 2 ** (Number(this.ptcr & PRTS_MASK) + 12 - 4);
  }

  get liveGuests(): number {
    return this.guests.size;
  }

  /** All nested guests (the shadow-table dump). */
  allGuests(): NestedGuest[] {
    return [...this.guests.values()].sort((a, b) => a.l1Lpid - b.l1Lpid);
  }

  /** Shadow entries held, all guests. */
  get shadowEntries(): number {
    let n = 0;
    for (const g of this.guests.values()) n += g.shadow.size;
    return n;
  }

  /**
   * H_SET_PARTITION_TABLE (kvmhv_set_partition_table): at most 2^12 entries,
   * and the base must be a page of the L1's memory; else H_PARAMETER.
   */
  setPartitionTable(ptcr: bigint): number {
    const base = Number(ptcr & PRTB_MASK);
    if (Number(ptcr & PRTS_MASK) + 12 - 4 > MAX_NESTED_GUESTS_SHIFT || !this.vm.phys.find(base)) return U.H_PARAMETER;
    this.ptcr = ptcr;
    return U.H_SUCCESS;
  }

  /** kvmhv_get_nested: the guest for the L1's `lpid`, created when asked (undefined past the table or out of LPIDs). */
  get(lpid: number, create: boolean): NestedGuest | undefined {
    if (!Number.isInteger(lpid) || lpid < 0 || lpid >= this.tableEntries) return undefined;
    let g = this.guests.get(lpid);
    if (g || !create) return g;
    if (this.guests.size >= MAX_LIVE_GUESTS) this.evictOne();
    const shadowLpid = this.lpids.alloc();
    if (shadowLpid === undefined) return undefined;
    g = new NestedGuest(lpid, shadowLpid);
    this.guests.set(lpid, g);
    this.readPte(g);
    return g;
  }

  /** kvmhv_update_ptbl_cache: the L1's partition-table entry for the guest (0, 0 if unreadable). */
  readPte(g: NestedGuest): void {
    g.pate0 = g.pate1 = 0n;
    if (g.l1Lpid >= this.tableEntries) return;
    const b = this.vm.phys.read(Number(this.ptcr & PRTB_MASK) + 16 * g.l1Lpid, 16);
    if (!b) return;
    const v = new DataView(b.buffer, b.byteOffset, 16);
    g.pate0 = v.getBigUint64(0);
    g.pate1 = v.getBigUint64(8);
  }

  /** A vCPU enters / leaves the guest. */
  enter(g: NestedGuest): void {
    g.lastUse = ++this.clock;
    this.running.set(g, (this.running.get(g) ?? 0) + 1);
  }
  leave(g: NestedGuest): void {
    const n = (this.running.get(g) ?? 1) - 1;
    if (n > 0) this.running.set(g, n);
    else this.running.delete(g);
    if (!this.guests.has(g.l1Lpid) || this.guests.get(g.l1Lpid) !== g) {
      if (n <= 0) this.release(g);
    }
  }

  /** Forget the least recently run guest nobody runs (its state is only a cache of the L1's tables). */
  private evictOne(): void {
    let victim: NestedGuest | undefined;
    for (const g of this.guests.values()) if (!this.running.has(g) && (!victim || g.lastUse < victim.lastUse)) victim = g;
    if (victim) this.remove(victim);
  }

  /** kvmhv_remove_nested: the guest is gone (its PATE was cleared, or evicted). */
  remove(g: NestedGuest): void {
    if (this.guests.get(g.l1Lpid) === g) this.guests.delete(g.l1Lpid);
    if (!this.running.has(g)) this.release(g);
  }

  private release(g: NestedGuest): void {
    g.shadow.clear();
    for (const v of this.vm.vcpus.values()) v.mmu.forgetNested(g);
    this.lpids.free(g.shadowLpid);
  }

  // ---- the shadow tables ----

  /** Drop shadow entries of `g` covering [gra, gra + len) and their TLB entries on every thread. */
  invalidateRange(g: NestedGuest, gra: number, len: number): void {
    const removed = g.shadow.removeRange(gra, len);
    this.dropTlb(g, removed);
  }

  /** The TLB entries made from removed shadow entries, on every thread. */
  dropTlb(g: NestedGuest, ranges: ReadonlyArray<readonly [number, number]>): void {
    for (const [start, len] of ranges) {
      const first = Math.floor(start / 4096);
      const pages = Math.ceil(len / 4096);
      for (const v of this.vm.vcpus.values()) v.mmu.invalidateGuestReal(g, first, pages);
    }
  }

  /** Drop every shadow entry of `g` and its TLB on every thread (an LPID-wide tlbie of the shadow LPID). */
  flushGuest(g: NestedGuest): void {
    g.shadow.clear();
    for (const v of this.vm.vcpus.values()) v.mmu.flushNested(g);
  }

  /** kvmhv_flush_nested: flush, re-read the partition-table entry; a cleared entry removes the guest. */
  flushAndReload(g: NestedGuest): void {
    this.flushGuest(g);
    this.readPte(g);
    if (g.pate0 === 0n) this.remove(g);
  }

  /** A shadow entry was added: keep the partition's shadow memory bounded. */
  afterInsert(): void {
    // Stale rmap entries (left by removed shadow entries) are dropped when they outnumber the live ones.
    if (this.rmap.size > 2 * this.maxShadowEntries) this.rebuildRmap();
    if (this.shadowEntries <= this.maxShadowEntries) return;
    let big: NestedGuest | undefined;
    for (const g of this.guests.values()) if (!big || g.shadow.size > big.shadow.size) big = g;
    if (big) this.flushGuest(big);
    // The rmap's entries for the dropped table are stale now: rebuild it from what is live.
    this.rebuildRmap();
  }

  /** Rebuild the rmap from the live shadow entries (stale entries, left by removals, go). */
  rebuildRmap(): void {
    this.rmap.clear();
    for (const g of this.guests.values())
      for (const e of g.shadow.entries()) {
        const slot = this.vm.phys.find(e.l1);
        if (slot) this.rmap.insert(slot, Math.floor((e.l1 - slot.gpa) / 4096), rmapEntry(g.l1Lpid, Math.floor(e.gra / 4096)));
      }
  }

  /**
   * The L0 changes its mapping of an L1 memory slot (deleted, moved, flags
   * changed: kvmhv_remove_nest_rmap_range over the slot): exactly the shadow
   * entries the rmap lists for its pages go, when they still map that page.
   */
  slotChanging(slot: MemSlot): void {
    for (const e of this.rmap.takeSlot(slot)) {
      const g = this.guests.get(rmapLpid(e));
      if (!g) continue;
      const gra = rmapPage(e) * 4096;
      const pte = g.shadow.lookup(gra);
      if (pte && pte.l1 >= slot.gpa && pte.l1 < slot.gpa + slot.size) this.invalidateRange(g, pte.gra, 2 ** pte.shift);
    }
  }

  /**
   * H_TLB_INVALIDATE (kvmhv_emulate_priv_tlbie): r4 = the tlbie instruction
   * (RIC, PRS, R), r5 = RS (the L1's LPID), r6 = RB (IS, AP, EPN).
   */
  tlbInvalidate(instr: bigint, rs: bigint, rb: bigint): number {
    const ric = Number((instr >> 18n) & 3n);
    const prs = Number((instr >> 17n) & 1n);
    const r = Number((instr >> 16n) & 1n);
    const lpid = Number(rs & 0xffffffffn);
    const is = Number((rb >> 10n) & 3n);
    // Radix only, partition-scoped only, no RIC 3, no IS 1, and IS 0 only invalidates the TLB.
    if (!r || prs || ric === 3 || is === 1 || (is === 0 && (ric === 1 || ric === 2))) return U.H_PARAMETER;
    if (is === 0) {
      const shift = apToShift(Number((rb >> 5n) & 7n));
      if (shift < 0) return U.H_PARAMETER;
      const g = this.get(lpid, false);
      if (g) {
        const size = 2 ** shift;
        const addr = Number(rb >> 12n) * 4096;
        this.invalidateRange(g, addr - (addr % size), size);
      }
      return U.H_SUCCESS;
    }
    const each = is === 2 ? [this.get(lpid, false)] : [...this.guests.values()];
    for (const g of each) if (g) this.tlbieLpid(g, ric);
    return U.H_SUCCESS;
  }

  /** kvmhv_emulate_tlbie_lpid: RIC 0 the TLB, 1 the page-walk cache (none kept), 2 everything and the PATE. */
  private tlbieLpid(g: NestedGuest, ric: number): void {
    if (ric === 0) this.flushGuest(g);
    else if (ric === 2) this.flushAndReload(g);
  }

  /** The partition leaves nested mode or goes away (kvmhv_release_all_nested). */
  releaseAll(): void {
    for (const g of [...this.guests.values()]) this.remove(g);
    this.rmap.clear();
  }
}

/** The radix AP field's page size (ap_to_shift): 4K, 64K, 2M, 1G; −1 otherwise. */
export function apToShift(ap: number): number {
  switch (ap) {
    case 0:
      return 12;
    case 5:
      return 16;
    case 1:
      return 21;
    case 2:
      return 30;
    default:
      return -1;
  }
}
