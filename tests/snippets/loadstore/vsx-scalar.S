/* VSX scalar loads/stores: lxsdx lxsiwax lxsiwzx lxsspx lxsibzx lxsihzx lxsd
   lxssp and stores; unaligned and VSR 32-63 targets. */
	LOADADDR(31, SCRATCH)
	li 30, 0
	lxsdx 0, 31, 30
	lxsiwax 1, 31, 30
	lxsiwzx 2, 31, 30
	lxsibzx 3, 31, 30
	lxsihzx 4, 31, 30
	li 30, 11
	lxsdx 40, 31, 30
	lxsiwax 41, 31, 30
	lxsiwzx 42, 31, 30
	lxsibzx 43, 31, 30
	lxsihzx 44, 31, 30
	li 30, 14
	lxsiwax 5, 31, 30
	lxsiwzx 6, 31, 30
	lxsihzx 7, 31, 30
	li 30, 255
	lxsibzx 8, 31, 30
	lxsd 9, 8(31)
	lxsd 10, 20(31)
	lxssp 11, 12(31)
	DUMP
	li 30, 1
	stxsdx 20, 31, 30
	li 30, 14
	stxsdx 50, 31, 30
	li 30, 29
	stxsiwx 21, 31, 30
	li 30, 33
	stxsiwx 51, 31, 30
	li 30, 39
	stxsibx 22, 31, 30
	li 30, 40
	stxsibx 52, 31, 30
	li 30, 43
	stxsihx 23, 31, 30
	li 30, 47
	stxsihx 53, 31, 30
	stxsd 24, 52(31)
	stxsd 25, 68(31)
	stxssp 26, 80(31)
	addi 29, 31, 2
	stxssp 27, 88(29)
	lxsd 12, 4(29)
	lxssp 13, 0(29)
	DUMP
