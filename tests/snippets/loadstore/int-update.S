/* Update forms: RA receives the EA, RS==RA for stores stores the old value,
   X-update forms, negative displacements. */
	LOADADDR(31, SCRATCH)
	mr 30, 31
	lbzu 2, 3(30)
	mr 29, 31
	lhzu 3, 9(29)
	mr 28, 31
	lhau 4, 15(28)
	mr 27, 31
	lwzu 5, 22(27)
	mr 26, 31
	ldu 6, 28(26)
	addi 25, 31, 300
	lhau 7, -6(25)
	addi 24, 31, 300
	ldu 8, -36(24)
	DUMP
	LOADADDR(31, SCRATCH)
	li 20, 13
	mr 30, 31
	lbzux 2, 30, 20
	mr 29, 31
	lhzux 3, 29, 20
	mr 28, 31
	lhaux 4, 28, 20
	mr 27, 31
	lwzux 5, 27, 20
	mr 26, 31
	lwaux 6, 26, 20
	mr 25, 31
	ldux 7, 25, 20
	li 21, 8
	mr 24, 31
	lwaux 8, 24, 21
	li 22, -3
	addi 23, 31, 100
	lhaux 9, 23, 22
	DUMP
	LOADADDR(31, SCRATCH)
	mr 30, 31
	stbu 3, 1(30)
	mr 29, 31
	sthu 4, 5(29)
	mr 28, 31
	stwu 5, 11(28)
	mr 27, 31
	stdu 6, 20(27)
	mr 26, 31
	stwu 26, 33(26)
	mr 25, 31
	stdu 25, 40(25)
	addi 24, 31, 100
	sthu 24, -2(24)
	DUMP
	LOADADDR(31, SCRATCH)
	li 20, 55
	mr 30, 31
	stbux 3, 30, 20
	mr 29, 31
	sthux 4, 29, 20
	mr 28, 31
	stwux 5, 28, 20
	mr 27, 31
	stdux 6, 27, 20
	li 21, 70
	mr 26, 31
	stdux 26, 26, 21
	mr 25, 31
	stwux 21, 25, 21
	DUMP
