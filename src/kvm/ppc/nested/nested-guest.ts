// One nested (L2) guest as the L0 knows it (KVM's struct kvm_nested_guest):
// the L1's number for it, the shadow LPID the L0 gave it, the cached
// partition-table entry the L1 wrote for it, its shadow partition-scoped
// table, and per nested vCPU the L1 thread it last ran on (the flush KVM
// does when a nested vCPU moves). It is also the "hardware" partition-scoped
// step of the MMU while it runs (PartitionScoped): a lookup in the shadow
// table that raises HDSI/HISI when the entry is missing or does not allow
// the access, exactly what the nested page-fault handler (fault.ts) fixes.

import type { PartitionScoped } from '../../../cpu/ppc64/mmu/mmu.js';
import { ACCESS_FETCH, ACCESS_WRITE } from '../../../cpu/ppc64/mmu/hash.js';
import { DSISR_NOPTE, DSISR_PROT, DSISR_PRTABLE, DSISR_SET_RC, DSISR_STORE, Interrupt, SRR1_ISI_N_G, SRR1_ISI_NOPTE, VEC_HDSI, VEC_HISI } from '../../../cpu/ppc64/interrupt.js';
import { PTE_ACCESSED, PTE_DIRTY, PTE_EXEC, PTE_READ, PTE_WRITE } from './l1-walk.js';
import { ShadowTable } from './shadow.js';

export class NestedGuest implements PartitionScoped {
  /** PATE dword 0 (the L1's partition-scoped root for this guest; KVM's l1_gr_to_hr) and dword 1 (its process table). */
  pate0 = 0n;
  pate1 = 0n;
  readonly shadow = new ShadowTable();
  /** Nested vCPU token → id of the L1 vCPU it last ran on (KVM's prev_cpu[]). */
  readonly prevCpu = new Map<number, number>();
  /** L1 vCPUs whose cached translations for this guest are stale (KVM's need_tlb_flush). */
  readonly needTlbFlush = new Set<number>();
  /** When it last ran (least recently used guests are evicted first). */
  lastUse = 0;

  constructor(
    readonly l1Lpid: number,
    readonly shadowLpid: number,
  ) {}

  /**
   * The partition-scoped step while this guest runs: the shadow entry must
   * exist and allow the access (read for loads and table reads, write for
   * stores and R/C updates of its tables, execute for fetches), with R set,
   * and C for a store; else the hypervisor storage interrupt, ASDR = `gra`.
   */
  translate(gra: number, access: number, tableWalk: boolean, eaHi: number, eaLo: number): number {
    const e = this.shadow.lookup(gra);
    const write = access === ACCESS_WRITE;
    let cause: number;
    if (!e) cause = DSISR_NOPTE;
    else {
      // A writable entry is readable (the radix EAA's RW).
      const need = access === ACCESS_FETCH && !tableWalk ? PTE_EXEC : write ? PTE_WRITE : PTE_READ | PTE_WRITE;
      if (!(e.bits & need)) cause = DSISR_PROT;
      else if (!(e.bits & PTE_ACCESSED) || (write && !(e.bits & PTE_DIRTY))) cause = DSISR_SET_RC;
      else return e.l1 + (gra - e.gra);
    }
    // HDSI: the cause in HDSISR. HISI: in HSRR1 (no translation; no-execute),
    // and in the interrupt's dsisr field too, in DSISR form, for the L0's handler.
    const flags = cause | (write ? DSISR_STORE : 0) | (tableWalk ? DSISR_PRTABLE : 0);
    // A table walk's access is a load or an R/C store even for a fetch: an
    // HDSI with PRTABLE, as QEMU raises it (the handler then checks read/write).
    let intr: Interrupt;
    if (access === ACCESS_FETCH && !tableWalk) intr = new Interrupt(VEC_HISI, (cause === DSISR_NOPTE ? SRR1_ISI_NOPTE : cause === DSISR_PROT ? SRR1_ISI_N_G : cause) | (tableWalk ? DSISR_PRTABLE : 0), true, eaHi, eaLo, flags);
    else intr = new Interrupt(VEC_HDSI, 0, true, eaHi, eaLo, flags);
    intr.asdr = gra;
    throw intr;
  }
}
