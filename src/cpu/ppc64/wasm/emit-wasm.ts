// The wasm tier's code generator for one block (wasm-block.ts assembles
// it): inline i64 code for the ALU forms, compares and simple branches,
// GPR loads and stores with the data TLB probed inline (host-memory.ts),
// and the exits that leave or loop the block as exec-block.ts's JS blocks
// do. Addresses are the thread's register file (regfile.ts) in the
// memory the block imports.

import { mask64, RA, RB, relTarget, RT, SI, type EmitSlot } from '../exec-emit.js';
import { M_TLB, M_CR, M_CTR_HI, M_CTR_LO, M_LR_HI, M_LR_LO, M_NIP_HI, M_NIP_LO, M_RETIRED, M_SO, RF_GPR_HI, RF_GPR_LO, RF_MIRROR } from '../regfile.js';
import { FuncBody, OP } from './encoder.js';
import type { AccessForm } from '../access.js';
import { TLB_ENTRIES, TLB_SLOTS } from '../mmu/tlb.js';
import { PHYS_PAGE_SHIFT, PHYS_PAGE_SIZE } from '../../../memory/phys-map.js';
import { CACHE_BLOCK } from '../interp/system.js';

// Locals: 0 rem (param), 1 n, 2 t (i32 scratch), 3 a, 4 b, 5 r (i64),
// 6 el, 7 eh (an effective address), 8 tb (the data TLB set), 9 ix (entry
// offset), 10 host (the byte's address in the memory) (i32).
const L_REM = 0;
export const L_N = 1;
const L_T = 2;
const L_A = 3;
const L_B = 4;
const L_R = 5;
const L_EL = 6;
const L_EH = 7;
const L_TB = 8;
const L_IX = 9;
const L_HOST = 10;

// A TLB set's data side in the memory (mmu.ts, TlbSet.base): six arrays of
// TLB_SLOTS int32s (way 0 first: what the inline probe looks at), read side
// then write side: tag lo, tag hi, offset.
const TLB_SIDE = 3 * 4 * TLB_SLOTS;
const TLB_TAG_HI = 4 * TLB_SLOTS;
const TLB_OFF = 8 * TLB_SLOTS;

/** Mnemonics with inline wasm (some forms of them still call the handler: OE=1, branches with a link or CTR target). */
export const WASM_EMITTED: ReadonlySet<string> = new Set([
  'addi', 'addis', 'add', 'subf', 'neg', 'and', 'or', 'xor', 'andc', 'orc', 'nor', 'nand', 'eqv',
  'ori', 'oris', 'xori', 'xoris', 'andi.', 'andis.', 'extsb', 'extsh', 'extsw',
  'rlwinm', 'rldicl', 'rldicr', 'rldic', 'cmp', 'cmpl', 'cmpi', 'cmpli', 'b', 'bc', 'bclr', 'bcctr',
  'mfspr', 'mtspr', 'mfcr', 'mfocrf', 'mtcrf', 'mtocrf', 'sync', 'eieio', 'isync', 'mulld', 'mullw', 'mulli', 'dcbz',
]);

/** SPR numbers of LR and CTR: the mfspr/mtspr forms with inline code (their mirror words). */
const SPR_MIRROR: Readonly<Record<number, readonly [number, number]>> = { 8: [M_LR_LO, M_LR_HI], 9: [M_CTR_LO, M_CTR_HI] };

/** The CR field of an mfocrf/mtocrf FXM with exactly one bit set, else -1 (the form is then a no-op, as in the handler). */
function oneField(fxm: number): number {
  if (fxm === 0 || (fxm & (fxm - 1)) !== 0) return -1;
  return Math.clz32(fxm) - 24;
}

/** The CR bits an mtcrf FXM selects. */
function crMask(fxm: number): number {
  let mask = 0;
  for (let f = 0; f < 8; f++) if (fxm & (0x80 >>> f)) mask |= 0xf0000000 >>> (4 * f);
  return mask;
}

/** The emitter's view of one slot: the JS emitter's, without a lookaside (no inline memory access yet). */
export type Slot = Omit<EmitSlot, 'la'>;

/** Emits one block's function body. */
export class BlockEmitter {
  readonly b = new FuncBody();
  /** Nesting of blocks/ifs between the current position and the loop (or function) body. */
  depth = 0;

  constructor(
    private readonly head: Slot,
    private readonly len: number,
    private readonly loops: boolean,
    /** Where the thread's register file starts in the memory. */
    private readonly rf: number,
  ) {}

  /** Address of mirror word i. */
  m(i: number): number {
    return this.rf + RF_MIRROR + 4 * i;
  }

  // ---- registers ----

  /** Push GPR r as i64. */
  gpr(r: number): void {
    const b = this.b;
    b.load32(this.rf + RF_GPR_LO + 4 * r).op(OP.i64ExtendI32U);
    b.load32(this.rf + RF_GPR_HI + 4 * r).op(OP.i64ExtendI32U).i64(0, 32).op(OP.i64Shl);
    b.op(OP.i64Or);
  }

  /** Push (ra|0) as i64: 0 when ra is 0. */
  gprOrZero(r: number): void {
    if (r === 0) this.b.i64(0, 0);
    else this.gpr(r);
  }

  /** GPR r = the i64 in local `l`. */
  setGpr(r: number, l: number): void {
    const b = this.b;
    b.base().get(l).op(OP.i32WrapI64).store32(this.rf + RF_GPR_LO + 4 * r);
    b.base().get(l).i64(0, 32).op(OP.i64ShrU).op(OP.i32WrapI64).store32(this.rf + RF_GPR_HI + 4 * r);
  }

  /** Push the 4-bit compare result of the i64 (or i32, narrow) values in a/b: LT 8, GT 4, EQ 2. */
  compare(signed: boolean, narrow: boolean): void {
    const b = this.b;
    const lt = narrow ? (signed ? OP.i32LtS : OP.i32LtU) : signed ? OP.i64LtS : OP.i64LtU;
    const gt = narrow ? (signed ? OP.i32GtS : OP.i32GtU) : signed ? OP.i64GtS : OP.i64GtU;
    const operand = (l: number) => {
      b.get(l);
      if (narrow) b.op(OP.i32WrapI64);
    };
    b.i32(8).i32(4).i32(2);
    operand(L_A);
    operand(L_B);
    b.op(gt).op(OP.select);
    operand(L_A);
    operand(L_B);
    b.op(lt).op(OP.select);
  }

  /** CR field bf = the compare result on the stack | XER[SO]. */
  setCrField(bf: number): void {
    const b = this.b;
    const sh = 28 - 4 * bf;
    b.set(L_T);
    b.base().load32(this.m(M_CR)).i32(~(0xf << sh)).op(OP.i32And);
    b.get(L_T).load32(this.m(M_SO)).op(OP.i32Or).i32(sh).op(OP.i32Shl).op(OP.i32Or);
    b.store32(this.m(M_CR));
  }

  /** CR0 from the i64 in L_R (a record form). */
  cr0(): void {
    const b = this.b;
    b.get(L_R).set(L_A);
    b.i64(0, 0).set(L_B);
    this.compare(true, false);
    this.setCrField(0);
  }

  /** Write the i64 in L_R to GPR r, then CR0 if the word's Rc bit is set. */
  result(w: number, r: number): void {
    this.setGpr(r, L_R);
    if (w & 1) this.cr0();
  }

  // ---- nip and exits ----

  setNip(s: Slot): void {
    this.b.base().i32(s.nextLo).store32(this.m(M_NIP_LO));
    if (s.nextLo === 0) this.b.base().i32(s.nextHi).store32(this.m(M_NIP_HI));
  }

  /** Leave (or loop) with `retired` instructions of this pass retired. */
  exit(retired: number): void {
    const b = this.b;
    b.get(L_N).i32(retired).op(OP.i32Add).set(L_N);
    if (this.loops) {
      // Back to the head while nip is there and one more full pass fits the budget.
      b.load32(this.m(M_NIP_LO)).i32(this.head.lo).op(OP.i32Eq);
      b.load32(this.m(M_NIP_HI)).i32(this.head.hi).op(OP.i32Eq).op(OP.i32And);
      b.get(L_N).i32(this.len).op(OP.i32Add).get(L_REM).op(OP.i32LeU).op(OP.i32And);
      b.op(OP.if).byte(0x40);
      b.base().get(L_N).store32(this.m(M_RETIRED));
      b.op(OP.br).u32(this.depth + 1);
      b.op(OP.end);
    }
    b.get(L_N).op(OP.return);
  }

  /** Set nip to a constant target and exit. */
  jump(hi: number, lo: number, retired: number): void {
    this.b.base().i32(lo).store32(this.m(M_NIP_LO));
    this.b.base().i32(hi).store32(this.m(M_NIP_HI));
    this.exit(retired);
  }

  link(s: Slot): void {
    this.b.base().i32(s.nextLo).store32(this.m(M_LR_LO));
    this.b.base().i32(s.nextHi).store32(this.m(M_LR_HI));
  }

  /**
   * The BO/BI test of a conditional branch word: decrements CTR when BO[2]
   * is 0, then leaves the i32 "taken" on the stack and returns true; returns
   * false (nothing pushed) when the branch is unconditional.
   */
  condition(w: number): boolean {
    const b = this.b;
    const bo = (w >>> 21) & 31;
    const bi = (w >>> 16) & 31;
    let terms = 0;
    if ((bo & 4) === 0) {
      // CTR -= 1 (64 bits), then test it against zero.
      b.load32(this.m(M_CTR_LO)).op(OP.i64ExtendI32U).load32(this.m(M_CTR_HI)).op(OP.i64ExtendI32U).i64(0, 32).op(OP.i64Shl).op(OP.i64Or);
      b.i64(0, 1).op(OP.i64Sub).set(L_A);
      b.base().get(L_A).op(OP.i32WrapI64).store32(this.m(M_CTR_LO));
      b.base().get(L_A).i64(0, 32).op(OP.i64ShrU).op(OP.i32WrapI64).store32(this.m(M_CTR_HI));
      b.get(L_A).op(OP.i64Eqz);
      if (!(bo & 2)) b.op(OP.i32Eqz);
      terms++;
    }
    if ((bo & 16) === 0) {
      b.load32(this.m(M_CR)).i32(31 - bi).op(OP.i32ShrU).i32(1).op(OP.i32And).i32((bo >>> 3) & 1).op(OP.i32Eq);
      if (terms) b.op(OP.i32And);
      terms++;
    }
    return terms > 0;
  }

  // ---- memory ----

  /** Byte-swap the i32 on the stack. */
  bswap32(): void {
    const b = this.b;
    b.tee(L_T).i32(24).op(OP.i32ShrU);
    b.get(L_T).i32(8).op(OP.i32ShrU).i32(0xff00).op(OP.i32And).op(OP.i32Or);
    b.get(L_T).i32(8).op(OP.i32Shl).i32(0xff0000).op(OP.i32And).op(OP.i32Or);
    b.get(L_T).i32(24).op(OP.i32Shl).op(OP.i32Or);
  }

  /** Byte-swap the low halfword of the i32 on the stack (the rest zero). */
  bswap16(): void {
    const b = this.b;
    b.tee(L_T).i32(8).op(OP.i32ShrU).i32(0xff).op(OP.i32And);
    b.get(L_T).i32(0xff).op(OP.i32And).i32(8).op(OP.i32Shl).op(OP.i32Or);
  }

  /**
   * A GPR load or store (access.ts's form `f`) with the data TLB probed
   * inline: on a hit whose page is in this memory, the access itself; else
   * (a miss, a page elsewhere, MMIO, a page-crossing access) `slow`, which
   * calls the handler. `le`: the thread's byte order (fixed per block).
   */
  access(s: Slot, f: AccessForm, le: boolean, slow: () => void): void {
    const b = this.b;
    const w = s.w;
    const ra = RA(w);
    const n = f.size;
    // EA = (RA|0) + d or RB.
    this.gprOrZero(ra);
    if (f.ea === 'x') this.gpr(RB(w));
    else {
      const d = f.ea === 'ds' ? SI(w) & ~3 : SI(w);
      b.i64(d >> 31, d);
    }
    b.op(OP.i64Add).tee(L_A).op(OP.i32WrapI64).set(L_EL);
    b.get(L_A).i64(0, 32).op(OP.i64ShrU).op(OP.i32WrapI64).set(L_EH);
    this.probe(f.store, n, () => this.accessHit(s, f, le), slow);
  }

  /**
   * The data TLB probe for an access of `n` bytes at (L_EH, L_EL): on a hit
   * whose page is in this memory, L_HOST is the byte's address and `hit`
   * runs; else (a miss — way 1 included, which the MMU looks at —, a page
   * elsewhere, MMIO, a page-crossing access) `slow`.
   */
  private probe(store: boolean, n: number, hit: () => void, slow: () => void): void {
    const b = this.b;
    const side = store ? TLB_SIDE : 0;
    b.op(OP.block).byte(0x40); // done
    b.op(OP.block).byte(0x40); // slow
    b.load32(this.m(M_TLB)).tee(L_TB).i32(0).op(OP.i32LtS).op(OP.brIf).u32(0);
    // ix = foldedLookasideIndex(el >>> 12, eh, TLB_ENTRIES) (the MMU's TLB), as a byte offset
    b.get(L_EL).i32(PHYS_PAGE_SHIFT).op(OP.i32ShrU).get(L_EL).i32(PHYS_PAGE_SHIFT + 10).op(OP.i32ShrU).op(OP.i32Xor);
    b.get(L_EH).i32(12).op(OP.i32ShrU).op(OP.i32Xor).i32(TLB_ENTRIES - 1).op(OP.i32And).i32(2).op(OP.i32Shl);
    b.get(L_TB).op(OP.i32Add).set(L_IX);
    b.get(L_IX).mem(OP.i32Load, side, 2).get(L_EL).i32(PHYS_PAGE_SHIFT).op(OP.i32ShrU).op(OP.i32Ne).op(OP.brIf).u32(0);
    b.get(L_IX).mem(OP.i32Load, side + TLB_TAG_HI, 2).get(L_EH).op(OP.i32Ne).op(OP.brIf).u32(0);
    if (n > 1) b.get(L_EL).i32(PHYS_PAGE_SIZE - 1).op(OP.i32And).i32(PHYS_PAGE_SIZE - n).op(OP.i32GtU).op(OP.brIf).u32(0);
    b.get(L_IX).mem(OP.i32Load, side + TLB_OFF, 2).tee(L_HOST).i32(0).op(OP.i32LtS).op(OP.brIf).u32(0);
    b.get(L_HOST).get(L_EL).i32(PHYS_PAGE_SIZE - 1).op(OP.i32And).op(OP.i32Add).set(L_HOST);
    hit();
    b.op(OP.br).u32(1);
    b.op(OP.end); // slow
    slow();
    b.op(OP.end); // done
  }

  /** The access itself, at L_HOST (a probe hit). */
  private accessHit(s: Slot, f: AccessForm, le: boolean): void {
    const b = this.b;
    const w = s.w;
    const ra = RA(w);
    const n = f.size;
    const swap = le === f.reversed; // a big-endian access on this little-endian host
    const rt = RT(w);
    const lo = this.rf + RF_GPR_LO;
    const hi = this.rf + RF_GPR_HI;
    if (!f.store) {
      if (n === 8) {
        b.base().get(L_HOST).mem(OP.i32Load, swap ? 4 : 0);
        if (swap) this.bswap32();
        b.store32(lo + 4 * rt);
        b.base().get(L_HOST).mem(OP.i32Load, swap ? 0 : 4);
        if (swap) this.bswap32();
        b.store32(hi + 4 * rt);
      } else {
        b.get(L_HOST).mem(n === 1 ? OP.i32Load8U : n === 2 ? OP.i32Load16U : OP.i32Load, 0);
        if (swap && n === 2) this.bswap16();
        if (swap && n === 4) this.bswap32();
        if (f.value === 's' && n === 2) b.i32(16).op(OP.i32Shl).i32(16).op(OP.i32ShrS);
        b.set(L_T);
        b.base().get(L_T).store32(lo + 4 * rt);
        b.base();
        if (f.value === 's') b.get(L_T).i32(31).op(OP.i32ShrS);
        else b.i32(0);
        b.store32(hi + 4 * rt);
      }
    } else if (n === 8) {
      b.get(L_HOST).load32((swap ? hi : lo) + 4 * rt);
      if (swap) this.bswap32();
      b.mem(OP.i32Store, 0);
      b.get(L_HOST).load32((swap ? lo : hi) + 4 * rt);
      if (swap) this.bswap32();
      b.mem(OP.i32Store, 4);
    } else {
      b.get(L_HOST).load32(lo + 4 * rt);
      if (swap && n === 2) this.bswap16();
      if (swap && n === 4) this.bswap32();
      b.mem(n === 1 ? OP.i32Store8 : n === 2 ? OP.i32Store16 : OP.i32Store, 0);
    }
    if (f.update) {
      b.base().get(L_EL).store32(lo + 4 * ra);
      b.base().get(L_EH).store32(hi + 4 * ra);
    }
  }

  /**
   * dcbz: the 128-byte block at (RA|0) + RB, aligned down, zeroed in place
   * when the write side of the TLB holds its page in this memory (a block
   * never crosses a page); else `slow` (the handler: faults, MMIO, code).
   * Linux clears pages with it (each first touch of an L2 page clears 64 KiB).
   */
  dcbz(s: Slot, slow: () => void): void {
    const b = this.b;
    this.gprOrZero(RA(s.w));
    this.gpr(RB(s.w));
    b.op(OP.i64Add).tee(L_A).op(OP.i32WrapI64).i32(~(CACHE_BLOCK - 1)).op(OP.i32And).set(L_EL);
    b.get(L_A).i64(0, 32).op(OP.i64ShrU).op(OP.i32WrapI64).set(L_EH);
    this.probe(true, CACHE_BLOCK, () => b.get(L_HOST).i32(0).i32(CACHE_BLOCK).memoryFill(), slow);
  }

  // ---- instructions ----

  /** Inline code for slot k, or false (the caller calls the handler). */
  emit(s: Slot, k: number): boolean {
    const w = s.w;
    const b = this.b;
    switch (s.mnem) {
      case 'addi':
      case 'addis': {
        this.gprOrZero(RA(w));
        const v = s.mnem === 'addi' ? SI(w) : w << 16;
        b.i64(v >> 31, v).op(OP.i64Add).set(L_R);
        this.setGpr(RT(w), L_R);
        return true;
      }
      case 'add':
      case 'subf':
      case 'mulld':
        if (w & 0x400) return false; // OE: the handler sets XER[OV]
        if (s.mnem === 'subf') {
          this.gpr(RB(w));
          this.gpr(RA(w));
        } else {
          this.gpr(RA(w));
          this.gpr(RB(w));
        }
        b.op(s.mnem === 'add' ? OP.i64Add : s.mnem === 'subf' ? OP.i64Sub : OP.i64Mul).set(L_R);
        this.result(w, RT(w));
        return true;
      case 'mullw':
        if (w & 0x400) return false;
        // The low words, sign-extended: their 64-bit product is exact.
        b.load32(this.rf + RF_GPR_LO + 4 * RA(w)).op(OP.i64ExtendI32S);
        b.load32(this.rf + RF_GPR_LO + 4 * RB(w)).op(OP.i64ExtendI32S);
        b.op(OP.i64Mul).set(L_R);
        this.result(w, RT(w));
        return true;
      case 'mulli':
        this.gpr(RA(w));
        b.i64(SI(w) >> 31, SI(w)).op(OP.i64Mul).set(L_R);
        this.setGpr(RT(w), L_R);
        return true;
      case 'neg':
        if (w & 0x400) return false;
        b.i64(0, 0);
        this.gpr(RA(w));
        b.op(OP.i64Sub).set(L_R);
        this.result(w, RT(w));
        return true;
      case 'and':
      case 'or':
      case 'xor':
      case 'andc':
      case 'orc':
      case 'nor':
      case 'nand':
      case 'eqv': {
        this.gpr(RT(w));
        this.gpr(RB(w));
        if (s.mnem === 'andc' || s.mnem === 'orc') b.i64(-1, -1).op(OP.i64Xor);
        b.op(s.mnem === 'and' || s.mnem === 'andc' || s.mnem === 'nand' ? OP.i64And : s.mnem === 'xor' || s.mnem === 'eqv' ? OP.i64Xor : OP.i64Or);
        if (s.mnem === 'nor' || s.mnem === 'nand' || s.mnem === 'eqv') b.i64(-1, -1).op(OP.i64Xor);
        b.set(L_R);
        this.result(w, RA(w));
        return true;
      }
      case 'ori':
      case 'oris':
      case 'xori':
      case 'xoris':
      case 'andi.':
      case 'andis.': {
        this.gpr(RT(w));
        const u = s.mnem.startsWith('andis') || s.mnem.endsWith('is') ? (w & 0xffff) * 0x10000 : w & 0xffff;
        b.i64(0, u | 0);
        b.op(s.mnem.startsWith('and') ? OP.i64And : s.mnem.startsWith('x') ? OP.i64Xor : OP.i64Or).set(L_R);
        this.setGpr(RA(w), L_R);
        if (s.mnem.startsWith('and')) this.cr0();
        return true;
      }
      case 'extsb':
      case 'extsh':
      case 'extsw': {
        const n = s.mnem === 'extsb' ? 56 : s.mnem === 'extsh' ? 48 : 32;
        this.gpr(RT(w));
        b.i64(0, n).op(OP.i64Shl).i64(0, n).op(OP.i64ShrS).set(L_R);
        this.result(w, RA(w));
        return true;
      }
      case 'rlwinm': {
        // ROTL32 of the low word, replicated into both halves, masked by MASK(mb+32, me+32).
        const [mh, ml] = mask64(((w >>> 6) & 31) + 32, ((w >>> 1) & 31) + 32);
        b.load32(this.rf + RF_GPR_LO + 4 * RT(w)).op(OP.i64ExtendI32U).tee(L_A).get(L_A).i64(0, 32).op(OP.i64Shl).op(OP.i64Or);
        b.i64(0, (w >>> 11) & 31).op(OP.i64Rotl).i64(mh, ml).op(OP.i64And).set(L_R);
        this.result(w, RA(w));
        return true;
      }
      case 'rldicl':
      case 'rldicr':
      case 'rldic': {
        const sh = ((w >>> 11) & 31) | ((w & 2) << 4);
        const m = ((w >>> 6) & 31) | (w & 0x20);
        const [mh, ml] = s.mnem === 'rldicl' ? mask64(m, 63) : s.mnem === 'rldicr' ? mask64(0, m) : mask64(m, 63 - sh);
        this.gpr(RT(w));
        b.i64(0, sh).op(OP.i64Rotl).i64(mh, ml).op(OP.i64And).set(L_R);
        this.result(w, RA(w));
        return true;
      }
      case 'cmp':
      case 'cmpl':
      case 'cmpi':
      case 'cmpli': {
        const signed = s.mnem === 'cmp' || s.mnem === 'cmpi';
        this.gpr(RA(w));
        b.set(L_A);
        if (s.mnem === 'cmp' || s.mnem === 'cmpl') this.gpr(RB(w));
        else if (signed) b.i64(SI(w) >> 31, SI(w));
        else b.i64(0, w & 0xffff);
        b.set(L_B);
        this.compare(signed, (w & 0x200000) === 0);
        this.setCrField((w >>> 23) & 7);
        return true;
      }
      case 'b': {
        const disp = ((w << 6) >> 6) & ~3;
        const [th, tl] = w & 2 ? [disp < 0 ? -1 : 0, disp] : relTarget(s.hi, s.lo, disp);
        if (w & 1) this.link(s);
        this.jump(th, tl, k + 1);
        return true;
      }
      case 'bc': {
        const disp = ((w << 16) >> 16) & ~3;
        const [th, tl] = w & 2 ? [disp < 0 ? -1 : 0, disp] : relTarget(s.hi, s.lo, disp);
        if (w & 1) this.link(s);
        if (!this.condition(w)) {
          this.jump(th, tl, k + 1);
          return true;
        }
        b.op(OP.if).byte(0x40);
        this.depth++;
        this.jump(th, tl, k + 1);
        this.depth--;
        b.op(OP.end);
        return true;
      }
      case 'bclr':
      case 'bcctr': {
        // The target is the old LR or CTR (read before LK or the CTR
        // decrement). bcctr with BO[2] = 0 (an invalid form) calls the handler.
        const ctr = s.mnem === 'bcctr';
        if (ctr && (((w >>> 21) & 4) === 0)) return false;
        b.load32(this.m(ctr ? M_CTR_LO : M_LR_LO)).i32(~3).op(OP.i32And).set(L_EL);
        b.load32(this.m(ctr ? M_CTR_HI : M_LR_HI)).set(L_EH);
        if (w & 1) this.link(s);
        const test = this.condition(w);
        if (test) {
          b.op(OP.if).byte(0x40);
          this.depth++;
        }
        b.base().get(L_EL).store32(this.m(M_NIP_LO));
        b.base().get(L_EH).store32(this.m(M_NIP_HI));
        this.exit(k + 1);
        if (test) {
          this.depth--;
          b.op(OP.end);
        }
        return true;
      }
      case 'mfspr':
      case 'mtspr': {
        const m = SPR_MIRROR[((w >>> 16) & 31) | (((w >>> 11) & 31) << 5)];
        if (m === undefined) return false;
        const r = RT(w);
        const lo = this.rf + RF_GPR_LO + 4 * r;
        const hi = this.rf + RF_GPR_HI + 4 * r;
        if (s.mnem === 'mfspr') {
          b.base().load32(this.m(m[0])).store32(lo);
          b.base().load32(this.m(m[1])).store32(hi);
        } else {
          b.base().load32(lo).store32(this.m(m[0]));
          b.base().load32(hi).store32(this.m(m[1]));
        }
        return true;
      }
      case 'mfcr':
      case 'mfocrf': {
        const f = s.mnem === 'mfcr' ? 0 : oneField((w >>> 12) & 0xff);
        if (f < 0) return true;
        b.base().load32(this.m(M_CR));
        if (s.mnem === 'mfocrf') b.i32(0xf0000000 >>> (4 * f)).op(OP.i32And);
        b.store32(this.rf + RF_GPR_LO + 4 * RT(w));
        b.base().i32(0).store32(this.rf + RF_GPR_HI + 4 * RT(w));
        return true;
      }
      case 'mtcrf':
      case 'mtocrf': {
        const fxm = (w >>> 12) & 0xff;
        const f = oneField(fxm);
        if (s.mnem === 'mtocrf' && f < 0) return true;
        const mask = s.mnem === 'mtcrf' ? crMask(fxm) : 0xf0000000 >>> (4 * f);
        b.base().load32(this.m(M_CR)).i32(~mask).op(OP.i32And);
        b.load32(this.rf + RF_GPR_LO + 4 * RT(w)).i32(mask).op(OP.i32And).op(OP.i32Or);
        b.store32(this.m(M_CR));
        return true;
      }
      case 'sync':
      case 'eieio':
      case 'isync':
        // One in-order thread: ordering has nothing to do (the handlers are empty too).
        return true;
      default:
        return false;
    }
  }
}
