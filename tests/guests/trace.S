/*
 * Code run under MSR[SE] (single-step) or MSR[BE] (branch trace) by
 * trace.c: t_traced enters it with rfid and the trace interrupts step
 * through it. Offsets from traced_start are what trace.c prints.
 */
#include "ppc.h"
#define FUNC(name) .globl name; .type name, @function; name:

	.text
/* r3 = MSR bits to add (SE or BE). Returns r4's final value (the work done). */
FUNC(t_traced)
	mfmsr	5
	or	5, 5, 3
	lis	6, traced_start@ha
	addi	6, 6, traced_start@l
	mtspr	SPR_SRR0, 6
	mtspr	SPR_SRR1, 5
	li	4, 0
	rfid
	.globl traced_start
traced_start:
	addi	4, 4, 1		/* +0 */
	addi	4, 4, 2		/* +4 */
	b	1f		/* +8 */
	trap			/* +12: skipped */
1:	cmpdi	4, 3		/* +16 */
	beq	2f		/* +20: taken */
	addi	4, 4, 100	/* +24: skipped */
2:	bne	3f		/* +28: not taken */
	addi	4, 4, 4		/* +32 */
3:	mfmsr	5		/* +36 */
	li	6, MSR_SE | MSR_BE
	andc	5, 5, 6
	mtmsrd	5		/* +48: tracing off */
	mr	3, 4
	blr

	.section .note.GNU-stack, "", @progbits
