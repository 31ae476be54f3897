/*
 * Decrementer (0x900) and timebase. Prints only facts that don't depend on
 * timing: whether and where the interrupt arrived, never counts of ticks.
 */
#include "lib.h"

#define TB_HZ 512000000UL /* POWER9 and QEMU: 512 MHz */

extern unsigned dec_wait(volatile unsigned *flag, unsigned long deadline);
extern void ee_on(void);
extern char dec_wait_end[], f_ee_on[];

static volatile unsigned fired;
static unsigned long srr0, srr1;

void trap(unsigned long vec, struct frame *f) {
  if (vec != 0x900 || fired) unexpected_trap(vec, f);
  fired = 1;
  srr0 = f->srr0;
  srr1 = f->srr1;
  /* On POWER9 the interrupt is level-triggered: it stays pending while DEC
   * is negative. A large positive DEC clears it; returning with EE off
   * guarantees exactly one. */
  mtspr(SPR_DEC, 0x7fffffff);
  f->srr1 &= ~MSR_EE;
}

static const char *yn(int b) { return b ? "yes" : "no"; }

int main(void) {
  printf("decrementer (%s guest)\n", GUEST_ENDIAN);

  /* 1: EE=1, DEC expires while spinning. */
  fired = 0;
  mtmsrd_l1(mfmsr() | MSR_EE);
  mtspr(SPR_DEC, 10000); /* ~20 us */
  unsigned got = dec_wait(&fired, mftb() + TB_HZ);
  printf("EE=1: 0x900 taken: %s; srr0 in wait loop: %s; srr1=%016lx (EE=%lu); MSR[EE] after return: %lu\n",
         yn(got), yn(srr0 >= (unsigned long)dec_wait && srr0 < (unsigned long)dec_wait_end), srr1, (srr1 >> 15) & 1,
         (mfmsr() >> 15) & 1);

  /* 2: EE=0, DEC goes negative: nothing until EE is set, then at once. */
  fired = 0;
  mtspr(SPR_DEC, 1);
  unsigned long deadline = mftb() + TB_HZ, dec;
  while ((long)(dec = mfspr(SPR_DEC)) >= 0 && mftb() < deadline) {
  }
  /* QEMU raises the exception from a host timer, a little after DEC reads
   * negative (hardware has no such lag): give it 10 ms to become pending. */
  for (unsigned long t = mftb(); mftb() - t < TB_HZ / 100;) {
  }
  printf("EE=0: DEC went negative: %s; read sign-extended: %s; 0x900 taken while EE=0: %s\n", yn((int)dec < 0),
         yn(dec >> 32 == 0xffffffffUL), yn(fired));
  ee_on();
  printf("EE set with DEC negative: 0x900 taken: %s; srr0=f_ee_on+%ld (after the mtmsrd)\n", yn(fired),
         (long)(srr0 - (unsigned long)f_ee_on));

  /* 3: timebase runs. */
  unsigned long t1 = mftb();
  for (volatile int i = 0; i < 10000; i++) {
  }
  unsigned long t2 = mftb();
  printf("timebase advanced: %s\n", yn(t2 > t1));
  return 0;
}
