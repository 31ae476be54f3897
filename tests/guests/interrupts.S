/*
 * One function per interrupt case. f_<case> labels the instruction expected
 * to interrupt; the C handler resumes at f_<case> + 4. Everything here runs
 * in supervisor real mode (problem-state.S has the problem-state cases).
 */
#include "ppc.h"

#define FUNC(name) .globl name; .type name, @function; name:
#define FAULT(name) .globl name; name:

	.text
FUNC(t_illegal)
FAULT(f_illegal)
	.long	0
	blr

FUNC(t_hv_spr)
FAULT(f_hv_spr)
	mfspr	3, SPR_LPCR
	blr

FUNC(t_trap)
FAULT(f_trap)
	tw	31, 0, 0
	blr

FUNC(t_sc0)
FAULT(f_sc0)
	sc	0
	blr

/* r3 = address; returns the doubleword if the load completes. */
FUNC(t_load)
FAULT(f_load)
	ld	3, 0(3)
	blr

/* r3 = address, r4 = value. */
FUNC(t_store)
FAULT(f_store)
	std	4, 0(3)
	blr

/* r3 = address (misaligned on purpose). */
FUNC(t_lwarx)
FAULT(f_lwarx)
	lwarx	3, 0, 3
	blr

FUNC(t_fp)
FAULT(f_fp)
	fmr	0, 0
	blr

FUNC(t_vmx)
FAULT(f_vmx)
	vor	0, 0, 0
	blr

FUNC(t_vsx)
FAULT(f_vsx)
	xxlor	0, 0, 0
	blr

/* pat(n) in both halves: lis/ori then copy the low word to the high one. */
.macro PAT r, n
	lis	\r, 0x1000 + \n
	ori	\r, \r, \n << 4
	rldimi	\r, \r, 32, 0
.endm

/*
 * Runtime self-test: load every GPR but r1 with PAT(n), CR/CTR/XER/LR with
 * known values, take an interrupt (sc 0) and store what came back to
 * out[0..31] (GPRs), out[32..35] (CR, CTR, XER, LR). r3 = out.
 */
FUNC(t_preserve)
	mflr	0
	std	0, 16(1)
	stdu	1, -256(1)
	std	2, 32(1)
	.irp n, 13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	std	\n, 40 + 8 * (\n - 13)(1)
	.endr
	mfcr	0
	std	0, 192(1)
	std	3, 224(1)
	lis	0, 0x1234
	ori	0, 0, 0x5678
	mtcr	0
	PAT	0, 32
	mtctr	0
	lis	0, 0xe00c	/* SO OV CA OV32 CA32, byte count 0x45 */
	ori	0, 0, 0x0045
	mtspr	SPR_XER, 0
	PAT	0, 33
	mtlr	0
	.irp n, 0,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	PAT	\n, \n
	.endr
FAULT(f_preserve)
	sc	0
	std	0, 208(1)
	std	3, 216(1)
	ld	3, 224(1)
	ld	0, 208(1)
	std	0, 0(3)
	std	1, 8(3)
	std	2, 16(3)
	ld	0, 216(1)
	std	0, 24(3)
	.irp n, 4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	std	\n, 8 * \n(3)
	.endr
	mfcr	0
	std	0, 256(3)
	mfctr	0
	std	0, 264(3)
	mfspr	0, SPR_XER
	std	0, 272(3)
	mflr	0
	std	0, 280(3)
	ld	2, 32(1)
	.irp n, 13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	ld	\n, 40 + 8 * (\n - 13)(1)
	.endr
	ld	0, 192(1)
	mtcr	0
	addi	1, 1, 256
	ld	0, 16(1)
	mtlr	0
	blr

	.section .note.GNU-stack, "", @progbits
