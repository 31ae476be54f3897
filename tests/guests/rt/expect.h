/* Expected interrupts: a case arms the instruction it expects to interrupt,
 * runs, and reports what the CPU delivered (vector, SRR0 relative to that
 * instruction, SRR1 and its cause bits, DAR/DSISR for storage interrupts).
 * The guest's trap() hands each interrupt to expect_trap(). */
#ifndef GUEST_EXPECT_H
#define GUEST_EXPECT_H

#include "lib.h"

struct rec { unsigned long vec, srr0, srr1, dar, dsisr; };
#define MAX_RECS 4
extern struct rec recs[MAX_RECS];
extern int nrec;
/* The instruction expected to interrupt (0: none is). */
extern unsigned long fault_at;

/* Expect `fault` to interrupt; execution resumes after it. */
void arm(const void *fault);
/* Expect an instruction fetch from `target` to fail (ISI, segment
 * interrupt): execution resumes at the caller's LR, as if the call returned. */
void arm_fetch(const void *target);
/* Stop expecting. */
void disarm(void);

/* Record an expected interrupt and set where it resumes; any other one is
 * unexpected_trap(). With to_real, it resumes in supervisor real mode. */
void expect_trap(unsigned long vec, struct frame *f, int to_real);

/* "name: vec=… srr0=fault+… srr1=… cause=…[ dar=… dsisr=…]" per recorded
 * interrupt. DAR is printed relative to dar_base as dar_name+N (dar_base 0:
 * absolute). */
void report(const char *name, unsigned long dar_base, const char *dar_name);

/* Accesses with translation on (translated.S), each reported like the
 * cases above; a load or fetch that completes prints its value too. */
void load(const char *name, unsigned long ea);
void store(const char *name, unsigned long ea, unsigned long v);
void fetch(const char *name, unsigned long ea);

#endif
