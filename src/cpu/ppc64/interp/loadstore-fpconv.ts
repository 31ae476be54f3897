// Single <-> double format conversions of the floating-point loads and stores
// (Power ISA v3.0B, Book I 4.6.2 "Floating-Point Load Instructions" and 4.6.3
// "Floating-Point Store Instructions"). They move bits, never round: NaN
// payloads, signaling NaNs, infinities and denormals survive exactly. Pure
// integer bit manipulation (a JS float round trip could quiet or canonicalize
// NaNs). Shared with the FP and VSX units (lxsspx, xscvdpspn…).

/**
 * Single-precision bits `w` to the double-precision bits that lfs would load.
 * Writes the high word to out[idx] and the low word to out[idx + 1] (VSR
 * layout: doubleword 0 of VSR t is vsr[4t], vsr[4t + 1]).
 */
export function spToDp(w: number, out: Uint32Array | Int32Array, idx: number): void {
  const sign = w & 0x80000000;
  const e = (w >>> 23) & 0xff;
  let f = w & 0x7fffff;
  let hi: number;
  if (e === 0xff) {
    hi = sign | 0x7ff00000 | (f >>> 3);
  } else if (e !== 0) {
    hi = sign | ((e + 896) << 20) | (f >>> 3);
  } else if (f === 0) {
    out[idx] = sign;
    out[idx + 1] = 0;
    return;
  } else {
    // Denormal: normalize. f has its leading one at bit 22 or lower.
    const shift = Math.clz32(f) - 8;
    f = (f << shift) & 0x7fffff;
    hi = sign | ((897 - shift) << 20) | (f >>> 3);
  }
  out[idx] = hi;
  out[idx + 1] = f << 29;
}

/** High word of spToDp(w), for callers that want the pair without an array. */
export function spToDpHi(w: number): number {
  const sign = w & 0x80000000;
  const e = (w >>> 23) & 0xff;
  const f = w & 0x7fffff;
  if (e === 0xff) return (sign | 0x7ff00000 | (f >>> 3)) | 0;
  if (e !== 0) return (sign | ((e + 896) << 20) | (f >>> 3)) | 0;
  if (f === 0) return sign | 0;
  const shift = Math.clz32(f) - 8;
  return (sign | ((897 - shift) << 20) | (((f << shift) & 0x7fffff) >>> 3)) | 0;
}

/** Low word of spToDp(w). */
export function spToDpLo(w: number): number {
  const e = (w >>> 23) & 0xff;
  const f = w & 0x7fffff;
  if (e !== 0 || f === 0) return f << 29;
  const shift = Math.clz32(f) - 8;
  return ((f << shift) & 0x7fffff) << 29;
}

/**
 * Double-precision bits (hi, lo) to the single-precision word that stfs would
 * store (returned as int32). Exponents above 896 (normal singles, infinities,
 * NaNs) keep bits 0:1 || 5:34; 874..896 denormalize; anything smaller (a
 * result the ISA leaves undefined) gives a signed zero, as POWER9 and QEMU do.
 */
export function dpToSp(hi: number, lo: number): number {
  const exp = (hi >>> 20) & 0x7ff;
  if (exp > 896) return (hi & 0xc0000000) | ((hi & 0x07ffffff) << 3) | (lo >>> 29);
  const sign = hi & 0x80000000;
  if (exp < 874) return sign;
  const shift = 926 - exp; // 30..52
  const fhi = (hi & 0xfffff) | 0x100000;
  const v = shift >= 32 ? fhi >>> (shift - 32) : (fhi << (32 - shift)) | (lo >>> shift);
  return sign | (v & 0x7fffff);
}
