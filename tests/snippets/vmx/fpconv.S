/* vmx float <-> fixed conversions (SAT), compares, estimates */
#include "vdata.inc"
	LOADV
	vsldoi 4, 9, 10, 8
	vsldoi 5, 11, 12, 4
	vsldoi 6, 12, 9, 12
	vsldoi 7, 10, 11, 4
.macro CV op, uim
	.irp p, "16,9", "17,10", "18,11", "19,12", "20,4", "21,5", "22,1", "23,3"
	mtvscr 15
	\op \p, \uim
	mfvscr 31
	vsldoi 24, 24, 31, 4
	.endr
	DUMP
.endm
	CV vctuxs, 0
	CV vctuxs, 31
	CV vctuxs, 8
	CV vctsxs, 0
	CV vctsxs, 31
	CV vctsxs, 8
	CV vcfux, 0
	CV vcfux, 31
	CV vcfsx, 0
	CV vcfsx, 17
.macro FC op
	\op 16, 9, 10
	\op 17, 9, 9
	\op 18, 11, 12
	\op 19, 4, 5
	\op\(.) 20, 9, 9
	mfcr 8
	\op\(.) 21, 10, 10
	mfcr 9
	\op\(.) 22, 11, 5
	mfcr 10
	\op\(.) 23, 12, 11
	mfcr 11
	\op\(.) 24, 13, 13
	mfcr 12
	\op\(.) 25, 6, 7
	mfcr 13
	\op\(.) 26, 7, 6
	mfcr 14
	DUMP
.endm
	FC vcmpeqfp
	FC vcmpgefp
	FC vcmpgtfp
	FC vcmpbfp
	.irp op, vexptefp, vlogefp
	\op 16, 9
	\op 17, 10
	\op 18, 11
	\op 19, 12
	\op 20, 4
	\op 21, 5
	\op 22, 6
	\op 23, 7
	\op 24, 0
	\op 25, 1
	\op 26, 2
	\op 27, 3
	\op 28, 13
	\op 29, 14
	\op 30, 8
	\op 31, 15
	DUMP
	.endr
