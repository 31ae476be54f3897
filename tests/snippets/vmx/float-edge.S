/* vmx float edge cases: ties, tiny results, denormals with NJ=1 and NJ=0,
 * NaN priority, estimates over many values. Data as .long words. */
#include "vdata.inc"
	.section ".data"
	.balign 16
FDATA:
	.long 0x3f800000, 0x3f800001, 0x00800000, 0x80800000	/* f0: 1, 1+ulp, min normal, -min normal */
	.long 0x33800000, 0xb3800000, 0x00800001, 0x3effffff	/* f1: 2^-24, -2^-24, minnorm+ulp, 0.49999997 */
	.long 0x3f000000, 0x3fc00000, 0x40200000, 0xbf000000	/* f2: 0.5, 1.5, 2.5, -0.5 */
	.long 0x00400000, 0x80000001, 0x007fffff, 0x00000001	/* f3: denormals */
	.long 0x7f7fffff, 0xff7fffff, 0x4b000001, 0xcb7fffff	/* f4: max, -max, 2^23+1, -(2^24-1) */
	.long 0x7f800001, 0xffc00002, 0x7f800000, 0xff800000	/* f5: sNaN, -qNaN, inf, -inf */
	.long 0x00000000, 0x80000000, 0x3f7fffff, 0x4effffff	/* f6: 0, -0, 1-ulp, ~2^31 */
	.long 0x1f800000, 0x20000000, 0x5f800000, 0x4f800000	/* f7: 2^-64, 2^-63, 2^64, 2^32 */
	.long 0x3fb504f3, 0x40490fdb, 0xc0490fdb, 0x42f6e979	/* f8: sqrt2, pi, -pi, 123.456 */
	.long 0x3dcccccd, 0xbdcccccd, 0x41200000, 0xc1200000	/* f9: 0.1, -0.1, 10, -10 */
	.long 0x42fe0000, 0xc2fe0000, 0x43000000, 0xc3160000	/* f10: 127, -127, 128, -150 */
	.long 0x3f7ffffe, 0x3f800002, 0x3effffff, 0x3f000001	/* f11: near 1 and 0.5 */
	.long 0x4f000000, 0xcf000000, 0x4f800000, 0xcf000001	/* f12: 2^31, -2^31, 2^32, -(2^31+256) */
	.long 0x40000000, 0x40400000, 0x40800000, 0x40a00000	/* f13: 2 3 4 5 */
	.long 0x00000000, 0x00000000, 0x00000000, 0x00010000	/* NJ=1 */
	.long 0x00000000, 0x00000000, 0x00000000, 0x00000000	/* NJ=0 */
	.text
	LOADADDR(3, FDATA)
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	li	4, 16 * \n
	lvx	\n, 3, 4
	.endr
.macro PAIRS op
	\op 16, 0, 1
	\op 17, 1, 0
	\op 18, 3, 3
	\op 19, 3, 0
	\op 20, 4, 4
	\op 21, 5, 6
	\op 22, 6, 5
	\op 23, 6, 6
	\op 24, 7, 1
	\op 25, 2, 11
	\op 26, 8, 9
	\op 27, 4, 13
	\op 28, 0, 3
	\op 29, 11, 0
	\op 30, 1, 1
	\op 31, 12, 10
	DUMP
.endm
.macro TRIPS op
	\op 16, 0, 1, 0
	\op 17, 1, 1, 2
	\op 18, 3, 0, 13
	\op 19, 2, 0, 1
	\op 20, 4, 13, 4
	\op 21, 5, 6, 5
	\op 22, 6, 5, 0
	\op 23, 6, 6, 6
	\op 24, 7, 7, 1
	\op 25, 11, 13, 0
	\op 26, 8, 9, 8
	\op 27, 1, 1, 1
	\op 28, 0, 3, 13
	\op 29, 13, 0, 11
	\op 30, 1, 0, 7
	\op 31, 9, 8, 10
	DUMP
.endm
.macro ONES op
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13
	\op \n+16, \n
	.endr
	DUMP
.endm
.macro ALL
	PAIRS vaddfp
	PAIRS vsubfp
	PAIRS vmaxfp
	PAIRS vminfp
	TRIPS vmaddfp
	TRIPS vnmsubfp
	ONES vrefp
	ONES vrsqrtefp
	ONES vexptefp
	ONES vlogefp
	ONES vrfin
	ONES vrfiz
	ONES vrfip
	ONES vrfim
.endm
	mtvscr 14
	ALL
	mtvscr 15
	ALL
