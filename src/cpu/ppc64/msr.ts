// The Machine State Register (Book III 4.2.1) and the execution mode derived
// from it.
//
// The MSR is kept as two int32 words like every 64-bit register (hi = ISA
// bits 0:31, lo = bits 32:63). Everything the decoder and the code cache
// depend on is folded into a small `mode` word, recomputed on every MSR write:
// code decoded in one mode is never reused in another (exec.ts keys decoded
// pages by physical page and mode).

// ---- MSR bits in the high word (ISA bits 0:31) ----
export const MSRH_SF = 0x80000000 | 0; // 0: 64-bit mode
export const MSRH_HV = 0x10000000; // 3: hypervisor state
export const MSRH_TS = 0x00000006; // 29:30: transaction state
export const MSRH_TM = 0x00000001; // 31: transactional memory available

// ---- MSR bits in the low word (ISA bits 32:63) ----
export const MSR_VEC = 0x02000000; // 38
export const MSR_VSX = 0x00800000; // 40
export const MSR_S = 0x00400000; // 41: secure
export const MSR_EE = 0x00008000; // 48: external/decrementer interrupts enabled
export const MSR_PR = 0x00004000; // 49: problem state
export const MSR_FP = 0x00002000; // 50
export const MSR_ME = 0x00001000; // 51: machine check enable
export const MSR_FE0 = 0x00000800; // 52
export const MSR_SE = 0x00000400; // 53: single-step trace
export const MSR_BE = 0x00000200; // 54: branch trace
export const MSR_FE1 = 0x00000100; // 55
export const MSR_IR = 0x00000020; // 58: instruction relocation
export const MSR_DR = 0x00000010; // 59: data relocation
export const MSR_PMM = 0x00000004; // 61
export const MSR_RI = 0x00000002; // 62: recoverable interrupt
export const MSR_LE = 0x00000001; // 63: little-endian

// ---- the derived mode word (what decoded code depends on) ----
export const MODE_LE = 1;
export const MODE_PR = 2;
export const MODE_FP = 4;
export const MODE_VEC = 8;
export const MODE_VSX = 16;
/** MSR[HV]=1 and MSR[PR]=0: hypervisor state (never true for a guest partition). */
export const MODE_HV = 32;
/** MSR[SF]=0: effective addresses and nip are 32 bits. */
export const MODE_32 = 64;
/** MSR[SE] or MSR[BE]: trace interrupts after instructions (blocks are not used). */
export const MODE_TRACE = 128;

/** The mode word of an MSR value. */
export function modeOf(hi: number, lo: number): number {
  let m = 0;
  if (lo & MSR_LE) m |= MODE_LE;
  if (lo & MSR_PR) m |= MODE_PR;
  else if (hi & MSRH_HV) m |= MODE_HV;
  if (lo & MSR_FP) m |= MODE_FP;
  if (lo & MSR_VEC) m |= MODE_VEC;
  if (lo & MSR_VSX) m |= MODE_VSX;
  if (!(hi & MSRH_SF)) m |= MODE_32;
  if (lo & (MSR_SE | MSR_BE)) m |= MODE_TRACE;
  return m;
}

/**
 * The MSR a Linux process runs with (what QEMU's linux-user sets, and what a
 * ppc64 Linux kernel gives user space): 64-bit, problem state, translation on,
 * every facility enabled, FP exceptions precise, byte order per the ELF.
 */
export function userMsr(littleEndian: boolean): [number, number] {
  const lo = MSR_VEC | MSR_VSX | MSR_EE | MSR_PR | MSR_FP | MSR_ME | MSR_FE0 | MSR_FE1 | MSR_IR | MSR_DR | MSR_RI | (littleEndian ? MSR_LE : 0);
  return [MSRH_SF, lo];
}
