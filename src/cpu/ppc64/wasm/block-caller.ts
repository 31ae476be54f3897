// Where a thread's wasm blocks live and how the run loop enters them
// (wasm-block.ts): one function table, one trampoline, handler imports
// shared by all blocks, and recompilation in batches.

import type { Handler } from '../interp/index.js';
import type { CpuState } from '../state.js';
import { FuncBody, I32, I64, moduleBytes, OP } from './encoder.js';
import { importFor, mirrorFree } from './handler-imports.js';

/** Blocks compiled again together, once this many are new (see BlockCaller). */
const BATCH = 64;

/** The locals of a block function (see L_*). */
const BLOCK_LOCALS: ReadonlyArray<readonly [number, number]> = [
  [2, I32],
  [3, I64],
  [5, I32],
];

/** Types: 0 a block (rem) -> retired, 1 a handler import (word), 2 the trampoline (index, rem) -> retired. */
const TYPES: ReadonlyArray<readonly [readonly number[], readonly number[]]> = [
  [[I32], [I32]],
  [[I32], []],
  [[I32, I32], [I32]],
];

/**
 * One thread's blocks: a function table entered through one exported
 * trampoline (call_indirect), and the handler imports they share.
 *
 * Each block's own export, called from the run loop's one call site, made
 * that site megamorphic (V8's generic JS-to-wasm path, about 100 ns per
 * block); the trampoline is one function, so the call from JavaScript is
 * monomorphic (about 2 ns) and the indirect call stays inside wasm.
 *
 * A block is compiled alone at once, so it runs from its next dispatch;
 * every BATCH new blocks are compiled again as one module and their table
 * entries replaced. A module per block put each block's machine code in a
 * code space of its own: a prototype of 500 blocks ran at 85 ns per block
 * so, against 20 ns from one module (docs/jit.md).
 */
class BlockCaller {
  private readonly table = new WebAssembly.Table({ initial: 64, element: 'anyfunc' });
  private used = 0;
  readonly call: (idx: number, rem: number) => number;
  /** Handler imports, by index ("h"."i"), and their index per (handler, copies the mirror). */
  private readonly imports: Array<(w: number) => void> = [];
  private readonly importIdx = new Map<Handler, [number, number]>();
  /** The imports as instantiation takes them ("h" namespace). */
  private readonly importObject: Record<string, (w: number) => void> = {};
  /** Blocks compiled alone since the last batch: table index and body. */
  private pending: Array<{ idx: number; body: FuncBody }> = [];

  constructor(
    private readonly cpu: CpuState,
    private readonly memory: WebAssembly.Memory,
  ) {
    const body = new FuncBody();
    body.get(1).get(0).byte(0x11).u32(0).u32(0).op(OP.end); // call_indirect (type 0) table 0
    const bytes = moduleBytes({ types: TYPES, imports: [], funcs: [{ type: 2, locals: [], body }], table: true });
    this.call = new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { t: this.table } }).exports.f as (idx: number, rem: number) => number;
  }

  /** The import index of handler `h` called with a word that is (or is not) mirror-free. */
  importOf(h: Handler, w: number): number {
    const free = mirrorFree(w) ? 1 : 0;
    let e = this.importIdx.get(h);
    if (!e) this.importIdx.set(h, (e = [-1, -1]));
    if (e[free] < 0) {
      e[free] = this.imports.length;
      const f = importFor(this.cpu, h, free === 1);
      this.imports.push(f);
      this.importObject[String(e[free])] = f;
    }
    return e[free];
  }

  private instantiate(bodies: readonly FuncBody[]): WebAssembly.Exports {
    const bytes = moduleBytes({
      types: TYPES,
      imports: this.imports.map((_, i) => ({ name: String(i), type: 1 })),
      funcs: bodies.map((body) => ({ type: 0, locals: BLOCK_LOCALS, body })),
      memoryPages: 1,
    });
    return new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { m: this.memory }, h: this.importObject }).exports;
  }

  /** Compile a block's function; returns its table index. */
  add(body: FuncBody): number {
    if (this.used === this.table.length) this.table.grow(this.table.length);
    const idx = this.used++;
    this.table.set(idx, this.instantiate([body]).f as Function);
    this.pending.push({ idx, body });
    if (this.pending.length >= BATCH) {
      const batch = this.pending;
      this.pending = [];
      const ex = this.instantiate(batch.map((p) => p.body));
      batch.forEach((p, i) => this.table.set(p.idx, ex[`f${i}`] as Function));
    }
    return idx;
  }
}

const callers = new WeakMap<CpuState, BlockCaller>();

export function callerFor(cpu: CpuState, memory: WebAssembly.Memory): BlockCaller {
  let c = callers.get(cpu);
  if (!c) callers.set(cpu, (c = new BlockCaller(cpu, memory)));
  return c;
}
