// The disassembler against GNU objdump on real code: all of busybox's .text
// (ppc64le), and a big-endian static glibc program built with -mcpu=power9.
// Every instruction line objdump prints must match, except words objdump
// decodes as POWER10-only instructions (its default dialect is POWER10 with an
// "any" fallback): those must match what objdump prints with -M power9.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { busyboxPath } from '../harness/guest-files.js';
import { ROOT, buildC } from '../harness/toolchain.js';
import { compare, objdump, summarize, type Endian } from './objdump.js';

/**
 * Compare with objdump's default text; where that differs from its -M power9
 * text (POWER10-only instructions, or words only another CPU's opcode table
 * accepts), the -M power9 text (".long") is accepted too.
 */
function check(elf: string, endian: Endian, sections: string[]): void {
  const dflt = objdump(elf, endian, sections);
  const p9 = objdump(elf, endian, sections, ['-M', 'power9']);
  expect(p9.length).toBe(dflt.length);
  const t0 = performance.now();
  const bad = compare(dflt);
  const ms = performance.now() - t0;
  const index = new Map(dflt.map((l, i) => [l.addr, i]));
  let other = 0;
  const real = bad.filter((b) => {
    const i = index.get(b.addr)!;
    const q = p9[i]!;
    if (q.text !== dflt[i]!.text && q.text === b.got) {
      other++;
      return false;
    }
    return true;
  });
  console.log(`${elf}: ${dflt.length} instructions disassembled in ${ms.toFixed(0)} ms; ${other} non-POWER9 words printed as data; ${real.length} mismatches`);
  expect(real.length, `${real.length} mismatches with objdump, by objdump's mnemonic:\n${summarize(real)}`).toBe(0);
}

describe('disassembler vs objdump -d on real code', () => {
  it('busybox .text (ppc64le)', () => {
    check(busyboxPath(), 'le', ['.text']);
  });

  it('a static big-endian program (glibc, gcc -O2 -mcpu=power9)', () => {
    const src = join(ROOT, 'tests/c/numerics.c');
    if (!existsSync(src)) throw new Error(`${src} missing`);
    check(buildC(src, 'be', ['-O2']), 'be', ['.text']);
  });
});
