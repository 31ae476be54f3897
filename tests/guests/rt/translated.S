/*
 * Accesses with translation on, for guests whose main runs in supervisor
 * real mode. Each turns translation on for one access and off again:
 *   x_load(ea) / x_store(ea, v): MSR[DR]=1 (the helper is still fetched in
 *     real mode); f_xload / f_xstore label the access, and an interrupt
 *     handler resumes after it with the MSR it had, so the next instruction
 *     restores the caller's MSR;
 *   x_fetch(ea): calls the code at ea with MSR[IR,DR]=1 and returns its r3
 *     (-1 if the fetch failed: expect.c resumes at the return address);
 *   run_translated(fn, a, b): fn(a, b) with MSR[IR,DR]=1.
 * x_fetch and run_translated need the caller's code, data and stack mapped
 * at their own addresses.
 */
#include "ppc.h"

#define FUNC(name) .globl name; .type name, @function; name:
#define FAULT(name) .globl name; name:

	.text
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

FUNC(x_store)
	mfmsr	5
	ori	6, 5, MSR_DR
	mtmsrd	6
FAULT(f_xstore)
	std	4, 0(3)
	mtmsrd	5
	blr

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
