// A Book3S HV partition (what KVM-HV keeps in struct kvm.arch): its LPID,
// guest physical memory, MMU mode, timebase offset, which hcalls the core
// handles, the capabilities the VMM chose, and its vCPUs.

import { PhysMap } from '../../memory/phys-map.js';
import { KvmError, EEXIST, EINVAL, EBUSY, ENODEV, ENOENT, ENXIO } from '../errors.js';
import { XicsDevice } from './xics.js';
import type { HostPlatform } from '../platform.js';
import * as U from '../uapi.js';
import { HvVcpu, type VcpuOptions } from './hv-vcpu.js';
import { IN_CORE_HCALLS } from './hcalls.js';
import { LPCR_GTSE, LPCR_HR, LPCR_RADIX_DEFAULT, LPCR_UPRT, LPCR_VPM1, LPCR_VRMASD } from './lpcr.js';
import { HashPageTable, HPT_ALLOC_MAX_ORDER, HPT_MAX_ORDER, HPT_MIN_ORDER, HPTE_R_C, HPTE_R_M, HPTE_R_R, HPTE_V_BOLTED, HPTE_V_LARGE, HPTE_V_VALID } from '../../cpu/ppc64/mmu/hpt.js';
import { VRMA_VSID } from '../../cpu/ppc64/mmu/hash.js';
import { hvWriteSpr, SPR_LPCR } from '../../cpu/ppc64/spr.js';
import { ENOMEM } from '../errors.js';
import type { PartitionMmu } from '../../cpu/ppc64/mmu/mmu.js';
import { NestedHv, type LpidPool } from './nested/nested-hv.js';

/** The VRMA's page size: 64 KiB, the backing page size of guest RAM (KVM uses the host's). */
const VRMA_PAGE_SHIFT = 16;
/** LPCR[VRMASD] for 64 KiB pages: L||LP = 0b10001 (slb_pgsize_encoding << (LPCR_VRMASD_SH - 4)). */
const VRMASD_64K = 0x11000n;

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

/** A VM made outside Kvm (checkExtension's probe) has no LPIDs to give. */
const NO_LPIDS: LpidPool = { alloc: () => undefined, free: () => {} };

/** RTAS calls the core can serve (book3s_rtas.c's table: the XICS ones). */
const RTAS_IN_CORE = ['ibm,set-xive', 'ibm,get-xive', 'ibm,int-off', 'ibm,int-on'];

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
  /** The hashed page table of an HPT partition (KVM_PPC_ALLOCATE_HTAB, or the default at first run). */
  hpt: HashPageTable | undefined;
  /** KVM's mmu_ready: false until an HPT partition's table and VRMA are set up (the next KVM_RUN does it). */
  mmuReady = true;
  /** KVM_PPC_CONFIGURE_V3_MMU's process table (the partition-table entry's second doubleword). */
  processTable = 0n;
  /**
   * The largest page an HPT partition may map with H_ENTER: KVM refuses
   * pages bigger than the host pages backing guest RAM; QEMU calls it
   * cap-hpt-max-page-size (default 64 KiB). Chosen by the VMM.
   */
  hptMaxPageShift = 16;
  /** The partition's LPCR (per virtual core in KVM; one core per partition here). */
  lpcr = LPCR_RADIX_DEFAULT;
  /** Guest timebase = host timebase + this (KVM_REG_PPC_TB_OFFSET). */
  tbOffset = 0;
  /** seed 001: the partition may run `stop` itself (off unless the VMM enables KVM_CAP_PPC_GUEST_STOP). */
  guestStop = false;
  /** Called by destroy(): the LPID goes back to the pool. */
  onDestroy: (() => void) | undefined;
  /** The system's LPID pool (shadow LPIDs of nested guests come from it; set by Kvm.createVm). */
  lpidPool: LpidPool | undefined;
  /** Nested HV (KVM_CAP_PPC_NESTED_HV enabled by the VMM): the partition may run guests of its own. */
  nested: NestedHv | undefined;

  constructor(
    readonly lpid: number,
    readonly platform: HostPlatform,
    /** Host timebase in ticks (512 MHz); replaceable for deterministic runs. */
    readonly hostTimebase: () => number,
    /** Deterministic time: each instruction is 2^icountShift ns (KvmOptions.icountShift). */
    readonly icountShift?: number,
  ) {
    this.ticksPerInsn = icountShift === undefined ? 0 : 2 ** icountShift * 0.512;
  }

  /** Timebase ticks per retired instruction in deterministic time (0: host time). */
  readonly ticksPerInsn: number;
  /** Deterministic time skipped while every vCPU idled (ticks). */
  private warpTicks = 0;

  /** The partition's timebase now. */
  timebase(): number {
    if (this.ticksPerInsn === 0) return this.hostTimebase() + this.tbOffset;
    let n = 0;
    for (const v of this.vcpus.values()) n += v.cpu.icount + v.cpu.delivered;
    return Math.floor(n * this.ticksPerInsn) + this.warpTicks + this.tbOffset;
  }

  /**
   * Deterministic time with every vCPU idle: jump to the earliest deadline
   * an idle vCPU waits for (QEMU's icount warp), so idling costs no host time.
   */
  warpToNextDeadline(): void {
    let next = Infinity;
    for (const v of this.vcpus.values()) if (v.idleDeadline !== undefined) next = Math.min(next, v.idleDeadline);
    const now = this.timebase();
    if (next !== Infinity && next > now) this.warpTicks += next - now;
  }

  /** Whether every vCPU that is running guest code right now is idle (ceded, waiting, or not in KVM_RUN). */
  allIdle(): boolean {
    for (const v of this.vcpus.values()) if (v.inRun && v.idleDeadline === undefined) return false;
    return true;
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
      case U.KVM_CAP_PPC_MMU_HASH_V3:
      case U.KVM_CAP_PPC_ALLOC_HTAB:
      case U.KVM_CAP_PPC_UNSET_IRQ:
      case U.KVM_CAP_SYNC_MMU:
      case U.KVM_CAP_PPC_GUEST_STOP:
      case U.KVM_CAP_SET_GUEST_DEBUG:
      case U.KVM_CAP_DEVICE_CTRL:
      case U.KVM_CAP_IRQ_XICS:
      case U.KVM_CAP_PPC_RTAS:
      case U.KVM_CAP_PPC_NESTED_HV:
      case U.KVM_CAP_PPC_RPT_INVALIDATE:
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
      case U.KVM_CAP_PPC_NESTED_HV:
        // kvmhv_enable_nested: a POWER9 radix host may always let a partition nest (QEMU's cap-nested-hv).
        if ((args[0] ?? 1n) === 0n) {
          this.nested?.releaseAll();
          this.nested = undefined;
        } else this.nested ??= new NestedHv(this, this.lpidPool ?? NO_LPIDS);
        return;
      case U.KVM_CAP_PPC_GUEST_STOP:
        if (this.vcpus.size > 0) throw new KvmError(EBUSY, 'KVM_CAP_PPC_GUEST_STOP must be chosen before vCPUs are created');
        this.guestStop = (args[0] ?? 1n) !== 0n;
        return;
      default:
        throw new KvmError(EINVAL, `capability ${cap} cannot be enabled on this VM`);
    }
  }

  /** The in-kernel interrupt controller (KVM_CREATE_DEVICE KVM_DEV_TYPE_XICS), if the VMM made one. */
  xics: XicsDevice | undefined;
  /** RTAS calls served in the core, by token (KVM_PPC_RTAS_DEFINE_TOKEN). */
  readonly rtasTokens = new Map<number, string>();

  /**
   * KVM_CREATE_DEVICE. XICS is the one device the core has (KVM on POWER9
   * also offers XIVE; ENODEV here, as from a kernel built without it).
   */
  createDevice(type: number): XicsDevice {
    if (type !== U.KVM_DEV_TYPE_XICS) throw new KvmError(ENODEV, `device type ${type} is not available (XICS only)`);
    if (this.xics) throw new KvmError(EEXIST, 'an XICS device exists already');
    this.xics = new XicsDevice();
    return this.xics;
  }

  /** KVM_IRQ_LINE: drive XICS source `irq` (an MSI fires on 1, an LSI follows the level). */
  irqLine(irq: number, level: number): void {
    if (!this.xics) throw new KvmError(ENXIO, 'KVM_IRQ_LINE without an interrupt controller');
    if (!this.xics.irqLine(irq, level)) throw new KvmError(EINVAL, `KVM_IRQ_LINE: no source ${irq}`);
  }

  /** KVM_PPC_RTAS_DEFINE_TOKEN: serve the RTAS call `name` in the core under `token` (token 0 removes it). */
  defineRtasToken(name: string, token: number): void {
    if (!RTAS_IN_CORE.includes(name)) throw new KvmError(ENOENT, `RTAS call '${name}' is not served in the core`);
    for (const [t, n] of this.rtasTokens) if (n === name) this.rtasTokens.delete(t);
    if (token) this.rtasTokens.set(token >>> 0, name);
  }

  setUserMemoryRegion(r: UserMemoryRegion): void {
    if (r.slot < 0 || r.slot >= 512) throw new KvmError(EINVAL, `memory slot ${r.slot} out of range`);
    // The L0 changes its mapping of that memory: shadow entries of nested guests made from it go (the nested rmap).
    const old = this.phys.all.find((s) => s.id === r.slot);
    if (old && this.nested) this.nested.slotChanging(old);
    try {
      this.phys.setSlot(r.slot, r.guest_phys_addr, r.userspace, r.memory_size, r.flags);
    } catch (e) {
      if (e instanceof RangeError) throw new KvmError(/overlaps/.test(e.message) ? EEXIST : EINVAL, e.message);
      throw e;
    }
  }

  // ---- MMU mode ----

  /**
   * KVM_PPC_ALLOCATE_HTAB: make the partition an HPT one with a cleared
   * table of 2^order bytes (a same-sized table is reused, cleared). The VRMA
   * is mapped again at the next KVM_RUN. Returns the order.
   */
  allocateHtab(order: number): number {
    if (!Number.isInteger(order) || order < HPT_MIN_ORDER || order > HPT_MAX_ORDER) throw new KvmError(EINVAL, `HPT order ${order} outside ${HPT_MIN_ORDER}..${HPT_MAX_ORDER}`);
    if (order > HPT_ALLOC_MAX_ORDER) throw new KvmError(ENOMEM, `HPT order ${order}: larger than this host allocates (2^${HPT_ALLOC_MAX_ORDER} bytes)`);
    this.mmuReady = false;
    if (this.radix) this.switchToHpt();
    if (this.hpt?.order === order) this.hpt.clear();
    else this.hpt = new HashPageTable(order);
    this.applyMmu();
    return order;
  }

  /**
   * The VMM stores into guest RAM (a debugger's breakpoint, a device's DMA,
   * a loaded image): POWER9's instruction cache snoops such stores, so the
   * partition's next fetch sees them. Decoded code is cached here, so a VMM
   * that writes RAM it may later run writes through this (tskvm's one
   * addition to the KVM API). Returns false outside RAM or read-only memory.
   */
  writeMemory(gpa: number, data: Uint8Array): boolean {
    return this.phys.write(gpa, data);
  }

  /**
   * KVM_PPC_CONFIGURE_V3_MMU: radix (with the guest's process table) or
   * HPT. The process table's GR bit must say the same as the flags, and
   * its size field (PRTS) is at most 24 (kvmhv_configure_mmu).
   */
  configureV3Mmu(flags: bigint, processTable: bigint): void {
    if (flags & ~(U.KVM_PPC_MMUV3_RADIX | U.KVM_PPC_MMUV3_GTSE)) throw new KvmError(EINVAL, 'KVM_PPC_CONFIGURE_V3_MMU: unknown flags');
    const radix = (flags & U.KVM_PPC_MMUV3_RADIX) !== 0n;
    if (((processTable >> 63n) & 1n) !== (radix ? 1n : 0n)) throw new KvmError(EINVAL, 'KVM_PPC_CONFIGURE_V3_MMU: process table GR bit does not match the mode');
    if ((processTable & 0x1fn) > 24n) throw new KvmError(EINVAL, 'KVM_PPC_CONFIGURE_V3_MMU: process table size (PRTS) above 24');
    if (radix && !this.radix) {
      this.radix = true;
      this.hpt = undefined;
      this.mmuReady = true;
      this.lpcr = (this.lpcr & ~(LPCR_VPM1 | LPCR_VRMASD)) | LPCR_UPRT | LPCR_HR;
    } else if (!radix && this.radix) this.switchToHpt();
    this.processTable = processTable;
    this.lpcr = flags & U.KVM_PPC_MMUV3_GTSE ? this.lpcr | LPCR_GTSE : this.lpcr & ~LPCR_GTSE;
    this.applyMmu();
  }

  /** kvmppc_switch_mmu_to_hpt: VPM1 on; UPRT, GTSE and HR off; the table comes at the next run. */
  private switchToHpt(): void {
    this.nested?.releaseAll(); // kvmhv_release_all_nested
    this.radix = false;
    this.mmuReady = false;
    this.processTable = 0n;
    this.lpcr = (this.lpcr & ~(LPCR_UPRT | LPCR_GTSE | LPCR_HR)) | LPCR_VPM1;
  }

  /**
   * At KVM_RUN (kvmppc_hv_setup_htab_rma): an HPT partition without a table
   * gets KVM's default one, and the VRMA is mapped: bolted 64 KiB entries in
   * slot 7 of their groups for the memory at guest physical 0 (up to 1 TiB
   * and one entry per group), and LPCR[VRMASD] says 64 KiB.
   */
  setupMmu(): void {
    if (this.mmuReady) return;
    const slot = this.phys.find(0);
    if (!slot) throw new KvmError(EINVAL, 'HPT partition without memory at guest physical 0 (no VRMA)');
    this.hpt ??= new HashPageTable(U.KVM_DEFAULT_HPT_ORDER);
    const hpt = this.hpt;
    let npages = Math.floor(slot.size / 2 ** VRMA_PAGE_SHIFT);
    npages = Math.min(npages, 2 ** (40 - VRMA_PAGE_SHIFT), hpt.ptegMask + 1);
    const vsidHash = (VRMA_VSID ^ (VRMA_VSID << 25)) | 0;
    // v: B = 1 TiB, VSID at bit 24 of the AVA, bolted, large, valid; r: LP = 64 KiB, R, C, M, PP = 0.
    const vHi = 0x40000000 | (VRMA_VSID >>> 8);
    for (let i = 0; i < npages; i++) {
      const addr = i * 2 ** VRMA_PAGE_SHIFT;
      const ptex = ((i ^ vsidHash) & hpt.ptegMask) * 8 + 7;
      const vLo = ((VRMA_VSID & 0xff) << 24) | ((addr / 65536) & ~0x7f) | HPTE_V_BOLTED | HPTE_V_LARGE | HPTE_V_VALID;
      hpt.setR(ptex, Math.floor(addr / 4294967296), (addr % 4294967296) | 0x1000 | HPTE_R_R | HPTE_R_C | HPTE_R_M);
      hpt.setV(ptex, vHi, vLo);
    }
    this.lpcr = (this.lpcr & ~LPCR_VRMASD) | VRMASD_64K;
    this.mmuReady = true;
    this.applyMmu();
  }

  /** Give every vCPU the partition's LPCR and translation tables; cached translations go. */
  applyMmu(): void {
    for (const v of this.vcpus.values()) {
      hvWriteSpr(v.cpu, SPR_LPCR, this.lpcr);
      v.mmu.setPartition(this.partitionMmu());
    // A tlbie is seen by every thread of the partition.
    v.mmu.broadcast = (f) => {
      for (const t of this.vcpus.values()) f(t.mmu);
    };
    }
  }

  /** What the vCPUs' MMUs read from this partition's partition-table entry. */
  private partitionMmu(): PartitionMmu {
    return this.radix ? { processTable: this.processTable } : { hpt: this.hpt, maxPageShift: this.hptMaxPageShift };
  }

  /** The partition's page table changed: every vCPU forgets what it cached (tlbie of the entry's LPID). */
  flushTranslations(): void {
    for (const v of this.vcpus.values()) v.mmu.flushAll();
  }

  /** Close the VM: its LPID is free again. */
  destroy(): void {
    this.nested?.releaseAll();
    this.onDestroy?.();
    this.onDestroy = undefined;
  }

  createVcpu(id: number, opts: VcpuOptions = {}): HvVcpu {
    if (!Number.isInteger(id) || id < 0 || id >= MAX_VCPUS) throw new KvmError(EINVAL, `vCPU id ${id} out of range`);
    if (this.vcpus.has(id)) throw new KvmError(EEXIST, `vCPU ${id} exists`);
    const v = new HvVcpu(this, id, opts);
    this.vcpus.set(id, v);
    v.mmu.setPartition(this.partitionMmu());
    // A tlbie is seen by every thread of the partition.
    v.mmu.broadcast = (f) => {
      for (const t of this.vcpus.values()) f(t.mmu);
    };
    return v;
  }
}
