/* t_ee_on: set MSR[EE] (f_ee_on: the mtmsrd), then clear it again. */
#include "ppc.h"
#define FUNC(name) .globl name; .type name, @function; name:
	.text
FUNC(t_ee_on)
	mfmsr	5
	ori	6, 5, MSR_EE
	.globl f_ee_on
f_ee_on:
	mtmsrd	6, 1
	mtmsrd	5, 1
	blr
	.section .note.GNU-stack, "", @progbits
