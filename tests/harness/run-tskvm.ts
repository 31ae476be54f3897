// Run a guest ELF in this process under tskvm's Linux-user mode, capturing output.

import { readFileSync } from 'node:fs';
import { Process } from '../../src/linux-user/process.js';
import type { HostOs } from '../../src/linux-user/host.js';
import type { RunResult } from './toolchain.js';

export function runTskvm(elf: string, args: string[] = [], maxInsns = 2e9): RunResult & { icount: number } {
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
    fatalSignal(sig) {
      err.push(new TextEncoder().encode(`tskvm: uncaught target signal ${sig}\n`));
    },
  };
  const p = new Process(readFileSync(elf), { argv: [elf, ...args], envp: [], host, random: new Uint8Array(16) });
  let status: number | undefined;
  while (status === undefined && p.cpu.icount < maxInsns) {
    const trap = p.exec.run(1_000_000);
    if (trap) status = p.handleTrap(trap);
  }
  return { stdout: Buffer.concat(out), stderr: Buffer.concat(err), status: status ?? -1, icount: p.cpu.icount };
}
