// Where QEMU 7.2 contradicts an explicit definition in the Power ISA, tskvm
// follows the ISA (what POWER9 hardware does). FP_QUIRKS.qemu = true
// reproduces QEMU 7.2 instead; the QEMU-differential tests run that way, and
// tests/fpu/quirks.test.ts checks the ISA behaviour against the ISA's own
// definitions. The cases (docs/cpu-core.md lists them):
//  - fnmadd/fnmsub(s), xs/xv nmadd/nmsub dp/sp/qp: QEMU rounds the negated
//    exact result; the ISA rounds, then negates (differs toward ±infinity);
//  - xvcv{dp,sp}{s,u}x{ds,ws}: QEMU lets invalid flags leak into later elements;
//  - xststdcsp: QEMU matches every single-denormal value whatever DCMX says;
//  - xsnmsubqpo: QEMU does not round to odd;
//  - xsrqpi/xsrqpix/xsrqpxp with R=0 RMC=3: QEMU swaps RN 1 and 3.
export const FP_QUIRKS = { qemu: false };
