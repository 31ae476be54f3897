/* scv for scv.c: t_scv0/t_scv4 execute `scv 0` / `scv 4` (f_scv* labels them). */
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
	.section .note.GNU-stack, "", @progbits
