/* vmx integer add/subtract (modulo, carry, extended, quadword) */
#include "vdata.inc"
	LOADV
	DUMP
	BIN vaddubm, 16
	BIN vadduhm, 24
	DUMP
	BIN vadduwm, 16
	BIN vaddudm, 24
	DUMP
	BIN vadduqm, 16
	BIN vaddcuq, 24
	DUMP
	BIN vaddcuw, 16
	BIN vsububm, 24
	DUMP
	BIN vsubuhm, 16
	BIN vsubuwm, 24
	DUMP
	BIN vsubudm, 16
	BIN vsubuqm, 24
	DUMP
	BIN vsubcuq, 16
	BIN vsubcuw, 24
	DUMP
	TRI vaddeuqm, 16
	TRI vaddecuq, 24
	DUMP
	TRI vsubeuqm, 16
	TRI vsubecuq, 24
	DUMP
