/* mtvscr/mfvscr: which VSCR bits survive; SAT stickiness; word 3 only */
#include "vdata.inc"
	LOADV
	mtvscr 5
	mfvscr 16
	vspltisw 20, 0
	mtvscr 20
	mfvscr 17
	mtvscr 1
	mfvscr 18
	mtvscr 6
	mfvscr 19
	vaddubs 21, 5, 5
	mfvscr 22
	vaddubm 23, 5, 5
	mfvscr 24
	DUMP
	mtvscr 15
	vaddsws 25, 3, 3
	vaddsws 26, 0, 0
	mfvscr 27
	DUMP
