/* xsiexpdp / xsxexpdp / xsxsigdp on normal, denormal, zero, inf and NaN values */
#include "vsx.inc"
	.section .data
	.balign 16
vals:	.quad 0x400921fb54442d18, 0x000fffffffffffff
	.quad 0x8000000000000000, 0x7ff0000000000000
	.quad 0xfff8000000000123, 0x0010000000000000
	.text
	VLOAD(0, vals)
	LOADADDR(3, vals)
	addi 3, 3, 16
	lxvd2x 33, 0, 3
	addi 3, 3, 16
	lxvd2x 34, 0, 3
	xsxexpdp 4, 0
	xsxsigdp 5, 0
	xxswapd 1, 0
	xsxexpdp 6, 1
	xsxsigdp 7, 1
	xsxexpdp 8, 33
	xsxsigdp 9, 33
	xxswapd 35, 33
	xsxexpdp 10, 35
	xsxsigdp 11, 35
	xsxexpdp 12, 34
	xsxsigdp 13, 34
	xxswapd 36, 34
	xsxexpdp 14, 36
	xsxsigdp 15, 36
	DUMP
	li 16, 0x3ff
	lis 17, 0x8123
	ori 17, 17, 0x4567
	xsiexpdp 40, 17, 16
	li 16, 0x7ff
	xsiexpdp 41, 5, 16
	li 16, -1
	xsiexpdp 42, 7, 16
	li 16, 0
	xsiexpdp 43, 17, 16
	DUMP
