/* fixed.inc v2 */
#include "fixed.inc"
/* Target register equal to the source registers (RT = RA = RB, RA = RS). */
	INIT
.macro TA a, insn:vararg
	LI64	5, \a
	PRE	X_SO|X_CA|X_CA32
	\insn
	REC	5
	RECFLAGS
.endm
.irp v, 0x89abcdeffedcba98, 0x7fffffff80000001
.irp op, add., addc., addeo., subf., subfc., subfeo., mullwo., mulhw., mulhwu., mulldo., mulhd., mulhdu., divw., divwu., divwe., divweu., divd., divdu., divde., divdeu., modsw, moduw, modsd, modud, and., andc., or., orc., xor., nand., nor., eqv., cmpb, bpermd, slw., srw., sraw., sld., srd., srad.
	TA \v, \op 5, 5, 5
.endr
.irp op, addme., addze., subfme., subfze., nego., extsb., extsh., extsw., cntlzw., cntlzd., cnttzw., cnttzd., popcntb, popcntw, popcntd, prtyw, prtyd
	TA \v, \op 5, 5
.endr
	TA \v, maddld 5, 5, 5, 5
	TA \v, maddhd 5, 5, 5, 5
	TA \v, maddhdu 5, 5, 5, 5
	TA \v, addic. 5, 5, -1
	TA \v, subfic 5, 5, 7
	TA \v, mulli 5, 5, -3
	TA \v, andi. 5, 5, 0x8ff1
	TA \v, andis. 5, 5, 0x8ff1
	TA \v, xoris 5, 5, 0x8ff1
	TA \v, rlwinm. 5, 5, 7, 20, 5
	TA \v, rlwnm. 5, 5, 5, 20, 5
	TA \v, rlwimi. 5, 5, 7, 20, 5
	TA \v, rldicl. 5, 5, 7, 5
	TA \v, rldic. 5, 5, 7, 5
	TA \v, rldimi. 5, 5, 7, 5
	TA \v, rldcr. 5, 5, 5, 40
	TA \v, srawi. 5, 5, 7
	TA \v, sradi. 5, 5, 37
	TA \v, extswsli. 5, 5, 37
	TA \v, isel 5, 5, 5, 3
.endr
