// Golden files for snippets: QEMU's output for a snippet, as hex text with a
// header saying how it was produced. Written by scripts/gen-golden.ts.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, type Endian } from './toolchain.js';

export const SNIPPETS = join(ROOT, 'tests/snippets');
export const GOLDEN = join(ROOT, 'tests/golden');

export interface Golden {
  stdout: Buffer;
  status: number;
}

/** All snippet files, relative to tests/snippets, sorted. */
export function listSnippets(dir = SNIPPETS): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...listSnippets(p));
    else if (e.endsWith('.S')) out.push(relative(SNIPPETS, p));
  }
  return out;
}

/** Which endiannesses a snippet runs in: a first line "# endian: le" restricts it. */
export function snippetEndians(rel: string): Endian[] {
  const first = readFileSync(join(SNIPPETS, rel), 'utf8').split('\n', 1)[0]!;
  const m = /endian:\s*(le|be)/.exec(first);
  return m ? [m[1] as Endian] : ['le', 'be'];
}

export function goldenPath(rel: string, endian: Endian): string {
  return join(GOLDEN, rel.replace(/\.S$/, `.${endian}.hex`));
}

export function formatGolden(stdout: Buffer, status: number, producer: string): string {
  const lines = [`# ${producer}`, `# regenerate: npm run golden`, `status ${status}`];
  for (let o = 0; o < stdout.length; o += 32) lines.push(stdout.subarray(o, o + 32).toString('hex'));
  return lines.join('\n') + '\n';
}

export function readGolden(rel: string, endian: Endian): Golden | undefined {
  const p = goldenPath(rel, endian);
  if (!existsSync(p)) return undefined;
  let status = 0;
  const hex: string[] = [];
  for (const line of readFileSync(p, 'utf8').split('\n')) {
    if (line.startsWith('#') || !line) continue;
    if (line.startsWith('status ')) status = Number(line.slice(7));
    else hex.push(line);
  }
  return { stdout: Buffer.from(hex.join(''), 'hex'), status };
}
