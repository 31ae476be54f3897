// The HPT side of the Book3S HV core, where QEMU TCG is no oracle (it does
// not implement H_CLEAR_REF/H_CLEAR_MOD, stores QEMU-private bits, answers
// a bad H_BULK_REMOVE type differently): KVM_PPC_ALLOCATE_HTAB and
// KVM_PPC_CONFIGURE_V3_MMU, the VRMA KVM maps at the first run, and the
// hcalls' KVM semantics (arch/powerpc/kvm/book3s_hv_rm_mmu.c,
// book3s_64_mmu_hv.c kvmppc_map_vrma). The guest-visible translation is
// checked against QEMU by tests/guests/hash-mmu.c.

import { describe, expect, it } from 'vitest';
import { Kvm, KvmError } from '../../src/kvm/kvm.js';
import type { HvVcpu } from '../../src/kvm/ppc/hv-vcpu.js';
import type { HvVm } from '../../src/kvm/ppc/hv-vm.js';
import { IN_CORE_HCALLS } from '../../src/kvm/ppc/hcalls.js';
import * as U from '../../src/kvm/uapi.js';
import { LPCR_GTSE, LPCR_HR, LPCR_UPRT, LPCR_VPM1, LPCR_VRMASD } from '../../src/kvm/ppc/lpcr.js';

const RAM = 1 << 22; // 4 MiB: 64 VRMA pages

function hashMachine(order = 18): { vm: HvVm; cpu: HvVcpu; ram: Uint8Array; dv: DataView } {
  const vm = new Kvm().createVm(U.KVM_VM_PPC_HV);
  const ram = new Uint8Array(RAM);
  vm.setUserMemoryRegion({ slot: 0, flags: 0, guest_phys_addr: 0, memory_size: RAM, userspace: ram });
  const cpu = vm.createVcpu(0);
  cpu.enableCap(U.KVM_CAP_PPC_PAPR);
  vm.allocateHtab(order);
  vm.setupMmu();
  return { vm, cpu, ram, dv: new DataView(ram.buffer) };
}

/** Call an in-core hcall with r4.. = args; returns [r3, r4..r11]. */
function hc(cpu: HvVcpu, nr: number, ...args: bigint[]): bigint[] {
  for (let i = 0; i < 9; i++) cpu.cpu.setGpr(4 + i, BigInt.asUintN(64, args[i] ?? 0n));
  const ret = IN_CORE_HCALLS[nr]!(cpu);
  return [BigInt(ret), ...Array.from({ length: 8 }, (_, i) => cpu.cpu.getGpr(4 + i))];
}

const kvmErrno = (f: () => unknown): number | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof KvmError) return e.errno;
    throw e;
  }
  return undefined;
};

// A 4K page at EA 0x10000000 (VSID 0x123): first doubleword, and the group it hashes to in an order-18 table.
const V = (0x123n << 12n) | 1n;
const GROUP = (0x123 ^ 0) & 2047;

describe('HPT partitions: KVM_PPC_ALLOCATE_HTAB and KVM_PPC_CONFIGURE_V3_MMU', () => {
  it('allocates a table of 2^order bytes (18..46), switching a radix partition to HPT mode', () => {
    const vm = new Kvm().createVm(U.KVM_VM_PPC_HV);
    expect(vm.radix).toBe(true);
    expect(kvmErrno(() => vm.allocateHtab(17))).toBe(22);
    expect(kvmErrno(() => vm.allocateHtab(47))).toBe(22);
    expect(kvmErrno(() => vm.allocateHtab(40))).toBe(12); // more than this host allocates: ENOMEM
    expect(vm.allocateHtab(18)).toBe(18);
    expect(vm.radix).toBe(false);
    expect(vm.hpt!.bytes.length).toBe(1 << 18);
    // kvmppc_switch_mmu_to_hpt: VPM1 on, UPRT/GTSE/HR off.
    expect(vm.lpcr & (LPCR_VPM1 | LPCR_UPRT | LPCR_GTSE | LPCR_HR)).toBe(LPCR_VPM1);
    // The same order again: the table is kept and cleared.
    const t = vm.hpt!;
    t.bytes[100] = 7;
    vm.allocateHtab(18);
    expect(vm.hpt).toBe(t);
    expect(t.bytes[100]).toBe(0);
    expect(vm.checkExtension(U.KVM_CAP_PPC_ALLOC_HTAB)).toBe(1);
  });

  it('KVM_PPC_CONFIGURE_V3_MMU: the process table GR bit must match the mode, PRTS at most 24', () => {
    const vm = new Kvm().createVm(U.KVM_VM_PPC_HV);
    expect(kvmErrno(() => vm.configureV3Mmu(4n, 0n))).toBe(22);
    expect(kvmErrno(() => vm.configureV3Mmu(U.KVM_PPC_MMUV3_RADIX, 0n))).toBe(22); // GR clear
    expect(kvmErrno(() => vm.configureV3Mmu(U.KVM_PPC_MMUV3_RADIX, (1n << 63n) | 25n))).toBe(22);
    vm.configureV3Mmu(0n, 0n);
    expect(vm.radix).toBe(false);
    vm.configureV3Mmu(U.KVM_PPC_MMUV3_RADIX | U.KVM_PPC_MMUV3_GTSE, (1n << 63n) | 0x10000n | 4n);
    expect(vm.radix).toBe(true);
    expect(vm.processTable).toBe((1n << 63n) | 0x10000n | 4n);
    expect(vm.lpcr & (LPCR_HR | LPCR_UPRT | LPCR_GTSE | LPCR_VPM1)).toBe(LPCR_HR | LPCR_UPRT | LPCR_GTSE);
  });

  it('maps the VRMA at the first run as kvmppc_map_vrma does: bolted 64K entries in slot 7, LPCR[VRMASD] = 64K', () => {
    const { vm } = hashMachine(18);
    const hpt = vm.hpt!;
    expect(vm.lpcr & LPCR_VRMASD).toBe(0x11000n);
    const VRMA_VSID = 0x1ffffffn;
    for (const i of [0, 1, 63]) {
      const group = (i ^ Number((VRMA_VSID ^ (VRMA_VSID << 25n)) & 0x7ffn)) & 2047;
      const [v, r] = hpt.get(group * 8 + 7);
      const addr = BigInt(i) << 16n;
      expect(v).toBe((1n << 62n) | (VRMA_VSID << 24n) | ((addr >> 16n) & ~0x7fn) | 0x10n | 0x4n | 0x1n);
      expect(r).toBe(addr | 0x1000n | 0x100n | 0x80n | 0x10n);
    }
    // 4 MiB of RAM: 64 entries, no more.
    let n = 0;
    for (let x = 0; x < hpt.entries; x++) if (hpt.vLo(x) & 1) n++;
    expect(n).toBe(RAM >> 16);
  });

  it('real mode past the RMA is a DSI for the partition (no VRMA entry), as KVM reflects it', async () => {
    const { cpu, dv } = hashMachine(18);
    dv.setUint32(0x100, 0xe87e0000); // ld r3,0(r30)
    dv.setUint32(0x104, 0x48000000); // b .
    dv.setUint32(0x300, 0x44000022); // the DSI handler: sc 1 (an hcall the VMM sees)
    const r = cpu.getRegs();
    r.pc = 0x100n;
    r.msr = (1n << 63n) | 0x1000n;
    r.gpr[30] = BigInt(RAM) + 0x18n;
    r.gpr[3] = 0x54n;
    cpu.setRegs(r);
    await cpu.run();
    expect(cpu.kvmRun.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
    expect(cpu.spr(26)).toBe(0x100n); // SRR0: the load
    expect(cpu.spr(19)).toBe(BigInt(RAM) + 0x18n); // DAR
    expect(cpu.spr(18)).toBe(0x40000000n); // DSISR: no translation
  });
});

describe('HPT hcalls: KVM semantics', () => {
  it('radix partitions get H_FUNCTION for the table hcalls', () => {
    const vm = new Kvm().createVm(U.KVM_VM_PPC_HV);
    const cpu = vm.createVcpu(0);
    for (const nr of [U.H_ENTER, U.H_REMOVE, U.H_READ, U.H_PROTECT, U.H_BULK_REMOVE, U.H_CLEAR_REF, U.H_CLEAR_MOD]) expect(hc(cpu, nr)[0]).toBe(BigInt(U.H_FUNCTION));
  });

  it('H_ENTER takes the first free slot, makes the entry valid, drops KVM-reserved bits; H_READ returns it', () => {
    const { cpu } = hashMachine();
    const ptel = 0x200000n | 0x10n | 0x2n | (1n << 62n); // RA 2M, M, PP=2, and the reserved GR bit
    let [rc, slot] = hc(cpu, U.H_ENTER, 0n, BigInt(GROUP * 8 + 5), V & ~1n | 0x60n, ptel);
    expect(rc).toBe(0n);
    expect(slot).toBe(BigInt(GROUP * 8)); // not exact: the group's first free slot
    const [, v, r] = hc(cpu, U.H_READ, 0n, slot!);
    expect(v).toBe(V); // valid set, HVLOCK/ABSENT (0x60) cleared
    expect(r).toBe(ptel & ~(1n << 62n));
    [rc, slot] = hc(cpu, U.H_ENTER, U.H_EXACT, BigInt(GROUP * 8 + 5), V, 0x201000n | 0x10n);
    expect([rc, slot]).toEqual([0n, BigInt(GROUP * 8 + 5)]);
    expect(hc(cpu, U.H_ENTER, U.H_EXACT, BigInt(GROUP * 8 + 5), V, 0x201000n)[0]).toBe(BigInt(U.H_PTEG_FULL));
    // MMIO (outside RAM) is accepted; a cache-inhibited RAM page too (KVM makes it cacheable, the guest's view keeps I).
    expect(hc(cpu, U.H_ENTER, 0n, 8n, V, 0x40_0000_0000n | 0x20n)[0]).toBe(0n);
    expect(hc(cpu, U.H_ENTER, 0n, 8n, V, 0x3000n | 0x20n)[0]).toBe(0n);
    // Above the partition's page-size maximum (64K): a 16M page.
    expect(hc(cpu, U.H_ENTER, 0n, 16n, V | 4n, 0x1000000n)[0]).toBe(BigInt(U.H_PARAMETER));
  });

  it('H_CLEAR_REF and H_CLEAR_MOD return the entry with R/C as set by guest accesses, then clear the bit so the next access sets it again', async () => {
    const { cpu, dv } = hashMachine();
    const [, slot] = hc(cpu, U.H_ENTER, 0n, BigInt(GROUP * 8), V, 0x200000n | 0x10n | 0x2n);
    // Guest: slbmte (ESID 1, VSID 0x123), then store and load through EA 0x10000008 with DR=1.
    const code = [
      0x7ca02324, // slbmte r5,r4
      0x7c0000a6, // mfmsr r0
      0x60000010, // ori r0,r0,MSR_DR
      0x7c000164, // mtmsrd r0
      0xf8660008, // std r3,8(r6)
      0xe8e60008, // ld r7,8(r6)
      0x44000022, // sc 1 (H_GET_TERM_CHAR: the VMM's)
      0x48000000, // b .
    ];
    code.forEach((w, i) => dv.setUint32(0x100 + 4 * i, w >>> 0));
    const r = cpu.getRegs();
    r.pc = 0x100n;
    r.msr = (1n << 63n) | 0x1000n;
    r.gpr[4] = 0x10000000n | 0x8000000n | 1n; // ESID 1, V, entry 1
    r.gpr[5] = 0x123n << 12n; // VSID word
    r.gpr[6] = 0x10000000n;
    r.gpr[3] = 0x54n;
    cpu.setRegs(r);
    // The store's value: r3 is the hcall number, 0x54.
    await cpu.run();
    expect(cpu.kvmRun.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
    expect(dv.getBigUint64(0x200008)).toBe(0x54n);
    expect(cpu.getRegs().gpr[7]).toBe(0x54n);
    let [rc, rr] = hc(cpu, U.H_CLEAR_REF, 0n, slot!);
    expect(rc).toBe(0n);
    expect(rr! & 0x180n).toBe(0x180n); // R and C were set by the accesses
    [rc, rr] = hc(cpu, U.H_CLEAR_MOD, 0n, slot!);
    expect(rr! & 0x180n).toBe(0x80n); // R now clear, C still set
    expect(hc(cpu, U.H_READ, 0n, slot!)[2]! & 0x180n).toBe(0n);
    // Run the accesses again: R and C come back (no stale TLB entry let them skip the table).
    const r2 = cpu.getRegs();
    r2.pc = 0x110n; // the std
    cpu.setRegs(r2);
    cpu.kvmRun.papr_hcall.set('ret', 0x54n);
    await cpu.run();
    expect(hc(cpu, U.H_READ, 0n, slot!)[2]! & 0x180n).toBe(0x180n);
    expect(hc(cpu, U.H_CLEAR_REF, 0n, BigInt(GROUP * 8 + 3))[0]).toBe(BigInt(U.H_NOT_FOUND));
    expect(hc(cpu, U.H_CLEAR_MOD, 0n, 1n << 40n)[0]).toBe(BigInt(U.H_PARAMETER));
  });

  it('H_BULK_REMOVE: a bad request answers 0xa0 in place and stops the batch with H_PARAMETER (KVM, unlike QEMU)', () => {
    const { cpu } = hashMachine();
    const g = BigInt(GROUP * 8);
    for (let i = 0; i < 3; i++) hc(cpu, U.H_ENTER, U.H_EXACT, g + BigInt(i), V, 0x200000n | 0x10n);
    const req = (flags: bigint, ptex: bigint) => (1n << 62n) | (flags << 56n) | ptex;
    const out = hc(cpu, U.H_BULK_REMOVE, req(0n, g), 0n, req(3n, g + 1n), 0n, req(0n, g + 2n), 0n, 3n << 62n, 0n);
    expect(out[0]).toBe(BigInt(U.H_PARAMETER));
    expect(out[1]).toBe((0x80n << 56n) | g); // done
    expect(out[3]).toBe((0xa3n << 56n) | (g + 1n)); // parameter error: flags 3 is no flag
    expect(out[5]).toBe(req(0n, g + 2n)); // not reached
    expect(hc(cpu, U.H_READ, 0n, g + 2n)[1]).toBe(V); // still there
  });

  it('H_PAGE_INIT zeroes and copies 4K pages of guest memory, with KVM checks; a copied-over code page runs the new code', async () => {
    const { vm, cpu, dv, ram } = hashMachine();
    vm.enableCap(U.KVM_CAP_PPC_ENABLE_HCALL, [BigInt(U.H_PAGE_INIT), 1n]);
    ram.fill(0xaa, 0x3000, 0x4000);
    expect(hc(cpu, U.H_PAGE_INIT, U.H_ZERO_PAGE, 0x3000n)[0]).toBe(0n);
    expect(ram.subarray(0x3000, 0x4000).every((b) => b === 0)).toBe(true);
    expect(hc(cpu, U.H_PAGE_INIT, U.H_ZERO_PAGE, 0x3008n)[0]).toBe(BigInt(U.H_PARAMETER)); // unaligned
    expect(hc(cpu, U.H_PAGE_INIT, 1n << 50n, 0x3000n)[0]).toBe(BigInt(U.H_PARAMETER)); // unknown flag
    expect(hc(cpu, U.H_PAGE_INIT, U.H_ZERO_PAGE, BigInt(RAM))[0]).toBe(BigInt(U.H_PARAMETER)); // outside RAM
    expect(hc(cpu, U.H_PAGE_INIT, U.H_COPY_PAGE, 0x3000n, BigInt(RAM))[0]).toBe(BigInt(U.H_PARAMETER));
    expect(hc(cpu, U.H_PAGE_INIT, U.H_ICACHE_SYNCHRONIZE, BigInt(RAM))[0]).toBe(0n); // nothing to do: no check
    // Code at 0x5000 (li r3,1; sc 1), run once; a page with li r3,2 is copied over it; run again.
    dv.setUint32(0x5000, 0x38600001);
    dv.setUint32(0x5004, 0x44000022);
    dv.setUint32(0x6000, 0x38600002);
    dv.setUint32(0x6004, 0x44000022);
    const go = async () => {
      const r = cpu.getRegs();
      r.pc = 0x5000n;
      r.msr = (1n << 63n) | 0x1000n;
      cpu.setRegs(r);
      await cpu.run();
      expect(cpu.kvmRun.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
      const nr = cpu.kvmRun.papr_hcall.get('nr');
      cpu.kvmRun.papr_hcall.set('ret', nr); // completing leaves r3 as it was
      return nr;
    };
    expect(await go()).toBe(1n);
    expect(hc(cpu, U.H_PAGE_INIT, U.H_COPY_PAGE | U.H_ICACHE_SYNCHRONIZE, 0x5000n, 0x6000n)[0]).toBe(0n);
    expect(await go()).toBe(2n);
  });
});

describe('KVM_GET_SREGS/KVM_SET_SREGS: the SLB of an HPT vCPU', () => {
  it('round-trips the valid entries with their indices, so a migrated vCPU translates as before', async () => {
    const { cpu, dv } = hashMachine();
    hc(cpu, U.H_ENTER, 0n, BigInt(GROUP * 8), V, 0x200000n | 0x10n | 0x2n);
    dv.setBigUint64(0x200008, 0x1122334455667788n);
    // slbmte r5,r4 (entry 3); mfmsr; ori DR; mtmsrd; ld r7,8(r6); sc 1; b .
    [0x7ca02324, 0x7c0000a6, 0x60000010, 0x7c000164, 0xe8e60008, 0x44000022, 0x48000000].forEach((w, i) => dv.setUint32(0x100 + 4 * i, w >>> 0));
    dv.setUint32(0x380, 0x44000022); // data segment interrupt handler: sc 1 (to the VMM)
    const r = cpu.getRegs();
    r.pc = 0x100n;
    r.msr = (1n << 63n) | 0x1000n;
    r.gpr[4] = 0x10000000n | 0x8000000n | 3n;
    r.gpr[5] = 0x123n << 12n;
    r.gpr[6] = 0x10000000n;
    r.gpr[3] = 0x54n;
    cpu.setRegs(r);
    await cpu.run();
    expect(cpu.getRegs().gpr[7]).toBe(0x1122334455667788n);
    const sregs = cpu.getSregs();
    expect(sregs.slb).toEqual([{ slbe: 0x10000000n | 0x8000000n | 3n, slbv: 0x123n << 12n }]);
    // The destination: an empty SLB until KVM_SET_SREGS loads it.
    cpu.mmu.slb.clear();
    cpu.mmu.flushAll();
    const again = cpu.getRegs();
    again.pc = 0x110n; // the ld
    cpu.setRegs(again);
    cpu.kvmRun.papr_hcall.set('ret', 0x54n);
    await cpu.run();
    expect(cpu.spr(26)).toBe(0x110n); // a data segment interrupt: SRR0 at the ld
    cpu.setSregs(sregs);
    expect(cpu.getSregs().slb).toEqual(sregs.slb);
    expect(cpu.mmu.slb.esidLo[3]! & 0x8000000).toBe(0x8000000);
  });
});
