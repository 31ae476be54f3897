// The host address space of a VM whose hot code compiles to WebAssembly:
// one WebAssembly.Memory that holds guest RAM (the VMM allocates it here,
// as a KVM VMM mmaps its userspace memory), every vCPU's register file and
// TLB sets. Compiled blocks import it, so a load or store whose TLB entry
// points into it is one wasm memory access (docs/jit.md). A VMM that
// passes a plain buffer instead still works: its pages just get no inline
// access.
//
// Fixed size: growing a WebAssembly.Memory detaches every view of it (the
// RAM slots' DataViews, the register files), so it is sized once.

export class HostMemory {
  readonly memory: WebAssembly.Memory;
  readonly buffer: ArrayBuffer;
  private next = 0;
  /** Freed blocks by size, reused first (TLB sets of nested guests come and go). */
  private readonly free = new Map<number, number[]>();

  constructor(bytes: number) {
    const pages = Math.ceil(bytes / 65536);
    this.memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    this.buffer = this.memory.buffer;
  }

  get size(): number {
    return this.buffer.byteLength;
  }

  /** Offset of `bytes` new bytes, aligned to `align` (a power of two). Throws a RangeError when full. */
  alloc(bytes: number, align = 64): number {
    const spare = this.free.get(bytes);
    if (spare && spare.length) return spare.pop()!;
    const off = (this.next + align - 1) & -align;
    if (off + bytes > this.size) throw new RangeError(`host memory: ${bytes} bytes do not fit (${this.size - this.next} left)`);
    this.next = off + bytes;
    return off;
  }

  /** The allocation point now, to go back to with resetTo (everything allocated after it is dropped). */
  mark(): number {
    return this.next;
  }

  /** Drop every block allocated after `mark` (a machine rebuilt after a reboot allocates its vCPUs again). */
  resetTo(mark: number): void {
    this.next = mark;
    for (const [size, l] of this.free) this.free.set(size, l.filter((o) => o < mark));
  }

  /** Give back a block from alloc (the same size). Its contents stay until reused. */
  release(off: number, bytes: number): void {
    let l = this.free.get(bytes);
    if (!l) this.free.set(bytes, (l = []));
    l.push(off);
  }

  bytes(off: number, len: number): Uint8Array {
    return new Uint8Array(this.buffer, off, len);
  }
}

/** Whether this host can make one (WebAssembly with memory). */
export function hostMemoryAvailable(): boolean {
  return typeof WebAssembly === 'object' && typeof WebAssembly.Memory === 'function';
}
