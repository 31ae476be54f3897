// Cross toolchain and QEMU access for tests and golden-file scripts.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Endian = 'le' | 'be';
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILD = join(ROOT, 'build');
export const HARNESS = join(ROOT, 'tests/harness/harness.S');

export const GCC: Record<Endian, string> = { le: 'powerpc64le-linux-gnu-gcc', be: 'powerpc64-linux-gnu-gcc' };
export const QEMU: Record<Endian, string> = { le: 'qemu-ppc64le', be: 'qemu-ppc64' };

function hash(...parts: Array<string | Buffer>): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
}

/** Assemble a snippet inside the harness; cached in build/ by content. Returns the ELF path. */
export function buildSnippet(snippet: string, endian: Endian, defines: string[] = []): string {
  const src = readFileSync(snippet);
  const out = join(BUILD, 'snippets', `${hash(src, readFileSync(HARNESS), endian, defines.join(' '))}.${endian}.elf`);
  if (existsSync(out)) return out;
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  execFileSync(GCC[endian], ['-nostdlib', '-static', '-mcpu=power9', '-Wl,--build-id=none', '-x', 'assembler-with-cpp', ...defines.map((d) => `-D${d}`), `-DSNIPPET="${resolve(snippet)}"`, `-I${dirname(resolve(snippet))}`, HARNESS, '-o', tmp], { stdio: ['ignore', 'ignore', 'pipe'] });
  renameSync(tmp, out);
  return out;
}

/** Compile a C program (static, -O3 -mcpu=power9); cached in build/. */
export function buildC(source: string, endian: Endian, extra: string[] = []): string {
  const src = readFileSync(source);
  const out = join(BUILD, 'c', `${hash(src, endian, extra.join(' '))}.${endian}.elf`);
  if (existsSync(out)) return out;
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  execFileSync(GCC[endian], ['-static', '-O3', '-mcpu=power9', ...extra, source, '-o', tmp, '-lm'], { stdio: ['ignore', 'ignore', 'pipe'] });
  renameSync(tmp, out);
  return out;
}

export interface RunResult {
  stdout: Buffer;
  stderr: Buffer;
  status: number;
}

/** Run an ELF under qemu-user (POWER9), optional stdin and cwd. */
export function runQemu(elf: string, endian: Endian, args: string[] = [], opts: { input?: Buffer | string; cwd?: string; env?: Record<string, string> } = {}): RunResult {
  const r = spawnSync(QEMU[endian], ['-cpu', 'power9', elf, ...args], {
    input: opts.input ?? '',
    cwd: opts.cwd,
    env: opts.env ?? {},
    maxBuffer: 1 << 30,
  });
  if (r.error) throw r.error;
  // A guest killed by a signal makes qemu re-raise it on itself: report it the
  // way a shell does (128 + signal number), as tskvm's exit status does.
  const status = r.status ?? 128 + (r.signal ? constants.signals[r.signal] : 0);
  return { stdout: r.stdout, stderr: r.stderr, status };
}

export function qemuVersion(): string {
  return execFileSync('qemu-ppc64le', ['--version']).toString().split('\n')[0]!.trim();
}
