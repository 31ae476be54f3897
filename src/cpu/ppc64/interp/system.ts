// Interpreter: unit 'system' (system call, SPR and CR moves, storage control,
// cache management). Handlers keyed by the mnemonic of their table row
// (src/isa/ppc64/table/system.ts). Privileged rows have no handler here: the
// run loop traps them in problem state.

import type { CpuState } from '../state.js';
import type { HandlerTable } from './handler.js';
import { eaIndexed } from './common.js';
import { CpuTrap } from '../trap.js';

/** SPR number from an XFX-form instruction (the two 5-bit halves are swapped). */
export function sprOf(i: number): number {
  return ((i >>> 16) & 31) | (((i >>> 11) & 31) << 5);
}

export const SPR_XER = 1;
export const SPR_DSCR = 3;
export const SPR_LR = 8;
export const SPR_CTR = 9;
export const SPR_CTRL_RO = 136;
export const SPR_VRSAVE = 256;
export const SPR_SPRG3_RO = 259;
export const SPR_TB = 268;
export const SPR_TBU = 269;
export const SPR_TBL_HV = 284;
export const SPR_TBU_HV = 285;
export const SPR_PVR = 287;
export const SPR_TAR = 815;
export const SPR_PPR = 896;
export const SPR_PPR32 = 898;

/** PVR of QEMU's -cpu power9 (POWER9 DD2.0), which Linux shows user space through mfpvr emulation. */
export const POWER9_PVR = 0x004e1200;

/** Data cache block size of POWER9 (dcbz zeroes this many bytes). */
export const CACHE_BLOCK = 128;

/**
 * An SPR number problem state may not use: the ISA's privileged numbers (bit
 * 0x10 of the SPR number) give a privileged-instruction trap, others an
 * illegal-instruction trap (both SIGILL under Linux, as under QEMU).
 */
function noSuchSpr(spr: number): never {
  throw new CpuTrap(spr & 0x10 ? 'privileged' : 'illegal');
}

function setRt(s: CpuState, rt: number, hi: number, lo: number): void {
  s.gprHi[rt] = hi;
  s.gprLo[rt] = lo;
}

/** mfspr / mftb: the SPRs Linux lets problem state read (as QEMU 7.2's linux-user does, plus DSCR/PPR32 per the ISA). */
function readSpr(s: CpuState, rt: number, spr: number): void {
  switch (spr) {
    case SPR_XER:
      return setRt(s, rt, 0, s.getXer());
    case SPR_DSCR:
      return setRt(s, rt, s.dscrHi, s.dscrLo);
    case SPR_LR:
      return setRt(s, rt, s.lrHi, s.lrLo);
    case SPR_CTR:
      return setRt(s, rt, s.ctrHi, s.ctrLo);
    case SPR_CTRL_RO:
      return setRt(s, rt, 0, 0);
    case SPR_VRSAVE:
      return setRt(s, rt, 0, s.vrsave);
    case SPR_SPRG3_RO:
      // Linux keeps the CPU number here for the vDSO; one CPU: 0.
      return setRt(s, rt, 0, 0);
    case SPR_TB:
    case SPR_TBL_HV: {
      const tb = s.timebase();
      return setRt(s, rt, Math.floor(tb / 4294967296) | 0, tb % 4294967296 | 0);
    }
    case SPR_TBU:
    case SPR_TBU_HV:
      return setRt(s, rt, 0, Math.floor(s.timebase() / 4294967296) | 0);
    case SPR_PVR:
      return setRt(s, rt, 0, POWER9_PVR);
    case SPR_TAR:
      return setRt(s, rt, s.tarHi, s.tarLo);
    case SPR_PPR:
      return setRt(s, rt, s.pprHi, s.pprLo);
    case SPR_PPR32:
      return setRt(s, rt, 0, s.pprHi);
    case 808:
    case 809:
    case 810:
    case 811:
      return; // reserved no-op SPRs (ISA 2.07 and later): RT unchanged
    default:
      noSuchSpr(spr);
  }
}

function writeSpr(s: CpuState, rs: number, spr: number): void {
  const hi = s.gprHi[rs]!;
  const lo = s.gprLo[rs]!;
  switch (spr) {
    case SPR_XER:
      s.setXer(lo);
      return;
    case SPR_DSCR:
      s.dscrHi = hi;
      s.dscrLo = lo;
      return;
    case SPR_LR:
      s.lrHi = hi;
      s.lrLo = lo;
      return;
    case SPR_CTR:
      s.ctrHi = hi;
      s.ctrLo = lo;
      return;
    case SPR_VRSAVE:
      s.vrsave = lo;
      return;
    case SPR_TAR:
      s.tarHi = hi;
      s.tarLo = lo;
      return;
    case SPR_PPR:
      s.pprHi = hi;
      s.pprLo = lo;
      return;
    case SPR_PPR32:
      s.pprHi = lo;
      return;
    case 808:
    case 809:
    case 810:
    case 811:
      return;
    default:
      noSuchSpr(spr);
  }
}

/** FXM with exactly one bit set: its CR field number (0..7), else -1. */
function oneField(fxm: number): number {
  if (fxm === 0 || (fxm & (fxm - 1)) !== 0) return -1;
  return Math.clz32(fxm) - 24;
}

export const SYSTEM_HANDLERS: HandlerTable = {
  // The SCV facility is off (FSCR[SCV]=0): Linux-user mode doesn't announce it
  // in AT_HWCAP2, so glibc never uses it. scv then takes a facility-unavailable
  // interrupt, which Linux delivers as SIGILL (QEMU 7.2 does the same).
  scv() {
    throw new CpuTrap('illegal');
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

  mfspr(s, i) {
    readSpr(s, (i >>> 21) & 31, sprOf(i));
  },

  // mftb with a TBR other than 268/269 is an invalid form; QEMU treats mftb as
  // mfspr, and so does this.
  mftb(s, i) {
    readSpr(s, (i >>> 21) & 31, sprOf(i));
  },

  mtspr(s, i) {
    writeSpr(s, (i >>> 21) & 31, sprOf(i));
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

  // Ordering and synchronization: one thread, in-order interpreter: nothing to do.
  sync() {},
  isync() {},
  eieio() {},
  // wait resumes on any interrupt; a Linux-user process always has one pending soon.
  wait() {},

  dcbz(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31) & ~(CACHE_BLOCK - 1);
    const hi = s.tmpHi;
    // One block never crosses a page: the first store faults before any byte changes.
    for (let k = 0; k < CACHE_BLOCK; k += 8) s.mem.write64(hi, (lo + k) | 0, 0, 0, true);
  },

  // Touch hints: never fault.
  dcbt() {},
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

  icbi(s, i) {
    const lo = eaIndexed(s, (i >>> 16) & 31, (i >>> 11) & 31);
    const hi = s.tmpHi;
    s.mem.read8(hi, lo);
    s.onIcbi?.(hi, lo & ~(CACHE_BLOCK - 1));
  },
};
