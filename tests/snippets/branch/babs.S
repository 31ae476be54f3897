/* Absolute branches ba/bla: map code at a fixed low address (within the +-32 MiB
   an LI field reaches) and branch to it. */
	li	0, 90		/* mmap(0x100000, 4096, RWX, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) */
	lis	3, 0x10
	li	4, 4096
	li	5, 7
	li	6, 0x32
	li	7, -1
	li	8, 0
	sc
	mr	20, 3		/* 0x100000 */
	lis	9, 0x3860
	ori	9, 9, 5		/* li 3, 5 */
	stw	9, 0(20)
	lis	9, 0x4e80
	ori	9, 9, 0x20	/* blr */
	stw	9, 4(20)
	lis	9, 0x3880
	ori	9, 9, 6		/* li 4, 6 */
	stw	9, 8(20)
	lis	9, 0x4e80
	ori	9, 9, 0x20	/* blr */
	stw	9, 12(20)
	dcbst	0, 20
	sync
	icbi	0, 20
	isync
	li	3, 0
	.long	0x48100003	/* bla 0x100000 */
	mflr	21
	LOADADDR(9, 1f)
	mtlr	9
	li	4, 0
	.long	0x4810000a	/* ba 0x100008 */
	li	4, 1		/* skipped: blr returns to 1f */
1:	mflr	22
