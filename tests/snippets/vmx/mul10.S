/* vmul10uq, vmul10cuq, vmul10euq, vmul10ecuq */
#include "vdata.inc"
	LOADV
	UN vmul10uq, 16
	UN vmul10cuq, 24
	DUMP
	BIN vmul10euq, 16
	BIN vmul10ecuq, 24
	DUMP
