/* fixed.inc v2 */
#include "fixed.inc"
/* divw, divwu, divwe, divweu, divd, divdu, divde, divdeu (OE/Rc variants), modsw, moduw, modsd, modud */
	INIT
.macro VECD op
	T2 \op, 0, 0
	T2 \op, 7, 0, X_OV
	T2 \op, -7, 0, X_SO
	T2 \op, 7, 2
	T2 \op, -7, 2
	T2 \op, 7, -2
	T2 \op, -7, -2
	T2 \op, 0x80000000, -1
	T2 \op, 0xffffffff80000000, -1
	T2 \op, 0x8000000000000000, -1
	T2 \op, 0x8000000000000000, 1
	T2 \op, 0x7fffffffffffffff, 3
	T2 \op, 0xffffffff, 0xffffffff
	T2 \op, 0xffffffff, 2
	T2 \op, 1, 3
	T2 \op, 1, 0xfffffffe
	T2 \op, 0x7fffffff, 0x80000000
	T2 \op, 0x123456789abcdef0, 0x12345
	T2 \op, 0x123456789abcdef0, 0xfedcba9876543210
	T2 \op, 0xfedcba9876543210, 0x123456789a
	T2 \op, 0x0000001000000000, 0x0000000100000001
	T2 \op, 0x00000000ffffffff, 0x0000000100000000
	T2 \op, 0x1fffffffffffff, 0x1ffffffffffffe
	T2 \op, 5, 0x8000000000000000
	T2 \op, 0x40000000, 0x80000001
.endm
.irp op, divw, divw., divwo, divwo., divwu, divwu., divwuo, divwuo.
	VECD \op
.endr
.irp op, divwe, divwe., divweo, divweo., divweu, divweu., divweuo, divweuo.
	VECD \op
.endr
.irp op, divd, divd., divdo, divdo., divdu, divdu., divduo, divduo.
	VECD \op
.endr
.irp op, divde, divde., divdeo, divdeo., divdeu, divdeu., divdeuo, divdeuo.
	VECD \op
.endr
.irp op, modsw, moduw, modsd, modud
	VECD \op
.endr
