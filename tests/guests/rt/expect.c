/* Expected-interrupt recorder (expect.h). */
#include "expect.h"

struct rec recs[MAX_RECS];
int nrec;
unsigned long fault_at;
static int resume_at_lr;

void arm(const void *fault) {
  nrec = 0;
  fault_at = (unsigned long)fault;
  resume_at_lr = 0;
}

void arm_fetch(const void *target) {
  arm(target);
  resume_at_lr = 1;
}

void disarm(void) {
  fault_at = 0;
}

void expect_trap(unsigned long vec, struct frame *f, int to_real) {
  if (!fault_at || is_hv_vector(vec) || nrec == MAX_RECS) unexpected_trap(vec, f);
  recs[nrec++] = (struct rec){vec, f->srr0, f->srr1, f->dar, f->dsisr};
  /* sc leaves SRR0 past itself; a failed fetch returns to the caller;
   * everything else: skip the culprit. Setting it from fault_at rather than
   * srr0 + 4 survives an imprecise SRR0. */
  if (resume_at_lr && (vec == 0x400 || vec == 0x480)) f->srr0 = f->lr;
  else if (vec != 0xc00) f->srr0 = fault_at + 4;
  if (to_real) f->srr1 &= ~(MSR_PR | MSR_EE | MSR_IR | MSR_DR);
}

void report(const char *name, unsigned long dar_base, const char *dar_name) {
  printf("%s:", name);
  if (!nrec) printf(" no interrupt");
  for (int i = 0; i < nrec; i++) {
    struct rec *r = &recs[i];
    long off = (long)(r->srr0 - fault_at);
    printf("%s vec=0x%lx srr0=fault%c%ld srr1=%016lx cause=%08lx", i ? ";" : "", r->vec, off < 0 ? '-' : '+',
           off < 0 ? -off : off, r->srr1, r->srr1 & SRR1_CAUSE_MASK);
    if (r->vec == 0x200 || r->vec == 0x300 || r->vec == 0x380 || r->vec == 0x600) {
      if (dar_base) printf(" dar=%s+%lu", dar_name, r->dar - dar_base);
      else printf(" dar=%016lx", r->dar);
      /* A data segment interrupt leaves DSISR as it was: not printed. */
      if (r->vec != 0x380) printf(" dsisr=%08lx", r->dsisr);
    }
  }
  printf("\n");
}

void load(const char *name, unsigned long ea) {
  arm(f_xload);
  unsigned long v = x_load(ea);
  report(name, 0, 0);
  if (!nrec) printf("  loaded %016lx\n", v);
}

void store(const char *name, unsigned long ea, unsigned long v) {
  arm(f_xstore), x_store(ea, v), report(name, 0, 0);
}

void fetch(const char *name, unsigned long ea) {
  arm_fetch((void *)ea);
  long r = x_fetch(ea);
  report(name, 0, 0);
  if (!nrec) printf("  returned %ld\n", r);
}
