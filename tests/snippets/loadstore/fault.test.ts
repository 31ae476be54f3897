// Load/store snippets that end in a signal (invalid forms, alignment, bad
// addresses). tests/snippets.test.ts only runs snippets that exit normally, so
// these live in fault/*.fault (same format as a .S snippet, ending with the
// faulting instruction) with goldens in tests/golden/loadstore/fault/. The
// dumps before the fault must match QEMU's, and tskvm must die of the same
// signal QEMU reported ("uncaught target signal N" -> status 128+N).
// Regenerate the goldens with: REGEN_FAULT_GOLDEN=1 npx vitest run tests/snippets/loadstore/fault.test.ts

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSnippet, qemuVersion, ROOT, runQemu, type Endian } from '../../harness/toolchain.js';
import { formatGolden, GOLDEN } from '../../harness/golden.js';
import { runTskvm } from '../../harness/run-tskvm.js';
import { diffOutputs } from '../../harness/dump.js';

const DIR = join(ROOT, 'tests/snippets/loadstore/fault');
const OUT = join(GOLDEN, 'loadstore/fault');
const files = readdirSync(DIR).filter((f) => f.endsWith('.fault')).sort();

function endians(f: string): Endian[] {
  const m = /endian:\s*(le|be)/.exec(readFileSync(join(DIR, f), 'utf8').split('\n', 1)[0]!);
  return m ? [m[1] as Endian] : ['le', 'be'];
}

function goldenFile(f: string, e: Endian): string {
  return join(OUT, f.replace(/\.fault$/, `.${e}.hex`));
}

function readFaultGolden(p: string): { stdout: Buffer; status: number } {
  let status = 0;
  const hex: string[] = [];
  for (const line of readFileSync(p, 'utf8').split('\n')) {
    if (line.startsWith('#') || !line) continue;
    if (line.startsWith('status ')) status = Number(line.slice(7));
    else hex.push(line);
  }
  return { stdout: Buffer.from(hex.join(''), 'hex'), status };
}

if (process.env.REGEN_FAULT_GOLDEN) {
  mkdirSync(OUT, { recursive: true });
  const producer = `produced by ${qemuVersion()} -cpu power9 (status = 128 + the signal QEMU reported)`;
  for (const f of files) {
    for (const e of endians(f)) {
      const q = runQemu(buildSnippet(join(DIR, f), e), e);
      const m = /uncaught target signal (\d+)/.exec(q.stderr.toString());
      if (!m) throw new Error(`${f} ${e}: QEMU did not die of a signal: ${q.stderr}`);
      writeFileSync(goldenFile(f, e), formatGolden(q.stdout, 128 + Number(m[1]), producer));
    }
  }
}

describe('loadstore fault snippets vs QEMU', () => {
  for (const f of files) {
    for (const e of endians(f)) {
      it(`loadstore/fault/${f} (${e})`, () => {
        const golden = readFaultGolden(goldenFile(f, e));
        const r = runTskvm(buildSnippet(join(DIR, f), e));
        expect(diffOutputs(golden.stdout, r.stdout, e === 'le').slice(0, 40).join('\n')).toBe('');
        expect(r.status).toBe(golden.status);
        expect(r.stderr.toString()).toContain(`uncaught target signal ${golden.status - 128}`);
      });
    }
  }
});
