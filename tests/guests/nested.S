/*
 * The nested (L2) guest of nested.c: position-independent code the L1
 * copies to the L2's guest real address 0 and enters through
 * H_ENTER_NESTED. Every routine ends in `sc 1`, which exits to the L1 with
 * vector 0xc00 and the L2's registers. Offsets from l2_image are the L2's
 * addresses. Assembled in the build's byte order: the L2 runs with the
 * L1's endianness.
 */
#include "ppc.h"

	.section .rodata
	.balign 4096
	.globl l2_image, l2_image_end
	.globl l2_sum, l2_load, l2_store, l2_jump, l2_illegal, l2_spin, l2_tb, l2_mfmsr, l2_load2
l2_image:
/* The L2's own interrupts: a DSI stays in the L2, which reports it with an hcall. */
	.org	l2_image + 0x300
	li	3, 0x300
	mfspr	4, SPR_DAR
	mfspr	5, SPR_DSISR
	mfspr	6, SPR_SRR0
	sc	1
	.org	l2_image + 0x400
	li	3, 0x400
	mfspr	5, SPR_SRR1
	mfspr	6, SPR_SRR0
	sc	1
	.org	l2_image + 0x700
	li	3, 0x700
	mfspr	5, SPR_SRR1
	mfspr	6, SPR_SRR0
	sc	1

	.org	l2_image + 0x1000
/* r4 = r5 + r6 */
l2_sum:
	add	4, 5, 6
	li	3, 0x1111
	sc	1
/* r4 = *(r5) */
l2_load:
	ld	4, 0(5)
	li	3, 0x2222
	sc	1
/* *(r5) = r6 */
l2_store:
	std	6, 0(5)
	li	3, 0x3333
	sc	1
/* jump to r5 */
l2_jump:
	mtctr	5
	bctr
/* an illegal instruction (primary opcode 0) */
l2_illegal:
	.long	0
	sc	1
/* forever (the L1's HDEC ends it) */
l2_spin:
	b	.
/* r4 = TB */
l2_tb:
	mftb	4
	li	3, 0x4444
	sc	1
/* r4 = MSR */
l2_mfmsr:
	mfmsr	4
	li	3, 0x5555
	sc	1
/* r4 = *(r5), r7 = *(r6): two loads (a translated one after a real-mode one, say) */
l2_load2:
	ld	4, 0(5)
	ld	7, 0(6)
	li	3, 0x6666
	sc	1
l2_image_end:

	.section .note.GNU-stack, "", @progbits
