// A hardware thread's view of memory in system mode: effective addresses
// translated to guest physical addresses (real mode, or the partition's radix
// or hash tables), a software TLB owned by the thread, and the partition's
// physical map behind it (RAM slots; everything else is MMIO for the VMM).
//
// The TLB is direct-mapped, 4 KiB pages, one set per translation context
// (real mode; relocated in privileged state; relocated in problem state, as
// the segment keys and so the permissions differ), each with a read, a
// write and an instruction side. An entry exists only for an access the
// translation allows: a read entry once R is set, a write entry once C is.
// The read and write sides are the Lookaside that compiled code probes
// inline (exec-emit.ts); the methods below probe it the same way and take the
// slow path (translate, look the page up, refill) on a miss. Write entries
// are never made for pages holding decoded code, so every store to code
// reaches PhysMap.codeWritten and the run loop drops that code.

import { foldedLookasideIndex, type GuestMemory } from '../../../memory/guest-memory.js';
import { M_TLB } from '../regfile.js';
import { ActiveLookaside, newStamp, SIDE_READ, SIDE_WRITE, TLB_ENTRIES, TLB_SLOTS, TlbSet } from './tlb.js';
import type { HostMemory } from '../../../memory/host-memory.js';
import { PhysMap, PHYS_PAGE_SHIFT, PHYS_PAGE_SIZE, type MemSlot, type PhysListener } from '../../../memory/phys-map.js';
import type { CpuState } from '../state.js';
import { MODE_32, MSR_DR, MSR_IR, MSR_PR } from '../msr.js';
import { DSISR_STORE, Interrupt, SRR1_ISI_NOPTE, VEC_DSEG, VEC_DSI, VEC_HDSI, VEC_HISI, VEC_ISEG, VEC_ISI } from '../interrupt.js';
import { SPR_AMR, SPR_IAMR, SPR_LPCR } from '../spr.js';
import { CpuTrap } from '../trap.js';
import type { MmuOps } from '../state.js';
import { Slb, SLB_VSID_LLP } from './slb.js';
import type { HashPageTable } from './hpt.js';
import { ACCESS_FETCH, ACCESS_READ, ACCESS_WRITE, hashTranslate, VRMA_VSID_HI, VRMA_VSID_LO, type HashWalkState } from './hash.js';
import { radixTranslate, RFAULT_SEGMENT, type RadixWalkState, type TableMemory } from './radix.js';
import { SPR_PIDR } from '../spr.js';
import { readSplit, readSplit64, writeSplit, writeSplit64 } from '../../../memory/split-access.js';

/**
 * What the hypervisor tells a thread's MMU about its partition (what the
 * hardware reads from the partition-table entry of LPIDR): the hashed page
 * table of an HPT partition and the page sizes it may use, or the process
 * table a radix partition registered (the entry's second doubleword).
 */
export interface PartitionMmu {
  hpt?: HashPageTable;
  /** Largest page an HPT partition may map (cap-hpt-max-page-size). */
  maxPageShift?: number;
  /** Radix: PATE dword 1 (PRTB | PRTS); 0 when none is registered. */
  processTable?: bigint;
}

/**
 * The partition-scoped step of a nested guest (kvm/ppc/nested): the guest
 * real address the nested guest uses → the address in this partition's
 * memory. Throws the hypervisor storage interrupt (HDSI/HISI, ASDR set) when
 * the hypervisor holds no translation allowing the access; `tableWalk` says
 * the access reads or updates the nested guest's own translation tables.
 */
export interface PartitionScoped {
  translate(gra: number, access: number, tableWalk: boolean, eaHi: number, eaLo: number): number;
}

/** A nested guest's tables as its radix walk reads them: through its partition-scoped translation. */
class NestedTableMemory implements TableMemory {
  hi = 0;
  ps: PartitionScoped | undefined;
  eaHi = 0;
  eaLo = 0;
  constructor(private readonly phys: PhysTableMemory) {}
  load64(gpa: number): number | undefined {
    const l1 = this.ps!.translate(gpa, ACCESS_READ, true, this.eaHi, this.eaLo);
    const lo = this.phys.load64(l1);
    this.hi = this.phys.hi;
    return lo;
  }
  store64(gpa: number, hi: number, lo: number): void {
    this.phys.store64(this.ps!.translate(gpa, ACCESS_WRITE, true, this.eaHi, this.eaLo), hi, lo);
  }
}

/** Guest physical memory as the radix walk reads it: big-endian doublewords of RAM. */
class PhysTableMemory implements TableMemory {
  hi = 0;
  constructor(private readonly phys: PhysMap) {}
  load64(gpa: number): number | undefined {
    const slot = this.phys.find(gpa);
    if (!slot) return undefined;
    const v = this.phys.view(slot, gpa);
    const off = gpa & PAGE_MASK;
    this.hi = v.getInt32(off);
    return v.getInt32(off + 4);
  }
  store64(gpa: number, hi: number, lo: number): void {
    const slot = this.phys.find(gpa);
    if (!slot || slot.readonly) return;
    const v = this.phys.view(slot, gpa);
    v.setInt32(gpa & PAGE_MASK, hi);
    v.setInt32((gpa & PAGE_MASK) + 4, lo);
    if (this.phys.isCode(slot, gpa)) this.phys.codeWritten(slot, gpa);
  }
}

/** Nested guests whose TLB sets one thread keeps (each 3 sets of 1024 entries). */
export const MAX_NESTED_CONTEXTS = 8;
const PAGE_MASK = PHYS_PAGE_SIZE - 1;

/** An MMIO access waiting for the VMM (set when an access left RAM), or completed by it. */
export interface MmioAccess {
  readonly gpa: number;
  readonly len: number;
  readonly write: boolean;
  /** The bytes as they are in memory (written by the guest, or supplied by the VMM). */
  readonly data: Uint8Array;
}

/** LPCR[HR] (bit 43): the partition uses radix translation (else the hashed page table). */
const LPCR_HR_LO = 0x00100000;
/** LPCR[VRMASD] (bits 47:51): the VRMA's L||LP page-size encoding. */
const LPCR_VRMASD_LO = 0x0001f000;

const SET_REAL = 0;
const SET_PRIV = 1;
const SET_USER = 2;

export class Mmu implements GuestMemory, PhysListener, MmuOps {
  hi64 = 0;
  /** Translation contexts: real mode, relocated privileged, relocated problem state. */
  private readonly baseSets: TlbSet[];
  /** The sets in use: the partition's, or those of the nested guest it runs (enterNested). */
  private sets: TlbSet[];
  /** The host memory's buffer: a page's DataView on it gets inline access from wasm. */
  private readonly hostBuffer: ArrayBuffer | undefined;
  /** Sets of nested guests no longer kept, for the next one (their host memory is reused). */
  private readonly spareSets: TlbSet[][] = [];
  /**
   * TLB sets of the nested guests this thread ran, by guest: kept across
   * switches (no flush when the partition enters or leaves a nested guest),
   * at most MAX_NESTED_CONTEXTS (the least recently entered one goes first:
   * dropping a TLB is always allowed).
   */
  private readonly nestedSets = new Map<object, TlbSet[]>();
  /** What each nested guest's entries were made under (PID, AMR, IAMR, process table). */
  private readonly nestedTags = new Map<object, readonly number[]>();
  private nestedProcessTable = 0n;
  /** The nested guest running, and its partition-scoped step; undefined: the partition itself. */
  private nestedKey: object | undefined;
  private ps: PartitionScoped | undefined;
  /** The partition's own process table while a nested guest's is in the walk state. */
  private basePrtb = 0;
  private basePrtbSize = 4096;
  private readonly physTables: PhysTableMemory;
  private readonly nestedTables: NestedTableMemory;
  /** Guest real address of the last translation, before any partition-scoped step. */
  private lastGra = 0;
  /** The last translation's rights depended on AMR/IAMR (a radix key-0 access, or any hash access). */
  private lastKeyed = false;
  /** The thread's segment lookaside buffer (hash partitions). */
  readonly slb = new Slb();
  /** State the hash walk reads (key registers, privilege), refreshed on each miss. */
  private walk: HashWalkState | undefined;
  /** State the radix walk reads (process table, PID, privilege, key 0), refreshed on each miss. */
  private readonly radix: RadixWalkState;
  private data: TlbSet;
  private inst: TlbSet;
  readonly lookaside: ActiveLookaside;
  /** The access a KVM_EXIT_MMIO waits on; set when an access falls outside RAM. */
  mmioPending: MmioAccess | undefined;
  /** The VMM's answer to mmioPending: consumed when the instruction runs again. */
  mmioDone: MmioAccess | undefined;
  private readonly buf8 = new DataView(new ArrayBuffer(8));

  constructor(
    readonly phys: PhysMap,
    private readonly cpu: CpuState,
    /** The VM's host memory (docs/jit.md): TLB sets live there, and entries record where their page is in it. */
    private readonly host?: HostMemory,
  ) {
    this.hostBuffer = host?.buffer;
    this.baseSets = this.newSets();
    this.sets = this.baseSets;
    this.data = this.inst = this.sets[0]!;
    this.lookaside = new ActiveLookaside(this.data);
    this.physTables = new PhysTableMemory(phys);
    this.nestedTables = new NestedTableMemory(this.physTables);
    this.radix = { mem: this.physTables, prtb: 0, prtbSize: 4096, pid: 0, pr: false, amrKey0: 0, iamrKey0: 0 };
    phys.listen(this);
    cpu.onMsrWrite = () => this.selectContext();
    cpu.mmuOps = this;
    this.selectContext();
    cpu.fetchGen = this.inst.stamp;
  }

  /** Three TLB sets (real, privileged, problem state): spare ones flushed, else new. */
  private newSets(): TlbSet[] {
    const spare = this.spareSets.pop();
    if (spare) {
      for (const t of spare) t.flush();
      return spare;
    }
    return [new TlbSet(this.host), new TlbSet(this.host), new TlbSet(this.host)];
  }

  /** The data set in use changed: the lookaside compiled code probes follows it. */
  private useData(t: TlbSet): void {
    this.lookaside.use(t);
    this.cpu.mirror[M_TLB] = t.base;
  }

  /** Pick the data and instruction TLB sets from MSR[DR], MSR[IR] and MSR[PR]. */
  private selectContext(): void {
    const lo = this.cpu.msrLo;
    const rel = lo & MSR_PR ? SET_USER : SET_PRIV;
    const d = this.sets[lo & MSR_DR ? rel : SET_REAL]!;
    const i = this.sets[lo & MSR_IR ? rel : SET_REAL]!;
    if (i !== this.inst) {
      this.inst = i;
      this.cpu.fetchGen = i.stamp;
    }
    if (d !== this.data) {
      this.data = d;
      this.useData(d);
    }
  }

  /** The run loop's hook: stores to code on any vCPU of the partition reach every run loop. */
  set onCodeWrite(f: ((key: number) => void) | undefined) {
    if (f) this.phys.onCodeWrite(f);
  }

  // ---- PhysListener ----

  flushAll(): void {
    for (const s of this.baseSets) s.flush();
    for (const sets of this.nestedSets.values()) for (const s of sets) s.flush();
    this.cpu.ctxGen++;
    this.cpu.fetchGen = this.inst.stamp;
  }

  /** Forget the relocated translations (segment or key changes; real mode is unaffected). */
  flushRelocated(): void {
    this.sets[SET_PRIV]!.flush();
    this.sets[SET_USER]!.flush();
    this.cpu.ctxGen++;
    this.cpu.fetchGen = this.inst.stamp;
  }

  // ---- the partition (set by the hypervisor) ----

  /**
   * The partition's translation tables. Which one translates is LPCR[HR]
   * (radix) as on the hardware; the hypervisor sets both, and every cached
   * translation goes.
   */
  setPartition(p: PartitionMmu): void {
    const hpt = p.hpt;
    this.walk = hpt ? { hpt, maxPageShift: p.maxPageShift ?? 16, pr: false, amrHi: 0, amrLo: 0, iamrHi: 0, iamrLo: 0 } : undefined;
    const pt = p.processTable ?? 0n;
    this.basePrtb = Number(pt & 0x0ffffffffffff000n);
    this.basePrtbSize = 2 ** (Number(pt & 0x1fn) + 12);
    if (!this.ps) {
      this.radix.prtb = this.basePrtb;
      this.radix.prtbSize = this.basePrtbSize;
    }
    this.flushAll();
  }

  // ---- nested guests (kvm/ppc/nested): their own TLB sets and partition-scoped step ----

  /**
   * Run a nested guest on this thread: its TLB sets (kept from the last time
   * it ran here), its process table (PATE dword 1: a guest real address of
   * the nested guest) and its partition-scoped step. No flush: entries are
   * tagged by the sets they live in, as the hardware tags them by LPID.
   */
  enterNested(key: object, ps: PartitionScoped, processTable: bigint): void {
    let sets = this.nestedSets.get(key);
    // Entries were made under a PID and storage keys (AMR/IAMR, loaded live by
    // the partition before it enters): other values now, the relocated ones go.
    const tag = this.contextTag(processTable);
    if (sets) {
      this.nestedSets.delete(key);
      const old = this.nestedTags.get(key);
      if (!old || old.some((x, i) => x !== tag[i])) {
        sets[SET_PRIV]!.flush();
        sets[SET_USER]!.flush();
      }
    } else {
      if (this.nestedSets.size >= MAX_NESTED_CONTEXTS) {
        const old = this.nestedSets.keys().next().value!;
        this.spareSets.push(this.nestedSets.get(old)!);
        this.nestedSets.delete(old);
        this.nestedTags.delete(old);
      }
      sets = this.newSets();
    }
    this.nestedSets.set(key, sets); // most recently entered last
    this.nestedTags.set(key, tag);
    this.sets = sets;
    this.nestedKey = key;
    this.ps = ps;
    this.nestedTables.ps = ps;
    this.radix.mem = this.nestedTables;
    this.nestedProcessTable = processTable;
    this.radix.prtb = Number(processTable & 0x0ffffffffffff000n);
    this.radix.prtbSize = 2 ** (Number(processTable & 0x1fn) + 12);
    this.contextSwitched();
  }

  /** What a nested guest's relocated entries depend on besides its tables: PID, AMR, IAMR, the process table. */
  private contextTag(processTable: bigint): number[] {
    const cpu = this.cpu;
    return [cpu.sprLo[SPR_PIDR]!, cpu.sprHi[SPR_AMR]!, cpu.sprLo[SPR_AMR]!, cpu.sprHi[SPR_IAMR]!, cpu.sprLo[SPR_IAMR]!, Number(processTable & 0xffffffffn), Number(processTable >> 32n)];
  }

  /** Back to the partition's own translation. */
  leaveNested(): void {
    const key = this.nestedKey;
    if (key) this.nestedTags.set(key, this.contextTag(this.nestedProcessTable));
    this.sets = this.baseSets;
    this.nestedKey = undefined;
    this.ps = undefined;
    this.nestedTables.ps = undefined;
    this.radix.mem = this.physTables;
    this.radix.prtb = this.basePrtb;
    this.radix.prtbSize = this.basePrtbSize;
    this.contextSwitched();
  }

  /** Nested guests whose TLB sets this thread holds (at most MAX_NESTED_CONTEXTS). */
  get nestedContexts(): number {
    return this.nestedSets.size;
  }

  /** The nested guest running on this thread, if any. */
  get nestedGuest(): object | undefined {
    return this.nestedKey;
  }

  /** Forget the partition's own translations on this thread (not its nested guests'). */
  flushPartition(): void {
    for (const s of this.baseSets) s.flush();
    if (!this.nestedKey) {
      this.cpu.ctxGen++;
      this.cpu.fetchGen = this.inst.stamp;
    }
  }

  /** Forget everything cached for nested guest `key` on this thread (an LPID-wide invalidation). */
  flushNested(key: object): void {
    const sets = this.nestedSets.get(key);
    if (!sets) return;
    for (const s of sets) s.flush();
    if (key === this.nestedKey) {
      this.cpu.ctxGen++;
      this.cpu.fetchGen = this.inst.stamp;
    }
  }

  /** The nested guest is gone: its sets too. */
  forgetNested(key: object): void {
    if (key !== this.nestedKey) {
      const sets = this.nestedSets.get(key);
      if (sets) this.spareSets.push(sets);
      this.nestedSets.delete(key);
      this.nestedTags.delete(key);
    } else this.flushNested(key);
  }

  /**
   * Drop nested guest `key`'s entries whose guest real page lies in
   * [firstPage, firstPage + pages) (4 KiB pages): a partition-scoped
   * invalidation of exactly the shadow entries that went.
   */
  invalidateGuestReal(key: object, firstPage: number, pages: number): void {
    const sets = this.nestedSets.get(key);
    if (!sets) return;
    let hit = false;
    for (const s of sets) hit = s.dropGuestReal(firstPage, pages) || hit;
    if (hit && key === this.nestedKey) {
      this.cpu.ctxGen++;
      this.cpu.fetchGen = this.inst.stamp;
    }
  }

  /** The sets changed under the thread: pick the data and instruction sides again; links between blocks end. */
  private contextSwitched(): void {
    const lo = this.cpu.msrLo;
    const rel = lo & MSR_PR ? SET_USER : SET_PRIV;
    this.data = this.sets[lo & MSR_DR ? rel : SET_REAL]!;
    this.inst = this.sets[lo & MSR_IR ? rel : SET_REAL]!;
    this.useData(this.data);
    this.cpu.fetchGen = this.inst.stamp;
    this.cpu.ctxGen++;
  }

  // ---- MmuOps: the segment instructions and the SPRs translation depends on ----

  slbmte(rsHi: number, rsLo: number, rbHi: number, rbLo: number): void {
    if (!this.slb.store(rbLo & 0xfff, rbHi, rbLo, rsHi, rsLo)) throw new CpuTrap('illegal');
    this.flushRelocated();
  }

  slbmfee(rbLo: number): number {
    return this.slbWord(rbLo, this.slb.esidHi, this.slb.esidLo);
  }

  slbmfev(rbLo: number): number {
    return this.slbWord(rbLo, this.slb.vsidHi, this.slb.vsidLo);
  }

  /** One word of the SLB entry RB's low 12 bits name (past the SLB: illegal, as QEMU). */
  private slbWord(rbLo: number, hi: Int32Array, lo: Int32Array): number {
    const i = rbLo & 0xfff;
    if (i >= lo.length) throw new CpuTrap('illegal');
    this.cpu.tmpHi = hi[i]!;
    return lo[i]!;
  }

  slbfee(rbHi: number, rbLo: number): number | undefined {
    const i = this.slb.lookup(this.cpu.mode & MODE_32 ? 0 : rbHi, rbLo);
    if (i < 0) return undefined;
    this.cpu.tmpHi = this.slb.vsidHi[i]!;
    return this.slb.vsidLo[i]!;
  }

  slbie(rbHi: number, rbLo: number): void {
    this.slb.invalidate(rbHi, rbLo);
    this.flushRelocated();
  }

  slbia(ih: number): void {
    this.slb.invalidateAll(ih);
    this.flushRelocated();
  }

  /** How a global tlbie reaches every thread of the partition (set by the hypervisor); alone, this thread only. */
  broadcast: ((f: (m: Mmu) => void) => void) | undefined;

  tlbie(rbHi: number, rbLo: number, rsHi: number, _rsLo: number, ric: number, prs: number, r: number, local: boolean): void {
    // A nested guest's tlbie reaches that guest's entries on every thread (its LPID's), the partition's its own.
    const key = this.nestedKey;
    const f = (m: Mmu) => m.invalidateTlbIn(key, rbHi, rbLo, rsHi, ric, prs, r);
    if (local || !this.broadcast) f(this);
    else this.broadcast(f);
  }

  /** One thread's part of a tlbie for the partition (key undefined) or one of its nested guests. */
  private invalidateTlbIn(key: object | undefined, rbHi: number, rbLo: number, rsHi: number, ric: number, prs: number, r: number): void {
    if (key === this.nestedKey) return this.invalidateTlb(rbHi, rbLo, ric, r, rsHi, prs);
    if (key === undefined) {
      // The partition's own tlbie while this thread runs a nested guest: the partition's sets, then the MMU context as it is.
      for (const s of this.baseSets) s.flush();
      return;
    }
    this.flushNested(key);
  }

  /**
   * One thread's part of a tlbie/tlbiel. IS=0 with R=1 and RIC=0 names one
   * radix page (RB: EPN in bits 0:51, AP in 56:58): its 4K entries go when
   * it is at most 64K, everything relocated otherwise. Every other scope
   * (a PID, the LPID, all; hash entries) drops every relocated translation:
   * never less than the architecture asks. Two radix scopes name nothing
   * this TLB holds: the page-walk cache alone (RIC=1: entries are final
   * translations, no walk is cached), and a PID other than PIDR and 0 (the
   * TLB holds translations of those two only: a PIDR write flushes it).
   * (rsHi: RS bits 0:31, the PID; undefined: not known, no shortcut.)
   */
  invalidateTlb(rbHi: number, rbLo: number, ric: number, r: number, rsHi?: number, prs?: number): void {
    const is = (rbLo >>> 10) & 3;
    const ap = (rbLo >>> 5) & 7;
    if (r && ric === 1) return;
    if (r && prs && is === 1 && rsHi !== undefined && rsHi !== 0 && rsHi !== this.cpu.sprLo[SPR_PIDR]) return;
    if (is === 0 && r && ric === 0 && (ap === 0 || ap === 5)) {
      const pages = ap === 5 ? 16 : 1;
      const first = (rbLo >>> PHYS_PAGE_SHIFT) & ~(pages - 1);
      for (let k = 0; k < pages; k++) {
        const tag = (first + k) | 0;
        const ix = foldedLookasideIndex(tag, rbHi, TLB_ENTRIES);
        for (const set of [this.sets[SET_PRIV]!, this.sets[SET_USER]!]) {
          for (const j of [ix, ix + TLB_ENTRIES]) {
            // both ways of the data sides
            if (set.rTagLo[j] === tag && set.rTagHi[j] === rbHi) set.rTagLo[j] = -1;
            if (set.wTagLo[j] === tag && set.wTagHi[j] === rbHi) set.wTagLo[j] = -1;
          }
          if (set.iTagLo[ix] === tag && set.iTagHi[ix] === rbHi) (set.iTagLo[ix] = -1), (set.stamp = newStamp());
        }
      }
      this.cpu.ctxGen++;
      this.cpu.fetchGen = this.inst.stamp;
      return;
    }
    if (!r) this.flushAll(); // hash: the VRMA's real-mode entries too
    else this.flushRelocated();
  }

  sprWritten(num: number): void {
    // The storage-key registers change what relocated accesses may do: in a
    // radix partition only key 0's supervisor accesses to problem-state
    // pages (the keyed entries of the privileged set); with hash
    // translation, every relocated access.
    if (num === SPR_AMR || num === SPR_IAMR) {
      const hash = !this.ps && this.walk !== undefined && !(this.cpu.sprLo[SPR_LPCR]! & LPCR_HR_LO);
      if (hash) return this.flushRelocated();
      this.sets[SET_PRIV]!.dropKeyed();
      this.cpu.ctxGen++;
      this.cpu.fetchGen = this.inst.stamp;
    } else if (num === SPR_PIDR) this.flushRelocated();
    else if (num === SPR_LPCR) this.flushAll();
  }

  flushWrite(page: number): void {
    for (const s of this.sets) {
      for (let i = 0; i < TLB_SLOTS; i++) if (s.wTagLo[i] !== -1 && s.wPhys[i] === page) s.wTagLo[i] = -1;
    }
  }

  // ---- translation ----

  /**
   * Effective → guest physical address, or the architected interrupt. Real
   * mode ignores EA bits 0:3 (Book III 6.7.3). A radix partition's real mode
   * reaches all of its memory; a hash partition's goes through the VRMA
   * (the LPCR[VRMASD] segment over the hypervisor's bolted entries), so an
   * address past the RMA faults like a missing translation. Relocation in a
   * hash partition: SLB, then the hashed page table; in a radix partition,
   * the process-scoped tree of the PID (radix.ts).
   */
  private translate(hi: number, lo: number, access: number): number {
    const cpu = this.cpu;
    if (cpu.mode & MODE_32) hi = 0;
    const relocate = access === ACCESS_FETCH ? cpu.msrLo & MSR_IR : cpu.msrLo & MSR_DR;
    this.lastKeyed = false;
    const ps = this.ps;
    if (ps) {
      // A nested guest (always radix): its real address or its process-scoped walk, then the partition-scoped step.
      this.nestedTables.eaHi = hi;
      this.nestedTables.eaLo = lo;
      const gra = relocate ? this.radixWalk(hi, lo, access) : (hi & 0x0fffffff) * 4294967296 + (lo >>> 0);
      this.lastGra = gra;
      return ps.translate(gra, access, false, hi, lo);
    }
    const hash = this.walk !== undefined && !(cpu.sprLo[SPR_LPCR]! & LPCR_HR_LO);
    if (!relocate) {
      if (!hash) return (hi & 0x0fffffff) * 4294967296 + (lo >>> 0);
      const vrmaLo = VRMA_VSID_LO | (((cpu.sprLo[SPR_LPCR]! & LPCR_VRMASD_LO) >>> 8) & SLB_VSID_LLP);
      return this.hashWalk(VRMA_VSID_HI, vrmaLo, hi & 0x0fffffff, lo, access, hi, lo);
    }
    if (hash) {
      const i = this.slb.lookup(hi, lo);
      if (i < 0) {
        if (access === ACCESS_FETCH) throw new Interrupt(VEC_ISEG, 0, false);
        throw new Interrupt(VEC_DSEG, 0, false, hi, lo);
      }
      return this.hashWalk(this.slb.vsidHi[i]!, this.slb.vsidLo[i]!, hi, lo, access, hi, lo);
    }
    return this.radixWalk(hi, lo, access);
  }

  /** The radix walk for a relocated access; faults are the partition's storage or segment interrupts. */
  private radixWalk(hi: number, lo: number, access: number): number {
    const cpu = this.cpu;
    const st = this.radix;
    st.pid = cpu.sprLo[SPR_PIDR]!;
    st.pr = (cpu.msrLo & MSR_PR) !== 0;
    st.amrKey0 = cpu.sprHi[SPR_AMR]! >>> 30;
    st.iamrKey0 = cpu.sprHi[SPR_IAMR]! >>> 30;
    const r = radixTranslate(st, hi, lo, access);
    this.lastKeyed = r.keyed;
    if (r.fault === 0) return r.gpa;
    if (r.fault === RFAULT_SEGMENT) {
      if (access === ACCESS_FETCH) throw new Interrupt(VEC_ISEG, 0, false);
      throw new Interrupt(VEC_DSEG, 0, false, hi, lo);
    }
    if (access === ACCESS_FETCH) throw new Interrupt(VEC_ISI, r.fault, false);
    throw new Interrupt(VEC_DSI, 0, false, hi, lo, r.fault | (access === ACCESS_WRITE ? DSISR_STORE : 0));
  }

  /** The hash walk for (hi, lo) in the segment (vsidHi, vsidLo); faults report EA (eaHi, eaLo). */
  private hashWalk(vsidHi: number, vsidLo: number, hi: number, lo: number, access: number, eaHi: number, eaLo: number): number {
    const cpu = this.cpu;
    const w = this.walk!;
    w.pr = (cpu.msrLo & MSR_PR) !== 0;
    w.amrHi = cpu.sprHi[SPR_AMR]!;
    w.amrLo = cpu.sprLo[SPR_AMR]!;
    w.iamrHi = cpu.sprHi[SPR_IAMR]!;
    w.iamrLo = cpu.sprLo[SPR_IAMR]!;
    const r = hashTranslate(w, vsidHi, vsidLo, hi, lo, access);
    if (r.fault === 0) return r.gpa;
    if (access === ACCESS_FETCH) throw new Interrupt(VEC_ISI, r.fault, false);
    throw new Interrupt(VEC_DSI, 0, false, eaHi, eaLo, r.fault | (access === ACCESS_WRITE ? DSISR_STORE : 0));
  }

  /** The slot behind a data access, or undefined for MMIO. Refills the TLB side. */
  private fill(hi: number, lo: number, write: boolean): DataView | undefined {
    const gpa = this.translate(hi, lo, write ? ACCESS_WRITE : ACCESS_READ);
    const slot = this.phys.find(gpa);
    if (!slot || (write && slot.readonly)) return undefined;
    const v = this.phys.view(slot, gpa);
    const ix = foldedLookasideIndex(lo >>> PHYS_PAGE_SHIFT, hi, TLB_ENTRIES);
    const t = this.data;
    const gra = Math.floor((this.ps ? this.lastGra : gpa) / PHYS_PAGE_SIZE);
    if (write) {
      if (this.phys.isCode(slot, gpa)) {
        // Stores to code never get an entry: drop the decoded code, then write.
        this.phys.codeWritten(slot, gpa);
        return v;
      }
      t.makeRoom(SIDE_WRITE, ix);
      t.wTagLo[ix] = lo >>> PHYS_PAGE_SHIFT;
      t.wTagHi[ix] = hi;
      t.wView[ix] = v;
      t.wOff[ix] = v.buffer === this.hostBuffer ? v.byteOffset : -1;
      t.wPhys[ix] = Math.floor(gpa / PHYS_PAGE_SIZE);
      t.wGra[ix] = gra;
      if (this.lastKeyed) t.keyed.push(TLB_SLOTS + ix);
    } else {
      t.makeRoom(SIDE_READ, ix);
      t.rTagLo[ix] = lo >>> PHYS_PAGE_SHIFT;
      t.rTagHi[ix] = hi;
      t.rView[ix] = v;
      t.rOff[ix] = v.buffer === this.hostBuffer ? v.byteOffset : -1;
      t.rGra[ix] = gra;
      if (this.lastKeyed) t.keyed.push(ix);
    }
    return v;
  }

  // ---- MMIO: the access leaves the thread; the VMM answers (kvm/ppc) ----

  private mmio(hi: number, lo: number, len: number, write: boolean, value: Uint8Array | undefined): Uint8Array {
    const gpa = this.translate(hi, lo, write ? ACCESS_WRITE : ACCESS_READ);
    const d = this.mmioDone;
    if (d !== undefined && d.gpa === gpa && d.len === len && d.write === write) {
      this.mmioDone = undefined;
      return d.data;
    }
    this.mmioPending = { gpa, len, write, data: value ?? new Uint8Array(len) };
    // What the hardware raises for an access outside the partition's memory:
    // a hypervisor data storage interrupt (HDAR = EA; ASDR = the real address).
    throw new Interrupt(VEC_HDSI, 0, true, hi, lo, write ? DSISR_STORE : 0);
  }

  private mmioRead(hi: number, lo: number, len: number, le: boolean): number {
    const b = this.mmio(hi, lo, len, false, undefined);
    const v = this.buf8;
    for (let i = 0; i < len; i++) v.setUint8(i, b[i]!);
    switch (len) {
      case 1:
        return v.getUint8(0);
      case 2:
        return v.getUint16(0, le);
      case 4:
        return v.getInt32(0, le);
      default:
        this.hi64 = v.getInt32(le ? 4 : 0, le);
        return v.getInt32(le ? 0 : 4, le);
    }
  }

  private mmioWrite(hi: number, lo: number, len: number, vHi: number, vLo: number, le: boolean): void {
    const v = this.buf8;
    switch (len) {
      case 1:
        v.setUint8(0, vLo);
        break;
      case 2:
        v.setUint16(0, vLo, le);
        break;
      case 4:
        v.setInt32(0, vLo, le);
        break;
      default:
        v.setInt32(0, le ? vLo : vHi, le);
        v.setInt32(4, le ? vHi : vLo, le);
    }
    this.mmio(hi, lo, len, true, new Uint8Array(v.buffer.slice(0, len)));
  }

  // ---- CPU access (GuestMemory) ----

  private rv(hi: number, lo: number): DataView | undefined {
    const t = this.data;
    const ix = foldedLookasideIndex(lo >>> PHYS_PAGE_SHIFT, hi, TLB_ENTRIES);
    if (t.rTagLo[ix] === lo >>> PHYS_PAGE_SHIFT && t.rTagHi[ix] === hi) return t.rView[ix]!;
    return t.second(SIDE_READ, ix, lo >>> PHYS_PAGE_SHIFT, hi) ? t.rView[ix]! : this.fill(hi, lo, false);
  }

  probeWrite(hi: number, lo: number): void {
    this.wv(hi, lo); // MMIO (undefined): the store itself goes to the VMM
  }

  private wv(hi: number, lo: number): DataView | undefined {
    const t = this.data;
    const ix = foldedLookasideIndex(lo >>> PHYS_PAGE_SHIFT, hi, TLB_ENTRIES);
    if (t.wTagLo[ix] === lo >>> PHYS_PAGE_SHIFT && t.wTagHi[ix] === hi) return t.wView[ix]!;
    return t.second(SIDE_WRITE, ix, lo >>> PHYS_PAGE_SHIFT, hi) ? t.wView[ix]! : this.fill(hi, lo, true);
  }

  read8(hi: number, lo: number): number {
    const v = this.rv(hi, lo);
    return v ? v.getUint8(lo & PAGE_MASK) : this.mmioRead(hi, lo, 1, false);
  }

  read16(hi: number, lo: number, le: boolean): number {
    const off = lo & PAGE_MASK;
    if (off > PHYS_PAGE_SIZE - 2) return this.readSplit(hi, lo, 2, le);
    const v = this.rv(hi, lo);
    return v ? v.getUint16(off, le) : this.mmioRead(hi, lo, 2, le);
  }

  read32(hi: number, lo: number, le: boolean): number {
    const off = lo & PAGE_MASK;
    if (off > PHYS_PAGE_SIZE - 4) return this.readSplit(hi, lo, 4, le) | 0;
    const v = this.rv(hi, lo);
    return v ? v.getInt32(off, le) : this.mmioRead(hi, lo, 4, le);
  }

  read64(hi: number, lo: number, le: boolean): number {
    const off = lo & PAGE_MASK;
    if (off <= PHYS_PAGE_SIZE - 8) {
      const v = this.rv(hi, lo);
      if (!v) return this.mmioRead(hi, lo, 8, le);
      if (le) {
        this.hi64 = v.getInt32(off + 4, true);
        return v.getInt32(off, true);
      }
      this.hi64 = v.getInt32(off, false);
      return v.getInt32(off + 4, false);
    }
    return readSplit64(this, hi, lo, le);
  }

  write8(hi: number, lo: number, v: number): void {
    const d = this.wv(hi, lo);
    if (d) d.setUint8(lo & PAGE_MASK, v);
    else this.mmioWrite(hi, lo, 1, 0, v, false);
  }

  write16(hi: number, lo: number, v: number, le: boolean): void {
    const off = lo & PAGE_MASK;
    if (off > PHYS_PAGE_SIZE - 2) return this.writeSplit(hi, lo, 2, v, le);
    const d = this.wv(hi, lo);
    if (d) d.setUint16(off, v, le);
    else this.mmioWrite(hi, lo, 2, 0, v, le);
  }

  write32(hi: number, lo: number, v: number, le: boolean): void {
    const off = lo & PAGE_MASK;
    if (off > PHYS_PAGE_SIZE - 4) return this.writeSplit(hi, lo, 4, v, le);
    const d = this.wv(hi, lo);
    if (d) d.setInt32(off, v, le);
    else this.mmioWrite(hi, lo, 4, 0, v, le);
  }

  write64(hi: number, lo: number, vHi: number, vLo: number, le: boolean): void {
    const off = lo & PAGE_MASK;
    if (off <= PHYS_PAGE_SIZE - 8) {
      const d = this.wv(hi, lo);
      if (!d) return this.mmioWrite(hi, lo, 8, vHi, vLo, le);
      d.setInt32(off, le ? vLo : vHi, le);
      d.setInt32(off + 4, le ? vHi : vLo, le);
      return;
    }
    writeSplit64(this, this.probeW, hi, lo, vHi, vLo, le);
  }

  /** Page-crossing accesses (split-access.ts), probing writes through this memory's own write side. */
  private readonly probeW = (hi: number, lo: number) => this.wv(hi, lo);
  private readSplit(hi: number, lo: number, n: number, le: boolean): number {
    return readSplit(this, hi, lo, n, le);
  }
  private writeSplit(hi: number, lo: number, n: number, v: number, le: boolean): void {
    writeSplit(this, this.probeW, hi, lo, n, v, le);
  }

  // ---- instruction side ----

  /** The physical page an instruction at (hi, lo) is fetched from; marks it as holding code. */
  codeKey(hi: number, lo: number, fetch: boolean): number {
    if (!fetch) {
      // icbi: the block's data-side translation names the page to drop (-1: not RAM).
      const gpa = this.translate(hi, lo, ACCESS_READ);
      return this.phys.find(gpa) ? Math.floor(gpa / PHYS_PAGE_SIZE) : -1;
    }
    const t = this.inst;
    const ix = foldedLookasideIndex(lo >>> PHYS_PAGE_SHIFT, hi, TLB_ENTRIES);
    if (t.iTagLo[ix] === lo >>> PHYS_PAGE_SHIFT && t.iTagHi[ix] === hi) return t.iPhys[ix]!;
    const gpa = this.translate(hi, lo, ACCESS_FETCH);
    if (!this.phys.find(gpa)) throw this.fetchOutsideRam(hi, lo);
    const page = Math.floor(gpa / PHYS_PAGE_SIZE);
    this.phys.markCode(page);
    t.iTagLo[ix] = lo >>> PHYS_PAGE_SHIFT;
    t.iTagHi[ix] = hi;
    t.iPhys[ix] = page;
    t.iGra[ix] = this.ps ? Math.floor(this.lastGra / PHYS_PAGE_SIZE) : page;
    if (this.lastKeyed) t.keyed.push(2 * TLB_SLOTS + ix);
    return page;
  }

  fetch32(hi: number, lo: number, le: boolean): number {
    const gpa = this.translate(hi, lo, ACCESS_FETCH);
    const slot: MemSlot | undefined = this.phys.find(gpa);
    if (!slot) throw this.fetchOutsideRam(hi, lo);
    // Every decode marks its page: a store since the last one cleared the mark
    // (PhysMap.codeWritten), and the next store must reach the run loop again.
    this.phys.markCode(Math.floor(gpa / PHYS_PAGE_SIZE));
    return this.phys.view(slot, gpa).getInt32(gpa & PAGE_MASK & ~3, le);
  }

  /** Instruction fetch from an address no slot backs: a hypervisor instruction storage interrupt. */
  private fetchOutsideRam(hi: number, lo: number): Interrupt {
    return new Interrupt(VEC_HISI, SRR1_ISI_NOPTE, true, hi, lo);
  }
}
