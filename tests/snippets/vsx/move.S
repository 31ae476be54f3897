#include "vsx.inc"
	.section .data
	.balign 16
pa:	.quad 0x0011223344556677, 0x8899aabbccddeeff
pb:	.quad 0xf0e1d2c3b4a59687, 0x7f6e5d4c3b2a1908
	.text
	VLOAD(0, pa)
	VLOAD(45, pb)
	mfvsrd 4, 0
	mfvsrd 5, 45
	mfvsrwz 6, 0
	mfvsrwz 7, 45
	mfvsrld 8, 0
	mfvsrld 9, 45
	DUMP
	lis 10, -32768
	ori 10, 10, 0x1234
	mtvsrd 3, 10
	mtvsrd 40, 9
	mtvsrwa 4, 10
	mtvsrwa 41, 8
	mtvsrwz 5, 10
	mtvsrwz 42, 9
	mtvsrws 6, 10
	mtvsrws 43, 7
	mtvsrdd 7, 10, 9
	mtvsrdd 44, 0, 8
	mtvsrdd 45, 9, 9
	DUMP
