// seed 001: guest `stop` with and without KVM_CAP_PPC_GUEST_STOP. The
// capability is the VMM's explicit choice (never derived from the host):
// with it the hypervisor clears PSSCR[EC|ESL] and the partition stops the
// thread itself; without it stop traps (HFAC) and the core emulates the
// wake-up. The guest must not be able to tell the two apart (it may
// migrate between such hosts), and must never be killed.
//
// The oracle is the ISA's light stop (Book III 4.3.2, PSSCR[EC]=0 and
// ESL=0): the thread resumes at the instruction after stop once an
// exception exists, and takes it if enabled (SRR0 after the stop). QEMU
// TCG is not one here: it treats stop in a partition as hypervisor-
// privileged (a privileged-instruction program interrupt), checked below so
// the difference written in docs/hypervisor.md stays true.

import { describe, expect, it } from 'vitest';
import { buildGuest, runGuestQemu } from '../harness/guests.js';
import { runGuestTskvm } from '../harness/run-guest.js';
import * as U from '../../src/kvm/uapi.js';
import { Kvm, KvmError } from '../../src/kvm/kvm.js';

describe('guest stop (seed 001)', () => {
  for (const endian of ['le', 'be'] as const) {
    it(`behaves the same with and without KVM_CAP_PPC_GUEST_STOP (${endian})`, async () => {
      const { bin } = buildGuest('stop', endian);
      const withCap = await runGuestTskvm(bin, { guestStop: true });
      const without = await runGuestTskvm(bin, { guestStop: false });
      expect(withCap.end).toEqual({ kind: 'poweroff' });
      expect(without.end).toEqual({ kind: 'poweroff' });
      expect(without.console).toBe(withCap.console);
      // The ISA's light stop: no interrupt with EE=0 (and the DEC exception exists
      // afterwards); with EE=1 the decrementer interrupt, SRR0 after the stop.
      expect(withCap.console).toContain('stop with EE=0: no interrupt\n  DEC after stop is negative: yes\n');
      expect(withCap.console).toMatch(/stop with EE=1: vec=0x900 srr0=fault\+4 srr1=[0-9a-f]{16} cause=00000000\n {2}decrementer interrupts: 1\n/);
      expect(withCap.console).toContain('PSSCR as the partition sees it: 0\n');
      // Only the run without the capability trapped to the hypervisor.
      expect(withCap.machine.vcpu.stats.stopsEmulated).toBe(0);
      expect(without.machine.vcpu.stats.stopsEmulated).toBe(2);
    });
  }

  it('QEMU TCG instead refuses stop in a partition (privileged-instruction program interrupt)', () => {
    const q = runGuestQemu(buildGuest('stop', 'le').bin);
    expect(q.console).toMatch(/stop with EE=0: vec=0x700 srr0=fault\+0 srr1=[0-9a-f]{16} cause=00040000/);
  });

  it('is chosen by the VMM before vCPUs exist, and reported by KVM_CHECK_EXTENSION', () => {
    const vm = new Kvm().createVm(U.KVM_VM_PPC_HV);
    expect(vm.checkExtension(U.KVM_CAP_PPC_GUEST_STOP)).toBe(1);
    expect(vm.guestStop).toBe(false);
    vm.enableCap(U.KVM_CAP_PPC_GUEST_STOP, [1n]);
    expect(vm.guestStop).toBe(true);
    vm.createVcpu(0);
    expect(() => vm.enableCap(U.KVM_CAP_PPC_GUEST_STOP, [0n])).toThrow(KvmError);
  });
});
