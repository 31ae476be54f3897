// Interrupts as data (Book III chapter 7): what the CPU raises, with the
// architected values, and nothing about who handles it. In system mode the
// run loop delivers the ones the partition takes itself (delivery.ts) and
// returns the hypervisor ones to the hypervisor core; Linux-user mode turns
// them into signals.

// ---- vectors (offsets from the interrupt base) ----
export const VEC_SYSTEM_RESET = 0x100;
export const VEC_MACHINE_CHECK = 0x200;
export const VEC_DSI = 0x300;
export const VEC_DSEG = 0x380;
export const VEC_ISI = 0x400;
export const VEC_ISEG = 0x480;
export const VEC_EXTERNAL = 0x500;
export const VEC_ALIGNMENT = 0x600;
export const VEC_PROGRAM = 0x700;
export const VEC_FP_UNAVAILABLE = 0x800;
export const VEC_DECREMENTER = 0x900;
export const VEC_HDECREMENTER = 0x980;
export const VEC_DOORBELL = 0xa00;
export const VEC_SYSCALL = 0xc00;
export const VEC_TRACE = 0xd00;
export const VEC_HDSI = 0xe00;
export const VEC_HISI = 0xe20;
export const VEC_HEAI = 0xe40;
export const VEC_HMI = 0xe60;
export const VEC_HDOORBELL = 0xe80;
export const VEC_HVIRT = 0xea0;
export const VEC_PERFMON = 0xf00;
export const VEC_VMX_UNAVAILABLE = 0xf20;
export const VEC_VSX_UNAVAILABLE = 0xf40;
export const VEC_FAC_UNAVAILABLE = 0xf60;
export const VEC_HFAC_UNAVAILABLE = 0xf80;
export const VEC_SCV = 0x3000; // system call vectored: 0x3000 + 0x20 * LEV (AIL-relocated only)

// ---- SRR1 cause bits (low word; ISA bits 33:36 and 42:47) ----
/** The SRR1 bits an interrupt sets; the rest of SRR1 is copied from the MSR. */
export const SRR1_CAUSE_MASK = 0x783f0000;
// Program interrupt (7.5.9)
export const SRR1_PROG_FPE = 0x00100000; // 43: floating-point enabled exception
export const SRR1_PROG_ILLEGAL = 0x00080000; // 44
export const SRR1_PROG_PRIV = 0x00040000; // 45
export const SRR1_PROG_TRAP = 0x00020000; // 46
export const SRR1_PROG_ADDR = 0x00010000; // 47: SRR0 holds the next instruction's address
// ISI (7.5.5)
export const SRR1_ISI_NOPTE = 0x40000000; // 33: no translation
export const SRR1_ISI_N_G = 0x10000000; // 35: no-execute or guarded storage
export const SRR1_ISI_PROT = 0x08000000; // 36: protection / storage key
// Wake-up reasons in SRR1 bits 42:45 after stop/wait (7.5.1, Table 7.3)
export const SRR1_WAKE_EXTERNAL = 0x00200000; // 0b1000 at 42:45
export const SRR1_WAKE_DEC = 0x00180000; // 0b0110
export const SRR1_WAKE_HV_DOORBELL = 0x00140000; // 0b0101 (…)
// HEAI/HFAC: SRR1 bit 45 (ISA 3.0 sets nothing special; HEIR holds the instruction)

// ---- DSISR bits (ISA bits 32:63 of DSISR) ----
export const DSISR_NOPTE = 0x40000000; // 33
export const DSISR_PROT = 0x08000000; // 36
export const DSISR_STORE = 0x02000000; // 38
export const DSISR_KEY = 0x00200000; // 42
export const DSISR_UNSUPP_MMU = 0x00080000; // 44
export const DSISR_SET_RC = 0x00040000; // 45: R or C needed setting in a partition-scoped entry
export const DSISR_PRTABLE = 0x00020000; // 46: fault on a table walk (partition-scoped)

/**
 * An interrupt raised by the CPU. `nipHi/nipLo` is the address SRR0 (or
 * HSRR0) receives; `hv` says it is a hypervisor interrupt (HSRR0/HSRR1,
 * handled by the hypervisor, never by the partition directly).
 */
export class Interrupt {
  /** Address the interrupt saves (SRR0/HSRR0): set by the run loop. */
  nipHi = 0;
  nipLo = 0;
  /**
   * ASDR for a hypervisor storage interrupt raised by partition-scoped
   * translation: the guest real address that did not translate (a nested
   * guest's, kvm/ppc/nested).
   */
  asdr = 0;
  constructor(
    readonly vector: number,
    /** SRR1 cause bits (within SRR1_CAUSE_MASK, or wake-up bits). */
    readonly srr1: number,
    readonly hv: boolean,
    /** DAR / HDAR (as a double: exact for addresses below 2^53; see darHi/darLo). */
    readonly darHi = 0,
    readonly darLo = 0,
    /** DSISR / HDSISR. */
    readonly dsisr = 0,
    /** The instruction word (HEIR for HEAI, or the faulting instruction). */
    readonly insn = 0,
    /** SRR0 points after the instruction (sc, and HEAI never). */
    readonly after = false,
  ) {}

  get name(): string {
    return VECTOR_NAMES[this.vector] ?? `vector 0x${this.vector.toString(16)}`;
  }
}

export const VECTOR_NAMES: Readonly<Record<number, string>> = {
  [VEC_SYSTEM_RESET]: 'system reset',
  [VEC_MACHINE_CHECK]: 'machine check',
  [VEC_DSI]: 'data storage',
  [VEC_DSEG]: 'data segment',
  [VEC_ISI]: 'instruction storage',
  [VEC_ISEG]: 'instruction segment',
  [VEC_EXTERNAL]: 'external',
  [VEC_ALIGNMENT]: 'alignment',
  [VEC_PROGRAM]: 'program',
  [VEC_FP_UNAVAILABLE]: 'floating-point unavailable',
  [VEC_DECREMENTER]: 'decrementer',
  [VEC_HDECREMENTER]: 'hypervisor decrementer',
  [VEC_DOORBELL]: 'directed privileged doorbell',
  [VEC_SYSCALL]: 'system call',
  [VEC_TRACE]: 'trace',
  [VEC_HDSI]: 'hypervisor data storage',
  [VEC_HISI]: 'hypervisor instruction storage',
  [VEC_HEAI]: 'hypervisor emulation assistance',
  [VEC_HMI]: 'hypervisor maintenance',
  [VEC_HDOORBELL]: 'directed hypervisor doorbell',
  [VEC_HVIRT]: 'hypervisor virtualization',
  [VEC_PERFMON]: 'performance monitor',
  [VEC_VMX_UNAVAILABLE]: 'vector unavailable',
  [VEC_VSX_UNAVAILABLE]: 'VSX unavailable',
  [VEC_FAC_UNAVAILABLE]: 'facility unavailable',
  [VEC_HFAC_UNAVAILABLE]: 'hypervisor facility unavailable',
};
