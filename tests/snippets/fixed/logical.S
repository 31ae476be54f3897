/* fixed.inc v2 */
#include "fixed.inc"
/* and, andc, or, orc, xor, nand, nor, eqv (Rc), immediates, extend, count, popcnt, parity, cmpb, bpermd */
	INIT
.macro VECL op
	T2 \op, 0, 0
	T2 \op, -1, -1
	T2 \op, 0, -1
	T2 \op, -1, 0
	T2 \op, 0x8000000000000000, 0x8000000000000000
	T2 \op, 0x00000000ffffffff, 0xffffffff00000000, X_SO
	T2 \op, 0x123456789abcdef0, 0x0ff00ff00ff00ff0
	T2 \op, 0xf0f0f0f0f0f0f0f0, 0x00000000f0000000
.endm
.irp op, and, and., andc, andc., or, or., orc, orc., xor, xor., nand, nand., nor, nor., eqv, eqv.
	VECL \op
.endr
.irp op, cmpb, bpermd
	VECL \op
	T2 \op, 0x0001020304050607, 0x8040201008040201
	T2 \op, 0x3f3e3d3c3b3a3938, 0x123456789abcdef0
	T2 \op, 0x40ff80c03f00201f, 0xffffffffffffffff
	T2 \op, 0x1122334455667788, 0x1100330055007700
.endr
.macro VECU op
	T1 \op, 0
	T1 \op, -1
	T1 \op, 1
	T1 \op, 0x80
	T1 \op, 0x7f
	T1 \op, 0x8000
	T1 \op, 0x7fff
	T1 \op, 0x80000000, X_SO
	T1 \op, 0x7fffffff
	T1 \op, 0x8000000000000000
	T1 \op, 0x0000000100000000
	T1 \op, 0x123456789abcdef0
	T1 \op, 0xfedcba9876543210
	T1 \op, 0x0101010101010101
	T1 \op, 0x0100000000000001
	T1 \op, 0x00ff00ff00010000
.endm
.irp op, extsb, extsb., extsh, extsh., extsw, extsw., cntlzw, cntlzw., cntlzd, cntlzd., cnttzw, cnttzw., cnttzd, cnttzd.
	VECU \op
.endr
.irp op, popcntb, popcntw, popcntd, prtyw, prtyd
	VECU \op
.endr
.macro VECIM op
	TI \op, 0, 0
	TI \op, -1, 0
	TI \op, -1, 0xffff, X_SO
	TI \op, 0, 0xffff
	TI \op, 0x123456789abcdef0, 0x8001
	TI \op, 0xfedcba9876543210, 0x7ffe
	TI \op, 0x0000000080000000, 0x8000
.endm
.irp op, andi., andis., ori, oris, xori, xoris
	VECIM \op
.endr
	/* extswsli (Rc) */
.irp sh, 0, 1, 16, 31, 32, 33, 48, 63
	TX 0x123456789abcdef0, 0, extswsli 5, 3, \sh
	TX 0x0000000080000001, 0, extswsli. 5, 3, \sh
	TX 0xffffffff7fffffff, 0, extswsli. 5, 3, \sh
.endr
	TX 0, 0, extswsli. 5, 3, 5
