/*
 * run_translated(fn, a, b): call fn(a, b) with MSR[IR,DR]=1 (the caller
 * has mapped code, data and stack at their own addresses), return its r3.
 */
#include "ppc.h"

#define FUNC(name) .globl name; .type name, @function; name:

	.text
FUNC(run_translated)
	mflr	0
	std	0, 16(1)
	stdu	1, -48(1)
	std	31, 40(1)
	mfmsr	31
	ori	6, 31, MSR_IR | MSR_DR
	mtctr	3
	mr	3, 4
	mr	4, 5
	mtmsrd	6
	bctrl
	mtmsrd	31
	ld	31, 40(1)
	addi	1, 1, 48
	ld	0, 16(1)
	mtlr	0
	blr

	.section .note.GNU-stack, "", @progbits
