// SparseMemory against a flat-buffer model: every access size and byte order,
// at every offset around a page boundary, and faults that leave memory intact.

import { describe, expect, it } from 'vitest';
import { SparseMemory, PAGE_SIZE, PROT_READ, PROT_WRITE } from '../../src/memory/sparse-memory.js';
import { MemFault } from '../../src/memory/guest-memory.js';

const BASE = 0x1_2345_0000; // above 4 GiB: exercises the high address word
const hiOf = (a: number) => Math.floor(a / 2 ** 32) | 0;
const loOf = (a: number) => a % 2 ** 32 | 0;

/** Byte-equality of large arrays (vitest's deep equality is slow on 128 KiB). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

function setup() {
  const m = new SparseMemory();
  m.map(BASE, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE);
  const flat = new Uint8Array(2 * PAGE_SIZE);
  for (let i = 0; i < flat.length; i++) flat[i] = (i * 131 + 7) & 0xff;
  m.writeBytes(BASE, flat);
  return { m, flat, dv: new DataView(flat.buffer) };
}

describe('SparseMemory', () => {
  it('reads like a flat buffer across the page boundary, both byte orders', () => {
    const { m, dv } = setup();
    for (let off = PAGE_SIZE - 12; off < PAGE_SIZE + 4; off++) {
      const a = BASE + off;
      for (const le of [true, false]) {
        expect(m.read8(hiOf(a), loOf(a))).toBe(dv.getUint8(off));
        expect(m.read16(hiOf(a), loOf(a), le)).toBe(dv.getUint16(off, le));
        expect(m.read32(hiOf(a), loOf(a), le)).toBe(dv.getInt32(off, le));
        const lo = m.read64(hiOf(a), loOf(a), le);
        const v = (BigInt(m.hi64 >>> 0) << 32n) | BigInt(lo >>> 0);
        expect(v).toBe(dv.getBigUint64(off, le));
      }
    }
  });

  it('writes like a flat buffer across the page boundary, both byte orders', () => {
    for (let off = PAGE_SIZE - 9; off < PAGE_SIZE + 2; off++) {
      for (const le of [true, false]) {
        const { m, flat, dv } = setup();
        const a = BASE + off;
        m.write64(hiOf(a), loOf(a), 0x01020304, 0x05060708 | 0, le);
        dv.setBigUint64(off, 0x0102030405060708n, le);
        expect(same(m.readBytes(BASE, flat.length), flat)).toBe(true);
        m.write32(hiOf(a), loOf(a), 0xa1b2c3d4 | 0, le);
        dv.setUint32(off, 0xa1b2c3d4, le);
        m.write16(hiOf(a + 1), loOf(a + 1), 0xeeff, le);
        dv.setUint16(off + 1, 0xeeff, le);
        expect(same(m.readBytes(BASE, flat.length), flat)).toBe(true);
      }
    }
  });

  it('faults on unmapped and read-only pages without a partial store', () => {
    const { m, flat } = setup();
    m.protect(BASE + PAGE_SIZE, PAGE_SIZE, PROT_READ);
    const a = BASE + PAGE_SIZE - 4;
    expect(() => m.write64(hiOf(a), loOf(a), 1, 2, true)).toThrow(MemFault);
    expect(() => m.write32(hiOf(a + 2), loOf(a + 2), 1, false)).toThrow(MemFault);
    expect(same(m.readBytes(BASE, flat.length), flat)).toBe(true);
    const end = BASE + 2 * PAGE_SIZE - 4;
    expect(() => m.read64(hiOf(end), loOf(end), true)).toThrow(MemFault);
    try {
      m.read8(hiOf(BASE - 1), loOf(BASE - 1));
    } catch (e) {
      expect(e).toBeInstanceOf(MemFault);
      expect((e as MemFault).address).toBe(BASE - 1);
      expect((e as MemFault).reason).toBe('unmapped');
    }
  });
});
