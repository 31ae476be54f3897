// Self-differential check of compiled blocks: every ELF given (or every file
// in build/snippets) runs single-stepped (blocks off) and with every code slot
// compiled on first use (block threshold 0, decoding ahead); stdout, exit
// status and instruction count must agree.
//
//   node --import tsx bench/selfdiff.ts [elf...]

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Process } from '../src/linux-user/process.js';
import type { HostOs } from '../src/linux-user/host.js';
import { Executor } from '../src/cpu/ppc64/exec.js';

function run(elf: string, threshold: number): { out: string; status: number; icount: number } {
  const out: Uint8Array[] = [];
  const host: HostOs = {
    write(fd, data) {
      if (fd === 1 || fd === 2) out.push(data.slice());
      else return -9;
      return data.length;
    },
    read() {
      return new Uint8Array(0);
    },
  };
  const p = new Process(readFileSync(elf), { argv: [elf], envp: [], host, random: new Uint8Array(16) });
  const ex = new Executor(p.cpu, { blockThreshold: threshold });
  p.mem.onUnmap = (page) => ex.invalidate(page * 65536, 65536);
  let status: number | undefined;
  while (status === undefined && p.cpu.icount < 5e7) {
    const trap = ex.run(threshold === 0 ? 997 : 1_000_000);
    if (trap) status = p.handleTrap(trap);
  }
  return { out: Buffer.concat(out).toString('hex'), status: status ?? -1, icount: p.cpu.icount };
}

const dir = 'build/snippets';
const elfs = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(dir).filter((f) => f.endsWith('.elf')).map((f) => join(dir, f));
let bad = 0;
for (const elf of elfs) {
  const a = run(elf, -1);
  const b = run(elf, 0);
  if (a.out !== b.out || a.status !== b.status || a.icount !== b.icount) {
    bad++;
    console.log(`DIFF ${elf}: status ${a.status}/${b.status} icount ${a.icount}/${b.icount} out ${a.out === b.out ? 'same' : 'differs'}`);
  }
}
console.log(`${elfs.length - bad} passed, ${bad} failed`);
process.exitCode = bad ? 1 : 0;
