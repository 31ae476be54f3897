/*
 * The interrupts that need problem state (MSR[PR]=1), reported like
 * interrupts.c. PR=1 implies EE=IR=DR=1, so the guest first maps its image
 * identically with the hash MMU (mmu_map_image: one SLB entry, H_ENTER per
 * 64 KiB page); the supervisor-state cases, which need no MMU, are in
 * interrupts.c.
 */
#include "lib.h"

struct rec { unsigned long vec, srr0, srr1, dar, dsisr; };
static struct rec recs[4];
static int nrec;
static unsigned long fault_at; /* the instruction expected to interrupt */

void trap(unsigned long vec, struct frame *f) {
  if (!fault_at || is_hv_vector(vec) || nrec == 4) unexpected_trap(vec, f);
  recs[nrec++] = (struct rec){vec, f->srr0, f->srr1, f->dar, f->dsisr};
  /* sc leaves SRR0 past itself; everything else: skip the culprit. Setting
   * it from fault_at rather than srr0 + 4 survives an imprecise SRR0. */
  if (vec != 0xc00) f->srr0 = fault_at + 4;
  /* Always come back in supervisor real mode. */
  f->srr1 &= ~(MSR_PR | MSR_EE | MSR_IR | MSR_DR);
}

extern void t_priv_user(void);
extern long t_sc1_user(void);
extern char f_priv_user[], f_sc1_user[];

static void arm(const char *fault) {
  nrec = 0;
  fault_at = (unsigned long)fault;
}

/* Same format as interrupts.c; a storage interrupt (a broken mapping) also
 * shows DAR and DSISR. */
static void report(const char *name) {
  printf("%s:", name);
  if (!nrec) printf(" no interrupt");
  for (int i = 0; i < nrec; i++) {
    struct rec *r = &recs[i];
    long off = (long)(r->srr0 - fault_at);
    printf("%s vec=0x%lx srr0=fault%c%ld srr1=%016lx cause=%08lx", i ? ";" : "", r->vec, off < 0 ? '-' : '+',
           off < 0 ? -off : off, r->srr1, r->srr1 & SRR1_CAUSE_MASK);
    if (r->vec == 0x200 || r->vec == 0x300 || r->vec == 0x380 || r->vec == 0x600)
      printf(" dar=%016lx dsisr=%08lx", r->dar, r->dsisr);
  }
  printf("\n");
}

int main(void) {
  printf("problem-state (%s guest), msr %016lx\n", GUEST_ENDIAN, mfmsr());
  long rc = mmu_map_image();
  printf("H_ENTER identity map of the image: %ld\n", rc);

  arm(f_priv_user), t_priv_user(), report("mfmsr in problem state");

  arm(f_sc1_user);
  long r3 = t_sc1_user();
  flush();
  report("sc 1 in problem state");
  printf("  r3 after sc 1 = %ld%s\n", r3, r3 == H_PRIVILEGE ? " (H_PRIVILEGE)" : "");

  fault_at = 0;
  printf("msr at end %016lx\n", mfmsr());
  return 0;
}
