// System calls: the guest's r0 is the number, r3..r8 the arguments; the
// result goes to r3 with CR0[SO] set on error (r3 = positive errno), as
// the powerpc Linux ABI says.

import { ExitProcess, type Process } from './process.js';

export const ENOSYS = 38;

type Syscall = (p: Process, a: number[]) => number;

const SYSCALLS: Record<number, Syscall> = {
  1: (_p, a) => {
    throw new ExitProcess(a[0]! & 0xff);
  }, // exit
  234: (_p, a) => {
    throw new ExitProcess(a[0]! & 0xff);
  }, // exit_group
  4: (p, a) => p.opts.host.write(a[0]!, p.mem.readBytes(a[1]!, a[2]!)), // write
};

export function doSyscall(p: Process): void {
  const cpu = p.cpu;
  const nr = cpu.gprLo[0]!;
  const args = [3, 4, 5, 6, 7, 8].map((r) => cpu.gprNum(r));
  const fn = SYSCALLS[nr];
  const ret = fn ? fn(p, args) : -ENOSYS;
  if (ret < 0) {
    cpu.setGprNum(3, -ret);
    cpu.cr |= 0x10000000; // CR0[SO]
  } else {
    cpu.setGprNum(3, ret);
    cpu.cr &= ~0x10000000;
  }
}
