#!/usr/bin/env node
// tskvm command line. `tskvm exec <elf> [args…]` runs a static POWER (ppc64/
// ppc64le) Linux executable in Linux-user mode, like qemu-ppc64le does: the
// guest's exit status becomes ours, a fatal signal gives 128+signal.
//
// Every failure ends in one line on stderr ("tskvm: …") and a non-zero
// status, never a stack trace.

import type { JitKind } from '../cpu/ppc64/exec.js';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { ElfError } from '../loader/elf.js';
import { Process } from '../linux-user/process.js';
import { NodeHost } from '../platform/node/node-host.js';
import { parseRunArgs, runMachine, RunUsageError, type ConsoleInput } from './run.js';
import { stdinConsole } from '../platform/node/console-input.js';

export const VERSION = '0.1.0';

/** Where main() writes its own messages (replaceable for in-process tests). */
export interface CliIo {
  stderr(text: string): void;
  stdout(text: string): void;
  /** Host for the guest (default: real stdio). */
  host?: NodeHost;
  /** A machine's console output (`tskvm run`; default: stdout). */
  console?: (bytes: Uint8Array) => void;
  /** A machine's console input (`tskvm run`; default: stdin). */
  consoleInput?: ConsoleInput;
}

const defaultIo: CliIo = {
  stderr: (t) => process.stderr.write(t),
  stdout: (t) => process.stdout.write(t),
  consoleInput: stdinConsole(() => {
    process.stderr.write('\ntskvm: quit\n');
    process.exit(0);
  }),
};

export class CliError extends Error {}

interface ExecOptions {
  env?: string[];
  unsetEnv?: string[];
  clearEnv?: boolean;
  argv0?: string;
  strace?: boolean;
  blockThreshold?: string;
  jit?: string;
  cwd?: string;
}

function parseBlockThreshold(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new CliError(`--block-threshold expects an integer, got '${v}'`);
  return n;
}

function parseJit(v: string | undefined): JitKind | undefined {
  if (v === undefined || v === '') return undefined;
  if (v !== 'js' && v !== 'wasm') throw new CliError(`--jit expects js or wasm, got '${v}'`);
  return v;
}

function collect(v: string, prev: string[] | undefined): string[] {
  return [...(prev ?? []), v];
}

function loadImage(file: string): Uint8Array {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'No such file or directory' : code === 'EACCES' ? 'Permission denied' : ((e as Error).message ?? String(e))}`);
  }
  if (st.isDirectory()) throw new CliError(`${file}: Is a directory`);
  if (!st.isFile()) throw new CliError(`${file}: not a regular file`);
  try {
    return readFileSync(file);
  } catch (e) {
    throw new CliError(`${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function buildEnv(o: ExecOptions): string[] {
  const env = new Map<string, string>();
  if (!o.clearEnv) for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env.set(k, v);
  for (const k of o.unsetEnv ?? []) env.delete(k);
  for (const kv of o.env ?? []) {
    const i = kv.indexOf('=');
    if (i <= 0) throw new CliError(`--env expects VAR=VALUE, got '${kv}'`);
    env.set(kv.slice(0, i), kv.slice(i + 1));
  }
  return [...env].map(([k, v]) => `${k}=${v}`);
}

/** Run a guest; returns its exit status. */
export function execElf(file: string, args: string[], o: ExecOptions, io: CliIo): number {
  const image = loadImage(file);
  const host = io.host ?? new NodeHost({ cwd: o.cwd });
  let p: Process;
  try {
    let exePath: string;
    try {
      exePath = realpathSync(file);
    } catch {
      exePath = resolve(file);
    }
    p = new Process(image, {
      argv: [o.argv0 ?? file, ...args],
      envp: buildEnv(o),
      host,
      execfn: file,
      exePath,
      strace: o.strace ? (line) => io.stderr(`${line}\n`) : undefined,
      blockThreshold: parseBlockThreshold(o.blockThreshold ?? process.env.TSKVM_BLOCK_THRESHOLD),
      jit: parseJit(o.jit ?? process.env.TSKVM_JIT),
    });
  } catch (e) {
    if (e instanceof ElfError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
  try {
    return p.run();
  } catch (e) {
    const pc = Math.max(0, p.cpu.nip - 4);
    const msg = e instanceof Error ? e.message : String(e);
    throw new CliError(`internal error at guest pc 0x${pc.toString(16)}: ${msg.split('\n')[0]}`);
  } finally {
    if (!io.host) host.closeAll();
  }
}

export function buildProgram(io: CliIo, result: { status: number; pending?: Promise<number> }): Command {
  const program = new Command();
  program
    .name('tskvm')
    .description('A POWER9 (ppc64) emulator in TypeScript: run static ppc64/ppc64le Linux executables')
    .version(VERSION)
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(s.startsWith('error:') ? `tskvm: ${s}` : s) });

  program
    .command('exec')
    .description('run a static POWER Linux executable (Linux-user mode, like qemu-ppc64le)')
    .argument('<elf>', 'static ppc64 or ppc64le ELF executable')
    .argument('[args...]', 'arguments for the guest (passed through untouched, even ones starting with -)')
    .option('-E, --env <VAR=VALUE>', 'set a guest environment variable (repeatable)', collect)
    .option('-U, --unset-env <VAR>', 'remove a variable from the guest environment (repeatable)', collect)
    .option('--clear-env', 'start the guest with an empty environment')
    .option('-0, --argv0 <name>', "the guest's argv[0] (default: the ELF path)")
    .option('-C, --cwd <dir>', "the guest's working directory")
    .option('--strace', 'log system calls on stderr')
    .option('--block-threshold <n>', 'dispatches before hot code is compiled into a block (default 16, env TSKVM_BLOCK_THRESHOLD; -1: interpreter only)')
    .option('--jit <kind>', 'what hot blocks compile to: js (default) or wasm (env TSKVM_JIT)')
    .passThroughOptions()
    .exitOverride()
    .action((elf: string, args: string[], opts: ExecOptions) => {
      result.status = execElf(elf, args, opts, io);
    });

  program
    .command('run')
    .description('boot a machine from a QEMU-style command line (pseries: -kernel VMLINUX [-initrd FILE] [-append ARGS], or -bios IMAGE)')
    .argument('[options...]', 'QEMU options: -M pseries[,cap-…] -cpu POWER9 -m SIZE -smp N -kernel FILE -initrd FILE -append ARGS -bios IMAGE -nographic -serial stdio -icount shift=N -no-reboot')
    .allowUnknownOption()
    .helpOption(false)
    .passThroughOptions()
    .exitOverride()
    .action((args: string[]) => {
      let cfg;
      try {
        cfg = parseRunArgs(args);
        cfg.jit ??= parseJit(process.env.TSKVM_JIT);
      } catch (e) {
        if (e instanceof RunUsageError) throw new CliError(e.message);
        throw e;
      }
      const files = { image: cfg.bios ? loadImage(cfg.bios) : undefined, kernel: cfg.kernel ? loadImage(cfg.kernel) : undefined, initrd: cfg.initrd ? loadImage(cfg.initrd) : undefined };
      const out = io.console ?? ((b: Uint8Array) => void process.stdout.write(b));
      result.pending = runMachine(cfg, files, out, io.stderr, io.consoleInput).catch((e: unknown) => {
        if (e instanceof RunUsageError) throw new CliError(e.message);
        throw e;
      });
    });
  return program;
}

/** Parse and run a command: its exit status, or a promise of it (`tskvm run`). */
function start(argv: string[], io: CliIo): number | Promise<number> {
  const result: { status: number; pending?: Promise<number> } = { status: 0 };
  try {
    const program = buildProgram(io, result);
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return 2;
    }
    program.parse(argv, { from: 'user' });
    return result.pending ? result.pending.catch((e: unknown) => failure(e, io)) : result.status;
  } catch (e) {
    return failure(e, io);
  }
}

/** The CLI entry for synchronous commands (`exec`): returns the exit status instead of exiting. */
export function main(argv: string[], io: CliIo = defaultIo): number {
  const r = start(argv, io);
  if (typeof r === 'number') return r;
  return failure(new CliError('`tskvm run` needs the asynchronous entry (mainAsync)'), io);
}

/** The CLI entry for every command, `tskvm run` included. */
export async function mainAsync(argv: string[], io: CliIo = defaultIo): Promise<number> {
  return start(argv, io);
}

function failure(e: unknown, io: CliIo): number {
  if (e instanceof CommanderError) {
    // Help and version requests end "successfully"; commander printed the message already.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    return e.exitCode || 2;
  }
  if (e instanceof CliError) {
    io.stderr(`tskvm: ${e.message}\n`);
    return 1;
  }
  const msg = e instanceof Error ? e.message : String(e);
  io.stderr(`tskvm: internal error: ${msg.split('\n')[0]}\n`);
  return 70;
}

const isEntry = (() => {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
})();

if (isEntry) {
  void mainAsync(process.argv.slice(2)).then((st) => {
    process.exitCode = st;
  });
}
