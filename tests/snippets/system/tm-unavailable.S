# Transactional memory: HTM is not announced in AT_HWCAP2, and a transaction
# may fail for implementation reasons (Book II 5.3), so tbegin. always fails
# at once, as under QEMU. tend./tabort. outside a transaction only set CR0.
	li	3, 42
	tbegin.
	DUMP
	tend.
	DUMP
	tabort. 3
	DUMP
	lis	4, 0x8000	# XER[SO] = 1
	mtxer	4
	tbegin.
	DUMP
	tend.
	DUMP
	tabort. 3
	DUMP
	tbegin. 1
	tendall.
	DUMP
