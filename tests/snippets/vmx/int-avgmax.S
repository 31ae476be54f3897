/* vmx average, max/min, absolute difference */
#include "vdata.inc"
	LOADV
	BIN vavgub, 16
	BIN vavguh, 24
	DUMP
	BIN vavguw, 16
	BIN vavgsb, 24
	DUMP
	BIN vavgsh, 16
	BIN vavgsw, 24
	DUMP
	BIN vmaxub, 16
	BIN vmaxuh, 24
	DUMP
	BIN vmaxuw, 16
	BIN vmaxud, 24
	DUMP
	BIN vmaxsb, 16
	BIN vmaxsh, 24
	DUMP
	BIN vmaxsw, 16
	BIN vmaxsd, 24
	DUMP
	BIN vminub, 16
	BIN vminuh, 24
	DUMP
	BIN vminuw, 16
	BIN vminud, 24
	DUMP
	BIN vminsb, 16
	BIN vminsh, 24
	DUMP
	BIN vminsw, 16
	BIN vminsd, 24
	DUMP
	BIN vabsdub, 16
	BIN vabsduh, 24
	DUMP
	BIN vabsduw, 16
	DUMP
