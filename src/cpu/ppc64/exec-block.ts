// Compiled blocks for the run loop (exec.ts): a hot entry slot of a code page
// becomes one JavaScript function that runs the decoded handlers of the
// following slots in order. The block goes on past a conditional branch when
// it falls through (so a loop body with early exits is one block), ends at an
// unconditional branch, sc, isync, icbi or anything else that changes more
// than registers and memory, and when a branch goes back to the block's own
// head it loops inside the function while the caller's budget allows.
//
// The generated function calls each handler from its own call site with the
// instruction word as a literal, so every call is monomorphic: V8 inlines the
// small handlers and folds their field extraction into constants. It sets
// nip before each handler exactly as the single-step loop does, so handlers
// (and a fault's accounting: see Executor.run) see the same state.
//
// Where `new Function` is unavailable (a CSP-restricted host), a closure that
// walks the handler list does the same work, only without the inlining.

import type { Insn } from '../../isa/ppc64/spec.js';
import type { Handler } from './interp/index.js';
import type { CpuState } from './state.js';
import { emit, type LookasideGeometry } from './exec-emit.js';
import { dpToSp, spToDp } from './interp/loadstore-fpconv.js';

/**
 * Runs the block from its head, looping back to the head while the
 * instructions of one more full pass fit in `rem`; returns the number of
 * instructions retired. If a handler throws, s.blockRetired holds the count
 * retired by earlier passes and nip points past the throwing instruction.
 */
export type BlockFn = (s: CpuState, rem: number) => number;

export class Block {
  /** False once the code page is invalidated (icbi, unmap, MSR[LE] change). */
  valid = true;
  /** The block that ran after this one last time (the run loop's chaining hint). */
  next: Block | undefined = undefined;
  /** cpu.fetchGen when `next` was linked: the link holds only while instruction translation is unchanged. */
  nextGen = 0;
  /** A wasm block's index in its thread's table (-1: a JavaScript block). */
  tidx = -1;
  /** A wasm block's valid flags in the chain area once installed (indexed by tidx), for invalidation. */
  flags: Int32Array | undefined = undefined;
  constructor(
    readonly fn: BlockFn,
    /** Instructions in one full pass (the most one pass retires). */
    readonly len: number,
    /** Entry address. */
    readonly hi: number,
    readonly lo: number,
  ) {}
}

/** The longest block compiled (instructions). */
export const MAX_BLOCK = 48;

/** Slot kinds: not decoded or cannot be in a block / falls through / may branch / ends a block. */
export const K_NONE = 0;
export const K_STRAIGHT = 1;
export const K_BRANCH = 2;
export const K_END = 3;

/** Mnemonics of the system unit that never change nip or mode bits: they may sit inside a block. */
const SYSTEM_STRAIGHT = new Set([
  'mfspr',
  'mtspr',
  'mftb',
  'mfcr',
  'mfocrf',
  'mtcrf',
  'mtocrf',
  'sync',
  'eieio',
  'dcbz',
  'dcbt',
  'dcbtst',
  'dcbst',
  'dcbf',
  'icbt',
]);

/** How an instruction (with a real handler) sits in a block. */
export function slotKind(row: Insn): number {
  switch (row.unit) {
    case 'branch':
      return K_BRANCH;
    case 'system':
      // sc always leaves the run loop by an exception (system call, hcall):
      // thrown from a compiled block it costs twice the whole dispatch
      // (bench:exits), so blocks stop before it and the single-step loop runs it.
      if (row.mnem === 'sc') return K_NONE;
      return SYSTEM_STRAIGHT.has(row.mnem) ? K_STRAIGHT : K_END;
    default:
      return K_STRAIGHT;
  }
}

/** A branch-unit word that never falls through (b, and bc/bclr/bcctr/bctar with BO = 1z1zz). */
function alwaysTaken(w: number): boolean {
  const op = w >>> 26;
  if (op === 18) return true;
  const bo = (w >>> 21) & 31;
  if ((bo & 0x14) !== 0x14) return false;
  if (op === 16) return true;
  return op === 19 && [16, 528, 560].includes((w >>> 1) & 1023);
}

/** How many leading slots make the block: `kinds[k]` is the kind of slot k from the head. */
export function blockLength(kinds: ArrayLike<number>, words: ArrayLike<number>, max: number): number {
  let n = 0;
  while (n < max && n < kinds.length) {
    const k = kinds[n]!;
    if (k === K_NONE) break;
    n++;
    if (k === K_END || (k === K_BRANCH && alwaysTaken(words[n - 1]!))) break;
  }
  return n;
}

/**
 * Whether a block has a direct branch back to its head: only such a block
 * loops inside its function; any other returns at its exits (the run loop
 * re-enters it).
 */
export function loopsToHead(words: readonly number[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const op = w >>> 26;
    if ((op !== 16 && op !== 18) || w & 2) continue;
    const disp = op === 18 ? ((w << 6) >> 6) & ~3 : ((w << 16) >> 16) & ~3;
    if (disp === -4 * k) return true;
  }
  return false;
}

let canGenerate: boolean | undefined;

function generated(
  hi: number,
  lo: number,
  handlers: readonly Handler[],
  words: readonly number[],
  kinds: readonly number[],
  mnems: readonly string[],
  nextLo: readonly number[],
  wrapHi: number,
  la: LookasideGeometry | undefined,
): BlockFn {
  const len = handlers.length;
  const names: string[] = [];
  const args: Handler[] = [];
  const loops = loopsToHead(words);
  const again = loops ? `if (s.nipLo === ${lo} && s.nipHi === ${hi} && n + ${len} <= rem) { s.blockRetired = n; continue; }` : '';
  let body = '';
  for (let k = 0; k < len; k++) {
    const setNip = `s.nipLo = ${nextLo[k]!};${nextLo[k] === 0 ? ` s.nipHi = ${wrapHi};` : ''}`;
    const e = emit({ mnem: mnems[k]!, w: words[k]!, hi, lo: (lo + 4 * k) | 0, nextHi: nextLo[k] === 0 ? wrapHi : hi, nextLo: nextLo[k]!, la });
    if (e === undefined) {
      const h = `h${names.length}`;
      names.push(h);
      args.push(handlers[k]!);
      body += `${setNip} ${h}(s, ${words[k]! | 0});\n`;
      if (kinds[k] === K_BRANCH && k < len - 1) {
        body += `if (s.nipLo !== ${nextLo[k]!} || s.nipHi !== ${hi}) { n += ${k + 1}; ${again} return n; }\n`;
      }
    } else if (e.branch) {
      body += `${setNip} ${e.code.replace('@EXIT@', `{ n += ${k + 1}; ${again} return n; }`)}\n`;
    } else {
      body += `${e.mayThrow || k === len - 1 ? setNip : ''} ${e.code}\n`;
    }
  }
  body += `n += ${len}; ${again} return n;\n`;
  const src = `"use strict"; return function block(s, rem) {\nconst L = s.gprLo, H = s.gprHi;\n${la ? 'const M = s.mem.lookaside, RTL = M.rTagLo, RTH = M.rTagHi, RV = M.rView, WTL = M.wTagLo, WTH = M.wTagHi, WV = M.wView;\n' : ''}let n = 0; s.blockRetired = 0;\n${loops ? `for (;;) {\n${body}}` : body}\n};`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const factory = new Function('SP2DP', 'DP2SP', ...names, src) as (sp2dp: typeof spToDp, dp2sp: typeof dpToSp, ...h: Handler[]) => BlockFn;
  return factory(spToDp, dpToSp, ...args);
}

function looped(hi: number, lo: number, handlers: readonly Handler[], words: readonly number[], kinds: readonly number[], nextLo: readonly number[], wrapHi: number): BlockFn {
  const h = handlers.slice();
  const w = Int32Array.from(words);
  const kd = Uint8Array.from(kinds);
  const nl = Int32Array.from(nextLo);
  const len = h.length;
  return (s, rem) => {
    let n = 0;
    s.blockRetired = 0;
    for (;;) {
      let k = 0;
      for (; k < len; k++) {
        s.nipLo = nl[k]!;
        if (nl[k] === 0) s.nipHi = wrapHi;
        h[k]!(s, w[k]!);
        if (kd[k] === K_BRANCH && k < len - 1 && (s.nipLo !== nl[k] || s.nipHi !== hi)) break;
      }
      n += k < len ? k + 1 : len;
      if (s.nipLo === lo && s.nipHi === hi && n + len <= rem) {
        s.blockRetired = n;
        continue;
      }
      return n;
    }
  };
}

/**
 * Build a block from consecutive decoded slots starting at address (hi, lo):
 * `handlers[k]` executes `words[k]` (of kind `kinds[k]`) at lo + 4k. The
 * slots must not cross a 4 KiB page.
 */
export function buildBlock(
  hi: number,
  lo: number,
  handlers: readonly Handler[],
  words: readonly number[],
  kinds: readonly number[],
  mnems: readonly string[],
  /** The memory's lookaside, probed inline by loads and stores (undefined: method calls only). */
  la?: LookasideGeometry,
): Block {
  const nextLo: number[] = [];
  for (let k = 0; k < handlers.length; k++) nextLo.push((lo + 4 * (k + 1)) | 0);
  const wrapHi = (hi + 1) | 0;
  let fn: BlockFn | undefined;
  if (canGenerate !== false) {
    try {
      fn = generated(hi | 0, lo | 0, handlers, words, kinds, mnems, nextLo, wrapHi, la);
      canGenerate = true;
    } catch {
      canGenerate = false;
    }
  }
  return new Block(fn ?? looped(hi | 0, lo | 0, handlers, words, kinds, nextLo, wrapHi), handlers.length, hi | 0, lo | 0);
}
