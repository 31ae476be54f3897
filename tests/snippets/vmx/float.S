/* vmx single-precision arithmetic with NJ=1 (default) and NJ=0 */
#include "vdata.inc"
	LOADV
	/* float-heavy operand vectors: v9..v12 are floats, add more combos */
	vspltisw 13, 0
	vspltisw 14, 1
	vcfsx 14, 14, 0		/* 1.0 */
	vsldoi 4, 9, 10, 8	/* mix */
	vsldoi 5, 11, 12, 4
	vsldoi 6, 12, 9, 12
	vsldoi 7, 10, 11, 4
	DUMP
.macro FBIN op
	\op 16, 9, 10
	\op 17, 10, 9
	\op 18, 9, 11
	\op 19, 11, 12
	\op 20, 12, 9
	\op 21, 4, 5
	\op 22, 6, 7
	\op 23, 12, 12
.endm
.macro FTRI op
	\op 24, 9, 10, 11
	\op 25, 11, 12, 9
	\op 26, 12, 12, 9
	\op 27, 4, 5, 6
	\op 28, 10, 9, 11
	\op 29, 11, 4, 12
	\op 30, 6, 7, 5
	\op 31, 9, 9, 12
.endm
.macro FUN op
	\op 24, 9
	\op 25, 10
	\op 26, 11
	\op 27, 12
	\op 28, 4
	\op 29, 5
	\op 30, 6
	\op 31, 7
.endm
.macro ALLF
	FBIN vaddfp
	FTRI vmaddfp
	DUMP
	FBIN vsubfp
	FTRI vnmsubfp
	DUMP
	FBIN vmaxfp
	FUN vrefp
	DUMP
	FBIN vminfp
	FUN vrsqrtefp
	DUMP
	FUN vrfin
	DUMP
	FUN vrfiz
	DUMP
	FUN vrfip
	DUMP
	FUN vrfim
	DUMP
.endm
	ALLF
	vspltisw 15, 0
	mtvscr 15		/* NJ = 0 */
	ALLF
