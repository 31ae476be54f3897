// JavaScript source for the hottest instructions inside compiled blocks
// (exec-block.ts). Each emitter specializes one handler's semantics to a
// known instruction word: register numbers, immediates, rotate masks and
// branch targets become literals. An emitter returns undefined for forms it
// does not cover (OE=1, invalid forms that must trap, …); the block then
// calls the interpreter handler for that word, so the handler stays the
// reference. The snippet and random tests run with TSKVM_BLOCK_THRESHOLD=0
// to hold every emitter to the handlers' (QEMU-checked) results.
//
// Loads and stores come from their one description (access.ts).
//
// Generated code sees: `s` (CpuState), `L`/`H` (s.gprLo/s.gprHi),
// SP2DP/DP2SP (single<->double, for lfs/stfs), and when
// guest memory has a lookaside (GuestMemory.lookaside: Linux-user's page map,
// a system thread's TLB) its arrays (`RTL`/`RTH`/`RV` for reads, `WTL`/`WTH`/
// `WV` for writes): loads and stores probe it inline, the way the memory's
// own methods do, and call those methods on a miss or a page-crossing access
// (translation, faults, split accesses and refills stay in one place).

import { ACCESS_FORMS, accessSource, invalidForm, type LookasideGeometry } from './access.js';

/** What the block builder needs to know about the slot. */
export interface EmitSlot {
  readonly mnem: string;
  readonly w: number;
  /** Address of this instruction (hi, lo) and of the next one (nextHi, nextLo). */
  readonly hi: number;
  readonly lo: number;
  readonly nextHi: number;
  readonly nextLo: number;
  /** Geometry of the memory's lookaside, probed inline; undefined: call the memory's methods. */
  readonly la: LookasideGeometry | undefined;
}

export type { LookasideGeometry } from './access.js';

export interface Emitted {
  readonly code: string;
  /** The code may throw (memory access): nip must point past the instruction first. */
  readonly mayThrow: boolean;
  /**
   * A branch: the code sets nip itself, and `@EXIT@` in the code stands for the
   * statement that leaves (or loops) the block with this instruction retired.
   */
  readonly branch: boolean;
}

// Instruction fields (shared with the wasm tier, wasm/wasm-block.ts).
export const RT = (w: number) => (w >>> 21) & 31;
export const RA = (w: number) => (w >>> 16) & 31;
export const RB = (w: number) => (w >>> 11) & 31;
export const SI = (w: number) => (w << 16) >> 16;

/** CR0 from (hi, lo) expressions that are plain variables. */
function cr0(hi: string, lo: string): string {
  return `s.cr = (s.cr & 0x0fffffff) | (((${hi} < 0 ? 8 : (${hi} | ${lo}) !== 0 ? 4 : 2) | s.so) << 28);`;
}

/** Write (hi, lo) to GPR r, with CR0 when the word's Rc bit is set. */
function put(w: number, r: number, hi: string, lo: string): string {
  return `{ const rh = ${hi}, rl = ${lo}; H[${r}] = rh; L[${r}] = rl;${w & 1 ? ' ' + cr0('rh', 'rl') : ''} }`;
}

/** 64-bit MASK(mb, me), ISA numbering, wrapping when mb > me: [hi, lo] as int32 (the wasm tier uses it too). */
export function mask64(mb: number, me: number): [number, number] {
  let h = 0;
  let l = 0;
  const set = (b: number) => {
    if (b < 32) h |= 1 << (31 - b);
    else l |= 1 << (63 - b);
  };
  if (mb <= me) for (let b = mb; b <= me; b++) set(b);
  else {
    for (let b = mb; b < 64; b++) set(b);
    for (let b = 0; b <= me; b++) set(b);
  }
  return [h | 0, l | 0];
}

function andMask(x: string, m: number): string {
  if (m === 0) return '0';
  if (m === -1) return x;
  return `(${x} & ${m})`;
}

/** rotl64(H[rs]:L[rs], sh) & mask → RA. */
function rot64(w: number, sh: number, mh: number, ml: number): string {
  const rs = RT(w);
  let xh = `H[${rs}]`;
  let xl = `L[${rs}]`;
  if (sh & 32) [xh, xl] = [xl, xh];
  const n = sh & 31;
  const rh = n === 0 ? xh : `((${xh} << ${n}) | (${xl} >>> ${32 - n}))`;
  const rl = n === 0 ? xl : `((${xl} << ${n}) | (${xh} >>> ${32 - n}))`;
  return put(w, RA(w), andMask(rh, mh), andMask(rl, ml));
}

/** Compare into CR field bf: 32-bit (a, b int32 expressions) or 64-bit (pairs). */
function cmpCode(w: number, signed: boolean, ah: string, al: string, bh: string, bl: string): string {
  const sh = 28 - 4 * ((w >>> 23) & 7);
  let v: string;
  if (w & 0x200000) {
    const hiLess = signed ? `ah < bh` : `(ah >>> 0) < (bh >>> 0)`;
    v = `const ah = ${ah}, al = ${al}, bh = ${bh}, bl = ${bl}; const v = ah !== bh ? (${hiLess} ? 8 : 4) : al !== bl ? ((al >>> 0) < (bl >>> 0) ? 8 : 4) : 2;`;
  } else if (signed) {
    v = `const a = ${al}, b = ${bl}; const v = a < b ? 8 : a > b ? 4 : 2;`;
  } else {
    v = `const a = ${al} >>> 0, b = (${bl}) >>> 0; const v = a < b ? 8 : a > b ? 4 : 2;`;
  }
  return `{ ${v} s.cr = (s.cr & ${~(0xf << sh)}) | ((v | s.so) << ${sh}); }`;
}

/** 64-bit (hi, lo) of cia + disp as the branch handlers compute it. */
export function relTarget(hi: number, lo: number, disp: number): [number, number] {
  const r = (lo >>> 0) + (disp >>> 0);
  return [(hi + (disp < 0 ? -1 : 0) + (r > 0xffffffff ? 1 : 0)) | 0, r | 0];
}

function linkCode(e: EmitSlot): string {
  return `s.lrLo = ${e.nextLo}; s.lrHi = ${e.nextHi};`;
}

/** BO/BI condition (CTR decrement as a side effect) as a JS boolean expression after `pre`. */
function condCode(w: number): { pre: string; cond: string } {
  const bo = (w >>> 21) & 31;
  const bi = (w >>> 16) & 31;
  let pre = '';
  const parts: string[] = [];
  if ((bo & 4) === 0) {
    pre = 's.ctrLo === 0 && (s.ctrHi = (s.ctrHi - 1) | 0); s.ctrLo = (s.ctrLo - 1) | 0;';
    parts.push(bo & 2 ? '(s.ctrLo | s.ctrHi) === 0' : '(s.ctrLo | s.ctrHi) !== 0');
  }
  if ((bo & 16) === 0) parts.push(`((s.cr >>> ${31 - bi}) & 1) === ${(bo >>> 3) & 1}`);
  return { pre, cond: parts.length ? parts.join(' && ') : 'true' };
}

const ALU: Record<string, (w: number) => string | undefined> = {
  addi(w) {
    const rt = RT(w);
    const ra = RA(w);
    const si = SI(w);
    if (ra === 0) return `L[${rt}] = ${si}; H[${rt}] = ${si >> 31};`;
    return `{ const a = L[${ra}], r = (a + ${si}) | 0; H[${rt}] = (H[${ra}] + ${si >> 31} + ((r >>> 0) < (a >>> 0) ? 1 : 0)) | 0; L[${rt}] = r; }`;
  },
  addis(w) {
    const rt = RT(w);
    const ra = RA(w);
    const si = w << 16;
    if (ra === 0) return `H[${rt}] = ${si >> 31}; L[${rt}] = ${si};`;
    return `{ const a = L[${ra}], r = (a + ${si}) | 0; H[${rt}] = (H[${ra}] + ${si >> 31} + ((r >>> 0) < (a >>> 0) ? 1 : 0)) | 0; L[${rt}] = r; }`;
  },
  add(w) {
    if (w & 0x400) return undefined;
    const ra = RA(w);
    const rb = RB(w);
    return `{ const al = L[${ra}], l = (al + L[${rb}]) | 0; ${put(w, RT(w), `(H[${ra}] + H[${rb}] + ((l >>> 0) < (al >>> 0) ? 1 : 0)) | 0`, 'l')} }`;
  },
  subf(w) {
    // RT = ~RA + RB + 1 = RB - RA
    if (w & 0x400) return undefined;
    const ra = RA(w);
    const rb = RB(w);
    return `{ const bl = L[${rb}], al = L[${ra}], l = (bl - al) | 0; ${put(w, RT(w), `(H[${rb}] - H[${ra}] - ((bl >>> 0) < (al >>> 0) ? 1 : 0)) | 0`, 'l')} }`;
  },
  neg(w) {
    if (w & 0x400) return undefined;
    const ra = RA(w);
    return `{ const al = L[${ra}], l = (0 - al) | 0; ${put(w, RT(w), `(0 - H[${ra}] - (al !== 0 ? 1 : 0)) | 0`, 'l')} }`;
  },
  and: (w) => put(w, RA(w), `H[${RT(w)}] & H[${RB(w)}]`, `L[${RT(w)}] & L[${RB(w)}]`),
  andc: (w) => put(w, RA(w), `H[${RT(w)}] & ~H[${RB(w)}]`, `L[${RT(w)}] & ~L[${RB(w)}]`),
  or: (w) => put(w, RA(w), `H[${RT(w)}] | H[${RB(w)}]`, `L[${RT(w)}] | L[${RB(w)}]`),
  orc: (w) => put(w, RA(w), `H[${RT(w)}] | ~H[${RB(w)}]`, `L[${RT(w)}] | ~L[${RB(w)}]`),
  xor: (w) => put(w, RA(w), `H[${RT(w)}] ^ H[${RB(w)}]`, `L[${RT(w)}] ^ L[${RB(w)}]`),
  nor: (w) => put(w, RA(w), `~(H[${RT(w)}] | H[${RB(w)}])`, `~(L[${RT(w)}] | L[${RB(w)}])`),
  nand: (w) => put(w, RA(w), `~(H[${RT(w)}] & H[${RB(w)}])`, `~(L[${RT(w)}] & L[${RB(w)}])`),
  eqv: (w) => put(w, RA(w), `~(H[${RT(w)}] ^ H[${RB(w)}])`, `~(L[${RT(w)}] ^ L[${RB(w)}])`),
  'andi.': (w) => `{ const rl = L[${RT(w)}] & ${w & 0xffff}; H[${RA(w)}] = 0; L[${RA(w)}] = rl; ${cr0('0', 'rl')} }`,
  'andis.': (w) => `{ const rl = L[${RT(w)}] & ${w << 16}; H[${RA(w)}] = 0; L[${RA(w)}] = rl; ${cr0('0', 'rl')} }`,
  ori: (w) => `L[${RA(w)}] = L[${RT(w)}] | ${w & 0xffff}; H[${RA(w)}] = H[${RT(w)}];`,
  oris: (w) => `L[${RA(w)}] = L[${RT(w)}] | ${w << 16}; H[${RA(w)}] = H[${RT(w)}];`,
  xori: (w) => `L[${RA(w)}] = L[${RT(w)}] ^ ${w & 0xffff}; H[${RA(w)}] = H[${RT(w)}];`,
  xoris: (w) => `L[${RA(w)}] = L[${RT(w)}] ^ ${w << 16}; H[${RA(w)}] = H[${RT(w)}];`,
  extsb: (w) => `{ const v = (L[${RT(w)}] << 24) >> 24; ${put(w, RA(w), 'v >> 31', 'v')} }`,
  extsh: (w) => `{ const v = (L[${RT(w)}] << 16) >> 16; ${put(w, RA(w), 'v >> 31', 'v')} }`,
  extsw: (w) => `{ const v = L[${RT(w)}]; ${put(w, RA(w), 'v >> 31', 'v')} }`,
  rlwinm(w) {
    const n = (w >>> 11) & 31;
    const [mh, ml] = mask64(((w >>> 6) & 31) + 32, ((w >>> 1) & 31) + 32);
    const x = `L[${RT(w)}]`;
    const r = n === 0 ? 'x' : `((x << ${n}) | (x >>> ${32 - n}))`;
    return `{ const x = ${x}, r = ${r}; ${put(w, RA(w), andMask('r', mh), andMask('r', ml))} }`;
  },
  rldicl(w) {
    const sh = ((w >>> 11) & 31) | ((w & 2) << 4);
    const mb = ((w >>> 6) & 31) | (w & 0x20);
    const [mh, ml] = mask64(mb, 63);
    return rot64(w, sh, mh, ml);
  },
  rldicr(w) {
    const sh = ((w >>> 11) & 31) | ((w & 2) << 4);
    const me = ((w >>> 6) & 31) | (w & 0x20);
    const [mh, ml] = mask64(0, me);
    return rot64(w, sh, mh, ml);
  },
  rldic(w) {
    const sh = ((w >>> 11) & 31) | ((w & 2) << 4);
    const mb = ((w >>> 6) & 31) | (w & 0x20);
    const [mh, ml] = mask64(mb, 63 - sh);
    return rot64(w, sh, mh, ml);
  },
  cmp: (w) => cmpCode(w, true, `H[${RA(w)}]`, `L[${RA(w)}]`, `H[${RB(w)}]`, `L[${RB(w)}]`),
  cmpl: (w) => cmpCode(w, false, `H[${RA(w)}]`, `L[${RA(w)}]`, `H[${RB(w)}]`, `L[${RB(w)}]`),
  cmpi: (w) => cmpCode(w, true, `H[${RA(w)}]`, `L[${RA(w)}]`, `${SI(w) >> 31}`, `${SI(w)}`),
  cmpli: (w) => cmpCode(w, false, `H[${RA(w)}]`, `L[${RA(w)}]`, '0', `${w & 0xffff}`),
};

/** JS for one instruction, or undefined to call its handler. */
export function emit(e: EmitSlot): Emitted | undefined {
  const w = e.w;
  const alu = ALU[e.mnem];
  if (alu) {
    const code = alu(w);
    return code === undefined ? undefined : { code, mayThrow: false, branch: false };
  }
  const acc = ACCESS_FORMS[e.mnem];
  if (acc) {
    const ra = RA(w);
    if (invalidForm(acc, RT(w), ra)) return undefined; // the handler traps
    const d = acc.ea === 'ds' ? SI(w) & ~3 : SI(w);
    return { code: accessSource(acc, { rt: RT(w), ra, rb: RB(w), d }, e.la), mayThrow: true, branch: false };
  }
  switch (e.mnem) {
    case 'b': {
      const disp = ((w << 6) >> 6) & ~3;
      const [th, tl] = w & 2 ? [disp < 0 ? -1 : 0, disp] : relTarget(e.hi, e.lo, disp);
      return { code: `${w & 1 ? linkCode(e) : ''} s.nipLo = ${tl}; s.nipHi = ${th}; @EXIT@`, mayThrow: false, branch: true };
    }
    case 'bc': {
      const disp = ((w << 16) >> 16) & ~3;
      const [th, tl] = w & 2 ? [disp < 0 ? -1 : 0, disp] : relTarget(e.hi, e.lo, disp);
      const { pre, cond } = condCode(w);
      return { code: `${w & 1 ? linkCode(e) : ''} ${pre} if (${cond}) { s.nipLo = ${tl}; s.nipHi = ${th}; @EXIT@ }`, mayThrow: false, branch: true };
    }
    case 'bclr': {
      // Only the unconditional, non-linking form (blr); others go to the handler.
      const bo = (w >>> 21) & 31;
      if ((bo & 0x14) !== 0x14 || w & 1) return undefined;
      return { code: `s.nipHi = s.lrHi; s.nipLo = s.lrLo & ~3; @EXIT@`, mayThrow: false, branch: true };
    }
    default:
      return undefined;
  }
}
