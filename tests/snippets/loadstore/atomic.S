/* Load-and-reserve / store-conditional: success, failure without a
   reservation, other address, value changed in between (QEMU compares the
   value), size mismatch, SO copied into CR0, EH hint, quadword forms. */
	LOADADDR(31, SCRATCH)
	lwarx 3, 0, 31
	stwcx. 4, 0, 31
	mfcr 5
	stwcx. 6, 0, 31
	mfcr 7
	addi 30, 31, 8
	ldarx 8, 0, 30
	li 29, 16
	stdcx. 9, 31, 29
	mfcr 10
	stdcx. 9, 0, 30
	mfcr 11
	li 29, 33
	lbarx 12, 31, 29
	stbcx. 13, 31, 29
	mfcr 14
	li 29, 46
	lharx 15, 31, 29, 1
	sthcx. 16, 31, 29
	mfcr 17
	DUMP
	/* a plain store of another value in between: stcx. fails */
	LOADADDR(31, SCRATCH)
	addi 30, 31, 64
	lwarx 3, 0, 30
	stw 20, 0(30)
	stwcx. 4, 0, 30
	mfcr 5
	/* storing the same value back: stcx. succeeds */
	ldarx 6, 0, 30
	std 6, 0(30)
	stdcx. 7, 0, 30
	mfcr 8
	/* reservation by lwarx, stdcx. at the same address */
	addi 29, 31, 80
	lwarx 9, 0, 29
	stdcx. 10, 0, 29
	mfcr 11
	li 0, 0
	addi 29, 31, 96
	std 0, 0(29)
	lwarx 12, 0, 29
	stdcx. 13, 0, 29
	mfcr 14
	/* SO is copied into CR0 */
	lis 0, 0x8000
	mtxer 0
	addi 28, 31, 112
	lwarx 15, 0, 28
	stwcx. 16, 0, 28
	mfcr 17
	stwcx. 16, 0, 28
	mfcr 18
	li 0, 0
	mtxer 0
	/* RT == RA */
	addi 27, 31, 120
	ldarx 27, 0, 27
	DUMP
	/* Quadword: lqarx loads the pair (LE: EA -> RTp+1). Only failing stqcx.
	   cases here: QEMU 7.2 fails every stqcx. (even with a valid reservation
	   and unchanged memory) while tskvm follows the ISA and succeeds. */
	LOADADDR(31, SCRATCH)
	addi 30, 31, 128
	stqcx. 6, 0, 30
	mfcr 8
	lqarx 4, 0, 30
	li 29, 144
	lqarx 10, 31, 29, 1
	stqcx. 12, 0, 30
	mfcr 14
	li 29, 160
	lqarx 16, 31, 29
	std 3, 168(31)
	stqcx. 18, 31, 29
	mfcr 20
	DUMP
