/* vmx permute, merge, splat, shift-by-octet */
#include "vdata.inc"
	LOADV
	TRI vperm, 16
	TRI vpermr, 24
	DUMP
	TRI vpermxor, 16
	vsldoi 24, 0, 1, 0
	vsldoi 25, 0, 1, 1
	vsldoi 26, 0, 1, 4
	vsldoi 27, 0, 1, 7
	vsldoi 28, 0, 1, 8
	vsldoi 29, 6, 7, 12
	vsldoi 30, 6, 7, 15
	vsldoi 31, 6, 6, 3
	DUMP
	BIN vmrghb, 16
	BIN vmrghh, 24
	DUMP
	BIN vmrghw, 16
	BIN vmrglb, 24
	DUMP
	BIN vmrglh, 16
	BIN vmrglw, 24
	DUMP
	BIN vmrgew, 16
	BIN vmrgow, 24
	DUMP
	vspltb 16, 6, 0
	vspltb 17, 6, 5
	vspltb 18, 6, 15
	vsplth 19, 6, 0
	vsplth 20, 6, 3
	vsplth 21, 6, 7
	vspltw 22, 6, 0
	vspltw 23, 6, 3
	vspltw 24, 7, 1
	vspltisb 25, -16
	vspltisb 26, 15
	vspltish 27, -1
	vspltish 28, 9
	vspltisw 29, -7
	vspltisw 30, 0
	vspltisw 31, 15
	DUMP
