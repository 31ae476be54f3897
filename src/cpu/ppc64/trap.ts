// What an instruction handler raises when it cannot complete (rare paths
// only): thrown, caught by the run loop. In Linux-user mode the loop returns
// it to the process (signals); in system mode it becomes the architected
// interrupt (interrupt.ts, trapInterrupt in delivery.ts).

export type TrapKind =
  | 'syscall' // sc / scv: nip points after the instruction
  | 'illegal' // not an instruction, or not implemented (HEAI on POWER9; SIGILL ILL_ILLOPC)
  | 'privileged' // privileged instruction in problem state (SIGILL ILL_PRVOPC)
  | 'trap' // tw/td/twi/tdi condition met (SIGTRAP)
  | 'fp' // enabled floating-point exception (SIGFPE)
  | 'segv' // storage access failed (Linux-user memory only)
  | 'bus' // alignment interrupt (lq/lmw in LE, unaligned larx/stcx.…)
  | 'wait' // wait: until an exception exists (nip is past the instruction)
  | 'halt'; // the host asked the loop to stop

export class CpuTrap {
  constructor(
    readonly kind: TrapKind,
    /** Detail: syscall level (sc LEV), FP exception code. */
    readonly code = 0,
    /** The faulting address (segv, bus) as a double (exact below 2^53). */
    readonly addr = 0,
    /** The faulting address as halves, when known exactly (alignment: the DAR). */
    readonly addrHi = 0,
    readonly addrLo = 0,
  ) {}
}

/** Raise an illegal-instruction trap (handlers call this for invalid forms). */
export function illegal(): never {
  throw new CpuTrap('illegal');
}

/** Raise an alignment trap for the access at (hi, lo). */
export function alignment(hi: number, lo: number): never {
  throw new CpuTrap('bus', 0, (hi >>> 0) * 2 ** 32 + (lo >>> 0), hi, lo);
}
