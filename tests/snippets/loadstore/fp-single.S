/* lfs/lfsx/lxsspx/lxssp: single -> double without rounding (SNaN, NaN
   payloads, infinities, denormals, zeros); stfs/stfsx/stxsspx/stxssp: double
   -> single for normal, denormal-range, tiny and huge exponents, NaNs. */
	.section .data
	.balign 16
sp_in:	.long 0x7f800001, 0x7fc12345, 0xff800000, 0x00000001
	.long 0x007fffff, 0x80400000, 0x80000000, 0x7f7fffff
	.long 0x00800000, 0x3f800000, 0xc0490fdb, 0x00000123
	.long 0xffbfffff, 0x80000001, 0x00400000, 0x7fffffff
dp_in:	.quad 0x7ff0000000000001, 0x7ff8000000000000, 0xfff123456789abcd, 0x3ff0000000000000
	.quad 0x400921fb54442d18, 0x3810000000000000, 0x380fffffffffffff, 0x3800000000000000
	.quad 0x36a0000000000000, 0xb69fffffffffffff, 0x3690000000000000, 0x0000000000000001
	.quad 0x8000000000000000, 0x47efffffe0000000, 0x47f0000000000000, 0x7fefffffffffffff
	.quad 0x3e70000000000000, 0x37f0000000000001, 0x36b8000000000000, 0xc7efffffffffffff
	.text
	LOADADDR(31, sp_in)
	lfs 0, 0(31)
	lfs 1, 4(31)
	lfs 2, 8(31)
	lfs 3, 12(31)
	lfs 4, 16(31)
	lfs 5, 20(31)
	lfs 6, 24(31)
	lfs 7, 28(31)
	lfs 8, 32(31)
	lfs 9, 36(31)
	lfs 10, 40(31)
	lfs 11, 44(31)
	lfs 12, 48(31)
	lfs 13, 52(31)
	lfs 14, 56(31)
	lfs 15, 60(31)
	li 30, 4
	lfsx 16, 31, 30
	li 30, 13
	lfsx 17, 31, 30
	li 30, 20
	lxsspx 18, 31, 30
	lxsspx 50, 31, 30
	li 30, 60
	lxsspx 19, 31, 30
	lxssp 20, 12(31)
	lxssp 21, 48(31)
	DUMP
	LOADADDR(31, dp_in)
	LOADADDR(30, SCRATCH)
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19
	lfd \n, 8 * \n(31)
	stfs \n, 4 * \n(30)
	.endr
	DUMP
	LOADADDR(30, SCRATCH)
	.irp n, 0,1,2,3,4,5,6,7,8,9
	li 29, 4 * \n + 1
	stfsx \n, 30, 29
	.endr
	.irp n, 10,11,12,13,14,15,16,17,18,19
	li 29, 4 * \n + 3
	stxsspx \n, 30, 29
	.endr
	/* VR forms: VSR 32+n holds the double in doubleword 0 */
	LOADADDR(31, dp_in)
	li 29, 0
	lxsdx 34, 31, 29
	li 29, 48
	lxsdx 35, 31, 29
	li 29, 64
	lxsdx 36, 31, 29
	stxssp 2, 120(30)
	stxssp 3, 124(30)
	stxssp 4, 128(30)
	DUMP
