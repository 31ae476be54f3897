// What the L0 does with a hypervisor interrupt of a running nested guest
// (kvmppc_handle_nested_exit), and the nested page fault
// (__kvmhv_nested_page_fault): the shadow entry is built from the L1's
// partition-scoped tree and the L1's memory slots, or the fault goes to the
// L1 with the values it would see from hardware, or — for what the L0 owns
// (a read-only slot) — a DSI goes to the nested guest.

import type { HvVcpu } from '../hv-vcpu.js';
import * as U from '../../uapi.js';
import { H_RPTI_TYPE_NESTED } from './rpt-invalidate.js';
import { DSISR_NOPTE, DSISR_PROT, DSISR_PRTABLE, DSISR_SET_RC, DSISR_STORE, DSISR_UNSUPP_MMU, SRR1_ISI_N_G, VEC_DSI, VEC_HDSI, VEC_HEAI, VEC_HFAC_UNAVAILABLE, VEC_HISI, VEC_SYSCALL, type Interrupt } from '../../../cpu/ppc64/interrupt.js';
import { SPR_SRR0, SPR_SRR1 } from '../../../cpu/ppc64/spr.js';
import { PTE_ACCESSED, PTE_DIRTY, PTE_EXEC, PTE_READ, PTE_WRITE, walkL1Tree } from './l1-walk.js';
import { SHADOW_SHIFTS } from './shadow.js';
import { rmapEntry } from './rmap.js';
import { exitNested } from './enter.js';
import type { NestedRun } from './enter.js';
import { deliver } from '../../../cpu/ppc64/delivery.js';
import { Interrupt as Intr } from '../../../cpu/ppc64/interrupt.js';

/**
 * A hypervisor interrupt while the vCPU runs a nested guest. Returns true
 * when the L1 runs again (the nested run ended), false to resume the nested
 * guest. `insn` is the instruction word (HEIR). A `stop` trapped by
 * PSSCR[EC|ESL] never comes here: the L0 emulates it for nested guests as
 * for its own (seed 001).
 */
export function handleNestedExit(v: HvVcpu, intr: Interrupt, insn: number): boolean {
  const run = v.nestedRun!;
  const cpu = v.cpu;
  switch (intr.vector) {
    case VEC_SYSCALL: {
      // H_RPT_INVALIDATE of the nested guest's own process scope is the L0's
      // (kvmppc_nested_h_rpt_invalidate): its TLB on every thread; r3 = 0.
      if (cpu.getGpr(3) === BigInt(U.H_RPT_INVALIDATE) && !(cpu.getGpr(6) & H_RPTI_TYPE_NESTED)) {
        for (const t of v.vm.vcpus.values()) t.mmu.flushNested(run.guest);
        cpu.setGpr(3, 0n);
        return false;
      }
      // sc 1: to the L1, which is the nested guest's hypervisor. The
      // hypervisor system call interrupt sets SRR0/SRR1 (the return address
      // and MSR), which the L1 gets as the nested guest's nip/msr and SRR0/1.
      const msrHi = cpu.msrHi;
      const msrLo = cpu.msrLo & ~0x783f0000;
      cpu.sprHi[SPR_SRR0] = cpu.nipHi;
      cpu.sprLo[SPR_SRR0] = cpu.nipLo;
      cpu.sprHi[SPR_SRR1] = msrHi;
      cpu.sprLo[SPR_SRR1] = msrLo;
      exitNested(v, VEC_SYSCALL);
      return true;
    }
    case VEC_HDSI:
    case VEC_HISI:
      if (v.mmu.mmioPending) {
        // An access outside the L1's memory (a slot the VMM removed): not
        // emulated for nested guests yet; the nested guest gets a DSI.
        v.mmu.mmioPending = undefined;
        injectDsi(v, intr.darHi, intr.darLo, (intr.dsisr & DSISR_STORE) | DSISR_NOPTE);
        return false;
      }
      return nestedPageFault(v, run, intr);
    case VEC_HEAI:
      run.heir = insn | 0;
      exitNested(v, VEC_HEAI);
      return true;
    case VEC_HFAC_UNAVAILABLE:
      // msgsndp/msgclrp (HFSCR[MSGP], a facility the L0 never permits): KVM
      // turns a cause the L1 may not give into an emulation assist, HEIR =
      // the instruction, and the L1 emulates its guest's doorbell.
      run.heir = insn | 0;
      exitNested(v, VEC_HEAI);
      return true;
    default:
      exitNested(v, intr.vector);
      return true;
  }
}

/** A data storage interrupt delivered to the nested guest itself (kvmppc_core_queue_data_storage). */
function injectDsi(v: HvVcpu, darHi: number, darLo: number, dsisr: number): void {
  const i = new Intr(VEC_DSI, 0, false, darHi, darLo, dsisr);
  i.nipHi = v.cpu.nipHi;
  i.nipLo = v.cpu.nipLo;
  deliver(v.cpu, i);
}

/** Give the fault to the L1: exit vector HDSI/HISI with HDAR, HDSISR, ASDR (and for HISI the cause in the nested MSR). */
function forward(v: HvVcpu, run: NestedRun, intr: Interrupt, flags: number, asdr: number): true {
  const ea = (BigInt(intr.darHi >>> 0) << 32n) | BigInt(intr.darLo >>> 0);
  run.fault = { hdar: ea, hdsisr: flags | 0, asdr };
  // HISI: the cause goes in the MSR the L1 gets (kvmhv_translate_addr_nested: msr = (msr & SRR1_MSR_BITS) | flags).
  if (intr.vector === VEC_HISI) exitNested(v, VEC_HISI, flags);
  else exitNested(v, VEC_HDSI);
  return true;
}

/** The largest page at most 2^maxShift whose aligned block of L1 memory around `l1` is one slot's. */
function l0Shift(v: HvVcpu, l1: number, maxShift: number): number {
  const slot = v.vm.phys.find(l1)!;
  for (const s of SHADOW_SHIFTS) {
    if (s > maxShift) continue;
    const base = l1 - (l1 % 2 ** s);
    if (base >= slot.gpa && base + 2 ** s <= slot.gpa + slot.size) return s;
  }
  return 12;
}

/**
 * __kvmhv_nested_page_fault. Returns true when the fault went to the L1
 * (the nested run ended), false when the nested guest retries.
 */
export function nestedPageFault(v: HvVcpu, run: NestedRun, intr: Interrupt): boolean {
  const nested = v.vm.nested!;
  // An interrupt the hypervisor took for the guest: it takes time like one it delivers (CpuState.delivered).
  v.cpu.delivered++;
  const g = run.guest;
  const fetch = intr.vector === VEC_HISI; // a table walk faults as an HDSI even for a fetch
  const dsisr = intr.dsisr;
  const writing = (dsisr & DSISR_STORE) !== 0;
  if (g.pate0 === 0n) {
    nested.readPte(g);
    // No partition-scoped tree for this guest: the L1 gets the fault as it came.
    if (g.pate0 === 0n) return forward(v, run, intr, dsisr & ~DSISR_PRTABLE, intr.asdr);
  }
  const gra = intr.asdr;
  // ASDR as the hardware gave it: the nested guest real address (KVM masks the low 12 bits itself when it uses it).
  const asdr = gra;
  // 1. The L1's translation of the nested address.
  const w = walkL1Tree(v.vm.phys, g.pate0, gra);
  let flags = dsisr & DSISR_STORE;
  let faultAsdr = asdr;
  if ('error' in w) {
    if (w.error === 'einval') flags |= DSISR_UNSUPP_MMU;
    else if (w.error === 'enoent') flags |= DSISR_NOPTE;
    else {
      flags |= DSISR_PRTABLE;
      faultAsdr = w.addr;
    }
  } else if (writing ? !w.write : fetch ? !w.exec : !w.read && !w.write) flags |= fetch ? SRR1_ISI_N_G : DSISR_PROT;
  if (flags !== (dsisr & DSISR_STORE)) {
    // The shadow entry allowed more than the L1's does now: drop it, let the guest retry (and fault again, to the L1).
    if (dsisr & DSISR_PROT) {
      nested.invalidateRange(g, gra - (gra % 4096), 4096);
      return false;
    }
    return forward(v, run, intr, flags, faultAsdr);
  }
  const pte = w as Exclude<typeof w, { error: string }>;
  // 2. R and C: the L1's entry must have them; then they are set in the shadow entry.
  if (dsisr & DSISR_SET_RC) {
    const need = PTE_ACCESSED | (writing ? PTE_DIRTY : 0);
    if (need & ~pte.rc) return forward(v, run, intr, dsisr & ~DSISR_PRTABLE, asdr);
    const e = g.shadow.lookup(gra);
    if (e) {
      e.bits |= need;
      return false;
    }
  }
  // 3. The L1 page in the L0's memory: RAM (a slot), or the nested guest gets a DSI.
  const slot = v.vm.phys.find(pte.raddr);
  if (!slot) {
    injectDsi(v, intr.darHi, intr.darLo, flags | DSISR_NOPTE);
    return false;
  }
  if (slot.readonly && writing) {
    injectDsi(v, intr.darHi, intr.darLo, DSISR_STORE | DSISR_PROT);
    return false;
  }
  // 4. The shadow entry: the smaller page, the AND of the permissions, R/C only as the L1 has them.
  const shift = l0Shift(v, pte.raddr, pte.shift);
  const size = 2 ** shift;
  let bits = (pte.read ? PTE_READ : 0) | (pte.write && !slot.readonly ? PTE_WRITE : 0) | (pte.exec ? PTE_EXEC : 0);
  if (pte.rc & PTE_ACCESSED) bits |= PTE_ACCESSED;
  if (pte.rc & PTE_DIRTY && writing) bits |= PTE_DIRTY;
  const l1 = pte.raddr - (pte.raddr % size);
  const base = gra - (gra % size);
  const removed = g.shadow.insert({ gra: base, l1, shift, bits });
  nested.dropTlb(g, removed);
  nested.rmap.insert(slot, Math.floor((l1 - slot.gpa) / 4096), rmapEntry(g.l1Lpid, Math.floor(base / 4096)));
  nested.afterInsert();
  v.stats.nestedFaults++;
  return false;
}
