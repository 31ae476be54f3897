/*
 * System reset (0x100) for sreset.c: the vector a guest installs over the
 * boot code once it runs (as Linux does; the reset arrives in the
 * partition's interrupt byte order, which the boot code at 0x100 is not
 * written in), and the hcall that asks for a reset.
 */
#include "ppc.h"
#define FUNC(name) .globl name; .type name, @function; name:

	.text
/* Copied to 0x100: the same three instructions as start.S's VECTOR, with an absolute branch. */
	.globl sreset_vec, sreset_vec_end
sreset_vec:
	mtspr	SPR_SPRG1, 3
	li	3, 0x100
	ba	rt_common
sreset_vec_end:

/* H_SIGNAL_SYS_RESET(target): returns r3. */
FUNC(t_sysreset)
	mr	4, 3
	li	3, 0x380
	.globl f_sysreset
f_sysreset:
	sc	1
	blr

	.section .note.GNU-stack, "", @progbits
