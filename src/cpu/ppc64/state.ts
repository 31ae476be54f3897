// Architected state of one POWER9 hardware thread: the problem-state
// registers, the MSR and the SPRs a partition sees (spr.ts).
//
// 64-bit registers are kept as two int32 halves (lo, hi): see docs/registers.md
// for the measurement behind that choice. VSRs are 4 words each, word 0 the most
// significant (ISA element order); FPR i is doubleword 0 of VSR i, VR i is VSR 32+i.

import type { GuestMemory } from '../../memory/guest-memory.js';
import { M_TLB, newRegisterFile, RF_BYTES, RF_GPR_HI, RF_GPR_LO, RF_MIRROR, type RegisterFile } from './regfile.js';
import type { HostMemory } from '../../memory/host-memory.js';
import { modeOf, MSR_LE, MODE_LE, MSR_EE, MSR_RI, MSRH_SF } from './msr.js';

/**
 * The system MMU's side of the segment instructions and of the SPRs that
 * translation depends on (mmu/mmu.ts). Absent in Linux-user mode, where
 * these instructions are privileged and never reach it.
 */
export interface MmuOps {
  /** slbmte RS, RB (an invalid entry throws the program interrupt). */
  slbmte(rsHi: number, rsLo: number, rbHi: number, rbLo: number): void;
  /** slbmfee/slbmfev: the entry RB names (low word; high in tmpHi). */
  slbmfee(rbLo: number): number;
  slbmfev(rbLo: number): number;
  /** slbfee.: the VSID word of the entry translating RB, or undefined. */
  slbfee(rbHi: number, rbLo: number): number | undefined;
  slbie(rbHi: number, rbLo: number): void;
  slbia(ih: number): void;
  /** tlbie (local false) / tlbiel (local true): RB, RS and the RIC, PRS, R fields. */
  tlbie(rbHi: number, rbLo: number, rsHi: number, rsLo: number, ric: number, prs: number, r: number, local: boolean): void;
  /** An SPR that translation reads was written (AMR, IAMR, LPCR). */
  sprWritten(num: number): void;
}

export class CpuState {
  /** The register file compiled wasm blocks address (regfile.ts); gprLo/gprHi are views into it. */
  readonly regs: RegisterFile = newRegisterFile();
  readonly gprLo = new Int32Array(this.regs.buffer, RF_GPR_LO, 32);
  readonly gprHi = new Int32Array(this.regs.buffer, RF_GPR_HI, 32);
  /** The scalar registers' copy for wasm blocks (regfile.ts: M_*); the fields below are authoritative in JavaScript. */
  readonly mirror = new Int32Array(this.regs.buffer, RF_MIRROR, (RF_BYTES - RF_MIRROR) / 4);

  /** Condition register, 32 bits: CR0 is bits 31..28 (ISA bits 32:35). */
  cr = 0;

  // XER, split into its meaningful bits (each 0 or 1), plus the string byte count.
  so = 0;
  ov = 0;
  ca = 0;
  ov32 = 0;
  ca32 = 0;
  /** XER bits 57:63: byte count for lswx/stswx. */
  xerBC = 0;

  lrLo = 0;
  lrHi = 0;
  ctrLo = 0;
  ctrHi = 0;
  tarLo = 0;
  tarHi = 0;

  /**
   * Next instruction address. While a handler runs it already points past the
   * current instruction (current = nip - 4); branches overwrite it.
   */
  nipLo = 0;
  nipHi = 0;

  /** VSR i word j at vsr[4*i + j]; word 0 is the most significant. */
  readonly vsr = new Uint32Array(64 * 4);

  /** FPSCR bits 32:63 (the part user code sees through mffs). */
  fpscr = 0;
  /** FPSCR bits 0:31 (DRN). */
  fpscrHi = 0;

  /** VSCR: NJ is 0x00010000, SAT is 0x00000001. */
  vscr = 0x00010000;

  vrsave = 0;
  dscrLo = 0;
  dscrHi = 0;
  /** Program priority register, high word (PPR[11:13] priority). Medium (4) by default. */
  pprHi = 0x00100000;
  pprLo = 0;

  /** MSR as (hi, lo) halves: written only through setMsr(). */
  msrHi = MSRH_SF;
  msrLo = MSR_LE;
  /** The mode word derived from the MSR (msr.ts): what decoded code depends on. */
  mode = MODE_LE;
  /** MSR[LE], derived: true when the thread runs little-endian (read on every access). */
  le = true;

  /**
   * SPRs without a field of their own (spr.ts), by SPR number: value as
   * (hi, lo). Aliases (user SPRG3, PSSCR views…) resolve to one number.
   */
  readonly sprHi = new Int32Array(1024);
  readonly sprLo = new Int32Array(1024);

  /**
   * Decrementer: the timebase value at which DEC reads 0 (DEC = decBase - TB).
   * Doubles: exact for 2^53 ticks (over 200 days at 512 MHz).
   */
  decBase = 0x7fffffff;
  /** LPCR[LD] as the hypervisor set it: DEC is 64 bits wide (else 32). */
  largeDec = false;
  /** An external interrupt is presented to this thread (set by the hypervisor, e.g. LPCR[MER] mediation). */
  extPending = false;
  /** A directed privileged doorbell is pending for this thread (DPDES; msgsndp). Cleared when its interrupt is taken. */
  dbell = false;

  /**
   * Bumped whenever what the next instruction fetch or an interrupt check
   * depends on changes: an MSR write, a DEC write, a translation flush. The
   * run loop compares it after anything that may have changed it.
   */
  ctxGen = 0;

  /**
   * Bumped whenever the effective → physical mapping of instruction fetches
   * may have changed (a TLB flush, MSR[IR] or MSR[PR] switching the
   * translation context). A link between two compiled blocks, made by
   * effective address, holds only within one generation.
   */
  fetchGen = 0;

  /** The system MMU (segment instructions, translation SPRs); undefined in Linux-user mode. */
  mmuOps: MmuOps | undefined;

  /** Called after each MSR write (the MMU picks its translation context). */
  onMsrWrite: ((s: CpuState) => void) | undefined;

  // Load-and-reserve: one reservation granule.
  resValid = false;
  resHi = 0;
  resLo = 0;
  resSize = 0;

  /** Instructions retired. */
  icount = 0;
  /**
   * Interrupts delivered (system mode), or taken by the hypervisor for the
   * thread and resolved there (a nested guest's page fault). An interrupt
   * takes time like an instruction: deterministic time counts both, so a
   * guest in an interrupt storm that retires nothing still reaches its timer
   * deadlines.
   */
  delivered = 0;

  /** Scratch: high word returned by helpers that compute 64-bit values. */
  tmpHi = 0;

  /** Run loop scratch: instructions a compiled block retired in earlier loop iterations (exec-block.ts). */
  blockRetired = 0;

  /** Called by icbi with the block's address (the run loop drops decoded code there). */
  onIcbi: ((hi: number, lo: number) => void) | undefined;

  /** Time base source (ticks as a double; 512 MHz like POWER9). Replaceable for determinism. */
  timebase: () => number = () => Math.floor(globalThis.performance.now() * 512_000);

  constructor(
    public mem: GuestMemory,
    /** The VM's host memory to take the register file from instead (regfile.ts). */
    host?: HostMemory,
  ) {
    if (host) {
      // The same fields, as views of the host memory: set first in the
      // initializers above, so V8 keeps their type (fields first holding
      // undefined slowed the interpreter's real-mode phase of bench:exits by a third).
      this.regs = newRegisterFile(host);
      const b = this.regs.base;
      this.gprLo = new Int32Array(this.regs.buffer, b + RF_GPR_LO, 32);
      this.gprHi = new Int32Array(this.regs.buffer, b + RF_GPR_HI, 32);
      this.mirror = new Int32Array(this.regs.buffer, b + RF_MIRROR, (RF_BYTES - RF_MIRROR) / 4);
    }
    this.mirror[M_TLB] = -1;
  }

  // ---- MSR ----

  /** Write the MSR and recompute everything derived from it. */
  setMsr(hi: number, lo: number): void {
    const changedHi = (hi ^ this.msrHi) | 0;
    const changedLo = (lo ^ this.msrLo) | 0;
    this.msrHi = hi | 0;
    this.msrLo = lo | 0;
    if (changedHi === 0 && (changedLo & ~(MSR_EE | MSR_RI)) === 0) {
      // Only EE or RI (a kernel's interrupt enable/disable, mtmsrd L=1): no
      // mode, fetch or translation change. The run loop needs to look only if
      // an interrupt just became deliverable — the only thing its context
      // check would act on — so the blocks it chains stay chained.
      if (changedLo & MSR_EE && this.asyncPending()) this.ctxGen++;
      return;
    }
    this.mode = modeOf(hi, lo);
    this.le = (this.mode & MODE_LE) !== 0;
    this.ctxGen++;
    this.onMsrWrite?.(this);
  }

  get msr(): bigint {
    return (BigInt(this.msrHi >>> 0) << 32n) | BigInt(this.msrLo >>> 0);
  }

  set msr(v: bigint) {
    this.setMsr(Number((v >> 32n) & 0xffffffffn) | 0, Number(v & 0xffffffffn) | 0);
  }

  // ---- decrementer ----

  /** The DEC value now, as a signed number (32 or 64 bits wide per largeDec). */
  dec(): number {
    const v = this.decBase - this.timebase();
    if (this.largeDec) return v;
    return v | 0; // 32-bit register: wraps like the hardware's
  }

  setDec(v: number): void {
    this.decBase = this.timebase() + v;
    this.ctxGen++;
  }

  /** A decrementer exception exists (DEC's sign bit is set; level-triggered as on POWER9). */
  decPending(): boolean {
    return this.dec() < 0;
  }

  /** An asynchronous interrupt the partition takes now is pending and enabled (MSR[EE]). */
  asyncPending(): boolean {
    return (this.msrLo & MSR_EE) !== 0 && (this.extPending || this.decPending() || this.dbell);
  }

  // ---- 64-bit register helpers (hi/lo) for slow paths and host code ----

  /** GPR as an unsigned BigInt (tests, debuggers, syscalls). */
  getGpr(i: number): bigint {
    return (BigInt(this.gprHi[i]! >>> 0) << 32n) | BigInt(this.gprLo[i]! >>> 0);
  }

  setGpr(i: number, v: bigint): void {
    this.gprLo[i] = Number(v & 0xffffffffn) | 0;
    this.gprHi[i] = Number((v >> 32n) & 0xffffffffn) | 0;
  }

  /** GPR as a double; exact below 2^53 (addresses, sizes). */
  gprNum(i: number): number {
    return (this.gprHi[i]! >>> 0) * 4294967296 + (this.gprLo[i]! >>> 0);
  }

  setGprNum(i: number, v: number): void {
    if (v < 0) {
      this.setGpr(i, BigInt.asUintN(64, BigInt(v)));
      return;
    }
    this.gprLo[i] = v % 4294967296 | 0;
    this.gprHi[i] = Math.floor(v / 4294967296) | 0;
  }

  get nip(): number {
    return (this.nipHi >>> 0) * 4294967296 + (this.nipLo >>> 0);
  }

  set nip(v: number) {
    this.nipLo = v % 4294967296 | 0;
    this.nipHi = Math.floor(v / 4294967296) | 0;
  }

  /** XER as the 64-bit register's low word (upper word is zero). */
  getXer(): number {
    return ((this.so << 31) | (this.ov << 30) | (this.ca << 29) | (this.ov32 << 19) | (this.ca32 << 18) | (this.xerBC & 0x7f)) >>> 0;
  }

  setXer(v: number): void {
    this.so = (v >>> 31) & 1;
    this.ov = (v >>> 30) & 1;
    this.ca = (v >>> 29) & 1;
    this.ov32 = (v >>> 19) & 1;
    this.ca32 = (v >>> 18) & 1;
    this.xerBC = v & 0x7f;
  }
}
