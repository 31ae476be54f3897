#include "vsx.inc"
	.section .data
	.balign 16
pa:	.quad 0x0011223344556677, 0x8899aabbccddeeff
pb:	.quad 0x0f1e2d3c4b5a6978, 0x8796a5b4c3d2e1f0
pc:	.quad 0xffff0000ff00f0f0, 0x0123456789abcdef
pp:	.quad 0x1f00011e1d02031c, 0x0405060708090a1b
pq:	.quad 0xe0f1c2d3a4b58697, 0x7869f0e1d2c3b4a5
	.text
	VLOAD(0, pa)
	VLOAD(33, pb)
	VLOAD(40, pc)
	VLOAD(2, pp)
	VLOAD(63, pq)
	xxland 3, 0, 33
	xxlandc 34, 0, 33
	xxlor 35, 40, 33
	xxlxor 4, 0, 40
	xxlnor 5, 33, 40
	xxlorc 36, 0, 40
	xxlnand 6, 33, 0
	xxleqv 37, 0, 33
	xxsel 7, 0, 33, 40
	xxsel 38, 33, 0, 63
	DUMP
	xxlor 8, 40, 40
	xxperm 8, 0, 2
	xxlor 41, 40, 40
	xxpermr 41, 0, 2
	xxlor 9, 33, 33
	xxperm 9, 0, 63
	xxlor 42, 33, 33
	xxpermr 42, 40, 63
	xxlor 10, 0, 0
	xxperm 10, 10, 10
	DUMP
	xxpermdi 3, 0, 33, 0
	xxpermdi 4, 0, 33, 1
	xxpermdi 34, 0, 33, 2
	xxpermdi 35, 0, 33, 3
	xxsldwi 5, 0, 33, 0
	xxsldwi 6, 0, 33, 1
	xxsldwi 36, 0, 33, 2
	xxsldwi 37, 0, 33, 3
	xxmrghw 7, 0, 33
	xxmrglw 38, 0, 33
	xxmrghw 0, 0, 0
	DUMP
	VLOAD(0, pa)
	xxspltw 3, 0, 0
	xxspltw 4, 0, 1
	xxspltw 34, 0, 2
	xxspltw 35, 0, 3
	xxspltib 5, 0
	xxspltib 36, 255
	xxspltib 37, 0x81
	xxbrh 6, 0
	xxbrw 38, 0
	xxbrd 39, 40
	xxbrq 7, 40
	xxbrq 40, 40
	DUMP
	xxextractuw 3, 33, 0
	xxextractuw 4, 33, 5
	xxextractuw 34, 33, 12
	xxextractuw 35, 33, 15
	xxlor 5, 40, 40
	xxinsertw 5, 33, 0
	xxlor 6, 40, 40
	xxinsertw 6, 33, 7
	xxlor 36, 40, 40
	xxinsertw 36, 33, 12
	xxlor 37, 40, 40
	xxinsertw 37, 33, 14
	DUMP
