// LPCR (Logical Partitioning Control Register) fields, as 64-bit BigInts
// for the hypervisor's own bookkeeping (arch/powerpc/include/asm/reg.h).

export const LPCR_VPM0 = 0x8000000000000000n;
export const LPCR_VPM1 = 0x4000000000000000n;
export const LPCR_DPFD = 0x0070000000000000n;
export const LPCR_DPFD_4 = 0x0040000000000000n;
export const LPCR_VRMASD = 0x000000000001f000n;
export const LPCR_ILE = 0x0000000002000000n;
export const LPCR_AIL = 0x0000000001800000n;
export const LPCR_AIL_3 = 0x0000000001800000n;
export const LPCR_UPRT = 0x0000000000400000n;
export const LPCR_HR = 0x0000000000100000n;
export const LPCR_LD = 0x0000000000020000n;
export const LPCR_PECE = 0x000000000001f000n;
export const LPCR_MER = 0x0000000000000800n;
export const LPCR_GTSE = 0x0000000000000400n;
export const LPCR_TC = 0x0000000000000200n;
export const LPCR_HEIC = 0x0000000000000010n;
export const LPCR_LPES = 0x0000000000000008n;
export const LPCR_HVICE = 0x0000000000000002n;
export const LPCR_HDICE = 0x0000000000000001n;

/** Bits a VMM may set through ONE_REG (KVM's kvmppc_set_lpcr on ISA 3.0: DPFD|ILE|TC|AIL|LD). */
export const LPCR_USER_MASK = LPCR_DPFD | LPCR_ILE | LPCR_TC | LPCR_AIL | LPCR_LD;

/** A new POWER9 radix partition's LPCR (kvmppc_core_init_vm_hv on a radix host). */
export const LPCR_RADIX_DEFAULT = LPCR_DPFD_4 | LPCR_HDICE | LPCR_HVICE | LPCR_HEIC | LPCR_UPRT | LPCR_GTSE | LPCR_HR;

/**
 * kvmppc_filter_lpcr_hv: AIL may only be 0 or 3; TC is meaningless for a
 * radix partition.
 */
export function filterLpcr(v: bigint, radix: boolean): bigint {
  if ((v & LPCR_AIL) !== LPCR_AIL_3) v &= ~LPCR_AIL;
  if (radix) v &= ~LPCR_TC;
  return v;
}
