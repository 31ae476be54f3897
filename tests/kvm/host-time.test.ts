// Host time (no icount): a vCPU's slice ends at its next decrementer
// deadline, converted from timebase ticks to instructions with the vCPU's
// measured rate (hv-vcpu.ts), so the interrupt comes on time instead of at
// the end of a 200,000-instruction slice. The host clock here is synthetic
// — it advances 2 ticks per retired instruction, a steady 256 MIPS host —
// so the instruction the interrupt lands on is exact and the test is not timed.

import { describe, expect, it } from 'vitest';
import { Kvm } from '../../src/kvm/kvm.js';
import type { HvVcpu } from '../../src/kvm/ppc/hv-vcpu.js';
import * as U from '../../src/kvm/uapi.js';

const TICKS_PER_INSN = 2;

describe('host time: the decrementer arrives at its deadline', () => {
  for (const threshold of [-1, 0]) {
    it(`DEC of 2^20 ticks: taken within 2 instructions of the deadline (${threshold < 0 ? 'interpreter' : 'blocks'})`, async () => {
      let cpu: HvVcpu | undefined;
      const kvm = new Kvm({ hostTimebase: () => (cpu ? cpu.cpu.icount * TICKS_PER_INSN : 0) });
      const vm = kvm.createVm(U.KVM_VM_PPC_HV);
      const ram = new Uint8Array(1 << 20);
      vm.setUserMemoryRegion({ slot: 0, flags: 0, guest_phys_addr: 0, memory_size: ram.length, userspace: ram });
      cpu = vm.createVcpu(0, { blockThreshold: threshold });
      cpu.enableCap(U.KVM_CAP_PPC_PAPR);
      const dv = new DataView(ram.buffer);
      const put = (addr: number, words: number[]) => words.forEach((w, i) => dv.setUint32(addr + 4 * i, w >>> 0));
      put(0x100, [
        0x3c600010, // lis r3,0x10: DEC = 2^20 ticks
        0x7c7603a6, // mtdec r3
        0x7c8000a6, // mfmsr r4
        0x60848000, // ori r4,r4,0x8000 (EE)
        0x7c810164, // mtmsrd r4,1
        0x38a50001, // loop: addi r5,r5,1
        0x4bfffffc, //   b loop
      ]);
      put(0x900, [0x3860f100 /* li r3,0xf100: an hcall the VMM gets */, 0x44000022 /* sc 1 */]);
      const r = cpu.getRegs();
      r.pc = 0x100n;
      r.msr = (1n << 63n) | 0x1000n;
      cpu.setRegs(r);
      const start = cpu.cpu.icount; // 0
      await cpu.run();
      expect(cpu.kvmRun.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
      // mtdec retires as instruction 2 at TB 2*2; DEC goes negative past 2^20 ticks.
      const decSetAt = 2 * TICKS_PER_INSN;
      const due = Math.ceil((decSetAt + (1 << 20) + 1) / TICKS_PER_INSN);
      const takenAt = start + cpu.cpu.icount - 2; // the interrupt came before li/sc at 0x900 (±1: whether sc counts)
      expect(Math.abs(takenAt - due)).toBeLessThanOrEqual(2);
      // The interrupt came from the loop.
      expect(cpu.getRegs().srr0 === 0x114n || cpu.getRegs().srr0 === 0x118n).toBe(true);
    });
  }
});
