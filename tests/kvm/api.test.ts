// The KVM API and the Book3S HV core, driven the way a VMM drives Linux KVM:
// the hcall punt/complete protocol (api.rst, KVM_EXIT_PAPR_HCALL), MMIO exits,
// hcall gating (KVM_CAP_PPC_ENABLE_HCALL), the PVR rule of KVM-HV, ONE_REG
// LPCR filtering, immediate_exit, LPIDs, and hostile arguments to every
// in-core hcall. Guests are a few hand-encoded big-endian instructions.

import { describe, expect, it } from 'vitest';
import { Kvm, KvmError } from '../../src/kvm/kvm.js';
import type { HvVcpu } from '../../src/kvm/ppc/hv-vcpu.js';
import type { HvVm } from '../../src/kvm/ppc/hv-vm.js';
import { IN_CORE_HCALLS } from '../../src/kvm/ppc/hcalls.js';
import { XICS_IRQ_BASE } from '../../src/kvm/ppc/xics.js';
import * as U from '../../src/kvm/uapi.js';
import { LPCR_AIL, LPCR_ILE, LPCR_VPM0, LPCR_HR } from '../../src/kvm/ppc/lpcr.js';
import { rng } from '../harness/rng.js';

const SC1 = 0x44000022; // sc 1
const STD_R3_R30 = 0xf87e0000; // std r3,0(r30)
const LD_R3_R30 = 0xe87e0000; // ld r3,0(r30)
const STD_R3_8_R29 = 0xf87d0008; // std r3,8(r29)
const B_BACK = (n: number) => (0x48000000 | ((-4 * n) & 0x03fffffc)) >>> 0;
const MMIO = 0x40_0000_0000n; // 256 GiB: outside RAM
const MSR_64 = (1n << 63n) | 0x1000n; // SF | ME, big-endian real mode

function machine(kvm = new Kvm()): { vm: HvVm; cpu: HvVcpu; ram: Uint8Array; put: (addr: number, words: number[]) => void } {
  const vm = kvm.createVm(U.KVM_VM_PPC_HV);
  const ram = new Uint8Array(1 << 20);
  vm.setUserMemoryRegion({ slot: 0, flags: 0, guest_phys_addr: 0, memory_size: ram.length, userspace: ram });
  const cpu = vm.createVcpu(0);
  cpu.enableCap(U.KVM_CAP_PPC_PAPR);
  const dv = new DataView(ram.buffer);
  const put = (addr: number, words: number[]) => words.forEach((w, i) => dv.setUint32(addr + 4 * i, w >>> 0));
  return { vm, cpu, ram, put };
}

function setRegs(cpu: HvVcpu, pc: number, gpr: Record<number, bigint>): void {
  const r = cpu.getRegs();
  r.pc = BigInt(pc);
  r.msr = MSR_64;
  for (const [i, v] of Object.entries(gpr)) r.gpr[Number(i)] = BigInt.asUintN(64, v);
  cpu.setRegs(r);
}

describe('KVM_EXIT_PAPR_HCALL: the punt/complete protocol', () => {
  it('hands an hcall the core does not handle to the VMM with r3..r12, and completes it with ret and args on the next run', async () => {
    const { cpu, put } = machine();
    put(0x100, [SC1, STD_R3_R30, 0xf89d0000 /* std r4,0(r29) */, 0xf97d0008 /* std r11,8(r29) */, B_BACK(0)]);
    const args = Array.from({ length: 9 }, (_, i) => 0x1111_0000_0000_0000n * BigInt(i + 1) + BigInt(i));
    setRegs(cpu, 0x100, { 3: 0x1234n, ...Object.fromEntries(args.map((a, i) => [4 + i, a])), 30: MMIO, 29: 0x8000n });
    await cpu.run();
    const run = cpu.kvmRun;
    expect(run.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
    expect(run.papr_hcall.get('nr')).toBe(0x1234n);
    for (let i = 0; i < 9; i++) expect(run.papr_hcall.arg(i)).toBe(args[i]);
    // The VMM answers: ret -> r3, args[0..8] -> r4..r12.
    run.papr_hcall.set('ret', BigInt.asUintN(64, -2n));
    run.papr_hcall.setArg(0, 0xabcdn);
    run.papr_hcall.setArg(7, 0x7777n);
    await cpu.run();
    // The next exit is the std of r3 to MMIO: its data is the hcall's return.
    expect(run.exit_reason).toBe(U.KVM_EXIT_MMIO);
    expect(run.mmio_is_write).toBe(1);
    expect(run.mmio_phys_addr).toBe(MMIO);
    expect(new DataView(run.mmio_data.buffer, run.mmio_data.byteOffset).getBigInt64(0)).toBe(-2n);
    expect(cpu.getRegs().gpr[4]).toBe(0xabcdn);
    expect(cpu.getRegs().gpr[11]).toBe(0x7777n);
  });

  it('runs a load from MMIO once, with the data the VMM supplies', async () => {
    const { cpu, put, ram } = machine();
    put(0x100, [LD_R3_R30, STD_R3_8_R29, SC1, B_BACK(0)]);
    setRegs(cpu, 0x100, { 30: MMIO + 0x10n, 29: 0x8000n, 3: 0x999n });
    await cpu.run();
    const run = cpu.kvmRun;
    expect(run.exit_reason).toBe(U.KVM_EXIT_MMIO);
    expect([run.mmio_phys_addr, run.mmio_len, run.mmio_is_write]).toEqual([MMIO + 0x10n, 8, 0]);
    run.mmio_data.set([1, 2, 3, 4, 5, 6, 7, 8]);
    await cpu.run(); // completes the load, stores it, then the sc 1 (r3 = the loaded value: an unknown hcall) exits
    expect(run.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
    expect(run.papr_hcall.get('nr')).toBe(0x05060708n); // r3's low word as the hcall number
    expect(new DataView(ram.buffer).getBigUint64(0x8008)).toBe(0x0102030405060708n);
  });
});

describe('hcall gating and capabilities', () => {
  it('KVM_CAP_PPC_ENABLE_HCALL: a disabled in-core hcall goes to the VMM; an unimplemented one cannot be enabled', async () => {
    const { vm, cpu, put } = machine();
    put(0x100, [SC1, STD_R3_R30, B_BACK(2)]);
    // H_SET_SPRG0 is not in KVM's default list: to the VMM until enabled.
    setRegs(cpu, 0x100, { 3: BigInt(U.H_SET_SPRG0), 4: 0x55n, 30: MMIO });
    await cpu.run();
    const run = cpu.kvmRun;
    expect(run.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
    expect(run.papr_hcall.get('nr')).toBe(BigInt(U.H_SET_SPRG0));
    expect(cpu.spr(272)).toBe(0n);
    vm.enableCap(U.KVM_CAP_PPC_ENABLE_HCALL, [BigInt(U.H_SET_SPRG0), 1n]);
    // Complete it so that the guest loops back with r3 = H_SET_SPRG0, r4 = 0x55.
    run.papr_hcall.set('ret', BigInt(U.H_SET_SPRG0));
    run.papr_hcall.setArg(0, 0x55n);
    await cpu.run(); // the std of r3 after the first call
    expect(run.exit_reason).toBe(U.KVM_EXIT_MMIO);
    await cpu.run(); // back to sc 1: now handled in the core, then the std again
    expect(run.exit_reason).toBe(U.KVM_EXIT_MMIO);
    expect(new DataView(run.mmio_data.buffer, run.mmio_data.byteOffset).getBigInt64(0)).toBe(0n);
    expect(cpu.spr(272)).toBe(0x55n);
    expect(() => vm.enableCap(U.KVM_CAP_PPC_ENABLE_HCALL, [BigInt(U.H_PUT_TERM_CHAR), 1n])).toThrow(KvmError);
    expect(() => vm.enableCap(U.KVM_CAP_PPC_ENABLE_HCALL, [0x1001n, 1n])).toThrow(/EINVAL/);
  });

  it('the guest PVR is the host POWER9; another is refused (KVM-HV cannot virtualise it)', () => {
    const { cpu } = machine();
    expect(cpu.getSregs().pvr).toBe(0x004e1200);
    expect(() => cpu.setSregs({ pvr: 0x004e1200 })).not.toThrow();
    expect(() => cpu.setSregs({ pvr: 0x004d0200 })).toThrow(/EINVAL/);
  });

  it('ONE_REG LPCR: the VMM sets only DPFD|ILE|TC|AIL|LD; AIL is 0 or 3', () => {
    const { cpu, vm } = machine();
    const before = cpu.getOneReg(U.KVM_REG_PPC_LPCR_64) as bigint;
    expect(before & LPCR_HR).toBe(LPCR_HR); // radix partition
    cpu.setOneReg(U.KVM_REG_PPC_LPCR_64, before | LPCR_ILE | LPCR_VPM0 | (2n << 23n));
    const after = cpu.getOneReg(U.KVM_REG_PPC_LPCR_64) as bigint;
    expect(after & LPCR_ILE).toBe(LPCR_ILE);
    expect(after & LPCR_VPM0).toBe(0n);
    expect(after & LPCR_AIL).toBe(0n);
    cpu.setOneReg(U.KVM_REG_PPC_LPCR_64, after | LPCR_AIL);
    expect((cpu.getOneReg(U.KVM_REG_PPC_LPCR_64) as bigint) & LPCR_AIL).toBe(LPCR_AIL);
    expect(vm.lpcr & LPCR_AIL).toBe(LPCR_AIL);
    expect(() => cpu.getOneReg(U.KVM_REG_PPC | U.KVM_REG_SIZE_U64 | 0x7fffn)).toThrow(/ENOENT/);
  });

  it('immediate_exit returns KVM_EXIT_INTR without running', async () => {
    const { cpu } = machine();
    cpu.kvmRun.immediate_exit = 1;
    await cpu.run();
    expect(cpu.kvmRun.exit_reason).toBe(U.KVM_EXIT_INTR);
    expect(cpu.cpu.icount).toBe(0);
  });

  it('LPIDs: distinct per VM, never the host\'s 0 or the reserved last one, reused after destroy', () => {
    const kvm = new Kvm();
    const a = kvm.createVm();
    const b = kvm.createVm();
    expect(a.lpid).not.toBe(b.lpid);
    for (const v of [a, b]) expect(v.lpid).toBeGreaterThan(0);
    a.destroy();
    expect(kvm.createVm().lpid).toBe(a.lpid);
    expect(() => kvm.createVm(2)).toThrow(/EINVAL/);
  });

  it('memory slots: overlaps and misaligned slots are refused', () => {
    const { vm } = machine();
    expect(() => vm.setUserMemoryRegion({ slot: 1, flags: 0, guest_phys_addr: 0x80000, memory_size: 0x1000, userspace: new Uint8Array(0x1000) })).toThrow(/EEXIST/);
    expect(() => vm.setUserMemoryRegion({ slot: 1, flags: 0, guest_phys_addr: 0x100800, memory_size: 0x1000, userspace: new Uint8Array(0x1000) })).toThrow(/EINVAL/);
  });
});

describe('KVM_INTERRUPT: the external interrupt line the VMM drives', () => {
  const LI_R3_54 = 0x38600054; // li r3,H_GET_TERM_CHAR
  const ADDI_R5 = 0x38a50001; // addi r5,r5,1
  const MTMSRD_R4_L1 = 0x7c810164; // mtmsrd r4,1

  it('is taken exactly when the partition sets MSR[EE] (mediated delivery), and not before', async () => {
    const { cpu, put } = machine();
    put(0x100, [SC1, ADDI_R5, ADDI_R5, MTMSRD_R4_L1, B_BACK(0)]);
    put(0x500, [LI_R3_54, SC1, B_BACK(0)]);
    setRegs(cpu, 0x100, { 3: 0x54n, 4: 0x8000n, 5: 0n });
    await cpu.run();
    expect(cpu.kvmRun.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
    cpu.interrupt(U.KVM_INTERRUPT_SET); // raised while MSR[EE]=0
    cpu.kvmRun.papr_hcall.set('ret', 0x54n);
    await cpu.run();
    expect(cpu.kvmRun.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
    expect(cpu.getRegs().pc).toBe(0x508n); // the handler's sc 1
    expect(cpu.spr(26)).toBe(0x110n); // SRR0: right after the mtmsrd that set EE
    expect(cpu.getRegs().gpr[5]).toBe(2n); // both addis ran first
    expect(cpu.spr(27) & 0x8000n).toBe(0x8000n); // SRR1: EE was on
  });

  it('wakes a ceded vCPU; UNSET lowers the line', async () => {
    const { cpu, put } = machine();
    put(0x100, [SC1, B_BACK(0)]);
    put(0x500, [LI_R3_54, SC1, B_BACK(0)]);
    setRegs(cpu, 0x100, { 3: BigInt(U.H_CEDE) });
    const t0 = performance.now();
    setTimeout(() => cpu.interrupt(U.KVM_INTERRUPT_SET_LEVEL), 30);
    await cpu.run();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
    expect(cpu.kvmRun.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
    expect(cpu.spr(26)).toBe(0x104n); // after the H_CEDE
    cpu.interrupt(U.KVM_INTERRUPT_UNSET);
    expect(cpu.cpu.extPending).toBe(false);
    expect(cpu.vm.checkExtension(U.KVM_CAP_PPC_UNSET_IRQ)).toBe(1);
  });
});

/** A VM's observable state: registers of each vCPU, LPCR, and its hashed page table. */
function snapshot(vm: HvVm): string {
  const regs = [...vm.vcpus.values()].map((c) => c.getRegs());
  return JSON.stringify({ regs, lpcr: vm.lpcr, radix: vm.radix, hpt: vm.hpt ? Buffer.from(vm.hpt.bytes).toString('base64') : null }, (_k, v) => (typeof v === 'bigint' ? v.toString(16) : v));
}

const OR_R4_R3 = 0x7c641b78; // mr r4,r3

/** KVM_RUN with a watchdog: a partition still running after 2 s is stopped (immediate_exit → KVM_EXIT_INTR). */
async function watched(cpu: HvVcpu): Promise<void> {
  const t = setTimeout(() => (cpu.kvmRun.immediate_exit = 1), 2000);
  try {
    await cpu.run();
  } finally {
    clearTimeout(t);
  }
}
const LI_R3_GET_TERM_CHAR = 0x38600054; // li r3,H_GET_TERM_CHAR (handed to the VMM)

describe('hostile arguments to every in-core hcall', () => {
  for (const mode of ['radix', 'hash'] as const) {
    it(`never raise a host exception and never touch another VM (${mode} partition)`, async () => {
      const kvm = new Kvm();
      const victim = machine(kvm);
      victim.ram.fill(0x5a);
      if (mode === 'hash') {
        victim.vm.allocateHtab(18);
        victim.vm.setupMmu(); // the VRMA entries: table contents to protect
      }
      const victimState = snapshot(victim.vm);

      const { vm, cpu, put } = machine(kvm);
      if (mode === 'hash') vm.allocateHtab(18); // 16384 entries: small indices often hit
      // The in-kernel XICS with its RTAS calls, so its hcalls and H_RTAS are fuzzed in the core too.
      const xics = vm.createDevice(U.KVM_DEV_TYPE_XICS);
      for (let i = 0; i < 4; i++) xics.claim(XICS_IRQ_BASE + i, i % 2 === 1);
      ['ibm,set-xive', 'ibm,get-xive', 'ibm,int-off', 'ibm,int-on'].forEach((n, i) => vm.defineRtasToken(n, 0x200a + i));
      cpu.enableCap(U.KVM_CAP_IRQ_XICS, [0n, 0n]);
      const cpu1 = vm.createVcpu(1);
      cpu1.enableCap(U.KVM_CAP_PPC_PAPR);
      cpu1.enableCap(U.KVM_CAP_IRQ_XICS, [0n, 1n]);
      for (const nr of Object.keys(IN_CORE_HCALLS).map(Number)) if (nr <= U.MAX_HCALL_OPCODE) vm.enableCap(U.KVM_CAP_PPC_ENABLE_HCALL, [BigInt(nr), 1n]);
      // The hcall, then its r3 reported through an hcall the VMM serves (H_GET_TERM_CHAR's r4).
      put(0x100, [SC1, OR_R4_R3, LI_R3_GET_TERM_CHAR, SC1, B_BACK(0)]);
      // A decrementer handler that pushes DEC far away again (H_CEDE enables EE).
      put(0x900, [0x3c007fff /* lis r0,0x7fff */, 0x7c1603a6 /* mtdec r0 */, 0x4c000024 /* rfid */]);
      // An external interrupt (XICS: an IPI the fuzz sent itself) returns with MSR[EE] off: masked, not a storm.
      put(0x500, [0x7c1b02a6 /* mfsrr1 r0 */, 0x68008000 /* xori r0,r0,0x8000 (EE) */, 0x7c1b03a6 /* mtsrr1 r0 */, 0x4c000024 /* rfid */]);
      const nrs = Object.keys(IN_CORE_HCALLS).map(Number);
      const next = rng(mode === 'hash' ? 0x4a54n : 0x7e57n);
      const N = Number(process.env.TSKVM_HCALL_FUZZ ?? 20_000);
      const seen = new Map<number, Set<bigint>>();
      let broken = 0;
      for (let k = 0; k < N; k++) {
        const nr = nrs[Number(next() % BigInt(nrs.length))]!;
        const gpr: Record<number, bigint> = { 3: BigInt(nr) };
        for (let i = 4; i <= 12; i++) {
          const r = next();
          // Mix small values (valid ids, resources, flags), table indices and arbitrary ones.
          gpr[i] = r % 3n === 0n ? r >> 60n : r % 3n === 1n ? r >> 50n : r;
        }
        if (process.env.TSKVM_FUZZ_TRACE) console.log(nr.toString(16), Object.values(gpr).map((x) => x.toString(16)).join(' '));
        if (process.env.TSKVM_FUZZ_LAST) (await import('node:fs')).writeFileSync(process.env.TSKVM_FUZZ_LAST, `${k} ${nr.toString(16)} ${Object.values(gpr).map((x) => x.toString(16)).join(' ')}\n`);
        setRegs(cpu, 0x100, gpr);
        // The report hcall of the last round is still to be completed: KVM_RUN
        // writes r3..r12 from kvm_run first (api.rst), so the VMM's answer
        // carries this round's arguments.
        if (k > 0) {
          cpu.kvmRun.papr_hcall.set('ret', gpr[3]!);
          for (let i = 0; i < 9; i++) cpu.kvmRun.papr_hcall.setArg(i, gpr[4 + i]!);
        }
        cpu.setOneReg(U.KVM_REG_PPC_DEC_EXPIRY, BigInt(Math.floor(vm.timebase()))); // DEC due now: a cede returns at once
        await watched(cpu);
        let run = cpu.kvmRun;
        if (run.exit_reason === U.KVM_EXIT_PAPR_HCALL && run.papr_hcall.get('nr') !== 0x54n) {
          // Handed to the VMM (H_SET_MODE's interrupt modes): answer and go on to the report.
          run.papr_hcall.set('ret', BigInt.asUintN(64, BigInt(U.H_FUNCTION)));
          await watched(cpu);
          run = cpu.kvmRun;
        }
        if (run.exit_reason === U.KVM_EXIT_INTR) {
          // The partition broke itself: a hash partition may remove or change
          // the VRMA entries its real mode runs through (the table is its own;
          // KVM lets it), and then loops on instruction storage interrupts
          // forever. Not a hypervisor failure: give it a fresh table (its VRMA
          // comes back at the next run) and go on.
          expect(mode).toBe('hash');
          broken++;
          vm.allocateHtab(18);
          cpu.kvmRun.immediate_exit = 0;
          continue;
        }
        expect(run.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
        expect(run.papr_hcall.get('nr')).toBe(0x54n);
        const ret = BigInt.asIntN(64, run.papr_hcall.arg(0));
        (seen.get(nr) ?? seen.set(nr, new Set()).get(nr)!).add(ret);
      }
      // Every hcall was reached and answered with a PAPR return code.
      if (broken) console.log(`${mode} partition: ${broken} of ${N} rounds left the partition unable to run (its own VRMA removed); restarted`);
      expect([...seen.keys()].sort()).toEqual([...nrs].sort());
      for (const rets of seen.values()) for (const r of rets) expect(r === 0n || (r < 0n && r >= -511n)).toBe(true);
      if (mode === 'hash') {
        // The table hcalls did real work, not only refuse it.
        for (const nr of [U.H_ENTER, U.H_REMOVE, U.H_READ, U.H_PROTECT]) expect(seen.get(nr)!.has(0n), `hcall 0x${nr.toString(16)} succeeded sometimes`).toBe(true);
      }
      // The other VM: registers, LPCR, page table and memory untouched.
      expect(snapshot(victim.vm)).toBe(victimState);
      expect(victim.ram.every((b) => b === 0x5a)).toBe(true);
    });
  }
});

describe('KVM_SET_GUEST_DEBUG and KVM_EXIT_DEBUG (software breakpoints, as KVM-HV)', () => {
  const BKPT = U.KVMPPC_INST_SW_BREAKPOINT;
  const ADDI_R5 = 0x38a50001; // addi r5,r5,1
  // Program interrupt handler: report SRR1 through an hcall the VMM gets (0x7700, r4 = SRR1).
  const PROGRAM_HANDLER = [0x7c9b02a6 /* mfsrr1 r4 */, 0x38607700 /* li r3,0x7700 */, SC1];

  it('ONE_REG DEBUG_INST gives the breakpoint instruction; the cap is there, single step is not', () => {
    const { vm, cpu } = machine();
    expect(cpu.getOneReg(U.KVM_REG_PPC_DEBUG_INST)).toBe(BigInt(BKPT));
    expect(vm.checkExtension(U.KVM_CAP_SET_GUEST_DEBUG)).toBe(1);
    expect(vm.checkExtension(U.KVM_CAP_PPC_GUEST_DEBUG_SSTEP)).toBe(0);
  });

  it('with USE_SW_BP the breakpoint word exits to the VMM at its address, unexecuted; without it, an illegal-instruction program interrupt', async () => {
    const { vm, cpu, put } = machine();
    put(0x100, [ADDI_R5, BKPT, ADDI_R5, 0x38607100 /* li r3,0x7100 */, SC1]);
    put(0x700, PROGRAM_HANDLER);
    setRegs(cpu, 0x100, { 5: 0n });
    cpu.setGuestDebug(U.KVM_GUESTDBG_ENABLE | U.KVM_GUESTDBG_USE_SW_BP);
    await cpu.run();
    const run = cpu.kvmRun;
    expect(run.exit_reason).toBe(U.KVM_EXIT_DEBUG);
    expect(run.debug_address).toBe(0x104n);
    expect(cpu.getRegs().pc).toBe(0x104n);
    expect(cpu.getRegs().gpr[5]).toBe(1n);
    // The debugger puts the original instruction back (an addi) and continues.
    const word = (w: number) => new Uint8Array([w >>> 24, (w >>> 16) & 255, (w >>> 8) & 255, w & 255]);
    expect(vm.writeMemory(0x104, word(ADDI_R5))).toBe(true);
    await cpu.run();
    expect(run.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
    expect(run.papr_hcall.get('nr')).toBe(0x7100n);
    expect(cpu.getRegs().gpr[5]).toBe(3n);

    // Debugging off: the same word is an illegal instruction to the partition.
    vm.writeMemory(0x104, word(BKPT));
    setRegs(cpu, 0x100, { 5: 0n });
    cpu.setGuestDebug(0);
    await cpu.run();
    expect(run.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
    expect(run.papr_hcall.get('nr')).toBe(0x7700n);
    expect(run.papr_hcall.arg(0) & 0x000f0000n).toBe(0x00080000n); // SRR1[44]: illegal instruction, nothing else
    expect(cpu.getRegs().srr0).toBe(0x104n);
  });

  it('with USE_SW_BP another illegal word is still a program interrupt', async () => {
    const { cpu, put } = machine();
    put(0x100, [0x00dddd01]);
    put(0x700, PROGRAM_HANDLER);
    setRegs(cpu, 0x100, {});
    cpu.setGuestDebug(U.KVM_GUESTDBG_ENABLE | U.KVM_GUESTDBG_USE_SW_BP);
    await cpu.run();
    expect(cpu.kvmRun.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
    expect(cpu.kvmRun.papr_hcall.get('nr')).toBe(0x7700n);
    expect(cpu.getRegs().srr0).toBe(0x100n);
  });
});

/** A radix VM with 1 MiB at `base` holding `li r3,0x7100; sc 1` at its start, and its vCPU there (PAPR unless `papr` is false). */
function hcallAt(base: number, papr = true): HvVcpu {
  const vm = new Kvm().createVm(U.KVM_VM_PPC_HV);
  const ram = new Uint8Array(1 << 20);
  new DataView(ram.buffer).setUint32(0, 0x38607100); // li r3,0x7100
  new DataView(ram.buffer).setUint32(4, SC1);
  vm.setUserMemoryRegion({ slot: 0, flags: 0, guest_phys_addr: base, memory_size: ram.length, userspace: ram });
  const cpu = vm.createVcpu(0);
  if (papr) cpu.enableCap(U.KVM_CAP_PPC_PAPR);
  setRegs(cpu, base, {});
  return cpu;
}

describe('KVM_CAP_PPC_PAPR', () => {
  it('KVM-HV runs PAPR vCPUs only: KVM_RUN before the VMM enables it is EINVAL with KVM_EXIT_INTERNAL_ERROR (kvmppc_sanity_check)', async () => {
    const cpu = hcallAt(0, false);
    await expect(cpu.run()).rejects.toThrow(KvmError);
    expect(cpu.kvmRun.exit_reason).toBe(U.KVM_EXIT_INTERNAL_ERROR);
    expect(cpu.cpu.icount).toBe(0);
    cpu.enableCap(U.KVM_CAP_PPC_PAPR);
    await cpu.run();
    expect(cpu.kvmRun.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
    expect(cpu.kvmRun.papr_hcall.get('nr')).toBe(0x7100n);
  });
});

describe('KVM_EXIT_FAIL_ENTRY', () => {
  it('an HPT partition without memory at guest physical 0 cannot enter (no VRMA): KVM_RUN fails with FAIL_ENTRY, reason 0', async () => {
    const vm = new Kvm().createVm(U.KVM_VM_PPC_HV);
    vm.allocateHtab(18);
    vm.setUserMemoryRegion({ slot: 0, flags: 0, guest_phys_addr: 0x100000, memory_size: 1 << 20, userspace: new Uint8Array(1 << 20) });
    const cpu = vm.createVcpu(0);
    cpu.enableCap(U.KVM_CAP_PPC_PAPR);
    setRegs(cpu, 0x100000, {});
    await expect(cpu.run()).rejects.toThrow(KvmError);
    expect(cpu.kvmRun.exit_reason).toBe(U.KVM_EXIT_FAIL_ENTRY);
    expect(cpu.kvmRun.fail_entry_reason).toBe(0n);
    // A radix partition needs no VRMA: the same memory runs.
    const cpu2 = hcallAt(0x100000);
    await cpu2.run();
    expect(cpu2.kvmRun.exit_reason).toBe(U.KVM_EXIT_PAPR_HCALL);
  });
});

describe('ONE_REG ARCH_COMPAT (kvmppc_set_arch_compat on POWER9)', () => {
  it('takes 0 and the ISA 3.00 logical PVR, and refuses older modes', () => {
    const { cpu } = machine();
    expect(cpu.getOneReg(U.KVM_REG_PPC_ARCH_COMPAT)).toBe(0n);
    cpu.setOneReg(U.KVM_REG_PPC_ARCH_COMPAT, 0x0f000005n);
    expect(cpu.getOneReg(U.KVM_REG_PPC_ARCH_COMPAT)).toBe(0x0f000005n);
    expect(() => cpu.setOneReg(U.KVM_REG_PPC_ARCH_COMPAT, 0x0f000004n)).toThrow(KvmError);
    expect(cpu.getOneReg(U.KVM_REG_PPC_ARCH_COMPAT)).toBe(0x0f000005n);
  });
});
