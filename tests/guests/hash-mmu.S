/*
 * Accessors for hash-mmu.c. main runs in supervisor real mode; each helper
 * turns translation on for one access (x_load/x_store: data only, so the
 * helper itself is still fetched in real mode; x_fetch: instructions and
 * data, so it needs the image mapped: mmu_map_image) and turns it off again.
 * f_<name> labels the instruction that may interrupt; the C side resumes
 * after it, with the MSR it had (translation still on), so the next
 * instruction restores the caller's MSR.
 */
#include "ppc.h"

#define FUNC(name) .globl name; .type name, @function; name:
#define FAULT(name) .globl name; name:

	.text
/* r3 = EA: returns the doubleword there, loaded with MSR[DR]=1. */
FUNC(x_load)
	mfmsr	5
	ori	6, 5, MSR_DR
	li	4, -1
	mtmsrd	6
FAULT(f_xload)
	ld	4, 0(3)
	mtmsrd	5
	mr	3, 4
	blr

/* r3 = EA, r4 = value: std with MSR[DR]=1. */
FUNC(x_store)
	mfmsr	5
	ori	6, 5, MSR_DR
	mtmsrd	6
FAULT(f_xstore)
	std	4, 0(3)
	mtmsrd	5
	blr

/* r3 = EA of code: calls it with MSR[IR,DR]=1 and returns its r3 (-1 if
 * the fetch failed: the C side then resumes at the return address). */
FUNC(x_fetch)
	mflr	0
	mfmsr	5
	ori	6, 5, MSR_IR | MSR_DR
	mtctr	3
	li	3, -1
	mtmsrd	6
	bctrl
	mtmsrd	5
	mtlr	0
	blr

	.section .note.GNU-stack, "", @progbits
