/* fixed.inc v2 */
#include "fixed.inc"
/* add, addc, adde, subf, subfc, subfe with every OE/Rc variant: CA/CA32, OV/OV32, SO, CR0 */
	INIT
.macro VEC2 op
	T2 \op, 0, 0
	T2 \op, 1, 1
	T2 \op, -1, 1
	T2 \op, -1, -1
	T2 \op, 0x7fffffffffffffff, 1
	T2 \op, 0x8000000000000000, -1
	T2 \op, 0x8000000000000000, 0x8000000000000000
	T2 \op, 0x7fffffff, 1
	T2 \op, 0xffffffff, 1
	T2 \op, 0x80000000, 0x80000000
	T2 \op, 0x123456789abcdef0, 0x0fedcba987654321
	T2 \op, 5, 3, X_CA
	T2 \op, 3, 5, X_SO
	T2 \op, 0, -1, X_CA|X_CA32
	T2 \op, -1, 0, X_CA|X_SO
	T2 \op, 0x7fffffffffffffff, 0x7fffffffffffffff, X_CA
	T2 \op, 0xffffffff80000000, 0x7fffffff, X_OV|X_OV32
	T2 \op, 0x8000000000000000, 0x7fffffffffffffff, X_CA
.endm
.irp op, add, add., addo, addo., addc, addc., addco, addco., adde, adde., addeo, addeo.
	VEC2 \op
.endr
.irp op, subf, subf., subfo, subfo., subfc, subfc., subfco, subfco., subfe, subfe., subfeo, subfeo.
	VEC2 \op
.endr
