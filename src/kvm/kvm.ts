// The KVM API (the /dev/kvm "system" object): check extensions, create VMs.
// Everything a VMM does goes through here and the VM and vCPU objects it
// hands out, with KVM's names and numbers (uapi.ts), so the split between
// what the hypervisor core handles and what reaches the VMM is the one
// Linux KVM has (docs/hypervisor.md).
//
// Only KVM_VM_PPC_HV (Book3S HV on a POWER9 host) exists today.

import { KvmError, EINVAL, ENOMEM } from './errors.js';
import { defaultPlatform, type HostPlatform } from './platform.js';
import * as U from './uapi.js';
import { HvVm, LPID_BITS, LPID_RESERVED } from './ppc/hv-vm.js';

export { HvVm } from './ppc/hv-vm.js';
export { HvVcpu } from './ppc/hv-vcpu.js';
export { KvmRun } from './kvm-run.js';
export { KvmError } from './errors.js';

export interface KvmOptions {
  platform?: HostPlatform;
  /**
   * Host timebase in 512 MHz ticks (default: from the platform clock). A
   * deterministic VMM passes a function of the instruction count instead.
   */
  hostTimebase?: () => number;
  /**
   * Deterministic time, QEMU's `-icount shift=N`: every VM's timebase counts
   * the instructions its vCPUs retired, 2^N ns each (0..10), and jumps
   * ahead to the next timer deadline when every vCPU idles. Runs are then
   * repeatable instruction for instruction.
   */
  icountShift?: number;
}

export class Kvm {
  private readonly platform: HostPlatform;
  private readonly hostTimebase: () => number;
  /** LPIDs in use (0 is the host's; LPID_RESERVED is never given to a partition). */
  private readonly lpids = new Set<number>([0, LPID_RESERVED]);

  constructor(opts: KvmOptions = {}) {
    this.platform = opts.platform ?? defaultPlatform;
    const p = this.platform;
    this.hostTimebase = opts.hostTimebase ?? (() => Math.floor(p.now() * 512_000));
    const sh = opts.icountShift;
    if (sh !== undefined && (!Number.isInteger(sh) || sh < 0 || sh > 10)) throw new KvmError(EINVAL, `icount shift ${sh}: 0..10`);
    this.icountShift = sh;
  }

  private readonly icountShift: number | undefined;

  /** kvmppc_alloc_lpid: the lowest free LPID (partitions and the shadow LPIDs of nested guests share the pool). */
  private allocLpid(): number | undefined {
    let lpid = 1;
    while (this.lpids.has(lpid)) lpid++;
    if (lpid >= 1 << LPID_BITS) return undefined;
    this.lpids.add(lpid);
    return lpid;
  }

  /** KVM_GET_API_VERSION */
  apiVersion(): number {
    return U.KVM_API_VERSION;
  }

  /** KVM_CHECK_EXTENSION on /dev/kvm: what a new HV VM would answer. */
  checkExtension(cap: number): number {
    return new HvVm(0, this.platform, this.hostTimebase).checkExtension(cap);
  }

  /** KVM_CREATE_VM. Type 0 picks HV on this host, as on a POWER9 with kvm-hv loaded. */
  createVm(type: number = U.KVM_VM_PPC_HV): HvVm {
    if (type !== U.KVM_VM_PPC_HV && type !== U.KVM_VM_PPC_DEFAULT) throw new KvmError(EINVAL, `VM type ${type}: only KVM_VM_PPC_HV is supported`);
    const lpid = this.allocLpid();
    if (lpid === undefined) throw new KvmError(ENOMEM, 'no free LPID');
    const vm = new HvVm(lpid, this.platform, this.hostTimebase, this.icountShift);
    vm.onDestroy = () => this.lpids.delete(lpid);
    vm.lpidPool = { alloc: () => this.allocLpid(), free: (l) => this.lpids.delete(l) };
    return vm;
  }
}
