/* Fixed-point stores: every width, D/DS/X forms, all alignments including
   stores crossing 16-byte boundaries, negative displacements, RA=0. */
	LOADADDR(31, SCRATCH)
	addi 30, 31, 256
	stb 3, 0(31)
	stb 4, 17(31)
	stb 5, -1(30)
	sth 6, 2(31)
	sth 7, 21(31)
	sth 8, 31(31)
	sth 9, -2(30)
	stw 10, 36(31)
	stw 11, 45(31)
	stw 12, 62(31)
	stw 13, -6(30)
	std 14, 64(31)
	std 15, 84(31)
	std 16, -16(30)
	std 17, 100(31)
	DUMP
	li 29, 0
	addi 28, 31, 128
	stbx 2, 28, 29
	li 29, 3
	stbx 3, 28, 29
	li 29, 5
	sthx 4, 28, 29
	li 29, 15
	sthx 5, 28, 29
	li 29, 17
	stwx 6, 28, 29
	li 29, 30
	stwx 7, 28, 29
	li 29, 37
	stdx 8, 28, 29
	li 29, 44
	stdx 9, 28, 29
	li 29, -1
	stbx 10, 29, 28
	addi 27, 31, 200
	stbx 11, 0, 27
	sthx 12, 0, 27
	addi 27, 31, 211
	stwx 13, 0, 27
	addi 27, 31, 225
	stdx 14, 0, 27
	/* store the base register itself */
	stdx 27, 0, 27
	addi 26, 31, 240
	std 26, 8(26)
	stw 26, 4(26)
	DUMP
