// A partition's guest physical address space: the memory slots the VMM
// registers (KVM_SET_USER_MEMORY_REGION), each backed by a buffer the VMM
// owns. Addresses no slot covers are MMIO: the vCPU exits to the VMM for them.
//
// Pages are 4 KiB here (the smallest page any MMU mode maps). Each slot keeps
// a DataView per page, made on first use, so a TLB entry is one view and the
// inline probe needs no addend; and a "holds decoded code" bit per page, so
// the TLBs refuse to cache write access to code and a store to code reaches
// the run loop (which drops the page's decoded instructions).

export const PHYS_PAGE_SHIFT = 12;
export const PHYS_PAGE_SIZE = 1 << PHYS_PAGE_SHIFT;

export const MEM_READONLY = 2; // KVM_MEM_READONLY

export interface MemSlot {
  readonly id: number;
  /** First guest physical address (page-aligned). */
  readonly gpa: number;
  readonly size: number;
  readonly bytes: Uint8Array;
  readonly readonly: boolean;
  /** Per page: holds decoded code (1) or not. */
  readonly code: Uint8Array;
  /** Per page: DataView over the page, made on first use. */
  readonly views: Array<DataView | undefined>;
}

/** Something that caches translations to pages of this map (a vCPU's MMU). */
export interface PhysListener {
  /** Forget every cached translation (slots changed). */
  flushAll(): void;
  /** Forget cached write access to physical page `page` (it now holds code). */
  flushWrite(page: number): void;
}

export class PhysMap {
  private slots: MemSlot[] = [];
  private readonly listeners = new Set<PhysListener>();
  private last: MemSlot | undefined;
  /** Called with the physical page number when a store reaches a page holding decoded code (each vCPU's run loop). */
  private readonly codeListeners = new Set<(page: number) => void>();

  get all(): readonly MemSlot[] {
    return this.slots;
  }

  listen(l: PhysListener): void {
    this.listeners.add(l);
  }

  onCodeWrite(f: (page: number) => void): void {
    this.codeListeners.add(f);
  }

  /**
   * Create, replace (same id) or, with size 0, delete a slot. Throws a
   * RangeError for a slot that overlaps another or is not page-aligned, as
   * KVM refuses it with EINVAL/EEXIST.
   */
  setSlot(id: number, gpa: number, bytes: Uint8Array | undefined, size: number, flags = 0): void {
    const rest = this.slots.filter((s) => s.id !== id);
    if (size !== 0) {
      if (!bytes || bytes.length < size) throw new RangeError(`memory slot ${id}: backing buffer smaller than ${size} bytes`);
      if (gpa % PHYS_PAGE_SIZE !== 0 || size % PHYS_PAGE_SIZE !== 0) throw new RangeError(`memory slot ${id}: address and size must be multiples of ${PHYS_PAGE_SIZE}`);
      if (gpa < 0 || gpa + size > 2 ** 52) throw new RangeError(`memory slot ${id}: guest physical range out of bounds`);
      for (const s of rest) if (gpa < s.gpa + s.size && s.gpa < gpa + size) throw new RangeError(`memory slot ${id} overlaps slot ${s.id}`);
      const pages = size / PHYS_PAGE_SIZE;
      rest.push({ id, gpa, size, bytes: bytes.subarray(0, size), readonly: (flags & MEM_READONLY) !== 0, code: new Uint8Array(pages), views: new Array<DataView | undefined>(pages) });
    }
    rest.sort((a, b) => a.gpa - b.gpa);
    this.slots = rest;
    this.last = undefined;
    for (const l of this.listeners) l.flushAll();
  }

  /** The slot holding guest physical address `gpa`, or undefined (MMIO). */
  find(gpa: number): MemSlot | undefined {
    const l = this.last;
    if (l !== undefined && gpa >= l.gpa && gpa < l.gpa + l.size) return l;
    for (const s of this.slots) {
      if (gpa >= s.gpa && gpa < s.gpa + s.size) return (this.last = s);
    }
    return undefined;
  }

  /** DataView of the 4 KiB page at `gpa` inside `slot`. */
  view(slot: MemSlot, gpa: number): DataView {
    const i = Math.floor((gpa - slot.gpa) / PHYS_PAGE_SIZE);
    let v = slot.views[i];
    if (v === undefined) {
      const b = slot.bytes;
      v = slot.views[i] = new DataView(b.buffer, b.byteOffset + i * PHYS_PAGE_SIZE, PHYS_PAGE_SIZE);
    }
    return v;
  }

  /** Record that physical page `page` holds decoded code: stores to it must reach the run loop. */
  markCode(page: number): void {
    const gpa = page * PHYS_PAGE_SIZE;
    const s = this.find(gpa);
    if (!s) return;
    const i = (gpa - s.gpa) / PHYS_PAGE_SIZE;
    if (s.code[i]) return;
    s.code[i] = 1;
    for (const l of this.listeners) l.flushWrite(page);
  }

  /** A store is about to change page `page` of `slot`: drop its decoded code first. */
  codeWritten(slot: MemSlot, gpa: number): void {
    const i = Math.floor((gpa - slot.gpa) / PHYS_PAGE_SIZE);
    if (!slot.code[i]) return;
    slot.code[i] = 0;
    const page = Math.floor(gpa / PHYS_PAGE_SIZE);
    for (const f of this.codeListeners) f(page);
  }

  /** Whether the page at `gpa` (in `slot`) holds decoded code. */
  isCode(slot: MemSlot, gpa: number): boolean {
    return slot.code[Math.floor((gpa - slot.gpa) / PHYS_PAGE_SIZE)] !== 0;
  }

  // ---- hypervisor-side access (hcalls, table walks); gpa must be inside RAM ----

  /** Read `len` bytes at `gpa`; undefined if any byte is outside every slot. */
  read(gpa: number, len: number): Uint8Array | undefined {
    const s = this.find(gpa);
    if (!s || gpa + len > s.gpa + s.size) return undefined;
    const o = gpa - s.gpa;
    return s.bytes.subarray(o, o + len);
  }

  /** Write bytes at `gpa` (dropping decoded code there); false if outside RAM or read-only. */
  write(gpa: number, data: Uint8Array): boolean {
    const s = this.find(gpa);
    if (!s || s.readonly || gpa + data.length > s.gpa + s.size) return false;
    for (let p = gpa; p < gpa + data.length; p += PHYS_PAGE_SIZE - (p % PHYS_PAGE_SIZE)) this.codeWritten(s, p);
    s.bytes.set(data, gpa - s.gpa);
    return true;
  }
}
