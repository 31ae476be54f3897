/* mfcr, mfocrf, mtcrf, mtocrf; FXM with none or several bits for the one-field
   forms leaves RT/CR alone (undefined in the ISA; QEMU and POWER9 do nothing). */
	lis	3, 0x1234
	ori	3, 3, 0x5678
	mtcrf	0xff, 3
	mfcr	4
	mfocrf	5, 0x80
	mfocrf	6, 0x40
	mfocrf	7, 0x20
	mfocrf	8, 0x10
	mfocrf	9, 0x08
	mfocrf	10, 0x04
	mfocrf	11, 0x02
	mfocrf	12, 0x01
	li	13, -1
	.long	0x7db00026	/* mfocrf 13, 0x00 */
	li	14, -1
	.long	0x7dd18026	/* mfocrf 14, 0x18 */
	li	15, -1
	.long	0x7dfff026	/* mfocrf 15, 0xff */
	DUMP
	lis	3, 0x9abc
	ori	3, 3, 0xdef0
	mtocrf	0x80, 3
	mfcr	4
	mtocrf	0x10, 3
	mfcr	5
	mtocrf	0x01, 3
	mfcr	6
	li	3, 0
	.long	0x7c700120	/* mtocrf 0x00, 3 */
	mfcr	7
	.long	0x7c718120	/* mtocrf 0x18, 3 */
	mfcr	8
	.long	0x7c7ff120	/* mtocrf 0xff, 3 */
	mfcr	9
	DUMP
	li	3, -1
	mtcrf	0x00, 3
	mfcr	4
	mtcrf	0x81, 3
	mfcr	5
	li	3, 0
	mtcrf	0x3c, 3
	mfcr	6
	lis	3, 0xa5a5
	ori	3, 3, 0x5a5a
	mtcrf	0xff, 3
	mfcr	7
	mtcr	4
	mfcr	8
