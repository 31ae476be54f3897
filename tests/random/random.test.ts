// 5b: randomized differential test. Random programs of valid instructions
// (integer, FP, VMX, VSX, loads/stores into the scratch buffer) run under
// tskvm and qemu-ppc64le/qemu-ppc64; the full register state after every
// pass must be identical. Fixed seeds here; any seed/length on demand with
// `npm run fuzz -- --seed N --length M`.

import { describe, expect, it } from 'vitest';
import { firstDivergence, runCase, runCaseInPartition } from './differential.js';
import { candidateRows, focusable } from './generate.js';
import { ACCESS_FORMS } from '../../src/cpu/ppc64/access.js';
import type { Endian } from '../harness/toolchain.js';
import { WASM_EMITTED } from '../../src/cpu/ppc64/wasm/wasm-block.js';
import type { JitKind } from '../../src/cpu/ppc64/exec.js';

const SEEDS = Array.from({ length: 12 }, (_, i) => 1000 + i);
const OPTS = { bodyLength: 300, passes: 4 };

describe('random programs vs QEMU', () => {
  it('draws from a substantial part of the table', () => {
    // Guards against the generator silently shrinking (every unit represented).
    const units = new Set(candidateRows().map((r) => r.unit));
    expect([...units].sort()).toEqual(['cr', 'fixed', 'fp', 'loadstore', 'vmx', 'vsx']);
  });
  // Alternate the execution tier by seed: plain interpreter, or every block compiled at once.
  for (const endian of ['le', 'be'] as Endian[]) {
    for (const seed of SEEDS) {
      const threshold = seed % 2 ? -1 : 0;
      it(`seed ${seed} (${endian}, ${threshold < 0 ? 'interpreter' : 'blocks'})`, () => {
        const r = runCase(seed, endian, OPTS, threshold);
        if (r.diffs.length) {
          const d = firstDivergence(seed, endian, OPTS);
          const where = d ? `first divergence after body instruction ${d.index}: ${d.mnem} 0x${d.word.toString(16)}\n${d.diffs.slice(0, 12).join('\n')}` : '';
          expect(`${r.diffs.slice(0, 12).join('\n')}\n${where}\n(program: ${r.snippet})`).toBe('');
        }
        expect(r.icount).toBeGreaterThan(OPTS.bodyLength * OPTS.passes);
      });
    }
  }
});

/** The tiers the load/store suites run under: the interpreter, JS blocks, wasm blocks (their inline TLB probe in a partition). */
const TIERS: Array<[string, number, JitKind | undefined]> = [
  ['interpreter', -1, undefined],
  ['blocks', 0, 'js'],
  ['wasm blocks', 0, 'wasm'],
];

// The system MMU's fast path: the same kind of random programs, restricted
// to loads and stores, run as problem-state code in a radix partition with
// 4K pages mapped in scrambled physical order and the scratch buffer centred
// on a page boundary, so every access goes through the partition's TLB probe
// (inline in compiled blocks, in the MMU for the interpreter) and accesses
// around r31 cross into a page that is not physically adjacent.
describe('random load/store programs in a radix partition vs qemu-user', () => {
  const PART_SEEDS = Array.from({ length: 8 }, (_, i) => 2000 + i);
  const PART_OPTS = { bodyLength: 300, passes: 4, units: ['loadstore'] as const };
  for (const endian of ['le', 'be'] as Endian[]) {
    for (const seed of PART_SEEDS) {
      for (const [tier, threshold, jit] of TIERS) {
        it(`seed ${seed} (${endian}, ${tier})`, async () => {
          const r = await runCaseInPartition(seed, endian, { ...PART_OPTS, units: [...PART_OPTS.units] }, threshold, jit);
          expect(`${r.diffs.slice(0, 12).join('\n')}${r.diffs.length ? `\n(program: ${r.snippet})` : ''}`).toBe('');
        });
      }
    }
  }
});

// The forms access.ts describes once and every tier runs from that one
// description (handlers, the plain loop's inline calls, inline TLB probes in
// compiled blocks): random programs of only those forms, so each is reached
// often, under both tiers, in Linux-user mode and in a radix partition.
describe('focused: the load/store forms of access.ts, every tier, vs QEMU', () => {
  const only = new Set(Object.keys(ACCESS_FORMS));
  const FOCUS_OPTS = { bodyLength: 300, passes: 4, only };
  for (const endian of ['le', 'be'] as Endian[]) {
    for (const seed of [3000, 3001, 3002, 3003]) {
      for (const [tier, threshold, jit] of TIERS) {
        it(`seed ${seed} (${endian}, ${tier}, user)`, () => {
          const r = runCase(seed, endian, FOCUS_OPTS, threshold, jit);
          expect(`${r.diffs.slice(0, 12).join('\n')}${r.diffs.length ? `\n(program: ${r.snippet})` : ''}`).toBe('');
          expect(r.icount).toBeGreaterThan(FOCUS_OPTS.bodyLength * FOCUS_OPTS.passes);
        });
        it(`seed ${seed} (${endian}, ${tier}, radix partition)`, async () => {
          const r = await runCaseInPartition(seed, endian, FOCUS_OPTS, threshold, jit);
          expect(`${r.diffs.slice(0, 12).join('\n')}${r.diffs.length ? `\n(program: ${r.snippet})` : ''}`).toBe('');
        });
      }
    }
  }
});

// The wasm tier (src/cpu/ppc64/wasm/): exactly the forms with inline wasm,
// mixed with forms its blocks run through handlers that read or write the
// registers it mirrors (CR, XER[SO,CA], LR, CTR) and some that it calls
// without copying them, so both kinds of handler call are reached often;
// then the whole random mix. Every block compiled at once, in Linux-user
// mode and in a radix partition.
describe('focused: the wasm tier, vs QEMU', () => {
  const MIRROR_USERS = ['addic', 'addic.', 'addc', 'adde', 'subfc', 'subfe', 'subfic', 'addze', 'mcrf', 'mcrxrx', 'crand', 'crxor', 'isel', 'sradi', 'srawi'];
  const MIRROR_FREE = ['mulld', 'mullw', 'divd', 'sld', 'srd', 'popcntd', 'cntlzd', 'rldimi', 'rlwimi', 'ld', 'std', 'lwz', 'stw', 'lbz', 'stb'];
  const only = new Set([...WASM_EMITTED, ...MIRROR_USERS, ...MIRROR_FREE]);
  const FOCUS_OPTS = { bodyLength: 300, passes: 4, only };
  for (const endian of ['le', 'be'] as Endian[]) {
    for (const seed of [4000, 4001, 4002, 4003]) {
      it(`seed ${seed} (${endian}, wasm blocks, user)`, () => {
        const r = runCase(seed, endian, FOCUS_OPTS, 0, 'wasm');
        expect(`${r.diffs.slice(0, 12).join('\n')}${r.diffs.length ? `\n(program: ${r.snippet})` : ''}`).toBe('');
        expect(r.icount).toBeGreaterThan(FOCUS_OPTS.bodyLength * FOCUS_OPTS.passes);
      });
      it(`seed ${seed} (${endian}, wasm blocks, radix partition)`, async () => {
        const r = await runCaseInPartition(seed, endian, FOCUS_OPTS, 0, 'wasm');
        expect(`${r.diffs.slice(0, 12).join('\n')}${r.diffs.length ? `\n(program: ${r.snippet})` : ''}`).toBe('');
      });
    }
    for (const seed of [4100, 4101, 4102]) {
      it(`seed ${seed} (${endian}, wasm blocks, the whole mix)`, () => {
        const r = runCase(seed, endian, OPTS, 0, 'wasm');
        expect(`${r.diffs.slice(0, 12).join('\n')}${r.diffs.length ? `\n(program: ${r.snippet})` : ''}`).toBe('');
      });
    }
  }
  it('the focused set names forms the generator draws', () => {
    // b and bc come with the templates (bcl, the loop's bdnz) and the filler of a not-taken bclr/bcctr.
    for (const m of [...MIRROR_USERS, ...MIRROR_FREE, ...[...WASM_EMITTED].filter((m) => !['b', 'bc'].includes(m))]) expect(focusable(m), m).toBe(true);
  });
});
