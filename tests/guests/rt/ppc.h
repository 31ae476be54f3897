/*
 * Constants shared by the guest runtime's assembly and C: MSR bits, SPR
 * numbers, and the layout of the interrupt frame (struct frame in lib.h must
 * match the F_* offsets below; lib.c checks this at compile time).
 */
#ifndef GUEST_PPC_H
#define GUEST_PPC_H

#ifdef __ASSEMBLER__
#define UL(x) x
#else
#define UL(x) x##UL
#endif

/* MSR bits (ISA bit n is 1 << (63 - n)). */
#define MSR_SF  (UL(1) << 63)
#define MSR_HV  (UL(1) << 60)
#define MSR_VEC (UL(1) << 25)
#define MSR_VSX (UL(1) << 23)
#define MSR_EE  UL(0x8000)
#define MSR_SE  UL(0x400)
#define MSR_BE  UL(0x200)
#define MSR_PR  UL(0x4000)
#define MSR_FP  UL(0x2000)
#define MSR_ME  UL(0x1000)
#define MSR_IR  UL(0x20)
#define MSR_DR  UL(0x10)
#define MSR_RI  UL(0x2)
#define MSR_LE  UL(0x1)

/* SPR numbers. */
#define SPR_XER    1
#define SPR_DSISR  18
#define SPR_DAR    19
#define SPR_DEC    22
#define SPR_SRR0   26
#define SPR_SRR1   27
#define SPR_SPRG0  272
#define SPR_SPRG1  273
#define SPR_SPRG2  274
#define SPR_SPRG3  275
#define SPR_TBL    268 /* mftb */
#define SPR_PVR    287
#define SPR_LPCR   318 /* hypervisor-privileged */
#define SPR_AMR    29
#define SPR_IAMR   61

/* Program interrupt causes in SRR1 (ISA bits 43..46). */
#define SRR1_PROG_FP      UL(0x100000)
#define SRR1_PROG_ILLEGAL UL(0x80000)
#define SRR1_PROG_PRIV    UL(0x40000)
#define SRR1_PROG_TRAP    UL(0x20000)
/* The interrupt-specific SRR1 bits (33:36, 42:47); the rest copy the MSR. */
#define SRR1_CAUSE_MASK   UL(0x783f0000)

/* PAPR hypercalls and return codes used by the runtime. */
#define H_REMOVE        0x04
#define H_ENTER         0x08
#define H_READ          0x0c
#define H_CLEAR_MOD     0x10
#define H_CLEAR_REF     0x14
#define H_PROTECT       0x18
#define H_BULK_REMOVE   0x124
#define H_PUT_TERM_CHAR 0x58
#define H_SET_MODE      0x31c
#define H_RTAS          0xf000
#define H_SUCCESS       0
#define H_FUNCTION      (-2)
#define H_PRIVILEGE     (-3)
#define H_PARAMETER     (-4)
#define H_PTEG_FULL     (-6)
#define H_NOT_FOUND     (-7)
/* hcall flags: PAPR bit n is 1 << (63 - n). */
#define H_EXACT   (UL(1) << 39)
#define H_READ_4  (UL(1) << 37)
#define H_AVPN    (UL(1) << 31)
#define H_ANDCOND (UL(1) << 30)
#define H_SET_MODE_RESOURCE_LE 4
#define RTAS_POWER_OFF  0x2003
#define RTAS_QUERY_CPU_STOPPED_STATE 0x2005
#define RTAS_START_CPU  0x2006
#define RTAS_STOP_SELF  0x2007

/* Interrupt frame: struct frame. */
#define F_GPR(n)  ((n) * 8)
#define F_CR      256
#define F_LR      264
#define F_CTR     272
#define F_XER     280
#define F_SRR0    288
#define F_SRR1    296
#define F_DAR     304
#define F_DSISR   312
#define F_VEC     320
#define F_SIZE    336 /* multiple of 16 */

/* ELFv2 minimum stack frame (back chain, CR, LR, TOC save) and red zone. */
#define STACK_MIN 32
#define RED_ZONE  288

#endif
