# FPSCR stickiness and summary bits as QEMU 7.2 keeps them: exception bits
# accumulate, FX is set again by every exception (even one already set), FR is
# never set by rounding up, FI tracks the last instruction, VX follows VX*.
	LOADADDR(9, stdata)
	lfd 1, 0(9)
	lfd 2, 8(9)
	lfd 3, 16(9)
	lfd 4, 24(9)
	fadd 10, 1, 2       # inexact, rounds up: XX FI, no FR
	mffs 20
	fadd 11, 1, 1       # exact: FI cleared, XX stays
	mffs 21
	mtfsb0 0            # clear FX with XX still set
	mffs 22
	fadd. 12, 1, 2      # inexact again: FX set again
	mffs 23
	mfcr 12
	fdiv 13, 1, 3       # divide by zero: ZX, FI/FR cleared
	mffs 24
	fsub 14, 4, 4       # inf - inf: VXISI, VX, FPRF = QNaN
	mffs 25
	mtfsb0 8            # clear VXISI: VX recomputed (off)
	mffs 26
	mtfsb1. 12          # set VXVC: VX recomputed (on)
	mffs 27
	mfcr 13
	DUMP
	mcrfs 0, 6
	mcrfs 1, 7
	mtfsfi 5, 15, 1
	mtfsfi 7, 5, 1
	mtfsfi 0, 15, 1
	mffs 20
	mcrfs 2, 0
	mcrfs 3, 2
	mffs 21
	mtfsfi. 2, 15
	mffs 22
	mtfsb0 24
	mtfsb1 29
	mffs 23
	mffsl 24
	DUMP
	.section .data
	.balign 8
stdata:
	.quad 0x3FF0000000000000
	.quad 0x3CB8000000000000
	.quad 0x0000000000000000
	.quad 0x7FF0000000000000
	.text
