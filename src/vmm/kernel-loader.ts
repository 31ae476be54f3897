// The pseries machine's -kernel: where an image goes in guest RAM and where
// it starts. Linux's vmlinux (an ELF whose segments are linked at the kernel
// base 0xc000000000000000) goes to its segments' physical addresses; any
// other ELF and a raw image go where QEMU's pseries puts -kernel: at
// 0x400000 (translate_kernel_address: (vaddr & 0x0fffffff) + 0x400000),
// entered at the translated entry point. The initrd follows the kernel,
// 64 KiB aligned with a 64 KiB gap, as QEMU places it.
//
// Every field is checked against the file and the RAM, so a malformed or
// oversized image is a KernelError with a one-line message.

export class KernelError extends Error {}

/** QEMU's pseries KERNEL_LOAD_ADDR. */
export const KERNEL_LOAD_ADDR = 0x400000;
/** Linux's kernel base: segments linked here are loaded at their physical addresses. */
const LINUX_KERNELBASE = 0xc000000000000000n;

export interface KernelSegment {
  /** Guest physical address. */
  readonly addr: number;
  /** Bytes from the file (the rest of memsz is zero). */
  readonly data: Uint8Array;
  readonly memsz: number;
}

export interface LoadedKernel {
  readonly segments: readonly KernelSegment[];
  /** Guest physical entry point. */
  readonly entry: number;
  /** [lowest, highest) guest physical bytes the kernel occupies. */
  readonly start: number;
  readonly end: number;
  /** The image's byte order (ELF), or undefined for a raw image. */
  readonly littleEndian: boolean | undefined;
  readonly kind: 'linux' | 'elf' | 'raw';
}

const PT_LOAD = 1;
const EM_PPC64 = 21;

/** Place a -kernel image (ELF or raw) for a guest with `ramSize` bytes of RAM. */
export function loadKernel(bytes: Uint8Array, ramSize: number): LoadedKernel {
  const isElf = bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
  const k = isElf ? loadElf(bytes) : { segments: [{ addr: KERNEL_LOAD_ADDR, data: bytes, memsz: bytes.length }], entry: KERNEL_LOAD_ADDR, littleEndian: undefined, kind: 'raw' as const };
  if (k.segments.length === 0) throw new KernelError('kernel: no loadable segments');
  let start = Infinity;
  let end = 0;
  for (const s of k.segments) {
    start = Math.min(start, s.addr);
    end = Math.max(end, s.addr + s.memsz);
  }
  if (end > ramSize) throw new KernelError(`kernel: needs guest memory up to 0x${end.toString(16)}, RAM is 0x${ramSize.toString(16)} bytes`);
  if (k.entry < start || k.entry >= end) throw new KernelError(`kernel: entry point 0x${k.entry.toString(16)} is outside the image`);
  return { ...k, start, end };
}

function loadElf(bytes: Uint8Array): Pick<LoadedKernel, 'segments' | 'entry' | 'littleEndian' | 'kind'> {
  if (bytes.length < 64) throw new KernelError('kernel: truncated ELF header');
  if (bytes[4] !== 2) throw new KernelError('kernel: not a 64-bit ELF file');
  if (bytes[5] !== 1 && bytes[5] !== 2) throw new KernelError(`kernel: bad ELF data encoding ${bytes[5]}`);
  const le = bytes[5] === 1;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getUint16(18, le) !== EM_PPC64) throw new KernelError(`kernel: wrong machine ${v.getUint16(18, le)}, expected PowerPC64 (21)`);
  const entry = v.getBigUint64(24, le);
  const phoff = v.getBigUint64(32, le);
  const phentsize = v.getUint16(54, le);
  const phnum = v.getUint16(56, le);
  if (phentsize < 56 || phnum === 0) throw new KernelError('kernel: no program headers');
  if (phoff + BigInt(phnum * phentsize) > BigInt(bytes.length)) throw new KernelError('kernel: program headers lie outside the file');
  const loads: Array<{ offset: bigint; vaddr: bigint; paddr: bigint; filesz: bigint; memsz: bigint }> = [];
  for (let i = 0; i < phnum; i++) {
    const o = Number(phoff) + i * phentsize;
    if (v.getUint32(o, le) !== PT_LOAD) continue;
    const ph = { offset: v.getBigUint64(o + 8, le), vaddr: v.getBigUint64(o + 16, le), paddr: v.getBigUint64(o + 24, le), filesz: v.getBigUint64(o + 32, le), memsz: v.getBigUint64(o + 40, le) };
    if (ph.offset + ph.filesz > BigInt(bytes.length)) throw new KernelError(`kernel: segment ${i} lies outside the file`);
    if (ph.filesz > ph.memsz) throw new KernelError(`kernel: segment ${i}: file size exceeds memory size`);
    if (ph.memsz > 1n << 40n) throw new KernelError(`kernel: segment ${i} is too large`);
    loads.push(ph);
  }
  const linux = loads.length > 0 && loads.every((p) => p.vaddr >= LINUX_KERNELBASE);
  // Linux: physical addresses; anything else: QEMU's translate_kernel_address.
  const place = (vaddr: bigint, paddr: bigint): bigint => (linux ? paddr : (vaddr & 0x0fffffffn) + BigInt(KERNEL_LOAD_ADDR));
  const segments: KernelSegment[] = loads.map((p) => {
    const addr = place(p.vaddr, p.paddr);
    if (addr + p.memsz > 1n << 50n) throw new KernelError(`kernel: segment at 0x${addr.toString(16)} is beyond any RAM`);
    return { addr: Number(addr), data: bytes.subarray(Number(p.offset), Number(p.offset + p.filesz)), memsz: Number(p.memsz) };
  });
  // The entry's physical address: relative to the segment holding it.
  let ent: bigint | undefined;
  for (const p of loads) if (entry >= p.vaddr && entry < p.vaddr + p.memsz) ent = place(p.vaddr, p.paddr) + (entry - p.vaddr);
  if (ent === undefined) throw new KernelError(`kernel: entry point 0x${entry.toString(16)} is in no segment`);
  return { segments, entry: Number(ent), littleEndian: le, kind: linux ? 'linux' : 'elf' };
}

/** Where QEMU's pseries puts the initrd: after the kernel, 64 KiB aligned, past a 64 KiB gap. */
export function initrdAddress(kernelEnd: number): number {
  return Math.floor((kernelEnd + 0x1ffff) / 0x10000) * 0x10000;
}
