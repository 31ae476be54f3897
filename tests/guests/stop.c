/*
 * seed 001: a partition executing `stop` (a light stop: PSSCR RL=0, EC and
 * ESL as the hypervisor set them). With KVM_CAP_PPC_GUEST_STOP the thread
 * stops itself; without it, stop traps to the hypervisor (HFAC), which
 * emulates the same wake-up. Either way the guest sees one behaviour:
 * `stop` returns once an exception exists; with MSR[EE]=1 the decrementer
 * interrupt that woke it is taken with SRR0 after the stop. This output
 * must be identical with and without the capability (a VM may migrate
 * between such hosts). QEMU TCG treats stop in a partition differently
 * (tests/kvm/stop.test.ts says how), so this guest is checked under tskvm.
 */
#include "expect.h"

extern void t_stop(void);
extern char f_stop[];

static int decs;

void trap(unsigned long vec, struct frame *f) {
  if (vec == 0x900) {
    decs++;
    mtspr(SPR_DEC, 0x7fffffff);
  }
  expect_trap(vec, f, 0);
}

int main(void) {
  printf("stop (%s guest)\n", GUEST_ENDIAN);
  printf("PSSCR as the partition sees it: %lx\n", mfspr(823));
  /* EE=0: stop returns once the decrementer exception exists; no interrupt. */
  mtspr(SPR_DEC, 100000);
  arm(f_stop), t_stop(), report("stop with EE=0", 0, 0);
  long dec = (int)mfspr(SPR_DEC);
  printf("  DEC after stop is negative: %s\n", dec < 0 ? "yes" : "no");
  mtspr(SPR_DEC, 0x7fffffff);
  /* EE=1: the decrementer interrupt wakes the thread and is taken after the stop. */
  mtspr(SPR_DEC, 100000);
  arm(f_stop);
  mtmsrd_l1(mfmsr() | MSR_EE);
  t_stop();
  mtmsrd_l1(mfmsr() & ~MSR_EE);
  report("stop with EE=1", 0, 0);
  printf("  decrementer interrupts: %d\n", decs);
  disarm();
  return 0;
}
