// Radix translation of a partition (Book III 6.7.10): the process-scoped
// tree the partition registered (its process table, indexed by PID),
// walked on a TLB miss; the partition-scoped step (guest real → host) is
// the hypervisor's memory slots. The order of the checks and the fault
// bits follow QEMU's ppc_radix64_xlate (7.2), with POWER9's supported tree
// shapes (52-bit trees: 13, 9, 9, then 9 or 5 bits; pages of 4K, 64K, 2M
// and 1G).
//
// Table words are big-endian doublewords in guest memory, read as (hi, lo)
// int32 halves. Effective addresses in a tree are below 2^52, so doubles
// hold them exactly.

import { ACCESS_FETCH, ACCESS_WRITE } from './hash.js';

/** Reads and writes guest physical memory for the walk (the partition's RAM; undefined outside it). */
export interface TableMemory {
  /** The big-endian doubleword at `gpa` as (hi in .hi, lo returned), or undefined outside RAM. */
  load64(gpa: number): number | undefined;
  readonly hi: number;
  /** Store a big-endian doubleword (an R/C update). */
  store64(gpa: number, hi: number, lo: number): void;
}

// Fault causes (DSISR for data, SRR1 for fetches).
export const RFAULT_NOPTE = 0x40000000;
export const RFAULT_PROT = 0x08000000;
export const RFAULT_NOEXEC = 0x10000000;
export const RFAULT_BADCONFIG = 0x00080000;
/** The walk touched memory outside the partition (KVM: HDSI on the table walk, reflected as a DSI). */
export const RFAULT_PRTABLE = 0x00020000;
/** Not a storage interrupt: the EA is outside quadrants 0 and 3, or EA bits 2:11 are set. */
export const RFAULT_SEGMENT = -1;

// Entry bits (low word unless noted); partition-scoped entries use the
// same format (nested/: Linux calls R/RW/X _PAGE_READ/_WRITE/_EXEC and
// R/C _PAGE_ACCESSED/_DIRTY).
export const PTE_VALID_HI = 0x80000000 | 0;
export const PTE_LEAF_HI = 0x40000000;
export const PTE_R = 0x100;
export const PTE_C = 0x80;
const PTE_ATT = 0x30;
const PTE_ATT_NI_IO = 0x20;
export const PTE_EAA_PRIV = 0x8;
export const PTE_EAA_R = 0x4;
export const PTE_EAA_RW = 0x2;
export const PTE_EAA_X = 0x1;

export interface RadixWalkState {
  /** Where the tables are read: the partition's memory, or a nested guest's through its partition-scoped step. */
  mem: TableMemory;
  /** The process table: base (guest physical) and size in bytes (from the partition-table entry's PRTB/PRTS). */
  prtb: number;
  prtbSize: number;
  pid: number;
  pr: boolean;
  /** AMR/IAMR bits 0:1 (key 0): what supervisor access to non-privileged pages may do. */
  amrKey0: number;
  iamrKey0: number;
}

export interface RadixResult {
  gpa: number;
  fault: number;
  /** The access rights came through AMR/IAMR key 0 (supervisor access to a problem-state page). */
  keyed: boolean;
}

const out: RadixResult = { gpa: 0, fault: 0, keyed: false };

function fail(cause: number): RadixResult {
  out.fault = cause;
  return out;
}

/** POWER9's supported tree shapes (QEMU's ppc_radix64_is_valid_level). */
function validLevel(level: number, psize: number, nls: number): boolean {
  switch (level) {
    case 0:
      return psize === 52 && nls === 13;
    case 1:
    case 2:
      return nls === 9;
    case 3:
      return nls === 9 || nls === 5;
    default:
      return false;
  }
}

/**
 * Translate EA (hi, lo) for `access` in a partition (MSR[HV]=0). Returns a
 * shared result: fault 0 and the guest physical address, RFAULT_SEGMENT, or
 * the storage interrupt's cause bits.
 */
export function radixTranslate(st: RadixWalkState, hi: number, lo: number, access: number): RadixResult {
  out.fault = 0;
  out.keyed = false;
  // EA bits 2:11 set, or quadrant 1/2 (hypervisor only): segment interrupt.
  if (hi & 0x3ff00000) return fail(RFAULT_SEGMENT);
  const q = hi >>> 30;
  if (q === 1 || q === 2) return fail(RFAULT_SEGMENT);
  const pid = q === 0 ? st.pid : 0;
  const mem = st.mem;
  if (st.prtb % st.prtbSize !== 0) return fail(RFAULT_BADCONFIG);
  if (pid * 16 >= st.prtbSize) return fail(RFAULT_NOPTE);
  const e0lo = mem.load64(st.prtb + pid * 16);
  if (e0lo === undefined) return fail(RFAULT_PRTABLE | RFAULT_NOPTE);
  const e0hi = mem.hi;
  let psize = (((e0hi >>> 26) & 0x18) | ((e0lo >>> 5) & 0x7)) + 31;
  let nls = e0lo & 0x1f;
  let base = (e0hi & 0x0fffffff) * 4294967296 + ((e0lo & 0xffffff00) >>> 0);
  const ea = (hi & 0x000fffff) * 4294967296 + (lo >>> 0);
  let level = 0;
  let pteAddr = 0;
  let pHi = 0;
  let pLo = 0;
  for (;;) {
    if (!validLevel(level++, psize, nls)) return fail(RFAULT_BADCONFIG);
    // A misaligned directory base is used aligned (QEMU logs it).
    base -= base % 2 ** (nls + 3);
    const index = Math.floor(ea / 2 ** (psize - nls)) % 2 ** nls;
    pteAddr = base + index * 8;
    const l = mem.load64(pteAddr);
    if (l === undefined) return fail(RFAULT_PRTABLE | RFAULT_NOPTE);
    pHi = mem.hi;
    pLo = l;
    if (!(pHi & PTE_VALID_HI)) return fail(RFAULT_NOPTE);
    psize -= nls;
    if (pHi & PTE_LEAF_HI) break;
    nls = pLo & 0x1f;
    base = (pHi & 0x0fffffff) * 4294967296 + ((pLo & 0xffffff00) >>> 0);
  }
  // Protection: the attribute (non-idempotent I/O is guarded), then the EAA.
  if (access === ACCESS_FETCH && (pLo & PTE_ATT) === PTE_ATT_NI_IO) return fail(RFAULT_NOEXEC);
  let prot: number; // 1 read, 2 write, 4 execute
  const eaa = (pLo & PTE_EAA_R ? 1 : 0) | (pLo & PTE_EAA_RW ? 3 : 0) | (pLo & PTE_EAA_X ? 4 : 0);
  if (pLo & PTE_EAA_PRIV && st.pr) prot = 0;
  else if (st.pr || pLo & PTE_EAA_PRIV) prot = eaa;
  else {
    // Supervisor access to a problem-state page: AMR/IAMR key 0 may take rights away.
    const amr = (st.amrKey0 & 2 ? 0 : 2) | (st.amrKey0 & 1 ? 0 : 1) | (st.iamrKey0 & 1 ? 0 : 4);
    prot = eaa & amr;
    out.keyed = true;
  }
  const need = access === ACCESS_FETCH ? 4 : access === ACCESS_WRITE ? 2 : 1;
  if (!(prot & need)) return fail(access === ACCESS_FETCH ? RFAULT_NOEXEC : RFAULT_PROT);
  // Reference and change.
  const nLo = pLo | PTE_R | (access === ACCESS_WRITE ? PTE_C : 0);
  if (nLo !== pLo) mem.store64(pteAddr, pHi, nLo);
  const page = 2 ** psize;
  const rpn = (pHi & 0x01ffffff) * 4294967296 + ((pLo & 0xfffff000) >>> 0);
  out.gpa = rpn - (rpn % page) + (ea % page);
  return out;
}
