// A Linux-user process: an ELF image in a sparse address space, one CPU,
// and the system-call bridge. Like qemu-ppc64le, it runs a static POWER
// executable directly on the host kernel's services.

import { parseElf, ElfError, PT_LOAD, PT_INTERP, PF_R, PF_W, PF_X, type ElfFile } from '../loader/elf.js';
import { SparseMemory, PAGE_SIZE, PROT_READ, PROT_WRITE, PROT_EXEC } from '../memory/sparse-memory.js';
import { CpuState } from '../cpu/ppc64/state.js';
import { Executor } from '../cpu/ppc64/exec.js';
import type { CpuTrap } from '../cpu/ppc64/trap.js';
import type { HostOs } from './host.js';
import { doSyscall } from './syscalls.js';
import { buildInitialStack } from './stack.js';

export const STACK_TOP = 0x7fff_fffe_0000;
export const STACK_SIZE = 8 * 1024 * 1024;

export class ExitProcess {
  constructor(readonly status: number) {}
}

export interface ProcessOptions {
  argv: string[];
  envp: string[];
  host: HostOs;
  /** Deterministic AT_RANDOM bytes (tests); random otherwise. */
  random?: Uint8Array;
}

export class Process {
  readonly mem = new SparseMemory();
  readonly cpu: CpuState;
  readonly exec: Executor;
  readonly elf: ElfFile;
  brkStart = 0;
  brk = 0;
  mmapBase = 0x7fff_0000_0000 / 2; // grows up from here; below the stack
  exitStatus: number | undefined;

  constructor(
    image: Uint8Array,
    readonly opts: ProcessOptions,
  ) {
    this.elf = parseElf(image);
    if (this.elf.phdrs.some((p) => p.type === PT_INTERP)) throw new ElfError('dynamically linked executables are not supported (PT_INTERP present); use a static binary');
    this.cpu = new CpuState(this.mem);
    this.cpu.le = this.elf.littleEndian;
    this.exec = new Executor(this.cpu);
    this.mem.onUnmap = (page) => this.exec.invalidate(page * PAGE_SIZE, PAGE_SIZE);
    this.load();
  }

  private load(): void {
    const { elf, mem } = this;
    let end = 0;
    for (const ph of elf.phdrs) {
      if (ph.type !== PT_LOAD || ph.memsz === 0) continue;
      const prot = (ph.flags & PF_R ? PROT_READ : 0) | (ph.flags & PF_W ? PROT_WRITE : 0) | (ph.flags & PF_X ? PROT_EXEC : 0);
      const start = Math.floor(ph.vaddr / PAGE_SIZE) * PAGE_SIZE;
      mem.map(start, ph.vaddr + ph.memsz - start, prot | PROT_READ);
      mem.writeBytes(ph.vaddr, elf.bytes.subarray(ph.offset, ph.offset + ph.filesz), true);
      end = Math.max(end, ph.vaddr + ph.memsz);
    }
    this.brkStart = this.brk = Math.ceil(end / PAGE_SIZE) * PAGE_SIZE;
    mem.map(STACK_TOP - STACK_SIZE, STACK_SIZE, PROT_READ | PROT_WRITE);

    const sp = buildInitialStack(this, STACK_TOP);
    const cpu = this.cpu;
    cpu.setGprNum(1, sp);
    let entry = elf.entry;
    if (elf.abiVersion !== 2) {
      // ELFv1 (e_flags ABI version 0 or 1, whatever the byte order): e_entry points
      // to a function descriptor (entry, TOC, environment), as Linux's start_thread reads it.
      const d = mem.readBytes(entry, 16);
      const dv = new DataView(d.buffer);
      entry = Number(dv.getBigUint64(0, elf.littleEndian));
      cpu.setGprNum(2, Number(dv.getBigUint64(8, elf.littleEndian)));
    }
    cpu.nip = entry;
    cpu.setGprNum(12, entry);
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
  handleTrap(trap: CpuTrap): number | undefined {
    if (trap.kind === 'syscall') {
      try {
        doSyscall(this);
      } catch (e) {
        if (e instanceof ExitProcess) return (this.exitStatus = e.status);
        throw e;
      }
      return undefined;
    }
    return (this.exitStatus = this.fatalSignal(trap));
  }

  /** A signal with no handler: report it like qemu-user and end with 128+signal. */
  private fatalSignal(trap: CpuTrap): number {
    const sig = SIGNALS[trap.kind] ?? 6;
    this.opts.host.fatalSignal?.(sig, this.cpu.nip, trap);
    return 128 + sig;
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
