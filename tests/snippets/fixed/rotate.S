/* fixed.inc v2 */
#include "fixed.inc"
/* rlwinm, rlwnm, rlwimi, rldicl, rldicr, rldic, rldimi, rldcl, rldcr (Rc) */
	INIT
.irp sh, 0, 1, 8, 31
.irp mbme, "0,31", "5,20", "20,5", "31,0", "0,0", "16,15", "31,31", "1,30"
	TX 0x89abcdeffedcba98, \sh, rlwinm 5, 3, \sh, \mbme
	TX 0x0123456780000001, \sh, rlwinm. 5, 3, \sh, \mbme
	TX 0x89abcdeffedcba98, \sh, rlwimi. 5, 3, \sh, \mbme
	TX 0x89abcdeffedcba98, \sh+32, rlwnm. 5, 3, 4, \mbme
.endr
.endr
	TX 0, 0, rlwinm. 5, 3, 0, 0, 31
	TX 0x80000000, 0, rlwinm. 5, 3, 0, 0, 31
.irp sh, 0, 1, 31, 32, 33, 63
.irp mb, 0, 1, 31, 32, 33, 63
	TX 0x89abcdeffedcba98, \sh, rldicl 5, 3, \sh, \mb
	TX 0x89abcdeffedcba98, \sh, rldicr 5, 3, \sh, \mb
	TX 0x89abcdeffedcba98, \sh, rldic 5, 3, \sh, \mb
	TX 0x89abcdeffedcba98, \sh, rldimi 5, 3, \sh, \mb
	TX 0x89abcdeffedcba98, \sh+64, rldcl 5, 3, 4, \mb
	TX 0x89abcdeffedcba98, \sh+128, rldcr 5, 3, 4, \mb
.endr
.endr
.irp op, rldicl., rldicr., rldic., rldimi.
	TX 0x89abcdeffedcba98, 0, \op 5, 3, 0, 0
	TX 0x89abcdeffedcba98, 0, \op 5, 3, 4, 60
	TX 0x89abcdeffedcba98, 0, \op 5, 3, 36, 3
	TX 0x0, 0, \op 5, 3, 4, 3
	TX 0x0123456789abcdef, 0, \op 5, 3, 17, 40
.endr
.irp op, rldcl., rldcr.
	TX 0x89abcdeffedcba98, 0, \op 5, 3, 4, 0
	TX 0x89abcdeffedcba98, 4, \op 5, 3, 4, 60
	TX 0x89abcdeffedcba98, 36, \op 5, 3, 4, 3
	TX 0x0, 3, \op 5, 3, 4, 3
.endr
