// Architected state of one POWER9 hardware thread, as problem state sees it.
//
// 64-bit registers are kept as two int32 halves (lo, hi): see docs/registers.md
// for the measurement behind that choice. VSRs are 4 words each, word 0 the most
// significant (ISA element order); FPR i is doubleword 0 of VSR i, VR i is VSR 32+i.

import type { GuestMemory } from '../../memory/guest-memory.js';

export const MSR_LE = 1;

export class CpuState {
  readonly gprLo = new Int32Array(32);
  readonly gprHi = new Int32Array(32);

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

  /** MSR[LE]: true when the thread runs little-endian. */
  le = true;

  // Load-and-reserve: one reservation granule.
  resValid = false;
  resHi = 0;
  resLo = 0;
  resSize = 0;

  /** Instructions retired. */
  icount = 0;

  /** Scratch: high word returned by helpers that compute 64-bit values. */
  tmpHi = 0;

  /** Run loop scratch: instructions a compiled block retired in earlier loop iterations (exec-block.ts). */
  blockRetired = 0;

  /** Called by icbi with the block's address (the run loop drops decoded code there). */
  onIcbi: ((hi: number, lo: number) => void) | undefined;

  /** Time base source (ticks as a double; 512 MHz like POWER9). Replaceable for determinism. */
  timebase: () => number = () => Math.floor(globalThis.performance.now() * 512_000);

  constructor(public mem: GuestMemory) {}

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
