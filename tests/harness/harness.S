/*
 * Snippet harness: wraps a test snippet so that QEMU and tskvm run the same
 * binary and print the same architected state.
 *
 * r1 points at STATE for the whole run (snippets must not change r1). STATE
 * starts out holding the initial register values; the prologue loads them
 * (RESTORE). DUMP stores every register to STATE, writes STATE followed by
 * the SCRATCH buffer to stdout, and loads the registers back, so a snippet may
 * DUMP as often as it likes. Layout (native byte order, offsets in bytes):
 *   0    GPR0..31 (GPR1 = &STATE)     256 CR        264 XER
 *   272  LR          280 CTR          288 FPSCR (stfd of mffs)
 *   304  VSCR (stvx of mfvscr: word 3)
 *   320  VSR0..63 (stxvd2x)           1344 SCRATCH (512 bytes)
 * Built with -DSNIPPET=\"file.S\" by tests/harness/build.ts.
 */
#define STATE_SIZE 1344
#define SCRATCH_SIZE 512
#define DUMP_SIZE (STATE_SIZE + SCRATCH_SIZE)

#define LOADADDR(reg, sym) lis reg, sym@ha; addi reg, reg, sym@l

.macro SAVE_VSR n
	li	0, 320 + 16 * \n
	stxvd2x	\n, 1, 0
.endm
.macro LOAD_VSR n
	li	0, 320 + 16 * \n
	lxvd2x	\n, 1, 0
.endm

.macro RESTORE
	ld	0, 264(1)
	mtxer	0
	ld	0, 256(1)
	mtcrf	0xff, 0
	ld	0, 272(1)
	mtlr	0
	ld	0, 280(1)
	mtctr	0
	li	0, 304
	lvx	0, 1, 0
	mtvscr	0
	lfd	0, 288(1)
	mtfsf	0xff, 0
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	LOAD_VSR \n
	.endr
	.irp n, 32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63
	LOAD_VSR \n
	.endr
	ld	0, 0(1)
	.irp n, 2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	ld	\n, 8 * \n(1)
	.endr
.endm

.macro DUMP
	std	0, 0(1)
	.irp n, 2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	std	\n, 8 * \n(1)
	.endr
	mfcr	0
	std	0, 256(1)
	mfxer	0
	std	0, 264(1)
	mflr	0
	std	0, 272(1)
	mfctr	0
	std	0, 280(1)
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	SAVE_VSR \n
	.endr
	.irp n, 32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63
	SAVE_VSR \n
	.endr
	mffs	0
	stfd	0, 288(1)
	mfvscr	0
	li	0, 304
	stvx	0, 1, 0
	li	0, 4		/* write(1, STATE, DUMP_SIZE) */
	li	3, 1
	mr	4, 1
	li	5, DUMP_SIZE
	sc
	RESTORE
.endm

	.section ".data"
	.balign 16
#ifdef SCRATCH_STRADDLES_PAGE
	/* SCRATCH (STATE + 1344) centred on a 4 KiB boundary: r31 is page-aligned,
	 * so accesses around it cross pages (the system-MMU runner maps 4 KiB pages). */
	.balign	4096
	.skip	4096 - 1344 - SCRATCH_SIZE / 2
#endif
	.globl STATE
STATE:
	/* GPRs: distinct 64-bit patterns, GPR1 is replaced by &STATE at start */
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.quad	0x0123456789abcdef * (\n + 1) + 0x1111 * \n
	.endr
	.quad	0		/* CR */
	.quad	0		/* XER */
	.quad	0		/* LR */
	.quad	0		/* CTR */
	.quad	0		/* FPSCR */
	.quad	0
	.long	0, 0, 0, 0x00010000	/* VSCR: NJ */
	/* FPR/VSR0..31: doubleword 0 = (n+1)*1.25 as a double's bits, doubleword 1 a pattern */
	.double	1.25
	.quad	0x5a5a5a5a00000000
	.double	2.5
	.quad	0x5a5a5a5a00000001
	.double	3.75
	.quad	0x5a5a5a5a00000002
	.double	5.0
	.quad	0x5a5a5a5a00000003
	.double	6.25
	.quad	0x5a5a5a5a00000004
	.double	7.5
	.quad	0x5a5a5a5a00000005
	.double	8.75
	.quad	0x5a5a5a5a00000006
	.double	10.0
	.quad	0x5a5a5a5a00000007
	.double	11.25
	.quad	0x5a5a5a5a00000008
	.double	12.5
	.quad	0x5a5a5a5a00000009
	.double	13.75
	.quad	0x5a5a5a5a0000000a
	.double	15.0
	.quad	0x5a5a5a5a0000000b
	.double	16.25
	.quad	0x5a5a5a5a0000000c
	.double	17.5
	.quad	0x5a5a5a5a0000000d
	.double	18.75
	.quad	0x5a5a5a5a0000000e
	.double	20.0
	.quad	0x5a5a5a5a0000000f
	.double	21.25
	.quad	0x5a5a5a5a00000010
	.double	22.5
	.quad	0x5a5a5a5a00000011
	.double	23.75
	.quad	0x5a5a5a5a00000012
	.double	25.0
	.quad	0x5a5a5a5a00000013
	.double	26.25
	.quad	0x5a5a5a5a00000014
	.double	27.5
	.quad	0x5a5a5a5a00000015
	.double	28.75
	.quad	0x5a5a5a5a00000016
	.double	30.0
	.quad	0x5a5a5a5a00000017
	.double	31.25
	.quad	0x5a5a5a5a00000018
	.double	32.5
	.quad	0x5a5a5a5a00000019
	.double	33.75
	.quad	0x5a5a5a5a0000001a
	.double	35.0
	.quad	0x5a5a5a5a0000001b
	.double	36.25
	.quad	0x5a5a5a5a0000001c
	.double	37.5
	.quad	0x5a5a5a5a0000001d
	.double	38.75
	.quad	0x5a5a5a5a0000001e
	.double	40.0
	.quad	0x5a5a5a5a0000001f
	/* VR0..31 (VSR32..63): byte patterns */
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.quad	0x0f1e2d3c4b5a6978 + 0x0101010101010101 * \n
	.quad	0x8796a5b4c3d2e1f0 - 0x0101010101010101 * \n
	.endr
	.globl SCRATCH
SCRATCH:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.quad	0x0706050403020100 + 0x1010101010101010 * \n
	.quad	0xf8f9fafbfcfdfeff - 0x0101010101010101 * \n
	.endr

	.text
#if _CALL_ELF == 2
	.abiversion 2
	.globl _start
_start:
#else
	.section ".opd", "aw"
	.balign 8
	.globl _start
_start:
	.quad	._start, .TOC.@tocbase, 0
	.previous
._start:
#endif
	LOADADDR(1, STATE)
	RESTORE
#include SNIPPET
	DUMP
	li	0, 1		/* exit(0) */
	li	3, 0
	sc
