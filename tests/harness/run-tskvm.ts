// Run a guest ELF in this process under tskvm's Linux-user mode, capturing output.

import { readFileSync, realpathSync } from 'node:fs';
import { Process } from '../../src/linux-user/process.js';
import type { HostOs } from '../../src/linux-user/host.js';
import { NodeHost } from '../../src/platform/node/node-host.js';
import type { RunResult } from './toolchain.js';
import type { JitKind } from '../../src/cpu/ppc64/exec.js';

/** Minimal host (stdout/stderr only): snippets and other file-less guests. */
/** The block-compiler threshold the tests run with: $TSKVM_BLOCK_THRESHOLD, else the default. */
export function envBlockThreshold(): number | undefined {
  const v = process.env.TSKVM_BLOCK_THRESHOLD;
  return v === undefined || v === '' ? undefined : Number(v);
}

/** What blocks compile to in the tests: $TSKVM_JIT ('js' or 'wasm'), else JavaScript. */
export function envJit(): JitKind | undefined {
  const v = process.env.TSKVM_JIT;
  return v === 'wasm' || v === 'js' ? v : undefined;
}

export function runTskvm(elf: string, args: string[] = [], maxInsns = 2e9, blockThreshold = envBlockThreshold(), jit = envJit()): RunResult & { icount: number } {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const host: HostOs = {
    write(fd, data) {
      if (fd === 1) out.push(data.slice());
      else if (fd === 2) err.push(data.slice());
      else return -9;
      return data.length;
    },
    read() {
      return new Uint8Array(0);
    },
    fatalSignal(sig, _nip, _trap, detail) {
      err.push(new TextEncoder().encode(`tskvm: uncaught target signal ${sig}${detail ? ` [${detail}]` : ''}\n`));
    },
  };
  const p = new Process(readFileSync(elf), { argv: [elf, ...args], envp: [], host, random: new Uint8Array(16), blockThreshold, jit });
  let status: number | undefined;
  while (status === undefined && p.cpu.icount < maxInsns) {
    const trap = p.exec.run(1_000_000);
    if (trap) status = p.handleTrap(trap);
  }
  return { stdout: Buffer.concat(out), stderr: Buffer.concat(err), status: status ?? -1, icount: p.cpu.icount };
}

export interface GuestRunOptions {
  /** Guest working directory (files are real host files there). */
  cwd?: string;
  /** Bytes on the guest's stdin (default: empty). */
  input?: Buffer | string;
  /** Guest environment, "K=V" strings (default: empty, like runQemu's env {}). */
  env?: string[];
  /** argv[0] (default: the ELF path, as qemu gives it). */
  argv0?: string;
  /** Give up after this many instructions (status -1). */
  maxInsns?: number;
}

export interface GuestRunResult extends RunResult {
  icount: number;
  /** Description of the fatal trap, if the guest died of a signal (PC, instruction, mnemonic). */
  fatal?: string;
}

/** Full Linux-user run with the Node host (files, stdin, cwd), output captured. */
export function runTskvmGuest(elf: string, args: string[] = [], o: GuestRunOptions = {}): GuestRunResult {
  const host = new NodeHost({ cwd: o.cwd, capture: true, stdin: Buffer.from(o.input ?? ''), prefix: 'tskvm' });
  const p = new Process(readFileSync(elf), { argv: [o.argv0 ?? elf, ...args], envp: o.env ?? [], host, execfn: elf, exePath: realpathSync(elf), blockThreshold: envBlockThreshold() });
  const max = o.maxInsns ?? 2e10;
  let status: number | undefined;
  try {
    while (status === undefined && p.cpu.icount < max) {
      const trap = p.exec.run(1_000_000);
      if (trap) status = p.handleTrap(trap);
    }
  } catch (e) {
    host.diag(`tskvm: internal error at guest pc 0x${(p.cpu.nip - 4).toString(16)}: ${e instanceof Error ? e.message : String(e)}`);
    status = -2;
  } finally {
    host.closeAll();
  }
  return { stdout: host.stdout, stderr: host.stderr, status: status ?? -1, icount: p.cpu.icount, fatal: p.lastFatal?.detail };
}
