	LOADADDR(9, fpdata)
.macro CLR
	mtfsfi 0,0
	mtfsfi 1,0
	mtfsfi 2,0
	mtfsfi 3,0
	mtfsfi 4,0
	mtfsfi 5,0
.endm
	mtfsfi 7,0
	CLR
	lfd 2, 16(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 16(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 16(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 16(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 24(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 24(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 24(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 24(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 152(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 152(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 152(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 152(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 256(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 256(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 256(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 256(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 264(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 264(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 264(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 264(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 208(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 208(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 208(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 208(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 336(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 336(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 336(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 336(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 128(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 128(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 128(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 128(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 328(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 328(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 328(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 328(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 160(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 160(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 160(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 160(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 168(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 168(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 168(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 168(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 176(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 176(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 176(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 176(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 184(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 184(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 184(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 184(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 192(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 192(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 192(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 192(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 200(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 200(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 200(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 200(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 0(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 0(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 0(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 0(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 8(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 8(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 8(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 8(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 80(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 80(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 80(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 80(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 88(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 88(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 88(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 88(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 96(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 96(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 96(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 96(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 104(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 104(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 104(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 104(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 248(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 248(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 248(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 248(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 48(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 48(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 48(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 48(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 64(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 64(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 64(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 64(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 144(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 144(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 144(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 144(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 120(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 120(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 120(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 120(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	mtfsfi 7,1
	CLR
	lfd 2, 16(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 16(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 16(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 16(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 24(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 24(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 24(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 24(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 152(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 152(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 152(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 152(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 256(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 256(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 256(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 256(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 264(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 264(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 264(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 264(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 208(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 208(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 208(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 208(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 336(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 336(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 336(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 336(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 128(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 128(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 128(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 128(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 328(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 328(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 328(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 328(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 160(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 160(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 160(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 160(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 168(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 168(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 168(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 168(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 176(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 176(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 176(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 176(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 184(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 184(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 184(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 184(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 192(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 192(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 192(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 192(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 200(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 200(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 200(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 200(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 0(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 0(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 0(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 0(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 8(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 8(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 8(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 8(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 80(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 80(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 80(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 80(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 88(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 88(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 88(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 88(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 96(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 96(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 96(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 96(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 104(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 104(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 104(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 104(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 248(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 248(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 248(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 248(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 48(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 48(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 48(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 48(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 64(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 64(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 64(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 64(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 144(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 144(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 144(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 144(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 120(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 120(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 120(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 120(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	mtfsfi 7,2
	CLR
	lfd 2, 16(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 16(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 16(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 16(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 24(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 24(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 24(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 24(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 152(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 152(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 152(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 152(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 256(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 256(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 256(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 256(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 264(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 264(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 264(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 264(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 208(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 208(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 208(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 208(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 336(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 336(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 336(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 336(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 128(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 128(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 128(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 128(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 328(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 328(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 328(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 328(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 160(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 160(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 160(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 160(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 168(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 168(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 168(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 168(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 176(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 176(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 176(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 176(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 184(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 184(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 184(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 184(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 192(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 192(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 192(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 192(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 200(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 200(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 200(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 200(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 0(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 0(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 0(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 0(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 8(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 8(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 8(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 8(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 80(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 80(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 80(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 80(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 88(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 88(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 88(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 88(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 96(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 96(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 96(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 96(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 104(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 104(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 104(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 104(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 248(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 248(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 248(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 248(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 48(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 48(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 48(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 48(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 64(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 64(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 64(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 64(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 144(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 144(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 144(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 144(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 120(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 120(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 120(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 120(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	mtfsfi 7,3
	CLR
	lfd 2, 16(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 16(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 16(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 16(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 24(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 24(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 24(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 24(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 152(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 152(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 152(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 152(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 256(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 256(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 256(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 256(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 264(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 264(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 264(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 264(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 208(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 208(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 208(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 208(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 336(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 336(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 336(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 336(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 128(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 128(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 128(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 128(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 328(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 328(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 328(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 328(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 160(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 160(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 160(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 160(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 168(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 168(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 168(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 168(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 176(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 176(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 176(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 176(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 184(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 184(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 184(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 184(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 192(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 192(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 192(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 192(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 200(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 200(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 200(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 200(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 0(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 0(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 0(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 0(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 8(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 8(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 8(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 8(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 80(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 80(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 80(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 80(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 88(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 88(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 88(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 88(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 96(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 96(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 96(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 96(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 104(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 104(9)
	fctiwz. 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 104(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 104(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 248(9)
	fctiw. 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 248(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 248(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 248(9)
	fctiwuz. 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 48(9)
	fctiw 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 48(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 48(9)
	fctiwu. 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 48(9)
	fctiwuz 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 64(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 64(9)
	fctiwz. 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 64(9)
	fctiwu 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 64(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP
	CLR
	lfd 2, 144(9)
	fctiw. 10, 2
	mffs 20
	mfcr 10
	CLR
	lfd 2, 144(9)
	fctiwz 11, 2
	mffs 21
	mfcr 11
	CLR
	lfd 2, 144(9)
	fctiwu 12, 2
	mffs 22
	mfcr 12
	CLR
	lfd 2, 144(9)
	fctiwuz. 13, 2
	mffs 23
	mfcr 13
	CLR
	lfd 2, 120(9)
	fctiw 14, 2
	mffs 24
	mfcr 14
	CLR
	lfd 2, 120(9)
	fctiwz 15, 2
	mffs 25
	mfcr 15
	CLR
	lfd 2, 120(9)
	fctiwu. 16, 2
	mffs 26
	mfcr 16
	CLR
	lfd 2, 120(9)
	fctiwuz 17, 2
	mffs 27
	mfcr 17
	DUMP

	.section .data
	.balign 8
fpdata:
	.quad 0x0000000000000000
	.quad 0x8000000000000000
	.quad 0x3FF0000000000000
	.quad 0xBFF0000000000000
	.quad 0x3CA8000000000000
	.quad 0x3CA0000000000000
	.quad 0x7FEFFFFFFFFFFFFF
	.quad 0x0010000000000000
	.quad 0x0000000000000001
	.quad 0x000FFFFFFFFFFFFF
	.quad 0x7FF0000000000000
	.quad 0xFFF0000000000000
	.quad 0x7FF8000000000001
	.quad 0x7FF4000000000123
	.quad 0xFFF8000000000456
	.quad 0x4008000000000000
	.quad 0x3FB999999999999A
	.quad 0x3FD5555555555555
	.quad 0xC01E000000000000
	.quad 0x4004000000000000
	.quad 0x43E0000000000000
	.quad 0xC3E0000000000000
	.quad 0x41DFFFFFFFC00000
	.quad 0x41E0000000000000
	.quad 0xC1E0000000000000
	.quad 0x43F0000000000000
	.quad 0xBFE0000000000000
	.quad 0x3FF0000000000001
	.quad 0x36A0000000000000
	.quad 0x380FFFFFF0000000
	.quad 0x47EFFFFFF0000000
	.quad 0x4340000000000001
	.quad 0xC004000000000000
	.quad 0x3FF8000000000000
	.quad 0x3FEFFFFFFF800000
	.quad 0x0010000000400000
	.quad 0x7FE0000000000000
	.quad 0x3CB8000000000000
	.quad 0x47EFFFFFE0000000
	.quad 0x3FF0000010000000
	.quad 0xFFF0000000000001
	.quad 0xBFB999999999999A
	.quad 0x3FE0000000000000
	.quad 0x0000000000000007
	.quad 0xFFFFFFFFFFFFFFF9
	.quad 0x7FFFFFFFFFFFFFFF
	.quad 0x8000000000000000
	.quad 0x0020000000000003
	.quad 0xFFFFFFFFFFFFFFFF
	.quad 0x0000000001000001
	.quad 0x4010000000000000
	.quad 0x000000000006F0F7
	.quad 0x0008000000000000
	.text
