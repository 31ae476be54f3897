/* fixed.inc v2 */
#include "fixed.inc"
/* addi, addis, addic, addic., subfic, mulli, addpcis, addex */
	INIT
.macro VECI op
	TI \op, 0, 0
	TI \op, 0, -1
	TI \op, 1, -1
	TI \op, -1, 1
	TI \op, -1, -32768
	TI \op, 0x7fffffffffffffff, 1
	TI \op, 0x8000000000000000, -1
	TI \op, 0x7fffffff, 1, X_SO
	TI \op, 0xffffffff, 1, X_CA|X_CA32
	TI \op, 0x80000000, 32767
	TI \op, 0x123456789abcdef0, -12345
	TI \op, 0xfffffffffffffff0, 16, X_CA
.endm
.irp op, addi, addis, addic, addic., subfic, mulli
	VECI \op
.endr
	/* addi/addis with RA=0 */
	addi	5, 0, -7
	REC	5
	addis	5, 0, -7
	REC	5
	addis	5, 0, 0x7fff
	REC	5
	/* addpcis: the address depends on the load address: record differences */
	addpcis	5, 0
	addpcis	6, 1
	addpcis	7, -1
	addpcis	8, 0x7fff
	addpcis	9, -0x8000
	subf	6, 5, 6
	subf	7, 5, 7
	subf	8, 5, 8
	subf	9, 5, 9
	REC	6
	REC	7
	REC	8
	REC	9
	li	5, 0
	li	6, 0
	li	7, 0
	li	8, 0
	li	9, 0
	/* addex (CY=0): OV is the carry in and out */
.irp x, 0, X_OV, X_SO|X_OV32, X_CA|X_CA32
	T2 "addex 5,3,4,0 #", 0, 0, \x
	T2 "addex 5,3,4,0 #", -1, 1, \x
	T2 "addex 5,3,4,0 #", -1, -1, \x
	T2 "addex 5,3,4,0 #", 0xffffffff, 0, \x
	T2 "addex 5,3,4,0 #", 0x7fffffffffffffff, 1, \x
	T2 "addex 5,3,4,0 #", 0xfffffffffffffffe, 1, \x
.endr
