// Run GNU objdump over an ELF's code and compare its instruction text with
// the tskvm disassembler, line by line.

import { execFileSync } from 'node:child_process';
import { disassemble } from '../../src/isa/ppc64/disasm.js';

export type Endian = 'le' | 'be';
export const OBJDUMP: Record<Endian, string> = { le: 'powerpc64le-linux-gnu-objdump', be: 'powerpc64-linux-gnu-objdump' };

export interface DumpLine {
  addr: bigint;
  word: number;
  text: string;
}

/** Parse `objdump -d` output (instruction lines only; symbolic suffixes "<sym+off>" removed). */
export function parseObjdump(out: string, endian: Endian): DumpLine[] {
  const lines: DumpLine[] = [];
  const re = /^\s*([0-9a-f]+):\t([0-9a-f]{2}) ([0-9a-f]{2}) ([0-9a-f]{2}) ([0-9a-f]{2}) \t(.*)$/;
  for (const l of out.split('\n')) {
    const m = re.exec(l);
    if (!m) continue;
    const b = [m[2], m[3], m[4], m[5]].map((x) => parseInt(x!, 16));
    const word = endian === 'le' ? ((b[3]! << 24) | (b[2]! << 16) | (b[1]! << 8) | b[0]!) >>> 0 : ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
    // With a symbol for the target, objdump prints "bl 10000930 <sym>"; without one
    // (what the disassembler knows), "bl 0x10000930".
    let text = m[6]!;
    const sym = /\s+<[^>]*>$/.exec(text);
    if (sym) text = text.slice(0, sym.index).replace(/(^|[\s,])([0-9a-f]+)$/, '$10x$2');
    lines.push({ addr: BigInt('0x' + m[1]), word, text });
  }
  return lines;
}

/** `objdump -d -z` of the given sections (all code sections when none given). */
export function objdump(elf: string, endian: Endian, sections: string[] = [], extra: string[] = []): DumpLine[] {
  const args = ['-d', '-z', ...extra, ...sections.flatMap((s) => ['-j', s]), elf];
  const out = execFileSync(OBJDUMP[endian], args, { maxBuffer: 1 << 30 }).toString();
  return parseObjdump(out, endian);
}

export interface Mismatch {
  addr: bigint;
  word: number;
  want: string;
  got: string;
}

export function compare(lines: readonly DumpLine[]): Mismatch[] {
  const bad: Mismatch[] = [];
  for (const l of lines) {
    const got = disassemble(l.word, l.addr);
    if (got !== l.text) bad.push({ addr: l.addr, word: l.word, want: l.text, got });
  }
  return bad;
}

/** Mismatches grouped by objdump's mnemonic: count and three examples each, most frequent first. */
export function summarize(bad: readonly Mismatch[], examples = 3): string {
  const groups = new Map<string, Mismatch[]>();
  for (const b of bad) {
    const k = b.want.split(/\s/)[0]!;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(b);
  }
  const out: string[] = [];
  for (const [k, g] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    out.push(`${k}: ${g.length}`);
    for (const e of g.slice(0, examples)) {
      out.push(`    ${e.addr.toString(16)} ${e.word.toString(16).padStart(8, '0')}  objdump: ${e.want}  |  ours: ${e.got}`);
    }
  }
  return out.join('\n');
}
