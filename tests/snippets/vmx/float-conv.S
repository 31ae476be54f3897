/* vmx vctuxs/vctsxs/vcfux/vcfsx over many scales and edge values (.long data) */
#include "vdata.inc"
	.section ".data"
	.balign 16
CDATA:
	.long 0x4f800000, 0xcf000000, 0x4effffff, 0xcf000001	/* 2^32, -2^31, 2^31-128, < -2^31 */
	.long 0x3f7fffff, 0xbf7fffff, 0x3fc00000, 0xbfc00000	/* ±(1-ulp), ±1.5 */
	.long 0x7f800001, 0xff800000, 0x7f800000, 0x80000000	/* sNaN, -inf, inf, -0 */
	.long 0x00400000, 0x80000001, 0x47800000, 0x4f7fffff	/* denormals, 65536, 2^32-256 */
	.long 0xffffffff, 0x80000000, 0x7fffffff, 0x00000001	/* integers for vcf* */
	.long 0x00ffffff, 0x01000001, 0xfeffffff, 0x12345678
	.long 0, 0, 0, 0x00010000
	.text
	LOADADDR(3, CDATA)
	.irp n, 0,1,2,3,4,5,6
	li	4, 16 * \n
	lvx	\n+8, 3, 4
	.endr
.macro CVS op, uim
	.irp p, "16,8", "17,9", "18,10", "19,11", "20,12", "21,13"
	mtvscr 14
	\op \p, \uim
	mfvscr 31
	vsldoi 24, 24, 31, 4
	.endr
	DUMP
.endm
	.irp u, 0, 1, 7, 16, 24, 30, 31
	CVS vctuxs, \u
	CVS vctsxs, \u
	vcfux 16, 12, \u
	vcfux 17, 13, \u
	vcfsx 18, 12, \u
	vcfsx 19, 13, \u
	DUMP
	.endr
