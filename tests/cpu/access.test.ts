// Loads and stores described once (src/cpu/ppc64/access.ts): the generated
// interpreter handlers and the closure used where code generation is refused
// must do exactly the same thing for every row — registers, VSRs, memory,
// and which accesses fault — on random instruction words, registers and
// byte orders, addresses straddling a page boundary and unmapped pages
// included. The generated code is also what compiled blocks run; those are
// held to QEMU by the snippet and random suites (npm run fuzz -- --only lbz …).

import { describe, expect, it } from 'vitest';
import { CpuState } from '../../src/cpu/ppc64/state.js';
import { SparseMemory, PROT_READ, PROT_WRITE } from '../../src/memory/sparse-memory.js';
import { ACCESS_FORMS, accessClosure, accessHandlers } from '../../src/cpu/ppc64/access.js';
import { facilityFor } from '../../src/isa/ppc64/facility.js';
import { INSN_BY_MNEM } from '../../src/isa/ppc64/table/index.js';
import type { Handler } from '../../src/cpu/ppc64/interp/handler.js';
import { Rng } from '../random/generate.js';

const BASE = 0x10000000;
const SIZE = 0x40000; // 4 pages of 64K; the one after is unmapped

function machine(seed: number): CpuState {
  const mem = new SparseMemory();
  mem.map(BASE, SIZE, PROT_READ | PROT_WRITE);
  const s = new CpuState(mem);
  const r = new Rng(seed);
  const bytes = new Uint8Array(SIZE);
  for (let i = 0; i < SIZE; i++) bytes[i] = r.int(256);
  mem.writeBytes(BASE, bytes);
  for (let i = 0; i < 32; i++) {
    const k = r.int(4);
    // Pointers near a page boundary or the end of the region, small offsets, or anything.
    const v = k === 0 ? BASE + 0x10000 * (1 + r.int(3)) - 16 + r.int(32) : k === 1 ? BASE + r.int(SIZE) : k === 2 ? r.int(4096) - 2048 : r.u32() | 0;
    s.gprLo[i] = v | 0;
    s.gprHi[i] = k === 3 ? r.u32() | 0 : v < 0 ? -1 : 0;
  }
  for (let i = 0; i < s.vsr.length; i++) s.vsr[i] = r.u32();
  return s;
}

function snapshot(s: CpuState): string {
  const m = s.mem as SparseMemory;
  let h = 0;
  for (let i = 0; i < SIZE; i += 4) h = (Math.imul(h, 31) + m.read32(0, BASE + i, false)) | 0;
  return JSON.stringify([Array.from(s.gprLo), Array.from(s.gprHi), Array.from(s.vsr), h]);
}

function run(h: Handler, s: CpuState, w: number): string {
  try {
    h(s, w);
    return 'ok';
  } catch (e) {
    return (e as Error).constructor.name + ':' + String((e as { kind?: string }).kind ?? '');
  }
}

describe('load/store forms described once', () => {
  const generated = accessHandlers(true);
  for (const [name, f] of Object.entries(ACCESS_FORMS)) {
    it(`${name}: generated handler = closure (random words, registers, both byte orders)`, () => {
      const closure = accessClosure(f);
      const r = new Rng(name.split('').reduce((a, c) => a * 31 + c.charCodeAt(0), 7));
      let faults = 0;
      for (let k = 0; k < 300; k++) {
        const seed = r.u32();
        const w = r.u32() | 0;
        const le = (k & 1) === 1;
        const a = machine(seed);
        const b = machine(seed);
        a.le = b.le = le;
        const ra = run(generated[name]!, a, w);
        const rb = run(closure, b, w);
        expect(rb, `word ${(w >>> 0).toString(16)}`).toBe(ra);
        expect(snapshot(b), `word ${(w >>> 0).toString(16)}`).toBe(snapshot(a));
        if (ra !== 'ok') faults++;
      }
      expect(faults).toBeLessThan(300); // most accesses land in memory
    });
  }

  it('every row is a table instruction with the facility the decoder gives it', () => {
    for (const [name, f] of Object.entries(ACCESS_FORMS)) {
      const row = INSN_BY_MNEM.get(name);
      expect(row, name).toBeDefined();
      expect(facilityFor(row!, 0) === 'fp' ? 'fp' : 'none', name).toBe(f.facility);
    }
  });
});
