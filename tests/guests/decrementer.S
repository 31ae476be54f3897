/* Wait loops for decrementer.c, in assembly so SRR0 can be located. */
#include "ppc.h"

#define FUNC(name) .globl name; .type name, @function; name:

	.text
/* r3 = &flag (u32), r4 = timebase deadline. Spins until the flag is set or
 * the deadline passes; returns the flag. */
FUNC(dec_wait)
1:	lwz	5, 0(3)
	cmpwi	5, 0
	bne	2f
	mftb	6
	cmpld	6, 4
	blt	1b
2:	mr	3, 5
	blr
FUNC(dec_wait_end)

/* Sets MSR[EE]; an interrupt already pending is taken right after the
 * mtmsrd, i.e. with SRR0 = f_ee_on + 4. */
FUNC(ee_on)
	mfmsr	3
	ori	3, 3, MSR_EE
	.globl f_ee_on
f_ee_on:
	mtmsrd	3, 1
	nop
	blr

	.section .note.GNU-stack, "", @progbits
