// Run one busybox job under tskvm a few times and print the time of each run
// (a small driver for profiling: node --cpu-prof --import tsx bench/job.ts gzip 1).
//
//   node --import tsx bench/job.ts <sha256sum|md5sum|gzip> [MiB] [repeats] [blockThreshold]
//
// blockThreshold -1 runs the plain interpreter (the `interp` tier of bench:cpu).

import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Process } from '../src/linux-user/process.js';
import { NodeHost } from '../src/platform/node/node-host.js';

const GUEST = process.env.TSKVM_GUEST_CACHE ?? '/var/cache/tskvm-guest';
const BUSYBOX = join(GUEST, 'root/bin/busybox');
const job = process.argv[2] ?? 'gzip';
const mb = Number(process.argv[3] ?? '1');
const reps = Number(process.argv[4] ?? '2');
const blockThreshold = process.argv[5] === undefined ? undefined : Number(process.argv[5]);

function makeInput(src: string, bytes: number): Buffer {
  const s = readFileSync(src);
  const out = Buffer.alloc(bytes);
  for (let o = 0; o < bytes; o += s.length) s.copy(out, o, 0, Math.min(s.length, bytes - o));
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'tskvm-job-'));
const isGzip = job.startsWith('gzip');
const file = isGzip ? 'text.dat' : 'bin.dat';
writeFileSync(join(dir, file), makeInput(isGzip ? resolve('node_modules/typescript/lib/lib.dom.d.ts') : BUSYBOX, mb * 1024 * 1024));
const args = isGzip ? ['gzip', '-6', '-c', file] : [job, file];
const image = readFileSync(BUSYBOX);
for (let r = 0; r < reps; r++) {
  const host = new NodeHost({ cwd: dir, capture: true });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const p = new Process(image, { argv: ['busybox', ...args], envp: [], host, blockThreshold });
  const status = p.run();
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  host.closeAll();
  console.log(
    `${job} ${mb} MiB: ${s.toFixed(2)} s wall, ${cpu.toFixed(2)} s cpu, ${(p.cpu.icount / cpu / 1e6).toFixed(1)} MIPS (cpu), ${p.cpu.icount} insns, status ${status}, ${host.stdout.length} bytes out`,
  );
}
