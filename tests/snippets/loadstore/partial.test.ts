// Faulting loads and stores leave no partial effects: a store that crosses into
// an unmapped or read-only page changes no byte of the mapped part, and a load
// or store with update that faults leaves RA (and RT) unchanged. A fatal signal
// ends a snippet before anything can be dumped, so these run the handlers
// directly on a CpuState over a SparseMemory.

import { describe, expect, it } from 'vitest';
import { CpuState } from '../../../src/cpu/ppc64/state.js';
import { HANDLERS } from '../../../src/cpu/ppc64/interp/index.js';
import { decoder } from '../../../src/isa/ppc64/decoder.js';
import { INSN_BY_MNEM } from '../../../src/isa/ppc64/table/index.js';
import { encodeField, type FieldName } from '../../../src/isa/ppc64/fields.js';
import { MemFault } from '../../../src/memory/guest-memory.js';
import { PAGE_SIZE, PROT_READ, PROT_WRITE, SparseMemory } from '../../../src/memory/sparse-memory.js';

const BASE = 0x10000000;
const EDGE = BASE + PAGE_SIZE; // first byte of the second page

function enc(mnem: string, fields: Partial<Record<FieldName, number>>): number {
  let w = INSN_BY_MNEM.get(mnem)!.match;
  for (const [f, v] of Object.entries(fields) as Array<[FieldName, number]>) w = (w | encodeField(f, v)) >>> 0;
  expect(decoder().decode(w)?.mnem).toBe(mnem);
  return w;
}

function setup(second: 'unmapped' | 'readonly', le: boolean): { s: CpuState; mem: SparseMemory } {
  const mem = new SparseMemory();
  mem.map(BASE, PAGE_SIZE, PROT_READ | PROT_WRITE);
  if (second === 'readonly') mem.map(EDGE, PAGE_SIZE, PROT_READ);
  const s = new CpuState(mem);
  s.le = le;
  for (let i = 0; i < 32; i++) s.setGpr(i, 0x0102030405060708n * BigInt(i + 1));
  for (let k = 0; k < s.vsr.length; k++) s.vsr[k] = 0x9abcdef0 + k;
  s.xerBC = 20;
  return { s, mem };
}

/** Run one instruction; returns the exception it threw. */
function exec(s: CpuState, word: number): unknown {
  const mnem = decoder().decode(word)!.mnem;
  try {
    HANDLERS[mnem]!(s, word);
  } catch (e) {
    return e;
  }
  return undefined;
}

// [mnemonic, fields, bytes before the edge where the access starts, BE only]
type Case = [string, Partial<Record<FieldName, number>>, number, boolean?];
const STORES: Case[] = [
  ['std', { RS: 5, RA: 3, DS: 0 }, 4],
  ['stdu', { RS: 5, RA: 3, DS: 0 }, 4],
  ['stwux', { RS: 5, RA: 3, RB: 0 }, 2],
  ['stdbrx', { RS: 5, RA: 0, RB: 3 }, 4],
  ['stfd', { FRS: 5, RA: 3, D: 0 }, 4],
  ['stfdp', { FRSp: 4, RA: 3, DS: 0 }, 8],
  ['stfdpx', { FRSp: 4, RA: 0, RB: 3 }, 12],
  ['stq', { RSp: 6, RA: 3, DS: 0 }, 8],
  ['stmw', { RS: 20, RA: 3, D: 0 }, 8, true],
  ['stswi', { RS: 20, RA: 3, NB: 0 }, 8, true],
  ['stswx', { RS: 20, RA: 0, RB: 3 }, 5, true],
  ['stxvd2x', { XS: 5, RA: 0, RB: 3 }, 8],
  ['stxvw4x', { XS: 37, RA: 0, RB: 3 }, 4],
  ['stxvh8x', { XS: 5, RA: 0, RB: 3 }, 2],
  ['stxvb16x', { XS: 5, RA: 0, RB: 3 }, 9],
  ['stxvx', { XS: 5, RA: 0, RB: 3 }, 12],
  ['stxv', { XS_DQ: 5, RA: 3, DQ: 0 }, 8],
  ['stxvl', { XS: 5, RA: 3, RB: 7 }, 3],
  ['stxvll', { XS: 5, RA: 3, RB: 7 }, 3],
];

describe('loadstore: faulting stores leave memory unchanged', () => {
  for (const [mnem, fields, before, beOnly] of STORES) {
    for (const second of ['unmapped', 'readonly'] as const) {
      for (const le of beOnly ? [false] : [true, false]) {
        it(`${mnem} across a page edge (${second}, ${le ? 'le' : 'be'})`, () => {
          const { s, mem } = setup(second, le);
          const ea = EDGE - before;
          s.setGprNum(3, ea);
          s.setGpr(0, 0n);
          s.gprHi[7] = 16 << 24; // length for stxvl/stxvll
          const pattern = Uint8Array.from({ length: 64 }, (_, k) => 0xa0 ^ k);
          mem.writeBytes(EDGE - 64, pattern);
          const ra = s.getGpr(3);
          const e = exec(s, enc(mnem, fields));
          expect(e).toBeInstanceOf(MemFault);
          expect(Array.from(mem.readBytes(EDGE - 64, 64))).toEqual(Array.from(pattern));
          expect(s.getGpr(3)).toBe(ra);
        });
      }
    }
  }
});

const LOADS: Case[] = [
  ['lwzu', { RT: 5, RA: 3, D: 0 }, 2],
  ['ldu', { RT: 5, RA: 3, DS: 0 }, 4],
  ['lhaux', { RT: 5, RA: 3, RB: 0 }, 1],
  ['lfdu', { FRT: 5, RA: 3, D: 0 }, 4],
  ['lfsux', { FRT: 5, RA: 3, RB: 0 }, 2],
];

describe('loadstore: faulting loads with update leave RA and RT unchanged', () => {
  for (const [mnem, fields, before] of LOADS) {
    it(mnem, () => {
      const { s } = setup('unmapped', true);
      s.setGprNum(3, EDGE - before);
      s.setGpr(0, 0n);
      const ra = s.getGpr(3);
      const rt = s.getGpr(5);
      const fr = Array.from(s.vsr.subarray(20, 24));
      expect(exec(s, enc(mnem, fields))).toBeInstanceOf(MemFault);
      expect(s.getGpr(3)).toBe(ra);
      expect(s.getGpr(5)).toBe(rt);
      expect(Array.from(s.vsr.subarray(20, 24))).toEqual(fr);
    });
  }
});
