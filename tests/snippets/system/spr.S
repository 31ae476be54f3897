/* mtspr/mfspr of the SPRs problem state may use: XER, LR, CTR, VRSAVE, TAR, PPR,
   the read-only PVR/SPRG3/CTRL views, the no-op SPRs 808-811, and the time base
   (compared between two reads, never dumped raw). */
	lis	3, 0xe00c
	ori	3, 3, 0x45
	clrldi	3, 3, 32
	mtxer	3		/* SO OV CA OV32 CA32, byte count 0x45 */
	mfxer	4
	lis	3, 0x4004
	mtspr	1, 3		/* OV CA32 */
	mfspr	5, 1
	lis	3, 0x2008
	ori	3, 3, 0x7f
	mtxer	3		/* CA OV32, byte count 0x7f */
	mfxer	6
	li	3, 0
	mtxer	3
	mfxer	7
	DUMP
	lis	3, 0x8765
	ori	3, 3, 0x4321
	sldi	3, 3, 32
	oris	3, 3, 0xfedc
	ori	3, 3, 0xba9b
	mtspr	8, 3
	mfspr	4, 8
	mtspr	9, 3
	mfspr	5, 9
	mtspr	815, 3		/* TAR keeps all 64 bits */
	mfspr	6, 815
	lis	7, 0x89ab
	ori	7, 7, 0xcdef
	clrldi	7, 7, 32
	mtspr	256, 7		/* VRSAVE */
	mfspr	8, 256
	li	9, 0
	mtvrsave 9
	mfvrsave 10
	DUMP
	li	3, 3
	sldi	3, 3, 50	/* PPR priority 3 (medium low) */
	mtspr	896, 3
	mfspr	4, 896
	li	3, 4
	sldi	3, 3, 50	/* medium */
	mtppr	3
	mfppr	5
	li	6, 0x55
	mfspr	6, 808		/* reserved no-op SPRs: RT unchanged */
	mfspr	6, 811
	mtspr	809, 3
	li	7, -1
	mfspr	7, 287		/* PVR */
	li	8, -1
	mfspr	8, 259		/* SPRG3 user view */
	li	9, -1
	mfspr	9, 136		/* CTRL user view */
	li	10, -1
	.long	0x7d5f42e6	/* mftb 10, 287: invalid TBR; QEMU treats mftb as mfspr */
	DUMP
	/* time base: two reads never go backwards; TBU is the high word of TB */
	mftb	10
	mfspr	11, 268
	mftb	12
	subf	13, 10, 11
	subf	14, 11, 12
	or	13, 13, 14
	sradi	13, 13, 63	/* 0 unless a later read was smaller */
	mftbu	14
	mftb	15
	srdi	15, 15, 32
	subf	14, 14, 15	/* 0 (or 1 if the high word just ticked over) */
	cmpldi	14, 1
	li	14, 0
	ble	1f
	li	14, 1
1:	mfspr	16, 284
	mfspr	17, 285
	srdi	18, 16, 32
	subf	17, 17, 18
	cmpldi	17, 1
	li	17, 0
	ble	2f
	li	17, 1
2:	li	10, 0
	li	11, 0
	li	12, 0
	li	15, 0
	li	16, 0
	li	18, 0
