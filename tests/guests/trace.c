/*
 * Trace interrupts (Book III 7.5.15): MSR[SE] takes one after every
 * instruction that completes without another interrupt, MSR[BE] after
 * every branch; SRR0 is the next instruction, SRR1 carries the cause.
 * Prints each trace interrupt's SRR0 (as an offset into the traced code)
 * and SRR1's cause bits.
 */
#include "lib.h"

extern long t_traced(unsigned long msr_bits);
extern char traced_start[];

static unsigned long seen[32], cause[32];
static int n;

void trap(unsigned long vec, struct frame *f) {
  if (vec != 0xd00 || n == 32) unexpected_trap(vec, f);
  seen[n] = f->srr0 - (unsigned long)traced_start;
  cause[n] = f->srr1 & SRR1_CAUSE_MASK;
  n++;
  /* Resume where SRR0 says, tracing still on. */
}

static void show(const char *what, unsigned long bits) {
  n = 0;
  long r4 = t_traced(bits);
  printf("%s: %d trace interrupts, r4 = %ld\n", what, n, r4);
  for (int i = 0; i < n; i++) printf("  srr0=+%lu cause=%08lx\n", seen[i], cause[i]);
}

int main(void) {
  printf("trace (%s guest)\n", GUEST_ENDIAN);
  show("MSR[SE] single step", MSR_SE);
  show("MSR[BE] branch trace", MSR_BE);
  return 0;
}
