// H_COPY_TOFROM_GUEST (kvmhv_copy_tofrom_guest_nested): the L1 reads or
// writes its nested guest's memory by effective address — how kvm-hv in an
// L1 fetches the instruction of an MMIO access it emulates. KVM does the
// access with the hardware, under the nested guest's shadow LPID and the
// given PID (quadrant 1, or 2 for PID 0), so it reaches only what the
// shadow table maps: here the same, in software — the nested guest's
// process-scoped walk and then its shadow entries, no faults taken.
//
// r4 = the L1's LPID of the guest, r5 = PID, r6 = EA (top 12 bits clear),
// r7 = to (an L1 real address: a load from the guest), r8 = from (a store
// into it; used when r7 is 0), r9 = bytes.

import * as U from '../../uapi.js';
import type { HvVm } from '../hv-vm.js';
import { ACCESS_READ, ACCESS_WRITE } from '../../../cpu/ppc64/mmu/hash.js';
import { radixTranslate, type RadixWalkState, type TableMemory } from '../../../cpu/ppc64/mmu/radix.js';
import type { NestedGuest } from './nested-guest.js';

/** The largest copy the L0 buffers (kzalloc's limit in KVM: H_NO_MEM above). */
export const COPY_MAX = 4 << 20;

/** Thrown inside a walk when the shadow table does not map a table page. */
class NotMapped extends Error {}

/** The nested guest's memory through its shadow entries only (its tables as the hardware reads them). */
function shadowTables(vm: HvVm, g: NestedGuest): TableMemory & { hi: number } {
  const mem = {
    hi: 0,
    load64(gra: number): number | undefined {
      const l1 = shadowAddr(g, gra, ACCESS_READ);
      const b = vm.phys.read(l1, 8);
      if (!b) return undefined;
      const v = new DataView(b.buffer, b.byteOffset, 8);
      mem.hi = v.getInt32(0);
      return v.getInt32(4);
    },
    store64(gra: number, hi: number, lo: number): void {
      const b = new Uint8Array(8);
      const v = new DataView(b.buffer);
      v.setInt32(0, hi);
      v.setInt32(4, lo);
      vm.phys.write(shadowAddr(g, gra, ACCESS_WRITE), b);
    },
  };
  return mem;
}

/** L1 address of nested guest real address `gra` through the shadow table, or NotMapped. */
function shadowAddr(g: NestedGuest, gra: number, access: number): number {
  try {
    return g.translate(gra, access, true, 0, 0);
  } catch {
    throw new NotMapped();
  }
}

export function copyToFromGuest(vm: HvVm, lpid: bigint, pid: bigint, ea: bigint, to: bigint, from: bigint, n: bigint): number {
  if (to !== 0n && from !== 0n) return U.H_PARAMETER;
  if (ea >> 52n) return U.H_PARAMETER;
  if (n > BigInt(COPY_MAX)) return U.H_NO_MEM;
  const g = lpid <= 0xffffffffn ? vm.nested!.get(Number(lpid), false) : undefined;
  if (!g) return U.H_PARAMETER;
  const load = to !== 0n;
  const len = Number(n);
  const st: RadixWalkState = {
    mem: shadowTables(vm, g),
    prtb: Number(g.pate1 & 0x0ffffffffffff000n),
    prtbSize: 2 ** (Number(g.pate1 & 0x1fn) + 12),
    pid: Number(pid & 0xffffffffn),
    pr: false,
    amrKey0: 0,
    iamrKey0: 0,
  };
  // Quadrant 0 with the PID (KVM's quadrant 1), or quadrant 3 for PID 0 (quadrant 2).
  const quadrantHi = pid === 0n ? 0xc0000000 | 0 : 0;
  const base = Number(ea);
  const buf = load ? new Uint8Array(len) : vm.phys.read(Number(from), len);
  if (!buf) return U.H_NOT_FOUND;
  try {
    for (let done = 0; done < len; ) {
      const a = base + done;
      const chunk = Math.min(len - done, 4096 - (a % 4096));
      const r = radixTranslate(st, quadrantHi | Math.floor(a / 4294967296), a % 4294967296 | 0, load ? ACCESS_READ : ACCESS_WRITE);
      if (r.fault !== 0) return U.H_NOT_FOUND;
      const l1 = shadowAddr(g, r.gpa, load ? ACCESS_READ : ACCESS_WRITE);
      if (load) {
        const b = vm.phys.read(l1, chunk);
        if (!b) return U.H_NOT_FOUND;
        buf.set(b, done);
      } else if (!vm.writeMemory(l1, buf.subarray(done, done + chunk))) return U.H_NOT_FOUND;
      done += chunk;
    }
  } catch (e) {
    if (e instanceof NotMapped) return U.H_NOT_FOUND;
    throw e;
  }
  if (load && !vm.writeMemory(Number(to), buf)) return U.H_NOT_FOUND;
  return U.H_SUCCESS;
}
