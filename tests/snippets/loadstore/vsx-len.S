/* lxvl/lxvll/stxvl/stxvll: length from RB bits 0:7 (0, 1..16, >16 clamps),
   EA = (RA|0) only. */
	LOADADDR(31, SCRATCH)
	li 30, 0
	lxvl 0, 31, 30
	lxvll 1, 31, 30
	.irp n, 1,3,7,8,9,15,16,17,255
	li 30, \n
	sldi 30, 30, 56
	addi 29, 31, \n
	lxvl \n % 32, 29, 30
	lxvll 32 + \n % 32, 29, 30
	.endr
	li 30, 5
	sldi 30, 30, 56
	ori 30, 30, 0xffff
	lxvl 20, 31, 30
	lxvll 21, 31, 30
	DUMP
	LOADADDR(31, SCRATCH)
	.irp n, 0,1,3,7,8,9,15,16,17,255
	li 30, \n
	sldi 30, 30, 56
	stxvl 40 + \n % 20, 31, 30
	addi 31, 31, 17
	stxvll 20 + \n % 10, 31, 30
	addi 31, 31, 19
	.endr
	DUMP
