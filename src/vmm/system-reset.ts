// System reset (0x100) delivered by the VMM, as QEMU does it for a KVM vCPU
// (spapr_do_system_reset_on_cpu → ppc_cpu_do_system_reset on the synced
// registers, then KVM_SET_REGS): H_SIGNAL_SYS_RESET — Linux's NMI IPI — and
// the monitor's `nmi`. KVM has no ioctl for it; the VMM rewrites registers
// through the API. Values measured on QEMU 7.2 (tests/guests/sreset.c):
// SRR0 = the interrupted address, SRR1 = the MSR, the vector runs in real
// mode with SF and ME, and LE from LPCR[ILE]; RI, EE and the rest are off.

import type { HvVcpu } from '../kvm/ppc/hv-vcpu.js';
import * as U from '../kvm/uapi.js';

const MSR_SF = 1n << 63n;
const MSR_ME = 1n << 12n;
const MSR_LE = 1n;
const LPCR_ILE = 1n << 25n;
/** SRR1 bits 33:36 and 42:47 are interrupt-specific (all 0 for a reset that does not wake from power saving). */
const SRR1_CAUSE = 0x783f0000n;

/** PAPR's H_SIGNAL_SYS_RESET targets: every vCPU, or every vCPU but the caller. */
export const H_SIGNAL_SYS_RESET_ALL = -1n;
export const H_SIGNAL_SYS_RESET_ALL_OTHERS = -2n;

/** Deliver a system reset to a vCPU that is out of KVM_RUN (its registers are the VMM's to change). */
export function deliverSystemReset(v: HvVcpu): void {
  const r = v.getRegs();
  const lpcr = v.getOneReg(U.KVM_REG_PPC_LPCR_64) as bigint;
  r.srr0 = r.pc;
  r.srr1 = r.msr & ~SRR1_CAUSE;
  r.msr = MSR_SF | (r.msr & MSR_ME) | (lpcr & LPCR_ILE ? MSR_LE : 0n);
  r.pc = 0x100n;
  v.setRegs(r);
}
