// The CLI's contract: bad input gives exactly one line "tskvm: …" on stderr
// and a non-zero status, never a stack trace; a guest's exit status and fatal
// signals come through as the status (128+signal), arguments after the ELF
// are passed through untouched.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { NodeHost } from '../../src/platform/node/node-host.js';
import { buildC, GCC, ROOT } from '../harness/toolchain.js';

let dir = '';

function cli(argv: string[], host?: NodeHost): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), host });
  return { status, stdout: stdout + (host ? host.stdout.toString('latin1') : ''), stderr: stderr + (host ? host.stderr.toString('latin1') : '') };
}

function expectOneLineError(r: { status: number; stderr: string }, pattern: RegExp): void {
  expect(r.status).not.toBe(0);
  expect(r.stderr).toMatch(/^tskvm: [^\n]+\n$/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).toMatch(pattern);
}

const asm = (name: string, endian: 'le' | 'be'): string => buildC(join(ROOT, 'tests/c', name), endian, ['-nostdlib', `-I${join(ROOT, 'tests/c')}`]);

function patched(src: string, name: string, edit: (b: Buffer) => Buffer): string {
  const out = join(dir, name);
  writeFileSync(out, edit(Buffer.from(readFileSync(src))));
  return out;
}

describe('tskvm CLI errors and exit status', () => {
  let good = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tskvm-cli-'));
    good = asm('exit7.S', 'le');
    writeFileSync(join(dir, 'text.txt'), 'just some text, certainly not an ELF file\n'.repeat(4));
    mkdirSync(join(dir, 'adir'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('missing file', () => expectOneLineError(cli(['exec', join(dir, 'nope')]), /nope: No such file or directory/));
  it('directory', () => expectOneLineError(cli(['exec', join(dir, 'adir')]), /Is a directory/));
  it('not an ELF', () => expectOneLineError(cli(['exec', join(dir, 'text.txt')]), /not an ELF file/));
  it('empty file', () => {
    writeFileSync(join(dir, 'empty'), '');
    expectOneLineError(cli(['exec', join(dir, 'empty')]), /not an ELF file/);
  });
  it('wrong machine (host executable)', () => expectOneLineError(cli(['exec', process.execPath]), /wrong machine/));
  it('32-bit ELF', () => expectOneLineError(cli(['exec', patched(good, 'elf32', (b) => (b.writeUInt8(1, 4), b))]), /not a 64-bit ELF/));
  it('bad data encoding', () => expectOneLineError(cli(['exec', patched(good, 'enc', (b) => (b.writeUInt8(7, 5), b))]), /data encoding/));
  it('relocatable object (e_type)', () => expectOneLineError(cli(['exec', patched(good, 'rel', (b) => (b.writeUInt16LE(1, 16), b))]), /not an executable/));
  it('dynamically linked', () => {
    const src = join(dir, 'dyn.c');
    writeFileSync(src, 'int main(void){return 0;}\n');
    const out = join(dir, 'dyn.elf');
    const r = spawnSync(GCC.le, [src, '-o', out]);
    expect(r.status).toBe(0);
    expectOneLineError(cli(['exec', out]), /dynamically linked/);
  });
  it('truncated ELF (header only)', () => expectOneLineError(cli(['exec', patched(good, 'trunc40', (b) => b.subarray(0, 40))]), /not an ELF file/));
  it('truncated ELF (segments cut off)', () => expectOneLineError(cli(['exec', patched(good, 'trunc', (b) => b.subarray(0, 0x120))]), /outside the file/));
  it('program headers outside the file', () => expectOneLineError(cli(['exec', patched(good, 'phoff', (b) => (b.writeBigUInt64LE(0xfffff0n, 32), b))]), /program headers lie outside the file/));
  it('bad program header size', () => expectOneLineError(cli(['exec', patched(good, 'phent', (b) => (b.writeUInt16LE(8, 54), b))]), /program header size/));
  it('no program headers', () => expectOneLineError(cli(['exec', patched(good, 'phnum', (b) => (b.writeUInt16LE(0, 56), b))]), /no program headers/));
  it('entry point outside the image', () => expectOneLineError(cli(['exec', patched(good, 'entry', (b) => (b.writeBigUInt64LE(0x1234n, 24), b))]), /entry point/));
  it('huge 64-bit field', () => expectOneLineError(cli(['exec', patched(good, 'huge', (b) => (b.writeBigUInt64LE(0xffffffffffffff00n, 24), b))]), /out of range/));
  it('bad flag', () => expectOneLineError(cli(['exec', '--bogus', good]), /unknown option '--bogus'/));
  it('unknown command', () => expectOneLineError(cli(['frobnicate']), /unknown command/));
  it('missing ELF argument', () => expectOneLineError(cli(['exec']), /missing required argument/));
  it('bad --env', () => expectOneLineError(cli(['exec', '--env', 'NOEQUALS', good]), /VAR=VALUE/));

  it('--help lists exec', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/exec/);
  });

  it('guest exit status and output come through (LE and BE)', () => {
    for (const e of ['le', 'be'] as const) {
      const host = new NodeHost({ capture: true });
      const r = cli(['exec', asm('exit7.S', e)], host);
      expect(r.stdout).toBe('ok\n');
      expect(r.status).toBe(7);
    }
  });

  it('fatal SIGILL: 128+4 and one line naming the instruction word', () => {
    for (const e of ['le', 'be'] as const) {
      const host = new NodeHost({ capture: true });
      const r = cli(['exec', asm('illegal.S', e)], host);
      expect(r.status).toBe(132);
      expect(r.stderr).toMatch(/^tskvm: uncaught target signal 4 \(Illegal instruction\) - core dumped \[pc 0x[0-9a-f]+: insn 0x00000000 \(not a known instruction\)\]\n$/);
    }
  });

  it('arguments after the ELF pass through untouched (even -x, --help)', () => {
    const elf = buildC(join(ROOT, 'tests/c/sysio.c'), 'le');
    const host = new NodeHost({ capture: true, cwd: dir });
    const r = cli(['exec', '--clear-env', '-E', 'K=V', elf, '-x', '--help', '--', 'a b'], host);
    expect(r.stdout.split('\n').slice(0, 2).join('\n')).toBe('argc 5: [-x] [--help] [--] [a b]\nenv: K=V');
    expect(r.status).toBe(5);
  });

  // The real entry point (process boundary): no stack traces escape either.
  it('spawned CLI: one-line error, non-zero status', () => {
    // The compiled CLI when it is at least as new as its source, else the source through tsx.
    const srcTime = statSync(join(ROOT, 'src/cli/main.ts')).mtimeMs;
    const dist = [join(ROOT, 'dist/cli/main.js'), join(ROOT, 'dist/src/cli/main.js')].find((p) => existsSync(p) && statSync(p).mtimeMs >= srcTime);
    const cmd = dist ? [dist] : ['--import', `file://${join(ROOT, 'node_modules/tsx/dist/loader.mjs')}`, join(ROOT, 'src/cli/main.ts')];
    const r = spawnSync(process.execPath, [...cmd, 'exec', join(dir, 'text.txt')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^tskvm: [^\n]*not an ELF file\n$/);
    const ok = spawnSync(process.execPath, [...cmd, 'exec', good, '-v'], { encoding: 'utf8' });
    expect(ok.stdout).toBe('ok\n');
    expect(ok.status).toBe(7);
  });
});
