// bench:boot — the main job's cost: Debian's kernel booted to a busybox
// /init that powers off at once, under tskvm (the pseries machine, both
// execution tiers) and under qemu-system-ppc64 -M pseries (TCG), same
// kernel, initramfs, RAM and command line, in one
// run. QEMU runs as the issue sets it: `-M pseries,x-vof=on -cpu POWER9 -m 1G
// -smp 1 -nographic` (VOF: QEMU's minimal firmware, no SLOF). Prints host
// seconds to power-off, the guest's instructions and MIPS for tskvm, and the
// tskvm/QEMU ratio.
//
//   npm run bench:boot [-- --runs 3] [-- --smp 2] [-- --mem 1024] [-- --mmu hash]

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BareMetalMachine } from '../src/vmm/bare-metal.js';
import { PARTITION_BLOCK_THRESHOLD, PARTITION_WASM_THRESHOLD } from '../src/kvm/ppc/hv-vcpu.js';
import type { JitKind } from '../src/cpu/ppc64/exec.js';
import { busyboxInitramfs } from '../scripts/busybox-initramfs.js';
import { busyboxPath, kernelPath } from '../tests/harness/guest-files.js';
import { QEMU_PSERIES } from '../tests/harness/guests.js';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : def;
}
const runs = Math.max(1, Number(arg('runs', '1')));
/** The MMU the kernel negotiates: radix, as QEMU's boot (or `--mmu hash`: the kernel is given disable_radix, both sides). */
const mmu = arg('mmu', 'radix') === 'hash' ? 'hash' : 'radix';
const smp = Number(arg('smp', '1'));
const APPEND = `console=hvc0 quiet${mmu === 'hash' ? ' disable_radix' : ''}`;
const RAM = Number(arg('mem', '1024')) << 20;
const INIT = '#!/bin/busybox sh\n/bin/busybox echo "init: up"\n/bin/busybox poweroff -f\n';

const kernel = new Uint8Array(readFileSync(kernelPath()));
const initrd = busyboxInitramfs(new Uint8Array(readFileSync(busyboxPath())), INIT);
const dir = mkdtempSync(join(tmpdir(), 'tskvm-bench-boot-'));
writeFileSync(join(dir, 'initramfs.cpio'), initrd);

async function tskvm(blockThreshold: number | undefined, jit: JitKind | undefined): Promise<{ s: number; insns: number }> {
  let text = '';
  const m = new BareMetalMachine({ ramSize: RAM, kernel, initrd, append: APPEND, smp, blockThreshold, jit, console: (b) => (text += Buffer.from(b).toString('latin1')) });
  const t0 = performance.now();
  const end = await m.run();
  const s = (performance.now() - t0) / 1000;
  if (end.kind !== 'poweroff' || !text.includes('init: up')) throw new Error(`tskvm boot failed: ${JSON.stringify(end)}\n${text.slice(-2000)}`);
  return { s, insns: m.vcpus.reduce((n, v) => n + v.cpu.icount, 0) };
}

function qemu(): number {
  const t0 = performance.now();
  const args = [...QEMU_PSERIES];
  args[1] = args[1]!.replace('pseries', 'pseries,x-vof=on');
  const r = spawnSync('qemu-system-ppc64', [...args, '-m', `${RAM >> 20}M`, '-smp', String(smp), '-kernel', kernelPath(), '-initrd', join(dir, 'initramfs.cpio'), '-append', APPEND], { timeout: 600_000, maxBuffer: 1 << 26 });
  const s = (performance.now() - t0) / 1000;
  if (!r.stdout.toString('latin1').includes('init: up')) throw new Error(`QEMU boot failed: ${r.stdout.toString('latin1').slice(-2000)}`);
  return s;
}

const best = <T>(xs: T[], key: (x: T) => number): T => xs.reduce((a, b) => (key(b) < key(a) ? b : a));
const q = best(Array.from({ length: runs }, qemu), (x) => x);
console.log(`Debian ${kernelPath().split('/').pop()} + busybox /init, -smp ${smp}, ${RAM >> 20} MiB, ${mmu}, best of ${runs}:`);
console.log(`  ${'qemu-system-ppc64 (TCG, VOF)'.padEnd(40)} ${q.toFixed(2)} s`);
for (const [tier, threshold, jit] of [
  [`tskvm (wasm blocks at ${PARTITION_WASM_THRESHOLD}: default)`, undefined, undefined],
  [`tskvm (JS blocks at ${PARTITION_BLOCK_THRESHOLD})`, undefined, 'js'],
  ['tskvm (JS blocks at 16: exec default)', 16, 'js'],
  ['tskvm (plain interpreter)', -1, 'js'],
] as const) {
  const rs = [];
  for (let i = 0; i < runs; i++) rs.push(await tskvm(threshold, jit));
  const r = best(rs, (x) => x.s);
  console.log(`  ${tier.padEnd(40)} ${r.s.toFixed(2)} s  ${(r.insns / 1e9).toFixed(2)} G instructions  ${(r.insns / r.s / 1e6).toFixed(0)} MIPS  ${(r.s / q).toFixed(1)}x QEMU`);
}
