/* vmx: reserved bits QEMU 7.2 ignores (vsplt* UIM slot, vextract/vinsert bit 11, vsldoi bit 21) */
#include "vdata.inc"
	LOADV
	.long 0x1213320c	/* vspltb v16, v6, slot 0x13 */
	.long 0x123f320c	/* vspltb v17, v6, slot 0x1f */
	.long 0x1250320c	/* vspltb v18, v6, slot 0x10 */
	.long 0x127d324c	/* vsplth v19, v6, slot 0x1d */
	.long 0x128b324c	/* vsplth v20, v6, slot 0xb */
	.long 0x12b7324c	/* vsplth v21, v6, slot 0x17 */
	.long 0x12de328c	/* vspltw v22, v6, slot 0x1e */
	.long 0x12ed328c	/* vspltw v23, v6, slot 0xd */
	.long 0x1307328c	/* vspltw v24, v6, slot 0x7 */
	.long 0x1333320d	/* vextractub v25, v6, slot 0x13 */
	.long 0x135f320d	/* vextractub v26, v6, slot 0x1f */
	.long 0x1372324d	/* vextractuh v27, v6, slot 0x12 */
	.long 0x139e324d	/* vextractuh v28, v6, slot 0x1e */
	.long 0x13b4328d	/* vextractuw v29, v6, slot 0x14 */
	.long 0x13dd328d	/* vextractuw v30, v6, slot 0x1d */
	DUMP
	.irp t, 16,17,18,19,20,21,22,23
	vor \t, 0, 0
	.endr
	.long 0x12133b0d	/* vinsertb v16, v7, slot 0x13 */
	.long 0x123f3b0d	/* vinsertb v17, v7, slot 0x1f */
	.long 0x12523b4d	/* vinserth v18, v7, slot 0x12 */
	.long 0x127e3b4d	/* vinserth v19, v7, slot 0x1e */
	.long 0x12943b8d	/* vinsertw v20, v7, slot 0x14 */
	.long 0x12bd3b8d	/* vinsertw v21, v7, slot 0x1d */
	.long 0x12d83bcd	/* vinsertd v22, v7, slot 0x18 */
	.long 0x12f03bcd	/* vinsertd v23, v7, slot 0x10 */
	.long 0x13063cec	/* vsldoi v24, v6, v7, 3 with bit 21 set */
	.long 0x13263e6c	/* vsldoi v25, v6, v7, 9 with bit 21 set */
	.long 0x13463fec	/* vsldoi v26, v6, v7, 15 with bit 21 set */
	DUMP
/* one-source rows whose unused register slot QEMU ignores */
	.long 0x12053702	/* vclzb v16 with slot 5/6 */
	.long 0x122937c2	/* vclzd v17 with slot 9/6 */
	.long 0x125f3f43	/* vpopcnth v18 with slot 31/7 */
	.long 0x1263350c	/* vgbbd v19 with slot 3/6 */
	.long 0x12871e4e	/* vupkhsw v20 with slot 7/3 */
	.long 0x12a11ece	/* vupklsw v21 with slot 1/3 */
	.long 0x12c64dc8	/* vsbox v22 with slot 6/9 */
	.long 0x12fb230c	/* vspltisb v23 with slot 27/4 */
	.long 0x1305fb4c	/* vspltish v24 with slot 5/31 */
	.long 0x1330138c	/* vspltisw v25 with slot 16/2 */
	DUMP
