/* Entry point boilerplate for tiny assembly guests: ELFv2 (LE) marks the ABI
   version so e_entry is code; ELFv1 (BE) makes _start a function descriptor. */
#if defined(_CALL_ELF) && _CALL_ELF == 2
#define ENTRY(name) .abiversion 2; .text; .globl name; name:
#else
#define ENTRY(name) .section .opd, "aw"; .align 3; .globl name; name: .quad .L.name, .TOC.@tocbase, 0; .text; .L.name:
#endif
