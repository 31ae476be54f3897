// The hashed-page-table hcalls a Book3S HV core handles itself (KVM's
// book3s_hv_rm_mmu.c): H_ENTER, H_REMOVE, H_READ, H_PROTECT, H_BULK_REMOVE,
// H_CLEAR_REF, H_CLEAR_MOD, and H_PAGE_INIT. The checks, their order and
// the return codes are KVM's. The table holds the partition's own view of
// each entry (KVM keeps that view beside the real entry, in the revmap), so
// H_READ returns what H_ENTER stored plus the R and C bits the MMU set.
//
// Every argument is hostile: an index past the table is H_PARAMETER, a
// radix partition gets H_FUNCTION, and nothing outside this partition's
// table and memory is touched. Whatever changes an entry flushes the
// translations every vCPU of the partition cached (a tlbie of its LPID).

import * as U from '../uapi.js';
import type { HvVcpu } from './hv-vcpu.js';
import { hptePageShifts, HPTE_V_ABSENT, HPTE_V_HVLOCK, HPTE_V_VALID, type HashPageTable } from '../../cpu/ppc64/mmu/hpt.js';

type Handler = (v: HvVcpu) => number;

const M64 = (1n << 64n) - 1n;
const arg = (v: HvVcpu, i: number): bigint => v.cpu.getGpr(4 + i);
const setOut = (v: HvVcpu, i: number, x: bigint): void => v.cpu.setGpr(4 + i, x & M64);

const V_VALID = BigInt(HPTE_V_VALID);
/** KVM's bookkeeping bit in its copy of the second doubleword (HPTE_GR_RESERVED): never kept. */
const R_GR_RESERVED = 1n << 62n;
const R_RPN = 0x0ffffffffffff000n;
const R_PP0 = 0x8000000000000000n;
const R_KEY_HI = 0x3000000000000000n;
const R_KEY_LO = 0xe00n;
const R_PP = 0x3n;
const R_N = 0x4n;
const R_R = 0x100n;
const R_C = 0x80n;

function hv(x: bigint): [number, number] {
  return [Number(x >> 32n) | 0, Number(x & 0xffffffffn) | 0];
}

function read(hpt: HashPageTable, ptex: number): [bigint, bigint] {
  const [v, r] = hpt.get(ptex);
  return [v!, r!];
}

function write(hpt: HashPageTable, ptex: number, v: bigint, r: bigint): void {
  const [rh, rl] = hv(r);
  hpt.setR(ptex, rh, rl);
  const [vh, vl] = hv(v);
  hpt.setV(ptex, vh, vl);
}

/** The partition's table, or undefined for a radix partition (its hcalls get H_FUNCTION). */
function table(v: HvVcpu): HashPageTable | undefined {
  return v.vm.radix ? undefined : v.vm.hpt;
}

/** ptex within the table (KVM: pte_index >= kvmppc_hpt_npte → H_PARAMETER). */
function inRange(hpt: HashPageTable, ptex: bigint): boolean {
  return ptex < BigInt(hpt.entries);
}

/** H_REMOVE / H_BULK_REMOVE's match: valid, and the AVPN or ANDCOND condition. */
function matches(pv: bigint, flagAvpn: boolean, flagAndcond: boolean, avpn: bigint): boolean {
  if (!(pv & V_VALID)) return false;
  if (flagAvpn && (pv & ~0x7fn) !== avpn) return false;
  if (flagAndcond && (pv & avpn) !== 0n) return false;
  return true;
}

/**
 * The shape KVM's single-entry hcalls share: H_FUNCTION for a radix
 * partition, H_PARAMETER for an index past the table, then `body` with the
 * table, the entry index and the flags (r4 and r5 are flags and ptex).
 */
function onEntry(body: (v: HvVcpu, hpt: HashPageTable, x: number, flags: bigint) => number): Handler {
  return (v) => {
    const hpt = table(v);
    if (!hpt) return U.H_FUNCTION;
    const ptex = arg(v, 1);
    if (!inRange(hpt, ptex)) return U.H_PARAMETER;
    return body(v, hpt, Number(ptex), arg(v, 0));
  };
}

/** H_ENTER(flags, ptex, pteh, ptel) → r4 = the entry used (kvmppc_do_h_enter). */
const hEnter: Handler = (v) => {
  const hpt = table(v);
  if (!hpt) return U.H_FUNCTION;
  const flags = arg(v, 0);
  let ptex = arg(v, 1);
  let pteh = arg(v, 2);
  let ptel = arg(v, 3);
  const shifts = hptePageShifts(Number(pteh & 0xffffffffn), Number(ptel & 0xffffffffn));
  const shift = shifts >>> 8 || shifts;
  if (!shift) return U.H_PARAMETER;
  // The sizes the partition is offered (QEMU's pseries set, as KVM advertises
  // it): a segment's own page size, or 16M in a 4K/64K segment; none above the maximum.
  if (shift > v.vm.hptMaxPageShift || (shifts >>> 8 && shift !== 24)) return U.H_PARAMETER;
  pteh &= ~BigInt(HPTE_V_HVLOCK | HPTE_V_ABSENT | HPTE_V_VALID);
  ptel &= ~R_GR_RESERVED;
  const psize = 1n << BigInt(shift);
  const gpa = Number((ptel & R_RPN) & ~(psize - 1n));
  const slot = v.vm.phys.find(gpa);
  if (slot) {
    // Guest RAM: the page must be aligned in its slot (slot_is_aligned).
    const size = 2 ** shift;
    if (shift > 12 && (slot.gpa % size !== 0 || slot.size % size !== 0)) return U.H_PARAMETER;
  }
  // Outside RAM (emulated MMIO): accepted; accesses through it exit to the VMM.
  if (!inRange(hpt, ptex)) return U.H_PARAMETER;
  let x = Number(ptex);
  if (!(flags & U.H_EXACT)) {
    x &= ~7;
    let i = 0;
    while (i < 8 && hpt.vLo(x + i) & HPTE_V_VALID) i++;
    if (i === 8) return U.H_PTEG_FULL;
    x += i;
  } else if (hpt.vLo(x) & HPTE_V_VALID) return U.H_PTEG_FULL;
  write(hpt, x, pteh | V_VALID, ptel);
  setOut(v, 0, BigInt(x));
  return U.H_SUCCESS;
};

/** H_REMOVE(flags, ptex, avpn) → r4, r5 = the entry as it was (kvmppc_do_h_remove). */
const hRemove = onEntry((v, hpt, x, flags) => {
  const [pv, pr] = read(hpt, x);
  if (!matches(pv, (flags & U.H_AVPN) !== 0n, (flags & U.H_ANDCOND) !== 0n, arg(v, 2))) return U.H_NOT_FOUND;
  write(hpt, x, 0n, 0n);
  v.vm.flushTranslations();
  setOut(v, 0, pv);
  setOut(v, 1, pr & ~R_GR_RESERVED);
  return U.H_SUCCESS;
});

/** H_READ(flags, ptex) → r4.. = one entry, or four (H_READ_4, from ptex & ~3). */
const hRead = onEntry((v, hpt, x, flags) => {
  let n = 1;
  if (flags & U.H_READ_4) {
    x &= ~3;
    n = 4;
  }
  for (let i = 0; i < n; i++) {
    const [pv, pr] = read(hpt, x + i);
    setOut(v, 2 * i, pv);
    setOut(v, 2 * i + 1, pv & V_VALID ? pr & ~R_GR_RESERVED : pr);
  }
  return U.H_SUCCESS;
});

/** H_PROTECT(flags, ptex, avpn): new PP0, PP, N and key from flags (kvmppc_h_protect). */
const hProtect = onEntry((v, hpt, x, flags) => {
  const [pv, pr] = read(hpt, x);
  if (!matches(pv, (flags & U.H_AVPN) !== 0n, false, arg(v, 2))) return U.H_NOT_FOUND;
  const bits = ((flags << 55n) & R_PP0) | ((flags << 48n) & R_KEY_HI) | (flags & (R_PP | R_N | R_KEY_LO));
  const mask = R_PP0 | R_PP | R_N | R_KEY_HI | R_KEY_LO;
  write(hpt, x, pv, (pr & ~mask) | bits);
  v.vm.flushTranslations();
  return U.H_SUCCESS;
});

/**
 * H_BULK_REMOVE: up to four (control, avpn) pairs in r4..r11. Each control
 * word: type in bits 0:1 (1 request, 3 end), flags in 6:7 (0 absolute, 1
 * andcond, 2 avpn), ptex in 8:63; answered in place with type 2, a code in
 * bits 2:3 (0 done, 1 not found, 2 parameter) and the entry's R, C in 4:5.
 * A bad request stops the batch with H_PARAMETER (kvmppc_h_bulk_remove).
 */
const hBulkRemove: Handler = (v) => {
  const hpt = table(v);
  if (!hpt) return U.H_FUNCTION;
  let flushed = false;
  let ret = U.H_SUCCESS;
  for (let i = 0; i < 4; i++) {
    const ctl = arg(v, 2 * i);
    const ptex = ctl & ((1n << 56n) - 1n);
    const top = ctl >> 56n;
    const req = top >> 6n;
    const flags = top & 3n;
    if (req === 3n) break;
    if (req !== 1n || flags === 3n || !inRange(hpt, ptex)) {
      setOut(v, 2 * i, ((0xa0n | flags) << 56n) + ptex);
      ret = U.H_PARAMETER;
      break;
    }
    const x = Number(ptex);
    const [pv, pr] = read(hpt, x);
    if (!matches(pv, flags === 2n, flags === 1n, arg(v, 2 * i + 1))) {
      setOut(v, 2 * i, ((0x90n | flags) << 56n) + ptex);
      continue;
    }
    write(hpt, x, 0n, 0n);
    flushed = true;
    setOut(v, 2 * i, (((0x80n | flags) << 56n) + ptex) | ((pr & (R_R | R_C)) << 51n));
  }
  if (flushed) v.vm.flushTranslations();
  return ret;
};

/** H_CLEAR_REF / H_CLEAR_MOD(flags, ptex) → r4 = the second doubleword before R (or C) was cleared. */
function clearBit(bit: bigint): Handler {
  return onEntry((v, hpt, x) => {
    const [pv, pr] = read(hpt, x);
    if (!(pv & V_VALID)) return U.H_NOT_FOUND;
    if (pr & bit) {
      write(hpt, x, pv, pr & ~bit);
      // The MMU must set the bit again on the next access: nothing may stay cached.
      v.vm.flushTranslations();
    }
    setOut(v, 0, pr & ~R_GR_RESERVED);
    return U.H_SUCCESS;
  });
}

const PAGE_INIT_FLAGS = U.H_ICACHE_INVALIDATE | U.H_ICACHE_SYNCHRONIZE | U.H_ZERO_PAGE | U.H_COPY_PAGE | U.H_PAGE_SET_LOANED;

/**
 * H_PAGE_INIT(flags, dest, src): zero or copy one 4 KiB page of guest
 * physical memory (kvmppc_h_page_init). Stores reach the physical map, so
 * decoded code on the page is dropped (the icache flags need nothing more).
 */
const hPageInit: Handler = (v) => {
  const flags = arg(v, 0);
  const dest = arg(v, 1);
  const src = arg(v, 2);
  if (flags & ~PAGE_INIT_FLAGS) return U.H_PARAMETER;
  if (dest & 0xfffn || (flags & U.H_COPY_PAGE && src & 0xfffn)) return U.H_PARAMETER;
  const phys = v.vm.phys;
  const inRam = (a: bigint): boolean => a < 2n ** 52n && phys.find(Number(a)) !== undefined;
  if (flags & U.H_COPY_PAGE) {
    if (!inRam(src) || !inRam(dest)) return U.H_PARAMETER;
    const data = phys.read(Number(src), 4096);
    if (!data || !phys.write(Number(dest), data.slice())) return U.H_PARAMETER;
  } else if (flags & U.H_ZERO_PAGE) {
    if (!inRam(dest) || !phys.write(Number(dest), new Uint8Array(4096))) return U.H_PARAMETER;
  }
  return U.H_SUCCESS;
};

export const HPT_HCALLS: Readonly<Record<number, Handler>> = {
  [U.H_ENTER]: hEnter,
  [U.H_REMOVE]: hRemove,
  [U.H_READ]: hRead,
  [U.H_PROTECT]: hProtect,
  [U.H_BULK_REMOVE]: hBulkRemove,
  [U.H_CLEAR_REF]: clearBit(R_R),
  [U.H_CLEAR_MOD]: clearBit(R_C),
  [U.H_PAGE_INIT]: hPageInit,
};
