	LOADADDR(9, fpdata)
.macro CLR
	mtfsfi 0,0
	mtfsfi 1,0
	mtfsfi 2,0
	mtfsfi 3,0
	mtfsfi 4,0
	mtfsfi 5,0
.endm
	CLR
	lfd 1, 16(9)
	lfd 2, 24(9)
	fcmpu 0, 1, 2
	mffs 20
	mfcr 10
	CLR
	lfd 1, 16(9)
	lfd 2, 24(9)
	fcmpo 3, 1, 2
	mffs 21
	mfcr 11
	CLR
	lfd 1, 24(9)
	lfd 2, 16(9)
	fcmpu 1, 1, 2
	mffs 22
	mfcr 12
	CLR
	lfd 1, 24(9)
	lfd 2, 16(9)
	fcmpo 4, 1, 2
	mffs 23
	mfcr 13
	CLR
	lfd 1, 16(9)
	lfd 2, 16(9)
	fcmpu 2, 1, 2
	mffs 24
	mfcr 14
	CLR
	lfd 1, 16(9)
	lfd 2, 16(9)
	fcmpo 5, 1, 2
	mffs 25
	mfcr 15
	CLR
	lfd 1, 0(9)
	lfd 2, 8(9)
	fcmpu 3, 1, 2
	mffs 26
	mfcr 16
	CLR
	lfd 1, 0(9)
	lfd 2, 8(9)
	fcmpo 6, 1, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 1, 96(9)
	lfd 2, 16(9)
	fcmpu 4, 1, 2
	mffs 20
	mfcr 10
	CLR
	lfd 1, 96(9)
	lfd 2, 16(9)
	fcmpo 7, 1, 2
	mffs 21
	mfcr 11
	CLR
	lfd 1, 16(9)
	lfd 2, 104(9)
	fcmpu 5, 1, 2
	mffs 22
	mfcr 12
	CLR
	lfd 1, 16(9)
	lfd 2, 104(9)
	fcmpo 0, 1, 2
	mffs 23
	mfcr 13
	CLR
	lfd 1, 80(9)
	lfd 2, 48(9)
	fcmpu 6, 1, 2
	mffs 24
	mfcr 14
	CLR
	lfd 1, 80(9)
	lfd 2, 48(9)
	fcmpo 1, 1, 2
	mffs 25
	mfcr 15
	CLR
	lfd 1, 88(9)
	lfd 2, 88(9)
	fcmpu 7, 1, 2
	mffs 26
	mfcr 16
	CLR
	lfd 1, 88(9)
	lfd 2, 88(9)
	fcmpo 2, 1, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 1, 112(9)
	lfd 2, 112(9)
	fcmpu 0, 1, 2
	mffs 20
	mfcr 10
	CLR
	lfd 1, 112(9)
	lfd 2, 112(9)
	fcmpo 3, 1, 2
	mffs 21
	mfcr 11
	lfd 1, 16(9)
	lfd 2, 24(9)
	ftdiv 0, 1, 2
	ftsqrt 1, 1
	ftsqrt 2, 2
	DUMP
	lfd 1, 24(9)
	lfd 2, 16(9)
	ftdiv 1, 1, 2
	ftsqrt 2, 1
	ftsqrt 3, 2
	DUMP
	lfd 1, 16(9)
	lfd 2, 16(9)
	ftdiv 2, 1, 2
	ftsqrt 3, 1
	ftsqrt 4, 2
	DUMP
	lfd 1, 0(9)
	lfd 2, 8(9)
	ftdiv 3, 1, 2
	ftsqrt 4, 1
	ftsqrt 5, 2
	DUMP
	lfd 1, 96(9)
	lfd 2, 16(9)
	ftdiv 4, 1, 2
	ftsqrt 5, 1
	ftsqrt 6, 2
	DUMP
	lfd 1, 16(9)
	lfd 2, 104(9)
	ftdiv 5, 1, 2
	ftsqrt 6, 1
	ftsqrt 7, 2
	DUMP
	lfd 1, 80(9)
	lfd 2, 48(9)
	ftdiv 6, 1, 2
	ftsqrt 7, 1
	ftsqrt 0, 2
	DUMP
	lfd 1, 88(9)
	lfd 2, 88(9)
	ftdiv 7, 1, 2
	ftsqrt 0, 1
	ftsqrt 1, 2
	DUMP
	lfd 1, 112(9)
	lfd 2, 112(9)
	ftdiv 0, 1, 2
	ftsqrt 1, 1
	ftsqrt 2, 2
	DUMP
	lfd 1, 64(9)
	lfd 2, 0(9)
	ftdiv 1, 1, 2
	ftsqrt 2, 1
	ftsqrt 3, 2
	DUMP
	lfd 1, 0(9)
	lfd 2, 64(9)
	ftdiv 2, 1, 2
	ftsqrt 3, 1
	ftsqrt 4, 2
	DUMP
	lfd 1, 48(9)
	lfd 2, 72(9)
	ftdiv 3, 1, 2
	ftsqrt 4, 1
	ftsqrt 5, 2
	DUMP
	lfd 1, 72(9)
	lfd 2, 56(9)
	ftdiv 4, 1, 2
	ftsqrt 5, 1
	ftsqrt 6, 2
	DUMP
	lfd 1, 288(9)
	lfd 2, 64(9)
	ftdiv 5, 1, 2
	ftsqrt 6, 1
	ftsqrt 7, 2
	DUMP
	lfd 1, 16(9)
	lfd 2, 80(9)
	ftdiv 6, 1, 2
	ftsqrt 7, 1
	ftsqrt 0, 2
	DUMP
	lfd 1, 8(9)
	lfd 2, 8(9)
	ftdiv 7, 1, 2
	ftsqrt 0, 1
	ftsqrt 1, 2
	DUMP
	lfd 1, 16(9)
	lfd 2, 120(9)
	lfd 4, 144(9)
	fadd 5, 2, 2
	fsel 3, 1, 2, 4
	fmr. 6, 1
	fneg 7, 1
	fabs. 8, 1
	fnabs 10, 1
	fcpsgn 11, 1, 4
	fmrgew 12, 1, 4
	fmrgow 13, 1, 4
	DUMP
	lfd 1, 24(9)
	lfd 2, 120(9)
	lfd 4, 144(9)
	fadd 5, 2, 2
	fsel. 3, 1, 2, 4
	fmr 6, 1
	fneg 7, 1
	fabs. 8, 1
	fnabs 10, 1
	fcpsgn. 11, 1, 4
	fmrgew 12, 1, 4
	fmrgow 13, 1, 4
	DUMP
	lfd 1, 0(9)
	lfd 2, 120(9)
	lfd 4, 144(9)
	fadd 5, 2, 2
	fsel 3, 1, 2, 4
	fmr. 6, 1
	fneg 7, 1
	fabs. 8, 1
	fnabs 10, 1
	fcpsgn 11, 1, 4
	fmrgew 12, 1, 4
	fmrgow 13, 1, 4
	DUMP
	lfd 1, 8(9)
	lfd 2, 120(9)
	lfd 4, 144(9)
	fadd 5, 2, 2
	fsel. 3, 1, 2, 4
	fmr 6, 1
	fneg 7, 1
	fabs. 8, 1
	fnabs 10, 1
	fcpsgn. 11, 1, 4
	fmrgew 12, 1, 4
	fmrgow 13, 1, 4
	DUMP
	lfd 1, 96(9)
	lfd 2, 120(9)
	lfd 4, 144(9)
	fadd 5, 2, 2
	fsel 3, 1, 2, 4
	fmr. 6, 1
	fneg 7, 1
	fabs. 8, 1
	fnabs 10, 1
	fcpsgn 11, 1, 4
	fmrgew 12, 1, 4
	fmrgow 13, 1, 4
	DUMP
	lfd 1, 104(9)
	lfd 2, 120(9)
	lfd 4, 144(9)
	fadd 5, 2, 2
	fsel. 3, 1, 2, 4
	fmr 6, 1
	fneg 7, 1
	fabs. 8, 1
	fnabs 10, 1
	fcpsgn. 11, 1, 4
	fmrgew 12, 1, 4
	fmrgow 13, 1, 4
	DUMP
	lfd 1, 88(9)
	lfd 2, 120(9)
	lfd 4, 144(9)
	fadd 5, 2, 2
	fsel 3, 1, 2, 4
	fmr. 6, 1
	fneg 7, 1
	fabs. 8, 1
	fnabs 10, 1
	fcpsgn 11, 1, 4
	fmrgew 12, 1, 4
	fmrgow 13, 1, 4
	DUMP
	lfd 1, 64(9)
	lfd 2, 120(9)
	lfd 4, 144(9)
	fadd 5, 2, 2
	fsel. 3, 1, 2, 4
	fmr 6, 1
	fneg 7, 1
	fabs. 8, 1
	fnabs 10, 1
	fcpsgn. 11, 1, 4
	fmrgew 12, 1, 4
	fmrgow 13, 1, 4
	DUMP
	lfd 1, 112(9)
	lfd 2, 120(9)
	lfd 4, 144(9)
	fadd 5, 2, 2
	fsel 3, 1, 2, 4
	fmr. 6, 1
	fneg 7, 1
	fabs. 8, 1
	fnabs 10, 1
	fcpsgn 11, 1, 4
	fmrgew 12, 1, 4
	fmrgow 13, 1, 4
	DUMP

	DUMP
	.section .data
	.balign 8
fpdata:
	.quad 0x0000000000000000
	.quad 0x8000000000000000
	.quad 0x3FF0000000000000
	.quad 0xBFF0000000000000
	.quad 0x3CA8000000000000
	.quad 0x3CA0000000000000
	.quad 0x7FEFFFFFFFFFFFFF
	.quad 0x0010000000000000
	.quad 0x0000000000000001
	.quad 0x000FFFFFFFFFFFFF
	.quad 0x7FF0000000000000
	.quad 0xFFF0000000000000
	.quad 0x7FF8000000000001
	.quad 0x7FF4000000000123
	.quad 0xFFF8000000000456
	.quad 0x4008000000000000
	.quad 0x3FB999999999999A
	.quad 0x3FD5555555555555
	.quad 0xC01E000000000000
	.quad 0x4004000000000000
	.quad 0x43E0000000000000
	.quad 0xC3E0000000000000
	.quad 0x41DFFFFFFFC00000
	.quad 0x41E0000000000000
	.quad 0xC1E0000000000000
	.quad 0x43F0000000000000
	.quad 0xBFE0000000000000
	.quad 0x3FF0000000000001
	.quad 0x36A0000000000000
	.quad 0x380FFFFFF0000000
	.quad 0x47EFFFFFF0000000
	.quad 0x4340000000000001
	.quad 0xC004000000000000
	.quad 0x3FF8000000000000
	.quad 0x3FEFFFFFFF800000
	.quad 0x0010000000400000
	.quad 0x7FE0000000000000
	.quad 0x3CB8000000000000
	.quad 0x47EFFFFFE0000000
	.quad 0x3FF0000010000000
	.quad 0xFFF0000000000001
	.quad 0xBFB999999999999A
	.quad 0x3FE0000000000000
	.quad 0x0000000000000007
	.quad 0xFFFFFFFFFFFFFFF9
	.quad 0x7FFFFFFFFFFFFFFF
	.quad 0x8000000000000000
	.quad 0x0020000000000003
	.quad 0xFFFFFFFFFFFFFFFF
	.quad 0x0000000001000001
	.quad 0x4010000000000000
	.quad 0x000000000006F0F7
	.quad 0x0008000000000000
	.text
