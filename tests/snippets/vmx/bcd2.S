/* ISA 3.0 decimal: conversions, shifts, truncation, sign ops (CR6 each time) */
#include "vdata.inc"
#ifdef __LITTLE_ENDIAN__
#define QV(a, b, c, d) .long d, c, b, a
#else
#define QV(a, b, c, d) .long a, b, c, d
#endif
	.section ".data"
	.balign 16
BDATA2:
	QV(0x00000000, 0x00000000, 0x00000000, 0x0012345c)	/* 0: +12345 */
	QV(0x00000000, 0x00000000, 0x00000000, 0x9876543d)	/* 1: -9876543 */
	QV(0x99999999, 0x99999999, 0x99999999, 0x9999999f)	/* 2: +max (F) */
	QV(0x12345678, 0x90123456, 0x78901234, 0x5678901b)	/* 3: big - (B) */
	QV(0x00000000, 0x00000000, 0x00000000, 0x0000000c)	/* 4: +0 */
	QV(0x00000000, 0x00000000, 0x00000000, 0x00001a3c)	/* 5: bad digit */
	QV(0x00000000, 0x00000000, 0x00000000, 0x00001235)	/* 6: bad sign */
	QV(0x00000000, 0x00000000, 0x00310032, 0x0033002d)	/* 7: national -123 */
	QV(0x00300031, 0x00320033, 0x00340035, 0x0036002b)	/* 8: national +0123456 */
	QV(0x30313233, 0x34353637, 0x38393031, 0x32333435)	/* 9: zoned + (3) */
	QV(0xf1f2f3f4, 0xf5f6f7f8, 0xf9f0f1f2, 0xf3f4f5d6)	/* 10: zoned - (D) */
	QV(0xffffffff, 0xffffffff, 0xffffffff, 0xfffffff6)	/* 11: -10 (int128) */
	QV(0x0000007e, 0x37be2022, 0xc0914b26, 0x7fffffff)	/* 12: 10^31-1 */
	QV(0x0000007e, 0x37be2022, 0xc0914b26, 0x80000000)	/* 13: 10^31 */
	QV(0x00000000, 0x00000003, 0x00000000, 0x00000000)	/* 14: shift +3 (byte 7), trunc hw3 = 0 */
	QV(0x00000000, 0x000000fd, 0x00000000, 0x00000000)	/* 15: shift -3 */
	QV(0x00000000, 0x00000020, 0x00000000, 0x00000000)	/* 16: shift 32 */
	QV(0x00000000, 0x00000005, 0x00000000, 0x00000000)	/* 17: trunc 5 */
	QV(0x00000000, 0x00000013, 0x00000000, 0x00000000)	/* 18: trunc 19 */
	QV(0x00000000, 0x0000ffff, 0x00000000, 0x00000000)	/* 19: trunc -1 */
	QV(0x00000000, 0x00000000, 0x00000000, 0x12345678)	/* 20: unsigned digits */
	QV(0x00000000, 0x000000e0, 0x00000000, 0x00000000)	/* 21: shift -32 */
	QV(0x00000000, 0x00000000, 0x00000000, 0x0000005d)	/* 22: -5 */
	.text
	LOADADDR(3, BDATA2)
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22
	li	4, 16 * \n
	lvx	\n, 3, 4
	.endr
.macro CR1 op, ps
	.irp b, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,20,22
	vspltisw 31, 7
	\op 31, \b, \ps
	mfcr 8
	DUMP
	.endr
.endm
.macro CR0 op
	.irp b, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,20,22
	vspltisw 31, 7
	\op 31, \b
	mfcr 8
	DUMP
	.endr
.endm
.macro SH op, ps
	.irp a, 14,15,16,17,18,19,21,4
	.irp b, 0,2,3,5,6,20,22
	vspltisw 31, 7
	\op 31, \a, \b, \ps
	mfcr 8
	DUMP
	.endr
	.endr
.endm
.macro SHU op
	.irp a, 14,15,16,17,18,19,21,4
	.irp b, 0,2,5,20
	vspltisw 31, 7
	\op 31, \a, \b
	mfcr 8
	DUMP
	.endr
	.endr
.endm
	CR1 bcdcfn., 0
	CR1 bcdcfn., 1
	CR0 bcdctn.
	CR1 bcdcfz., 0
	CR1 bcdcfz., 1
	CR1 bcdctz., 0
	CR1 bcdctz., 1
	CR1 bcdcfsq., 0
	CR1 bcdcfsq., 1
	CR0 bcdctsq.
	CR1 bcdsetsgn., 0
	CR1 bcdsetsgn., 1
	SH bcds., 0
	SH bcds., 1
	SH bcdsr., 0
	SH bcdtrunc., 1
	SHU bcdus.
	SHU bcdutrunc.
	.irp a, 0,1,3,5,6
	.irp b, 0,1,4,6
	vspltisw 31, 7
	bcdcpsgn. 31, \a, \b
	mfcr 8
	DUMP
	.endr
	.endr
