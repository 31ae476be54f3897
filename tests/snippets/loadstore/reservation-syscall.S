# A system call between lwarx and stwcx. loses the reservation (Linux clears it
# on every exception exit, QEMU likewise): the store-conditional fails.
	LOADADDR(9, SCRATCH)
	lwarx	10, 0, 9
	li	0, 20		# getpid
	sc
	li	3, 0
	li	11, 0x77
	stwcx.	11, 0, 9
	mfcr	12
	DUMP
	lwarx	10, 0, 9	# without the syscall it succeeds
	stwcx.	11, 0, 9
	mfcr	12
