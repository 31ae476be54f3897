// Interpreter: unit 'system' (system call, SPR, MSR and CR moves, storage
// control, cache management). Handlers keyed by the mnemonic of their table
// row (src/isa/ppc64/table/system.ts). The run loop traps privileged rows in
// problem state and hypervisor rows outside hypervisor state before they get
// here; rows without a handler are illegal.

import type { CpuState, MmuOps } from '../state.js';
import type { HandlerTable } from './handler.js';
import { eaIndexed } from './common.js';
import { CpuTrap } from '../trap.js';
import { readSpr, writeSpr, SPR_LR, SPR_CTR, SPR_FSCR, SPR_LPCR, SPR_PSSCR } from '../spr.js';
import { Interrupt, VEC_FAC_UNAVAILABLE, VEC_HFAC_UNAVAILABLE } from '../interrupt.js';
import { rfid, rfscv, scvInterrupt, withProblemStateRules } from '../delivery.js';
import { MSR_EE, MSR_RI, MSR_LE, MSR_ME, MSR_S, MODE_HV } from '../msr.js';

/** SPR number from an XFX-form instruction (the two 5-bit halves are swapped). */
export function sprOf(i: number): number {
  return ((i >>> 16) & 31) | (((i >>> 11) & 31) << 5);
}

/** Data cache block size of POWER9 (dcbz zeroes this many bytes). */
export const CACHE_BLOCK = 128;

function setRt(s: CpuState, rt: number, hi: number, lo: number): void {
  s.gprHi[rt] = hi;
  s.gprLo[rt] = lo;
}

/** The system MMU; privileged instructions only reach it in system mode. */
function mmu(s: CpuState): MmuOps {
  if (!s.mmuOps) throw new CpuTrap('illegal');
  return s.mmuOps;
}

/** FSCR[SCV] (bit 51) and the interrupt cause FSCR[IC] gets for scv. */
const FSCR_SCV = 0x1000;
const FSCR_IC_SCV = 12;

/** PSSCR[EC] (bit 43) and PSSCR[ESL] (bit 42), low word. */
const PSSCR_EC_LO = 0x00100000;
const PSSCR_ESL_LO = 0x00200000;

/** LPCR[GTSE] and LPCR[HR], low word. */
const LPCR_GTSE_LO = 0x400;
const LPCR_HR_LO = 0x00100000;

function tlbi(s: CpuState, i: number, local: boolean): void {
  const rb = (i >>> 11) & 31;
  const rs = (i >>> 21) & 31;
  mmu(s).tlbie(s.gprHi[rb]!, s.gprLo[rb]!, s.gprHi[rs]!, s.gprLo[rs]!, (i >>> 18) & 3, (i >>> 17) & 1, (i >>> 16) & 1, local);
}

/** MSR bits mtmsr/mtmsrd leave alone (low word: ME, S, LE; high word: HV and TS/TM). */
const KEEP_LO = MSR_ME | MSR_S | MSR_LE;
const KEEP_HI = 0x10000007;

/** FXM with exactly one bit set: its CR field number (0..7), else -1. */
function oneField(fxm: number): number {
  if (fxm === 0 || (fxm & (fxm - 1)) !== 0) return -1;
  return Math.clz32(fxm) - 24;
}

export const SYSTEM_HANDLERS: HandlerTable = {
  // scv LEV: with FSCR[SCV]=0 a facility unavailable interrupt (FSCR[IC] =
  // 12). Linux-user mode keeps FSCR 0 (AT_HWCAP2 does not announce SCV, so
  // glibc never uses it) and gets SIGILL, as under QEMU; a partition's
  // kernel enables it and takes the vectored system call (delivery.ts).
  scv(s, i) {
    if (!(s.sprLo[SPR_FSCR]! & FSCR_SCV)) {
      s.sprHi[SPR_FSCR] = (s.sprHi[SPR_FSCR]! & 0x00ffffff) | (FSCR_IC_SCV << 24);
      throw new Interrupt(VEC_FAC_UNAVAILABLE, 0, false);
    }
    scvInterrupt(s, (i >>> 5) & 0x7f);
  },

  rfscv(s) {
    rfscv(s);
  },

  // Transactional memory: HTM is not announced (AT_HWCAP2), and a transaction
  // may fail for implementation-specific reasons (Book II 5.3), so tbegin.
  // fails at once and execution continues after it with CR0 = 0b1011, as
  // under QEMU. Outside a transaction (MSR[TS]=0) tend./tabort. only set
  // CR0 = 0b0 || MSR[TS] || 0 = 0.
  'tbegin.'(s) {
    s.cr = (s.cr & 0x0fffffff) | 0xb0000000;
  },
  'tend.'(s) {
    s.cr &= 0x0fffffff;
  },
  'tabort.'(s) {
    s.cr &= 0x0fffffff;
  },

  sc(_s, i) {
    throw new CpuTrap('syscall', (i >>> 5) & 0x7f);
  },

  // mflr/mfctr/mtlr/mtctr are common in every function prologue: no table lookup.
  mfspr(s, i) {
    const rt = (i >>> 21) & 31;
    const spr = sprOf(i);
    if (spr === SPR_LR) setRt(s, rt, s.lrHi, s.lrLo);
    else if (spr === SPR_CTR) setRt(s, rt, s.ctrHi, s.ctrLo);
    else {
      const lo = readSpr(s, spr);
      if (lo !== undefined) setRt(s, rt, s.tmpHi, lo);
    }
  },

  // mftb with a TBR other than 268/269 is an invalid form; QEMU treats mftb as
  // mfspr, and so does this.
  mftb(s, i) {
    const lo = readSpr(s, sprOf(i));
    if (lo !== undefined) setRt(s, (i >>> 21) & 31, s.tmpHi, lo);
  },

  mtspr(s, i) {
    const rs = (i >>> 21) & 31;
    const spr = sprOf(i);
    if (spr === SPR_LR) {
      s.lrHi = s.gprHi[rs]!;
      s.lrLo = s.gprLo[rs]!;
    } else if (spr === SPR_CTR) {
      s.ctrHi = s.gprHi[rs]!;
      s.ctrLo = s.gprLo[rs]!;
    } else writeSpr(s, spr, s.gprHi[rs]!, s.gprLo[rs]!);
  },

  // ---- privileged (Book III 5.4.4) ----

  mfmsr(s, i) {
    setRt(s, (i >>> 21) & 31, s.msrHi, s.msrLo);
  },

  // L=1 changes only EE and RI. L=0 changes the low word except HV-only and
  // special bits: ME, S and LE are never changed by mtmsr(d); PR forces EE/IR/DR.
  mtmsr(s, i) {
    const v = s.gprLo[(i >>> 21) & 31]!;
    if (i & 0x10000) s.setMsr(s.msrHi, (s.msrLo & ~(MSR_EE | MSR_RI)) | (v & (MSR_EE | MSR_RI)));
    else s.setMsr(s.msrHi, withProblemStateRules((v & ~KEEP_LO) | (s.msrLo & KEEP_LO)));
  },

  // 64-bit form: the high word too, except HV and the transaction bits.
  mtmsrd(s, i) {
    const rs = (i >>> 21) & 31;
    const v = s.gprLo[rs]!;
    if (i & 0x10000) {
      s.setMsr(s.msrHi, (s.msrLo & ~(MSR_EE | MSR_RI)) | (v & (MSR_EE | MSR_RI)));
      return;
    }
    const hi = (s.gprHi[rs]! & ~KEEP_HI) | (s.msrHi & KEEP_HI);
    s.setMsr(hi, withProblemStateRules((v & ~KEEP_LO) | (s.msrLo & KEEP_LO)));
  },

  rfid(s) {
    rfid(s);
  },

  mfcr(s, i) {
    const rt = (i >>> 21) & 31;
    s.gprHi[rt] = 0;
    s.gprLo[rt] = s.cr;
  },

  // FXM with other than one bit set is undefined: RT is left alone, as QEMU does.
  mfocrf(s, i) {
    const f = oneField((i >>> 12) & 0xff);
    if (f < 0) return;
    const rt = (i >>> 21) & 31;
    s.gprHi[rt] = 0;
    s.gprLo[rt] = s.cr & (0xf0000000 >>> (4 * f));
  },

  mtcrf(s, i) {
    const fxm = (i >>> 12) & 0xff;
    let mask = 0;
    for (let f = 0; f < 8; f++) if (fxm & (0x80 >>> f)) mask |= 0xf0000000 >>> (4 * f);
    s.cr = (s.cr & ~mask) | (s.gprLo[(i >>> 21) & 31]! & mask);
  },

  // FXM with other than one bit set is undefined: CR is left alone, as QEMU does.
  mtocrf(s, i) {
    const f = oneField((i >>> 12) & 0xff);
    if (f < 0) return;
    const mask = 0xf0000000 >>> (4 * f);
    s.cr = (s.cr & ~mask) | (s.gprLo[(i >>> 21) & 31]! & mask);
  },

  // Ordering and synchronization: each thread is an in-order interpreter and
  // threads interleave at instruction boundaries: nothing to do.
  sync() {},
  isync() {},
  eieio() {},
  // stop (Book III 4.3.2): with the hypervisor's PSSCR[EC|ESL] clear, a
  // partition's stop is a light stop — the thread waits, like `wait`, and
  // resumes after it. With EC or ESL set the partition may not stop the
  // thread: hypervisor facility unavailable (the hypervisor decides).
  stop(s) {
    if (!(s.mode & MODE_HV) && s.sprLo[SPR_PSSCR]! & (PSSCR_EC_LO | PSSCR_ESL_LO)) throw new Interrupt(VEC_HFAC_UNAVAILABLE, 0, true);
    throw new CpuTrap('wait');
  },

  // Directed privileged doorbells: a partition may not send them itself
  // (the hypervisor keeps HFSCR[MSGP] clear, as KVM does): hypervisor
  // facility unavailable, and the hypervisor delivers them (kvm/ppc).
  msgsndp(s) {
    if (!(s.mode & MODE_HV)) throw new Interrupt(VEC_HFAC_UNAVAILABLE, 0, true);
    throw new CpuTrap('illegal');
  },
  msgclrp(s) {
    if (!(s.mode & MODE_HV)) throw new Interrupt(VEC_HFAC_UNAVAILABLE, 0, true);
    throw new CpuTrap('illegal');
  },

  // wait: until an exception exists. The run loop's owner decides (Linux-user
  // continues at once; a hypervisor idles the thread). nip is past the wait.
  wait() {
    throw new CpuTrap('wait');
  },

  dcbz(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31) & ~(CACHE_BLOCK - 1);
    const hi = s.tmpHi;
    // One block never crosses a page: the first store faults before any byte changes.
    for (let k = 0; k < CACHE_BLOCK; k += 8) s.mem.write64(hi, (lo + k) | 0, 0, 0, true);
  },

  // Touch hints: never fault.
  dcbt() {},
  dss() {},
  dssall() {},
  dcbtst() {},
  icbt() {},

  // Treated as a load for translation and protection: fault on an unmapped block.
  dcbst(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    s.mem.read8(s.tmpHi, lo);
  },

  dcbf(s, i) {
    if (((i >>> 21) & 3) === 2) throw new CpuTrap('illegal'); // L=2 reserved
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    s.mem.read8(s.tmpHi, lo);
  },

  // ---- segment lookaside buffer (Book III 5.9.3.2); the MMU does the work ----

  slbmte(s, i) {
    const rs = (i >>> 21) & 31;
    const rb = (i >>> 11) & 31;
    mmu(s).slbmte(s.gprHi[rs]!, s.gprLo[rs]!, s.gprHi[rb]!, s.gprLo[rb]!);
  },
  slbmfee(s, i) {
    const lo = mmu(s).slbmfee(s.gprLo[(i >>> 11) & 31]!);
    setRt(s, (i >>> 21) & 31, s.tmpHi, lo);
  },
  slbmfev(s, i) {
    const lo = mmu(s).slbmfev(s.gprLo[(i >>> 11) & 31]!);
    setRt(s, (i >>> 21) & 31, s.tmpHi, lo);
  },
  // Found: RT = the entry's VSID word, CR0 = 0b0010 || SO; else RT = 0, CR0 = 0b0000 || SO.
  'slbfee.'(s, i) {
    const rb = (i >>> 11) & 31;
    const lo = mmu(s).slbfee(s.gprHi[rb]!, s.gprLo[rb]!);
    const rt = (i >>> 21) & 31;
    if (lo === undefined) setRt(s, rt, 0, 0);
    else setRt(s, rt, s.tmpHi, lo);
    s.cr = (s.cr & 0x0fffffff) | (((lo === undefined ? 0 : 2) | s.so) << 28);
  },
  slbie(s, i) {
    const rb = (i >>> 11) & 31;
    mmu(s).slbie(s.gprHi[rb]!, s.gprLo[rb]!);
  },
  // slbieg (the global form) acts on this thread's SLB the same way: one SLB per thread.
  slbieg(s, i) {
    const rb = (i >>> 11) & 31;
    mmu(s).slbie(s.gprHi[rb]!, s.gprLo[rb]!);
  },
  slbia(s, i) {
    mmu(s).slbia((i >>> 21) & 7);
  },
  // Completion of earlier SLB changes: they are complete when made.
  slbsync() {},

  // ---- TLB management (Book III 6.10.4); the MMU decides what goes ----

  // A partition may use tlbie only with LPCR[GTSE]=1 and, in radix mode, for
  // process-scoped entries (PRS=1); otherwise it is hypervisor-privileged.
  tlbie(s, i) {
    const prs = (i >>> 17) & 1;
    if (!(s.mode & MODE_HV)) {
      const lpcr = s.sprLo[SPR_LPCR]!;
      if (!(lpcr & LPCR_GTSE_LO) || (!prs && lpcr & LPCR_HR_LO)) throw new CpuTrap('illegal');
    }
    tlbi(s, i, false);
  },
  // tlbiel: privileged, but hypervisor-privileged for partition-scoped entries of a radix partition.
  tlbiel(s, i) {
    if (!(s.mode & MODE_HV) && !((i >>> 17) & 1) && s.sprLo[SPR_LPCR]! & LPCR_HR_LO) throw new CpuTrap('illegal');
    tlbi(s, i, true);
  },
  // Completion of earlier tlbie: complete when made. Hypervisor-privileged unless LPCR[GTSE].
  tlbsync(s) {
    if (!(s.mode & MODE_HV) && !(s.sprLo[SPR_LPCR]! & LPCR_GTSE_LO)) throw new CpuTrap('illegal');
  },

  icbi(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.mem.read8(hi, lo);
    s.onIcbi?.(hi, lo & ~(CACHE_BLOCK - 1));
  },
};
