// H_RPT_INVALIDATE (kvmppc_h_rpt_invalidate; PAPR "Radix Page Table
// invalidate"): a radix partition invalidates translations without tlbie.
// r4 = PID (process scope) or the L1's LPID of a nested guest (type
// NESTED), r5 = target (CMMU 1, CMMU_LOCAL 2, NMMU 4), r6 = type (NESTED 1,
// TLB 2, PWC 4, PRT/PAT 8), r7 = page sizes (4K 1, 64K 2, 2M 4, 1G 8),
// r8 = start, r9 = end. In KVM's default hcall list it is not: the VMM
// enables it (QEMU's cap-rpt-invalidate).

import * as U from '../../uapi.js';
import type { HvVcpu } from '../hv-vcpu.js';
import type { NestedHv } from './nested-hv.js';

export const H_RPTI_TARGET_CMMU = 1n;
export const H_RPTI_TYPE_NESTED = 1n;
export const H_RPTI_TYPE_TLB = 2n;
export const H_RPTI_TYPE_PWC = 4n;
export const H_RPTI_TYPE_PAT = 8n;
/** TLB | PWC | PAT: everything of a nested LPID. */
export const H_RPTI_TYPE_NESTED_ALL = H_RPTI_TYPE_TLB | H_RPTI_TYPE_PWC | H_RPTI_TYPE_PAT;
/** Page sizes KVM's radix MMU knows, with their H_RPTI_PAGE_* bit (mmu_psize_defs' h_rpt_pgsize). */
const PAGE_SIZES: ReadonlyArray<readonly [bigint, number]> = [
  [1n, 12],
  [2n, 16],
  [4n, 21],
  [8n, 30],
];
/** Pages above which KVM invalidates the whole LPID instead (tlb_range_flush_page_ceiling). */
const FLUSH_CEILING = 33;

/** The hcall from a partition. (A nested guest's own process-scoped one is the L0's too: nested/exits.ts.) */
export function hRptInvalidate(v: HvVcpu, id: bigint, target: bigint, type: bigint, pgSizes: bigint, start: bigint, end: bigint): number {
  const vm = v.vm;
  if (!vm.radix) return U.H_UNSUPPORTED;
  if (BigInt.asUintN(64, end) < BigInt.asUintN(64, start)) return U.H_P5;
  if (type & H_RPTI_TYPE_NESTED) {
    if (!vm.nested) return U.H_FUNCTION;
    if (target !== H_RPTI_TARGET_CMMU) return U.H_P2;
    return invalidatePat(vm.nested, id, type, pgSizes, BigInt.asUintN(64, start), BigInt.asUintN(64, end));
  }
  // Process scope (do_h_rpt_invalidate_prt): the partition's translations on every thread, never less than asked.
  for (const t of vm.vcpus.values()) t.mmu.flushPartition();
  return U.H_SUCCESS;
}

/** do_h_rpt_invalidate_pat: partition-scoped invalidation of a nested guest. */
function invalidatePat(n: NestedHv, lpid: bigint, type: bigint, pgSizes: bigint, start: bigint, end: bigint): number {
  // An LPID the L0 does not know (yet): KVM ignores it (the L1 flushes a new entry before its first H_ENTER_NESTED).
  const g = lpid <= 0xffffffffn ? n.get(Number(lpid), false) : undefined;
  if (!g) return U.H_SUCCESS;
  if ((type & H_RPTI_TYPE_NESTED_ALL) === H_RPTI_TYPE_NESTED_ALL) {
    n.flushAndReload(g);
    return U.H_SUCCESS;
  }
  if (start === 0n && end === 0xffffffffffffffffn) {
    n.flushGuest(g);
    return U.H_SUCCESS;
  }
  if (!(type & H_RPTI_TYPE_TLB)) return U.H_SUCCESS;
  // do_tlb_invalidate_nested_tlb: per page size asked for, each page, or the LPID past the ceiling.
  let ret: number = U.H_P4;
  for (const [bit, shift] of PAGE_SIZES) {
    if (!(pgSizes & bit)) continue;
    const size = 2n ** BigInt(shift);
    if ((end - start) / size > BigInt(FLUSH_CEILING)) {
      n.flushGuest(g);
      return U.H_SUCCESS;
    }
    for (let a = start; ; a += size) {
      const base = a - (a % size);
      if (base < 2n ** 52n) n.invalidateRange(g, Number(base), Number(size));
      ret = U.H_SUCCESS;
      if (a + size >= end) break;
    }
  }
  return ret;
}
