// Run a random program under tskvm and QEMU and compare every dump.

import type { JitKind } from '../../src/cpu/ppc64/exec.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD, buildSnippet, runQemu, type Endian } from '../harness/toolchain.js';
import { runTskvm } from '../harness/run-tskvm.js';
import { runInPartition } from '../harness/run-in-partition.js';
import { FP_QUIRKS } from '../../src/cpu/ppc64/fpu/quirks.js';
import { diffOutputs } from '../harness/dump.js';
import { generateProgram, type GenOptions, type Program } from './generate.js';

// QEMU is this test's oracle: run tskvm in its QEMU-compatible FP mode
// (src/cpu/ppc64/fpu/quirks.ts; the ISA mode is checked in tests/fpu/quirks.test.ts).
FP_QUIRKS.qemu = true;

export interface CaseResult {
  seed: number;
  endian: Endian;
  program: Program;
  diffs: string[];
  /** Instructions tskvm retired. */
  icount: number;
  snippet: string;
}

export function runCase(seed: number, endian: Endian, opts: GenOptions, blockThreshold?: number, jit?: JitKind): CaseResult {
  const program = generateProgram(seed, opts);
  const dir = join(BUILD, 'random');
  mkdirSync(dir, { recursive: true });
  const snippet = join(dir, `seed-${seed}-${endian}.S`);
  writeFileSync(snippet, program.source);
  const elf = buildSnippet(snippet, endian);
  const q = runQemu(elf, endian);
  const t = runTskvm(elf, [], 50_000_000, blockThreshold, jit); // a bound, so a wrong CTR cannot loop for hours
  const diffs = diffOutputs(q.stdout, t.stdout, endian === 'le');
  if (q.status !== t.status) diffs.unshift(`exit status: qemu ${q.status} (${q.stderr.toString().trim()}), tskvm ${t.status} (${t.stderr.toString().trim()})`);
  return { seed, endian, program, diffs, icount: t.icount, snippet };
}

/**
 * The same, with tskvm running the program as problem-state code in a radix
 * partition (tests/harness/run-in-partition.ts), the scratch buffer centred
 * on a 4 KiB page boundary; QEMU-user runs the same ELF.
 */
export async function runCaseInPartition(seed: number, endian: Endian, opts: GenOptions, blockThreshold: number, jit?: JitKind): Promise<CaseResult> {
  const program = generateProgram(seed, opts);
  const dir = join(BUILD, 'random');
  mkdirSync(dir, { recursive: true });
  const snippet = join(dir, `part-seed-${seed}-${endian}.S`);
  writeFileSync(snippet, program.source);
  const elf = buildSnippet(snippet, endian, ['SCRATCH_STRADDLES_PAGE']);
  const q = runQemu(elf, endian);
  const t = await runInPartition(elf, blockThreshold, 50_000_000, jit);
  const diffs = diffOutputs(q.stdout, t.stdout, endian === 'le');
  if (q.status !== t.status) diffs.unshift(`exit status: qemu ${q.status} (${q.stderr.toString().trim()}), tskvm ${t.status}`);
  return { seed, endian, program, diffs, icount: t.icount, snippet };
}

/**
 * Find the first body instruction after which the states differ: rerun the
 * program's prefixes (one pass) until the dumps diverge.
 */
export function firstDivergence(seed: number, endian: Endian, opts: GenOptions): { index: number; mnem: string; word: number; diffs: string[] } | undefined {
  const full = generateProgram(seed, opts);
  let lo = 0;
  let hi = full.body.length; // prefix length hi diverges (assumed), lo does not
  const diverges = (n: number): string[] => {
    const dir = join(BUILD, 'random');
    const snippet = join(dir, `seed-${seed}-${endian}-prefix${n}.S`);
    const lines = full.source.split('\n');
    const start = lines.indexOf('1:') + 1;
    const cut = [...lines.slice(0, start + n), '\tDUMP', ''].join('\n');
    writeFileSync(snippet, cut.replace(/\tbdnz 1b\n?/, ''));
    const elf = buildSnippet(snippet, endian);
    return diffOutputs(runQemu(elf, endian).stdout, runTskvm(elf).stdout, endian === 'le');
  };
  if (diverges(hi).length === 0) return undefined;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (diverges(mid).length) hi = mid;
    else lo = mid;
  }
  const b = full.body[hi - 1]!;
  return { index: hi - 1, mnem: b.mnem, word: b.word, diffs: diverges(hi) };
}
