/* Reserved bits and invalid forms that QEMU executes: bit 31 of the
   fixed-point and FP X-form loads/stores (ignored, CR0 unchanged), lq bits
   28:31, lfdp/stfdp with an odd FRTp (FRT, FRT+1; f31 pairs with VSR 32). */
	LOADADDR(31, SCRATCH)
	li 30, 8
	li 0, 0
	mtcrf 0xff, 0
	.long 0x7c7ff02f
	.long 0x7c9ff02b
	.long 0x7cbff0af
	.long 0x7cdff22f
	.long 0x7cfff2af
	.long 0x7d1ff2ab
	.long 0x7d3ff4af
	.long 0x7d5ff42f
	mr 29, 31
	.long 0x7d7df06f
	.long 0x7d9df06b
	.long 0x7dbdf0ef
	.long 0x7dddf26f
	.long 0x7dfdf2ef
	.long 0x7e1df2eb
	mr 28, 31
	.long 0x7e3cf46f
	.long 0x7e5cf4ef
	DUMP
	li 30, 3
	.long 0x7c7ff12f
	addi 30, 30, 9
	.long 0x7c9ff12b
	addi 30, 30, 9
	.long 0x7cbff1af
	addi 30, 30, 9
	.long 0x7cdff32f
	addi 30, 30, 9
	.long 0x7cfff52d
	addi 30, 30, 9
	.long 0x7d1ff529
	addi 30, 30, 9
	.long 0x7d3ff72d
	addi 30, 30, 9
	.long 0x7d5ff5af
	addi 30, 30, 9
	.long 0x7d7ff52f
	addi 30, 30, 9
	mr 29, 31
	.long 0x7d9df16f
	.long 0x7dbdf16b
	.long 0x7dddf1ef
	.long 0x7dfdf36f
	.long 0x7e1df56f
	.long 0x7e3df5ef
	DUMP
	LOADADDR(31, SCRATCH)
	.long 0xe09f0007 /* lq 4,0(31) + bits 29:31 */
	.long 0xe0df0018 /* lq 6,16(31) + bit 28 */
	.long 0xe53f0010 /* lfdp 9 (odd),16(31) */
	.long 0xe7ff0020 /* lfdp 31 (odd: f31 and VSR 32),32(31) */
	.long 0xf4bf0040 /* stfdp 5 (odd),64(31) */
	.long 0xf7ff0050 /* stfdp 31 (odd),80(31) */
	DUMP
	/* store-conditionals with Rc=0 behave as with Rc=1 */
	LOADADDR(31, SCRATCH)
	li 0, 0
	mtcrf 0xff, 0
	lwarx 3, 0, 31
	.long 0x7c80f92c /* stwcx. 4,0,31 with Rc=0: succeeds */
	mfcr 5
	.long 0x7c80f92c /* fails: no reservation */
	mfcr 6
	addi 30, 31, 16
	ldarx 7, 0, 30
	.long 0x7d00f1ac /* stdcx. */
	mfcr 9
	addi 29, 31, 33
	lbarx 10, 0, 29
	.long 0x7d60ed6c /* stbcx. */
	mfcr 12
	addi 28, 31, 34
	lharx 13, 0, 28
	.long 0x7dc0e5ac /* sthcx. */
	mfcr 15
	.long 0x7e00e16c /* stqcx. (no reservation) */
	mfcr 17
	DUMP
