/* CR logical instructions over every input combination, mcrf, mcrxrx */
	lis	3, 0x5a3c
	ori	3, 3, 0x96f0
	mtcrf	0xff, 3
	/* bits 0..3 = 0101 (a=0,b=1 / a=1,b=0 at pairs (0,1),(1,0)); use pairs (0,0) (0,1) (1,0) (1,1) */
	/* CR0 = 0101: bit0=0 bit1=1 bit2=0 bit3=1 */
	crand	8, 0, 0
	crand	9, 0, 1
	crand	10, 1, 0
	crand	11, 1, 3
	DUMP
	mtcrf	0xff, 3
	crnand	8, 0, 0
	crnand	9, 0, 1
	crnand	10, 1, 0
	crnand	11, 1, 3
	cror	12, 0, 0
	cror	13, 0, 1
	cror	14, 1, 0
	cror	15, 1, 3
	crxor	16, 0, 0
	crxor	17, 0, 1
	crxor	18, 1, 0
	crxor	19, 1, 3
	crnor	20, 0, 0
	crnor	21, 0, 1
	crnor	22, 1, 0
	crnor	23, 1, 3
	creqv	24, 0, 0
	creqv	25, 0, 1
	creqv	26, 1, 0
	creqv	27, 1, 3
	crandc	28, 0, 0
	crandc	29, 0, 1
	crandc	30, 1, 0
	crandc	31, 1, 3
	DUMP
	mtcrf	0xff, 3
	crorc	4, 0, 0
	crorc	5, 0, 1
	crorc	6, 1, 0
	crorc	7, 1, 3
	crset	31
	crclr	8
	crnot	9, 9
	crmove	10, 31
	crxor	0, 0, 0
	creqv	1, 1, 1
	DUMP
	mtcrf	0xff, 3
	mcrf	0, 7
	mcrf	7, 1
	mcrf	3, 3
	mcrf	5, 0
	DUMP
	li	4, -1
	mtxer	4
	mcrxrx	0
	li	4, 0
	mtxer	4
	mcrxrx	7
	lis	4, 0x4004	/* OV, CA32 */
	mtxer	4
	mcrxrx	3
	lis	4, 0x2008	/* CA, OV32 */
	mtxer	4
	mcrxrx	4
	lis	4, 0x8000	/* SO only */
	mtxer	4
	mcrxrx	5
