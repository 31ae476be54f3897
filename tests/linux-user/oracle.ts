// The QEMU side of whole-program differential tests, plus comparison helpers.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants } from 'node:os';
import { QEMU, type Endian } from '../harness/toolchain.js';
import type { GuestRunOptions, GuestRunResult } from '../harness/run-tskvm.js';
import { runTskvmGuest } from '../harness/run-tskvm.js';

export interface OracleResult {
  stdout: Buffer;
  stderr: Buffer;
  /** Exit status, or 128+signal when qemu died of the guest's fatal signal. */
  status: number;
}

/** Run under qemu-ppc64(le) -cpu power9 with the same cwd/stdin/env/argv0 conventions as runTskvmGuest. */
export function runQemuGuest(elf: string, endian: Endian, args: string[] = [], o: GuestRunOptions = {}): OracleResult {
  const env: Record<string, string> = {};
  for (const kv of o.env ?? []) {
    const i = kv.indexOf('=');
    env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  const r = spawnSync(QEMU[endian], ['-cpu', 'power9', ...(o.argv0 ? ['-0', o.argv0] : []), elf, ...args], {
    input: o.input ?? '',
    cwd: o.cwd,
    env,
    maxBuffer: 1 << 30,
    timeout: 300_000,
  });
  if (r.error) throw r.error;
  const sig = r.signal ? (constants.signals as Record<string, number>)[r.signal] : undefined;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? 128 + (sig ?? 9) };
}

/** Both sides, same inputs. */
export function runBoth(elf: string, endian: Endian, args: string[], o: GuestRunOptions): { qemu: OracleResult; tskvm: GuestRunResult } {
  const qemu = runQemuGuest(elf, endian, args, o);
  const tskvm = runTskvmGuest(elf, args, o);
  return { qemu, tskvm };
}

const show = (b: Buffer): string => {
  const s = b.toString('latin1');
  return s.length > 2000 ? s.slice(0, 2000) + `… (${b.length} bytes)` : s;
};

/** A readable account of how two runs differ ('' when identical). */
export function describeDifference(q: OracleResult, t: GuestRunResult): string {
  const out: string[] = [];
  if (t.fatal) out.push(`tskvm died: ${t.fatal}${disasmHint(t.fatal)}`);
  if (q.status !== t.status) out.push(`status: qemu ${q.status}, tskvm ${t.status}`);
  if (!q.stdout.equals(t.stdout)) {
    let i = 0;
    while (i < q.stdout.length && i < t.stdout.length && q.stdout[i] === t.stdout[i]) i++;
    out.push(`stdout differs at byte ${i} (qemu ${q.stdout.length} bytes, tskvm ${t.stdout.length})\n--- qemu:\n${show(q.stdout)}\n--- tskvm:\n${show(t.stdout)}`);
  }
  if (!q.stderr.equals(t.stderr)) out.push(`stderr differs\n--- qemu:\n${show(q.stderr)}\n--- tskvm:\n${show(t.stderr)}`);
  return out.join('\n');
}

/** objdump's reading of the instruction word in a fatal-trap description ("… insn 0x7c0004ac …"). */
export function disasmHint(fatal: string): string {
  const m = /insn 0x([0-9a-f]{8})/.exec(fatal);
  if (!m) return '';
  const d = mkdtempSync(join(tmpdir(), 'tskvm-dis-'));
  try {
    const f = join(d, 'w.bin');
    const b = Buffer.alloc(4);
    b.writeUInt32BE(parseInt(m[1]!, 16));
    writeFileSync(f, b);
    const txt = execFileSync('powerpc64-linux-gnu-objdump', ['-D', '-b', 'binary', '-m', 'powerpc:common64', '-M', 'power9', '-EB', f]).toString();
    const line = txt.trim().split('\n').pop() ?? '';
    return ` [objdump: ${line.split('\t').slice(2).join(' ').trim()}]`;
  } catch {
    return '';
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
}
