// 5a: per-instruction snippets against golden results produced by QEMU.
// Each snippet runs inside tests/harness/harness.S under tskvm; every register,
// CR, XER, FPSCR, VSCR, VSR and the scratch buffer must equal QEMU's.

import { describe, expect, it } from 'vitest';
import { buildSnippet } from './harness/toolchain.js';
import { listSnippets, readGolden, snippetEndians } from './harness/golden.js';
import { runTskvm } from './harness/run-tskvm.js';
import type { JitKind } from '../src/cpu/ppc64/exec.js';
import { FP_QUIRKS } from '../src/cpu/ppc64/fpu/quirks.js';
import { diffOutputs } from './harness/dump.js';

// QEMU is this test's oracle: run tskvm in its QEMU-compatible FP mode
// (src/cpu/ppc64/fpu/quirks.ts; the ISA mode is checked in tests/fpu/quirks.test.ts).
FP_QUIRKS.qemu = true;

const snippets = listSnippets();
const TIERS: Array<[string, number, JitKind | undefined]> = [
  ['interpreter', -1, undefined],
  ['blocks', 0, 'js'],
  ['wasm blocks', 0, 'wasm'],
];

describe('snippets vs QEMU golden', () => {
  it('has snippets and a golden file for each', () => {
    expect(snippets.length).toBeGreaterThan(0);
    for (const rel of snippets) for (const e of snippetEndians(rel)) expect(readGolden(rel, e), `${rel} ${e}: missing golden (npm run golden)`).toBeDefined();
  });
  // Every execution tier: the plain interpreter (threshold -1), and every
  // block compiled on its first dispatch (0), to JavaScript and to
  // WebAssembly, so each block compiler's inline code is held to the same
  // golden as the handlers.
  for (const rel of snippets) {
    for (const endian of snippetEndians(rel)) {
      for (const [tier, threshold, jit] of TIERS) {
        it(`${rel} (${endian}, ${tier})`, () => {
          const golden = readGolden(rel, endian)!;
          const r = runTskvm(buildSnippet(`tests/snippets/${rel}`, endian), [], 2e9, threshold, jit);
          const diffs = diffOutputs(golden.stdout, r.stdout, endian === 'le');
          // A snippet may end in a signal (golden status 128+sig); stderr then
          // carries tskvm's report of it and is shown only to explain a failure.
          const why = r.stderr.length ? `\nstderr: ${r.stderr}` : '';
          expect(diffs.slice(0, 40).join('\n') + (diffs.length ? why : '')).toBe('');
          expect(r.status, why).toBe(golden.status);
        });
      }
    }
  }
});
