// Why the CPU stopped executing guest code: thrown by handlers (rare paths only)
// and turned by the run loop into an exit for its caller (Linux-user signals,
// or, later, interrupts delivered by the hypervisor).

export type TrapKind =
  | 'syscall' // sc / scv: nip points after the instruction
  | 'illegal' // SIGILL ILL_ILLOPC: not an instruction, or not implemented
  | 'privileged' // SIGILL ILL_PRVOPC: privileged instruction in problem state
  | 'trap' // SIGTRAP: tw/td/twi/tdi condition met
  | 'fp' // SIGFPE: enabled floating-point exception
  | 'segv' // SIGSEGV: storage access failed
  | 'bus' // SIGBUS: alignment (lq/lmw in LE…)
  | 'halt'; // the host asked the loop to stop

export class CpuTrap {
  constructor(
    readonly kind: TrapKind,
    /** Detail: syscall level (sc LEV), FP exception code, or the faulting address for segv. */
    readonly code = 0,
    readonly addr = 0,
  ) {}
}

/** Raise an illegal-instruction trap (handlers call this for invalid forms). */
export function illegal(): never {
  throw new CpuTrap('illegal');
}
