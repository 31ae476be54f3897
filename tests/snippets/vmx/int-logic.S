/* vmx logical, shifts and rotates */
#include "vdata.inc"
	LOADV
	BIN vand, 16
	BIN vandc, 24
	DUMP
	BIN vor, 16
	BIN vxor, 24
	DUMP
	BIN vnor, 16
	BIN vorc, 24
	DUMP
	BIN vnand, 16
	BIN veqv, 24
	DUMP
	TRI vsel, 16
	BIN vslb, 24
	DUMP
	BIN vslh, 16
	BIN vslw, 24
	DUMP
	BIN vsld, 16
	BIN vsrb, 24
	DUMP
	BIN vsrh, 16
	BIN vsrw, 24
	DUMP
	BIN vsrd, 16
	BIN vsrab, 24
	DUMP
	BIN vsrah, 16
	BIN vsraw, 24
	DUMP
	BIN vsrad, 16
	BIN vrlb, 24
	DUMP
	BIN vrlh, 16
	BIN vrlw, 24
	DUMP
	BIN vrld, 16
	BIN vrlwnm, 24
	DUMP
	BIN vrldnm, 16
	BIN vslv, 24
	DUMP
	BIN vsrv, 16
	BIN vslo, 24
	DUMP
	BIN vsro, 16
	vspltisb 31, 3
	vsl 24, 6, 31
	vsr 25, 6, 31
	vspltisb 31, 7
	vsl 26, 7, 31
	vsr 27, 7, 31
	vsl 28, 6, 4
	vsr 29, 6, 4
	vsl 30, 6, 14
	vsr 31, 6, 14
	DUMP
	/* vrlwmi/vrldmi read VRT too */
	vor 16, 5, 5
	vor 17, 4, 4
	vor 18, 6, 6
	vor 19, 7, 7
	vor 20, 5, 5
	vor 21, 4, 4
	vor 22, 6, 6
	vor 23, 7, 7
	vor 24, 5, 5
	vor 25, 4, 4
	vor 26, 6, 6
	vor 27, 7, 7
	vor 28, 3, 3
	vor 29, 2, 2
	vor 30, 0, 0
	vor 31, 1, 1
	BIN vrlwmi, 16
	BIN vrldmi, 24
	DUMP
