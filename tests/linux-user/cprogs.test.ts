// C programs (tests/c/*.c) built static at -O3 -mcpu=power9 for both byte
// orders, run by tskvm and by qemu-ppc64(le): stdout, stderr and exit status
// must be identical. They lean on FP (libm, printf %a), autovectorized
// VMX/VSX loops, 64-bit integer work, qsort, and the system-call surface.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildC, ROOT, type Endian } from '../harness/toolchain.js';
import { runTskvmGuest } from '../harness/run-tskvm.js';
import { runQemuGuest, describeDifference } from './oracle.js';

const PROGRAMS: Array<{ src: string; args: string[]; env: string[] }> = [
  { src: 'numerics.c', args: [], env: [] },
  { src: 'vectors.c', args: [], env: [] },
  { src: 'hashsort.c', args: [], env: [] },
  { src: 'altivec.c', args: [], env: [] },
  { src: 'float128.c', args: [], env: [] },
  { src: 'strings.c', args: [], env: [] },
  { src: 'sysio.c', args: ['x', '-y', '--flag=1', ''], env: ['GREETING=two words'] }, // one variable: qemu-user reverses the environment's order, Linux does not
];

describe('C programs vs qemu', () => {
  for (const prog of PROGRAMS) {
    for (const endian of ['le', 'be'] as Endian[]) {
      it(`${prog.src} (${endian})`, () => {
        const elf = buildC(join(ROOT, 'tests/c', prog.src), endian);
        const dq = mkdtempSync(join(tmpdir(), 'tskvm-cq-'));
        const dt = mkdtempSync(join(tmpdir(), 'tskvm-ct-'));
        try {
          const q = runQemuGuest(elf, endian, prog.args, { cwd: dq, env: prog.env, argv0: 'prog' });
          const t = runTskvmGuest(elf, prog.args, { cwd: dt, env: prog.env, argv0: 'prog' });
          expect(describeDifference(q, t)).toBe('');
        } finally {
          rmSync(dq, { recursive: true, force: true });
          rmSync(dt, { recursive: true, force: true });
        }
      });
    }
  }
});
