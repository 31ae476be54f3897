/* vmx saturating add/subtract: results and VSCR[SAT] per operation */
#include "vdata.inc"
	LOADV
	BINS vaddubs
	BINS vadduhs
	BINS vadduws
	BINS vaddsbs
	BINS vaddshs
	BINS vaddsws
	BINS vsububs
	BINS vsubuhs
	BINS vsubuws
	BINS vsubsbs
	BINS vsubshs
	BINS vsubsws
