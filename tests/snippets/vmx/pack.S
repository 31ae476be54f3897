/* vmx pack (modulo and saturating, with SAT) and unpack */
#include "vdata.inc"
	LOADV
	BIN vpkuhum, 16
	BIN vpkuwum, 24
	DUMP
	BIN vpkudum, 16
	BIN vpkpx, 24
	DUMP
	BINS vpkuhus
	BINS vpkuwus
	BINS vpkudus
	BINS vpkshus
	BINS vpkswus
	BINS vpksdus
	BINS vpkshss
	BINS vpkswss
	BINS vpksdss
	UN vupkhsb, 16
	UN vupklsb, 24
	DUMP
	UN vupkhsh, 16
	UN vupklsh, 24
	DUMP
	UN vupkhsw, 16
	UN vupklsw, 24
	DUMP
	UN vupkhpx, 16
	UN vupklpx, 24
	DUMP
