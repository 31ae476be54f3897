/* Byte-reversed loads and stores at various alignments. */
	LOADADDR(31, SCRATCH)
	li 30, 0
	lhbrx 2, 31, 30
	lwbrx 3, 31, 30
	ldbrx 4, 31, 30
	li 30, 7
	lhbrx 5, 31, 30
	lwbrx 6, 31, 30
	ldbrx 7, 31, 30
	li 30, 13
	lhbrx 8, 31, 30
	lwbrx 9, 31, 30
	ldbrx 10, 31, 30
	addi 29, 31, 15
	lhbrx 11, 0, 29
	lwbrx 12, 0, 29
	ldbrx 13, 0, 29
	DUMP
	li 30, 1
	sthbrx 14, 31, 30
	li 30, 6
	stwbrx 15, 31, 30
	li 30, 13
	stdbrx 16, 31, 30
	li 30, 32
	stdbrx 17, 31, 30
	addi 29, 31, 47
	stwbrx 18, 0, 29
	sthbrx 19, 0, 29
	DUMP
