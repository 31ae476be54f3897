# The first instruction is not an instruction: SIGILL at the entry point.
#include "entry.h"
ENTRY(_start)
	.long 0
