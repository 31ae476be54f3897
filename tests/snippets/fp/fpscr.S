	LOADADDR(9, fpdata)
.macro CLR
	mtfsfi 0,0
	mtfsfi 1,0
	mtfsfi 2,0
	mtfsfi 3,0
	mtfsfi 4,0
	mtfsfi 5,0
.endm
	lfd 1, 0(9)
	fdiv 3, 1, 1
	fadd 3, 1, 1
	DUMP
	mcrfs 2, 0
	DUMP
	mcrfs 3, 1
	DUMP
	mcrfs 4, 2
	mcrfs 5, 3
	mcrfs 6, 4
	mcrfs 7, 5
	DUMP
	mtfsb1 0
	mffs 20
	mfcr 10
	mtfsb1. 1
	mffs 21
	mfcr 11
	mtfsb1 2
	mffs 22
	mfcr 12
	mtfsb1. 3
	mffs 23
	mfcr 13
	mtfsb1 4
	mffs 24
	mfcr 14
	mtfsb1. 5
	mffs 25
	mfcr 15
	mtfsb1 6
	mffs 26
	mfcr 16
	mtfsb1. 7
	mffs 27
	mfcr 17
	DUMP
	mtfsb1 8
	mffs 20
	mfcr 10
	mtfsb1. 9
	mffs 21
	mfcr 11
	mtfsb1 10
	mffs 22
	mfcr 12
	mtfsb1. 11
	mffs 23
	mfcr 13
	mtfsb1 12
	mffs 24
	mfcr 14
	mtfsb1. 13
	mffs 25
	mfcr 15
	mtfsb1 14
	mffs 26
	mfcr 16
	mtfsb1. 15
	mffs 27
	mfcr 17
	DUMP
	mtfsb1 16
	mffs 20
	mfcr 10
	mtfsb1. 17
	mffs 21
	mfcr 11
	mtfsb1 18
	mffs 22
	mfcr 12
	mtfsb1. 19
	mffs 23
	mfcr 13
	mtfsb1 20
	mffs 24
	mfcr 14
	mtfsb1. 21
	mffs 25
	mfcr 15
	mtfsb1 22
	mffs 26
	mfcr 16
	mtfsb1. 23
	mffs 27
	mfcr 17
	DUMP
	mtfsb1. 29
	mffs 20
	mfcr 10
	mtfsb1 30
	mffs 21
	mfcr 11
	mtfsb1. 31
	mffs 22
	mfcr 12
	mtfsb0. 0
	mffs 23
	mfcr 13
	mtfsb0 1
	mffs 24
	mfcr 14
	mtfsb0. 2
	mffs 25
	mfcr 15
	mtfsb0 3
	mffs 26
	mfcr 16
	mtfsb0. 4
	mffs 27
	mfcr 17
	DUMP
	mtfsb0 5
	mffs 20
	mfcr 10
	mtfsb0. 6
	mffs 21
	mfcr 11
	mtfsb0 7
	mffs 22
	mfcr 12
	mtfsb0. 8
	mffs 23
	mfcr 13
	mtfsb0 9
	mffs 24
	mfcr 14
	mtfsb0. 10
	mffs 25
	mfcr 15
	mtfsb0 11
	mffs 26
	mfcr 16
	mtfsb0. 12
	mffs 27
	mfcr 17
	DUMP
	mtfsb0 13
	mffs 20
	mfcr 10
	mtfsb0. 14
	mffs 21
	mfcr 11
	mtfsb0 15
	mffs 22
	mfcr 12
	mtfsb0. 16
	mffs 23
	mfcr 13
	mtfsb0 17
	mffs 24
	mfcr 14
	mtfsb0. 18
	mffs 25
	mfcr 15
	mtfsb0 19
	mffs 26
	mfcr 16
	mtfsb0. 20
	mffs 27
	mfcr 17
	DUMP
	mtfsb0 21
	mffs 20
	mfcr 10
	mtfsb0. 22
	mffs 21
	mfcr 11
	mtfsb0 23
	mffs 22
	mfcr 12
	mtfsb0. 24
	mffs 23
	mfcr 13
	mtfsb0 25
	mffs 24
	mfcr 14
	mtfsb0. 26
	mffs 25
	mfcr 15
	mtfsb0 27
	mffs 26
	mfcr 16
	mtfsb0. 28
	mffs 27
	mfcr 17
	DUMP
	mtfsb0 29
	mffs 20
	mfcr 10
	mtfsb0. 30
	mffs 21
	mfcr 11
	mtfsb0 31
	mffs 22
	mfcr 12
	DUMP
	CLR
	mtfsfi 0,0
	mffs 20
	mfcr 10
	mtfsfi. 0,9
	mffs 21
	mfcr 11
	mtfsfi 0,6
	mffs 22
	mfcr 12
	mtfsfi 1,0
	mffs 23
	mfcr 13
	mtfsfi. 1,9
	mffs 24
	mfcr 14
	mtfsfi 1,6
	mffs 25
	mfcr 15
	mtfsfi 2,0
	mffs 26
	mfcr 16
	mtfsfi. 2,9
	mffs 27
	mfcr 17
	DUMP
	mtfsfi 2,6
	mffs 20
	mfcr 10
	mtfsfi 3,0
	mffs 21
	mfcr 11
	mtfsfi. 3,9
	mffs 22
	mfcr 12
	mtfsfi 3,6
	mffs 23
	mfcr 13
	mtfsfi 4,0
	mffs 24
	mfcr 14
	mtfsfi. 4,9
	mffs 25
	mfcr 15
	mtfsfi 4,6
	mffs 26
	mfcr 16
	mtfsfi 5,0
	mffs 27
	mfcr 17
	DUMP
	mtfsfi. 5,9
	mffs 20
	mfcr 10
	mtfsfi 5,6
	mffs 21
	mfcr 11
	mtfsfi 6,0
	mffs 22
	mfcr 12
	mtfsfi 7,0
	mffs 23
	mfcr 13
	mtfsfi 7,5
	mffs 24
	mfcr 14
	mtfsfi 7,6
	mffs 25
	mfcr 15
	DUMP
	mtfsfi 7,5,1
	DUMP
	mtfsfi 7,0,1
	DUMP
	CLR
	lfd 4, 384(9)
	mtfsb1 24
	mtfsfi 7,3
	mffs 6
	mffsce 5
	DUMP
	mffs. 7
	DUMP
	lfd 4, 384(9)
	mtfsfi 7,2
	mtfsfi 4,15
	mtfsfi 3,15
	mtfsfi 1,15
	mtfsfi 7,1,1
	mffsl 5
	mffscrn 6, 4
	DUMP
	mffscrni 7, 2
	mffscrni 8, 1
	DUMP
	mffscdrn 10, 4
	mffscdrni 11, 3
	mffs 12
	DUMP
	CLR
	lfd 4, 408(9)
	mtfsf 0x0f, 4
	DUMP
	mtfsf. 0xf0, 4
	DUMP
	lfd 4, 384(9)
	mtfsf 0x81, 4, 0, 1
	DUMP
	mtfsfi 6,0
	mtfsf 0xf8, 4, 0, 0
	DUMP
	lfd 4, 0(9)
	mtfsf 0xff, 4, 1, 0
	DUMP
	lfd 4, 368(9)
	mtfsf. 0xff, 4, 1, 0
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
