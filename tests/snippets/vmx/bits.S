/* vmx vgbbd, vbpermq, vbpermd */
#include "vdata.inc"
	LOADV
	UN vgbbd, 16
	BIN vbpermq, 24
	DUMP
	BIN vbpermd, 16
	vbpermq 24, 13, 6
	vbpermq 25, 14, 6
	vbpermd 26, 13, 6
	vbpermd 27, 14, 6
	vbpermq 28, 0, 5
	vbpermd 29, 0, 5
	vgbbd 30, 13
	vgbbd 31, 14
	DUMP
