// Taking an interrupt in a partition (Book III 7.4, "Interrupt Processing"),
// and what a handler's trap means as an architected interrupt.
//
// Everything here is for a thread running a guest partition (MSR[HV]=0):
// interrupts the partition takes itself go through SRR0/SRR1 to its own
// vectors; hypervisor interrupts (HSRR0/HSRR1) leave the run loop and reach
// the hypervisor core as data (interrupt.ts).

import type { CpuState } from './state.js';
import { CpuTrap } from './trap.js';
import {
  Interrupt,
  SRR1_CAUSE_MASK,
  SRR1_PROG_FPE,
  SRR1_PROG_PRIV,
  SRR1_PROG_TRAP,
  VEC_ALIGNMENT,
  VEC_HEAI,
  VEC_MACHINE_CHECK,
  VEC_PROGRAM,
  VEC_SYSCALL,
  VEC_SYSTEM_RESET,
} from './interrupt.js';
import { MSRH_HV, MSRH_SF, MSR_DR, MSR_EE, MSR_IR, MSR_LE, MSR_ME, MSR_RI, MSR_S, MODE_32 } from './msr.js';
import { SPR_DAR, SPR_DSISR, SPR_LPCR, SPR_SRR0, SPR_SRR1 } from './spr.js';

// LPCR fields (low word) that shape delivery.
export const LPCR_ILE = 0x02000000; // bit 38: interrupts little-endian
export const LPCR_AIL_MASK = 0x01800000; // bits 39:40: alternate interrupt location
export const LPCR_AIL_SHIFT = 23;

/**
 * The interrupt a handler's trap raises in a partition. `word` is the
 * instruction (HEIR for a hypervisor emulation assistance interrupt), `le`
 * the byte order it was fetched in.
 */
export function trapInterrupt(t: CpuTrap, word: number, le: boolean): Interrupt {
  switch (t.kind) {
    case 'syscall':
      // sc LEV=1 is a hypercall: to the hypervisor (which refuses it from
      // problem state); every other level is the partition's own system call.
      return new Interrupt(VEC_SYSCALL, 0, t.code === 1, 0, 0, 0, word, true);
    case 'privileged':
      return new Interrupt(VEC_PROGRAM, SRR1_PROG_PRIV, false, 0, 0, 0, word);
    case 'trap':
      return new Interrupt(VEC_PROGRAM, SRR1_PROG_TRAP, false, 0, 0, 0, word);
    case 'fp':
      return new Interrupt(VEC_PROGRAM, SRR1_PROG_FPE, false, 0, 0, 0, word);
    case 'bus':
      return new Interrupt(VEC_ALIGNMENT, 0, false, t.addrHi, t.addrLo, alignmentDsisr(word, le), word);
    default:
      // Illegal or unimplemented: POWER9 raises HEAI so the hypervisor may emulate it.
      return new Interrupt(VEC_HEAI, 0, true, 0, 0, 0, word);
  }
}

/**
 * DSISR after an alignment interrupt: the ISA leaves it undefined; like QEMU
 * it holds instruction bits 6:15 (RT/RS and RA), taken from the word as
 * stored big-endian (QEMU reads the instruction that way in either mode).
 */
function alignmentDsisr(word: number, le: boolean): number {
  const w = le ? ((word & 0xff) << 24) | ((word & 0xff00) << 8) | ((word >>> 8) & 0xff00) | (word >>> 24) : word;
  return (w & 0x03ff0000) >>> 16;
}

/**
 * Deliver `intr` to the partition: SRR0/SRR1 (and DAR/DSISR for storage
 * interrupts), the new MSR, and nip at the vector. LPCR[ILE] picks the byte
 * order; LPCR[AIL] relocates interrupts taken with translation on.
 */
export function deliver(s: CpuState, intr: Interrupt): void {
  const msrHi = s.msrHi;
  const msrLo = s.msrLo;
  s.sprHi[SPR_SRR0] = intr.nipHi;
  s.sprLo[SPR_SRR0] = intr.nipLo;
  s.sprHi[SPR_SRR1] = msrHi;
  s.sprLo[SPR_SRR1] = (msrLo & ~SRR1_CAUSE_MASK) | (intr.srr1 & SRR1_CAUSE_MASK);
  if (intr.vector === 0x300 || intr.vector === 0x600) {
    s.sprHi[SPR_DAR] = intr.darHi;
    s.sprLo[SPR_DAR] = intr.darLo;
    s.sprLo[SPR_DSISR] = intr.dsisr;
  } else if (intr.vector === 0x380) {
    // Data segment: DAR only (DSISR keeps its value, as QEMU leaves it).
    s.sprHi[SPR_DAR] = intr.darHi;
    s.sprLo[SPR_DAR] = intr.darLo;
  }
  const lpcr = s.sprLo[SPR_LPCR]!;
  const vec = intr.vector;
  // New MSR: 64-bit, HV and S unchanged, ME unchanged (cleared by a machine
  // check), LE from LPCR[ILE], everything else off (Figure 68 of ISA 3.0B).
  let hi = MSRH_SF | (msrHi & MSRH_HV);
  let lo = (msrLo & (MSR_ME | MSR_S)) | (lpcr & LPCR_ILE ? MSR_LE : 0);
  if (vec === VEC_MACHINE_CHECK) lo &= ~MSR_ME;
  let baseHi = 0;
  let baseLo = 0;
  const ail = (lpcr & LPCR_AIL_MASK) >>> LPCR_AIL_SHIFT;
  if (ail >= 2 && (msrLo & (MSR_IR | MSR_DR)) === (MSR_IR | MSR_DR) && vec !== VEC_SYSTEM_RESET && vec !== VEC_MACHINE_CHECK) {
    lo |= MSR_IR | MSR_DR;
    if (ail === 3) {
      baseHi = 0xc0000000 | 0;
      baseLo = 0x4000;
    } else baseLo = 0x18000;
  }
  s.setMsr(hi, lo);
  s.nipHi = baseHi;
  s.nipLo = (baseLo + vec) | 0;
}

/** rfid: return from interrupt (Book III 5.4.4): MSR from SRR1 under the architected rules, nip from SRR0. */
export function rfid(s: CpuState): void {
  returnTo(s, s.sprHi[SPR_SRR0]!, s.sprLo[SPR_SRR0]!, s.sprHi[SPR_SRR1]!, s.sprLo[SPR_SRR1]!);
}

/** rfscv: return from a system call vectored — nip from LR, MSR from CTR, under rfid's rules. */
export function rfscv(s: CpuState): void {
  returnTo(s, s.lrHi, s.lrLo, s.ctrHi, s.ctrLo);
}

/**
 * scv LEV (Book III 7.5.18) with FSCR[SCV]=1, as QEMU 7.2 does it (measured:
 * tests/guests/scv.c): LR = the next instruction, CTR = the MSR, SRR0/SRR1
 * untouched; the new MSR keeps EE, RI and ME, sets SF, takes LE from
 * LPCR[ILE], and has IR/DR only when LPCR[AIL] is 2 or 3 and both were on;
 * everything else (PR, FP, VEC, VSX) is 0. The vector is
 * 0xc000000000003000 + 0x20*LEV when AIL=3 and IR=DR=1, else 0x17000 + 0x20*LEV.
 */
export function scvInterrupt(s: CpuState, lev: number): void {
  const msrHi = s.msrHi;
  const msrLo = s.msrLo;
  s.lrHi = s.nipHi;
  s.lrLo = s.nipLo;
  s.ctrHi = msrHi;
  s.ctrLo = msrLo;
  const lpcr = s.sprLo[SPR_LPCR]!;
  const ail = (lpcr & LPCR_AIL_MASK) >>> LPCR_AIL_SHIFT;
  const reloc = (msrLo & (MSR_IR | MSR_DR)) === (MSR_IR | MSR_DR);
  const hi = MSRH_SF | (msrHi & MSRH_HV);
  let lo = (msrLo & (MSR_EE | MSR_RI | MSR_ME | MSR_S)) | (lpcr & LPCR_ILE ? MSR_LE : 0);
  if (reloc && ail >= 2) lo |= MSR_IR | MSR_DR;
  s.setMsr(hi, lo);
  if (reloc && ail === 3) {
    s.nipHi = 0xc0000000 | 0;
    s.nipLo = 0x3000 + 0x20 * lev;
  } else {
    s.nipHi = 0;
    s.nipLo = 0x17000 + 0x20 * lev;
  }
}

/** Return from an interrupt to (nipHi, nipLo) with MSR (msrHi, msrLo), under the architected rules. */
function returnTo(s: CpuState, nipHi: number, nipLo: number, srrHi: number, srrLo: number): void {
  const hv = s.msrHi & MSRH_HV;
  let hi = (srrHi & ~MSRH_HV) | (hv & srrHi);
  // MSR bits 33:36 and 42:47 are not MSR bits: SRR1's cause bits stay out.
  let lo = srrLo & ~SRR1_CAUSE_MASK;
  // ME and S change only in hypervisor state.
  if (!hv) lo = (lo & ~(MSR_ME | MSR_S)) | (s.msrLo & (MSR_ME | MSR_S));
  lo = withProblemStateRules(lo);
  hi &= ~0x00000006; // no transactional memory: TS stays 0
  s.setMsr(hi, lo);
  setNipFrom(s, nipHi, nipLo & ~3);
}

/** MSR[PR]=1 forces EE, IR and DR on (mtmsr, mtmsrd and rfid all apply it). */
export function withProblemStateRules(lo: number): number {
  if (lo & 0x4000) lo |= 0x8000 | MSR_IR | MSR_DR;
  return lo;
}

/** Set nip, truncated to 32 bits in 32-bit mode. */
export function setNipFrom(s: CpuState, hi: number, lo: number): void {
  s.nipHi = s.mode & MODE_32 ? 0 : hi;
  s.nipLo = lo;
}
