// Hostile nested HV (issue 9's done-when): random H_ENTER_NESTED,
// H_TLB_INVALIDATE, H_SET_PARTITION_TABLE, H_COPY_TOFROM_GUEST and H_RPT_INVALIDATE
// arguments, random hv_guest_state/pt_regs contents, and an L1 that keeps
// rewriting its partition table and partition-scoped trees (entries outside
// its memory, directories pointing at themselves or their parents, many
// nested pages onto one L1 page), with random L2 code. Checked after every
// round: no host exception, the L0's memory for the partition within its
// bounds (live nested guests, shadow entries, rmap, each thread's nested TLB
// sets), every return code architected; at the end, another VM's registers
// and memory untouched. A fixed seed in CI; TSKVM_NESTED_FUZZ=1000000 on
// demand.

import { describe, expect, it } from 'vitest';
import { Kvm } from '../../src/kvm/kvm.js';
import * as U from '../../src/kvm/uapi.js';
import { MAX_LIVE_GUESTS } from '../../src/kvm/ppc/nested/nested-hv.js';
import { MAX_NESTED_CONTEXTS } from '../../src/cpu/ppc64/mmu/mmu.js';
import { HV, I, L2MEM, makeL1, PTBL, RAM, REGS } from '../harness/nested-l1.js';
import { rng } from '../harness/rng.js';

/** Rounds per L1 byte order (3000 in CI). */
const N = Number(process.env.TSKVM_NESTED_FUZZ ?? 3000);

describe('hostile nested HV arguments', () => {
  for (const le of [true, false]) {
    it(`never raise a host exception, never grow the L0 without bound, never touch another VM (${le ? 'little' : 'big'}-endian L1)`, async () => {
      const kvm = new Kvm({ icountShift: 3 });
      // The other VM: some memory and registers to keep.
      const victim = kvm.createVm(U.KVM_VM_PPC_HV);
      const vram = new Uint8Array(1 << 20).fill(0x5a);
      victim.setUserMemoryRegion({ slot: 0, flags: 0, guest_phys_addr: 0, memory_size: vram.length, userspace: vram });
      const vcpu = victim.createVcpu(0);
      const vregs = vcpu.getRegs();
      vregs.gpr[7] = 0x77n;
      vcpu.setRegs(vregs);
      const victimRegs = JSON.stringify(vcpu.getRegs(), (_k, v) => (typeof v === 'bigint' ? v.toString(16) : v));

      const l1 = await makeL1({ kvm, vcpus: 2, le });
      const n = l1.vm.nested!;
      n.maxShadowEntries = 4096;
      l1.vm.enableCap(U.KVM_CAP_PPC_ENABLE_HCALL, [BigInt(U.H_RPT_INVALIDATE), 1n]);
      const next = rng(le ? 0x6e657374n : 0x62656e65n);
      const pick = <T>(a: readonly T[]): T => a[Number(next() % BigInt(a.length))]!;
      // Values: small, within the L1's memory, near the end of it, past it, anything.
      const val = (): bigint => pick([() => next() >> 60n, () => next() % BigInt(RAM), () => BigInt(RAM) - (next() >> 52n), () => BigInt(RAM) + (next() >> 40n), () => next()])();
      const SC1 = I.sc1;
      // L2 code: a mix of loads/stores through r5..r9 (set to random addresses), sc 1, and random words.
      const l2word = (): number => pick([() => I.ld(4, Number(next() % 64n) * 8, 5 + Number(next() % 5n)), () => I.std(4, Number(next() % 64n) * 8, 5 + Number(next() % 5n)), () => SC1, () => Number(next() & 0xffffffffn)])();
        const rcs = new Set<bigint>();
      const traps = new Set<bigint>();
      let broken = 0;
      for (let k = 0; k < N; k++) {
        const op = Number(next() % 9n);
        let rc: bigint | undefined;
        switch (op) {
          case 0:
            // The partition table register: mostly the real one, sometimes anything.
            rc = await l1.call(0, U.H_SET_PARTITION_TABLE, [next() % 4n === 0n ? val() : BigInt(PTBL) | (next() % 6n)]);
            break;
          case 1: {
            // H_TLB_INVALIDATE: RIC/PRS/R and IS biased to the meaningful ones.
            const instr = ((next() % 4n) << 18n) | ((next() % 2n) << 17n) | ((next() % 4n === 0n ? 0n : 1n) << 16n);
            const rb = (next() % 2n === 0n ? (next() % 0x400000n) & ~0xfffn : val()) | ((next() % 4n) << 10n) | ((next() % 8n) << 5n);
            rc = await l1.call(0, U.H_TLB_INVALIDATE, [instr, next() % 8n, rb]);
            break;
          }
          case 2:
            rc = await l1.call(0, U.H_COPY_TOFROM_GUEST, [next() % 8n, next() % 4n, next() % 3n === 0n ? val() : next() % 0x400000n, next() % 2n ? val() : 0n, next() % 2n ? val() : 0n, next() % 3n === 0n ? val() : next() % 0x3000n]);
            break;
          case 8:
            // H_RPT_INVALIDATE: nested and process scopes, any target, sizes and range.
            rc = await l1.call(0, U.H_RPT_INVALIDATE, [next() % 8n, next() % 5n, next() % 16n, next() % 3n === 0n ? next() : next() % 16n, next() % 2n ? val() : next() % 0x400000n, next() % 2n ? val() : next() % 0x400000n]);
            break;
          case 3: {
            // The L1 rewrites its tables: a random doubleword in the partition table or the tree pool.
            const at = next() % 2n === 0n ? PTBL + Number(next() % 0x800n) * 8 : 0x200000 + Number(next() % 0x4000n) * 8;
            const v = pick([() => val(), () => (1n << 63n) | BigInt(at & ~0xfff) | 9n /* a directory pointing at itself */, () => (3n << 62n) | 0x800000n | 0x187n, () => next()])();
            l1.dv.setBigUint64(at, v);
            continue;
          }
          case 4: {
            // Many nested pages onto one L1 page.
            const lpid = 1 + Number(next() % 8n);
            const base = Number(next() % 0x400n) * 0x1000;
            for (let p = 0; p < 64; p++) l1.map(lpid, base + p * 0x1000, pick([0x800000, L2MEM, Number(next() % BigInt(RAM)) & ~0xfff]));
            continue;
          }
          default: {
            // H_ENTER_NESTED: a state with random fields, L2 code of random words, an HDEC soon.
            const lpid = next() % 16n === 0n ? Number(next() % 5000n) : 1 + Number(next() % 8n);
            l1.map(Math.min(lpid, 4095), 0, L2MEM);
            l1.code(0, Array.from({ length: 16 }, l2word));
            const gpr: Record<number, bigint> = {};
            for (let i = 5; i <= 9; i++) gpr[i] = next() % 2n ? next() % 0x400000n : val();
            l1.state({ nip: next() % 4n === 0n ? val() : 0n, msr: next() % 3n === 0n ? next() : 0x8000000000001032n | (le ? 1n : 0n), lpid, token: Number(next() % 3000n), hdec: BigInt(Math.floor(l1.vm.timebase())) + (next() % 20000n), lpcr: next(), pidr: next() % 4n, version: next() % 8n === 0n ? next() % 4n : 2n, gpr });
            // Random bytes over some of hv_guest_state's other fields.
            for (let j = 0; j < 4; j++) l1.dv.setBigUint64(HV + 16 + Number(next() % 28n) * 8, next());
            const hv = next() % 16n === 0n ? val() : BigInt(HV);
            const regs = next() % 16n === 0n ? val() : BigInt(REGS);
            rc = await l1.call(Number(next() % 2n), U.H_ENTER_NESTED, [hv, regs], 300);
            if (rc !== undefined && rc < 0x1000n) traps.add(rc);
          }
        }
        if (rc === undefined) {
          // The L1 broke itself: a nested guest it mapped onto its own code wrote there, or ran long. Repair it, go on.
          broken++;
          if (process.env.TSKVM_FUZZ_TRACE) {
            const v = l1.vcpus[0]!;
            console.log(`round ${k} op ${op}: exit ${v.kvmRun.exit_reason} nr ${v.kvmRun.papr_hcall.get('nr').toString(16)} nested ${l1.vcpus.map((x) => !!x.nestedRun).join(',')} pc ${v.getRegs().pc.toString(16)} r3 ${v.getRegs().gpr[3]!.toString(16)}`);
          }
          l1.repair();
        } else {
          const r = BigInt.asIntN(64, rc);
          // A PAPR return code (0, or -1..-511), or an exit vector.
          expect(r === 0n || (r < 0n && r >= -511n) || (r > 0n && r < 0x1000n && r % 0x20n === 0n) || r === BigInt(U.H_NOT_AVAILABLE), `round ${k} op ${op}: rc ${r}`).toBe(true);
          rcs.add(r);
        }
        // The L0's memory for this partition stays within its bounds.
        expect(n.liveGuests).toBeLessThanOrEqual(MAX_LIVE_GUESTS);
        expect(n.shadowEntries).toBeLessThanOrEqual(n.maxShadowEntries);
        expect(n.rmap.size).toBeLessThanOrEqual(2 * n.maxShadowEntries + 64);
        for (const v of l1.vcpus) expect(v.mmu.nestedContexts).toBeLessThanOrEqual(MAX_NESTED_CONTEXTS);
      }
      if (broken) console.log(`nested fuzz: ${broken} of ${N} rounds left the L1 to repair`);
      // The runs did real work: nested guests ran and exited with several vectors.
      expect(traps.size).toBeGreaterThanOrEqual(3);
      expect(l1.vcpus[0]!.stats.nestedEntries + l1.vcpus[1]!.stats.nestedEntries).toBeGreaterThan(N / 20);
      // The other VM: untouched.
      expect(JSON.stringify(vcpu.getRegs(), (_k, v) => (typeof v === 'bigint' ? v.toString(16) : v))).toBe(victimRegs);
      expect(vram.every((b) => b === 0x5a)).toBe(true);
      expect(victim.nested).toBeUndefined();
    }, Math.max(600_000, N * 5));
  }
});
