// Bare-metal pseries test guests (tests/guests/): build them with the cross
// toolchain and run them under qemu-system-ppc64, the oracle for tskvm.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { BUILD, GCC, ROOT, type Endian } from './toolchain.js';

export const GUESTS = join(ROOT, 'tests/guests');
const RT = join(GUESTS, 'rt');

const OBJCOPY: Record<Endian, string> = { le: 'powerpc64le-linux-gnu-objcopy', be: 'powerpc64-linux-gnu-objcopy' };

// ELFv2 for both endiannesses: one calling convention (no function
// descriptors) for start.S to call C with. Soft-float and no AltiVec/VSX keep
// FP and vector instructions out of compiled code: the guests run with
// MSR[FP,VEC,VSX] = 0, and tests that want those instructions write them in
// assembly.
const CFLAGS = [
  '-mcpu=power9', '-mabi=elfv2', '-O2', '-ffreestanding', '-fno-builtin', '-nostdlib', '-static',
  '-fno-pie', '-no-pie', '-msoft-float', '-mno-altivec', '-mno-vsx', '-fno-stack-protector',
  '-fno-asynchronous-unwind-tables', '-Wall', '-Wextra', `-I${RT}`, '-T', join(RT, 'guest.ld'),
  '-Wl,--build-id=none', '-Wl,--no-warn-rwx-segments', '-Wl,--orphan-handling=error',
];

/** qemu-system-ppc64 arguments before `-bios IMAGE`. The cap-* settings only
 * silence TCG's warnings about unemulated Spectre mitigations. */
export const QEMU_PSERIES = ['-M', 'pseries,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off', '-cpu', 'POWER9', '-nographic', '-nodefaults', '-serial', 'stdio'];

export interface GuestImage {
  elf: string; // for symbols and disassembly
  bin: string; // raw image, loaded at guest physical 0
}

/** Compile tests/guests/<name>.c (+ <name>.S if present) with the runtime;
 * cached in build/guests by the content of every input. */
export function buildGuest(name: string, endian: Endian): GuestImage {
  const sources = [join(RT, 'start.S'), join(RT, 'lib.c'), join(RT, 'expect.c'), join(RT, 'translated.S'), join(RT, 'radix-tree.c'), join(GUESTS, `${name}.c`)];
  if (existsSync(join(GUESTS, `${name}.S`))) sources.push(join(GUESTS, `${name}.S`));
  // Everything in rt/ (headers, linker script) can change the image.
  const inputs = [...new Set([...readdirSync(RT).map((f) => join(RT, f)), ...sources])].sort();
  const h = createHash('sha256').update(endian).update(CFLAGS.join(' '));
  for (const f of inputs) h.update(relative(ROOT, f)).update(readFileSync(f));
  const base = join(BUILD, 'guests', `${name}-${h.digest('hex').slice(0, 16)}.${endian}`);
  const out = { elf: `${base}.elf`, bin: `${base}.bin` };
  if (existsSync(out.bin)) return out;
  mkdirSync(dirname(base), { recursive: true });
  // Temporaries then rename: concurrent test workers may build the same guest.
  const tmp = `${base}.${process.pid}.tmp`;
  execFileSync(GCC[endian], [...CFLAGS, ...sources, '-o', `${tmp}.elf`], { stdio: ['ignore', 'ignore', 'pipe'] });
  execFileSync(OBJCOPY[endian], ['-O', 'binary', `${tmp}.elf`, `${tmp}.bin`], { stdio: ['ignore', 'ignore', 'pipe'] });
  renameSync(`${tmp}.elf`, out.elf);
  renameSync(`${tmp}.bin`, out.bin); // last: its presence means the pair is complete
  return out;
}

export interface GuestRun {
  console: string; // hvterm output (QEMU's stdout)
  stderr: string;
  status: number; // QEMU's exit status; 128 + signal if killed
  timedOut: boolean;
  ms: number;
}

/** Boot a raw guest image under QEMU's pseries machine. A guest that never
 * powers off is killed after timeoutMs and reported with timedOut. */
export function runGuestQemu(bin: string, opts: { timeoutMs?: number; memMiB?: number; smp?: number; nestedHv?: boolean } = {}): GuestRun {
  const start = performance.now();
  const args = opts.nestedHv ? QEMU_PSERIES.map((a) => (a.startsWith('pseries,') ? `${a},cap-nested-hv=on` : a)) : QEMU_PSERIES;
  const r = spawnSync('qemu-system-ppc64', [...args, '-m', `${opts.memMiB ?? 256}M`, '-smp', String(opts.smp ?? 1), '-bios', bin], {
    timeout: opts.timeoutMs ?? 20_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const ms = Math.round(performance.now() - start);
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  if (r.error && !timedOut) throw r.error;
  const status = r.status ?? 128 + (r.signal ? constants.signals[r.signal] : 0);
  return { console: r.stdout.toString('latin1'), stderr: r.stderr.toString(), status, timedOut, ms };
}
