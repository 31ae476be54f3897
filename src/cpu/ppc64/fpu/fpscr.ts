// FPSCR bits (of the low word, ISA bits 32:63) and the summary-bit rules.

export const FPSCR_FX = 1 << 31;
export const FPSCR_FEX = 1 << 30;
export const FPSCR_VX = 1 << 29;
export const FPSCR_OX = 1 << 28;
export const FPSCR_UX = 1 << 27;
export const FPSCR_ZX = 1 << 26;
export const FPSCR_XX = 1 << 25;
export const FPSCR_VXSNAN = 1 << 24;
export const FPSCR_VXISI = 1 << 23;
export const FPSCR_VXIDI = 1 << 22;
export const FPSCR_VXZDZ = 1 << 21;
export const FPSCR_VXIMZ = 1 << 20;
export const FPSCR_VXVC = 1 << 19;
export const FPSCR_FR = 1 << 18;
export const FPSCR_FI = 1 << 17;
/** FPRF: C FL FG FE FU, bits 47:51 → shift 12. */
export const FPSCR_FPRF_SHIFT = 12;
export const FPSCR_FPRF_MASK = 0x1f << 12;
export const FPSCR_VXSOFT = 1 << 10;
export const FPSCR_VXSQRT = 1 << 9;
export const FPSCR_VXCVI = 1 << 8;
export const FPSCR_VE = 1 << 7;
export const FPSCR_OE = 1 << 6;
export const FPSCR_UE = 1 << 5;
export const FPSCR_ZE = 1 << 4;
export const FPSCR_XE = 1 << 3;
export const FPSCR_NI = 1 << 2;
/** RN: rounding mode, 0 nearest, 1 toward zero, 2 toward +inf, 3 toward -inf. */
export const FPSCR_RN_MASK = 3;

export const FPSCR_VX_ALL =
  FPSCR_VXSNAN | FPSCR_VXISI | FPSCR_VXIDI | FPSCR_VXZDZ | FPSCR_VXIMZ | FPSCR_VXVC | FPSCR_VXSOFT | FPSCR_VXSQRT | FPSCR_VXCVI;

/** Recompute the summary bits VX and FEX (they cannot be set directly). */
export function fpscrSummaries(f: number): number {
  f &= ~(FPSCR_VX | FPSCR_FEX);
  if (f & FPSCR_VX_ALL) f |= FPSCR_VX;
  // Exception bits VX..XX are bits 29..25, enables VE..XE are bits 7..3: same order.
  if (((f >>> 25) & 0x1f) & ((f >>> 3) & 0x1f)) f |= FPSCR_FEX;
  return f | 0;
}

/** FPSCR bit 52 (0x800 of the low word) is reserved: mtfsf & co. cannot set it. */
export const FPSCR_RESERVED_LO = 1 << 11;
/** Of the high word only DRN (bits 29:31) exists. */
export const FPSCR_HI_MASK = 7;

/**
 * ppc_store_fpscr: write the whole FPSCR as mtfsf/mtfsfi/mtfsb0/mtfsb1/mcrfs do
 * (reserved bits dropped, VX and FEX recomputed).
 */
export function storeFpscr(s: { fpscr: number; fpscrHi: number }, lo: number, hi: number): void {
  s.fpscr = fpscrSummaries(lo & ~FPSCR_RESERVED_LO);
  s.fpscrHi = hi & FPSCR_HI_MASK;
}

/** do_fpscr_check_status: is an enabled exception bit set (mtfs* then trap)? */
export function fpscrEnabledException(f: number): boolean {
  if (((f >>> 25) & 0xf & (f >>> 3)) !== 0) return true; // OX UX ZX XX vs OE UE ZE XE
  return (f & FPSCR_VE) !== 0 && (f & FPSCR_VX_ALL) !== 0;
}
