/* Modify code in an RWX mapping, make it visible with dcbst/sync/icbi/isync,
   and run the old and the new version. */
	li	0, 90		/* mmap(0, 4096, RWX, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) */
	li	3, 0
	li	4, 4096
	li	5, 7
	li	6, 0x22
	li	7, -1
	li	8, 0
	sc
	mr	20, 3
	lis	9, 0x3860
	ori	9, 9, 1		/* li 3, 1 */
	stw	9, 0(20)
	lis	9, 0x4e80
	ori	9, 9, 0x20	/* blr */
	stw	9, 4(20)
	dcbst	0, 20
	sync
	icbi	0, 20
	isync
	mtctr	20
	bctrl
	mr	21, 3
	lis	9, 0x3860
	ori	9, 9, 2		/* li 3, 2 */
	stw	9, 0(20)
	dcbst	0, 20
	sync
	icbi	0, 20
	isync
	mtctr	20
	bctrl
	mr	22, 3
	li	20, 0		/* the mapping's address is not deterministic */
	li	9, 0
	mtctr	9
