/*
 * Guest entry and interrupt vectors for the pseries test guests.
 *
 * QEMU's -bios loads the raw image at guest physical 0 and starts at 0x100
 * in real mode with MSR = 0: big-endian and 32-bit (SF=0), ME=0. The same
 * source is assembled for both endiannesses.
 */
#include "ppc.h"

/*
 * The first instructions run big-endian whatever the build, so they are
 * emitted byte by byte (most significant byte first): correct in both the
 * LE and BE builds. The field encoders cover the few forms needed;
 * tests/guests/README.md says how they were checked against objdump.
 */
#define BE_INSN(x) .byte (((x) >> 24) & 0xff), (((x) >> 16) & 0xff), (((x) >> 8) & 0xff), ((x) & 0xff)
#define BE_LI(rd, imm)  BE_INSN(0x38000000 | ((rd) << 21) | ((imm) & 0xffff))   /* addi rd,0,imm */
#define BE_SLDI63(r)    BE_INSN(0x7800f806 | ((r) << 21) | ((r) << 16))        /* rldicr r,r,63,0 */
#define BE_OR(ra, rs, rb) BE_INSN(0x7c000378 | ((rs) << 21) | ((ra) << 16) | ((rb) << 11))
#define BE_MTSPR(spr, rs) BE_INSN(0x7c0003a6 | ((rs) << 21) | (((spr) & 0x1f) << 16) | (((spr) >> 5) << 11))
#define BE_SC1          BE_INSN(0x44000022)
#define BE_RFID         BE_INSN(0x4c000024)

#ifdef __LITTLE_ENDIAN__
#define MSR_ENDIAN MSR_LE
#else
#define MSR_ENDIAN 0
#endif

/* r11 = the target MSR: SF (64-bit), ME (machine checks are interrupts, not
 * a checkstop), RI, and LE in the LE build (uses r12). */
#define BE_TARGET_MSR \
	BE_LI(11, MSR_ME | MSR_RI | MSR_ENDIAN); \
	BE_LI(12, 1); \
	BE_SLDI63(12); \
	BE_OR(11, 11, 12)

/* Absolute address into a register: fine because the image is linked at 0. */
#define LOAD_ADDR(r, sym) lis r, sym@ha; addi r, r, sym@l

#define NATIVE_ENTRY 0x180
#define SECONDARY_ENTRY 0x1c0
#define SECONDARY_NATIVE 0x1e0

	.section .head, "ax"
	.globl _start
	.org 0x100
_start:
	BE_TARGET_MSR
#ifdef __LITTLE_ENDIAN__
	/* H_SET_MODE(mflags=1, resource LE) sets LPCR[ILE] so interrupts are
	 * taken little-endian; done before any LE code runs. r3 = status. */
	BE_LI(3, H_SET_MODE)
	BE_LI(4, 1)
	BE_LI(5, H_SET_MODE_RESOURCE_LE)
	BE_LI(6, 0)
	BE_LI(7, 0)
	BE_SC1
#else
	BE_LI(3, 0)
#endif
	BE_LI(10, NATIVE_ENTRY)
	BE_MTSPR(SPR_SRR0, 10)
	BE_MTSPR(SPR_SRR1, 11)
	BE_RFID

	/* From here on: native endianness, 64-bit. */
	.org NATIVE_ENTRY
	b	start64

/*
 * Secondary CPUs (RTAS start-cpu: rt_start_cpu) start here as QEMU starts
 * them: big-endian real mode, MSR = SF|ME, r3 = the argument. Same switch
 * to the native mode as _start (LPCR[ILE] is already set for the whole
 * partition), then secondary64 with r3 intact.
 */
	.org SECONDARY_ENTRY
	.globl rt_secondary_entry
rt_secondary_entry:
	BE_TARGET_MSR
	BE_LI(10, SECONDARY_NATIVE)
	BE_MTSPR(SPR_SRR0, 10)
	BE_MTSPR(SPR_SRR1, 11)
	BE_RFID
	.org SECONDARY_NATIVE
	b	secondary64

/*
 * Each vector saves r3 in SPRG1, puts its own address in r3 and joins the
 * common path; three instructions fit the 0x20-byte slots too.
 */
.macro VECTOR addr
	.org \addr
	mtspr	SPR_SPRG1, 3
	li	3, \addr
	b	common
.endm

	VECTOR 0x200	/* machine check */
	VECTOR 0x300	/* data storage */
	VECTOR 0x380	/* data segment */
	VECTOR 0x400	/* instruction storage */
	VECTOR 0x480	/* instruction segment */
	VECTOR 0x500	/* external */
	VECTOR 0x600	/* alignment */
	VECTOR 0x700	/* program */
	VECTOR 0x800	/* FP unavailable */
	VECTOR 0x900	/* decrementer */
	VECTOR 0x980	/* hypervisor decrementer (HV) */
	VECTOR 0xa00	/* directed privileged doorbell */
	VECTOR 0xc00	/* system call */
	VECTOR 0xd00	/* trace */
	VECTOR 0xe00	/* hypervisor data storage (HV) */
	VECTOR 0xe20	/* hypervisor instruction storage (HV) */
	VECTOR 0xe40	/* hypervisor emulation assistance (HV) */
	VECTOR 0xe60	/* hypervisor maintenance (HV) */
	VECTOR 0xe80	/* directed hypervisor doorbell (HV) */
	VECTOR 0xea0	/* hypervisor virtualization (HV) */
	VECTOR 0xf00	/* performance monitor */
	VECTOR 0xf20	/* vector unavailable */
	VECTOR 0xf40	/* VSX unavailable */
	VECTOR 0xf60	/* facility unavailable */
	VECTOR 0xf80	/* hypervisor facility unavailable (HV) */
	.org 0x1000

	.text
start64:
	LOAD_ADDR(1, stack_top)
	LOAD_ADDR(2, .TOC.)
	LOAD_ADDR(4, __bss_start)
	LOAD_ADDR(5, __bss_end)
	li	0, 0
1:	cmpld	4, 5		/* the linker script aligns both to 16 */
	bge	2f
	std	0, 0(4)
	addi	4, 4, 8
	b	1b
2:	stdu	0, -STACK_MIN(1)	/* null back chain ends stack walks */
	bl	rt_start	/* r3 = H_SET_MODE status; never returns */
	nop
	b	.

/* One secondary CPU: its own stack, then rt_secondary(r3). */
secondary64:
	LOAD_ADDR(1, secondary_stack_top)
	LOAD_ADDR(2, .TOC.)
	li	0, 0
	stdu	0, -STACK_MIN(1)
	bl	rt_secondary	/* never returns */
	nop
	b	.

/*
 * Common interrupt path: r3 = vector, SPRG1 = interrupted r3. The frame goes
 * below the interrupted r1's red zone, so handlers nest and problem-state
 * code (which shares the stack in these guests) is handled alike.
 */
	.globl rt_common	/* for vectors a guest installs itself (sreset.S: 0x100) */
rt_common:
common:
	mtspr	SPR_SPRG2, 1
	addi	1, 1, -(RED_ZONE + STACK_MIN + F_SIZE)
	clrrdi	1, 1, 4
	std	0, STACK_MIN + F_GPR(0)(1)
	mfspr	0, SPR_SPRG2
	std	0, STACK_MIN + F_GPR(1)(1)
	std	0, 0(1)		/* back chain */
	std	2, STACK_MIN + F_GPR(2)(1)
	mfspr	0, SPR_SPRG1
	std	0, STACK_MIN + F_GPR(3)(1)
	.irp n, 4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	std	\n, STACK_MIN + F_GPR(\n)(1)
	.endr
	std	3, STACK_MIN + F_VEC(1)
	mfcr	0
	std	0, STACK_MIN + F_CR(1)
	mflr	0
	std	0, STACK_MIN + F_LR(1)
	mfctr	0
	std	0, STACK_MIN + F_CTR(1)
	mfspr	0, SPR_XER
	std	0, STACK_MIN + F_XER(1)
	mfspr	0, SPR_SRR0
	std	0, STACK_MIN + F_SRR0(1)
	mfspr	0, SPR_SRR1
	std	0, STACK_MIN + F_SRR1(1)
	mfspr	0, SPR_DAR
	std	0, STACK_MIN + F_DAR(1)
	mfspr	0, SPR_DSISR
	std	0, STACK_MIN + F_DSISR(1)

	LOAD_ADDR(2, .TOC.)	/* the interrupted code may have clobbered r2 */
	addi	4, 1, STACK_MIN
	bl	trap		/* trap(vector, frame) */
	nop

	/* Restore what trap() may have edited; DAR/DSISR are left alone. */
	ld	0, STACK_MIN + F_CR(1)
	mtcr	0
	ld	0, STACK_MIN + F_LR(1)
	mtlr	0
	ld	0, STACK_MIN + F_CTR(1)
	mtctr	0
	ld	0, STACK_MIN + F_XER(1)
	mtspr	SPR_XER, 0
	ld	0, STACK_MIN + F_SRR0(1)
	mtspr	SPR_SRR0, 0
	ld	0, STACK_MIN + F_SRR1(1)
	mtspr	SPR_SRR1, 0
	ld	0, STACK_MIN + F_GPR(0)(1)
	.irp n, 2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	ld	\n, STACK_MIN + F_GPR(\n)(1)
	.endr
	ld	1, STACK_MIN + F_GPR(1)(1)
	rfid

	.section .bss.stack, "aw", @nobits
	.balign 16
	/* Kept small so images end below 0x17000, where scv's vectors are. */
	.space 32768
stack_top:
	.space 8192
	.globl secondary_stack_top
secondary_stack_top:

	.section .note.GNU-stack, "", @progbits
