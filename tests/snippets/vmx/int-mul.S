/* vmx multiply, multiply-add, multiply-sum, sum across, polynomial multiply */
#include "vdata.inc"
	LOADV
	BIN vmuleub, 16
	BIN vmuleuh, 24
	DUMP
	BIN vmuleuw, 16
	BIN vmulesb, 24
	DUMP
	BIN vmulesh, 16
	BIN vmulesw, 24
	DUMP
	BIN vmuloub, 16
	BIN vmulouh, 24
	DUMP
	BIN vmulouw, 16
	BIN vmulosb, 24
	DUMP
	BIN vmulosh, 16
	BIN vmulosw, 24
	DUMP
	BIN vmuluwm, 16
	TRI vmladduhm, 24
	DUMP
	TRI vmsumubm, 16
	TRI vmsummbm, 24
	DUMP
	TRI vmsumuhm, 16
	TRI vmsumshm, 24
	DUMP
	TRI vmsumudm, 16
	BIN vpmsumb, 24
	DUMP
	BIN vpmsumh, 16
	BIN vpmsumw, 24
	DUMP
	BIN vpmsumd, 16
	DUMP
	TRIS vmhaddshs
	TRIS vmhraddshs
	TRIS vmsumuhs
	TRIS vmsumshs
	BINS vsum4ubs
	BINS vsum4sbs
	BINS vsum4shs
	BINS vsum2sws
	BINS vsumsws
