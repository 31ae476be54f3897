/* vmx integer compares, with and without Rc (CR6) */
#include "vdata.inc"
	LOADV
	.irp op, vcmpequb, vcmpequh, vcmpequw, vcmpequd, vcmpgtub, vcmpgtuh, vcmpgtuw, vcmpgtud, vcmpgtsb, vcmpgtsh, vcmpgtsw, vcmpgtsd, vcmpneb, vcmpneh, vcmpnew, vcmpnezb, vcmpnezh, vcmpnezw
	BIN \op, 16
	\op\(.) 24, 0, 1
	mfcr 8
	\op\(.) 25, 4, 4
	mfcr 9
	\op\(.) 26, 4, 5
	mfcr 10
	\op\(.) 27, 5, 5
	mfcr 11
	\op\(.) 28, 6, 6
	mfcr 12
	\op\(.) 29, 0, 4
	mfcr 13
	\op\(.) 30, 5, 4
	mfcr 14
	\op\(.) 31, 3, 8
	mfcr 15
	DUMP
	.endr
