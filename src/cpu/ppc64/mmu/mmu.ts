// A hardware thread's view of memory in system mode: effective addresses
// translated to guest physical addresses (real mode, or the partition's radix
// or hash tables), a software TLB owned by the thread, and the partition's
// physical map behind it (RAM slots; everything else is MMIO for the VMM).
//
// The TLB is direct-mapped, 4 KiB pages, one set per translation context
// (real mode, relocated), each with a read, a write and an instruction side.
// The read and write sides are the Lookaside that compiled code probes
// inline (exec-emit.ts); the methods below probe it the same way and take the
// slow path (translate, look the page up, refill) on a miss. Write entries
// are never made for pages holding decoded code, so every store to code
// reaches PhysMap.codeWritten and the run loop drops that code.

import type { GuestMemory, Lookaside } from '../../../memory/guest-memory.js';
import { PhysMap, PHYS_PAGE_SHIFT, PHYS_PAGE_SIZE, type MemSlot, type PhysListener } from '../../../memory/phys-map.js';
import type { CpuState } from '../state.js';
import { MODE_32, MSR_DR, MSR_IR } from '../msr.js';
import { DSISR_NOPTE, DSISR_STORE, Interrupt, SRR1_ISI_NOPTE, VEC_DSI, VEC_HDSI, VEC_HISI, VEC_ISI } from '../interrupt.js';
import { readSplit, writeSplit } from '../../../memory/split-access.js';

export const TLB_BITS = 10;
export const TLB_ENTRIES = 1 << TLB_BITS;
const PAGE_MASK = PHYS_PAGE_SIZE - 1;

/** One translation context's TLB: read, write and instruction sides. */
class TlbSet {
  readonly rTagLo = new Int32Array(TLB_ENTRIES).fill(-1);
  readonly rTagHi = new Int32Array(TLB_ENTRIES);
  readonly rView = new Array<DataView>(TLB_ENTRIES);
  readonly wTagLo = new Int32Array(TLB_ENTRIES).fill(-1);
  readonly wTagHi = new Int32Array(TLB_ENTRIES);
  readonly wView = new Array<DataView>(TLB_ENTRIES);
  /** Physical page of each write entry (to drop it when its page starts holding code). */
  readonly wPhys = new Float64Array(TLB_ENTRIES);
  readonly iTagLo = new Int32Array(TLB_ENTRIES).fill(-1);
  readonly iTagHi = new Int32Array(TLB_ENTRIES);
  readonly iPhys = new Float64Array(TLB_ENTRIES);

  flush(): void {
    this.rTagLo.fill(-1);
    this.wTagLo.fill(-1);
    this.iTagLo.fill(-1);
  }
}

/** The Lookaside compiled code sees: the arrays of the current data context. */
class ActiveLookaside implements Lookaside {
  readonly pageShift = PHYS_PAGE_SHIFT;
  readonly size = TLB_ENTRIES;
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

/** An MMIO access waiting for the VMM (set when an access left RAM), or completed by it. */
export interface MmioAccess {
  readonly gpa: number;
  readonly len: number;
  readonly write: boolean;
  /** The bytes as they are in memory (written by the guest, or supplied by the VMM). */
  readonly data: Uint8Array;
}

const ACCESS_READ = 0;
const ACCESS_WRITE = 1;
const ACCESS_FETCH = 2;

export class Mmu implements GuestMemory, PhysListener {
  hi64 = 0;
  /** Real mode (index 0) and relocated (index 1) translation contexts. */
  private readonly sets = [new TlbSet(), new TlbSet()];
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
  ) {
    this.data = this.inst = this.sets[0]!;
    this.lookaside = new ActiveLookaside(this.data);
    phys.listen(this);
    cpu.onMsrWrite = () => this.selectContext();
    this.selectContext();
  }

  /** Pick the data and instruction TLB sets from MSR[DR] and MSR[IR]. */
  private selectContext(): void {
    const lo = this.cpu.msrLo;
    const d = this.sets[lo & MSR_DR ? 1 : 0]!;
    this.inst = this.sets[lo & MSR_IR ? 1 : 0]!;
    if (d !== this.data) {
      this.data = d;
      this.lookaside.use(d);
    }
  }

  /** The run loop's hook: stores to code on any vCPU of the partition reach every run loop. */
  set onCodeWrite(f: ((key: number) => void) | undefined) {
    if (f) this.phys.onCodeWrite(f);
  }

  // ---- PhysListener ----

  flushAll(): void {
    for (const s of this.sets) s.flush();
    this.cpu.ctxGen++;
  }

  flushWrite(page: number): void {
    for (const s of this.sets) {
      for (let i = 0; i < TLB_ENTRIES; i++) if (s.wTagLo[i] !== -1 && s.wPhys[i] === page) s.wTagLo[i] = -1;
    }
  }

  // ---- translation ----

  /**
   * Effective → guest physical address, or the architected interrupt. Real
   * mode ignores EA bits 0:3 (Book III 6.7.3); relocation needs the
   * partition's tables (not modelled yet: every relocated access faults as
   * "no translation").
   */
  private translate(hi: number, lo: number, access: number): number {
    if (this.cpu.mode & MODE_32) hi = 0;
    const relocate = access === ACCESS_FETCH ? this.cpu.msrLo & MSR_IR : this.cpu.msrLo & MSR_DR;
    if (!relocate) return (hi & 0x0fffffff) * 4294967296 + (lo >>> 0);
    if (access === ACCESS_FETCH) throw new Interrupt(VEC_ISI, SRR1_ISI_NOPTE, false);
    throw new Interrupt(VEC_DSI, 0, false, hi, lo, DSISR_NOPTE | (access === ACCESS_WRITE ? DSISR_STORE : 0));
  }

  /** The slot behind a data access, or undefined for MMIO. Refills the TLB side. */
  private fill(hi: number, lo: number, write: boolean): DataView | undefined {
    const gpa = this.translate(hi, lo, write ? ACCESS_WRITE : ACCESS_READ);
    const slot = this.phys.find(gpa);
    if (!slot || (write && slot.readonly)) return undefined;
    const v = this.phys.view(slot, gpa);
    const ix = (lo >>> PHYS_PAGE_SHIFT) & (TLB_ENTRIES - 1);
    const t = this.data;
    if (write) {
      if (this.phys.isCode(slot, gpa)) {
        // Stores to code never get an entry: drop the decoded code, then write.
        this.phys.codeWritten(slot, gpa);
        return v;
      }
      t.wTagLo[ix] = lo >>> PHYS_PAGE_SHIFT;
      t.wTagHi[ix] = hi;
      t.wView[ix] = v;
      t.wPhys[ix] = Math.floor(gpa / PHYS_PAGE_SIZE);
    } else {
      t.rTagLo[ix] = lo >>> PHYS_PAGE_SHIFT;
      t.rTagHi[ix] = hi;
      t.rView[ix] = v;
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
    const ix = (lo >>> PHYS_PAGE_SHIFT) & (TLB_ENTRIES - 1);
    if (t.rTagLo[ix] === lo >>> PHYS_PAGE_SHIFT && t.rTagHi[ix] === hi) return t.rView[ix]!;
    return this.fill(hi, lo, false);
  }

  private wv(hi: number, lo: number): DataView | undefined {
    const t = this.data;
    const ix = (lo >>> PHYS_PAGE_SHIFT) & (TLB_ENTRIES - 1);
    if (t.wTagLo[ix] === lo >>> PHYS_PAGE_SHIFT && t.wTagHi[ix] === hi) return t.wView[ix]!;
    return this.fill(hi, lo, true);
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
    const lo4 = (lo + 4) | 0;
    const hi4 = lo4 >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
    const a = this.readSplit(hi, lo, 4, le) | 0;
    const b = this.readSplit(hi4, lo4, 4, le) | 0;
    this.hi64 = le ? b : a;
    return le ? a : b;
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
    // Probe the last byte's page first so a fault leaves memory unchanged.
    const l7 = (lo + 7) | 0;
    this.wv(l7 >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi, l7);
    const lo4 = (lo + 4) | 0;
    const hi4 = lo4 >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
    this.writeSplit(hi, lo, 4, le ? vLo : vHi, le);
    this.writeSplit(hi4, lo4, 4, le ? vHi : vLo, le);
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
    const ix = (lo >>> PHYS_PAGE_SHIFT) & (TLB_ENTRIES - 1);
    if (t.iTagLo[ix] === lo >>> PHYS_PAGE_SHIFT && t.iTagHi[ix] === hi) return t.iPhys[ix]!;
    const gpa = this.translate(hi, lo, ACCESS_FETCH);
    if (!this.phys.find(gpa)) throw this.fetchOutsideRam(hi, lo);
    const page = Math.floor(gpa / PHYS_PAGE_SIZE);
    this.phys.markCode(page);
    t.iTagLo[ix] = lo >>> PHYS_PAGE_SHIFT;
    t.iTagHi[ix] = hi;
    t.iPhys[ix] = page;
    return page;
  }

  fetch32(hi: number, lo: number, le: boolean): number {
    const gpa = this.translate(hi, lo, ACCESS_FETCH);
    const slot: MemSlot | undefined = this.phys.find(gpa);
    if (!slot) throw this.fetchOutsideRam(hi, lo);
    return this.phys.view(slot, gpa).getInt32(gpa & PAGE_MASK & ~3, le);
  }

  /** Instruction fetch from an address no slot backs: a hypervisor instruction storage interrupt. */
  private fetchOutsideRam(hi: number, lo: number): Interrupt {
    return new Interrupt(VEC_HISI, SRR1_ISI_NOPTE, true, hi, lo);
  }
}
