// A sparse 64-bit address space of 64 KiB pages, for Linux-user mode:
// the process image, its heap, its mmaps and its stack.

import { lookasideIndex, MemFault, type GuestMemory, type Lookaside } from './guest-memory.js';
import { readSplit, readSplit64, writeSplit, writeSplit64 } from './split-access.js';

export const PAGE_SHIFT = 16;
export const PAGE_SIZE = 1 << PAGE_SHIFT;
const PAGE_MASK = PAGE_SIZE - 1;

export const PROT_READ = 1;
export const PROT_WRITE = 2;
export const PROT_EXEC = 4;

interface Page {
  readonly data: Uint8Array;
  readonly view: DataView;
  prot: number;
}

/** Lookaside entries (a power of two; compiled blocks index it with `& 255`). */
export const TLB_SIZE = 256;

/** Page number of an address given as halves (exact: < 2^48 for any 64-bit address). */
function pageKey(hi: number, lo: number): number {
  return (hi >>> 0) * 65536 + (lo >>> PAGE_SHIFT);
}

export class SparseMemory implements GuestMemory, Lookaside {
  hi64 = 0;
  readonly pageShift = PAGE_SHIFT;
  readonly size = TLB_SIZE;
  readonly fold = false;
  /** Compiled code probes the lookaside below inline. */
  readonly lookaside: Lookaside = this;
  private readonly pages = new Map<number, Page>();
  // Direct-mapped lookaside for the page map: separate read and write sides so
  // a read-only page never satisfies a store.
  // Tags are the page's (lo >>> 16) and hi words: integer compares only.
  // Public for the run loop's compiled blocks (src/cpu/ppc64/exec-emit.ts),
  // which probe entry lookasideIndex(lo >>> 16, TLB_SIZE) inline and call the
  // methods below on a miss: read-only to everything but this class.
  readonly rTagLo = new Int32Array(TLB_SIZE).fill(-1);
  readonly rTagHi = new Int32Array(TLB_SIZE);
  readonly rView: DataView[] = new Array<DataView>(TLB_SIZE);
  readonly wTagLo = new Int32Array(TLB_SIZE).fill(-1);
  readonly wTagHi = new Int32Array(TLB_SIZE);
  readonly wView: DataView[] = new Array<DataView>(TLB_SIZE);
  /** Called when a page is unmapped or loses execute permission (code caches listen). */
  onUnmap: ((pageNumber: number) => void) | undefined;

  // ---- mapping -----------------------------------------------------------

  /** Map [addr, addr+len) (page-rounded) with `prot`, zero-filled. Existing pages get the new prot. */
  map(addr: number, len: number, prot: number): void {
    const first = Math.floor(addr / PAGE_SIZE);
    const last = Math.floor((addr + len - 1) / PAGE_SIZE);
    for (let p = first; p <= last; p++) {
      const pg = this.pages.get(p);
      if (pg) pg.prot = prot;
      else {
        const data = new Uint8Array(PAGE_SIZE);
        this.pages.set(p, { data, view: new DataView(data.buffer), prot });
      }
    }
    this.flushTlb();
  }

  /** Every mapped page: its address, contents (shared, not a copy) and protection. */
  *mappedPages(): Generator<{ addr: number; data: Uint8Array; prot: number }> {
    for (const [p, pg] of this.pages) yield { addr: p * PAGE_SIZE, data: pg.data, prot: pg.prot };
  }

  unmap(addr: number, len: number): void {
    const first = Math.floor(addr / PAGE_SIZE);
    const last = Math.floor((addr + len - 1) / PAGE_SIZE);
    for (let p = first; p <= last; p++) {
      if (this.pages.delete(p)) this.onUnmap?.(p);
    }
    this.flushTlb();
  }

  protect(addr: number, len: number, prot: number): boolean {
    const first = Math.floor(addr / PAGE_SIZE);
    const last = Math.floor((addr + len - 1) / PAGE_SIZE);
    for (let p = first; p <= last; p++) if (!this.pages.has(p)) return false;
    for (let p = first; p <= last; p++) {
      const pg = this.pages.get(p)!;
      // Losing execute permission drops the page's decoded code: a loop must
      // not keep running on a page that is no longer executable.
      if (pg.prot & PROT_EXEC && !(prot & PROT_EXEC)) this.onUnmap?.(p);
      pg.prot = prot;
    }
    this.flushTlb();
    return true;
  }

  isMapped(addr: number): boolean {
    return this.pages.has(Math.floor(addr / PAGE_SIZE));
  }

  /** Lowest page-aligned address >= hint where `len` bytes are free, or -1. */
  findFree(len: number, hint: number, limit = 2 ** 47): number {
    const n = Math.ceil(len / PAGE_SIZE);
    let p = Math.ceil(hint / PAGE_SIZE);
    const end = Math.floor(limit / PAGE_SIZE);
    outer: while (p + n <= end) {
      for (let k = 0; k < n; k++) {
        if (this.pages.has(p + k)) {
          p = p + k + 1;
          continue outer;
        }
      }
      return p * PAGE_SIZE;
    }
    return -1;
  }

  private flushTlb(): void {
    this.rTagLo.fill(-1);
    this.wTagLo.fill(-1);
  }

  // ---- host-side bulk access (syscalls, loaders); addresses are numbers ----

  readBytes(addr: number, len: number): Uint8Array {
    const out = new Uint8Array(len);
    let done = 0;
    while (done < len) {
      const a = addr + done;
      const pg = this.pages.get(Math.floor(a / PAGE_SIZE));
      if (!pg || !(pg.prot & PROT_READ)) throw new MemFault(Math.floor(a / 2 ** 32), a % 2 ** 32 | 0, false, pg ? 'protection' : 'unmapped');
      const off = a % PAGE_SIZE;
      const n = Math.min(len - done, PAGE_SIZE - off);
      out.set(pg.data.subarray(off, off + n), done);
      done += n;
    }
    return out;
  }

  /** Write bytes; `force` ignores write protection (loader filling read-only segments). */
  writeBytes(addr: number, bytes: Uint8Array, force = false): void {
    let done = 0;
    while (done < bytes.length) {
      const a = addr + done;
      const pg = this.pages.get(Math.floor(a / PAGE_SIZE));
      if (!pg || (!force && !(pg.prot & PROT_WRITE))) throw new MemFault(Math.floor(a / 2 ** 32), a % 2 ** 32 | 0, true, pg ? 'protection' : 'unmapped');
      const off = a % PAGE_SIZE;
      const n = Math.min(bytes.length - done, PAGE_SIZE - off);
      pg.data.set(bytes.subarray(done, done + n), off);
      done += n;
    }
  }

  /** Read a NUL-terminated string (at most `max` bytes). */
  readCString(addr: number, max = 1 << 20): Uint8Array {
    const parts: number[] = [];
    for (let i = 0; i < max; i++) {
      const a = addr + i;
      const b = this.read8(Math.floor(a / 2 ** 32), a % 2 ** 32 | 0);
      if (b === 0) break;
      parts.push(b);
    }
    return Uint8Array.from(parts);
  }

  // ---- CPU access ----------------------------------------------------------

  private slowPage(hi: number, lo: number, write: boolean, exec = false): DataView {
    const key = pageKey(hi, lo);
    const pg = this.pages.get(key);
    const need = write ? PROT_WRITE : exec ? PROT_EXEC : PROT_READ;
    if (!pg || !(pg.prot & need)) throw new MemFault(hi, lo, write, pg ? 'protection' : 'unmapped');
    if (!exec) {
      const idx = lookasideIndex(lo >>> PAGE_SHIFT, hi, TLB_SIZE);
      if (write) {
        this.wTagLo[idx] = lo >>> PAGE_SHIFT;
        this.wTagHi[idx] = hi;
        this.wView[idx] = pg.view;
      } else {
        this.rTagLo[idx] = lo >>> PAGE_SHIFT;
        this.rTagHi[idx] = hi;
        this.rView[idx] = pg.view;
      }
    }
    return pg.view;
  }

  private rv(hi: number, lo: number): DataView {
    const idx = lookasideIndex(lo >>> PAGE_SHIFT, hi, TLB_SIZE);
    if (this.rTagLo[idx] === lo >>> PAGE_SHIFT && this.rTagHi[idx] === hi) return this.rView[idx]!;
    return this.slowPage(hi, lo, false);
  }

  probeWrite(hi: number, lo: number): void {
    this.wv(hi, lo);
  }

  private wv(hi: number, lo: number): DataView {
    const idx = lookasideIndex(lo >>> PAGE_SHIFT, hi, TLB_SIZE);
    if (this.wTagLo[idx] === lo >>> PAGE_SHIFT && this.wTagHi[idx] === hi) return this.wView[idx]!;
    return this.slowPage(hi, lo, true);
  }

  read8(hi: number, lo: number): number {
    return this.rv(hi, lo).getUint8(lo & PAGE_MASK);
  }

  read16(hi: number, lo: number, le: boolean): number {
    const off = lo & PAGE_MASK;
    if (off <= PAGE_SIZE - 2) return this.rv(hi, lo).getUint16(off, le);
    return this.readSplit(hi, lo, 2, le);
  }

  read32(hi: number, lo: number, le: boolean): number {
    const off = lo & PAGE_MASK;
    if (off <= PAGE_SIZE - 4) return this.rv(hi, lo).getInt32(off, le);
    return this.readSplit(hi, lo, 4, le) | 0;
  }

  read64(hi: number, lo: number, le: boolean): number {
    const off = lo & PAGE_MASK;
    if (off <= PAGE_SIZE - 8) {
      const v = this.rv(hi, lo);
      if (le) {
        this.hi64 = v.getInt32(off + 4, true);
        return v.getInt32(off, true);
      }
      this.hi64 = v.getInt32(off, false);
      return v.getInt32(off + 4, false);
    }
    return readSplit64(this, hi, lo, le);
  }

  fetch32(hi: number, lo: number, le: boolean): number {
    return this.slowPage(hi, lo, false, true).getInt32(lo & PAGE_MASK, le);
  }

  write8(hi: number, lo: number, v: number): void {
    this.wv(hi, lo).setUint8(lo & PAGE_MASK, v);
  }

  write16(hi: number, lo: number, v: number, le: boolean): void {
    const off = lo & PAGE_MASK;
    if (off <= PAGE_SIZE - 2) this.wv(hi, lo).setUint16(off, v, le);
    else this.writeSplit(hi, lo, 2, v, le);
  }

  write32(hi: number, lo: number, v: number, le: boolean): void {
    const off = lo & PAGE_MASK;
    if (off <= PAGE_SIZE - 4) this.wv(hi, lo).setInt32(off, v, le);
    else this.writeSplit(hi, lo, 4, v, le);
  }

  write64(hi: number, lo: number, vHi: number, vLo: number, le: boolean): void {
    const off = lo & PAGE_MASK;
    if (off <= PAGE_SIZE - 8) {
      const v = this.wv(hi, lo);
      v.setInt32(off, le ? vLo : vHi, le);
      v.setInt32(off + 4, le ? vHi : vLo, le);
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
}
