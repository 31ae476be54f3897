/*
 * The interrupts that need problem state (MSR[PR]=1), reported like
 * interrupts.c. PR=1 implies EE=IR=DR=1, so the guest first maps its image
 * identically with the hash MMU (mmu_map_image: one SLB entry, H_ENTER per
 * 64 KiB page); the supervisor-state cases, which need no MMU, are in
 * interrupts.c.
 */
#include "expect.h"

/* Always come back in supervisor real mode. */
void trap(unsigned long vec, struct frame *f) {
  expect_trap(vec, f, 1);
}

extern void t_priv_user(void);
extern long t_sc1_user(void);
extern char f_priv_user[], f_sc1_user[];

int main(void) {
  printf("problem-state (%s guest), msr %016lx\n", GUEST_ENDIAN, mfmsr());
  long rc = mmu_map_image();
  printf("H_ENTER identity map of the image: %ld\n", rc);

  arm(f_priv_user), t_priv_user(), report("mfmsr in problem state", 0, 0);

  arm(f_sc1_user);
  long r3 = t_sc1_user();
  flush();
  report("sc 1 in problem state", 0, 0);
  printf("  r3 after sc 1 = %ld%s\n", r3, r3 == H_PRIVILEGE ? " (H_PRIVILEGE)" : "");

  disarm();
  printf("msr at end %016lx\n", mfmsr());
  return 0;
}
