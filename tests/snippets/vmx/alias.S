/* vmx: destination aliasing a source, all vsldoi shifts, splat/merge on same reg */
#include "vdata.inc"
	LOADV
	.irp sh, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	vsldoi \sh+16, 6, 7, \sh
	.endr
	DUMP
	vor 16, 6, 6
	vperm 16, 16, 7, 16
	vor 17, 7, 7
	vsldoi 17, 17, 17, 5
	vor 18, 6, 6
	vmrghb 18, 18, 7
	vor 19, 6, 6
	vmrglw 19, 7, 19
	vor 20, 6, 6
	vsel 20, 20, 7, 20
	vor 21, 6, 6
	vsl 21, 21, 21
	vor 22, 6, 6
	vpkuhum 22, 22, 22
	vor 23, 3, 3
	vupklsb 23, 23
	vor 24, 6, 6
	vrlwmi 24, 24, 24
	vor 25, 6, 6
	vmuleuw 25, 25, 25
	vor 26, 6, 6
	vcipher 26, 26, 26
	vor 27, 6, 6
	vaddcuq 27, 27, 27
	vor 28, 6, 6
	vbpermq 28, 28, 28
	vor 29, 6, 6
	vmsumudm 29, 29, 29, 29
	vor 30, 3, 3
	vclzd 30, 30
	vor 31, 6, 6
	vgbbd 31, 31
	DUMP
