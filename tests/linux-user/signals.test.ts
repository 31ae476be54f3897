// Fatal signals and the exit status: a C program that aborts, faults, traps,
// raises, ignores signals, overflows its stack, under tskvm and qemu. Status
// (128+signal) and stdout must match; stderr matches once qemu's "qemu:" is
// read as "tskvm:" and tskvm's bracketed diagnosis ([pc …: insn …]) is dropped.
// Then guest handlers: the rt_sigframe, sigreturn, masks, alternate stack.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildC, ROOT, type Endian } from '../harness/toolchain.js';
import { runTskvmGuest } from '../harness/run-tskvm.js';
import { runQemuGuest } from './oracle.js';

const MODES = ['abort', 'segv', 'segv-write', 'trap', 'term', 'ignored', 'chld', 'kill0', 'exit300', 'stack', 'none'];

describe('fatal signals vs qemu', () => {
  for (const endian of ['le', 'be'] as Endian[]) {
    for (const mode of MODES) {
      it(`${mode} (${endian})`, () => {
        const elf = buildC(join(ROOT, 'tests/c/crash.c'), endian, ['-O1']);
        const d = mkdtempSync(join(tmpdir(), 'tskvm-sig-'));
        try {
          const q = runQemuGuest(elf, endian, [mode], { cwd: d, argv0: 'crash' });
          const t = runTskvmGuest(elf, [mode], { cwd: d, argv0: 'crash' });
          expect(t.stdout.toString()).toBe(q.stdout.toString());
          expect(t.status).toBe(q.status);
          const qerr = q.stderr.toString().replace(/^qemu: /gm, 'tskvm: ');
          const terr = t.stderr.toString().replace(/ \[[^\]\n]*\]$/gm, '');
          expect(terr).toBe(qerr);
          if (t.status > 128 && [4, 5, 6, 7, 8, 11].includes(t.status - 128)) expect(t.fatal).toBeTruthy();
        } finally {
          rmSync(d, { recursive: true, force: true });
        }
      });
    }
  }

  for (const endian of ['le', 'be'] as Endian[]) {
    it(`handlers: siginfo, ucontext NIP edit, siglongjmp from SEGV, pending, sigaltstack (${endian})`, () => {
      const elf = buildC(join(ROOT, 'tests/c/sighandler.c'), endian, ['-O2']);
      const d = mkdtempSync(join(tmpdir(), 'tskvm-sig-'));
      try {
        const q = runQemuGuest(elf, endian, [], { cwd: d });
        const t = runTskvmGuest(elf, [], { cwd: d });
        expect(t.stdout.toString()).toBe(q.stdout.toString());
        expect(t.stderr.toString()).toBe(q.stderr.toString());
        expect(t.status).toBe(q.status);
        expect(q.stdout.toString()).toMatch(/caught stack overflow/);
      } finally {
        rmSync(d, { recursive: true, force: true });
      }
    });
  }
});
