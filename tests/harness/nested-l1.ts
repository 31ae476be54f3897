// An L1 hypervisor driven from TypeScript, for the nested-HV tests that QEMU
// cannot be the oracle for (KVM's sanitising, the shadow tables' bookkeeping,
// hostile arguments): a partition with KVM_CAP_PPC_NESTED_HV whose memory
// holds a partition table, the partition-scoped radix tree of its nested
// guest(s), hv_guest_state and pt_regs, and hand-encoded L2 code. The L1
// itself runs three instructions: `sc 1` (the hcall the test set up in
// r3..r5), then `mr r4,r3; li r3,EXIT; sc 1`, which hands H_ENTER_NESTED's
// result to the test as a KVM_EXIT_PAPR_HCALL.

import { Kvm } from '../../src/kvm/kvm.js';
import type { HvVcpu } from '../../src/kvm/ppc/hv-vcpu.js';
import type { HvVm } from '../../src/kvm/ppc/hv-vm.js';
import * as U from '../../src/kvm/uapi.js';

export const RAM = 32 << 20;
export const PTBL = 0x100000; // partition table: PRTS 4 → 2^12 entries (64 KiB)
export const HV = 0x120000; // hv_guest_state
export const REGS = 0x121000; // pt_regs
export const L2MEM = 0x1000000; // L2 real 0.. maps here
export const EXIT = 0x6ee0; // the L1's "done" hcall
const L1CODE = 0x2000;
const POOL0 = 0x200000;
/** The tree pool ends here (the tests' data pages start at 0x800000). */
const POOL_END = 0x7f0000;
export const MSR_SF = 1n << 63n;
export const MSR_ME = 0x1000n;
export const MSR_LE = 1n;

// ---- instruction encodings (the few the L2 programs use) ----
export const I = {
  sc1: 0x44000022,
  ld: (rt: number, ds: number, ra: number) => (58 << 26) | (rt << 21) | (ra << 16) | (ds & 0xfffc),
  std: (rs: number, ds: number, ra: number) => (62 << 26) | (rs << 21) | (ra << 16) | (ds & 0xfffc),
  li: (rt: number, si: number) => (14 << 26) | (rt << 21) | (si & 0xffff),
  mr: (ra: number, rs: number) => (31 << 26) | (rs << 21) | (ra << 16) | (rs << 11) | (444 << 1),
  /** tlbiel RB,RS,RIC,PRS,R */
  tlbiel: (rb: number, rs: number, ric: number, prs: number, r: number) => (31 << 26) | (rs << 21) | (ric << 18) | (prs << 17) | (r << 16) | (rb << 11) | (274 << 1),
  ptesync: 0x7c4004ac,
  b0: 0x48000000, // b .
};

export interface L1 {
  vm: HvVm;
  vcpus: HvVcpu[];
  ram: Uint8Array;
  dv: DataView;
  le: boolean;
  /** Take a table page from the L1's pool (zeroed, aligned). */
  table(bytes: number): number;
  /** Map L2 real `gra` → L1 `l1` in LPID `lpid`'s partition-scoped tree (4K leaves unless shift). */
  map(lpid: number, gra: number, l1: number, bits?: bigint, shift?: 12 | 21): number;
  /** Write the L2's code words at L2 real `gra` (L1 address L2MEM + gra). */
  code(gra: number, words: number[]): void;
  /** hv_guest_state (v2) and pt_regs for an entry at `nip`. */
  state(o: { lpid?: number; token?: number; nip: bigint; msr?: bigint; gpr?: Record<number, bigint>; hdec?: bigint; lpcr?: bigint; pidr?: bigint; version?: bigint }): void;
  /** H_ENTER_NESTED on vCPU `cpu`: runs the L2 to its exit; returns the L1's r3 (the trap or an error). */
  enter(cpu?: number): Promise<bigint>;
  /** An in-core hcall made by the L1 (r4.. = args). */
  hcall(nr: number, ...args: bigint[]): Promise<bigint>;
  /** The same on vCPU `cpu`, stopped by immediate_exit after `watchdogMs`: the L1's r3, or undefined if the L1 did not come back. */
  call(cpu: number, nr: number, args: readonly bigint[], watchdogMs?: number): Promise<bigint | undefined>;
  /** Write the L1's own code again (a nested guest the L1 let write there broke it). */
  repair(): void;
  /** pt_regs word i (gpr i for i < 32; 32 = nip, 33 = msr). */
  reg(i: number): bigint;
  /** hv_guest_state u64 at byte offset off. */
  hv(off: number): bigint;
}

/**
 * An L1 with `n` vCPUs (little-endian unless `le` is false: then its code,
 * its structures and its L2's default code and MSR are big-endian), nested
 * HV on, a partition table of 4096 entries registered.
 */
export async function makeL1(opts: { vcpus?: number; kvm?: Kvm; le?: boolean } = {}): Promise<L1> {
  const kvm = opts.kvm ?? new Kvm({ icountShift: 3 });
  const vm = kvm.createVm(U.KVM_VM_PPC_HV);
  vm.enableCap(U.KVM_CAP_PPC_NESTED_HV, [1n]);
  const ram = new Uint8Array(RAM);
  const dv = new DataView(ram.buffer);
  vm.setUserMemoryRegion({ slot: 0, flags: 0, guest_phys_addr: 0, memory_size: RAM, userspace: ram });
  const vcpus = Array.from({ length: opts.vcpus ?? 1 }, (_, i) => vm.createVcpu(i));
  for (const v of vcpus) v.enableCap(U.KVM_CAP_PPC_PAPR);
  const le = opts.le ?? true;
  const ENDIAN = le ? MSR_LE : 0n;
  if (le) for (const v of vcpus) v.setOneReg(U.KVM_REG_PPC_LPCR_64, 1n << 25n); // ILE: the L1's interrupts little-endian too
  // The L1's code: sc 1 at L1CODE, then hand r3 to the VMM.
  const w32 = (a: number, w: number) => dv.setUint32(a, w >>> 0, le);
  [I.sc1, I.mr(4, 3), I.li(3, EXIT), I.sc1, I.b0].forEach((w, i) => w32(L1CODE + 4 * i, w));
  let pool = POOL0;
  const roots = new Map<number, number>();
  const table = (bytes: number) => {
    pool = Math.ceil(pool / bytes) * bytes;
    const t = pool;
    pool += bytes;
    ram.fill(0, t, t + bytes);
    return t;
  };
  const be = (a: number, v: bigint) => dv.setBigUint64(a, v);
  const root = (lpid: number) => {
    let r = roots.get(lpid);
    if (r === undefined) {
      r = table(8 << 13);
      roots.set(lpid, r);
      // PATE dword 0: HR, RTS = 52 bits, the root, RPDS 13.
      be(PTBL + 16 * lpid, (1n << 63n) | (2n << 61n) | BigInt(r) | (5n << 5n) | 13n);
      be(PTBL + 16 * lpid + 8, 0n);
    }
    return r;
  };
  const l1: L1 = {
    vm,
    vcpus,
    ram,
    dv,
    le,
    table,
    map(lpid, gra, target, bits = 0x100n | 0x80n | 0x7n, shift = 12) {
      // Out of table pages (a fuzz maps a lot): the L1 starts its trees over.
      if (pool > POOL_END - 0x20000) {
        for (const l of roots.keys()) ram.fill(0, PTBL + 16 * l, PTBL + 16 * l + 16);
        roots.clear();
        pool = POOL0;
      }
      let t = root(lpid);
      let size = 52;
      const levels = shift === 21 ? [13, 9, 9] : [13, 9, 9, 9];
      for (let level = 0; level < levels.length; level++) {
        const nls = levels[level]!;
        size -= nls;
        const e = t + (Math.floor(gra / 2 ** size) % 2 ** nls) * 8;
        if (level === levels.length - 1) {
          be(e, (3n << 62n) | BigInt(target - (target % 2 ** shift)) | bits);
          return e;
        }
        const pde = dv.getBigUint64(e);
        const next0 = Number(pde & 0x0fffffffffffff00n);
        // A directory entry that is not one this L1 made (a fuzz scribbled on it): replace it.
        if (!(pde >> 63n) || (pde >> 62n) & 1n || next0 < POOL0 || next0 >= POOL_END || (pde & 0x1fn) !== BigInt(levels[level + 1]!)) {
          const next = table(8 << levels[level + 1]!);
          be(e, (1n << 63n) | BigInt(next) | BigInt(levels[level + 1]!));
        }
        t = Number(dv.getBigUint64(e) & 0x0fffffffffffff00n);
      }
      throw new Error('unreachable');
    },
    code(gra, words) {
      words.forEach((w, i) => w32(L2MEM + gra + 4 * i, w));
    },
    state(o) {
      ram.fill(0, HV, HV + 248);
      ram.fill(0, REGS, REGS + 384);
      const h64 = (off: number, v: bigint) => dv.setBigUint64(HV + off, BigInt.asUintN(64, v), le);
      h64(0, o.version ?? 2n);
      dv.setUint32(HV + 8, o.lpid ?? 1, le);
      dv.setUint32(HV + 12, o.token ?? 0, le);
      h64(16, o.lpcr ?? (le ? 1n << 25n : 0n));
      h64(88, o.hdec ?? 1n << 62n); // hdec_expiry: far away
      h64(208, o.pidr ?? 0n);
      const r64 = (i: number, v: bigint) => dv.setBigUint64(REGS + 8 * i, BigInt.asUintN(64, v), le);
      for (const [i, v] of Object.entries(o.gpr ?? {})) r64(Number(i), v);
      r64(32, o.nip);
      r64(33, o.msr ?? MSR_SF | MSR_ME | ENDIAN);
    },
    async enter(cpu = 0) {
      return l1.hcall(U.H_ENTER_NESTED, BigInt(HV), BigInt(REGS), 0n, 0n, 0n, 0n, 0n, 0n, 0n, BigInt(cpu));
    },
    async hcall(nr, ...args) {
      const r = await l1.call(args.length > 9 ? Number(args[9]) : 0, nr, args.slice(0, 9));
      if (r === undefined) throw new Error('the L1 did not come back');
      return r;
    },
    repair() {
      [I.sc1, I.mr(4, 3), I.li(3, EXIT), I.sc1, I.b0].forEach((w, i) => w32(L1CODE + 4 * i, w));
    },
    async call(cpu, nr, args, watchdogMs) {
      const v = vcpus[cpu]!;
      const regs = v.getRegs();
      regs.pc = BigInt(L1CODE);
      regs.msr = MSR_SF | MSR_ME | ENDIAN;
      regs.gpr[3] = BigInt(nr);
      for (let i = 0; i < 9; i++) regs.gpr[4 + i] = BigInt.asUintN(64, args[i] ?? 0n);
      v.setRegs(regs);
      // The VMM answered the last EXIT hcall: completing it reloads r3..r12 from kvm_run.
      v.kvmRun.papr_hcall.set('ret', regs.gpr[3]!);
      for (let i = 0; i < 9; i++) v.kvmRun.papr_hcall.setArg(i, regs.gpr[4 + i]!);
      const t =
        watchdogMs === undefined
          ? undefined
          : setTimeout(() => {
              if (process.env.TSKVM_FUZZ_TRACE) console.log(`watchdog: vCPU ${cpu} nip ${v.cpu.nipHi.toString(16)}:${(v.cpu.nipLo >>> 0).toString(16)} msr ${v.cpu.msr.toString(16)} nested ${!!v.nestedRun} hdec ${v.nestedRun?.hdecExpiry} tb ${v.nestedRun?.l1Timebase()} stats ${JSON.stringify(v.stats)} waiting ${String((v as unknown as { waiting: boolean }).waiting)} ceded ${v.ceded}`.slice(0, 600));
              v.kvmRun.immediate_exit = 1;
            }, watchdogMs);
      try {
        await v.run();
      } finally {
        clearTimeout(t);
        v.kvmRun.immediate_exit = 0;
      }
      if (v.kvmRun.exit_reason !== U.KVM_EXIT_PAPR_HCALL || v.kvmRun.papr_hcall.get('nr') !== BigInt(EXIT)) return undefined;
      return v.kvmRun.papr_hcall.arg(0);
    },
    reg: (i) => dv.getBigUint64(REGS + 8 * i, le),
    hv: (off) => dv.getBigUint64(HV + off, le),
  };
  // H_SET_PARTITION_TABLE: 2^12 entries (PRTS 4).
  const rc = await l1.hcall(U.H_SET_PARTITION_TABLE, BigInt(PTBL) | 4n);
  if (rc !== 0n) throw new Error(`H_SET_PARTITION_TABLE: ${rc}`);
  return l1;
}
