/* fixed.inc v2 */
#include "fixed.inc"
/* slw, srw, sraw, srawi, sld, srd, srad, sradi (Rc): CA/CA32 for the algebraic shifts */
	INIT
.macro VECS op
.irp n, 0, 1, 4, 31, 32, 33, 63, 64, 65, 127, 128, 0xffffffffffffff01
	T2 \op, 0x89abcdeffedcba98, \n
	T2 \op, 0x7edcba9801234567, \n, X_CA|X_CA32
.endr
	T2 \op, 0xffffffff80000000, 31
	T2 \op, 0x8000000000000000, 63
	T2 \op, 0xffffffffffffffff, 1
	T2 \op, 0x00000000ffffffff, 1
	T2 \op, 0xfffffffe00000000, 33
	T2 \op, 0x0, 5
.endm
.irp op, slw, slw., srw, srw., sraw, sraw., sld, sld., srd, srd., srad, srad.
	VECS \op
.endr
.irp n, 0, 1, 4, 16, 31
	TX 0x89abcdeffedcba98, 0, srawi 5, 3, \n
	TX 0x7edcba9801234567, 0, srawi. 5, 3, \n
	TX 0xffffffff80000000, 0, srawi. 5, 3, \n
	TX 0xfffffffffffffff0, 0, srawi 5, 3, \n
.endr
.irp n, 0, 1, 4, 31, 32, 33, 48, 63
	TX 0x89abcdeffedcba98, 0, sradi 5, 3, \n
	TX 0x7edcba9801234567, 0, sradi. 5, 3, \n
	TX 0x8000000000000000, 0, sradi. 5, 3, \n
	TX 0xfffffffffffffff0, 0, sradi 5, 3, \n
.endr
