// -kernel placement (src/vmm/kernel-loader.ts): Linux's vmlinux at its
// physical addresses, other ELFs and raw images where QEMU's pseries puts
// them (0x400000), the initrd after the kernel as QEMU places it (measured:
// QEMU 7.2 puts Debian's 0x287c918-byte kernel at 0x400000 and the initrd
// at 0x2c90000), and one-line errors for malformed images.

import { describe, expect, it } from 'vitest';
import { initrdAddress, KernelError, loadKernel } from '../../src/vmm/kernel-loader.js';

/** A little-endian ELF64 PowerPC64 executable with the given PT_LOAD segments. */
function elf(entry: bigint, segs: Array<{ vaddr: bigint; paddr: bigint; data: number[]; memsz?: number }>, machine = 21): Uint8Array {
  const phoff = 64;
  const dataOff = phoff + 56 * segs.length;
  const total = dataOff + segs.reduce((n, s) => n + s.data.length, 0);
  const b = new Uint8Array(total);
  const v = new DataView(b.buffer);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  v.setUint16(16, 2, true); // ET_EXEC
  v.setUint16(18, machine, true);
  v.setUint32(20, 1, true);
  v.setBigUint64(24, entry, true);
  v.setBigUint64(32, BigInt(phoff), true);
  v.setUint16(52, 64, true);
  v.setUint16(54, 56, true);
  v.setUint16(56, segs.length, true);
  let off = dataOff;
  segs.forEach((s, i) => {
    const o = phoff + 56 * i;
    v.setUint32(o, 1, true); // PT_LOAD
    v.setUint32(o + 4, 7, true);
    v.setBigUint64(o + 8, BigInt(off), true);
    v.setBigUint64(o + 16, s.vaddr, true);
    v.setBigUint64(o + 24, s.paddr, true);
    v.setBigUint64(o + 32, BigInt(s.data.length), true);
    v.setBigUint64(o + 40, BigInt(s.memsz ?? s.data.length), true);
    b.set(s.data, off);
    off += s.data.length;
  });
  return b;
}

const RAM = 64 << 20;

describe('kernel placement', () => {
  it('Linux (segments at the kernel base 0xc000…): physical addresses, entry translated the same way', () => {
    const k = loadKernel(elf(0xc000000000000100n, [{ vaddr: 0xc000000000000000n, paddr: 0n, data: [1, 2, 3, 4], memsz: 0x2000 }]), RAM);
    expect(k.kind).toBe('linux');
    expect(k.segments[0]!.addr).toBe(0);
    expect([k.start, k.end, k.entry]).toEqual([0, 0x2000, 0x100]);
    expect(k.littleEndian).toBe(true);
  });

  it('another ELF: at 0x400000 + (vaddr & 0x0fffffff), as QEMU translate_kernel_address', () => {
    const k = loadKernel(elf(0x10000010n, [{ vaddr: 0x10000000n, paddr: 0x10000000n, data: new Array(32).fill(0) }]), RAM);
    expect(k.kind).toBe('elf');
    expect(k.segments[0]!.addr).toBe(0x400000);
    expect(k.entry).toBe(0x400010);
  });

  it('a raw image: at 0x400000, entered there', () => {
    const k = loadKernel(new Uint8Array(100), RAM);
    expect([k.kind, k.start, k.end, k.entry]).toEqual(['raw', 0x400000, 0x400064, 0x400000]);
  });

  it('the initrd goes where QEMU 7.2 puts it', () => {
    // QEMU: kernel at 0x400000, 0x287c918 bytes -> initrd at 0x2c90000 (dumpdtb's linux,initrd-start).
    expect(initrdAddress(0x400000 + 0x287c918)).toBe(0x2c90000);
    expect(initrdAddress(0x10000)).toBe(0x20000);
  });

  it('refuses malformed or oversized images with one-line errors', () => {
    const cases: Array<[Uint8Array, RegExp]> = [
      [Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]), /truncated ELF header/],
      [elf(0n, [{ vaddr: 0x10000000n, paddr: 0n, data: [1] }], 62), /wrong machine 62/],
      [elf(0x20000000n, [{ vaddr: 0x10000000n, paddr: 0n, data: [1] }]), /entry point .* is in no segment/],
      [elf(0xc000000000000000n, [{ vaddr: 0xc000000000000000n, paddr: 0n, data: [1], memsz: RAM + 1 }]), /needs guest memory up to/],
      [new Uint8Array(RAM), /needs guest memory up to/],
    ];
    for (const [img, msg] of cases) {
      expect(() => loadKernel(img, RAM)).toThrow(KernelError);
      expect(() => loadKernel(img, RAM)).toThrow(msg);
    }
    const bad = elf(0x10000000n, [{ vaddr: 0x10000000n, paddr: 0n, data: [1, 2] }]);
    new DataView(bad.buffer).setBigUint64(64 + 8, 1n << 40n, true); // p_offset far outside the file
    expect(() => loadKernel(bad, RAM)).toThrow(/outside the file/);
  });
});
