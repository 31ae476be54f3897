// Deterministic time (KvmOptions.icountShift, QEMU's -icount shift=N): the
// timebase counts retired instructions (2^N ns each) and jumps to the next
// deadline when every vCPU idles. Two runs of a guest must then retire the
// same instructions on every vCPU and print the same output, timers and
// SMP interleaving included; idling costs no host time.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildGuest } from '../harness/guests.js';
import { BareMetalMachine } from '../../src/vmm/bare-metal.js';
import { Kvm, KvmError } from '../../src/kvm/kvm.js';

async function run(name: string, smp: number, icountShift: number, blockThreshold: number) {
  const out: Uint8Array[] = [];
  const m = new BareMetalMachine({ ramSize: 256 << 20, image: readFileSync(buildGuest(name, 'le').bin), console: (b) => out.push(b), smp, icountShift, blockThreshold });
  const t0 = performance.now();
  const end = await m.run();
  return { end, ms: performance.now() - t0, console: Buffer.concat(out).toString('latin1'), icounts: m.vcpus.map((v) => v.cpu.icount), tb: m.vm.timebase() };
}

describe('deterministic time (icount)', () => {
  for (const [name, smp] of [
    ['decrementer', 1],
    ['smp', 2],
  ] as const) {
    for (const threshold of [-1, 0]) {
      it(`${name}: two runs retire the same instructions and print the same (${threshold < 0 ? 'interpreter' : 'blocks'})`, async () => {
        const a = await run(name, smp, 1, threshold);
        const b = await run(name, smp, 1, threshold);
        expect(a.end).toEqual({ kind: 'poweroff' });
        expect(b.icounts).toEqual(a.icounts);
        expect(b.console).toBe(a.console);
        expect(b.tb).toBe(a.tb);
      });
    }
  }

  it('time follows instructions: 2^shift ns each, 512 MHz ticks', async () => {
    const a = await run('hello', 1, 0, -1);
    const b = await run('hello', 1, 3, -1);
    expect(b.icounts).toEqual(a.icounts);
    // No idling in hello: the timebase is exactly instructions x 2^shift x 0.512.
    expect(a.tb).toBe(Math.floor(a.icounts[0]! * 0.512));
    expect(b.tb).toBe(Math.floor(b.icounts[0]! * 8 * 0.512));
  });

  it('an idle vCPU warps time to its decrementer instead of sleeping', async () => {
    // stop.c stops twice until a decrementer of 100000 ticks fires; the smp
    // guest idles in H_CEDE. Host time would sleep; here time jumps.
    const s = await run('stop', 1, 0, -1);
    expect(s.console).toContain('stop with EE=1: vec=0x900 srr0=fault+4');
    expect(s.tb).toBeGreaterThan(2 * 100000);
    expect(s.tb).toBeGreaterThan(Math.floor(s.icounts[0]! * 0.512)); // more time than instructions: it warped
  });

  it('refuses a shift outside 0..10', () => {
    expect(() => new Kvm({ icountShift: 11 })).toThrow(KvmError);
    expect(() => new Kvm({ icountShift: -1 })).toThrow(KvmError);
  });
});
