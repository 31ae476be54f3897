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
import { hvReadSpr, hvWriteSpr, SPR_CFAR, SPR_CIABR, SPR_DAWR0, SPR_DAWRX0, SPR_HFSCR, SPR_IC, SPR_LPCR, SPR_PCR, SPR_PIDR, SPR_PPR, SPR_PURR, SPR_SPRG0, SPR_SPRG1, SPR_SPRG2, SPR_SPRG3, SPR_SPURR, SPR_SRR0, SPR_SRR1, SPR_VTB } from '../../../cpu/ppc64/spr.js';
import { MSR_ME, MSR_LE } from '../../../cpu/ppc64/msr.js';
import { filterLpcr, LPCR_AIL, LPCR_DPFD, LPCR_ILE, LPCR_LD, LPCR_LPES, LPCR_MER, LPCR_TC } from '../lpcr.js';
import { decodeHvGuestState, decodePtRegs, encodeHvGuestState, encodePtRegs, HV_GUEST_STATE_VERSION, hvGuestStateSize, PT_CCR, PT_CTR, PT_LINK, PT_MSR, PT_NIP, PT_REGS_SIZE, PT_XER, readVersion, type HvGuestState } from './guest-state.js';
import type { NestedGuest } from './nested-guest.js';

/** MSR[HV] (bit 3) and the TS field (bits 29:30) in the high word. */
const MSRH_HV = 0x10000000;
const MSRH_TS = 0x00000006;
/** HFSCR[IC], the interrupt cause (bits 0:7), kept when the L1's value is masked. */
export const HFSCR_INTR_CAUSE = 0xff00000000000000n;
/** The facilities the L0 lets the L1 give its guests (KVM's hfscr_permitted on POWER9 without TM; MSGP stays clear: doorbells are emulated). */
const HFSCR_PERMITTED = 0x19fn; // TAR | BHRB | EBB | PM | DSCR | VECVSX | FP
/** DAWRX[HYP] and CIABR's privilege field. */
const DAWRX_HYP = 0x4n;
const CIABR_PRIV = 0x3n;
const CIABR_PRIV_HYPER = 0x3n;
/** NR_CPUS of the L0 kernel (vcpu_token must be below: prev_cpu[] is sized by it). */
export const NESTED_NR_CPUS = 2048;
/** Bits of SRR1/HSRR1 that are the MSR (SRR1_MSR_BITS): the rest are interrupt causes. */
export const SRR1_MSR_BITS = ~0x783f0000n & 0xffffffffffffffffn;

/** The L1 state H_ENTER_NESTED set aside (pt_regs and kvmhv_save_hv_regs' fields, plus what the thread derives from them). */
interface L1State {
  gpr: bigint[];
  nip: bigint;
  msr: bigint;
  ctr: bigint;
  lr: bigint;
  xer: number;
  cr: number;
  lpcr: bigint;
  spr: Map<number, bigint>;
  dawr1: bigint;
  dawrx1: bigint;
  dbell: boolean;
  largeDec: boolean;
}

/** SPRs that hv_guest_state carries (and the L1 gets back after the nested run). */
const HV_SPRS = [SPR_PCR, SPR_HFSCR, SPR_DAWR0, SPR_DAWRX0, SPR_CIABR, SPR_PURR, SPR_SPURR, SPR_IC, SPR_VTB, SPR_SRR0, SPR_SRR1, SPR_SPRG0, SPR_SPRG1, SPR_SPRG2, SPR_SPRG3, SPR_PIDR, SPR_CFAR, SPR_PPR];

/** A nested guest running on a vCPU: what its exit needs. */
export class NestedRun {
  /** The L1's timebase value at which its hypervisor decrementer expires (exit 0x980). */
  readonly hdecExpiry: number;
  /** The L1's timebase source, given back at exit. */
  l1Timebase: () => number = () => 0;
  /** The nested guest's extra timebase offset. */
  readonly tbOffset: number;
  /** The L1's external interrupt line, held while the nested guest runs (it ends the run: exit 0x500). */
  l1External: boolean;
  /** Set by the fault handler before an exit: HDAR, HDSISR, ASDR (HDSI), ASDR (HISI). */
  fault: { hdar: bigint; hdsisr: bigint; asdr: bigint } | undefined;
  /** HEIR for an exit 0xe40; the HFSCR cause for 0xf80. */
  heir = 0n;
  hfscrCause = -1;

  constructor(
    readonly guest: NestedGuest,
    readonly hvPtr: number,
    readonly regsPtr: number,
    readonly le: boolean,
    readonly hv: HvGuestState,
    readonly regs: bigint[],
    readonly l1: L1State,
  ) {
    this.hdecExpiry = Number(BigInt.asIntN(64, hv.hdecExpiry));
    this.tbOffset = Number(BigInt.asIntN(64, hv.tbOffset));
    this.l1External = false;
  }
}

const u = (v: bigint) => BigInt.asUintN(64, v);

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
  const hvPtr = cpu.getGpr(4);
  const regsPtr = cpu.getGpr(5);
  const le = (cpu.msrLo & MSR_LE) !== 0;
  // Read the version first, then the size it implies, then pt_regs (kvmhv_read_guest_state_and_regs).
  if (hvPtr > 0xfffffffffffffn || regsPtr > 0xfffffffffffffn) return U.H_PARAMETER;
  const head = vm.phys.read(Number(hvPtr), 8);
  if (!head) return U.H_PARAMETER;
  const size = hvGuestStateSize(readVersion(head, le));
  if (size < 0) return U.H_PARAMETER;
  const hvBytes = vm.phys.read(Number(hvPtr), size);
  const regBytes = vm.phys.read(Number(regsPtr), PT_REGS_SIZE);
  if (!hvBytes || !regBytes) return U.H_PARAMETER;
  const hv = decodeHvGuestState(hvBytes, le);
  if (hv.version > BigInt(HV_GUEST_STATE_VERSION)) return U.H_P2;
  const regs = decodePtRegs(regBytes, le);
  if (hv.vcpuToken >= NESTED_NR_CPUS) return U.H_PARAMETER;
  // No TM: the nested guest may not be entered transactional or suspended.
  if ((regs[PT_MSR / 8]! >> 32n) & BigInt(MSRH_TS)) return U.H_BAD_MODE;
  const g = nested.get(hv.lpid, true);
  if (!g) return U.H_PARAMETER;
  if (g.pate0 === 0n) nested.readPte(g);

  // Save the L1.
  const l1: L1State = {
    gpr: Array.from({ length: 32 }, (_, i) => cpu.getGpr(i)),
    nip: (BigInt(cpu.nipHi >>> 0) << 32n) | BigInt(cpu.nipLo >>> 0),
    msr: cpu.msr,
    ctr: (BigInt(cpu.ctrHi >>> 0) << 32n) | BigInt(cpu.ctrLo >>> 0),
    lr: (BigInt(cpu.lrHi >>> 0) << 32n) | BigInt(cpu.lrLo >>> 0),
    xer: cpu.getXer(),
    cr: cpu.cr,
    lpcr: hvReadSpr(cpu, SPR_LPCR),
    spr: new Map(HV_SPRS.map((n) => [n, hvReadSpr(cpu, n)])),
    dawr1: v.dawr1,
    dawrx1: v.dawrx1,
    dbell: cpu.dbell,
    largeDec: cpu.largeDec,
  };
  const run = new NestedRun(g, Number(hvPtr), Number(regsPtr), le, hv, regs, l1);
  run.l1External = cpu.extPending;
  nested.enter(g);
  v.nestedRun = run;

  // The nested guest's timebase runs tb_offset ahead of the L1's; its DEC keeps its value.
  const l1Timebase = cpu.timebase;
  run.l1Timebase = l1Timebase;
  cpu.timebase = () => l1Timebase() + run.tbOffset;
  cpu.decBase += run.tbOffset;
  cpu.extPending = false;
  cpu.resValid = false;

  // The L1 may set only DPFD, ILE, TC, AIL, LD, LPES and MER of the nested guest's LPCR (load_l2_hv_regs).
  const mask = LPCR_DPFD | LPCR_ILE | LPCR_TC | LPCR_AIL | LPCR_LD | LPCR_LPES | LPCR_MER;
  const lpcr = filterLpcr((vm.lpcr & ~mask) | (hv.lpcr & mask), true);
  cpu.sprHi[SPR_LPCR] = Number(lpcr >> 32n) | 0;
  cpu.sprLo[SPR_LPCR] = Number(lpcr & 0xffffffffn) | 0;
  cpu.largeDec = (lpcr & LPCR_LD) !== 0n;
  // restore_hv_regs, then the sanitising.
  const set = (n: number, x: bigint) => {
    cpu.sprHi[n] = Number((x >> 32n) & 0xffffffffn) | 0;
    cpu.sprLo[n] = Number(x & 0xffffffffn) | 0;
  };
  set(SPR_PCR, hv.pcr);
  cpu.dbell = (hv.dpdes & 1n) !== 0n;
  set(SPR_HFSCR, hv.hfscr & (HFSCR_INTR_CAUSE | HFSCR_PERMITTED));
  set(SPR_DAWR0, hv.dawr0);
  set(SPR_DAWRX0, hv.dawrx0 & ~DAWRX_HYP);
  v.dawr1 = hv.dawr1;
  v.dawrx1 = hv.dawrx1 & ~DAWRX_HYP;
  set(SPR_CIABR, (hv.ciabr & CIABR_PRIV) === CIABR_PRIV_HYPER ? hv.ciabr & ~CIABR_PRIV : hv.ciabr);
  set(SPR_PURR, hv.purr);
  set(SPR_SPURR, hv.spurr);
  set(SPR_IC, hv.ic);
  set(SPR_VTB, hv.vtb);
  set(SPR_SRR0, hv.srr0);
  set(SPR_SRR1, hv.srr1);
  [SPR_SPRG0, SPR_SPRG1, SPR_SPRG2, SPR_SPRG3].forEach((n, i) => set(n, hv.sprg[i]!));
  set(SPR_PIDR, hv.pidr & 0xffffffffn);
  set(SPR_CFAR, hv.cfar);
  hvWriteSpr(cpu, SPR_PPR, hv.ppr);
  // pt_regs.
  for (let i = 0; i < 32; i++) cpu.setGpr(i, regs[i]!);
  const nip = regs[PT_NIP / 8]!;
  cpu.nipHi = Number(nip >> 32n) | 0;
  cpu.nipLo = Number(nip & 0xfffffffcn) | 0;
  cpu.ctrHi = Number(regs[PT_CTR / 8]! >> 32n) | 0;
  cpu.ctrLo = Number(regs[PT_CTR / 8]! & 0xffffffffn) | 0;
  cpu.lrHi = Number(regs[PT_LINK / 8]! >> 32n) | 0;
  cpu.lrLo = Number(regs[PT_LINK / 8]! & 0xffffffffn) | 0;
  cpu.setXer(Number(regs[PT_XER / 8]! & 0xffffffffn));
  cpu.cr = Number(regs[PT_CCR / 8]! & 0xffffffffn) | 0;

  // Its translation: the nested guest's TLB sets on this thread, flushed
  // first if its vCPU last ran on another thread where it may have left
  // entries a tlbiel elsewhere did not reach (kvmppc_prepare_radix_vcpu).
  const prev = g.prevCpu.get(hv.vcpuToken);
  if (prev !== v.id) {
    if (prev !== undefined) g.needTlbFlush.add(prev);
    g.prevCpu.set(hv.vcpuToken, v.id);
  }
  if (g.needTlbFlush.delete(v.id)) v.mmu.flushNested(g);
  v.mmu.enterNested(g, g, g.pate1);
  // Always ME, never HV (the nested guest is a partition).
  const msr = (regs[PT_MSR / 8]! | BigInt(MSR_ME)) & ~(BigInt(MSRH_HV) << 32n);
  cpu.msr = msr;
  v.stats.nestedEntries++;
  return undefined;
}

/**
 * Leave the nested guest with exit vector `trap` (0: none, the L1 just runs
 * again): its state goes back to the L1's memory, the L1's into the thread,
 * and the L1's r3 is the vector — or H_AUTHORITY if the write failed.
 */
export function exitNested(v: HvVcpu, trap: number, nipMsr?: { nip: bigint; msr: bigint }): void {
  const run = v.nestedRun!;
  const vm = v.vm;
  const cpu = v.cpu;
  const hv = run.hv;
  const l1 = run.l1;
  v.nestedRun = undefined;
  v.mmu.leaveNested();
  vm.nested!.leave(run.guest);

  // save_hv_return_state.
  const get = (n: number) => hvReadSpr(cpu, n);
  const purr0 = hv.purr;
  const spurr0 = hv.spurr;
  const ic0 = hv.ic;
  const vtb0 = hv.vtb;
  hv.dpdes = cpu.dbell ? 1n : 0n;
  hv.purr = get(SPR_PURR);
  hv.spurr = get(SPR_SPURR);
  hv.ic = get(SPR_IC);
  hv.vtb = get(SPR_VTB);
  hv.srr0 = get(SPR_SRR0);
  hv.srr1 = get(SPR_SRR1);
  hv.sprg = [get(SPR_SPRG0), get(SPR_SPRG1), get(SPR_SPRG2), get(SPR_SPRG3)];
  hv.pidr = get(SPR_PIDR);
  hv.cfar = get(SPR_CFAR);
  hv.ppr = get(SPR_PPR);
  if (run.fault && (trap === 0xe00 || trap === 0xe20)) {
    if (trap === 0xe00) {
      hv.hdar = run.fault.hdar;
      hv.hdsisr = run.fault.hdsisr;
    }
    hv.asdr = run.fault.asdr;
  } else if (trap === 0xf80 && run.hfscrCause >= 0) hv.hfscr = (hv.hfscr & ~HFSCR_INTR_CAUSE) | (BigInt(run.hfscrCause) << 56n);
  else if (trap === 0xe40) hv.heir = run.heir;
  const regs = run.regs;
  for (let i = 0; i < 32; i++) regs[i] = cpu.getGpr(i);
  regs[PT_NIP / 8] = nipMsr ? nipMsr.nip : (BigInt(cpu.nipHi >>> 0) << 32n) | BigInt(cpu.nipLo >>> 0);
  regs[PT_MSR / 8] = nipMsr ? nipMsr.msr : cpu.msr;
  regs[PT_CTR / 8] = (BigInt(cpu.ctrHi >>> 0) << 32n) | BigInt(cpu.ctrLo >>> 0);
  regs[PT_LINK / 8] = (BigInt(cpu.lrHi >>> 0) << 32n) | BigInt(cpu.lrLo >>> 0);
  regs[PT_XER / 8] = BigInt(cpu.getXer() >>> 0);
  regs[PT_CCR / 8] = BigInt(cpu.cr >>> 0);

  // The L1 again: its timebase, DEC, external line and registers; PURR/SPURR/IC/VTB gain what the nested guest used.
  const l1Ext = run.l1External;
  cpu.decBase -= run.tbOffset;
  cpu.timebase = run.l1Timebase;
  cpu.resValid = false;
  cpu.sprHi[SPR_LPCR] = Number(l1.lpcr >> 32n) | 0;
  cpu.sprLo[SPR_LPCR] = Number(l1.lpcr & 0xffffffffn) | 0;
  cpu.largeDec = l1.largeDec;
  cpu.dbell = l1.dbell;
  for (const [n, x] of l1.spr) {
    cpu.sprHi[n] = Number((x >> 32n) & 0xffffffffn) | 0;
    cpu.sprLo[n] = Number(x & 0xffffffffn) | 0;
  }
  hvWriteSpr(cpu, SPR_PPR, l1.spr.get(SPR_PPR)!);
  const add = (n: number, d: bigint) => hvWriteSpr(cpu, n, u(l1.spr.get(n)! + d));
  add(SPR_PURR, hv.purr - purr0);
  add(SPR_SPURR, hv.spurr - spurr0);
  add(SPR_IC, hv.ic - ic0);
  add(SPR_VTB, hv.vtb - vtb0);
  v.dawr1 = l1.dawr1;
  v.dawrx1 = l1.dawrx1;
  l1.gpr.forEach((x, i) => cpu.setGpr(i, x));
  cpu.nipHi = Number(l1.nip >> 32n) | 0;
  cpu.nipLo = Number(l1.nip & 0xffffffffn) | 0;
  cpu.ctrHi = Number(l1.ctr >> 32n) | 0;
  cpu.ctrLo = Number(l1.ctr & 0xffffffffn) | 0;
  cpu.lrHi = Number(l1.lr >> 32n) | 0;
  cpu.lrLo = Number(l1.lr & 0xffffffffn) | 0;
  cpu.setXer(l1.xer);
  cpu.cr = l1.cr;
  cpu.msr = l1.msr;
  cpu.extPending = l1Ext;

  // Write both structures back in the L1's byte order; a failed write is H_AUTHORITY.
  const size = hvGuestStateSize(hv.version);
  const ok = vm.phys.write(run.hvPtr, encodeHvGuestState(hv, size, run.le)) && vm.phys.write(run.regsPtr, encodePtRegs(regs, run.le));
  cpu.setGpr(3, ok ? BigInt(trap) : u(BigInt(U.H_AUTHORITY)));
  v.stats.nestedExits++;
}
