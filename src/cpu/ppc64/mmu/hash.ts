// Hashed page table translation (Book III 5.7.7-5.7.9): from an SLB entry
// and an effective address to a guest physical address, with the PTEG
// search (primary, then secondary hash), the page-size match, the
// protection checks (PP with the segment's key, N/G for fetches, storage
// keys through AMR/IAMR), and the R and C updates. The order and the fault
// bits follow QEMU's ppc_hash64_xlate, the model the test guests are
// compared against.
//
// 64-bit quantities are (hi, lo) int32 halves. The hash is only ever used
// masked by the table's group mask (< 2^31), so its low 32 bits suffice.

import { HashPageTable, HPTE_R_C, HPTE_R_G, HPTE_R_N, HPTE_R_PP, HPTE_R_R, HPTE_RH_PP0, hpteKey } from './hpt.js';
import { basePageShift, SLB_VSIDH_B_1T, SLB_VSID_KP, SLB_VSID_KS, SLB_VSID_N } from './slb.js';

export const ACCESS_READ = 0;
export const ACCESS_WRITE = 1;
export const ACCESS_FETCH = 2;

/** Why a hash translation failed: the interrupt's DSISR (data) or SRR1 (fetch) bits. */
export const FAULT_NOPTE = 0x40000000;
export const FAULT_PROT = 0x08000000;
export const FAULT_NOEXEC = 0x10000000; // fetch only: N or G
export const FAULT_KEY = 0x00200000; // AMR (data) / IAMR (fetch)

/** The VRMA's segment (Book III 5.7.3.1; Linux's VRMA_VSID): 1 TiB, VSID 0x1ffffff, keys 0. */
export const VRMA_VSID = 0x1ffffff;
export const VRMA_VSID_HI = SLB_VSIDH_B_1T | (VRMA_VSID >>> 8);
export const VRMA_VSID_LO = (VRMA_VSID << 24) | 0;

/** Result of a successful walk; `fault` is 0 then. */
export interface HashResult {
  gpa: number;
  /** Nonzero: the FAULT_* bits of a failed translation (no entry, or the access is not allowed). */
  fault: number;
}

/**
 * For a large-page entry in a segment of base page shift `p`: the actual
 * page shift if the entry's RPN low bits encode a size the partition offers
 * in such a segment, else 0 (the entry does not match, as the ISA says).
 * The sizes are those of QEMU's pseries (and of what KVM advertises): a
 * segment's own page size, and 16M pages in 4K and 64K segments; none
 * larger than the partition's maximum (cap-hpt-max-page-size).
 */
function largeShift(p: number, rHi: number, rLo: number, maxShift: number): number {
  let s = 0;
  switch (p) {
    case 12:
      if ((rLo & 0xfff000) === 0x38000) s = 24;
      break;
    case 16:
      if ((rLo & 0xf000) === 0x1000) s = 16;
      else if ((rLo & 0xfff000) === 0x8000) s = 24;
      break;
    case 24:
      if ((rLo & 0xfff000) === 0) s = 24;
      break;
    case 34:
      if ((rHi & 3) === 0 && (rLo & 0xfffff000) === 0x3000) s = 34;
      break;
  }
  return s <= maxShift ? s : 0;
}

/** Basic protection (Book III 5.7.9.2): bit 1 read, 2 write, from PP0||PP and the segment key. */
function ppProt(key: boolean, pp: number): number {
  if (!key) {
    if (pp <= 2) return 3;
    return pp === 3 || pp === 6 ? 1 : 0;
  }
  if (pp === 2) return 3;
  return pp === 1 || pp === 3 ? 1 : 0;
}

/** A register's 2-bit field for storage key `key` (AMR/IAMR: key 0 in bits 0:1). */
function keyBits(hi: number, lo: number, key: number): number {
  const sh = 2 * (31 - key);
  return sh >= 32 ? (hi >>> (sh - 32)) & 3 : (lo >>> sh) & 3;
}

export interface HashWalkState {
  readonly hpt: HashPageTable;
  /** The largest page the partition may use (a bigger entry never matches). */
  readonly maxPageShift: number;
  /** MSR[PR]: selects the segment's Kp (else Ks). */
  pr: boolean;
  amrHi: number;
  amrLo: number;
  iamrHi: number;
  iamrLo: number;
}

const out: HashResult = { gpa: 0, fault: 0 };

/**
 * Translate EA (hi, lo) through the segment whose SLB VSID word is (vsidHi,
 * vsidLo). Returns a shared result object: read it before the next call.
 */
export function hashTranslate(st: HashWalkState, vsidHi: number, vsidLo: number, hi: number, lo: number, access: number): HashResult {
  out.fault = 0;
  if (access === ACCESS_FETCH && vsidLo & SLB_VSID_N) {
    out.fault = FAULT_NOEXEC;
    return out;
  }
  const hpt = st.hpt;
  const p = basePageShift(vsidLo);
  let hash: number;
  let avpnLo: number; // the EA's AVPN contribution: (epn >> 16) & AVPN
  if (vsidHi & SLB_VSIDH_B_1T) {
    const vsid = ((vsidHi & 0x3fffffff) << 8) | (vsidLo >>> 24);
    const off = (hi & 0xff) * 4294967296 + (lo >>> 0);
    const idx = Math.floor(off / 2 ** p);
    hash = vsid ^ (vsid << 25) ^ (idx | 0);
    avpnLo = Math.floor((idx * 2 ** p) / 65536) & 0xffffff80;
  } else {
    const vsid = ((vsidHi & 0x3fffffff) << 20) | (vsidLo >>> 12);
    const off = lo & 0x0fffffff;
    const idx = p >= 28 ? 0 : off >>> p;
    hash = vsid ^ idx;
    avpnLo = (((idx << p) | 0) >>> 16) & 0xffffff80;
  }
  const cmpHi = vsidHi;
  const cmpLo = (vsidLo & 0xfffff000) | avpnLo | 1;
  const mask = hpt.ptegMask;
  let ptex = -1;
  let shift = 0;
  for (let h = 0; h < 2 && ptex < 0; h++) {
    const base = ((h ? ~hash : hash) & mask) * 8;
    const want = cmpLo | (h << 1);
    for (let i = 0; i < 8; i++) {
      const x = base + i;
      const vLo = hpt.vLo(x);
      // V, B, AVPN and H must match (L and the software bits are not compared).
      if (((vLo ^ want) & 0xffffff83) !== 0 || hpt.vHi(x) !== cmpHi) continue;
      const s = vLo & 4 ? largeShift(p, hpt.rHi(x), hpt.rLo(x), st.maxPageShift) : p === 12 ? 12 : 0;
      if (s === 0) continue; // an entry for another page size: no match
      ptex = x;
      shift = s;
      break;
    }
  }
  if (ptex < 0) {
    out.fault = FAULT_NOPTE;
    return out;
  }
  const rHi = hpt.rHi(ptex);
  const rLo = hpt.rLo(ptex);
  // Protection: PP with the segment's key, then N/G (fetch) and the storage key.
  const key = st.pr ? (vsidLo & SLB_VSID_KP) !== 0 : (vsidLo & SLB_VSID_KS) !== 0;
  const pp = (rLo & HPTE_R_PP) | (rHi & HPTE_RH_PP0 ? 4 : 0);
  const prot = ppProt(key, pp);
  const skey = hpteKey(rHi, rLo);
  if (access === ACCESS_FETCH) {
    let f = 0;
    if (rLo & (HPTE_R_N | HPTE_R_G)) f |= FAULT_NOEXEC;
    else if (!(prot & 1)) f |= FAULT_PROT;
    if (keyBits(st.iamrHi, st.iamrLo, skey) & 1) f |= FAULT_KEY;
    if (f) {
      out.fault = f;
      return out;
    }
  } else {
    const need = access === ACCESS_WRITE ? 2 : 1;
    const amr = keyBits(st.amrHi, st.amrLo, skey);
    // AMR: bit 0 of the field forbids stores, bit 1 loads.
    const keyDenied = access === ACCESS_WRITE ? amr & 2 : amr & 1;
    let f = 0;
    if (!(prot & need)) f |= FAULT_PROT;
    if (keyDenied) f |= FAULT_KEY;
    if (f) {
      out.fault = f;
      return out;
    }
  }
  // Reference and change bits.
  const nr = rLo | HPTE_R_R | (access === ACCESS_WRITE ? HPTE_R_C : 0);
  if (nr !== rLo) hpt.setR(ptex, rHi, nr);
  const page = 2 ** shift;
  const rpn = (rHi & 0x0fffffff) * 4294967296 + ((rLo & 0xfffff000) >>> 0);
  const eaOff = ((hi & 0xff) * 4294967296 + (lo >>> 0)) % page;
  out.gpa = rpn - (rpn % page) + eaOff;
  return out;
}
