// H_ENTER_NESTED on one vCPU (kvmhv_enter_nested_guest): read the nested
// guest's state from the L1's memory, keep the L1's, load the nested
// guest's into the thread with the sanitising rules, and run it in the
// vCPU's own KVM_RUN loop (hv-vcpu.ts) until something the L1 must see;
// then write the nested guest's state back, give the L1 its state again,
// and return the exit vector in the L1's r3.
//
// What is not in the two structures (FP/VMX/VSX, DEC, DAR, DSISR, AMR,
// DSCR, TAR, PSSCR's guest part…) is "live": the L1 loads it before the
// hcall and reads it after, and the L0 leaves it alone — in the CPU state
// both guests share.

import * as U from '../../uapi.js';
import type { HvVcpu } from '../hv-vcpu.js';
import type { CpuState } from '../../../cpu/ppc64/state.js';
import { SPR_CFAR, SPR_CIABR, SPR_DAWR0, SPR_DAWRX0, SPR_HFSCR, SPR_IC, SPR_LPCR, SPR_PCR, SPR_PIDR, SPR_PURR, SPR_SPRG0, SPR_SPRG1, SPR_SPRG2, SPR_SPRG3, SPR_SPURR, SPR_SRR0, SPR_SRR1, SPR_VTB } from '../../../cpu/ppc64/spr.js';
import { MSR_ME, MSR_LE } from '../../../cpu/ppc64/msr.js';
import { HV, hvGuestStateSize, HV_GUEST_STATE_VERSION, PT, PT_REGS_SIZE, U64Fields } from './guest-state.js';
import type { NestedGuest } from './nested-guest.js';

/** MSR[HV] (bit 3) and the TS field (bits 29:30) in the high word. */
const MSRH_HV = 0x10000000;
const MSRH_TS = 0x00000006;
/** HFSCR[IC], the interrupt cause (bits 0:7), kept when the L1's value is masked (high word). */
const HFSCR_IC_HI = 0xff000000 | 0;
/** The facilities the L0 lets the L1 give its guests (KVM's hfscr_permitted on POWER9 without TM; MSGP stays clear: doorbells are emulated). */
const HFSCR_PERMITTED_LO = 0x19f; // TAR | BHRB | EBB | PM | DSCR | VECVSX | FP
/** DAWRX[HYP] and CIABR's privilege field (low words). */
const DAWRX_HYP = 0x4;
const CIABR_PRIV = 0x3;
/** The LPCR bits an L1 may set for its guest (load_l2_hv_regs): DPFD (high word); ILE, TC, AIL, LD, LPES, MER (low). */
const L1_LPCR_HI = 0x00700000;
const L1_LPCR_LO = 0x02000000 | 0x200 | 0x01800000 | 0x20000 | 0x8 | 0x800;
const LPCR_AIL_LO = 0x01800000;
const LPCR_TC_LO = 0x200;
const LPCR_LD_LO = 0x20000;
/** NR_CPUS of the L0 kernel (vcpu_token must be below: prev_cpu[] is sized by it). */
export const NESTED_NR_CPUS = 2048;
/** Bits of SRR1/HSRR1 that are interrupt causes, not the MSR (~SRR1_MSR_BITS), low word. */
export const SRR1_CAUSE_LO = 0x783f0000;

/** SPRs hv_guest_state carries (restore_hv_regs) and the L1 gets back after the nested run (storage SPRs). */
const HV_SPRS = [SPR_PCR, SPR_HFSCR, SPR_DAWR0, SPR_DAWRX0, SPR_CIABR, SPR_PURR, SPR_SPURR, SPR_IC, SPR_VTB, SPR_SRR0, SPR_SRR1, SPR_SPRG0, SPR_SPRG1, SPR_SPRG2, SPR_SPRG3, SPR_PIDR, SPR_CFAR];

/** The L1's state H_ENTER_NESTED set aside (pt_regs and kvmhv_save_hv_regs' fields, plus what the thread derives from them), as int32 halves. */
class L1State {
  readonly gprHi = new Int32Array(32);
  readonly gprLo = new Int32Array(32);
  /** nip, msr, ctr, lr, ppr, lpcr, dawr1, dawrx1 as hi/lo pairs; then the HV_SPRS. */
  readonly w = new Int32Array(2 * (8 + HV_SPRS.length));
  xer = 0;
  cr = 0;
  dbell = false;
  largeDec = false;
}

/** A nested guest running on a vCPU: what its exit needs. */
export class NestedRun {
  /** The L1's timebase value at which its hypervisor decrementer expires (exit 0x980). */
  readonly hdecExpiry: number;
  /** The nested guest's extra timebase offset. */
  readonly tbOffset: number;
  /** The L1's timebase source, given back at exit. */
  readonly l1Timebase: () => number;
  /** The L1's external interrupt line, held while the nested guest runs (it ends the run: r3 = 0). */
  l1External = false;
  /** Set by the fault handler before an exit: HDAR, HDSISR, ASDR (HDSI), ASDR (HISI). */
  fault: { hdar: bigint; hdsisr: number; asdr: number } | undefined;
  /** HEIR for an exit 0xe40. */
  heir = 0;
  readonly l1 = new L1State();
  /** Where the L2's original PURR/SPURR/IC/VTB were (for the L1's deltas). */
  readonly entry = new Int32Array(8);

  constructor(
    readonly guest: NestedGuest,
    readonly hvPtr: number,
    readonly regsPtr: number,
    /** hv_guest_state and pt_regs as the L1 passed them (the L1's byte order), updated and written back at exit. */
    readonly hv: U64Fields,
    readonly regs: U64Fields,
    l1Timebase: () => number,
  ) {
    this.l1Timebase = l1Timebase;
    this.hdecExpiry = hv.signed(HV.hdecExpiry);
    this.tbOffset = hv.signed(HV.tbOffset);
  }
}

function pair(a: Int32Array, i: number, hi: number, lo: number): void {
  a[2 * i] = hi;
  a[2 * i + 1] = lo;
}

// Module-level helpers and tables, not closures made per entry: an entry
// and exit happen on every L2 round trip (bench:nested).

/** SPR n = hv_guest_state's doubleword at off. */
function setSpr(cpu: CpuState, hv: U64Fields, n: number, off: number): void {
  cpu.sprHi[n] = hv.hi(off);
  cpu.sprLo[n] = hv.lo(off);
}

/** hv_guest_state's doubleword at off = SPR n. */
function putSpr(cpu: CpuState, hv: U64Fields, off: number, n: number): void {
  hv.set(off, cpu.sprHi[n]!, cpu.sprLo[n]!);
}

/** The counters the nested guest carries (hv_guest_state offset, SPR): the L1 gets their advance back. */
const COUNTERS: ReadonlyArray<readonly [number, number]> = [
  [HV.purr, SPR_PURR],
  [HV.spurr, SPR_SPURR],
  [HV.ic, SPR_IC],
  [HV.vtb, SPR_VTB],
];
const SPRGS = [SPR_SPRG0, SPR_SPRG1, SPR_SPRG2, SPR_SPRG3];

/**
 * H_ENTER_NESTED: check and read the arguments, switch the vCPU to the
 * nested guest. Returns the hcall's error, or undefined when the nested
 * guest now runs (the L1's r3 is written when it exits).
 */
export function enterNested(v: HvVcpu): number | undefined {
  const vm = v.vm;
  const nested = vm.nested!;
  const cpu = v.cpu;
  if (nested.ptcr === 0n) return U.H_NOT_AVAILABLE;
  if (cpu.msrHi & MSRH_TS) return U.H_BAD_MODE; // TM: the L1 transactional or suspended (no TM here)
  const hvPtr = cpu.gprNum(4);
  const regsPtr = cpu.gprNum(5);
  const le = (cpu.msrLo & MSR_LE) !== 0;
  // Read the version first, then the size it implies, then pt_regs (kvmhv_read_guest_state_and_regs).
  const head = vm.phys.read(hvPtr, 8);
  if (!head) return U.H_PARAMETER;
  const ver = new U64Fields(head, le);
  const size = hvGuestStateSize(ver.hi(0), ver.lo(0));
  if (size < 0) return U.H_PARAMETER;
  const hvBytes = vm.phys.read(hvPtr, size);
  const regBytes = vm.phys.read(regsPtr, PT_REGS_SIZE);
  if (!hvBytes || !regBytes) return U.H_PARAMETER;
  const hv = new U64Fields(hvBytes, le);
  const regs = new U64Fields(regBytes, le);
  if (ver.lo(0) > HV_GUEST_STATE_VERSION) return U.H_P2;
  const token = hv.u32(HV.vcpuToken);
  if (token >= NESTED_NR_CPUS) return U.H_PARAMETER;
  // No TM: the nested guest may not be entered transactional or suspended.
  if (regs.hi(PT.msr) & MSRH_TS) return U.H_BAD_MODE;
  const g = nested.get(hv.u32(HV.lpid), true);
  if (!g) return U.H_PARAMETER;
  if (g.pate0 === 0n) nested.readPte(g);

  // Save the L1.
  const run = new NestedRun(g, hvPtr, regsPtr, hv, regs, cpu.timebase);
  const l1 = run.l1;
  l1.gprHi.set(cpu.gprHi);
  l1.gprLo.set(cpu.gprLo);
  const w = l1.w;
  pair(w, 0, cpu.nipHi, cpu.nipLo);
  pair(w, 1, cpu.msrHi, cpu.msrLo);
  pair(w, 2, cpu.ctrHi, cpu.ctrLo);
  pair(w, 3, cpu.lrHi, cpu.lrLo);
  pair(w, 4, cpu.pprHi, cpu.pprLo);
  pair(w, 5, cpu.sprHi[SPR_LPCR]!, cpu.sprLo[SPR_LPCR]!);
  pair(w, 6, v.dawr1Hi, v.dawr1Lo);
  pair(w, 7, v.dawrx1Hi, v.dawrx1Lo);
  for (let i = 0; i < HV_SPRS.length; i++) pair(w, 8 + i, cpu.sprHi[HV_SPRS[i]!]!, cpu.sprLo[HV_SPRS[i]!]!);
  l1.xer = cpu.getXer();
  l1.cr = cpu.cr;
  l1.dbell = cpu.dbell;
  l1.largeDec = cpu.largeDec;
  run.l1External = cpu.extPending;
  nested.enter(g);
  v.nestedRun = run;

  // The nested guest's timebase runs tb_offset ahead of the L1's; its DEC keeps its value.
  const l1Timebase = run.l1Timebase;
  cpu.timebase = () => l1Timebase() + run.tbOffset;
  cpu.decBase += run.tbOffset;
  cpu.extPending = false;
  cpu.resValid = false;

  // LPCR: the L1 sets only DPFD, ILE, TC, AIL, LD, LPES, MER; then AIL 0 or 3 and no TC (kvmppc_filter_lpcr_hv, radix).
  let lpcrLo = ((Number(vm.lpcr & 0xffffffffn) | 0) & ~L1_LPCR_LO) | (hv.lo(HV.lpcr) & L1_LPCR_LO);
  const lpcrHi = ((Number(vm.lpcr >> 32n) | 0) & ~L1_LPCR_HI) | (hv.hi(HV.lpcr) & L1_LPCR_HI);
  if ((lpcrLo & LPCR_AIL_LO) !== LPCR_AIL_LO) lpcrLo &= ~LPCR_AIL_LO;
  lpcrLo &= ~LPCR_TC_LO;
  cpu.sprHi[SPR_LPCR] = lpcrHi;
  cpu.sprLo[SPR_LPCR] = lpcrLo;
  cpu.largeDec = (lpcrLo & LPCR_LD_LO) !== 0;
  // restore_hv_regs, then the sanitising.
  setSpr(cpu, hv, SPR_PCR, HV.pcr);
  cpu.dbell = (hv.lo(HV.dpdes) & 1) !== 0;
  cpu.sprHi[SPR_HFSCR] = hv.hi(HV.hfscr) & HFSCR_IC_HI;
  cpu.sprLo[SPR_HFSCR] = hv.lo(HV.hfscr) & HFSCR_PERMITTED_LO;
  setSpr(cpu, hv, SPR_DAWR0, HV.dawr0);
  setSpr(cpu, hv, SPR_DAWRX0, HV.dawrx0);
  cpu.sprLo[SPR_DAWRX0] &= ~DAWRX_HYP;
  v.dawr1Hi = hv.hi(HV.dawr1);
  v.dawr1Lo = hv.lo(HV.dawr1);
  v.dawrx1Hi = hv.hi(HV.dawrx1);
  v.dawrx1Lo = hv.lo(HV.dawrx1) & ~DAWRX_HYP;
  setSpr(cpu, hv, SPR_CIABR, HV.ciabr);
  if ((cpu.sprLo[SPR_CIABR]! & CIABR_PRIV) === CIABR_PRIV) cpu.sprLo[SPR_CIABR]! &= ~CIABR_PRIV;
  for (let i = 0; i < COUNTERS.length; i++) {
    const [off, n] = COUNTERS[i]!;
    setSpr(cpu, hv, n, off);
    pair(run.entry, i, hv.hi(off), hv.lo(off));
  }
  setSpr(cpu, hv, SPR_SRR0, HV.srr0);
  setSpr(cpu, hv, SPR_SRR1, HV.srr1);
  for (let i = 0; i < SPRGS.length; i++) setSpr(cpu, hv, SPRGS[i]!, HV.sprg0 + 8 * i);
  cpu.sprHi[SPR_PIDR] = 0;
  cpu.sprLo[SPR_PIDR] = hv.lo(HV.pidr);
  setSpr(cpu, hv, SPR_CFAR, HV.cfar);
  cpu.pprHi = hv.hi(HV.ppr);
  cpu.pprLo = hv.lo(HV.ppr);
  // pt_regs.
  for (let i = 0; i < 32; i++) {
    cpu.gprHi[i] = regs.hi(8 * i);
    cpu.gprLo[i] = regs.lo(8 * i);
  }
  cpu.nipHi = regs.hi(PT.nip);
  cpu.nipLo = regs.lo(PT.nip) & ~3;
  cpu.ctrHi = regs.hi(PT.ctr);
  cpu.ctrLo = regs.lo(PT.ctr);
  cpu.lrHi = regs.hi(PT.link);
  cpu.lrLo = regs.lo(PT.link);
  cpu.setXer(regs.lo(PT.xer));
  cpu.cr = regs.lo(PT.ccr);

  // Its translation: the nested guest's TLB sets on this thread, flushed
  // first if its vCPU last ran on another thread where it may have left
  // entries a tlbiel elsewhere did not reach (kvmppc_prepare_radix_vcpu).
  const prev = g.prevCpu.get(token);
  if (prev !== v.id) {
    if (prev !== undefined) g.needTlbFlush.add(prev);
    g.prevCpu.set(token, v.id);
  }
  if (g.needTlbFlush.delete(v.id)) v.mmu.flushNested(g);
  v.mmu.enterNested(g, g, g.pate1);
  // Always ME, never HV (the nested guest is a partition).
  cpu.setMsr(regs.hi(PT.msr) & ~MSRH_HV, regs.lo(PT.msr) | MSR_ME);
  v.stats.nestedEntries++;
  return undefined;
}

/**
 * Leave the nested guest with exit vector `trap` (0: none, the L1 just runs
 * again): its state goes back to the L1's memory, the L1's into the thread,
 * and the L1's r3 is the vector — or H_AUTHORITY if the write failed.
 * `msrCause` goes into the cause bits of the MSR pt_regs returns (an HISI's, as KVM reports them).
 */
export function exitNested(v: HvVcpu, trap: number, msrCause = 0): void {
  const run = v.nestedRun!;
  const vm = v.vm;
  const cpu = v.cpu;
  const hv = run.hv;
  const regs = run.regs;
  const l1 = run.l1;
  const w = l1.w;
  v.nestedRun = undefined;
  v.mmu.leaveNested();
  vm.nested!.leave(run.guest);

  // save_hv_return_state.
  hv.set(HV.dpdes, 0, cpu.dbell ? 1 : 0);
  for (const [off, n] of COUNTERS) putSpr(cpu, hv, off, n);
  putSpr(cpu, hv, HV.srr0, SPR_SRR0);
  putSpr(cpu, hv, HV.srr1, SPR_SRR1);
  for (let i = 0; i < SPRGS.length; i++) putSpr(cpu, hv, HV.sprg0 + 8 * i, SPRGS[i]!);
  putSpr(cpu, hv, HV.pidr, SPR_PIDR);
  putSpr(cpu, hv, HV.cfar, SPR_CFAR);
  hv.set(HV.ppr, cpu.pprHi, cpu.pprLo);
  if (run.fault && (trap === 0xe00 || trap === 0xe20)) {
    if (trap === 0xe00) {
      hv.set(HV.hdar, Number(run.fault.hdar >> 32n) | 0, Number(run.fault.hdar & 0xffffffffn) | 0);
      hv.set(HV.hdsisr, 0, run.fault.hdsisr);
    }
    hv.set(HV.asdr, Math.floor(run.fault.asdr / 4294967296) | 0, run.fault.asdr % 4294967296 | 0);
  } else if (trap === 0xe40) hv.set(HV.heir, 0, run.heir);
  for (let i = 0; i < 32; i++) regs.set(8 * i, cpu.gprHi[i]!, cpu.gprLo[i]!);
  regs.set(PT.nip, cpu.nipHi, cpu.nipLo);
  regs.set(PT.msr, cpu.msrHi, (cpu.msrLo & ~SRR1_CAUSE_LO) | msrCause);
  regs.set(PT.ctr, cpu.ctrHi, cpu.ctrLo);
  regs.set(PT.link, cpu.lrHi, cpu.lrLo);
  regs.set(PT.xer, 0, cpu.getXer());
  regs.set(PT.ccr, 0, cpu.cr);

  // The L1 again: its timebase, DEC, external line and registers; PURR/SPURR/IC/VTB gain what the nested guest used.
  cpu.decBase -= run.tbOffset;
  cpu.timebase = run.l1Timebase;
  cpu.resValid = false;
  cpu.sprHi[SPR_LPCR] = w[10]!;
  cpu.sprLo[SPR_LPCR] = w[11]!;
  cpu.largeDec = l1.largeDec;
  cpu.dbell = l1.dbell;
  for (let i = 0; i < HV_SPRS.length; i++) {
    cpu.sprHi[HV_SPRS[i]!] = w[2 * (8 + i)]!;
    cpu.sprLo[HV_SPRS[i]!] = w[2 * (8 + i) + 1]!;
  }
  // PURR, SPURR, IC, VTB: the L1's value plus what the nested guest's advanced (none of them counts here; an L2 cannot write them).
  const e = run.entry;
  for (let i = 0; i < COUNTERS.length; i++) {
    const [off, n] = COUNTERS[i]!;
    if (hv.hi(off) === e[2 * i] && hv.lo(off) === e[2 * i + 1]) continue;
    const d = BigInt.asUintN(64, hv.big(off) - ((BigInt(e[2 * i]! >>> 0) << 32n) | BigInt(e[2 * i + 1]! >>> 0)));
    const u = BigInt.asUintN(64, ((BigInt(cpu.sprHi[n]! >>> 0) << 32n) | BigInt(cpu.sprLo[n]! >>> 0)) + d);
    cpu.sprHi[n] = Number(u >> 32n) | 0;
    cpu.sprLo[n] = Number(u & 0xffffffffn) | 0;
  }
  v.dawr1Hi = w[12]!;
  v.dawr1Lo = w[13]!;
  v.dawrx1Hi = w[14]!;
  v.dawrx1Lo = w[15]!;
  cpu.gprHi.set(l1.gprHi);
  cpu.gprLo.set(l1.gprLo);
  cpu.nipHi = w[0]!;
  cpu.nipLo = w[1]!;
  cpu.ctrHi = w[4]!;
  cpu.ctrLo = w[5]!;
  cpu.lrHi = w[6]!;
  cpu.lrLo = w[7]!;
  cpu.pprHi = w[8]!;
  cpu.pprLo = w[9]!;
  cpu.setXer(l1.xer);
  cpu.cr = l1.cr;
  cpu.setMsr(w[2]!, w[3]!);
  cpu.extPending = run.l1External;

  // Write both structures back in the L1's byte order; a failed write is H_AUTHORITY.
  const ok = vm.phys.write(run.hvPtr, hv.bytes) && vm.phys.write(run.regsPtr, regs.bytes);
  if (ok) {
    cpu.gprHi[3] = 0;
    cpu.gprLo[3] = trap;
  } else cpu.setGpr(3, BigInt.asUintN(64, BigInt(U.H_AUTHORITY)));
  v.stats.nestedExits++;
}
