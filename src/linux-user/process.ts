// A Linux-user process: an ELF image in a sparse address space, one CPU,
// and the system-call bridge. Like qemu-ppc64le, it runs a static POWER
// executable directly on the host kernel's services.

import { parseElf, ElfError, ET_DYN, PT_LOAD, PT_INTERP, PF_R, PF_W, PF_X, type ElfFile } from '../loader/elf.js';
import { SparseMemory, PAGE_SIZE, PROT_READ, PROT_WRITE, PROT_EXEC } from '../memory/sparse-memory.js';
import { CpuState } from '../cpu/ppc64/state.js';
import { Executor, type JitKind } from '../cpu/ppc64/exec.js';
import { CpuTrap } from '../cpu/ppc64/trap.js';
import { Interrupt } from '../cpu/ppc64/interrupt.js';
import { decoder } from '../isa/ppc64/decoder.js';
import { HANDLERS } from '../cpu/ppc64/interp/index.js';
import { userMsr } from '../cpu/ppc64/msr.js';
import { POWER9_PVR } from '../cpu/ppc64/spr.js';
import type { HostOs } from './host.js';
import { doSyscall } from './syscalls.js';
import { buildInitialStack } from './stack.js';
import { deliver, handlerOf, blocked } from './signals.js';

export const STACK_TOP = 0x7fff_fffe_0000;
export const STACK_SIZE = 8 * 1024 * 1024;
/** Where mmap(NULL, …) starts looking (grows up; well below the stack). */
export const MMAP_BASE = 0x7fff_0000_0000 / 2;

export class ExitProcess {
  constructor(readonly status: number) {}
}

/** A signal whose default action ends the process (raised by kill/tgkill of itself). */
export class FatalSignal {
  constructor(readonly sig: number) {}
}

export interface ProcessOptions {
  argv: string[];
  envp: string[];
  host: HostOs;
  /** Deterministic AT_RANDOM bytes (tests); random otherwise. */
  random?: Uint8Array;
  /** Log every system call to this sink (like qemu -strace). */
  strace?: (line: string) => void;
  /** AT_EXECFN: the file name as given to exec (default argv[0]). */
  execfn?: string;
  /** Absolute path of the executable: what readlink("/proc/self/exe") answers. */
  exePath?: string;
  /** Block-compiler threshold (ExecutorOptions.blockThreshold; negative: interpreter only). */
  blockThreshold?: number;
  /** What blocks compile to (ExecutorOptions.jit). */
  jit?: JitKind;
}

export const SIGNAL_NAMES: Record<number, string> = {
  1: 'Hangup',
  2: 'Interrupt',
  3: 'Quit',
  4: 'Illegal instruction',
  5: 'Trace/breakpoint trap',
  6: 'Aborted',
  7: 'Bus error',
  8: 'Floating point exception',
  9: 'Killed',
  10: 'User defined signal 1',
  11: 'Segmentation fault',
  12: 'User defined signal 2',
  13: 'Broken pipe',
  14: 'Alarm clock',
  15: 'Terminated',
  24: 'CPU time limit exceeded',
  25: 'File size limit exceeded',
  31: 'Bad system call',
};

/** Signals whose default action dumps core (qemu then prints "uncaught target signal"). */
export const CORE_SIGNALS = new Set([3, 4, 5, 6, 7, 8, 11, 24, 25, 31]);
/** Signals whose default action is to be ignored. */
export const IGNORED_SIGNALS = new Set([17, 18, 23, 28]); // CHLD, CONT, URG, WINCH

export class Process {
  readonly mem = new SparseMemory();
  readonly cpu: CpuState;
  readonly exec: Executor;
  readonly elf: ElfFile;
  brkStart = 0;
  brk = 0;
  mmapBase = MMAP_BASE;
  /** Where an ET_DYN (static-pie) image is placed, as Linux's ELF_ET_DYN_BASE for ppc64; 0 for ET_EXEC. */
  loadBias = 0;
  exitStatus: number | undefined;
  /** Raw struct sigaction (32 bytes, guest order) per signal number. */
  readonly sigactions = new Map<number, Uint8Array>();
  sigmask = 0n;
  /** Pages of PROT_NONE anonymous mappings: reserved address space with no memory behind it. */
  readonly reserved = new Set<number>();
  tidAddress = 0;
  /** sigaltstack, when set. */
  altstack: { sp: number; size: number } | undefined;
  /** Signals sent while blocked (signal → si_code), delivered when unblocked. */
  readonly pending = new Map<number, number>();
  /** A signal to deliver once the current system call has returned (its result is in r3). */
  deliverAfterSyscall: { sig: number; code: number } | undefined;
  /** Set by rt_sigreturn: the registers were restored, leave r3/CR0 alone. */
  skipSyscallResult = false;
  /** getdents64 position (entry index) per open directory fd. */
  readonly dirPos = new Map<number, number>();
  /** The last fatal trap and its description (for tests and the CLI). */
  lastFatal: { sig: number; detail: string } | undefined;

  constructor(
    image: Uint8Array,
    readonly opts: ProcessOptions,
  ) {
    this.elf = parseElf(image);
    if (this.elf.phdrs.some((p) => p.type === PT_INTERP)) throw new ElfError('dynamically linked executables are not supported (PT_INTERP present); use a static binary');
    if (!this.elf.phdrs.some((p) => p.type === PT_LOAD && p.memsz > 0)) throw new ElfError('no loadable segments');
    if (this.elf.type === ET_DYN) this.loadBias = 0x1_0000_0000;
    this.cpu = new CpuState(this.mem);
    this.cpu.setMsr(...userMsr(this.elf.littleEndian));
    this.exec = new Executor(this.cpu, { blockThreshold: opts.blockThreshold, jit: opts.jit });
    this.mem.onUnmap = (page) => this.exec.invalidate(page * PAGE_SIZE, PAGE_SIZE);
    this.load();
  }

  private load(): void {
    const { elf, mem } = this;
    let end = 0;
    // Segments may share a 64 KiB page (binaries linked for 4 KiB pages): union the permissions.
    const pageProt = new Map<number, number>();
    for (const ph of elf.phdrs) {
      if (ph.type !== PT_LOAD || ph.memsz === 0) continue;
      const prot = (ph.flags & PF_R ? PROT_READ : 0) | (ph.flags & PF_W ? PROT_WRITE : 0) | (ph.flags & PF_X ? PROT_EXEC : 0);
      const va = ph.vaddr + this.loadBias;
      for (let pg = Math.floor(va / PAGE_SIZE); pg * PAGE_SIZE < va + ph.memsz; pg++) pageProt.set(pg, (pageProt.get(pg) ?? 0) | prot | PROT_READ);
      end = Math.max(end, va + ph.memsz);
    }
    for (const [pg, prot] of pageProt) mem.map(pg * PAGE_SIZE, PAGE_SIZE, prot);
    for (const ph of elf.phdrs) {
      if (ph.type === PT_LOAD && ph.filesz > 0) mem.writeBytes(ph.vaddr + this.loadBias, elf.bytes.subarray(ph.offset, ph.offset + ph.filesz), true);
    }
    this.brkStart = this.brk = Math.ceil(end / PAGE_SIZE) * PAGE_SIZE;
    mem.map(STACK_TOP - STACK_SIZE, STACK_SIZE, PROT_READ | PROT_WRITE);

    const sp = buildInitialStack(this, STACK_TOP);
    const cpu = this.cpu;
    // As qemu-user's init_thread (and Linux's start_thread): r1 = stack, and for
    // ELFv1 r2 = TOC from the entry descriptor; for ELFv2 r12 = entry. Others are 0.
    cpu.setGprNum(1, sp);
    let entry = elf.entry + this.loadBias;
    if (elf.abiVersion !== 2) {
      // ELFv1 (e_flags ABI version 0 or 1, whatever the byte order): e_entry points
      // to a function descriptor (entry, TOC, environment).
      let d: Uint8Array;
      try {
        d = mem.readBytes(entry, 16);
      } catch {
        throw new ElfError(`entry point descriptor 0x${entry.toString(16)} is not in a loaded segment`);
      }
      const dv = new DataView(d.buffer);
      entry = Number(dv.getBigUint64(0, elf.littleEndian)) + this.loadBias;
      cpu.setGprNum(2, Number(dv.getBigUint64(8, elf.littleEndian)) + this.loadBias);
    } else {
      cpu.setGprNum(12, entry);
    }
    if (!mem.isMapped(entry)) throw new ElfError(`entry point 0x${entry.toString(16)} is not in a loaded segment`);
    cpu.nip = entry;
  }

  /** Run until the guest exits; returns the exit status (128+signal for a fatal signal). */
  run(sliceInsns = 1_000_000): number {
    for (;;) {
      const trap = this.exec.run(sliceInsns);
      if (trap === undefined) continue;
      const st = this.handleTrap(trap);
      if (st !== undefined) return st;
    }
  }

  /** Deal with a trap; returns an exit status when the process ends. */
  handleTrap(trap: CpuTrap | Interrupt): number | undefined {
    // Linux-user mode runs without system-mode delivery: the CPU only raises traps.
    if (trap instanceof Interrupt) return this.handleTrap(new CpuTrap('illegal'));
    // wait: an interrupt is always due soon for a process; carry on.
    if (trap.kind === 'wait') return undefined;
    if (trap.kind === 'privileged' && this.emulatePrivileged()) return undefined;
    if (trap.kind === 'syscall') {
      // Every interrupt loses the reservation (Linux's exception exit clears it; QEMU too).
      this.cpu.resValid = false;
      if (trap.code === 1) {
        // sc 1 is a hypercall: from problem state Linux refuses it as a privileged
        // instruction (SIGILL, ILL_PRVOPC), with nip at the sc.
        const lo = (this.cpu.nipLo - 4) | 0;
        if (lo >>> 0 > this.cpu.nipLo >>> 0) this.cpu.nipHi = (this.cpu.nipHi - 1) | 0;
        this.cpu.nipLo = lo;
        return this.handleTrap(new CpuTrap('privileged'));
      }
      try {
        doSyscall(this);
      } catch (e) {
        if (e instanceof ExitProcess) return (this.exitStatus = e.status);
        if (e instanceof FatalSignal) return (this.exitStatus = this.die(e.sig, trap, `kill() at pc 0x${(this.cpu.nip - 4).toString(16)}`));
        throw e;
      }
      const d = this.deliverAfterSyscall;
      if (d) {
        this.deliverAfterSyscall = undefined;
        deliver(this, d.sig, { code: d.code, addr: 0 }, this.cpu.nip);
      }
      return undefined;
    }
    // A CPU fault: run the guest's handler if it has one (and the signal is not blocked), else die.
    const sig = SIGNALS[trap.kind];
    if (sig !== undefined && handlerOf(this, sig) > 1n && !blocked(this, sig)) {
      const code = trap.kind === 'segv' ? trap.code || 1 : trap.kind === 'privileged' ? 5 : trap.kind === 'fp' ? trap.code || 0 : 1;
      deliver(this, sig, { code, addr: trap.kind === 'segv' ? trap.addr : this.cpu.nip }, this.cpu.nip);
      return undefined;
    }
    return (this.exitStatus = this.fatalSignal(trap));
  }

  /**
   * Privileged instructions Linux emulates for user space (emulate_instruction
   * in arch/powerpc/kernel/traps.c): mfspr rD,PVR reads the real PVR. QEMU's
   * linux-user, the oracle, reads it through mftb rD,287 too (an invalid TBR
   * it treats as mfspr), so that is emulated as well. True when emulated (nip
   * then points past it).
   */
  private emulatePrivileged(): boolean {
    const cpu = this.cpu;
    let word: number;
    try {
      word = this.mem.fetch32(cpu.nipHi, cpu.nipLo, cpu.le);
    } catch {
      return false;
    }
    const pvr = (word & 0xfc1ffffe) >>> 0;
    if (pvr !== 0x7c1f42a6 && pvr !== 0x7c1f42e6) return false; // PPC_INST_MFSPR_PVR, or mftb's xo
    const rt = (word >>> 21) & 31;
    cpu.gprHi[rt] = 0;
    cpu.gprLo[rt] = POWER9_PVR;
    cpu.nip = cpu.nip + 4;
    return true;
  }

  /** A signal with no handler: report it like qemu-user and end with 128+signal. */
  private fatalSignal(trap: CpuTrap): number {
    const sig = SIGNALS[trap.kind] ?? 6;
    return this.die(sig, trap, this.describeTrap(trap));
  }

  private die(sig: number, trap: CpuTrap, detail: string): number {
    this.lastFatal = { sig, detail };
    if (CORE_SIGNALS.has(sig)) this.opts.host.fatalSignal?.(sig, this.cpu.nip, trap, detail);
    return 128 + sig;
  }

  /** "pc 0x…: insn 0x… (mnemonic, not implemented)" and the like. */
  describeTrap(trap: CpuTrap): string {
    const pc = this.cpu.nip;
    let s = `pc 0x${pc.toString(16)}`;
    if (trap.kind === 'segv') return `${s}: bad access to 0x${trap.addr.toString(16)}`;
    let word: number;
    try {
      word = this.mem.fetch32(Math.floor(pc / 2 ** 32) | 0, pc % 2 ** 32 | 0, this.cpu.le) >>> 0;
    } catch {
      return `${s}: instruction fetch failed`;
    }
    s += `: insn 0x${word.toString(16).padStart(8, '0')}`;
    if (trap.kind === 'illegal' || trap.kind === 'privileged') {
      const row = decoder().decode(word);
      if (!row) s += ' (not a known instruction)';
      else if (!HANDLERS[row.mnem]) s += ` (${row.mnem}: not implemented)`;
      else s += ` (${row.mnem}${trap.kind === 'privileged' ? ': privileged' : ': invalid form'})`;
    }
    return s;
  }
}

const SIGNALS: Partial<Record<CpuTrap['kind'], number>> = {
  illegal: 4,
  privileged: 4,
  trap: 5,
  fp: 8,
  bus: 7,
  segv: 11,
};
