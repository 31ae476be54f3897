// A minimal pseries-like VMM for bare-metal images: RAM in one memory slot,
// a raw image loaded at 0 and entered at 0x100 (what QEMU's pseries does
// with -bios), and the userspace half of the hcalls such a guest uses: the
// hvterm console, H_SET_MODE's interrupt modes, and RTAS power-off. It talks
// to the hypervisor only through the KVM API (src/kvm). The pseries machine
// (issue 8) grows from this.

import type { JitKind } from '../cpu/ppc64/exec.js';
import { HostMemory, hostMemoryAvailable } from '../memory/host-memory.js';
import { Kvm, type KvmOptions } from '../kvm/kvm.js';
import type { HvVm } from '../kvm/ppc/hv-vm.js';
import type { HvVcpu } from '../kvm/ppc/hv-vcpu.js';
import * as U from '../kvm/uapi.js';
import { deliverSystemReset, H_SIGNAL_SYS_RESET_ALL_OTHERS } from './system-reset.js';
import type { KvmRun } from '../kvm/kvm-run.js';
import { LPCR_AIL, LPCR_ILE } from '../kvm/ppc/lpcr.js';
import { prepareDirectBoot, type DirectBoot } from './direct-boot.js';
import { RTAS_NAMES, RTAS_TOKENS } from './pseries-dt.js';

const MSR_SF = 1n << 63n;
const MSR_ME = 1n << 12n;
/** The RTAS calls this VMM serves (published in the device tree; anything else answers not-supported). */
const XICS_RTAS_CALLS = ['ibm,set-xive', 'ibm,get-xive', 'ibm,int-off', 'ibm,int-on'];
export const RTAS_CALLS = ['get-time-of-day', 'set-time-of-day', 'event-scan', 'check-exception', 'ibm,get-system-parameter', 'power-off', 'system-reboot', 'query-cpu-stopped-state', 'start-cpu', 'stop-self', 'ibm,os-term', ...XICS_RTAS_CALLS];
/** XICS sources QEMU's pseries gives its devices (SPAPR_IRQ_EPOW, _HOTPLUG, the first VIO device's). */
const IRQ_EPOW = 0x1000;
const IRQ_HOTPLUG = 0x1001;
const IRQ_VTY = 0x1100;
/**
 * The hcall sets the hypervisor core and this VMM implement (PAPR's
 * ibm,hypertas-functions names). Not yet: hcall-tce, hcall-join, hcall-vphn,
 * hcall-multi-tce, hcall-hpt-resize, hcall-watchdog.
 */
export const HYPERTAS_FUNCTIONS = ['hcall-pft', 'hcall-term', 'hcall-dabr', 'hcall-interrupt', 'hcall-vio', 'hcall-splpar', 'hcall-bulk', 'hcall-set-mode', 'hcall-sprg0', 'hcall-copy', 'hcall-debug'];

/** The vty's unit address (QEMU's first spapr-vty: SPAPR_VIO_REG_BASE). */
export const VTY_TERMNO = 0x71000000n;
const RTAS_OUT_NO_ERRORS_FOUND = 1;
const RTAS_OUT_SYSPARM_PARAM_ERROR = -9999;
/** ibm,get-system-parameter's parameters QEMU answers. */
const SYSPARM_SPLPAR_CHARACTERISTICS = 20;
const SYSPARM_DIAGNOSTICS_RUN_MODE = 42;
const SYSPARM_UUID = 48;
const RTAS_OUT_SUCCESS = 0;
const RTAS_OUT_HW_ERROR = -1;
const RTAS_OUT_PARAM_ERROR = -3;
const RTAS_OUT_NOT_SUPPORTED = -3;

export interface BareMetalOptions extends KvmOptions {
  /** Guest RAM in bytes (a multiple of 4 KiB). */
  ramSize: number;
  /** The raw image, loaded at guest physical 0 (QEMU's -bios). */
  image?: Uint8Array;
  /**
   * A kernel (QEMU's -kernel): loaded as direct-boot.ts says and entered
   * with a device tree, no firmware. Excludes `image`.
   */
  kernel?: Uint8Array;
  /** The initrd (-initrd), placed after the kernel. */
  initrd?: Uint8Array;
  /** The kernel command line (-append). */
  append?: string;
  /** Where execution starts (QEMU's pseries: 0x100). */
  entry?: number;
  /** Console output. */
  console: (bytes: Uint8Array) => void;
  blockThreshold?: number;
  /**
   * What hot code compiles to (ExecutorOptions.jit): WebAssembly over a
   * host memory holding RAM, registers and TLBs (the default where the host
   * has WebAssembly), or JavaScript blocks over a plain buffer.
   */
  jit?: JitKind;
  /**
   * The partition's MMU mode: 'radix' (KVM's default on a POWER9 radix
   * host) or 'hash' (an HPT sized as QEMU's pseries sizes it, 1/128 of RAM).
   * QEMU's pseries starts every guest in hash mode; with no translation the
   * two differ only past the RMA and in what real-mode MMIO does.
   */
  mmu?: 'radix' | 'hash';
  /**
   * Called for an hcall this VMM does not serve, before it answers
   * H_FUNCTION: a number is the hcall's return value instead (benchmarks
   * use it to time guest-marked phases).
   */
  onHcall?: (nr: number) => number | undefined;
  /** vCPUs (QEMU's -smp): vCPU 0 runs from the entry point, the others wait for RTAS start-cpu. */
  smp?: number;
  /** RTAS system-reboot ends the machine ({ kind: 'reboot' }) instead of rebooting it (QEMU's -no-reboot). */
  noReboot?: boolean;
  /** The guest's clock at start (ms since the epoch, UTC; QEMU's -rtc base=); default: the host's. */
  rtcBase?: number;
  /** seed 001: let the partition execute `stop` itself (KVM_CAP_PPC_GUEST_STOP); off, the core emulates it. */
  guestStop?: boolean;
  /** QEMU's cap-nested-hv: the guest may run guests of its own (KVM_CAP_PPC_NESTED_HV). */
  nestedHv?: boolean;
}

/** QEMU's spapr_hpt_shift_for_ramsize: an HPT of 1/128 of RAM (rounded up to a power of two), 2^18 to 2^46 bytes. */
export function hptShiftForRamSize(ramSize: number): number {
  const shift = Math.ceil(Math.log2(Math.max(ramSize, 1))) - 7;
  return Math.min(Math.max(shift, 18), 46);
}

export type MachineEnd = { kind: 'poweroff' } | { kind: 'reboot' } | { kind: 'panic'; message: string } | { kind: 'error'; message: string };

export class BareMetalMachine {
  readonly kvm: Kvm;
  /** The partition (a new one after each reboot). */
  vm!: HvVm;
  /** vCPU 0 (the boot CPU). */
  vcpu!: HvVcpu;
  vcpus: HvVcpu[] = [];
  readonly ram: Uint8Array;
  /** What the vCPUs' hot code compiles to (BareMetalOptions.jit, or the default). */
  readonly jit: JitKind;
  /** With wasm: the host memory RAM and the vCPUs' register files and TLBs live in (docs/jit.md). */
  private readonly host: HostMemory | undefined;
  /** The host memory's allocation point after RAM: each build() allocates its vCPUs from here again. */
  private hostMark = 0;
  /** Reboots so far (RTAS system-reboot, unless noReboot). */
  reboots = 0;
  private end: MachineEnd | undefined;
  /** Guest clock − host clock, in ms (-rtc base=, then set-time-of-day). */
  private clockOffset = 0;
  /** The partition's MMU at start. */
  readonly mmu: 'radix' | 'hash';
  /** How the kernel was laid out (opts.kernel). */
  boot: DirectBoot | undefined;
  /** vCPUs whose run loop is going (started, not stopped). */
  private readonly running = new Set<HvVcpu>();
  private readonly loops: Array<Promise<void>> = [];

  constructor(private readonly opts: BareMetalOptions) {
    const image = opts.image ?? new Uint8Array(0);
    if (image.length > opts.ramSize) throw new RangeError(`image (${image.length} bytes) larger than RAM (${opts.ramSize} bytes)`);
    if (opts.kernel && opts.image) throw new RangeError('a kernel or a firmware image, not both');
    this.kvm = new Kvm(opts);
    this.jit = opts.jit ?? (hostMemoryAvailable() ? 'wasm' : 'js');
    if (this.jit === 'wasm' && hostMemoryAvailable()) {
      // RAM, then per vCPU its register file with its chain area (200 KiB) and up to 27 TLB sets of 48 KiB.
      this.host = new HostMemory(opts.ramSize + ((opts.smp ?? 1) + 1) * (2 << 20));
      this.ram = this.host.bytes(this.host.alloc(opts.ramSize, 65536), opts.ramSize);
      this.hostMark = this.host.mark();
    } else this.ram = new Uint8Array(opts.ramSize);
    if (opts.rtcBase !== undefined) this.clockOffset = opts.rtcBase - Date.now();
    // A kernel gets the MMU Linux would have negotiated at CAS: radix, the
    // POWER9 default, unless its command line says disable_radix.
    this.mmu = opts.kernel && opts.mmu === undefined ? (/(^|\s)disable_radix(=(yes|on|1))?(\s|$)/.test(opts.append ?? '') ? 'hash' : 'radix') : (opts.mmu ?? 'radix');
    const n = opts.smp ?? 1;
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new RangeError(`smp ${n}: 1..64 vCPUs`);
    this.build();
  }

  /**
   * The machine as at power-on: RAM holding the image or the kernel, a
   * partition with its MMU, XICS and vCPUs, vCPU 0 at the entry point. A
   * reboot builds it again (QEMU resets every device and vCPU; a new
   * partition is that reset, done through the API).
   */
  private build(): void {
    const opts = this.opts;
    const image = opts.image ?? new Uint8Array(0);
    const mmu = this.mmu;
    const n = opts.smp ?? 1;
    this.ram.fill(0);
    this.ram.set(image, 0);
    this.host?.resetTo(this.hostMark);
    this.vm = this.kvm.createVm(U.KVM_VM_PPC_HV);
    this.vm.setUserMemoryRegion({ slot: 0, flags: 0, guest_phys_addr: 0, memory_size: opts.ramSize, userspace: this.ram });
    if (mmu === 'hash') this.vm.allocateHtab(hptShiftForRamSize(opts.ramSize));
    if (opts.guestStop) this.vm.enableCap(U.KVM_CAP_PPC_GUEST_STOP, [1n]);
    if (opts.nestedHv) this.vm.enableCap(U.KVM_CAP_PPC_NESTED_HV, [1n]);
    // The interrupt controller, in the core as with QEMU's kernel-irqchip:
    // XICS, its sources (the vty, the EPOW and hot-plug event sources, all
    // message-signalled as QEMU claims them) and its RTAS calls.
    const xics = this.vm.createDevice(U.KVM_DEV_TYPE_XICS);
    for (const irq of [IRQ_VTY, IRQ_EPOW, IRQ_HOTPLUG]) xics.claim(irq, false);
    for (const name of XICS_RTAS_CALLS) this.vm.defineRtasToken(name, RTAS_TOKENS[name]!);
    this.vcpus = [];
    for (let i = 0; i < n; i++) {
      const v = this.vm.createVcpu(i, { blockThreshold: opts.blockThreshold, jit: this.jit, host: this.host });
      v.enableCap(U.KVM_CAP_PPC_PAPR); // as QEMU: KVM-HV runs PAPR vCPUs only
      v.enableCap(U.KVM_CAP_IRQ_XICS, [0n, BigInt(i)]);
      this.vcpus.push(v);
    }
    this.vcpu = this.vcpus[0]!;
    const regs = this.vcpu.getRegs();
    regs.pc = BigInt(opts.entry ?? 0x100);
    if (opts.kernel) {
      this.boot = prepareDirectBoot(this.ram, {
        kernel: opts.kernel,
        initrd: opts.initrd,
        bootargs: opts.append,
        ramSize: opts.ramSize,
        smp: n,
        hptShift: hptShiftForRamSize(opts.ramSize),
        hptMaxPageShift: 16,
        rtasCalls: RTAS_CALLS,
        hypertas: HYPERTAS_FUNCTIONS,
        rngSeed: globalThis.crypto.getRandomValues(new Uint8Array(32)),
        cas: mmu,
      });
      regs.pc = BigInt(this.boot.entry);
      regs.gpr[3] = BigInt(this.boot.r3);
      regs.gpr[4] = BigInt(this.boot.r4);
      regs.gpr[5] = 0n;
      regs.msr = MSR_SF | MSR_ME;
      // The compatibility mode CAS settles on POWER9 (QEMU: ppc_set_compat_all).
      for (const v of this.vcpus) v.setOneReg(U.KVM_REG_PPC_ARCH_COMPAT, 0x0f000005n);
    }
    this.vcpu.setRegs(regs);
  }

  /** Run until the guest powers off (or something the VMM cannot serve happens). */
  async run(): Promise<MachineEnd> {
    for (;;) {
      this.start(this.vcpu);
      // Loops started later (start-cpu) join the list while we wait.
      for (let i = 0; i < this.loops.length; i++) await this.loops[i];
      const end = this.end ?? { kind: 'error', message: 'every vCPU stopped' };
      if (end.kind !== 'reboot' || this.opts.noReboot) return end;
      // RTAS system-reboot: power on again (QEMU's qemu_system_reset).
      this.reboots++;
      this.vm.destroy();
      this.end = undefined;
      this.loops.length = 0;
      this.running.clear();
      this.work.clear();
      this.vtySignal = 0;
      this.patbEntry = 0n;
      this.build();
    }
  }

  private start(v: HvVcpu): void {
    this.running.add(v);
    v.kvmRun.immediate_exit = 0;
    this.loops.push(this.loop(v));
  }

  /** One vCPU's KVM_RUN loop (QEMU's vCPU thread). */
  private async loop(v: HvVcpu): Promise<void> {
    const run = v.kvmRun;
    while (this.end === undefined && this.running.has(v)) {
      await v.run();
      switch (run.exit_reason) {
        case U.KVM_EXIT_PAPR_HCALL:
          run.papr_hcall.set('ret', BigInt(this.hcall(v)));
          break;
        case U.KVM_EXIT_MMIO:
          // Nothing is mapped outside RAM: reads return 0 and writes are dropped,
          // as QEMU's unassigned memory does for a pseries guest.
          if (!run.mmio_is_write) run.mmio_data.fill(0);
          break;
        case U.KVM_EXIT_INTR:
          // Taken out of KVM_RUN to run work on this vCPU (QEMU's run_on_cpu).
          for (let f = this.work.get(v)?.shift(); f; f = this.work.get(v)?.shift()) f(v);
          if (this.end === undefined) run.immediate_exit = 0;
          break;
        default:
          this.finish({ kind: 'error', message: `unexpected exit ${U.EXIT_REASON_NAMES[run.exit_reason] ?? run.exit_reason} (hardware reason 0x${run.hardware_exit_reason.toString(16)}) at pc 0x${v.getRegs().pc.toString(16)} on vCPU ${v.id}` });
      }
    }
  }

  /** The machine is done: every vCPU leaves KVM_RUN at once (idle ones are woken). */
  private finish(end: MachineEnd): void {
    this.end ??= end;
    for (const v of this.vcpus) {
      v.kvmRun.immediate_exit = 1;
      v.kick();
    }
  }

  private hcall(v: HvVcpu): number {
    const h = v.kvmRun.papr_hcall;
    const nr = Number(h.get('nr'));
    switch (nr) {
      case U.H_PUT_TERM_CHAR: {
        if (h.arg(0) !== VTY_TERMNO) return U.H_PARAMETER;
        const len = Number(h.arg(1));
        if (len > 16) return U.H_PARAMETER;
        const bytes = new Uint8Array(16);
        const dv = new DataView(bytes.buffer);
        dv.setBigUint64(0, h.arg(2));
        dv.setBigUint64(8, h.arg(3));
        this.opts.console(bytes.slice(0, len));
        return U.H_SUCCESS;
      }
      case U.H_GET_TERM_CHAR: {
        // Up to 16 bytes of console input: r4 = count, r5/r6 = the bytes, first one most significant.
        if (h.arg(0) !== VTY_TERMNO) return U.H_PARAMETER;
        const n = Math.min(16, this.input.length);
        const b = new Uint8Array(16);
        b.set(this.input.subarray(0, n));
        this.input = this.input.slice(n);
        const dv = new DataView(b.buffer);
        h.setArg(0, BigInt(n));
        h.setArg(1, dv.getBigUint64(0));
        h.setArg(2, dv.getBigUint64(8));
        return U.H_SUCCESS;
      }
      case U.H_VIO_SIGNAL:
        // The vty's interrupt on (1) or off (0): QEMU's h_vio_signal, signal mask 1.
        if (h.arg(0) !== VTY_TERMNO) return U.H_PARAMETER;
        if (h.arg(1) & ~1n) return U.H_PARAMETER;
        this.vtySignal = Number(h.arg(1));
        return U.H_SUCCESS;
      case U.H_SET_MODE:
        return this.setMode(h.arg(0), h.arg(1), h.arg(2), h.arg(3));
      case U.KVMPPC_H_RTAS:
        return this.rtas(v, h.arg(0));
      case U.H_REGISTER_PROC_TBL:
        return this.registerProcTbl(h.arg(0), h.arg(1), h.arg(2), h.arg(3));
      case U.H_SIGNAL_SYS_RESET:
        return this.signalSysReset(v, BigInt.asIntN(64, h.arg(0)));
      case U.H_LOGICAL_CI_LOAD:
      case U.H_LOGICAL_CI_STORE:
        return this.logicalCi(nr === U.H_LOGICAL_CI_STORE, h);
      default:
        return this.opts.onHcall?.(nr) ?? U.H_FUNCTION;
    }
  }

  /** H_VIO_SIGNAL's mode for the vty (kept, as QEMU keeps it; the vty's input interrupt does not look at it). */
  private vtySignal = 0;
  /** Console input not yet read by the guest (H_GET_TERM_CHAR). */
  private input = new Uint8Array(0);

  /** Bytes typed at the console: the guest reads them with H_GET_TERM_CHAR (its hvc driver polls). */
  consoleInput(bytes: Uint8Array): void {
    // An edge when the buffer goes from empty to not (QEMU's spapr_vty_receive,
    // spapr_vio_irq_pulse: whatever H_VIO_SIGNAL said — Linux's hvc_vio never calls it).
    if (this.input.length === 0 && bytes.length) {
      this.vm.irqLine(IRQ_VTY, 1);
      this.vm.irqLine(IRQ_VTY, 0);
    }
    const all = new Uint8Array(this.input.length + bytes.length);
    all.set(this.input);
    all.set(bytes, this.input.length);
    this.input = all;
  }

  /** Work queued for a vCPU while it is in KVM_RUN, done at its next exit. */
  private readonly work = new Map<HvVcpu, Array<(v: HvVcpu) => void>>();

  /**
   * Run `f` on vCPU `t` with its registers out of KVM_RUN (QEMU's
   * run_on_cpu): at once for the caller, whose hcall exit is being served;
   * otherwise at the exit that kicking it causes. A stopped vCPU is skipped
   * (its registers are rewritten by start-cpu anyway).
   */
  private onCpu(caller: HvVcpu | undefined, t: HvVcpu, f: (v: HvVcpu) => void): void {
    if (t === caller) return f(t);
    if (!this.running.has(t)) return;
    const q = this.work.get(t) ?? this.work.set(t, []).get(t)!;
    q.push(f);
    t.kvmRun.immediate_exit = 1;
    t.kick();
  }

  /** H_SIGNAL_SYS_RESET(target): a vCPU id, -1 (all) or -2 (all but the caller), as QEMU's h_signal_sys_reset. */
  private signalSysReset(caller: HvVcpu, target: bigint): number {
    if (target < 0n) {
      if (target < H_SIGNAL_SYS_RESET_ALL_OTHERS) return U.H_PARAMETER;
      for (const t of this.vcpus) if (!(target === H_SIGNAL_SYS_RESET_ALL_OTHERS && t === caller)) this.onCpu(caller, t, deliverSystemReset);
      return U.H_SUCCESS;
    }
    const t = target < BigInt(this.vcpus.length) ? this.vcpus[Number(target)] : undefined;
    if (!t) return U.H_PARAMETER;
    this.onCpu(caller, t, deliverSystemReset);
    return U.H_SUCCESS;
  }

  /** The monitor's `nmi`: a system reset on every vCPU (QEMU's spapr_nmi). */
  nmi(): void {
    for (const t of this.vcpus) if (this.running.has(t)) this.onCpu(undefined, t, deliverSystemReset);
  }

  /** H_SET_MODE's interrupt modes: the partition's LPCR[ILE] and LPCR[AIL], set through ONE_REG. */
  private setMode(mflags: bigint, resource: bigint, v1: bigint, v2: bigint): number {
    const lpcr = this.vcpu.getOneReg(U.KVM_REG_PPC_LPCR_64) as bigint;
    if (resource === BigInt(U.H_SET_MODE_RESOURCE_LE)) {
      if (v1 !== 0n || v2 !== 0n) return U.H_P3;
      if (mflags > 1n) return U.H_UNSUPPORTED_FLAG_START;
      this.vcpu.setOneReg(U.KVM_REG_PPC_LPCR_64, mflags ? lpcr | LPCR_ILE : lpcr & ~LPCR_ILE);
      return U.H_SUCCESS;
    }
    if (resource === BigInt(U.H_SET_MODE_RESOURCE_ADDR_TRANS_MODE)) {
      if (v1 !== 0n || v2 !== 0n) return U.H_P3;
      if (mflags !== 0n && mflags !== 3n) return U.H_UNSUPPORTED_FLAG_START;
      this.vcpu.setOneReg(U.KVM_REG_PPC_LPCR_64, (lpcr & ~LPCR_AIL) | (mflags << 23n));
      return U.H_SUCCESS;
    }
    return U.H_P2;
  }

  /**
   * H_LOGICAL_CI_LOAD(size, addr) → r4 / H_LOGICAL_CI_STORE(size, addr, value):
   * a cache-inhibited access of 1, 2, 4 or 8 bytes (big-endian) at a guest
   * real address, as QEMU's h_logical_load/store; outside RAM reads 0 and
   * writes are dropped (nothing is mapped there). KVM's core hands these to
   * the VMM unless an in-kernel device claims the address.
   */
  private logicalCi(store: boolean, h: KvmRun['papr_hcall']): number {
    const size = h.arg(0);
    const addr = h.arg(1);
    if (size !== 1n && size !== 2n && size !== 4n && size !== 8n) return U.H_PARAMETER;
    const n = Number(size);
    const inRam = addr + size <= BigInt(this.ram.length);
    const dv = new DataView(this.ram.buffer, this.ram.byteOffset);
    const a = Number(addr);
    if (store) {
      if (!inRam) return U.H_SUCCESS;
      const v = h.arg(2);
      if (n === 1) dv.setUint8(a, Number(v & 0xffn));
      else if (n === 2) dv.setUint16(a, Number(v & 0xffffn));
      else if (n === 4) dv.setUint32(a, Number(v & 0xffffffffn));
      else dv.setBigUint64(a, v);
      this.vm.writeMemory(a, this.ram.slice(a, a + n)); // decoded code there is dropped
      return U.H_SUCCESS;
    }
    let v = 0n;
    if (inRam) v = n === 1 ? BigInt(dv.getUint8(a)) : n === 2 ? BigInt(dv.getUint16(a)) : n === 4 ? BigInt(dv.getUint32(a)) : dv.getBigUint64(a);
    h.setArg(0, v);
    return U.H_SUCCESS;
  }

  /** The partition-table entry's second doubleword the guest registered last (QEMU's patb_entry). */
  private patbEntry = 0n;

  /**
   * H_REGISTER_PROC_TBL(flags, table, page size, table size) with QEMU's
   * checks (h_register_process_table), then KVM_PPC_CONFIGURE_V3_MMU as
   * QEMU does on KVM. Flags: 0x10 modify, 0x08 register, 0x04 radix,
   * 0x02 hash with segment tables (unsupported), 0x01 GTSE.
   */
  private registerProcTbl(flags: bigint, table: bigint, pageSize: bigint, tableSize: bigint): number {
    const PATE1_GR = 1n << 63n;
    if (flags & ~0x1fn) return U.H_PARAMETER;
    let cproc: bigint;
    if (flags & 0x10n) {
      if (flags & 0x08n) {
        if (flags & 0x04n) {
          if (table & 0xfffn || table >> 60n) return U.H_P2;
          if (pageSize) return U.H_P3;
          if (tableSize > 24n) return U.H_P4;
          cproc = PATE1_GR | table | tableSize;
        } else {
          if (flags & 0x02n) return U.H_PARAMETER;
          if (table >> 38n) return U.H_P2;
          if (pageSize & ~7n) return U.H_P3;
          if (tableSize > 24n) return U.H_P4;
          cproc = table | (pageSize << 5n) | tableSize;
        }
      } else cproc = this.patbEntry & PATE1_GR; // deregister: a benign value of the same kind
    } else {
      if (!(flags & 0x04n) !== !(this.patbEntry & PATE1_GR)) return U.H_PARAMETER;
      cproc = this.patbEntry;
    }
    this.patbEntry = cproc;
    try {
      this.vm.configureV3Mmu((flags & 0x04n ? U.KVM_PPC_MMUV3_RADIX : 0n) | (flags & 0x01n ? U.KVM_PPC_MMUV3_GTSE : 0n), cproc);
    } catch {
      return U.H_PARAMETER;
    }
    return U.H_SUCCESS;
  }

  /** RTAS through H_RTAS: r4 is the real address of a big-endian struct rtas_args. */
  private rtas(caller: HvVcpu, addr: bigint): number {
    const a = Number(addr);
    if (addr > BigInt(this.ram.length - 12)) return U.H_PARAMETER;
    const dv = new DataView(this.ram.buffer, this.ram.byteOffset);
    const token = dv.getUint32(a);
    const nargs = dv.getUint32(a + 4);
    const nret = dv.getUint32(a + 8);
    if (a + 12 + 4 * (nargs + nret) > this.ram.length || nargs > 16 || nret > 16) return U.H_PARAMETER;
    const ret = (status: number) => {
      if (nret > 0) dv.setInt32(a + 12 + 4 * nargs, status);
    };
    const arg = (i: number) => (i < nargs ? dv.getUint32(a + 12 + 4 * i) : 0);
    const setRet = (i: number, x: number) => {
      if (i < nret) dv.setInt32(a + 12 + 4 * (nargs + i), x);
    };
    // Calls by name (pseries-dt.ts numbers them as QEMU 7.2 does).
    switch (RTAS_NAMES.get(token)) {
      case 'power-off':
        ret(RTAS_OUT_SUCCESS);
        this.finish({ kind: 'poweroff' });
        break;
      case 'system-reboot':
        ret(RTAS_OUT_SUCCESS);
        this.finish({ kind: 'reboot' });
        break;
      case 'query-cpu-stopped-state': {
        // rets: status, then 0 (stopped) or 2 (running), as QEMU's rtas_query_cpu_stopped_state.
        const t = this.vcpus[arg(0)];
        if (!t || nargs !== 1 || nret !== 2) {
          ret(RTAS_OUT_PARAM_ERROR);
          break;
        }
        setRet(1, this.running.has(t) ? 2 : 0);
        ret(RTAS_OUT_SUCCESS);
        break;
      }
      case 'start-cpu': {
        // (id, start, r3): the vCPU starts at `start` in 64-bit big-endian real
        // mode, MSR = SF|ME, r3 as given, r1 = r4 = 0 (QEMU's rtas_start_cpu).
        const t = this.vcpus[arg(0)];
        if (!t || nargs !== 3 || nret !== 1) {
          ret(RTAS_OUT_PARAM_ERROR);
          break;
        }
        if (this.running.has(t)) {
          ret(RTAS_OUT_HW_ERROR);
          break;
        }
        const r = t.getRegs();
        r.pc = BigInt(arg(1));
        r.msr = (1n << 63n) | 0x1000n;
        r.gpr[1] = 0n;
        r.gpr[3] = BigInt(arg(2));
        r.gpr[4] = 0n;
        t.setRegs(r);
        // A vCPU that stopped itself left its stop-self hcall to complete: the
        // next KVM_RUN writes r3..r12 from kvm_run (api.rst), so they must carry
        // the start state too.
        t.kvmRun.papr_hcall.set('ret', r.gpr[3]!);
        for (let i = 0; i < 9; i++) t.kvmRun.papr_hcall.setArg(i, r.gpr[4 + i]!);
        ret(RTAS_OUT_SUCCESS);
        this.start(t);
        break;
      }
      case 'get-time-of-day': {
        // rets: status, year, month, day, hour, minute, second, nanoseconds (QEMU's rtas_get_time_of_day, UTC).
        if (nargs !== 0 || nret !== 8) {
          ret(RTAS_OUT_PARAM_ERROR);
          break;
        }
        const t = new Date(Date.now() + this.clockOffset);
        [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), t.getUTCMilliseconds() * 1e6].forEach((x, i) => setRet(i + 1, x));
        ret(RTAS_OUT_SUCCESS);
        break;
      }
      case 'set-time-of-day': {
        // (year, month, day, hour, minute, second, ns): the guest clock runs from there (QEMU's rtc_offset).
        if (nargs !== 7 || nret !== 1) {
          ret(RTAS_OUT_PARAM_ERROR);
          break;
        }
        const t = Date.UTC(arg(0), arg(1) - 1, arg(2), arg(3), arg(4), arg(5));
        if (!Number.isFinite(t)) {
          ret(RTAS_OUT_HW_ERROR);
          break;
        }
        this.clockOffset = t - Date.now();
        ret(RTAS_OUT_SUCCESS);
        break;
      }
      case 'event-scan':
        // No events to report (QEMU's event_scan): 4 arguments, 1 return.
        ret(nargs === 4 && nret === 1 ? RTAS_OUT_NO_ERRORS_FOUND : RTAS_OUT_PARAM_ERROR);
        break;
      case 'check-exception':
        // No EPOW or hot-plug event queued (QEMU's check_exception): 6 or 7 arguments.
        ret(nargs >= 6 && nargs <= 7 && nret === 1 ? RTAS_OUT_NO_ERRORS_FOUND : RTAS_OUT_PARAM_ERROR);
        break;
      case 'ibm,get-system-parameter': {
        // (parameter, buffer, length): a big-endian 16-bit length, then as much of the value as fits (QEMU's sysparm_st).
        if (nargs !== 3 || nret !== 1) {
          ret(RTAS_OUT_PARAM_ERROR);
          break;
        }
        const buf = arg(1);
        const len = arg(2);
        let val: Uint8Array;
        switch (arg(0)) {
          case SYSPARM_SPLPAR_CHARACTERISTICS: {
            const n = this.vcpus.length;
            // HostThrs: POWER9's threads per core, as QEMU's POWER9 class says.
            val = new TextEncoder().encode(`MaxEntCap=${n},DesMem=${this.ram.length / 2 ** 20},DesProcs=${n},MaxPlatProcs=${n},HostThrs=4\0`);
            break;
          }
          case SYSPARM_DIAGNOSTICS_RUN_MODE:
            val = new Uint8Array(1); // disabled
            break;
          case SYSPARM_UUID:
            val = new Uint8Array(0); // no -uuid
            break;
          default:
            ret(RTAS_OUT_NOT_SUPPORTED);
            return U.H_SUCCESS;
        }
        if (len < 2) {
          ret(RTAS_OUT_SYSPARM_PARAM_ERROR);
          break;
        }
        const n = Math.min(len - 2, val.length);
        if (buf + 2 + n > this.ram.length) {
          ret(RTAS_OUT_PARAM_ERROR);
          break;
        }
        dv.setUint16(buf, val.length);
        this.vm.writeMemory(buf + 2, val.subarray(0, n));
        ret(RTAS_OUT_SUCCESS);
        break;
      }
      case 'ibm,os-term': {
        // The guest gave up (Linux's panic): its message, then the machine stops, as QEMU's guest-panicked.
        const at = arg(0);
        let end = at;
        while (end < this.ram.length && end - at < 1024 && this.ram[end] !== 0) end++;
        ret(RTAS_OUT_SUCCESS);
        this.finish({ kind: 'panic', message: new TextDecoder('latin1').decode(this.ram.subarray(at, end)).trim() });
        break;
      }
      case 'stop-self':
        // The caller stops (QEMU halts it; no return value is written).
        this.running.delete(caller);
        break;
      default:
        ret(RTAS_OUT_NOT_SUPPORTED);
    }
    return U.H_SUCCESS;
  }
}
