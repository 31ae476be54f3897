# endian: be
/* lmw/stmw and the string instructions (big-endian only: LE traps).
   lswi: NB=0 means 32, partial last register, wrap from r31 to r0;
   lswx/stswx: count from XER[57:63], 0 does nothing. */
	LOADADDR(2, SCRATCH)
	lmw 20, 3(2)
	DUMP
	LOADADDR(2, SCRATCH)
	addi 2, 2, 200
	lmw 31, -8(2)
	DUMP
	LOADADDR(30, SCRATCH)
	addi 29, 30, 64
	stmw 25, 1(29)
	DUMP
	LOADADDR(31, SCRATCH)
	lswi 3, 31, 7
	lswi 6, 31, 1
	lswi 8, 31, 12
	lswi 12, 31, 0
	addi 2, 31, 5
	lswi 29, 2, 13
	DUMP
	LOADADDR(31, SCRATCH)
	li 0, 11
	mtxer 0
	li 30, 3
	lswx 3, 31, 30
	li 0, 0
	mtxer 0
	lswx 8, 31, 30
	li 0, 32
	mtxer 0
	li 30, 17
	lswx 10, 31, 30
	li 0, 6
	mtxer 0
	addi 2, 31, 1
	lswx 28, 0, 2
	DUMP
	LOADADDR(31, SCRATCH)
	stswi 3, 31, 5
	addi 30, 31, 9
	stswi 6, 30, 0
	addi 30, 31, 50
	stswi 30, 30, 11
	li 0, 7
	mtxer 0
	li 29, 70
	stswx 10, 31, 29
	li 0, 0
	mtxer 0
	li 29, 80
	stswx 12, 31, 29
	li 0, 127
	mtxer 0
	li 29, 90
	stswx 0, 31, 29
	li 0, 0
	mtxer 0
	DUMP
	/* lmw with RA in the loaded range (invalid form QEMU executes: the EA is
	   computed first); lswx with a zero count and RA in range: a no-op */
	LOADADDR(31, SCRATCH)
	.long 0xbb9f0010 /* lmw 28,16(31) */
	LOADADDR(31, SCRATCH)
	li 0, 0
	mtxer 0
	li 30, 0
	.long 0x7fdff42a /* lswx 30,31,30 */
	DUMP
	/* lswx wrapping over r0 with RA=0: allowed (RA=0 is exempt for lswx) */
	li 0, 8
	mtxer 0
	LOADADDR(5, SCRATCH)
	.long 0x7fe02c2a /* lswx 31,0,5 */
	DUMP
