/* vmx AES round instructions and SHA-2 sigma */
#include "vdata.inc"
	LOADV
	BIN vcipher, 16
	BIN vcipherlast, 24
	DUMP
	BIN vncipher, 16
	BIN vncipherlast, 24
	DUMP
	UN vsbox, 16
	vsbox 24, 13
	vsbox 25, 14
	vsbox 26, 9
	DUMP
	.irp st, 0, 1
	.irp six, 0, 1, 2, 4, 5, 8, 10, 15
	vshasigmaw 16, 6, \st, \six
	vshasigmaw 17, 7, \st, \six
	vshasigmaw 18, 1, \st, \six
	vshasigmaw 19, 3, \st, \six
	vshasigmad 20, 6, \st, \six
	vshasigmad 21, 7, \st, \six
	vshasigmad 22, 1, \st, \six
	vshasigmad 23, 3, \st, \six
	DUMP
	.endr
	.endr
