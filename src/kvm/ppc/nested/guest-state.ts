// The two structures of H_ENTER_NESTED (nested API v1, asm/hvcall.h): the
// hypervisor state of the nested guest (struct hv_guest_state, r4) and its
// problem-state registers (struct pt_regs, r5). Both live in the L1's memory
// in the L1's byte order (seed 002: the L1 passes its own kvm_vcpu_arch
// fields), so they are read and written with the L1's current MSR[LE] — the
// same result as KVM's byteswap when the L1's endianness differs from the
// host's.

/** HV_GUEST_STATE_VERSION: the newest layout an L0 accepts. */
export const HV_GUEST_STATE_VERSION = 2;

/** struct hv_guest_state, u64 unless noted. */
export interface HvGuestState {
  version: bigint;
  /** u32: the L1's number for the nested guest (its partition-table index). */
  lpid: number;
  /** u32: the L1's number for the nested vCPU. */
  vcpuToken: number;
  lpcr: bigint;
  pcr: bigint;
  amor: bigint;
  dpdes: bigint;
  hfscr: bigint;
  /** s64 */
  tbOffset: bigint;
  dawr0: bigint;
  dawrx0: bigint;
  ciabr: bigint;
  hdecExpiry: bigint;
  purr: bigint;
  spurr: bigint;
  ic: bigint;
  vtb: bigint;
  hdar: bigint;
  hdsisr: bigint;
  heir: bigint;
  asdr: bigint;
  srr0: bigint;
  srr1: bigint;
  sprg: [bigint, bigint, bigint, bigint];
  pidr: bigint;
  cfar: bigint;
  ppr: bigint;
  /** Version 2. */
  dawr1: bigint;
  dawrx1: bigint;
}

/** The u64 fields after the two u32s, in order from offset 16. */
const U64_FIELDS = ['lpcr', 'pcr', 'amor', 'dpdes', 'hfscr', 'tbOffset', 'dawr0', 'dawrx0', 'ciabr', 'hdecExpiry', 'purr', 'spurr', 'ic', 'vtb', 'hdar', 'hdsisr', 'heir', 'asdr', 'srr0', 'srr1'] as const;
const SPRG_OFFSET = 176;
const TAIL_FIELDS = ['pidr', 'cfar', 'ppr', 'dawr1', 'dawrx1'] as const; // from offset 208

/** hv_guest_state_size(version): bytes the L0 reads and writes (offsetofend of the version's last field), or -1. */
export function hvGuestStateSize(version: bigint): number {
  if (version === 1n) return 232; // ..ppr
  if (version === 2n) return 248; // ..dawrx1
  return -1;
}

/** struct pt_regs as KVM's L0 copies it (sizeof(struct pt_regs) on ppc64: 48 u64). */
export const PT_REGS_SIZE = 384;
/** user_pt_regs offsets: gpr[32] at 0, then u64s. */
export const PT_NIP = 256;
export const PT_MSR = 264;
export const PT_CTR = 280;
export const PT_LINK = 288;
export const PT_XER = 296;
export const PT_CCR = 304;

/** The little-endian or big-endian u64 at `off`. */
function get64(v: DataView, off: number, le: boolean): bigint {
  return v.getBigUint64(off, le);
}

/** Read the version field alone (the first u64). */
export function readVersion(bytes: Uint8Array, le: boolean): bigint {
  return get64(new DataView(bytes.buffer, bytes.byteOffset, 8), 0, le);
}

/** Decode `size` bytes of hv_guest_state (fields past the version's end read as 0). */
export function decodeHvGuestState(bytes: Uint8Array, le: boolean): HvGuestState {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength;
  const at = (off: number) => (off + 8 <= n ? get64(v, off, le) : 0n);
  const s = {
    version: at(0),
    lpid: v.getUint32(8, le),
    vcpuToken: v.getUint32(12, le),
    sprg: [at(SPRG_OFFSET), at(SPRG_OFFSET + 8), at(SPRG_OFFSET + 16), at(SPRG_OFFSET + 24)],
  } as HvGuestState;
  U64_FIELDS.forEach((f, i) => (s[f] = at(16 + 8 * i)));
  TAIL_FIELDS.forEach((f, i) => (s[f] = at(208 + 8 * i)));
  return s;
}

/** Encode hv_guest_state into `size` bytes (the size of the version the L1 passed). */
export function encodeHvGuestState(s: HvGuestState, size: number, le: boolean): Uint8Array {
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  const put = (off: number, x: bigint) => {
    if (off + 8 <= size) v.setBigUint64(off, BigInt.asUintN(64, x), le);
  };
  put(0, s.version);
  v.setUint32(8, s.lpid >>> 0, le);
  v.setUint32(12, s.vcpuToken >>> 0, le);
  U64_FIELDS.forEach((f, i) => put(16 + 8 * i, s[f]));
  s.sprg.forEach((x, i) => put(SPRG_OFFSET + 8 * i, x));
  TAIL_FIELDS.forEach((f, i) => put(208 + 8 * i, s[f]));
  return out;
}

/** pt_regs as an array of u64 (KVM byteswaps it as one: every field is an unsigned long). */
export function decodePtRegs(bytes: Uint8Array, le: boolean): bigint[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.byteLength / 8 }, (_, i) => get64(v, 8 * i, le));
}

export function encodePtRegs(words: readonly bigint[], le: boolean): Uint8Array {
  const out = new Uint8Array(words.length * 8);
  const v = new DataView(out.buffer);
  words.forEach((w, i) => v.setBigUint64(8 * i, BigInt.asUintN(64, w), le));
  return out;
}
