/*
 * The problem-state cases of interrupts.S. Each drops to problem state with
 * rfid; f_<case> labels the instruction expected to interrupt, and the C
 * handler resumes at f_<case> + 4 in supervisor real mode.
 */
#include "ppc.h"

#define LOAD_ADDR(r, sym) lis r, sym@ha; addi r, r, sym@l
#define FUNC(name) .globl name; .type name, @function; name:
#define FAULT(name) .globl name; name:

/* Continue at \label in problem state. The architecture makes PR=1 imply
 * EE=IR=DR=1 (QEMU forces them too), so this needs mmu_map_image(). */
.macro TO_USER label
	mfmsr	9
	ori	9, 9, MSR_PR | MSR_EE | MSR_IR | MSR_DR
	LOAD_ADDR(10, \label)
	mtspr	SPR_SRR0, 10
	mtspr	SPR_SRR1, 9
	rfid
.endm

	.text
FUNC(t_priv_user)
	TO_USER	f_priv_user
FAULT(f_priv_user)
	mfmsr	3
	blr

/* Returns r3 as left by `sc 1` issued in problem state (H_PUT_TERM_CHAR of
 * "!", so the console shows whether the hcall was performed). `sc 0` then
 * gets back to supervisor state whichever way sc 1 went. */
FUNC(t_sc1_user)
	TO_USER	1f
1:	li	3, H_PUT_TERM_CHAR
	lis	4, 0x7100
	li	5, 1
	lis	6, 0x2100
	li	7, 0
FAULT(f_sc1_user)
	sc	1
	sc	0
	blr


/* A load and a store in problem state, each followed by `sc 0` to get back
 * to supervisor state (after a fault the handler resumes at the sc in
 * supervisor real mode, which interrupts too). r3 = address; the load
 * returns what it read, the store writes r4. */
FUNC(t_uload)
	mr	4, 3
	TO_USER	f_uload
FAULT(f_uload)
	ld	3, 0(4)
	sc	0
	blr

FUNC(t_ustore)
	mr	5, 3
	TO_USER	f_ustore
FAULT(f_ustore)
	std	4, 0(5)
	sc	0
	blr

	.section .note.GNU-stack, "", @progbits
