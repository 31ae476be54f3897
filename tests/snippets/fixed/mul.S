/* fixed.inc v2 */
#include "fixed.inc"
/* mullw, mulhw, mulhwu, mulld, mulhd, mulhdu with OE/Rc variants; maddld, maddhd, maddhdu */
	INIT
.macro VECM op
	T2 \op, 0, 0
	T2 \op, 1, -1
	T2 \op, -1, -1
	T2 \op, 0x7fffffff, 0x7fffffff
	T2 \op, 0x80000000, 0x80000000
	T2 \op, 0xffffffff80000000, 0xffffffff80000000
	T2 \op, 0xffffffff80000000, -1
	T2 \op, 0x10000, 0x10000, X_SO
	T2 \op, 0x12345678, 0x9abcdef0
	T2 \op, 0x7fffffffffffffff, 2
	T2 \op, 0x8000000000000000, -1
	T2 \op, 0x8000000000000000, 1
	T2 \op, 0x7fffffffffffffff, 0x7fffffffffffffff
	T2 \op, 0x123456789abcdef0, 0xfedcba9876543210, X_OV|X_OV32
	T2 \op, 0xffffffff, 0xffffffff
	T2 \op, 0x100000000, 0x100000000
	T2 \op, -3, 0x5555555555555555
	T2 \op, 0xdeadbeefcafebabe, -0x12345
.endm
.irp op, mullw, mullw., mullwo, mullwo., mulhw, mulhw., mulhwu, mulhwu.
	VECM \op
.endr
.irp op, mulld, mulld., mulldo, mulldo., mulhd, mulhd., mulhdu, mulhdu.
	VECM \op
.endr
/* VA-form multiply-add: op 5,3,4,6 */
.macro T3 op, a, b, c
	LI64	3, \a
	LI64	4, \b
	LI64	6, \c
	PRE	X_SO|X_CA
	\op	5, 3, 4, 6
	REC	5
.endm
.macro VECMA op
	T3 \op, 0, 0, 0
	T3 \op, 0, 0, -1
	T3 \op, 1, 1, -1
	T3 \op, -1, -1, -1
	T3 \op, -1, -1, 1
	T3 \op, -1, 1, 0x8000000000000000
	T3 \op, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff
	T3 \op, 0x8000000000000000, 0x8000000000000000, -1
	T3 \op, 0x123456789abcdef0, 0xfedcba9876543210, 0x0f0f0f0f0f0f0f0f
	T3 \op, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff
	T3 \op, 0xffffffff, 0xffffffff, 0xffffffff
	T3 \op, 0x100000000, 0xffffffff00000000, 0xffffffff00000001
	T3 \op, -5, 7, 3
	T3 \op, 0xdeadbeefcafebabe, 0x0123456789abcdef, 0xfedcba9876543210
.endm
.irp op, maddld, maddhd, maddhdu
	VECMA \op
.endr
	/* RT overlapping the sources */
	LI64	3, 0x123456789
	LI64	4, 0xfffffffffffff000
	mulld	3, 3, 3
	mulhd	4, 4, 4
	maddld	5, 5, 5, 5
	mulhdu	6, 6, 7
	mullw	7, 7, 8
	mulli	8, 8, -1000
	RECFLAGS
