/* bcctr with BO[2]=0 is an invalid form; POWER9 (and QEMU) test the old CTR,
   decrement it when the test passes, and branch to the old CTR. */
	lis	3, 0x8000
	mtcrf	0xff, 3		/* CR bit 0 set, bit 1 clear */
	li	3, 0
	LOADADDR(9, 1f)
	mtctr	9
	.long	0x4e000420	/* bcctr 16,0: CTR != 0, decrement: taken */
	li	3, 1
1:	mfctr	4
	LOADADDR(9, 2f)
	mtctr	9
	.long	0x4e400420	/* bcctr 18,0: CTR == 0 fails: not taken, CTR kept */
	li	5, 1
2:	mfctr	6
	LOADADDR(9, 3f)
	mtctr	9
	.long	0x4c010420	/* bcctr 0,1: CTR != 0 and CR bit 1 clear: taken */
	li	7, 1
3:	mfctr	8
	LOADADDR(9, 4f)
	mtctr	9
	.long	0x4c000420	/* bcctr 0,0: CTR ok, CR bit 0 set: not taken, CTR decremented */
	li	10, 1
4:	mfctr	11
	LOADADDR(9, 5f)
	mtctr	9
	.long	0x4d000421	/* bcctrl 8,0: CTR ok and CR bit 0 set: taken, links */
	li	12, 1
5:	mfctr	13
	mflr	14
