// bench:exits — the hypervisor's costs, in one run:
//  - hcall round trips per second, handled in the core (H_PROD) and handed
//    to the VMM (H_GET_TERM_CHAR, a KVM_EXIT_PAPR_HCALL each);
//  - the MIPS of a CPU-bound loop (tests/guests/workload.h) in a partition
//    in real mode, with hash translation and with radix translation, against
//    the same loop under `tskvm exec` (bench/exits-user.c);
//  - the whole guest under qemu-system-ppc64 (TCG) as the reference.
// Both execution tiers. The guest marks its phases with hcall 0xf1nn, which
// the VMM timestamps (instructions retired and host time).
//
//   npm run bench:exits [-- --rounds 100] [-- --hcalls 200000] [-- --runs 3]

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildGuest, runGuestQemu } from '../tests/harness/guests.js';
import type { JitKind } from '../src/cpu/ppc64/exec.js';
import { BareMetalMachine } from '../src/vmm/bare-metal.js';
import { buildC } from '../tests/harness/toolchain.js';
import { Process } from '../src/linux-user/process.js';
import { NodeHost } from '../src/platform/node/node-host.js';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : def;
}
const rounds = Number(arg('rounds', '100'));
const hcalls = Number(arg('hcalls', '200000'));
const runs = Math.max(1, Number(arg('runs', '1')));

/** The guest image with bench_rounds and bench_hcalls patched (LE doublewords at their link addresses = image offsets). */
function patchedImage(elf: string, bin: string): Uint8Array {
  const syms = execFileSync('powerpc64le-linux-gnu-nm', [elf]).toString();
  const addr = (name: string): number => {
    const m = new RegExp(`^([0-9a-f]+) [dD] ${name}$`, 'm').exec(syms);
    if (!m) throw new Error(`symbol ${name} not found in ${elf}`);
    return parseInt(m[1]!, 16);
  };
  const img = new Uint8Array(readFileSync(bin));
  const dv = new DataView(img.buffer);
  dv.setBigUint64(addr('bench_rounds'), BigInt(rounds), true);
  dv.setBigUint64(addr('bench_hcalls'), BigInt(hcalls), true);
  return img;
}

interface Mark {
  t: number;
  icount: number;
}

/** Run the guest once under tskvm's hypervisor; the VMM timestamps each phase mark. */
async function guestRun(image: Uint8Array, threshold: number, jit: JitKind): Promise<{ marks: Map<number, Mark>; console: string; seconds: number }> {
  const marks = new Map<number, Mark>();
  const out: Uint8Array[] = [];
  const t0 = performance.now();
  const m: BareMetalMachine = new BareMetalMachine({
    ramSize: 256 << 20,
    image,
    console: (b) => out.push(b),
    blockThreshold: threshold,
    jit,
    mmu: 'hash',
    onHcall: (nr) => {
      if (nr >= 0xf100 && nr < 0xf200) marks.set(nr - 0xf100, { t: performance.now(), icount: m.vcpu.cpu.icount });
      return undefined;
    },
  });
  const end = await m.run();
  const seconds = (performance.now() - t0) / 1000;
  const text = Buffer.concat(out).toString('latin1');
  if (end.kind !== 'poweroff') throw new Error(`guest ended with ${JSON.stringify(end)}: ${text}`);
  return { marks, console: text, seconds };
}

/** Per-phase numbers from the marks: rate of phase a..b. */
function span(marks: Map<number, Mark>, a: number, b: number): { s: number; insns: number } {
  const x = marks.get(a)!;
  const y = marks.get(b)!;
  return { s: (y.t - x.t) / 1000, insns: y.icount - x.icount };
}

function userRun(elf: string, threshold: number, jit: JitKind): { mips: number; out: string } {
  const host = new NodeHost({ cwd: mkdtempSync(join(tmpdir(), 'tskvm-exits-')), capture: true });
  const t0 = performance.now();
  const p = new Process(readFileSync(elf), { argv: ['exits-user', String(rounds)], envp: [], host, blockThreshold: threshold, jit });
  p.run();
  const s = (performance.now() - t0) / 1000;
  host.closeAll();
  return { mips: p.cpu.icount / s / 1e6, out: host.stdout.toString().trim() };
}

const { elf, bin } = buildGuest('exits', 'le');
const image = patchedImage(elf, bin);
const userElf = buildC(resolve('bench/exits-user.c'), 'le', ['-O2', '-mno-altivec', '-mno-vsx']);

console.log(`bench:exits — ${hcalls} hcalls per kind, work x${rounds} (${rounds * 32768} iterations per phase), node ${process.version}, best of ${runs}`);
// QEMU on the same patched image.
const qbin = join(mkdtempSync(join(tmpdir(), 'tskvm-exits-q-')), 'exits.bin');
writeFileSync(qbin, image);
const qr = runGuestQemu(qbin, { timeoutMs: 600_000 });
if (!qr.console.includes('work x')) throw new Error(`QEMU run failed: ${qr.console}${qr.stderr}`);
const qemuSeconds = qr.ms / 1000;

console.log('tier     in-core hcall/s  VMM hcall/s   real MIPS  hash MIPS  radix MIPS  exec MIPS  hash/exec  radix/exec  guest s  qemu s  ratio');
for (const [tier, threshold, jit] of [
  ['interp', -1, 'js'],
  ['blocks', 16, 'js'],
  ['wasm', 16, 'wasm'],
] as Array<[string, number, JitKind]>) {
  let best: { marks: Map<number, Mark>; console: string; seconds: number } | undefined;
  let bestUser: { mips: number; out: string } | undefined;
  for (let k = 0; k < runs; k++) {
    const g = await guestRun(image, threshold, jit);
    if (!best || g.seconds < best.seconds) best = g;
    const u = userRun(userElf, threshold, jit);
    if (!bestUser || u.mips > bestUser.mips) bestUser = u;
  }
  const m = best!.marks;
  const inCore = span(m, 1, 2);
  const toVmm = span(m, 2, 3);
  const real = span(m, 4, 5);
  const hash = span(m, 6, 7);
  const radix = span(m, 8, 9);
  const mips = (x: { s: number; insns: number }) => x.insns / x.s / 1e6;
  const line = best!.console.split('\n').find((l) => l.startsWith('work'))!;
  const sums = new Set(line.match(/[0-9a-f]{16}/g));
  if (sums.size !== 1 || !sums.has(bestUser!.out)) throw new Error(`checksums differ: guest "${line}", exec ${bestUser!.out}`);
  console.log(
    [
      tier.padEnd(8),
      (hcalls / inCore.s).toFixed(0).padStart(15),
      (hcalls / toVmm.s).toFixed(0).padStart(12),
      mips(real).toFixed(1).padStart(10),
      mips(hash).toFixed(1).padStart(10),
      mips(radix).toFixed(1).padStart(11),
      bestUser!.mips.toFixed(1).padStart(10),
      (mips(hash) / bestUser!.mips).toFixed(2).padStart(10),
      (mips(radix) / bestUser!.mips).toFixed(2).padStart(11),
      best!.seconds.toFixed(2).padStart(8),
      qemuSeconds.toFixed(2).padStart(7),
      (best!.seconds / qemuSeconds).toFixed(1).padStart(6),
    ].join(' '),
  );
}
console.log('checksums: real mode, hash, radix and tskvm exec agree');

