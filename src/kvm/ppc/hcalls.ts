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

export type HcallHandler = (v: HvVcpu) => number;

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

export const IN_CORE_HCALLS: Readonly<Record<number, HcallHandler>> = {
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
