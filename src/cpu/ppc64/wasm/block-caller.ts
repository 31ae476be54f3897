// Where a thread's wasm blocks live and how the run loop enters them
// (wasm-block.ts): one function table, one trampoline that chains blocks
// without leaving wasm, handler imports shared by all blocks, and
// compilation in batches.

import type { Handler } from '../interp/index.js';
import type { CpuState } from '../state.js';
import { FuncBody, I32, I64, moduleBytes, OP } from './encoder.js';
import { importFor, mirrorFree } from './handler-imports.js';
import type { Block } from '../exec-block.js';
import { chainArray, CH_HEAD_HI, CH_HEAD_LO, CH_LEN, CH_LINK, CH_LINK_GEN, CH_VALID, M_CHAINED, M_CTX, M_CUR, M_FETCH, M_NIP_HI, M_NIP_LO, RF_MIRROR, type RegisterFile } from '../regfile.js';

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
 *
 * Once installed (the run loop put the block in its page), a block has a
 * slot in the chain area (regfile.ts CH_*) and the trampoline may chain to
 * it: see trampoline().
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

  /** The blocks by table index (for the run loop: which one ran last, or threw). */
  private readonly blocks: Block[] = [];
  /** The chain area's arrays (regfile.ts CH_*), as views. */
  private readonly valid: Int32Array;
  private readonly headLo: Int32Array;
  private readonly headHi: Int32Array;
  private readonly length: Int32Array;
  private readonly link: Int32Array;
  private readonly linkGen: Int32Array;
  private readonly cap: number;

  constructor(
    private readonly cpu: CpuState,
    private readonly memory: WebAssembly.Memory,
  ) {
    const rf = cpu.regs;
    this.cap = rf.chainCap;
    const view = (k: number) => new Int32Array(rf.buffer, chainArray(rf, k), rf.chainCap);
    this.headLo = view(CH_HEAD_LO);
    this.headHi = view(CH_HEAD_HI);
    this.length = view(CH_LEN);
    this.valid = view(CH_VALID);
    this.link = view(CH_LINK);
    this.linkGen = view(CH_LINK_GEN);
    // The area may hold a previous machine's blocks (a host memory reused after a reboot).
    this.valid.fill(0);
    this.link.fill(-1);
    const bytes = moduleBytes({ types: TYPES, imports: [], funcs: [{ type: 2, locals: [[3, I32]], body: trampoline(rf) }], table: true, memoryPages: 1 });
    this.call = new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { t: this.table, m: memory } }).exports.f as (idx: number, rem: number) => number;
  }

  /** Block `b` (table index `idx`) is in the run loop's pages now: chains may reach it. */
  installed(b: Block): void {
    const idx = b.tidx;
    this.blocks[idx] = b;
    if (idx >= this.cap) return;
    b.flags = this.valid;
    this.headLo[idx] = b.lo;
    this.headHi[idx] = b.hi;
    this.length[idx] = b.len;
    this.link[idx] = -1;
    this.valid[idx] = 1;
  }

  /** The run loop ran `to` right after `from` (instruction fetch generation `gen`): the trampoline may chain them. */
  chain(from: Block, to: Block, gen: number): void {
    const f = from.tidx;
    if (from.flags === undefined || to.flags === undefined) return; // not installed, or beyond the chain area

    this.link[f] = to.tidx;
    this.linkGen[f] = gen;
  }

  /** The block the last trampoline call ran last (or was running when a handler threw). */
  get current(): Block {
    return this.blocks[this.cpu.mirror[M_CUR]!]!;
  }

  /** Instructions the blocks before the current one retired in the last trampoline call. */
  get chained(): number {
    return this.cpu.mirror[M_CHAINED]!;
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

/**
 * The trampoline: runs the block at table index `idx`, then, while the
 * block that ran links to one (CH_LINK, made by the run loop in the same
 * fetch generation) whose head is nip, which is valid and fits the budget
 * left, and the context generation is unchanged, runs that one too: the
 * run loop's chaining (exec.ts), without leaving wasm or copying the
 * mirror per block. M_CUR and M_CHAINED say where it is, for a throw.
 */
function trampoline(rf: RegisterFile): FuncBody {
  const IDX = 0;
  const REM = 1;
  const TOTAL = 2;
  const NX = 3;
  const CTX0 = 4;
  const m = (i: number) => rf.base + RF_MIRROR + 4 * i;
  const b = new FuncBody();
  const at = (l: number, k: number) => b.get(l).i32(2).op(OP.i32Shl).mem(OP.i32Load, chainArray(rf, k), 2);
  const leaveIf = () => b.op(OP.if).byte(0x40).get(TOTAL).op(OP.return).op(OP.end);
  b.load32(m(M_CTX)).set(CTX0);
  b.op(OP.loop).byte(0x40);
  b.base().get(IDX).store32(m(M_CUR));
  b.base().get(TOTAL).store32(m(M_CHAINED));
  b.get(REM).get(TOTAL).op(OP.i32Sub).get(IDX).byte(0x11).u32(0).u32(0); // call_indirect (type 0) table 0
  b.get(TOTAL).op(OP.i32Add).set(TOTAL);
  // The context changed, or this block has no chain slot: back to the run loop.
  b.load32(m(M_CTX)).get(CTX0).op(OP.i32Ne).get(IDX).i32(rf.chainCap).op(OP.i32GeU).op(OP.i32Or);
  leaveIf();
  at(IDX, CH_LINK).tee(NX).i32(0).op(OP.i32LtS);
  leaveIf();
  at(IDX, CH_LINK_GEN).load32(m(M_FETCH)).op(OP.i32Ne);
  at(NX, CH_HEAD_LO).load32(m(M_NIP_LO)).op(OP.i32Ne).op(OP.i32Or);
  at(NX, CH_HEAD_HI).load32(m(M_NIP_HI)).op(OP.i32Ne).op(OP.i32Or);
  at(NX, CH_VALID).op(OP.i32Eqz).op(OP.i32Or);
  at(NX, CH_LEN).get(REM).get(TOTAL).op(OP.i32Sub).op(OP.i32GtU).op(OP.i32Or);
  leaveIf();
  b.get(NX).set(IDX);
  b.op(OP.br).u32(0);
  b.op(OP.end);
  b.get(TOTAL).op(OP.end);
  return b;
}

const callers = new WeakMap<CpuState, BlockCaller>();

export type { BlockCaller };

export function callerFor(cpu: CpuState, memory: WebAssembly.Memory): BlockCaller {
  let c = callers.get(cpu);
  if (!c) callers.set(cpu, (c = new BlockCaller(cpu, memory)));
  return c;
}
