/* VMX loads/stores: lvx/lvxl/stvx/stvxl (EA rounded down to 16), element
   loads/stores lvebx/lvehx/lvewx/stvebx/stvehx/stvewx at every element
   position, lvsl/lvsr for every shift. */
	LOADADDR(31, SCRATCH)
	li 30, 0
	lvx 0, 31, 30
	li 30, 23
	lvx 1, 31, 30
	li 30, 47
	lvxl 2, 31, 30
	addi 29, 31, 64
	lvx 3, 0, 29
	li 30, 0
	lvebx 4, 31, 30
	li 30, 5
	lvebx 4, 31, 30
	li 30, 31
	lvebx 4, 31, 30
	li 30, 0
	lvehx 5, 31, 30
	li 30, 7
	lvehx 5, 31, 30
	li 30, 26
	lvehx 5, 31, 30
	li 30, 4
	lvewx 6, 31, 30
	li 30, 11
	lvewx 6, 31, 30
	li 30, 44
	lvewx 7, 31, 30
	li 30, 48
	lvewx 7, 31, 30
	DUMP
	li 30, 0
	stvx 10, 31, 30
	li 30, 29
	stvxl 11, 31, 30
	li 30, 32
	stvebx 12, 31, 30
	li 30, 35
	stvebx 12, 31, 30
	li 30, 47
	stvebx 12, 31, 30
	li 30, 48
	stvehx 13, 31, 30
	li 30, 53
	stvehx 13, 31, 30
	li 30, 62
	stvehx 13, 31, 30
	li 30, 64
	stvewx 14, 31, 30
	li 30, 73
	stvewx 14, 31, 30
	li 30, 92
	stvewx 14, 31, 30
	DUMP
	li 29, 0
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	lvsl \n, 31, 29
	lvsr 16 + \n, 31, 29
	addi 29, 29, 1
	.endr
	li 29, 17
	lvsl 0, 0, 29
	lvsr 1, 0, 29
	DUMP
