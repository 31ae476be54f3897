/* b, bl, bcl 20,31 idiom, link variants of bclr/bcctr/bctar, LR save/restore */
	li	3, 0
	b	1f
	ori	3, 3, 1		/* skipped */
1:	ori	3, 3, 2
	b	3f
2:	ori	3, 3, 4		/* reached by the backward branch */
	b	4f
3:	ori	3, 3, 8
	b	2b
4:	bl	5f
	ori	3, 3, 16	/* skipped; LR points here */
5:	mflr	4
	bcl	20, 31, 6f	/* the PIC idiom: LR = address of the next instruction */
6:	mflr	5
	subf	5, 4, 5		/* distance between the two link values */
	DUMP

	/* bl into a subroutine that returns with blr, saving LR around a nested call */
	li	6, 0
	bl	sub1
	addi	6, 6, 100
	mflr	7
	b	9f
sub1:	mflr	8		/* save LR */
	addi	6, 6, 1
	bl	sub2
	addi	6, 6, 10
	mtlr	8		/* restore LR */
	blr
sub2:	addi	6, 6, 1000
	blr
9:	DUMP

	/* bclrl: branches to the old LR and sets LR to the next instruction */
	LOADADDR(9, 10f)
	mtlr	9
	li	10, 0
	blrl
	li	10, 1		/* skipped */
10:	mflr	11
	/* bcctrl, bctarl */
	LOADADDR(9, 11f)
	mtctr	9
	bctrl
	li	10, 2		/* skipped */
11:	mflr	12
	LOADADDR(9, 12f)
	mtspr	815, 9
	.long	0x4e800461	/* bctarl 20,0 */
	li	10, 3		/* skipped */
12:	mflr	13
	DUMP

	/* LK=1 on a branch not taken still sets LR */
	li	14, 0
	mtlr	14
	crclr	2
	beql	13f		/* not taken */
13:	mflr	15
	crset	2
	bnelrl			/* not taken: LR = next instruction */
	mflr	16
	bnectrl			/* not taken */
	mflr	17
	/* targets from LR/CTR/TAR ignore the low two bits */
	LOADADDR(9, 14f)
	ori	9, 9, 3
	mtlr	9
	blr
	li	18, 1		/* skipped */
14:	LOADADDR(9, 15f)
	ori	9, 9, 2
	mtctr	9
	bctr
	li	18, 2		/* skipped */
15:	LOADADDR(9, 16f)
	ori	9, 9, 1
	mtspr	815, 9
	.long	0x4e800460	/* bctar 20,0 */
	li	18, 3		/* skipped */
16:	mfctr	19
	mfspr	20, 815
	/* branch hint forms and BH values decode and behave as plain branches */
	crset	2
	beq+	17f
	li	21, 1
17:	beq-	18f
	li	21, 2
18:	LOADADDR(9, 19f)
	mtlr	9
	.long	0x4e801820	/* bclr 20,0,3 (BH=3) */
	li	21, 3
19:	DUMP
