// H_REGISTER_VPA in the HV core, with KVM's checks and return codes
// (book3s_hv.c do_h_register_vpa) and what KVM keeps in the areas: the
// VPA's shared-processor bit and yield count (init_vpa; even while the
// vCPU runs, odd while it is not — Linux's vcpu_is_preempted), and one
// dispatch trace log entry per dispatch (kvmppc_create_dtl_entry).

import { describe, expect, it } from 'vitest';
import { Kvm } from '../../src/kvm/kvm.js';
import type { HvVcpu } from '../../src/kvm/ppc/hv-vcpu.js';
import { IN_CORE_HCALLS } from '../../src/kvm/ppc/hcalls.js';
import { LPPACA_DTL_IDX, LPPACA_YIELD_COUNT } from '../../src/kvm/ppc/vpa.js';
import * as U from '../../src/kvm/uapi.js';

const VPA = 0x10000;
const DTL = 0x20000;
const SLB = 0x30000;
const fn = (f: number) => BigInt(f) << 45n;

function setup() {
  const vm = new Kvm().createVm(U.KVM_VM_PPC_HV);
  const ram = new Uint8Array(1 << 20);
  vm.setUserMemoryRegion({ slot: 0, flags: 0, guest_phys_addr: 0, memory_size: ram.length, userspace: ram });
  const cpu = vm.createVcpu(0);
  cpu.enableCap(U.KVM_CAP_PPC_PAPR);
  vm.createVcpu(1).enableCap(U.KVM_CAP_PPC_PAPR);
  const dv = new DataView(ram.buffer);
  dv.setUint16(VPA + 4, 640); // lppaca: length in the halfword at 4
  dv.setUint32(DTL + 4, 2 * 48 + 10); // DTL: a word; two whole entries
  dv.setUint32(SLB + 4, 0x100);
  return { vm, cpu, ram, dv };
}

function reg(cpu: HvVcpu, f: number, id: number, addr: number | bigint): number {
  cpu.cpu.setGpr(4, fn(f));
  cpu.cpu.setGpr(5, BigInt(id));
  cpu.cpu.setGpr(6, BigInt(addr));
  return IN_CORE_HCALLS[U.H_REGISTER_VPA]!(cpu);
}

describe('H_REGISTER_VPA', () => {
  it('checks the target, alignment, length and order with KVM return codes', () => {
    const { cpu, dv } = setup();
    expect(reg(cpu, 1, 5, VPA)).toBe(U.H_PARAMETER); // no vCPU 5
    expect(reg(cpu, 1, 0, VPA + 8)).toBe(U.H_PARAMETER); // not cache-line aligned
    expect(reg(cpu, 1, 0, 0)).toBe(U.H_PARAMETER);
    expect(reg(cpu, 1, 0, 1 << 21)).toBe(U.H_PARAMETER); // outside RAM
    expect(reg(cpu, 2, 0, DTL)).toBe(U.H_RESOURCE); // DTL before a VPA
    expect(reg(cpu, 3, 0, SLB)).toBe(U.H_RESOURCE); // SLB shadow before a VPA
    dv.setUint16(VPA + 4, 639);
    expect(reg(cpu, 1, 0, VPA)).toBe(U.H_PARAMETER); // shorter than an lppaca
    dv.setUint16(VPA + 0xff80 + 4, 640);
    expect(reg(cpu, 1, 0, VPA + 0xff80)).toBe(U.H_PARAMETER); // crosses its 64K host page
    dv.setUint16(VPA + 4, 640);
    expect(reg(cpu, 1, 0, VPA)).toBe(U.H_SUCCESS);
    expect(reg(cpu, 2, 0, DTL)).toBe(U.H_SUCCESS);
    expect(reg(cpu, 3, 0, SLB)).toBe(U.H_SUCCESS);
    expect(reg(cpu, 5, 0, 0)).toBe(U.H_RESOURCE); // VPA still has a DTL and an SLB shadow
    expect(reg(cpu, 6, 0, 0)).toBe(U.H_SUCCESS);
    expect(reg(cpu, 7, 0, 0)).toBe(U.H_SUCCESS);
    expect(reg(cpu, 5, 0, 0)).toBe(U.H_SUCCESS);
    expect(reg(cpu, 0, 0, 0)).toBe(U.H_PARAMETER);
    expect(reg(cpu, 4, 0, 0)).toBe(U.H_PARAMETER);
    // For another vCPU of the partition.
    expect(reg(cpu, 1, 1, VPA + 0x400)).toBe(U.H_PARAMETER); // its length word is 0
    dv.setUint16(VPA + 0x400 + 4, 0x400);
    expect(reg(cpu, 1, 1, VPA + 0x400)).toBe(U.H_SUCCESS);
  });

  it('keeps the yield count even while the vCPU runs and odd while it does not, and logs each dispatch', async () => {
    const { cpu, dv } = setup();
    expect(reg(cpu, 1, 0, VPA)).toBe(U.H_SUCCESS);
    expect(dv.getUint8(VPA + 9) & 2).toBe(2); // shared processor
    expect(dv.getUint32(VPA + LPPACA_YIELD_COUNT)).toBe(1); // init_vpa: not running
    expect(reg(cpu, 2, 0, DTL)).toBe(U.H_SUCCESS);
    // Guest: r5 = yield count (lwz r5,0x100(r30)), then an hcall the VMM serves.
    dv.setUint32(0x100, 0x80be0100); // lwz r5,0x100(r30)
    dv.setUint32(0x104, 0x44000022); // sc 1
    dv.setUint32(0x108, 0x48000000 | (-8 & 0x03fffffc)); // b 0x100
    const r = cpu.getRegs();
    r.pc = 0x100n;
    r.msr = (1n << 63n) | 0x1000n;
    r.gpr[3] = 0x54n;
    r.gpr[30] = BigInt(VPA);
    cpu.setRegs(r);
    for (let k = 1; k <= 3; k++) {
      await cpu.run();
      expect(cpu.kvmRun.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
      expect(Number(cpu.getRegs().gpr[5]) % 2).toBe(0); // read while running: even
      expect(dv.getUint32(VPA + LPPACA_YIELD_COUNT) % 2).toBe(1); // back in the VMM: odd
      expect(dv.getBigUint64(VPA + LPPACA_DTL_IDX)).toBe(BigInt(k));
      cpu.kvmRun.papr_hcall.set('ret', 0x54n);
    }
    // Two entries fit: the third dispatch overwrote the first. Each: reason 7, vCPU 0, SRR0/SRR1 at dispatch.
    const e = (i: number) => DTL + 48 * i;
    expect(dv.getUint8(e(0))).toBe(7);
    expect(dv.getUint16(e(0) + 2)).toBe(0);
    expect(dv.getBigUint64(e(1) + 32)).toBe(0x108n); // 2nd dispatch: after the first sc
    expect(dv.getBigUint64(e(0) + 32)).toBe(0x108n); // 3rd, in slot 0
    expect(dv.getBigUint64(e(0) + 40)).toBe((1n << 63n) | 0x1000n);
    expect(dv.getBigUint64(e(0) + 16)).toBeGreaterThanOrEqual(dv.getBigUint64(e(1) + 16)); // timebase moves on
  });
});
