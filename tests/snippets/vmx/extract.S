/* vmx vextractu*, vinsert*, vextu*[lr]x (including out-of-range positions) */
#include "vdata.inc"
	LOADV
	vextractub 16, 6, 0
	vextractub 17, 6, 15
	vextractuh 18, 6, 1
	vextractuh 19, 6, 14
	vextractuh 20, 6, 15
	vextractuw 21, 6, 3
	vextractuw 22, 6, 12
	vextractuw 23, 6, 13
	vextractd 24, 6, 0
	vextractd 25, 6, 5
	vextractd 26, 6, 8
	vextractd 27, 6, 9
	vextractd 28, 6, 15
	vextractub 29, 0, 7
	vextractuh 30, 0, 2
	vextractuw 31, 0, 4
	DUMP
	.irp t, 16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	vor \t, 0, 0
	.endr
	vinsertb 16, 6, 0
	vinsertb 17, 6, 15
	vinserth 18, 6, 0
	vinserth 19, 6, 14
	vinserth 20, 6, 15
	vinsertw 21, 6, 0
	vinsertw 22, 6, 12
	vinsertw 23, 6, 13
	vinsertw 24, 6, 15
	vinsertd 25, 6, 0
	vinsertd 26, 6, 8
	vinsertd 27, 6, 9
	vinsertd 28, 6, 15
	vinsertb 29, 7, 7
	vinserth 30, 7, 3
	vinsertw 31, 7, 5
	DUMP
	.irp idx, 0, 1, 3, 7, 12, 13, 14, 15, 16, 31
	li 5, \idx
	vextublx 8, 5, 6
	vextubrx 9, 5, 6
	vextuhlx 10, 5, 6
	vextuhrx 11, 5, 6
	vextuwlx 12, 5, 6
	vextuwrx 13, 5, 6
	vextuwlx 14, 5, 1
	vextuwrx 15, 5, 1
	DUMP
	.endr
