/* TLB invalidation helpers for radix-mmu.c (the accessors are rt/translated.S). */
#include "ppc.h"

#define FUNC(name) .globl name; .type name, @function; name:

	.text
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

/* stq r4,r5 at r3 with MSR[DR]=1: a store in two parts (a quadword). */
FUNC(x_stq)
	mfmsr	7
	ori	6, 7, MSR_DR
	mtmsrd	6
	.globl f_xstq
f_xstq:
	stq	4, 0(3)
	mtmsrd	7
	blr

	.section .note.GNU-stack, "", @progbits
