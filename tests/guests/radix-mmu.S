/*
 * Accessors for radix-mmu.c: as in hash-mmu.S, each turns translation on
 * for one access (x_load/x_store: MSR[DR]; x_fetch: MSR[IR,DR], so the
 * helper must be mapped at its own address in the current PID's tree).
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

/* tlbiel r3 (RB), r4 (RS), RIC=0, PRS=1, R=1: one process-scoped page. */
FUNC(x_tlbiel_page)
	ptesync
	tlbiel	3, 4, 0, 1, 1
	ptesync
	blr

/* tlbie of the same, with the synchronisation Linux uses. */
FUNC(x_tlbie_page)
	ptesync
	tlbie	3, 4, 0, 1, 1
	eieio
	tlbsync
	ptesync
	blr

	.section .note.GNU-stack, "", @progbits
