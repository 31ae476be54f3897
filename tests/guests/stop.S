/* stop, labelled for stop.c (f_stop: the instruction expected to be interrupted after). */
#include "ppc.h"
#define FUNC(name) .globl name; .type name, @function; name:
	.text
FUNC(t_stop)
	.globl f_stop
f_stop:
	stop
	blr
	.section .note.GNU-stack, "", @progbits
