/* Fixed-point loads: every width, zero/sign extension, D/DS/X forms, all
   alignments including accesses that cross a 16-byte boundary, negative
   displacements and RA=0 for X forms. */
	LOADADDR(31, SCRATCH)
	addi 30, 31, 256
	lbz 2, 0(31)
	lbz 3, 15(31)
	lbz 4, -1(30)
	lhz 5, 0(31)
	lhz 6, 9(31)
	lhz 7, 15(31)
	lha 8, 8(31)
	lha 9, 13(31)
	lha 10, -2(30)
	lha 11, 2(31)
	lwz 12, 4(31)
	lwz 13, 14(31)
	lwz 14, 9(31)
	lwz 15, -3(30)
	lwa 16, 8(31)
	lwa 17, 0(31)
	lwa 18, -4(30)
	ld 19, 8(31)
	ld 20, 12(31)
	ld 21, -8(30)
	ld 22, 0(31)
	lwz 23, 0(31)
	lbz 24, 200(31)
	lhz 25, 511(31)
	li 26, 0
	lhz 26, 255(30)
	ld 27, 248(30)
	lwa 28, 252(30)
	lha 29, 14(31)
	DUMP
	/* X forms: index in r30, base r31 (and RA=0 with the full address in RB) */
	li 30, 13
	lbzx 2, 31, 30
	lhzx 3, 31, 30
	lhax 4, 31, 30
	lwzx 5, 31, 30
	lwax 6, 31, 30
	ldx 7, 31, 30
	li 30, 8
	lhax 8, 31, 30
	lwax 9, 31, 30
	ldx 10, 31, 30
	li 30, -1
	addi 29, 31, 100
	lbzx 11, 29, 30
	lhzx 12, 29, 30
	lwzx 13, 29, 30
	ldx 14, 29, 30
	lhax 15, 30, 29
	lwax 16, 30, 29
	addi 29, 31, 7
	lbzx 17, 0, 29
	lhzx 18, 0, 29
	lhax 19, 0, 29
	lwzx 20, 0, 29
	lwax 21, 0, 29
	ldx 22, 0, 29
	/* the loaded register may be RA or RB */
	mr 23, 31
	ld 23, 16(23)
	mr 24, 31
	li 25, 24
	ldx 25, 24, 25
	mr 26, 31
	lwzx 26, 0, 26
	DUMP
