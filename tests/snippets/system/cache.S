/* Storage control: dcbz zeroes the aligned 128-byte block; the hints, flushes,
   icbi and barriers change no architected state. */
	LOADADDR(3, SCRATCH)
	addi	3, 3, 256
	li	4, 37
	dcbz	3, 4		/* block holding SCRATCH+293 */
	DUMP
	addi	5, 3, -100
	dcbz	0, 5		/* block holding SCRATCH+156 */
	DUMP
	dcbt	3, 4
	dcbtst	3, 4
	dcbt	3, 4, 16
	dcbtst	3, 4, 8
	dcbst	3, 4
	dcbf	3, 4
	dcbf	3, 4, 1		/* dcbfl */
	icbi	3, 4
	sync
	lwsync
	ptesync
	.long	0x7c6004ac	/* sync L=3 (reserved value) */
	isync
	eieio
	li	6, 0x1000
	dcbt	0, 6		/* touch hints never fault, even unmapped */
	dcbtst	0, 6
	li	7, -1
	dcbt	7, 7
