/* lq/stq: even register pairs, LE swaps the doublewords; negative
   displacements and unaligned EAs. */
	LOADADDR(31, SCRATCH)
	lq 4, 0(31)
	lq 6, 16(31)
	lq 8, 240(31)
	addi 30, 31, 256
	lq 10, -32(30)
	addi 29, 31, 5
	lq 12, 32(29)
	stq 14, 48(31)
	stq 16, 68(31)
	stq 18, -64(30)
	stq 20, 96(29)
	DUMP
