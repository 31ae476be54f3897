/* vmx one-source integer ops: negate, sign-extend, parity, counts */
#include "vdata.inc"
	LOADV
	UN vnegw, 16
	UN vnegd, 24
	DUMP
	UN vextsb2w, 16
	UN vextsh2w, 24
	DUMP
	UN vextsb2d, 16
	UN vextsh2d, 24
	DUMP
	UN vextsw2d, 16
	UN vprtybw, 24
	DUMP
	UN vprtybd, 16
	UN vprtybq, 24
	DUMP
	UN vclzb, 16
	UN vclzh, 24
	DUMP
	UN vclzw, 16
	UN vclzd, 24
	DUMP
	UN vctzb, 16
	UN vctzh, 24
	DUMP
	UN vctzw, 16
	UN vctzd, 24
	DUMP
	UN vpopcntb, 16
	UN vpopcnth, 24
	DUMP
	UN vpopcntw, 16
	UN vpopcntd, 24
	DUMP
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14
	vclzlsbb \n+8, \n
	vctzlsbb \n+16, \n
	.endr
	DUMP
