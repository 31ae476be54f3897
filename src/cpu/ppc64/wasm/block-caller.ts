// Where a thread's wasm blocks live and how the run loop enters them
// (wasm-block.ts): one function table, one trampoline, handler imports
// shared by all blocks, and recompilation in batches.

import type { Handler } from '../interp/index.js';
import type { CpuState } from '../state.js';
import { FuncBody, I32, I64, moduleBytes, OP } from './encoder.js';
import { importFor, mirrorFree } from './handler-imports.js';

/** Blocks compiled together once this many wait (see BlockCaller; the run loop may flush sooner). */
export const WASM_BATCH = 64;

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
 * Blocks wait (interpreted meanwhile) until a batch is compiled as one
 * module: WASM_BATCH of them, or sooner when the run loop flushes (a waiting
 * block it keeps dispatching; exec.ts). A module per block cost about
 * 0.16 ms to compile and 0.03 ms to instantiate (V8 sets up a code space for
 * each module), against about 20 µs per block in batches, and put each
 * block's code apart: a prototype of 500 blocks ran at 85 ns per block so,
 * against 20 ns from one module (docs/jit.md).
 */
class BlockCaller {
  private readonly table = new WebAssembly.Table({ initial: 64, element: 'anyfunc' });
  private used = 0;
  readonly call: (idx: number, rem: number) => number;
  /** Handler imports by id, and the id per (handler, copies the mirror). */
  private readonly imports: Array<(w: number) => void> = [];
  private readonly importIdx = new Map<Handler, [number, number]>();
  /** Blocks waiting for their batch: table index, body, and what to do once it is in the table. */
  private pending: Array<{ idx: number; body: FuncBody; ready: () => void }> = [];

  constructor(
    private readonly cpu: CpuState,
    private readonly memory: WebAssembly.Memory,
  ) {
    const body = new FuncBody();
    body.get(1).get(0).byte(0x11).u32(0).u32(0).op(OP.end); // call_indirect (type 0) table 0
    const bytes = moduleBytes({ types: TYPES, imports: [], funcs: [{ type: 2, locals: [], body }], table: true });
    this.call = new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { t: this.table } }).exports.f as (idx: number, rem: number) => number;
  }

  /** The import id of handler `h` called with a word that is (or is not) mirror-free (FuncBody.callImport). */
  importOf(h: Handler, w: number): number {
    const free = mirrorFree(w) ? 1 : 0;
    let e = this.importIdx.get(h);
    if (!e) this.importIdx.set(h, (e = [-1, -1]));
    if (e[free] < 0) {
      e[free] = this.imports.length;
      const f = importFor(this.cpu, h, free === 1);
      this.imports.push(f);
    }
    return e[free];
  }

  /**
   * One module of `bodies`, importing only the handlers they call: each
   * call site is patched to the import's number in this module.
   * (Instantiating with all of a thread's ~100 imports cost about 0.3 ms
   * per module.)
   */
  private instantiate(bodies: readonly FuncBody[]): WebAssembly.Exports {
    const local = new Map<number, number>();
    const h: Record<string, (w: number) => void> = {};
    const imports: Array<{ name: string; type: number }> = [];
    for (const body of bodies) {
      for (const c of body.imports) {
        let i = local.get(c.id);
        if (i === undefined) {
          local.set(c.id, (i = imports.length));
          imports.push({ name: String(i), type: 1 });
          h[String(i)] = this.imports[c.id]!;
        }
        body.patchU32(c.at, i);
      }
    }
    const bytes = moduleBytes({
      types: TYPES,
      imports,
      funcs: bodies.map((body) => ({ type: 0, locals: BLOCK_LOCALS, body })),
      memoryPages: 1,
    });
    return new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { m: this.memory }, h }).exports;
  }

  /** Queue a block's function for the next batch; returns its table index (filled by flush). */
  add(body: FuncBody, ready: () => void): number {
    if (this.used === this.table.length) this.table.grow(this.table.length);
    const idx = this.used++;
    this.pending.push({ idx, body, ready });
    return idx;
  }

  /** Blocks waiting for their batch. */
  get waiting(): number {
    return this.pending.length;
  }

  /** Compile the waiting blocks as one module, fill their table entries, and tell each it is ready. */
  flush(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const ex = this.instantiate(batch.map((p) => p.body));
    for (let i = 0; i < batch.length; i++) this.table.set(batch[i]!.idx, ex[`f${i}`] as Function);
    for (const p of batch) p.ready();
  }
}

const callers = new WeakMap<CpuState, BlockCaller>();

export function callerFor(cpu: CpuState, memory: WebAssembly.Memory): BlockCaller {
  let c = callers.get(cpu);
  if (!c) callers.set(cpu, (c = new BlockCaller(cpu, memory)));
  return c;
}
