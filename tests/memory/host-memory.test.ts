// The host memory a wasm-tier VM allocates RAM, register files and TLB sets
// from (src/memory/host-memory.ts): a fixed-size WebAssembly.Memory (views
// must never be detached), aligned bump allocation, reuse of released
// blocks, and the reset a rebuilt machine does after a reboot.

import { describe, expect, it } from 'vitest';
import { HostMemory } from '../../src/memory/host-memory.js';

describe('HostMemory', () => {
  it('allocates aligned blocks of one fixed-size memory and refuses what does not fit', () => {
    const h = new HostMemory(3 * 65536);
    expect(h.size).toBe(3 * 65536);
    const a = h.alloc(100);
    const b = h.alloc(10, 4096);
    expect(a % 64).toBe(0);
    expect(b % 4096).toBe(0);
    expect(b).toBeGreaterThanOrEqual(a + 100);
    expect(() => h.alloc(3 * 65536)).toThrow(RangeError);
    // Never grown: a view made first is still attached.
    const v = h.bytes(a, 100);
    h.alloc(1000);
    v[0] = 7;
    expect(new Uint8Array(h.memory.buffer)[a]).toBe(7);
    expect(() => h.memory.grow(1)).toThrow();
  });
  it('reuses a released block of the same size, and resetTo drops what came after a mark', () => {
    const h = new HostMemory(65536);
    const a = h.alloc(256);
    const mark = h.mark();
    const b = h.alloc(512);
    h.release(b, 512);
    expect(h.alloc(512)).toBe(b);
    h.release(b, 512);
    h.resetTo(mark);
    // The released block lay past the mark: gone with it; allocation starts at the mark again.
    expect(h.alloc(512)).toBe(b);
    expect(h.alloc(256)).toBeGreaterThan(a);
  });
});
