// One vCPU of a Book3S HV partition and its run loop: KVM_RUN.
//
// The CPU model runs the partition and delivers the interrupts the partition
// takes itself; what reaches this loop is what reaches KVM-HV on POWER9: the
// hypervisor interrupts (hcall, HEAI, HDSI/HISI, HFAC…), a thread that
// waits, and the end of a time slice. Each is handled here, in the core (as
// KVM does in the kernel), or becomes a KVM exit that run() returns to the
// VMM in kvm_run, completed on the next run() (docs/hypervisor.md).

import { CpuState } from '../../cpu/ppc64/state.js';
import { Executor, type JitKind } from '../../cpu/ppc64/exec.js';
import type { HostMemory } from '../../memory/host-memory.js';
import { Mmu } from '../../cpu/ppc64/mmu/mmu.js';
import { CpuTrap } from '../../cpu/ppc64/trap.js';
import { deliver } from '../../cpu/ppc64/delivery.js';
import { MSR_EE, MSR_ME, MSR_PR } from '../../cpu/ppc64/msr.js';
import { hvReadSpr, hvWriteSpr, POWER9_PVR, SPR_LPCR, SPR_PIR, SPR_PSSCR, SPR_PVR } from '../../cpu/ppc64/spr.js';

/** PSSCR[EC] and PSSCR[ESL]: set, a partition's stop traps to the hypervisor. */
const PSSCR_EC = 1n << 20n;
const PSSCR_ESL = 1n << 21n;
/** The `stop` instruction (XL-form, opcode 19, xo 370). */
const STOP_WORD = 0x4c0002e4;
import {
  Interrupt,
  SRR1_ISI_NOPTE,
  SRR1_PROG_ILLEGAL,
  SRR1_PROG_PRIV,
  VEC_DSI,
  VEC_HDSI,
  VEC_HEAI,
  VEC_HFAC_UNAVAILABLE,
  VEC_HISI,
  VEC_ISI,
  VEC_PROGRAM,
  VEC_SYSCALL,
} from '../../cpu/ppc64/interrupt.js';
import { KvmRun } from '../kvm-run.js';
import { KvmError, EBUSY, EEXIST, EINVAL } from '../errors.js';
import type { Icp } from './xics.js';
import * as U from '../uapi.js';
import type { HvVm } from './hv-vm.js';
import { IN_CORE_HCALLS, NESTED_ENTERED } from './hcalls.js';
import { VcpuAreas } from './vpa.js';
import { getOneReg, getRegs, getSregs, setOneReg, setRegs, setSregs, type KvmRegs, type KvmSregs } from './regs.js';
import { exitNested, type NestedRun } from './nested/enter.js';
import { handleNestedExit } from './nested/exits.js';

/**
 * Dispatches of a slot before it heads a compiled block, in a partition.
 * A kernel runs much code a few hundred times and never again, where
 * compiling costs more than it saves: booting Debian's kernel to /init
 * (bench:boot, 1 GiB) took 21.9 s at the user-mode default of 16, 13.3 s at
 * 1024, 11.0 s at 4096, 10.3 s at 16384, 10.0 s at 65536, 15.2 s never
 * compiling. Long-running loops reach any of these at once.
 */
export const PARTITION_BLOCK_THRESHOLD = 16384;

/**
 * The same for wasm blocks (jit 'wasm'), which cost far less to compile
 * (about 20 µs per block, in batches) and run at full speed at once
 * (docs/jit.md): Debian's kernel boots to /init in 8.8-9.0 s at 256 and at
 * 1024, 9.0-9.1 s at 128 (JavaScript blocks at 16384: 9.1-9.3 s), and the
 * nested round trip's warm-up is shortest at 256.
 */
export const PARTITION_WASM_THRESHOLD = 256;

/** Instructions per slice of run(): between slices timers are checked and the host may run. */
const SLICE = 200_000;
/** Longest stretch of guest execution before run() lets the host's event loop in (ms). */
const YIELD_MS = 20;
/** Timebase ticks per millisecond (512 MHz). */
const TB_PER_MS = 512_000;

export interface VcpuOptions {
  /** Block-compiler threshold (ExecutorOptions.blockThreshold; default PARTITION_BLOCK_THRESHOLD, PARTITION_WASM_THRESHOLD with wasm). */
  blockThreshold?: number;
  /** What blocks compile to (ExecutorOptions.jit). */
  jit?: JitKind;
  /** The VM's host memory (memory/host-memory.ts): the vCPU's register file and TLB sets go there. */
  host?: HostMemory;
}

export class HvVcpu {
  readonly cpu: CpuState;
  readonly mmu: Mmu;
  readonly exec: Executor;
  /** The shared kvm_run page. */
  readonly kvmRun = new KvmRun();
  /** The exit the next run() must complete (KVM's hcall_needed / mmio_needed). */
  private pending: 'hcall' | 'mmio' | undefined;
  /** Address of the instruction an MMIO exit stopped at (its completion re-runs it there). */
  private mmioNipHi = 0;
  private mmioNipLo = 0;
  /** H_CEDE: idle until an interrupt or H_PROD. */
  ceded = false;
  /** H_PROD arrived (consumed by the next H_CEDE, or wakes a ceded vCPU). */
  prodded = false;
  /** `wait` (or guest stop): idle until an exception exists. */
  private waiting = false;
  /** Inside KVM_RUN (deterministic time: an idle warp waits only for vCPUs running guest code). */
  inRun = false;
  /** While idle: the timebase value at which its decrementer exception will exist. */
  idleDeadline: number | undefined;
  /** Resolves the promise an idle vCPU sleeps on. */
  private wake: (() => void) | undefined;
  /** Count of exits by kind (the VMM's and benchmarks' view; like KVM's stats). */
  /** Registered VPA, dispatch trace log and SLB shadow (H_REGISTER_VPA). */
  readonly areas = new VcpuAreas(this);
  readonly stats = { exits: 0, hcallsInCore: 0, hcallsToVmm: 0, mmio: 0, yields: 0, stopsEmulated: 0, nestedEntries: 0, nestedExits: 0, nestedFaults: 0 };
  /** The nested guest this vCPU runs for its L1 (H_ENTER_NESTED), if any (nested/enter.ts). */
  nestedRun: NestedRun | undefined;
  /** DAWR1/DAWRX1 (hv_guest_state v2; no such SPRs on POWER9: kept for the L1), as int32 halves. */
  dawr1Hi = 0;
  dawr1Lo = 0;
  dawrx1Hi = 0;
  dawrx1Lo = 0;

  constructor(
    readonly vm: HvVm,
    readonly id: number,
    opts: VcpuOptions = {},
  ) {
    const cpu = new CpuState(undefined as never, opts.host);
    this.cpu = cpu;
    cpu.timebase = () => vm.timebase();
    this.mmu = new Mmu(vm.phys, cpu, opts.host);
    cpu.mem = this.mmu;
    // A partition's thread starts in 32-bit big-endian real mode at 0, with
    // MSR[ME] on: machine checks belong to the hypervisor, which keeps ME set
    // for every partition (KVM's vcpu_create sets MSR_ME; rfid in a
    // partition cannot clear it).
    cpu.setMsr(0, MSR_ME);
    hvWriteSpr(cpu, SPR_PVR, BigInt(POWER9_PVR));
    hvWriteSpr(cpu, SPR_PIR, BigInt(id));
    hvWriteSpr(cpu, SPR_LPCR, vm.lpcr);
    // seed 001: the partition runs `stop` itself only with KVM_CAP_PPC_GUEST_STOP
    // (PSSCR[EC|ESL] clear); otherwise stop traps (HFAC) and the core emulates it.
    hvWriteSpr(cpu, SPR_PSSCR, vm.guestStop ? 0n : PSSCR_EC | PSSCR_ESL);
    cpu.setDec(0x7fffffff);
    this.exec = new Executor(cpu, { system: true, blockThreshold: opts.blockThreshold ?? (opts.jit === 'wasm' ? PARTITION_WASM_THRESHOLD : PARTITION_BLOCK_THRESHOLD), jit: opts.jit });
  }

  /**
   * KVM_INTERRUPT: raise (SET, SET_LEVEL, any other value) or lower (UNSET)
   * the partition's external interrupt for this vCPU. The line is level: it
   * stays asserted until lowered. The partition takes it as soon as MSR[EE]
   * allows — at once, or when it next sets EE (the mediated delivery KVM
   * gets from LPCR[MER]) — and a ceded or waiting vCPU wakes for it.
   */
  /** ONE_REG ARCH_COMPAT: 0 (raw POWER9) or the ISA 3.00 logical PVR. */
  archCompat = 0;
  /** This vCPU's XICS presentation controller (KVM_CAP_IRQ_XICS). */
  icp: Icp | undefined;

  /**
   * KVM_CAP_PPC_PAPR enabled: KVM-HV runs PAPR guests only, and refuses
   * KVM_RUN until the VMM says so (kvmppc_sanity_check: QEMU enables it on
   * every vCPU). Found by Debian's kvm-hv refusing tests/nested/l1-vmm.c.
   */
  papr = false;

  /**
   * KVM_ENABLE_CAP on the vCPU: KVM_CAP_PPC_PAPR (a PAPR guest: required to
   * run), KVM_CAP_IRQ_XICS (args: device, server number) connects it to the
   * in-kernel XICS.
   */
  enableCap(cap: number, args: readonly bigint[] = []): void {
    if (cap === U.KVM_CAP_PPC_PAPR) {
      this.papr = true;
      return;
    }
    if (cap !== U.KVM_CAP_IRQ_XICS) throw new KvmError(EINVAL, `capability ${cap} cannot be enabled on a vCPU`);
    const xics = this.vm.xics;
    if (!xics) throw new KvmError(EINVAL, 'KVM_CAP_IRQ_XICS without an XICS device');
    if (this.icp) throw new KvmError(EBUSY, 'this vCPU is connected to XICS already');
    const server = Number(args[1] ?? BigInt(this.id));
    if (!Number.isInteger(server) || server < 0 || server > 0xffffffff) throw new KvmError(EINVAL, `bad XICS server ${server}`);
    try {
      this.icp = xics.connect(this, server);
    } catch (e) {
      throw new KvmError(EEXIST, (e as Error).message);
    }
  }

  /** KVM_SET_GUEST_DEBUG's control word (KVM_GUESTDBG_*). */
  private guestDebug = 0;

  /**
   * KVM_SET_GUEST_DEBUG. KVM-HV honours software breakpoints only: with
   * KVM_GUESTDBG_USE_SW_BP the word ONE_REG DEBUG_INST gives
   * (KVMPPC_INST_SW_BREAKPOINT) becomes KVM_EXIT_DEBUG instead of an
   * illegal-instruction interrupt. Single step and hardware breakpoints are
   * accepted and do nothing, as in book3s.c (KVM_CAP_PPC_GUEST_DEBUG_SSTEP is 0).
   */
  setGuestDebug(control: number): void {
    this.guestDebug = control >>> 0;
  }

  interrupt(irq: number): void {
    const on = (irq >>> 0) !== U.KVM_INTERRUPT_UNSET;
    // While a nested guest runs the line is the L1's: it ends the nested run (the loop looks).
    if (this.nestedRun) this.nestedRun.l1External = on;
    else this.cpu.extPending = on;
    // The run loop looks at pending interrupts when the context generation moves.
    this.cpu.ctxGen++;
    if (on) this.kick();
  }

  /** Wake an idle vCPU (an interrupt was raised for it, or it was prodded). */
  kick(): void {
    // Runnable from now on: deterministic time must not warp past this vCPU.
    this.idleDeadline = undefined;
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /**
   * KVM_RUN: run until an exit the VMM must see; kvm_run says which. Returns
   * at once with KVM_EXIT_INTR when immediate_exit is set (KVM's -EINTR).
   */
  async run(): Promise<void> {
    if (!this.papr) {
      // kvmppc_vcpu_run_hv: !vcpu->arch.sane.
      this.kvmRun.exit_reason = U.KVM_EXIT_INTERNAL_ERROR;
      throw new KvmError(EINVAL, 'KVM_RUN: not a PAPR vCPU (enable KVM_CAP_PPC_PAPR first; KVM-HV runs PAPR guests only)');
    }
    this.inRun = true;
    this.areas.dispatch();
    try {
      await this.runLoop();
    } finally {
      this.areas.undispatch();
      this.inRun = false;
    }
  }

  /**
   * Instructions this vCPU retires per timebase tick in host time (a moving
   * average of its slices), to end a slice at a deadline given in ticks.
   * Starts low (100 MIPS is ~0.2/tick), so a first deadline is met early rather than late.
   */
  private insnsPerTick = 0.05;
  /**
   * When this vCPU last let the host in. Kept across KVM_RUNs: a vCPU that
   * exits to the VMM often (polling RTAS, say) must still yield, or the
   * other vCPUs' loops never get the thread.
   */
  private lastYield = 0;

  private measureRate(insns: number, ticks: number): void {
    // Only slices long enough to time (≥ ~20 µs) and not cut short by an exit.
    if (ticks < 10_000 || insns < 1000) return;
    const r = insns / ticks;
    this.insnsPerTick = this.insnsPerTick * 0.75 + r * 0.25;
  }

  /** This vCPU's instruction count at its last yield (deterministic time). */
  private icountAtYield = 0;

  private async yieldToHost(): Promise<void> {
    this.stats.yields++;
    await this.vm.platform.yieldToHost();
    this.lastYield = this.vm.platform.now();
    this.icountAtYield = this.cpu.icount;
  }

  private async runLoop(): Promise<void> {
    const run = this.kvmRun;
    const cpu = this.cpu;
    // An HPT partition's table and VRMA are set up at its first run (KVM's mmu_ready).
    try {
      this.vm.setupMmu();
    } catch (e) {
      // kvmppc_hv_setup_htab_rma failed (no memory at guest physical 0 for
      // the VRMA): KVM_RUN fails with KVM_EXIT_FAIL_ENTRY, reason 0.
      this.kvmRun.clearExit();
      this.kvmRun.setFailEntry(0n, this.id);
      this.exit(U.KVM_EXIT_FAIL_ENTRY);
      throw e;
    }
    this.complete();
    const platform = this.vm.platform;
    const tpi = this.vm.ticksPerInsn;
    // Entering the partition ends a cede or a wait (kvmhv_vcpu_entry_p9
    // clears ceded): a vCPU the VMM took out of KVM_RUN (a signal, a system
    // reset it delivered) comes back running; H_CEDE returns as if woken.
    if (!run.immediate_exit) this.ceded = this.waiting = false;
    // A vCPU that exits to the VMM often (polling RTAS, say) ends its slices
    // early; it must still give the thread to the others: at entry when its
    // turn is over (host time), or after a slice's worth of instructions
    // since its last yield (deterministic time: the same point every run).
    if (tpi ? cpu.icount - this.icountAtYield >= SLICE : platform.now() - this.lastYield > YIELD_MS) await this.yieldToHost();
    for (;;) {
      if (run.immediate_exit) {
        // A signal while a nested guest runs: it exits with nothing to report (KVM's H_INTERRUPT: the L1 sees r3 = 0).
        if (this.nestedRun) exitNested(this, 0);
        return this.exit(U.KVM_EXIT_INTR);
      }
      const nr = this.nestedRun;
      if (nr) {
        // An interrupt for the L1 ends the nested run before it goes on (r3 = 0: the L1 takes it and enters again);
        // so does the L1's hypervisor decrementer (exit 0x980).
        if (nr.l1External) {
          this.waiting = false;
          exitNested(this, 0);
          continue;
        }
        if (nr.l1Timebase() >= nr.hdecExpiry) {
          this.waiting = false;
          exitNested(this, 0x980);
          continue;
        }
      }
      if (this.ceded || this.waiting) {
        await this.idle();
        continue;
      }
      // An MMIO access completed by the VMM re-runs its instruction alone,
      // before any interrupt can come in between (the access happens once).
      let budget = this.mmu.mmioDone ? 1 : SLICE;
      const tb0 = cpu.timebase();
      const n0 = cpu.icount;
      // The slice ends at the next deadline: the decrementer's when the
      // partition can take it, and the hypervisor decrementer's (the host's
      // turn, YIELD_MS after the last yield). Deterministic time converts
      // ticks to instructions exactly, so the interrupt comes at the same
      // instruction every run; host time converts with this vCPU's measured
      // rate, so a DEC arrives within a small fraction of a slice.
      const hdec = tpi ? Infinity : (this.lastYield + YIELD_MS - platform.now()) * TB_PER_MS;
      const dec = cpu.msrLo & MSR_EE ? cpu.decBase + 1 - tb0 : Infinity;
      // A nested guest also stops at the L1's hypervisor decrementer.
      const l1hdec = nr ? nr.hdecExpiry - nr.l1Timebase() : Infinity;
      const ticks = Math.min(dec, hdec, l1hdec);
      if (ticks < Infinity) budget = Math.max(1, Math.min(budget, Math.ceil(tpi ? ticks / tpi : ticks * this.insnsPerTick)));
      const t = this.exec.run(budget);
      if (!tpi) this.measureRate(cpu.icount - n0, cpu.timebase() - tb0);
      if (t === undefined) {
        // Host time: let the host in every YIELD_MS. Deterministic time: after
        // every slice (an instruction count), so vCPUs interleave the same way each run.
        if (tpi || platform.now() - this.lastYield > YIELD_MS) await this.yieldToHost();
        continue;
      }
      if (t instanceof CpuTrap) {
        if (t.kind === 'wait') this.waiting = !cpu.asyncPending();
        continue;
      }
      if (this.handle(t)) return;
    }
  }

  /**
   * msgsndp/msgclrp trapped by HFSCR[MSGP] (kvmppc_emulate_doorbell_instr):
   * a server doorbell (message type 5 in RB bits 32:36) to thread RB&0x7f of
   * this virtual core — one thread per core here, so thread 0 is the vCPU
   * itself — or clear this vCPU's. Other message types do nothing. Returns
   * false for any other instruction.
   */
  private emulateDoorbell(word: number): boolean {
    const x = word >>> 0;
    const xo = (x >>> 1) & 0x3ff;
    if (x >>> 26 !== 31 || (xo !== 142 && xo !== 174)) return false;
    const rb = this.cpu.getGpr((x >>> 11) & 31);
    if (((rb >> 27n) & 0x1fn) === 5n) {
      if (xo === 174) this.cpu.dbell = false;
      else if ((rb & 0x7fn) === 0n && !this.cpu.dbell) {
        this.cpu.dbell = true;
        this.cpu.ctxGen++;
      }
    }
    const next = (this.cpu.nipLo + 4) | 0;
    if (next === 0) this.cpu.nipHi = (this.cpu.nipHi + 1) | 0;
    this.cpu.nipLo = next;
    return true;
  }

  /** The instruction word at nip (the hypervisor reading the partition's instruction, as HEIR would give it). */
  private wordAtNip(): number {
    try {
      return this.mmu.fetch32(this.cpu.nipHi, this.cpu.nipLo, this.cpu.le) >>> 0;
    } catch {
      return 0;
    }
  }

  /** Finish the exit the VMM has answered (KVM does this at the start of KVM_RUN). */
  private complete(): void {
    const run = this.kvmRun;
    if (this.pending === 'hcall') {
      // r3 = ret, r4..r12 = args[0..8] (api.rst, KVM_EXIT_PAPR_HCALL).
      this.cpu.setGpr(3, run.papr_hcall.get('ret'));
      for (let i = 0; i < 9; i++) this.cpu.setGpr(4 + i, run.papr_hcall.arg(i));
    } else if (this.pending === 'mmio') {
      // The access completes when its instruction runs again with the VMM's
      // data. If the VMM moved the vCPU elsewhere (KVM_SET_REGS), the
      // instruction was abandoned and so is the access.
      const p = this.mmu.mmioPending!;
      const cpu = this.cpu;
      if (cpu.nipHi === this.mmioNipHi && cpu.nipLo === this.mmioNipLo) this.mmu.mmioDone = { gpa: p.gpa, len: p.len, write: p.write, data: p.write ? p.data : run.mmio_data.slice(0, p.len) };
      this.mmu.mmioPending = undefined;
    }
    this.pending = undefined;
  }

  private exit(reason: number): void {
    this.kvmRun.exit_reason = reason;
    this.stats.exits++;
  }

  /** Inject an interrupt into the partition at the current nip (kvmppc_inject_interrupt_hv). */
  private inject(vector: number, srr1: number, nipHi = this.cpu.nipHi, nipLo = this.cpu.nipLo, darHi = 0, darLo = 0, dsisr = 0): void {
    const i = new Interrupt(vector, srr1, false, darHi, darLo, dsisr);
    i.nipHi = nipHi;
    i.nipLo = nipLo;
    deliver(this.cpu, i);
  }

  /** A hypervisor interrupt: handle it in the core (false: keep running) or fill kvm_run (true). */
  private handle(intr: Interrupt): boolean {
    const cpu = this.cpu;
    // The trapping instruction (HEIR), read once: what HEAI and HFAC are decided on.
    const word = intr.vector === VEC_HEAI || intr.vector === VEC_HFAC_UNAVAILABLE ? (intr.insn || this.wordAtNip()) >>> 0 : 0;
    if (this.nestedRun && !(intr.vector === VEC_HFAC_UNAVAILABLE && word === STOP_WORD)) {
      // The nested guest's hypervisor is the L1: the L0 fixes what it owns
      // (shadow faults) and hands the rest to the L1 (nested/exits.ts).
      handleNestedExit(this, intr, word);
      return false;
    }
    switch (intr.vector) {
      case VEC_SYSCALL:
        // sc 1 from problem state is never an hcall (KVM-HV on POWER9,
        // book3s_hv.c): a radix partition gets a privileged-instruction
        // program interrupt; a hash partition gets it back as a system call
        // interrupt (its kernel may be running PR KVM). SRR0 is after the sc
        // either way. QEMU TCG instead returns H_PRIVILEGE.
        if (cpu.msrLo & MSR_PR) {
          this.inject(this.vm.radix ? VEC_PROGRAM : VEC_SYSCALL, this.vm.radix ? SRR1_PROG_PRIV : 0);
          return false;
        }
        return this.hcall();
      case VEC_HEAI:
        // A debugger's software breakpoint (KVM_SET_GUEST_DEBUG with
        // USE_SW_BP; kvmppc_emulate_debug_inst): KVM_EXIT_DEBUG at the
        // breakpoint, which stays unexecuted.
        if (this.guestDebug & U.KVM_GUESTDBG_USE_SW_BP && word === U.KVMPPC_INST_SW_BREAKPOINT) {
          this.kvmRun.clearExit();
          this.kvmRun.debug_address = (BigInt(cpu.nipHi >>> 0) << 32n) | BigInt(cpu.nipLo >>> 0);
          this.exit(U.KVM_EXIT_DEBUG);
          return true;
        }
        // Illegal, or a hypervisor resource the partition may not touch: KVM
        // emulates nothing here and gives an illegal-instruction program interrupt.
        this.inject(VEC_PROGRAM, SRR1_PROG_ILLEGAL);
        return false;
      case VEC_HDSI:
        if (this.mmu.mmioPending) return this.mmioExit();
        this.inject(VEC_DSI, 0, cpu.nipHi, cpu.nipLo, intr.darHi, intr.darLo, intr.dsisr);
        return false;
      case VEC_HFAC_UNAVAILABLE:
        // `stop` without KVM_CAP_PPC_GUEST_STOP (seed 001): emulate what the
        // partition asked for — a light stop. The thread idles until an
        // exception exists and resumes after the stop, exactly as with the
        // capability, so a VM runs the same on a host with or without it.
        if (word === STOP_WORD) {
          this.stats.stopsEmulated++;
          const next = (cpu.nipLo + 4) | 0;
          if (next === 0) cpu.nipHi = (cpu.nipHi + 1) | 0;
          cpu.nipLo = next;
          this.waiting = !(cpu.extPending || cpu.decPending());
          return false;
        }
        if (this.emulateDoorbell(word)) return false;
        // Any other facility the partition may not use: KVM gives it an illegal-instruction program interrupt.
        this.inject(VEC_PROGRAM, SRR1_PROG_ILLEGAL);
        return false;
      case VEC_HISI:
        // Instruction fetch from outside guest RAM: reflected as an ISI, as KVM does.
        this.inject(VEC_ISI, SRR1_ISI_NOPTE);
        return false;
      default:
        // An interrupt the core does not handle: KVM_EXIT_UNKNOWN with the trap number.
        this.kvmRun.clearExit();
        this.kvmRun.hardware_exit_reason = BigInt(intr.vector);
        this.exit(U.KVM_EXIT_UNKNOWN);
        return true;
    }
  }

  private hcall(): boolean {
    const cpu = this.cpu;
    const nr = Number(cpu.getGpr(3) & 0xffffffffn);
    const gated = nr <= U.MAX_HCALL_OPCODE && !this.vm.enabledHcalls.has(nr);
    const h = gated ? undefined : IN_CORE_HCALLS[nr];
    if (h !== undefined) {
      const ret = h(this);
      if (ret === NESTED_ENTERED) {
        // H_ENTER_NESTED: the nested guest runs now; the L1's r3 is written when it exits.
        this.stats.hcallsInCore++;
        return false;
      }
      if (ret !== U.H_TOO_HARD) {
        cpu.setGpr(3, BigInt.asUintN(64, BigInt(ret)));
        this.stats.hcallsInCore++;
        return false;
      }
    }
    // To the VMM: nr = r3, args = r4..r12; completed by the next run().
    const run = this.kvmRun;
    run.clearExit();
    run.papr_hcall.set('nr', BigInt(nr));
    run.papr_hcall.set('ret', 0n);
    for (let i = 0; i < 9; i++) run.papr_hcall.setArg(i, cpu.getGpr(4 + i));
    this.pending = 'hcall';
    this.stats.hcallsToVmm++;
    this.exit(U.KVM_EXIT_PAPR_HCALL);
    return true;
  }

  private mmioExit(): boolean {
    const p = this.mmu.mmioPending!;
    const run = this.kvmRun;
    run.clearExit();
    run.mmio_phys_addr = BigInt(p.gpa);
    run.mmio_len = p.len;
    run.mmio_is_write = p.write ? 1 : 0;
    if (p.write) run.mmio_data.set(p.data);
    this.pending = 'mmio';
    this.mmioNipHi = this.cpu.nipHi;
    this.mmioNipLo = this.cpu.nipLo;
    this.stats.mmio++;
    this.exit(U.KVM_EXIT_MMIO);
    return true;
  }

  /** An idle thread (ceded or waiting) sleeps until an interrupt is due, a prod or a kick. */
  private async idle(): Promise<void> {
    const cpu = this.cpu;
    const nr = this.nestedRun;
    const due = () => (this.ceded ? cpu.asyncPending() || this.prodded : cpu.extPending || cpu.decPending() || cpu.dbell) || (nr !== undefined && (nr.l1External || nr.l1Timebase() >= nr.hdecExpiry));
    if (due()) {
      if (this.ceded && this.prodded) this.prodded = false;
      this.ceded = this.waiting = false;
      this.areas.dispatch();
      return;
    }
    // Not running guest code while idle (the VPA's yield count goes odd).
    this.areas.undispatch();
    if (this.vm.ticksPerInsn) {
      // Deterministic time: when every vCPU idles, time jumps to the first
      // deadline; otherwise let the others run (they advance time) and look again.
      // In the partition's timebase (a nested guest's runs tb_offset ahead), and no later than the L1's HDEC.
      this.idleDeadline = nr ? Math.min(cpu.decBase + 1 - nr.tbOffset, nr.hdecExpiry) : cpu.decBase + 1;
      try {
        if (this.vm.allIdle()) this.vm.warpToNextDeadline();
        else
          await new Promise<void>((resolve) => {
            this.wake = resolve;
            void this.vm.platform.yieldToHost().then(() => {
              if (this.wake === resolve) this.wake = undefined;
              resolve();
            });
          });
      } finally {
        this.idleDeadline = undefined;
      }
      return;
    }
    // Sleep until the decrementer fires (or a kick comes first).
    const ticks = Math.max(0, Math.min(cpu.decBase - cpu.timebase(), nr ? nr.hdecExpiry - nr.l1Timebase() : Infinity));
    const ms = Math.min(ticks / 512_000, 1000);
    await new Promise<void>((resolve) => {
      this.wake = resolve;
      void this.vm.platform.sleep(ms).then(() => {
        if (this.wake === resolve) this.wake = undefined;
        resolve();
      });
    });
  }

  /** H_CEDE's effect on the thread: MSR[EE] on, and idle unless already prodded. */
  cede(): void {
    const cpu = this.cpu;
    cpu.setMsr(cpu.msrHi, cpu.msrLo | MSR_EE);
    if (this.prodded) this.prodded = false;
    else this.ceded = true;
  }

  // ---- registers (regs.ts) ----

  /** KVM_GET_REGS */
  getRegs(): KvmRegs {
    return getRegs(this.cpu);
  }
  /** KVM_SET_REGS */
  setRegs(r: KvmRegs): void {
    setRegs(this.cpu, r);
  }
  /** KVM_GET_SREGS */
  getSregs(): KvmSregs {
    return getSregs(this.cpu, this.mmu.slb);
  }
  /** KVM_SET_SREGS: the PVR must be the host's. */
  setSregs(r: KvmSregs): void {
    setSregs(this.cpu, r, this.mmu.slb);
    this.mmu.flushRelocated();
  }
  /** KVM_GET_FPU: fpr[32] */
  getFpu(): bigint[] {
    return Array.from({ length: 32 }, (_, i) => getOneReg(this, U.KVM_REG_PPC_FPR0 + BigInt(i)) as bigint);
  }
  /** KVM_SET_FPU */
  setFpu(fpr: readonly bigint[]): void {
    fpr.forEach((v, i) => setOneReg(this, U.KVM_REG_PPC_FPR0 + BigInt(i), v));
  }
  /** KVM_GET_ONE_REG */
  getOneReg(id: bigint): bigint | Uint8Array {
    return getOneReg(this, id);
  }
  /** KVM_SET_ONE_REG */
  setOneReg(id: bigint, v: bigint | Uint8Array): void {
    setOneReg(this, id, v);
  }

  /** Read an SPR as the hypervisor sees it (debugging, tests). */
  spr(num: number): bigint {
    return hvReadSpr(this.cpu, num);
  }
}
