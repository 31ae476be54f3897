// vCPU register access for the VMM: KVM_GET/SET_REGS (struct kvm_regs),
// KVM_GET/SET_SREGS (Book3S: PVR), KVM_GET/SET_FPU and KVM_GET/SET_ONE_REG
// with KVM_REG_PPC_* ids. Values are BigInts (u64), U128 registers
// Uint8Arrays of 16 bytes, most significant first.

import type { CpuState } from '../../cpu/ppc64/state.js';
import { hvReadSpr, hvWriteSpr, POWER9_PVR, PSSCR_GUEST_VIS, SPR_AMR, SPR_CIABR, SPR_DAR, SPR_DAWR0, SPR_DAWRX0, SPR_DPDES, SPR_DSCR, SPR_DSISR, SPR_FSCR, SPR_IAMR, SPR_IC, SPR_LPCR, SPR_PIDR, SPR_PPR, SPR_PSPB, SPR_PSSCR, SPR_PURR, SPR_PVR, SPR_SPRG0, SPR_SPRG1, SPR_SPRG2, SPR_SPRG3, SPR_SPURR, SPR_SRR0, SPR_SRR1, SPR_TAR, SPR_UAMOR, SPR_VRSAVE, SPR_VTB } from '../../cpu/ppc64/spr.js';
import { KvmError, EINVAL, ENOENT } from '../errors.js';
import * as U from '../uapi.js';
import type { HvVcpu } from './hv-vcpu.js';
import { filterLpcr, LPCR_USER_MASK, LPCR_LD } from './lpcr.js';
import { Slb, SLB_ESID_V_LO, SLB_SIZE } from '../../cpu/ppc64/mmu/slb.js';

/** struct kvm_regs (powerpc): 49 u64. */
export interface KvmRegs {
  pc: bigint;
  cr: bigint;
  ctr: bigint;
  lr: bigint;
  xer: bigint;
  msr: bigint;
  srr0: bigint;
  srr1: bigint;
  pid: bigint;
  sprg: bigint[]; // sprg0..7 (4..7 are SPRG4-7: not on POWER9, read as 0)
  gpr: bigint[];
}

/** The Book3S part of struct kvm_sregs that KVM-HV honours. */
export interface KvmSregs {
  pvr: number;
  /**
   * u.s.ppc64.slb[64] of an HPT vCPU: the valid SLB entries, packed, each
   * ESID word with its SLB index in the low 12 bits and the VSID word (what
   * KVM saves at guest exit and loads with slbmte at entry).
   */
  slb?: Array<{ slbe: bigint; slbv: bigint }>;
}

const pair = (hi: number, lo: number): bigint => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);

export function getRegs(s: CpuState): KvmRegs {
  return {
    pc: pair(s.nipHi, s.nipLo),
    cr: BigInt(s.cr >>> 0),
    ctr: pair(s.ctrHi, s.ctrLo),
    lr: pair(s.lrHi, s.lrLo),
    xer: BigInt(s.getXer()),
    msr: s.msr,
    srr0: hvReadSpr(s, SPR_SRR0),
    srr1: hvReadSpr(s, SPR_SRR1),
    pid: hvReadSpr(s, SPR_PIDR),
    sprg: [hvReadSpr(s, SPR_SPRG0), hvReadSpr(s, SPR_SPRG1), hvReadSpr(s, SPR_SPRG2), hvReadSpr(s, SPR_SPRG3), 0n, 0n, 0n, 0n],
    gpr: Array.from({ length: 32 }, (_, i) => s.getGpr(i)),
  };
}

export function setRegs(s: CpuState, r: KvmRegs): void {
  const lo = (v: bigint) => Number(v & 0xffffffffn) | 0;
  const hi = (v: bigint) => Number((v >> 32n) & 0xffffffffn) | 0;
  s.nipHi = hi(r.pc);
  s.nipLo = lo(r.pc) & ~3;
  s.cr = lo(r.cr);
  s.ctrHi = hi(r.ctr);
  s.ctrLo = lo(r.ctr);
  s.lrHi = hi(r.lr);
  s.lrLo = lo(r.lr);
  s.setXer(lo(r.xer));
  // A partition never runs with MSR[HV], and always with MSR[ME] (the hypervisor's).
  s.msr = (r.msr & ~(1n << 60n)) | 0x1000n;
  hvWriteSpr(s, SPR_SRR0, r.srr0);
  hvWriteSpr(s, SPR_SRR1, r.srr1);
  hvWriteSpr(s, SPR_PIDR, r.pid);
  [SPR_SPRG0, SPR_SPRG1, SPR_SPRG2, SPR_SPRG3].forEach((n, i) => hvWriteSpr(s, n, r.sprg[i] ?? 0n));
  r.gpr.forEach((g, i) => s.setGpr(i, g));
}

export function getSregs(s: CpuState, slb?: Slb): KvmSregs {
  const out: KvmSregs = { pvr: Number(hvReadSpr(s, SPR_PVR)), slb: [] };
  if (slb) {
    for (let i = 0; i < SLB_SIZE; i++) {
      if (!(slb.esidLo[i]! & SLB_ESID_V_LO)) continue;
      out.slb!.push({ slbe: pair(slb.esidHi[i]!, slb.esidLo[i]! | i), slbv: pair(slb.vsidHi[i]!, slb.vsidLo[i]!) });
    }
  }
  return out;
}

/** KVM-HV cannot make a partition see another PVR than the host's (the hardware PVR is not virtualised). */
export function setSregs(s: CpuState, r: KvmSregs, slb?: Slb): void {
  if (r.pvr !== POWER9_PVR) throw new KvmError(EINVAL, `PVR 0x${r.pvr.toString(16)} differs from the host's 0x${POWER9_PVR.toString(16)} (KVM-HV cannot virtualise it)`);
  if (!slb || !r.slb) return;
  if (r.slb.length > 64) throw new KvmError(EINVAL, 'more than 64 SLB entries');
  // The valid entries go where their index says, as KVM's slbmte at guest entry puts them.
  slb.clear();
  for (const e of r.slb) {
    const lo = Number(e.slbe & 0xffffffffn) | 0;
    if (!(lo & SLB_ESID_V_LO)) continue;
    slb.store(lo & 0xfff, Number((e.slbe >> 32n) & 0xffffffffn) | 0, lo, Number((e.slbv >> 32n) & 0xffffffffn) | 0, Number(e.slbv & 0xffffffffn) | 0);
  }
}

// ONE_REG ids that are plain SPRs of the thread.
const SPR_REGS = new Map<bigint, number>([
  [U.KVM_REG_PPC_DSCR, SPR_DSCR],
  [U.KVM_REG_PPC_PURR, SPR_PURR],
  [U.KVM_REG_PPC_SPURR, SPR_SPURR],
  [U.KVM_REG_PPC_DAR, SPR_DAR],
  [U.KVM_REG_PPC_DSISR, SPR_DSISR],
  [U.KVM_REG_PPC_AMR, SPR_AMR],
  [U.KVM_REG_PPC_UAMOR, SPR_UAMOR],
  [U.KVM_REG_PPC_MMCR0, 795],
  [U.KVM_REG_PPC_MMCR1, 798],
  [U.KVM_REG_PPC_MMCRA, 786],
  [U.KVM_REG_PPC_MMCR2, 785],
  [U.KVM_REG_PPC_SIAR, 796],
  [U.KVM_REG_PPC_SDAR, 797],
  [U.KVM_REG_PPC_SIER, 784],
  [U.KVM_REG_PPC_IAMR, SPR_IAMR],
  [U.KVM_REG_PPC_FSCR, SPR_FSCR],
  [U.KVM_REG_PPC_PSPB, SPR_PSPB],
  [U.KVM_REG_PPC_TAR, SPR_TAR],
  [U.KVM_REG_PPC_DPDES, SPR_DPDES],
  [U.KVM_REG_PPC_DAWR, SPR_DAWR0],
  [U.KVM_REG_PPC_CIABR, SPR_CIABR],
  [U.KVM_REG_PPC_IC, SPR_IC],
  [U.KVM_REG_PPC_VTB, SPR_VTB],
  [U.KVM_REG_PPC_PID, SPR_PIDR],
  [U.KVM_REG_PPC_VRSAVE, SPR_VRSAVE],
  [U.KVM_REG_PPC_PPR, SPR_PPR],
]);
for (let i = 0; i < 6; i++) SPR_REGS.set(U.KVM_REG_PPC_PMC1 + BigInt(i), 787 + i);

const CIABR_PRIV_HYPER = 3n;
const DAWRX_HYP = 4n;

function vsr(s: CpuState, i: number): Uint8Array {
  const out = new Uint8Array(16);
  const d = new DataView(out.buffer);
  for (let w = 0; w < 4; w++) d.setUint32(4 * w, s.vsr[4 * i + w]!);
  return out;
}

function setVsr(s: CpuState, i: number, v: bigint | Uint8Array): void {
  if (!(v instanceof Uint8Array) || v.length !== 16) throw new KvmError(EINVAL, 'a 128-bit register takes 16 bytes');
  const d = new DataView(v.buffer, v.byteOffset, 16);
  for (let w = 0; w < 4; w++) s.vsr[4 * i + w] = d.getUint32(4 * w);
}

const asU64 = (v: bigint | Uint8Array): bigint => {
  if (typeof v !== 'bigint') throw new KvmError(EINVAL, 'a 64-bit register takes a bigint');
  return BigInt.asUintN(64, v);
};

/** The ISA 3.00 logical PVR ("POWER9 (architected)"). */
export const PVR_ARCH_300 = 0x0f000005;

export function getOneReg(vc: HvVcpu, id: bigint): bigint | Uint8Array {
  const s = vc.cpu;
  const spr = SPR_REGS.get(id);
  if (spr !== undefined) return hvReadSpr(s, spr) & (sizeOf(id) === 4 ? 0xffffffffn : 0xffffffffffffffffn);
  if (id >= U.KVM_REG_PPC_FPR0 && id < U.KVM_REG_PPC_FPR0 + 32n) {
    const i = Number(id - U.KVM_REG_PPC_FPR0);
    return pair(s.vsr[4 * i]!, s.vsr[4 * i + 1]!);
  }
  if (id >= U.KVM_REG_PPC_VSR0 && id < U.KVM_REG_PPC_VSR0 + 32n) return vsr(s, Number(id - U.KVM_REG_PPC_VSR0));
  if (id >= U.KVM_REG_PPC_VR0 && id < U.KVM_REG_PPC_VR0 + 32n) return vsr(s, 32 + Number(id - U.KVM_REG_PPC_VR0));
  switch (id) {
    case U.KVM_REG_PPC_FPSCR:
      return pair(s.fpscrHi, s.fpscr);
    case U.KVM_REG_PPC_VSCR:
      return BigInt(s.vscr >>> 0);
    case U.KVM_REG_PPC_DAWRX:
      return hvReadSpr(s, SPR_DAWRX0);
    case U.KVM_REG_PPC_LPCR:
      return vc.vm.lpcr & 0xffffffffn;
    case U.KVM_REG_PPC_LPCR_64:
      return vc.vm.lpcr;
    case U.KVM_REG_PPC_PSSCR:
      return hvReadSpr(s, SPR_PSSCR) & pair(PSSCR_GUEST_VIS[0], PSSCR_GUEST_VIS[1]);
    case U.KVM_REG_PPC_TB_OFFSET:
      return BigInt.asUintN(64, BigInt(vc.vm.tbOffset));
    case U.KVM_REG_PPC_DEC_EXPIRY:
      return BigInt.asUintN(64, BigInt(Math.floor(s.decBase)));
    case U.KVM_REG_PPC_ARCH_COMPAT:
      return BigInt(vc.archCompat);
    case U.KVM_REG_PPC_ONLINE:
      return 1n;
    case U.KVM_REG_PPC_DEBUG_INST:
      return BigInt(U.KVMPPC_INST_SW_BREAKPOINT);
    default:
      throw new KvmError(ENOENT, `ONE_REG id 0x${id.toString(16)} is not a register of this vCPU`);
  }
}

export function setOneReg(vc: HvVcpu, id: bigint, v: bigint | Uint8Array): void {
  const s = vc.cpu;
  const spr = SPR_REGS.get(id);
  if (spr !== undefined) return hvWriteSpr(s, spr, asU64(v) & (sizeOf(id) === 4 ? 0xffffffffn : 0xffffffffffffffffn));
  if (id >= U.KVM_REG_PPC_FPR0 && id < U.KVM_REG_PPC_FPR0 + 32n) {
    const i = Number(id - U.KVM_REG_PPC_FPR0);
    const x = asU64(v);
    s.vsr[4 * i] = Number(x >> 32n);
    s.vsr[4 * i + 1] = Number(x & 0xffffffffn);
    return;
  }
  if (id >= U.KVM_REG_PPC_VSR0 && id < U.KVM_REG_PPC_VSR0 + 32n) return setVsr(s, Number(id - U.KVM_REG_PPC_VSR0), v);
  if (id >= U.KVM_REG_PPC_VR0 && id < U.KVM_REG_PPC_VR0 + 32n) return setVsr(s, 32 + Number(id - U.KVM_REG_PPC_VR0), v);
  const x = asU64(v);
  switch (id) {
    case U.KVM_REG_PPC_FPSCR:
      s.fpscrHi = Number(x >> 32n) | 0;
      s.fpscr = Number(x & 0xffffffffn) | 0;
      return;
    case U.KVM_REG_PPC_VSCR:
      s.vscr = Number(x & 0x00010001n);
      return;
    case U.KVM_REG_PPC_DAWRX:
      return hvWriteSpr(s, SPR_DAWRX0, x & ~DAWRX_HYP);
    case U.KVM_REG_PPC_CIABR:
      return hvWriteSpr(s, SPR_CIABR, (x & 3n) === CIABR_PRIV_HYPER ? x & ~3n : x);
    case U.KVM_REG_PPC_LPCR:
    case U.KVM_REG_PPC_LPCR_64: {
      // Only DPFD|ILE|TC|AIL|LD are the VMM's; the rest stay the hypervisor's.
      const vm = vc.vm;
      const want = id === U.KVM_REG_PPC_LPCR ? (vm.lpcr & ~0xffffffffn) | x : x;
      vm.lpcr = filterLpcr((vm.lpcr & ~LPCR_USER_MASK) | (want & LPCR_USER_MASK), vm.radix);
      for (const t of vm.vcpus.values()) {
        hvWriteSpr(t.cpu, SPR_LPCR, vm.lpcr);
        t.cpu.largeDec = (vm.lpcr & LPCR_LD) !== 0n;
      }
      return;
    }
    case U.KVM_REG_PPC_PSSCR: {
      const vis = pair(PSSCR_GUEST_VIS[0], PSSCR_GUEST_VIS[1]);
      return hvWriteSpr(s, SPR_PSSCR, (hvReadSpr(s, SPR_PSSCR) & ~vis) | (x & vis));
    }
    case U.KVM_REG_PPC_TB_OFFSET:
      // KVM rounds the offset up to a multiple of 2^24 (the hardware's TB offset granule).
      vc.vm.tbOffset = Number(BigInt.asIntN(64, (x + 0xffffffn) & ~0xffffffn));
      return;
    case U.KVM_REG_PPC_DEC_EXPIRY:
      s.decBase = Number(BigInt.asIntN(64, x));
      s.ctxGen++;
      return;
    case U.KVM_REG_PPC_ARCH_COMPAT:
      // kvmppc_set_arch_compat on a POWER9 host: 0 (raw) or the ISA 3.00
      // logical PVR, which changes nothing (PCR stays 0); older modes would
      // need PCR's feature masking, not modelled.
      if (x !== 0n && x !== BigInt(PVR_ARCH_300)) throw new KvmError(EINVAL, `compatibility mode 0x${x.toString(16)} is not supported (0 or ISA 3.00: 0x0f000005)`);
      vc.archCompat = Number(x);
      return;
    default:
      throw new KvmError(ENOENT, `ONE_REG id 0x${id.toString(16)} is not a register of this vCPU`);
  }
}

/** Size in bytes a ONE_REG id declares. */
export function sizeOf(id: bigint): number {
  return 1 << Number((id >> 52n) & 0xfn);
}
