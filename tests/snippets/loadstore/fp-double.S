/* lfd/stfd and their X and update forms, lfiwax/lfiwzx/stfiwx, lfdp/stfdp
   (pairs: LE swaps the doublewords), at various alignments. */
	LOADADDR(31, SCRATCH)
	lfd 0, 0(31)
	lfd 1, 13(31)
	lfd 2, 248(31)
	li 30, 9
	lfdx 3, 31, 30
	addi 29, 31, 40
	lfdx 4, 0, 29
	mr 28, 31
	lfdu 5, 24(28)
	mr 27, 31
	li 30, 33
	lfdux 6, 27, 30
	mr 26, 31
	lfsu 7, 12(26)
	mr 25, 31
	lfsux 8, 25, 30
	li 30, 8
	lfiwax 9, 31, 30
	lfiwzx 10, 31, 30
	li 30, 5
	lfiwax 11, 31, 30
	lfiwzx 12, 31, 30
	li 30, 0
	lfiwax 13, 31, 30
	.machine push
	.machine power6
	lfdp 14, 32(31)
	li 30, 72
	lfdpx 16, 31, 30
	li 30, 13
	lfdpx 18, 31, 30
	.machine pop
	/* FRT may equal RA in the update forms (FRT is an FPR) */
	mr 24, 31
	lfsu 24, 8(24)
	mr 23, 31
	lfdux 23, 23, 30
	DUMP
	LOADADDR(31, SCRATCH)
	stfd 20, 0(31)
	stfd 21, 13(31)
	li 30, 29
	stfdx 22, 31, 30
	mr 29, 31
	stfdu 23, 40(29)
	mr 28, 31
	li 30, 57
	stfdux 24, 28, 30
	mr 27, 31
	stfsu 25, 70(27)
	mr 26, 31
	li 30, 75
	stfsux 26, 26, 30
	li 30, 81
	stfiwx 27, 31, 30
	li 30, 88
	stfiwx 9, 31, 30
	.machine push
	.machine power6
	stfdp 28, 96(31)
	li 30, 117
	stfdpx 30, 31, 30
	.machine pop
	DUMP
