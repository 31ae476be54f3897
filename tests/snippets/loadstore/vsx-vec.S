/* VSX vector loads/stores in both byte orders: lxvd2x lxvw4x lxvh8x lxvb16x
   lxvx lxv lxvdsx lxvwsx and their stores, unaligned and crossing 16-byte
   boundaries, VSR 0-31 and 32-63 targets (TX). */
	LOADADDR(31, SCRATCH)
	li 30, 0
	lxvd2x 0, 31, 30
	lxvw4x 1, 31, 30
	lxvh8x 2, 31, 30
	lxvb16x 3, 31, 30
	lxvx 4, 31, 30
	lxvdsx 5, 31, 30
	lxvwsx 6, 31, 30
	li 30, 5
	lxvd2x 40, 31, 30
	lxvw4x 41, 31, 30
	lxvh8x 42, 31, 30
	lxvb16x 43, 31, 30
	lxvx 44, 31, 30
	lxvdsx 45, 31, 30
	lxvwsx 46, 31, 30
	li 30, 30
	lxvd2x 7, 31, 30
	lxvw4x 8, 31, 30
	lxvh8x 9, 31, 30
	lxvb16x 10, 31, 30
	lxvx 11, 31, 30
	lxvdsx 12, 31, 30
	lxvwsx 13, 31, 30
	lxv 14, 16(31)
	lxv 47, 48(31)
	lxv 15, 240(31)
	addi 29, 31, 100
	lxv 48, -32(29)
	DUMP
	li 30, 0
	stxvd2x 20, 31, 30
	li 30, 19
	stxvw4x 21, 31, 30
	li 30, 38
	stxvh8x 52, 31, 30
	li 30, 57
	stxvb16x 53, 31, 30
	li 30, 76
	stxvx 54, 31, 30
	li 30, 95
	stxvx 22, 31, 30
	stxv 23, 112(31)
	stxv 55, 128(31)
	addi 29, 31, 200
	stxv 56, -48(29)
	li 30, 171
	stxvd2x 57, 31, 30
	li 30, 190
	stxvw4x 24, 31, 30
	li 30, 213
	stxvh8x 25, 31, 30
	li 30, 230
	stxvb16x 26, 31, 30
	DUMP
