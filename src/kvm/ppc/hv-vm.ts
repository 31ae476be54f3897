// A Book3S HV partition (what KVM-HV keeps in struct kvm.arch): its LPID,
// guest physical memory, MMU mode, timebase offset, which hcalls the core
// handles, the capabilities the VMM chose, and its vCPUs.

import { PhysMap } from '../../memory/phys-map.js';
import { KvmError, EEXIST, EINVAL, EBUSY } from '../errors.js';
import type { HostPlatform } from '../platform.js';
import * as U from '../uapi.js';
import { HvVcpu, type VcpuOptions } from './hv-vcpu.js';
import { IN_CORE_HCALLS } from './hcalls.js';
import { LPCR_RADIX_DEFAULT } from './lpcr.js';

/** KVM_SET_USER_MEMORY_REGION's struct kvm_userspace_memory_region. */
export interface UserMemoryRegion {
  slot: number;
  flags: number;
  guest_phys_addr: number;
  memory_size: number;
  /** The VMM's buffer (userspace_addr): guest RAM is this memory, shared. */
  userspace: Uint8Array | undefined;
}

/** KVM-HV's default_hcall_list: in-core unless the VMM disables them. */
const DEFAULT_HCALLS = [
  U.H_REMOVE, U.H_ENTER, U.H_READ, U.H_PROTECT, U.H_BULK_REMOVE, U.H_GET_TCE, U.H_PUT_TCE, U.H_SET_DABR, U.H_SET_XDABR,
  U.H_CEDE, U.H_PROD, U.H_CONFER, U.H_REGISTER_VPA, U.H_EOI, U.H_CPPR, U.H_IPI, U.H_IPOLL, U.H_XIRR, U.H_XIRR_X,
];

export const MAX_VCPUS = 2048;

/** LPIDs a partition may get: 0 is the host's, the last never runs a guest (the value loaded between partitions). */
export const LPID_BITS = 12;
export const LPID_RESERVED = (1 << LPID_BITS) - 1;

export class HvVm {
  readonly phys = new PhysMap();
  readonly vcpus = new Map<number, HvVcpu>();
  /** Hcalls the core handles (KVM's enabled_hcalls); every other one goes to the VMM. */
  readonly enabledHcalls = new Set<number>(DEFAULT_HCALLS);
  /** Radix partition (a POWER9 radix host's default); HPT once the VMM allocates one. */
  radix = true;
  /** The partition's LPCR (per virtual core in KVM; one core per partition here). */
  lpcr = LPCR_RADIX_DEFAULT;
  /** Guest timebase = host timebase + this (KVM_REG_PPC_TB_OFFSET). */
  tbOffset = 0;
  /** seed 001: the partition may run `stop` itself (off unless the VMM enables KVM_CAP_PPC_GUEST_STOP). */
  guestStop = false;
  /** Called by destroy(): the LPID goes back to the pool. */
  onDestroy: (() => void) | undefined;

  constructor(
    readonly lpid: number,
    readonly platform: HostPlatform,
    /** Host timebase in ticks (512 MHz); replaceable for deterministic runs. */
    readonly hostTimebase: () => number,
  ) {}

  /** The partition's timebase now. */
  timebase(): number {
    return this.hostTimebase() + this.tbOffset;
  }

  checkExtension(cap: number): number {
    switch (cap) {
      case U.KVM_CAP_ONE_REG:
      case U.KVM_CAP_ENABLE_CAP:
      case U.KVM_CAP_ENABLE_CAP_VM:
      case U.KVM_CAP_CHECK_EXTENSION_VM:
      case U.KVM_CAP_IMMEDIATE_EXIT:
      case U.KVM_CAP_PPC_PAPR:
      case U.KVM_CAP_PPC_ENABLE_HCALL:
      case U.KVM_CAP_PPC_MMU_RADIX:
      case U.KVM_CAP_PPC_UNSET_IRQ:
      case U.KVM_CAP_SYNC_MMU:
      case U.KVM_CAP_PPC_GUEST_STOP:
        return 1;
      case U.KVM_CAP_NR_VCPUS:
      case U.KVM_CAP_MAX_VCPUS:
      case U.KVM_CAP_MAX_VCPU_ID:
        return MAX_VCPUS;
      case U.KVM_CAP_PPC_SMT:
        return 1;
      default:
        return 0;
    }
  }

  /** KVM_ENABLE_CAP on the VM. */
  enableCap(cap: number, args: readonly bigint[] = []): void {
    switch (cap) {
      case U.KVM_CAP_PPC_ENABLE_HCALL: {
        const nr = Number(args[0] ?? -1n);
        const on = args[1] ?? 0n;
        if (nr < 0 || nr > U.MAX_HCALL_OPCODE || nr % 4 !== 0 || on > 1n) throw new KvmError(EINVAL, `KVM_CAP_PPC_ENABLE_HCALL: bad hcall 0x${nr.toString(16)} or flag`);
        // Like kvmppc_hcall_impl_hv: only hcalls the core implements can be handed to it.
        if (on === 1n && !(nr in IN_CORE_HCALLS)) throw new KvmError(EINVAL, `hcall 0x${nr.toString(16)} is not implemented in the core`);
        if (on === 1n) this.enabledHcalls.add(nr);
        else this.enabledHcalls.delete(nr);
        return;
      }
      case U.KVM_CAP_PPC_GUEST_STOP:
        if (this.vcpus.size > 0) throw new KvmError(EBUSY, 'KVM_CAP_PPC_GUEST_STOP must be chosen before vCPUs are created');
        this.guestStop = (args[0] ?? 1n) !== 0n;
        return;
      default:
        throw new KvmError(EINVAL, `capability ${cap} cannot be enabled on this VM`);
    }
  }

  setUserMemoryRegion(r: UserMemoryRegion): void {
    if (r.slot < 0 || r.slot >= 512) throw new KvmError(EINVAL, `memory slot ${r.slot} out of range`);
    try {
      this.phys.setSlot(r.slot, r.guest_phys_addr, r.userspace, r.memory_size, r.flags);
    } catch (e) {
      if (e instanceof RangeError) throw new KvmError(/overlaps/.test(e.message) ? EEXIST : EINVAL, e.message);
      throw e;
    }
  }

  /** Close the VM: its LPID is free again. */
  destroy(): void {
    this.onDestroy?.();
    this.onDestroy = undefined;
  }

  createVcpu(id: number, opts: VcpuOptions = {}): HvVcpu {
    if (!Number.isInteger(id) || id < 0 || id >= MAX_VCPUS) throw new KvmError(EINVAL, `vCPU id ${id} out of range`);
    if (this.vcpus.has(id)) throw new KvmError(EEXIST, `vCPU ${id} exists`);
    const v = new HvVcpu(this, id, opts);
    this.vcpus.set(id, v);
    return v;
  }
}
