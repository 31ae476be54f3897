/*
 * System reset: H_SIGNAL_SYS_RESET (PAPR; Linux's NMI IPI) to this CPU and
 * as broadcasts, and the hcall's parameter checks. Prints the interrupt as
 * every other case does, r3 at the vector (the hcall's return is already
 * there), and the MSR the vector runs with.
 */
#include "expect.h"

extern long t_sysreset(long target);
extern char f_sysreset[], sreset_vec[], sreset_vec_end[];

static unsigned long r3_at_vector, msr_at_vector;

/* The second CPU (run with -smp 2): spins until told to stop; a reset it takes is recorded and it goes on. */
static volatile unsigned long spinning, stop_spinning, sec_resets, sec_srr0, sec_srr1, sec_msr;

void secondary_main(unsigned long arg) {
  (void)arg;
  spinning = 1;
  while (!stop_spinning) {
  }
}

void trap(unsigned long vec, struct frame *f) {
  /* CPU 1 runs on its own stack (PIR is no help: QEMU gives every CPU 0, KVM the host thread's). */
  extern char secondary_stack_top[];
  if (vec == 0x100 && (unsigned long)secondary_stack_top - (unsigned long)f < 8192) {
    sec_srr0 = f->srr0;
    sec_srr1 = f->srr1;
    sec_msr = mfmsr();
    sec_resets++;
    return; /* back to where it was */
  }
  if (vec == 0x100) {
    r3_at_vector = f->gpr[3];
    msr_at_vector = mfmsr();
  }
  expect_trap(vec, f, 0);
}

static void reset(const char *name, long target) {
  r3_at_vector = msr_at_vector = 0x5555;
  arm(f_sysreset);
  long rc = t_sysreset(target);
  report(name, 0, 0);
  printf("  returned %ld", rc);
  if (nrec) printf("; r3 at the vector %ld, msr there %016lx", (long)r3_at_vector, msr_at_vector);
  printf("\n");
}

int main(void) {
  printf("sreset (%s guest), msr %016lx\n", GUEST_ENDIAN, mfmsr());
  /* The vector replaces the boot code at 0x100. */
  memcpy((void *)0x100, sreset_vec, sreset_vec_end - sreset_vec);
  asm volatile("dcbst 0,%0; sync; icbi 0,%0; isync" ::"r"(0x100UL) : "memory");

  /* With -smp 2 the broadcasts wait until CPU 1 runs: a reset of a stopped
   * CPU starts it under QEMU TCG but not under KVM (QEMU keeps a halted KVM
   * vCPU out of KVM_RUN), so no test depends on it. */
  int two = rt_cpu_stopped(1) >= 0;
  reset("H_SIGNAL_SYS_RESET to this CPU (0)", 0);
  if (!two) {
    reset("H_SIGNAL_SYS_RESET to all (-1)", -1);
    reset("H_SIGNAL_SYS_RESET to all but this CPU (-2)", -2);
    reset("H_SIGNAL_SYS_RESET to CPU 1 (absent)", 1);
  }
  reset("H_SIGNAL_SYS_RESET to -3 (no such broadcast)", -3);

  /* With external interrupts enabled: the vector runs with EE off, SRR1 keeps it. */
  mtmsrd_l1(mfmsr() | MSR_EE);
  reset("H_SIGNAL_SYS_RESET with MSR[EE]=1", 0);
  mtmsrd_l1(mfmsr() & ~MSR_EE);

  if (two) {
    /* Two CPUs: resets of the other one, which takes them while it spins. */
    printf("start-cpu 1: %ld\n", rt_start_cpu(1, 0));
    while (!spinning) {
    }
    static const long targets[] = {1, -2, -1};
    for (int i = 0; i < 3; i++) {
      unsigned long before = sec_resets;
      r3_at_vector = msr_at_vector = 0x5555;
      arm(f_sysreset);
      long rc = t_sysreset(targets[i]);
      while (sec_resets == before) {
      }
      printf("H_SIGNAL_SYS_RESET(%ld): returned %ld; this CPU: %s; cpu 1: srr1=%016lx msr there %016lx, interrupted in main: %s\n", targets[i], rc,
             nrec ? "reset" : "no interrupt", sec_srr1, sec_msr,
             sec_srr0 - (unsigned long)secondary_main < 0x40 ? "yes" : "no");
    }
    stop_spinning = 1;
    while (rt_cpu_stopped(1) != 0) {
    }
    printf("cpu 1 stopped\n");
  }

  disarm();
  printf("msr at end %016lx\n", mfmsr());
  return 0;
}
