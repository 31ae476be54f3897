// Run a bare-metal guest image under tskvm's hypervisor with the minimal
// VMM (src/vmm/bare-metal.ts): the tskvm side of tests/guests/.

import type { JitKind } from '../../src/cpu/ppc64/exec.js';
import { readFileSync } from 'node:fs';
import { BareMetalMachine, type MachineEnd } from '../../src/vmm/bare-metal.js';

export interface TskvmGuestRun {
  console: string;
  end: MachineEnd;
  machine: BareMetalMachine;
}

export async function runGuestTskvm(bin: string, opts: { blockThreshold?: number; jit?: JitKind; memMiB?: number; mmu?: 'radix' | 'hash'; image?: Uint8Array; onHcall?: (nr: number) => number | undefined; smp?: number; guestStop?: boolean; nestedHv?: boolean } = {}): Promise<TskvmGuestRun> {
  const out: Uint8Array[] = [];
  const machine = new BareMetalMachine({ ramSize: (opts.memMiB ?? 256) << 20, image: opts.image ?? readFileSync(bin), console: (b) => out.push(b), blockThreshold: opts.blockThreshold, jit: opts.jit, mmu: opts.mmu, onHcall: opts.onHcall, smp: opts.smp, guestStop: opts.guestStop, nestedHv: opts.nestedHv });
  const end = await machine.run();
  return { console: Buffer.concat(out).toString('latin1'), end, machine };
}
