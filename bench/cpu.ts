// CPU benchmark: the same busybox-static binary doing CPU-bound work on the
// same input under tskvm (interpreter) and under qemu-ppc64le, in one run.
// Prints guest instructions, guest MIPS, and the tskvm/QEMU time ratio.
//
//   npm run bench:cpu [-- --mb 2] [-- --runs 3]
//
// --runs N times each side N times and reports the fastest run of each (the
// machine is shared: see docs/performance.md).
//
// Inputs are real data that every checkout has: the busybox binary itself
// (sha256sum, md5sum) and TypeScript's lib.dom.d.ts text (gzip -6).
// tskvm runs in-process (timed from process creation to exit; Node's own
// start-up is excluded); QEMU is timed as a whole command (its start-up of a
// few ms is included, which favours tskvm's ratio slightly).

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Process } from '../src/linux-user/process.js';
import { NodeHost } from '../src/platform/node/node-host.js';

const GUEST = process.env.TSKVM_GUEST_CACHE ?? '/var/cache/tskvm-guest';
const BUSYBOX = join(GUEST, 'root/bin/busybox');

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : def;
}

function makeInput(src: string, bytes: number): Buffer {
  const s = readFileSync(src);
  const out = Buffer.alloc(bytes);
  for (let o = 0; o < bytes; o += s.length) s.copy(out, o, 0, Math.min(s.length, bytes - o));
  return out;
}

interface Result {
  seconds: number;
  stdout: Buffer;
  status: number;
  icount?: number;
}

function runTskvm(image: Uint8Array, args: string[], cwd: string, blockThreshold: number | undefined): Result {
  const host = new NodeHost({ cwd, capture: true });
  const t0 = performance.now();
  const p = new Process(image, { argv: ['busybox', ...args], envp: [], host, blockThreshold });
  const status = p.run();
  const seconds = (performance.now() - t0) / 1000;
  host.closeAll();
  return { seconds, stdout: host.stdout, status, icount: p.cpu.icount };
}

function runQemu(args: string[], cwd: string): Result {
  const t0 = performance.now();
  const r = spawnSync('qemu-ppc64le', ['-cpu', 'power9', '-0', 'busybox', BUSYBOX, ...args], { cwd, env: {}, maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.error) throw r.error;
  return { seconds, stdout: r.stdout, status: r.status ?? -1 };
}

const mb = Number(arg('mb', '2'));
const runs = Math.max(1, Number(arg('runs', '1')));

function fastest(run: () => Result): Result {
  let best: Result | undefined;
  for (let i = 0; i < runs; i++) {
    const r = run();
    if (best === undefined || r.seconds < best.seconds) best = r;
  }
  return best!;
}
const dir = mkdtempSync(join(tmpdir(), 'tskvm-bench-'));
writeFileSync(join(dir, 'bin.dat'), makeInput(BUSYBOX, mb * 1024 * 1024));
writeFileSync(join(dir, 'text.dat'), makeInput(resolve('node_modules/typescript/lib/lib.dom.d.ts'), mb * 1024 * 1024));
const image = readFileSync(BUSYBOX);

const jobs: Array<[string, string[]]> = [
  ['sha256sum', ['sha256sum', 'bin.dat']],
  ['md5sum', ['md5sum', 'bin.dat']],
  ['gzip -6', ['gzip', '-6', '-c', 'text.dat']],
];

console.log(
  `tskvm vs qemu-ppc64le (${spawnSync('qemu-ppc64le', ['--version']).stdout.toString().split('\n')[0]}), busybox-static ppc64el, ${mb} MiB inputs, node ${process.version}${runs > 1 ? `, best of ${runs} runs` : ''}`,
);
// Two tiers of the same CPU: the plain interpreter (one handler call per
// instruction) and the default, which compiles hot straight-line code into
// JavaScript blocks (docs/performance.md). QEMU runs once per job.
const TIERS: Array<[string, number | undefined]> = [
  ['interp', -1],
  ['blocks', undefined],
];
console.log(`${'job'.padEnd(10)} ${'tier'.padEnd(7)} ${'guest insns'.padStart(13)} ${'tskvm s'.padStart(8)} ${'MIPS'.padStart(7)} ${'qemu s'.padStart(8)} ${'ratio'.padStart(7)}  output`);
const sumT = new Map<string, number>();
let bad = 0;
let sumQ = 0;
for (const [name, args] of jobs) {
  const q = fastest(() => runQemu(args, dir));
  sumQ += q.seconds;
  for (const [tier, threshold] of TIERS) {
    runTskvm(image, args, dir, threshold); // warm-up: let V8 optimize the interpreter
    const t = fastest(() => runTskvm(image, args, dir, threshold));
    const same = t.stdout.equals(q.stdout) && t.status === q.status;
    sumT.set(tier, (sumT.get(tier) ?? 0) + t.seconds);
    if (!same) bad++;
    const mips = t.icount! / t.seconds / 1e6;
    console.log(
      `${name.padEnd(10)} ${tier.padEnd(7)} ${t.icount!.toLocaleString('en-US').padStart(13)} ${t.seconds.toFixed(2).padStart(8)} ${mips.toFixed(1).padStart(7)} ${q.seconds.toFixed(2).padStart(8)} ${(t.seconds / q.seconds).toFixed(1).padStart(7)}  ${same ? 'identical' : 'DIFFERENT'}`,
    );
  }
}
for (const [tier] of TIERS) console.log(`overall time ratio tskvm/QEMU (${tier}): ${(sumT.get(tier)! / sumQ).toFixed(1)}`);
if (bad) {
  console.log(`${bad} run(s) gave output different from QEMU's: the timing above is not comparable`);
  process.exitCode = 1;
}
