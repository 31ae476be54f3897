// Compiled blocks as WebAssembly (the wasm tier; docs/jit.md). Same blocks,
// same contract as exec-block.ts's JavaScript ones — a BlockFn that runs the
// slots from the head, loops back to it while the budget allows, returns the
// instructions retired and leaves nip and s.blockRetired as the single-step
// loop would — but the code is a wasm function over the thread's register
// file (regfile.ts), with native i64 arithmetic.
//
// Why: V8 compiles each JavaScript block in two steps, first to baseline
// code that is slower than the interpreter, then (after a few thousand
// calls, in a background queue of 8) to optimized code of about 4.4 KB per
// block. Kernel code runs hundreds of distinct blocks a few thousand times
// each, so it mostly ran slower than interpreted (nested round trips: 392
// µs all in JS blocks against 110 µs interpreted). A wasm function is
// compiled once, at once, to compact machine code (Liftoff), and calls
// from wasm to an interpreter handler cost about 6 ns (docs/jit.md).
//
// Forms with an emitter (emit-wasm.ts) run inline; every other slot calls its
// interpreter handler through an import, which copies the scalar mirror to
// the CpuState fields and back around the call (regfile.ts). Handlers are
// the reference: a guest exception is always thrown by one, from inside
// that copy, so the fields are current when it reaches the run loop.

import type { Handler } from '../interp/index.js';
import type { CpuState } from '../state.js';
import { Block, K_BRANCH, loopsToHead } from '../exec-block.js';
import { RA, RT } from '../exec-emit.js';
import { M_NIP_HI, M_NIP_LO, M_RETIRED, syncIn, syncOut } from '../regfile.js';
import { OP } from './encoder.js';
import { ACCESS_FORMS, invalidForm } from '../access.js';
import { MODE_LE } from '../msr.js';
import { BlockEmitter, L_N, type Slot } from './emit-wasm.js';
import { callerFor, WASM_BATCH, type BlockCaller } from './block-caller.js';

export { WASM_EMITTED } from './emit-wasm.js';
export { mirrorFree } from './handler-imports.js';

/** Whether this host can run wasm blocks for the thread (its register file is a wasm memory). */
export function wasmAvailable(cpu: CpuState): boolean {
  return cpu.regs.memory !== undefined;
}

/** Blocks queued for `cpu`'s next batch (block-caller.ts). */
export function wasmBlocksWaiting(cpu: CpuState): number {
  const memory = cpu.regs.memory;
  return memory === undefined ? 0 : callerFor(cpu, memory).waiting;
}

/** `cpu`'s wasm block caller (block-caller.ts), or undefined without a WebAssembly register file. */
export function wasmCaller(cpu: CpuState): BlockCaller | undefined {
  const memory = cpu.regs.memory;
  return memory === undefined ? undefined : callerFor(cpu, memory);
}

/** Compile `cpu`'s queued blocks now (each one's `ready` runs). */
export function flushWasmBlocks(cpu: CpuState): void {
  const memory = cpu.regs.memory;
  if (memory !== undefined) callerFor(cpu, memory).flush();
}

/**
 * Queue a block as WebAssembly for `cpu`'s register file: slots as
 * exec-block.ts's buildBlock takes them. Once its batch is compiled
 * (flushWasmBlocks, or WASM_BATCH blocks waiting), `ready` gets a Block
 * whose BlockFn has the JS block's contract.
 */
export function buildWasmBlock(
  cpu: CpuState,
  hi: number,
  lo: number,
  handlers: readonly Handler[],
  words: readonly number[],
  kinds: readonly number[],
  mnems: readonly string[],
  ready: (b: Block) => void,
): void {
  const memory = cpu.regs.memory;
  if (memory === undefined) throw new Error('wasm blocks need a WebAssembly register file');
  const len = handlers.length;
  const loops = loopsToHead(words);
  const slots: Slot[] = [];
  for (let k = 0; k < len; k++) {
    const l = (lo + 4 * k) | 0;
    const nextLo = (l + 4) | 0;
    slots.push({ mnem: mnems[k]!, w: words[k]! | 0, hi: hi | 0, lo: l, nextHi: nextLo === 0 ? (hi + 1) | 0 : hi | 0, nextLo });
  }
  const e = new BlockEmitter(slots[0]!, len, loops, cpu.regs.base);
  const le = (cpu.mode & MODE_LE) !== 0;
  const b = e.b;
  const calls = callerFor(cpu, memory);
  b.base().i32(0).store32(e.m(M_RETIRED));
  if (loops) b.op(OP.loop).byte(0x40);
  for (let k = 0; k < len; k++) {
    const s = slots[k]!;
    // The slot through its handler: nip as the single-step loop sets it, then the import.
    const callHandler = () => {
      e.setNip(s);
      b.i32(s.w).callImport(calls.importOf(handlers[k]!, s.w));
    };
    const acc = ACCESS_FORMS[s.mnem];
    const inline =
      acc && (acc.value === 'u' || acc.value === 's') && !invalidForm(acc, RT(s.w), RA(s.w))
        ? (e.access(s, acc, le, callHandler), true) // the handler only on the probe's slow path
        : s.mnem === 'dcbz'
          ? (e.dcbz(s, callHandler), true)
          : e.emit(s, k);
    if (inline) {
      if (k === len - 1) e.setNip(s);
      continue;
    }
    callHandler();
    if (kinds[k] === K_BRANCH && k < len - 1) {
      // A branch the handler ran: leave if it was taken.
      b.load32(e.m(M_NIP_LO)).i32(s.nextLo).op(OP.i32Ne);
      b.load32(e.m(M_NIP_HI)).i32(s.nextHi).op(OP.i32Ne).op(OP.i32Or);
      b.op(OP.if).byte(0x40);
      e.depth++;
      e.exit(k + 1);
      e.depth--;
      b.op(OP.end);
    }
  }
  e.exit(len);
  if (loops) b.op(OP.end);
  b.get(L_N).op(OP.end);
  const call = calls.call;
  let block: Block | undefined;
  const idx = calls.add(b, () => ready(block!));
  const fn = (s: CpuState, rem: number): number => {
    syncOut(s);
    const n = call(idx, rem);
    syncIn(s);
    return n;
  };
  block = new Block(fn, len, hi | 0, lo | 0);
  block.tidx = idx;
  if (calls.waiting >= WASM_BATCH) calls.flush();
}
