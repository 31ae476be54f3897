// System calls: the guest's r0 is the number, r3..r8 the arguments; the
// result goes to r3 with CR0[SO] set on error (r3 = positive errno), as
// the powerpc Linux ABI says. Numbers are powerpc64's
// (arch/powerpc/kernel/syscalls/syscall.tbl, the "64"/"common" rows).

import { MemFault } from '../memory/guest-memory.js';
import type { Process } from './process.js';
import { ENOSYS, EFAULT } from './abi.js';
import { FS_SYSCALLS } from './sys-fs.js';
import { MEM_SYSCALLS } from './sys-mem.js';
import { PROC_SYSCALLS } from './sys-proc.js';

export { ENOSYS };

/** The six argument registers, read three ways. */
export class Args {
  constructor(private readonly p: Process) {}
  /** Unsigned 64-bit value as a number (exact below 2^53: addresses, sizes). */
  u(i: number): number {
    return this.p.cpu.gprNum(3 + i);
  }
  /** Low 32 bits, signed (int arguments: fds, flags, modes). */
  i(i: number): number {
    return this.p.cpu.gprLo[3 + i]!;
  }
  /** Low 32 bits, unsigned. */
  w(i: number): number {
    return this.p.cpu.gprLo[3 + i]! >>> 0;
  }
  /** Signed 64-bit value as a number (offsets). */
  s(i: number): number {
    const c = this.p.cpu;
    return c.gprHi[3 + i]! * 4294967296 + (c.gprLo[3 + i]! >>> 0);
  }
}

export type Syscall = (p: Process, a: Args) => number;

export interface SyscallDef {
  name: string;
  fn: Syscall;
}

const ENOSYS_CALL: Syscall = () => -ENOSYS;

const TABLE = new Map<number, SyscallDef>();
for (const part of [FS_SYSCALLS, MEM_SYSCALLS, PROC_SYSCALLS]) {
  for (const [nr, def] of Object.entries(part)) TABLE.set(Number(nr), def);
}
// Process creation and replacement need a second process: not supported.
for (const [nr, name] of [
  [2, 'fork'],
  [189, 'vfork'],
  [120, 'clone'],
  [435, 'clone3'],
  [11, 'execve'],
  [362, 'execveat'],
  [114, 'wait4'],
  [7, 'waitpid'],
  [272, 'waitid'],
] as const) {
  TABLE.set(nr, { name, fn: ENOSYS_CALL });
}

export function syscallName(nr: number): string {
  return TABLE.get(nr)?.name ?? `syscall_${nr}`;
}

export function doSyscall(p: Process): void {
  const cpu = p.cpu;
  const nr = cpu.gprLo[0]!;
  const def = TABLE.get(nr);
  const args = new Args(p);
  const shown = p.opts.strace ? [0, 1, 2, 3].map((i) => '0x' + cpu.getGpr(3 + i).toString(16)) : [];
  let ret: number;
  try {
    ret = def ? def.fn(p, args) : -ENOSYS;
  } catch (e) {
    if (e instanceof MemFault) ret = -EFAULT;
    else throw e;
  }
  if (p.opts.strace) {
    p.opts.strace(`${def?.name ?? `syscall_${nr}`}(${shown.join(',')}) = ${ret < 0 && ret > -4096 ? `-1 errno=${-ret}` : ret < 0 ? ret : '0x' + ret.toString(16)}`);
  }
  if (p.skipSyscallResult) {
    p.skipSyscallResult = false;
    return;
  }
  if (ret < 0 && ret > -4096) {
    cpu.setGprNum(3, -ret);
    cpu.cr |= 0x10000000; // CR0[SO]
  } else {
    cpu.setGprNum(3, ret);
    cpu.cr &= ~0x10000000;
  }
}
