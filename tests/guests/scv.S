/*
 * scv for scv.c: t_scv0/t_scv4 execute `scv 0` / `scv 4` (f_scv* labels
 * them); t_translated(fn) runs fn with MSR[IR,DR]=1.
 */
#include "ppc.h"
#define FUNC(name) .globl name; .type name, @function; name:
#define FAULT(name) .globl name; name:
	.text
/* scv sets LR (to the next instruction): keep the return address in r0. */
FUNC(t_scv0)
	mflr	0
FAULT(f_scv0)
	scv	0
	mtlr	0
	blr
FUNC(t_scv4)
	mflr	0
FAULT(f_scv4)
	scv	4
	mtlr	0
	blr
FUNC(t_translated)
	mflr	0
	std	0, 16(1)
	stdu	1, -48(1)
	std	31, 40(1)
	mfmsr	31
	ori	6, 31, MSR_IR | MSR_DR
	mtctr	3
	mtmsrd	6
	bctrl
	mtmsrd	31
	ld	31, 40(1)
	addi	1, 1, 48
	ld	0, 16(1)
	mtlr	0
	blr
	.section .note.GNU-stack, "", @progbits
