// Hypercalls the Book3S HV core handles itself (KVM's kvmppc_pseries_do_hcall
// and its real-mode table). Each returns the value for r3, writing any other
// outputs to r4.. first, or H_TOO_HARD to hand the call to the VMM
// (KVM_EXIT_PAPR_HCALL). Arguments come from r4..r12; every argument is
// hostile until checked: a bad one gets the architected return code and
// changes nothing.

import * as U from '../uapi.js';
import type { HvVcpu } from './hv-vcpu.js';
import { hvWriteSpr, SPR_CIABR, SPR_DAWR0, SPR_DAWRX0, SPR_SPRG0 } from '../../cpu/ppc64/spr.js';
import { HPT_HCALLS } from './hpt-hcalls.js';
import { hRegisterVpa } from './vpa.js';
import type { NestedHv } from './nested/nested-hv.js';
import { enterNested } from './nested/enter.js';
import { copyToFromGuest } from './nested/copy-tofrom.js';
import { hRptInvalidate } from './nested/rpt-invalidate.js';

export type HcallHandler = (v: HvVcpu) => number;

/** What H_ENTER_NESTED's handler returns when the nested guest runs (r3 is written at its exit). */
export const NESTED_ENTERED = -0x7fff_0000;

/** A nested-HV hcall: H_FUNCTION unless the VMM enabled KVM_CAP_PPC_NESTED_HV (kvmppc_pseries_do_hcall). */
function nestedHcall(f: (v: HvVcpu, n: NestedHv) => number): HcallHandler {
  return (v) => (v.vm.nested ? f(v, v.vm.nested) : U.H_FUNCTION);
}

const arg = (v: HvVcpu, i: number): bigint => v.cpu.getGpr(4 + i);

// DAWRX bits (asm/reg.h): HYP may not be set by a partition.
const DAWRX_HYP = 0x4n;
const DABRX_USER = 0x1n;
const DABRX_KERNEL = 0x2n;
const DABRX_ALL = 0x7n; // USER | KERNEL | BTI
// CIABR privilege field (low 2 bits): 3 = hypervisor.
const CIABR_PRIV = 0x3n;
const CIABR_PRIV_HYPER = 0x3n;

/**
 * H_SET_DABR/H_SET_XDABR are emulated with DAWR0 on POWER8 and later
 * (kvmppc_h_set_xdabr): DABR's read/write/translation bits move to DAWRX's
 * DR/DW/WT, DABRX's user/kernel bits are DAWRX's privilege bits (never HYP).
 */
function setDabr(v: HvVcpu, dabr: bigint, dabrx: bigint): number {
  const dawrx = (dabrx & (DABRX_USER | DABRX_KERNEL)) | ((dabr & 3n) << 5n) | ((dabr & 4n) << 2n);
  hvWriteSpr(v.cpu, SPR_DAWR0, dabr & ~7n);
  hvWriteSpr(v.cpu, SPR_DAWRX0, dawrx);
  return U.H_SUCCESS;
}

/** The XICS hcalls: the core's when the vCPU is connected to its XICS (kvmppc_xics_hcall), else the VMM's. */
function xicsHcall(nr: number): HcallHandler {
  return (v) => (v.vm.xics && v.icp ? v.vm.xics.hcall(v, v.icp, nr) : U.H_TOO_HARD);
}

/**
 * H_RTAS in the core (kvmppc_rtas_hcall): a call whose token the VMM gave
 * the core (KVM_PPC_RTAS_DEFINE_TOKEN) is served here — r4 is the real
 * address of the big-endian rtas_args — anything else goes to the VMM.
 */
function rtasHcall(v: HvVcpu): number {
  const xics = v.vm.xics;
  if (!xics || v.vm.rtasTokens.size === 0) return U.H_TOO_HARD;
  const a = arg(v, 0);
  if (a > 0xffffffffffffn) return U.H_TOO_HARD;
  const phys = v.vm.phys;
  const head = phys.read(Number(a), 12);
  if (!head) return U.H_TOO_HARD;
  const hv = new DataView(head.buffer, head.byteOffset, 12);
  const name = v.vm.rtasTokens.get(hv.getUint32(0));
  if (!name) return U.H_TOO_HARD;
  const nargs = hv.getUint32(4);
  const nret = hv.getUint32(8);
  if (nargs > 16 || nret > 16) return U.H_PARAMETER;
  const body = phys.read(Number(a) + 12, 4 * (nargs + nret));
  if (!body) return U.H_PARAMETER;
  const bv = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const args = Array.from({ length: nargs }, (_, i) => bv.getUint32(4 * i));
  const rets = xics.rtas(name, args, nret);
  if (!rets) return U.H_TOO_HARD;
  const out = new Uint8Array(4 * nret);
  const ov = new DataView(out.buffer);
  rets.slice(0, nret).forEach((r, i) => ov.setInt32(4 * i, r));
  phys.write(Number(a) + 12 + 4 * nargs, out);
  return U.H_SUCCESS;
}

export const IN_CORE_HCALLS: Readonly<Record<number, HcallHandler>> = {
  // XICS (xics.ts), when the VMM made one and connected the vCPU.
  [U.H_CPPR]: xicsHcall(U.H_CPPR),
  [U.H_EOI]: xicsHcall(U.H_EOI),
  [U.H_XIRR]: xicsHcall(U.H_XIRR),
  [U.H_XIRR_X]: xicsHcall(U.H_XIRR_X),
  [U.H_IPI]: xicsHcall(U.H_IPI),
  [U.H_IPOLL]: xicsHcall(U.H_IPOLL),
  [U.KVMPPC_H_RTAS]: rtasHcall,
  // Nested HV, API v1 (nested/).
  [U.H_SET_PARTITION_TABLE]: nestedHcall((v, n) => n.setPartitionTable(arg(v, 0))),
  [U.H_ENTER_NESTED]: nestedHcall((v) => enterNested(v) ?? NESTED_ENTERED),
  [U.H_TLB_INVALIDATE]: nestedHcall((v, n) => n.tlbInvalidate(arg(v, 0), arg(v, 1), arg(v, 2))),
  // Radix invalidation without tlbie (enabled by the VMM: QEMU's cap-rpt-invalidate), nested scopes included.
  [U.H_RPT_INVALIDATE]: (v) => hRptInvalidate(v, arg(v, 0), arg(v, 1), arg(v, 2), arg(v, 3), arg(v, 4), arg(v, 5)),
  [U.H_COPY_TOFROM_GUEST]: nestedHcall((v) => copyToFromGuest(v.vm, arg(v, 0), arg(v, 1), arg(v, 2), arg(v, 3), arg(v, 4), arg(v, 5))),
  // The hashed page table (hpt-hcalls.ts).
  ...HPT_HCALLS,

  // Idle until an interrupt or a prod: MSR[EE] is set, r3 = 0 (kvmppc_cede).
  [U.H_CEDE](v) {
    v.cede();
    return U.H_SUCCESS;
  },

  // Wake a vCPU of this partition (target by vCPU id); unknown id: H_PARAMETER.
  [U.H_PROD](v) {
    const t = v.vm.vcpus.get(Number(arg(v, 0) & 0xffffffffn));
    if (!t || arg(v, 0) > 0xffffffffn) return U.H_PARAMETER;
    t.prodded = true;
    if (t.ceded) t.kick();
    return U.H_SUCCESS;
  },

  // VPA, dispatch trace log, SLB shadow buffer (vpa.ts).
  [U.H_REGISTER_VPA]: hRegisterVpa,

  // Yield to another vCPU: vCPUs here take turns anyway; nothing to do but succeed.
  [U.H_CONFER]() {
    return U.H_SUCCESS;
  },

  [U.H_SET_DABR](v) {
    return setDabr(v, arg(v, 0), DABRX_KERNEL | DABRX_USER);
  },

  [U.H_SET_XDABR](v) {
    const dabrx = arg(v, 1);
    // Only the USER/KERNEL/BTI bits, and at least one of USER or KERNEL (kvmppc_h_set_xdabr).
    if ((dabrx & ~DABRX_ALL) !== 0n || (dabrx & (DABRX_USER | DABRX_KERNEL)) === 0n) return U.H_PARAMETER;
    return setDabr(v, arg(v, 0), dabrx);
  },

  // H_SET_SPRG0 (QEMU's, enabled on request): SPRG0 = r4.
  [U.H_SET_SPRG0](v) {
    hvWriteSpr(v.cpu, SPR_SPRG0, arg(v, 0));
    return U.H_SUCCESS;
  },

  // A 64-bit random number in r4 (the hardware's DARN source; here the host's CSPRNG).
  [U.H_RANDOM](v) {
    const w = new Uint32Array(2);
    globalThis.crypto.getRandomValues(w);
    v.cpu.setGpr(4, (BigInt(w[0]!) << 32n) | BigInt(w[1]!));
    return U.H_SUCCESS;
  },

  // CIABR and DAWR0 are set in the core; the interrupt mode (LE, AIL) is the VMM's (kvmppc_h_set_mode).
  [U.H_SET_MODE](v) {
    const mflags = arg(v, 0);
    const resource = arg(v, 1);
    const v1 = arg(v, 2);
    const v2 = arg(v, 3);
    switch (resource) {
      case BigInt(U.H_SET_MODE_RESOURCE_SET_CIABR):
        if (mflags !== 0n) return U.H_UNSUPPORTED_FLAG_START;
        if ((v1 & CIABR_PRIV) === CIABR_PRIV_HYPER) return U.H_P3;
        hvWriteSpr(v.cpu, SPR_CIABR, v1);
        return U.H_SUCCESS;
      case BigInt(U.H_SET_MODE_RESOURCE_SET_DAWR0):
        if (mflags !== 0n) return U.H_UNSUPPORTED_FLAG_START;
        if (v2 & DAWRX_HYP) return U.H_P4;
        hvWriteSpr(v.cpu, SPR_DAWR0, v1);
        hvWriteSpr(v.cpu, SPR_DAWRX0, v2);
        return U.H_SUCCESS;
      default:
        return U.H_TOO_HARD;
    }
  },
};
