// bench:nested — nested HV as a user of it sees it: Debian's kernel as the
// L1 with kvm-hv loaded runs tests/nested/l1-vmm.c's bench, timed inside
// the L1 (its clock): L2 KVM_RUN round trips per second (the L2 makes an
// hcall kvm-hv hands to the L1 VMM, which answers and runs it again: two
// H_ENTER_NESTED exits of the L0 per round trip), and first touches of
// 64 KiB L2 pages per second (each an L1 kvm-hv fault and an L0 shadow
// fault). The same kernel, modules, program and command line under tskvm
// (-M pseries,cap-nested-hv=on) and under qemu-system-ppc64 -M
// pseries,cap-nested-hv=on (TCG: QEMU as the L0), in one run; prints both
// and the tskvm/QEMU ratio (above 1: tskvm faster). Round trips are timed
// twice: the first --trips (cold: tskvm still compiling the path's hot
// blocks, V8 still tiering its code up) and --trips again after --warmup
// more (warm: the steady state of an L2 that runs for a while). Then the L2 Linux run
// (5c): Debian's QEMU in the L1 boots Debian's kernel as the L2 to /init,
// timed in the L1 (QEMU's start to its exit) and on the host (the whole run).
//
//   npm run bench:nested [-- --trips 2000] [-- --warmup 20000] [-- --pages 512] [-- --no-linux] [-- --jit wasm] [-- --threshold N]

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BareMetalMachine } from '../src/vmm/bare-metal.js';
import { busyboxInitramfs } from '../scripts/busybox-initramfs.js';
import { busyboxPath, kernelPath, kvmModules } from '../tests/harness/guest-files.js';
import { QEMU_PSERIES } from '../tests/harness/guests.js';
import { buildC, ROOT } from '../tests/harness/toolchain.js';
import { l2LinuxInitramfs } from '../tests/harness/nested-linux.js';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : def;
}
const trips = Number(arg('trips', '2000'));
const pages = Number(arg('pages', '512'));
const warmup = Number(arg('warmup', '20000'));
// What tskvm's hot blocks compile to (docs/jit.md): the machine's default (wasm), or --jit js|wasm.
const jitArg = arg('jit', '');
if (jitArg !== '' && jitArg !== 'js' && jitArg !== 'wasm') throw new Error(`--jit expects js or wasm, got ${jitArg}`);
const jit = jitArg === '' ? undefined : jitArg;
// Dispatches before a slot heads a compiled block (default: the partition default for the tier).
const blockThreshold = arg('threshold', '') === '' ? undefined : Number(arg('threshold', ''));
const APPEND = 'console=hvc0 quiet';
const INIT = `#!/bin/busybox sh
/bin/busybox mount -t devtmpfs dev /dev
/bin/busybox insmod /lib/kvm.ko && /bin/busybox insmod /lib/kvm-hv.ko && /bin/l1-vmm bench ${trips} ${pages} ${warmup}
/bin/busybox poweroff -f
`;

const { kvm, kvmHv } = kvmModules();
const vmm = buildC(join(ROOT, 'tests/nested/l1-vmm.c'), 'le', ['-O2', '-Wall', '-Wextra']);
const initrd = busyboxInitramfs(new Uint8Array(readFileSync(busyboxPath())), INIT, [
  ['lib/kvm.ko', new Uint8Array(readFileSync(kvm))],
  ['lib/kvm-hv.ko', new Uint8Array(readFileSync(kvmHv))],
  ['bin/l1-vmm', new Uint8Array(readFileSync(vmm))],
]);
const kernel = new Uint8Array(readFileSync(kernelPath()));

interface Result {
  trips: number;
  warm: number;
  touches: number;
  wall: number;
}

function parse(log: string, who: string): Result {
  const t = /bench: \d+ L2 KVM_RUN round trips in \d+ us: (\d+) per second/.exec(log);
  const w = /bench: after \d+ more, \d+ L2 KVM_RUN round trips in \d+ us: (\d+) per second/.exec(log);
  const p = /bench: \d+ first touches of 64K pages in \d+ us: (\d+) per second \((\d+) right\)/.exec(log);
  if (!t || !w || !p || Number(p[2]) !== pages) throw new Error(`${who}: the bench did not run\n${log.slice(-3000)}`);
  return { trips: Number(t[1]), warm: Number(w[1]), touches: Number(p[1]), wall: 0 };
}

async function tskvm(): Promise<Result> {
  let log = '';
  const m = new BareMetalMachine({ ramSize: 1 << 30, kernel, initrd, append: APPEND, nestedHv: true, jit, blockThreshold, console: (b) => (log += Buffer.from(b).toString('latin1')) });
  const t0 = performance.now();
  await m.run();
  return { ...parse(log, 'tskvm'), wall: (performance.now() - t0) / 1000 };
}

function qemu(): Result {
  const dir = mkdtempSync(join(tmpdir(), 'tskvm-bench-nested-'));
  writeFileSync(join(dir, 'initramfs.cpio'), initrd);
  const args = [...QEMU_PSERIES];
  args[1] = args[1]!.replace('pseries', 'pseries,x-vof=on,cap-nested-hv=on');
  const t0 = performance.now();
  const q = spawnSync('qemu-system-ppc64', [...args, '-m', '1G', '-kernel', kernelPath(), '-initrd', join(dir, 'initramfs.cpio'), '-append', APPEND], { timeout: 1_800_000, maxBuffer: 1 << 26 });
  return { ...parse(q.stdout.toString('latin1'), 'QEMU'), wall: (performance.now() - t0) / 1000 };
}

console.log(`bench:nested — Debian ${kernelPath().split('/').pop()} as L1 with kvm-hv; l1-vmm bench ${trips} ${pages} ${warmup}; tskvm blocks: ${jit ?? 'default'}${blockThreshold !== undefined ? ` at ${blockThreshold}` : ''}`);
const t = await tskvm();
const q = qemu();
const row = (what: string, a: number, b: number, unit: string) => console.log(`${what.padEnd(34)} ${a.toFixed(0).padStart(9)} ${b.toFixed(0).padStart(9)} ${unit.padEnd(6)} ${(a / b).toFixed(2)}×`);
console.log(`${''.padEnd(34)} ${'tskvm'.padStart(9)} ${'QEMU'.padStart(9)}`);
row(`L2 KVM_RUN round trips, first ${trips}`, t.trips, q.trips, '/s');
row(`  ${trips} after ${warmup} more`, t.warm, q.warm, '/s');
row('L2 first touches (64 KiB pages)', t.touches, q.touches, '/s');
console.log(`${'whole run (boot, bench, power-off)'.padEnd(34)} ${t.wall.toFixed(1).padStart(9)} ${q.wall.toFixed(1).padStart(9)} s`);

// ---- the L2 Linux run ----
if (!process.argv.includes('--no-linux')) {
  const l2 = l2LinuxInitramfs();
  const l1Seconds = (log: string): number => {
    const a = /L1: QEMU starts the L2 at ([\d.]+) s/.exec(log);
    const b = /L1: QEMU exited with 0 at ([\d.]+) s/.exec(log);
    if (!a || !b || !/L2: init reached/.test(log)) throw new Error(`the L2 did not reach /init\n${log.slice(-3000)}`);
    return Number(b[1]) - Number(a[1]);
  };
  let tlog = '';
  const m = new BareMetalMachine({ ramSize: 1536 << 20, kernel, initrd: l2, append: APPEND, nestedHv: true, jit, blockThreshold, console: (b) => (tlog += Buffer.from(b).toString('latin1')) });
  let t0 = performance.now();
  await m.run();
  const tWall = (performance.now() - t0) / 1000;
  const dir = mkdtempSync(join(tmpdir(), 'tskvm-bench-nested-'));
  writeFileSync(join(dir, 'l1.cpio'), l2);
  const args = [...QEMU_PSERIES];
  args[1] = args[1]!.replace('pseries', 'pseries,x-vof=on,cap-nested-hv=on');
  t0 = performance.now();
  const q = spawnSync('qemu-system-ppc64', [...args, '-m', '1536M', '-kernel', kernelPath(), '-initrd', join(dir, 'l1.cpio'), '-append', APPEND], { timeout: 1_800_000, maxBuffer: 1 << 26 });
  const qWall = (performance.now() - t0) / 1000;
  const qlog = q.stdout.toString('latin1');
  const tl = l1Seconds(tlog);
  const ql = l1Seconds(qlog);
  console.log(`${'L2 Linux: QEMU in L1 to its exit'.padEnd(34)} ${tl.toFixed(1).padStart(9)} ${ql.toFixed(1).padStart(9)} s (L1) ${(ql / tl).toFixed(2)}×`);
  console.log(`${'L2 Linux: whole run'.padEnd(34)} ${tWall.toFixed(1).padStart(9)} ${qWall.toFixed(1).padStart(9)} s      ${(qWall / tWall).toFixed(2)}×`);
}
