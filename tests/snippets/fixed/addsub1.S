/* fixed.inc v2 */
#include "fixed.inc"
/* addme, addze, subfme, subfze, neg with every OE/Rc variant */
	INIT
.macro VEC1 op
	T1 \op, 0
	T1 \op, 0, X_CA
	T1 \op, 1
	T1 \op, 1, X_CA
	T1 \op, -1
	T1 \op, -1, X_CA
	T1 \op, 0x7fffffffffffffff
	T1 \op, 0x7fffffffffffffff, X_CA
	T1 \op, 0x8000000000000000
	T1 \op, 0x8000000000000000, X_CA|X_SO
	T1 \op, 0x80000000
	T1 \op, 0x7fffffff, X_CA
	T1 \op, 0xffffffff, X_CA
	T1 \op, 0xffffffff80000000
	T1 \op, 0x123456789abcdef0, X_OV|X_OV32|X_CA32
.endm
.irp op, addme, addme., addmeo, addmeo., addze, addze., addzeo, addzeo.
	VEC1 \op
.endr
.irp op, subfme, subfme., subfmeo, subfmeo., subfze, subfze., subfzeo, subfzeo., neg, neg., nego, nego.
	VEC1 \op
.endr
