// The interpreter's run loop with a decoded-instruction cache.
//
// Code is cached per 4 KiB code page and per mode (msr.ts: byte order,
// privilege, enabled facilities): each slot holds the instruction word and
// its handler, chosen for that mode (a privileged instruction in problem
// state, or an FP instruction with MSR[FP]=0, decodes to the interrupt it
// raises). The page is the physical page when the memory translates (system
// mode: GuestMemory.codeKey), else the effective page (Linux-user mode). A
// page's decoded code is dropped on icbi, when the memory reports a store to
// it, and when it is unmapped or re-protected (docs/jit.md).
//
// A slot that is entered often becomes the head of a straight-line block
// (exec-block.ts): one generated function running the already-decoded
// handlers of the following slots up to the next branch. Blocks use only
// slots the single-step loop has decoded, set nip before each handler as it
// does, and run only when the whole block fits in the remaining budget, so
// the guest sees exactly what single-stepping shows (docs/performance.md).

import { decoder, type Decoder } from '../../isa/ppc64/decoder.js';
import { facilityFor } from '../../isa/ppc64/facility.js';
import type { Insn } from '../../isa/ppc64/spec.js';
import { MemFault, type GuestMemory } from '../../memory/guest-memory.js';
import { HANDLERS, type Handler } from './interp/index.js';
import { ACCESS_HANDLERS } from './access.js';
import type { CpuState } from './state.js';
import { CpuTrap } from './trap.js';
import { Interrupt, VEC_TRACE, VEC_DECREMENTER, VEC_DOORBELL, VEC_EXTERNAL, VEC_FP_UNAVAILABLE, VEC_VMX_UNAVAILABLE, VEC_VSX_UNAVAILABLE } from './interrupt.js';
import { deliver, trapInterrupt } from './delivery.js';
import { MODE_FP, MODE_HV, MODE_PR, MODE_TRACE, MODE_VEC, MODE_VSX, MSR_BE, MSR_SE } from './msr.js';

/** Branch instructions (what MSR[BE] traces). */
const BRANCHES = new Set(['b', 'bc', 'bclr', 'bcctr', 'bctar']);
import { buildBlock, blockLength, slotKind, MAX_BLOCK, K_NONE, K_STRAIGHT, type Block } from './exec-block.js';
import { buildWasmBlock, flushWasmBlocks, wasmAvailable, wasmCaller } from './wasm/wasm-block.js';
import type { BlockCaller } from './wasm/block-caller.js';

const CODE_PAGE_SHIFT = 12;
const SLOTS = 1 << (CODE_PAGE_SHIFT - 2);

interface CodePage {
  readonly h: Array<Handler | undefined>;
  readonly w: Int32Array;
  /** Slot kind (K_*), set when the slot is decoded. */
  readonly k: Uint8Array;
  /** Times each slot was dispatched by the single-step loop (block hotness). */
  readonly hits: Int32Array;
  /** Mnemonic of each decoded slot's table row ('' when it has no handler). */
  readonly m: string[];
  /** Block starting at each slot, once hot. */
  readonly b: Array<Block | undefined>;
  /** Plain-interpreter fast path: OP_* for the hottest simple forms, OP_CALL otherwise. */
  readonly op: Uint8Array;
  /** 1 where a wasm block headed by the slot waits for its batch. */
  readonly q: Uint8Array;
  /** Bumped when the page is cleared: a block queued before that is dropped when its batch is ready. */
  epoch: number;
}

// The plain interpreter runs these forms inline instead of through the
// megamorphic handler call (they are ~70% of sha256's and ~30% of gzip's
// dynamic instructions). Their semantics are the handlers' (interp/fixed*.ts,
// interp/branch.ts); the snippet and random suites check this tier against QEMU.
const A_LBZ = ACCESS_HANDLERS.lbz!;
const A_LWZ = ACCESS_HANDLERS.lwz!;
const A_LD = ACCESS_HANDLERS.ld!;
const A_STW = ACCESS_HANDLERS.stw!;
const A_STD = ACCESS_HANDLERS.std!;
const OP_CALL = 0;
const OP_ADDI = 1;
const OP_ADD = 2;
const OP_OR = 3;
const OP_XOR = 4;
const OP_RLWINM = 5;
const OP_BC_CR = 6;
const OP_CMP = 7; // cmp, cmpi: signed
const OP_CMPL = 8; // cmpl, cmpli: unsigned
const OP_LBZ = 9;
const OP_LWZ = 10;
const OP_LD = 11;
const OP_STW = 12;
const OP_STD = 13;

/** The fast-path op for a decoded word, or OP_CALL. */
function hotOp(mnem: string, w: number): number {
  switch (mnem) {
    case 'addi':
      return OP_ADDI;
    case 'add':
      return w & 0x401 ? OP_CALL : OP_ADD;
    case 'or':
      return w & 1 ? OP_CALL : OP_OR;
    case 'xor':
      return w & 1 ? OP_CALL : OP_XOR;
    case 'rlwinm':
      return w & 1 ? OP_CALL : OP_RLWINM;
    case 'bc':
      // relative, no link, CR test only (BO[2]=1: no CTR, BO[0]=0: CR used)
      return (w & 3) === 0 && ((w >>> 21) & 0x14) === 0x04 ? OP_BC_CR : OP_CALL;
    case 'cmp':
    case 'cmpi':
      return OP_CMP;
    case 'cmpl':
    case 'cmpli':
      return OP_CMPL;
    case 'lbz':
      return OP_LBZ;
    case 'lwz':
      return OP_LWZ;
    case 'ld':
      return OP_LD;
    case 'stw':
      return OP_STW;
    case 'std':
      return OP_STD;
    default:
      return OP_CALL;
  }
}

const illegalHandler: Handler = () => {
  throw new CpuTrap('illegal');
};
const privilegedHandler: Handler = () => {
  throw new CpuTrap('privileged');
};
// Facility unavailable (Book III 7.5.10-12): raised before the instruction does anything.
const fpUnavailable: Handler = () => {
  throw new Interrupt(VEC_FP_UNAVAILABLE, 0, false);
};
const vecUnavailable: Handler = () => {
  throw new Interrupt(VEC_VMX_UNAVAILABLE, 0, false);
};
const vsxUnavailable: Handler = () => {
  throw new Interrupt(VEC_VSX_UNAVAILABLE, 0, false);
};

/** The facility-unavailable handler for a row in `mode`, or undefined when the facility is on. */
function facilityHandler(row: Insn, word: number, mode: number): Handler | undefined {
  if ((mode & (MODE_FP | MODE_VEC | MODE_VSX)) === (MODE_FP | MODE_VEC | MODE_VSX)) return undefined;
  switch (facilityFor(row, word)) {
    case 'fp':
      return mode & MODE_FP ? undefined : fpUnavailable;
    case 'vec':
      return mode & MODE_VEC ? undefined : vecUnavailable;
    case 'vsx':
      return mode & MODE_VSX ? undefined : vsxUnavailable;
    default:
      return undefined;
  }
}

/** Dispatches of a slot before it heads a compiled block, unless configured. */
export const DEFAULT_BLOCK_THRESHOLD = 16;

export interface ExecutorOptions {
  /**
   * System mode: the thread runs a partition. Interrupts the partition takes
   * itself are delivered in place (delivery.ts) and run() goes on; only
   * hypervisor interrupts (and wait) end run(), as Interrupt data. Without
   * it (Linux-user mode) every trap ends run() as a CpuTrap or MemFault.
   */
  system?: boolean;
  decoder?: Decoder;
  /**
   * Single-step dispatches of a slot before it heads a compiled block
   * (default DEFAULT_BLOCK_THRESHOLD; 0 = on first dispatch; negative = never,
   * i.e. the plain interpreter). Front-ends choose it (tskvm exec
   * --block-threshold, $TSKVM_BLOCK_THRESHOLD in the Node platform layer).
   */
  blockThreshold?: number;
  /**
   * What blocks compile to: JavaScript source (default) or WebAssembly over
   * the thread's register file (wasm/wasm-block.ts; falls back to JavaScript
   * where the host has no WebAssembly). Front-ends choose it ($TSKVM_JIT).
   */
  jit?: JitKind;
}

export type JitKind = 'js' | 'wasm';

function newPage(): CodePage {
  return {
    h: new Array<Handler | undefined>(SLOTS).fill(undefined),
    w: new Int32Array(SLOTS),
    k: new Uint8Array(SLOTS),
    hits: new Int32Array(SLOTS),
    m: new Array<string>(SLOTS).fill(''),
    b: new Array<Block | undefined>(SLOTS).fill(undefined),
    op: new Uint8Array(SLOTS),
    q: new Uint8Array(SLOTS),
    epoch: 0,
  };
}

function clearPage(p: CodePage): void {
  for (const b of p.b) {
    if (b === undefined) continue;
    b.valid = false;
    if (b.flags !== undefined) b.flags[b.tidx] = 0; // and for the wasm trampoline's chaining
  }
  p.h.fill(undefined);
  p.k.fill(K_NONE);
  p.hits.fill(0);
  p.b.fill(undefined);
  p.op.fill(OP_CALL);
  p.q.fill(0);
  p.epoch++;
}

export class Executor {
  /** Decoded pages per mode word, each by code-page key. */
  private readonly byMode = new Map<number, Map<number, CodePage>>();
  /** The map of the mode the thread ran in last. */
  private pages: Map<number, CodePage>;
  private pagesMode: number;
  private readonly dec: Decoder;
  private readonly system: boolean;
  private readonly blockThreshold: number;
  /** Blocks compile to WebAssembly (ExecutorOptions.jit). */
  private readonly wasm: boolean;
  /** The thread's wasm blocks (with wasm): which ran last or threw, and the links the trampoline follows. */
  private readonly calls: BlockCaller | undefined;
  private cachedMem: GuestMemory;
  /** cpu.ctxGen when the current page was looked up (a change drops it). */
  private gen: number;
  private fetchFaulted = false;
  private lastKind = K_NONE;
  private lastMnem = '';
  // The code page of the last run() (its key): run() is called in slices.
  private curPage: CodePage | undefined;
  private curTagLo = -1;
  private curTagHi = 0;

  constructor(
    readonly cpu: CpuState,
    opts: ExecutorOptions = {},
  ) {
    this.dec = opts.decoder ?? decoder();
    this.system = opts.system ?? false;
    this.blockThreshold = opts.blockThreshold ?? DEFAULT_BLOCK_THRESHOLD;
    this.wasm = opts.jit === 'wasm' && wasmAvailable(cpu);
    this.calls = this.wasm ? wasmCaller(cpu) : undefined;
    this.cachedMem = cpu.mem;
    this.gen = cpu.ctxGen;
    this.pagesMode = cpu.mode;
    this.pages = this.modePages(cpu.mode);
    cpu.onIcbi = (hi, lo) => {
      const key = cpu.mem.codeKey?.(hi, lo, false);
      if (key === undefined) this.invalidate((hi >>> 0) * 2 ** 32 + (lo >>> 0), 128);
      else this.invalidateKey(key);
    };
    cpu.mem.onCodeWrite = (key) => this.invalidateKey(key);
  }

  private modePages(mode: number): Map<number, CodePage> {
    let m = this.byMode.get(mode);
    if (!m) this.byMode.set(mode, (m = new Map()));
    return m;
  }

  /** The handler that executes an instruction word in `mode` (the interrupt it raises included). */
  handlerFor(word: number, mode = this.cpu.mode): Handler {
    const row = this.dec.decode(word);
    this.lastKind = K_NONE;
    this.lastMnem = '';
    if (!row) return illegalHandler;
    if (row.priv && row.priv !== 'user') {
      if (mode & MODE_PR) return privilegedHandler;
      // Hypervisor instructions outside hypervisor state: the hypervisor emulates or refuses them (HEAI).
      if (row.priv === 'hypervisor' && !(mode & MODE_HV)) return illegalHandler;
    }
    const h = HANDLERS[row.mnem];
    if (!h) return illegalHandler;
    const unavailable = facilityHandler(row, word, mode);
    if (unavailable) return unavailable;
    this.lastKind = slotKind(row);
    this.lastMnem = row.mnem;
    return h;
  }

  /** Forget decoded code in [addr, addr+len) of the code-key space (effective addresses in Linux-user mode). */
  invalidate(addr: number, len: number): void {
    const first = Math.floor(addr / (1 << CODE_PAGE_SHIFT));
    const last = Math.floor((addr + Math.max(len, 1) - 1) / (1 << CODE_PAGE_SHIFT));
    for (let p = first; p <= last; p++) this.invalidateKey(p);
  }

  /** Forget decoded code of one code page, in every mode. */
  invalidateKey(key: number): void {
    for (const m of this.byMode.values()) {
      const pg = m.get(key);
      if (pg) clearPage(pg);
    }
  }

  invalidateAll(): void {
    for (const m of this.byMode.values()) for (const p of m.values()) clearPage(p);
  }

  private codePage(hi: number, lo: number): CodePage {
    const s = this.cpu;
    if (s.mode !== this.pagesMode) {
      this.pagesMode = s.mode;
      this.pages = this.modePages(s.mode);
    }
    let key: number | undefined;
    const mem = s.mem;
    if (mem.codeKey !== undefined) {
      try {
        key = mem.codeKey(hi, lo, true);
      } catch (e) {
        this.fetchFaulted = true; // nip has not moved yet
        throw e;
      }
    } else key = (hi >>> 0) * 2 ** (32 - CODE_PAGE_SHIFT) + (lo >>> CODE_PAGE_SHIFT);
    let p = this.pages.get(key);
    if (!p) {
      p = newPage();
      this.pages.set(key, p);
    }
    return p;
  }

  private fill(p: CodePage, idx: number, hi: number, lo: number): Handler {
    let w: number;
    try {
      w = this.cpu.mem.fetch32(hi, lo, this.cpu.le);
    } catch (e) {
      this.fetchFaulted = true; // nip has not moved yet
      throw e;
    }
    const h = this.handlerFor(w, this.cpu.mode);
    p.w[idx] = w;
    p.h[idx] = h;
    p.k[idx] = this.lastKind;
    p.m[idx] = this.lastMnem;
    p.op[idx] = hotOp(this.lastMnem, w);
    return h;
  }

  /**
   * Compile the block headed by slot `idx` from the decoded slots that follow
   * (exec-block.ts). Returns undefined when the head itself cannot start one
   * (it then stays single-stepped).
   */
  private compile(p: CodePage, idx: number, hi: number, lo: number): Block | undefined {
    if (p.q[idx] !== 0) {
      // Its wasm block was queued and the slot kept being dispatched: compile the batch now.
      flushWasmBlocks(this.cpu);
      return p.b[idx];
    }
    if (this.blockThreshold === 0) this.decodeAhead(p, idx, hi, lo);
    const len = blockLength(p.k.subarray(idx), p.w.subarray(idx), MAX_BLOCK);
    if (len === 0) {
      p.hits[idx] = -0x40000000; // not a block head: stop counting for a long while
      return undefined;
    }
    const handlers = Array.from(p.h.slice(idx, idx + len), (h) => h!);
    const words = Array.from(p.w.subarray(idx, idx + len));
    const kinds = Array.from(p.k.subarray(idx, idx + len));
    const mnems = p.m.slice(idx, idx + len);
    if (this.wasm) return this.queueWasm(p, idx, hi, lo, handlers, words, kinds, mnems);
    const b = buildBlock(hi, lo, handlers, words, kinds, mnems, this.cpu.mem.lookaside);
    p.b[idx] = b;
    return b;
  }

  /**
   * The wasm tier compiles blocks in batches (wasm/block-caller.ts): a hot
   * slot's block is queued and the slot stays single-stepped until its batch
   * is compiled — when WASM_BATCH blocks wait, or when the queued slot has
   * been dispatched `blockThreshold` more times (compile() then compiles the
   * batch at once, however small). Threshold 0 (test mode) compiles at once.
   */
  private queueWasm(p: CodePage, idx: number, hi: number, lo: number, handlers: Handler[], words: number[], kinds: number[], mnems: string[]): Block | undefined {
    const s = this.cpu;
    const epoch = p.epoch;
    p.q[idx] = 1;
    p.hits[idx] = 0;
    buildWasmBlock(s, hi, lo, handlers, words, kinds, mnems, (b) => {
      if (p.epoch !== epoch) return; // the page was cleared meanwhile
      p.b[idx] = b;
      p.q[idx] = 0;
      this.calls!.installed(b);
    });
    if (this.blockThreshold === 0) flushWasmBlocks(s);
    return p.b[idx];
  }

  /**
   * Test mode (threshold 0): decode the slots a block could cover before
   * their first execution, so straight-line code that runs once (snippets,
   * random programs) goes through compiled blocks too.
   */
  private decodeAhead(p: CodePage, idx: number, hi: number, lo: number): void {
    for (let j = idx; j < SLOTS && j < idx + MAX_BLOCK; j++) {
      if (p.h[j] === undefined) {
        try {
          this.fill(p, j, hi, (lo + 4 * (j - idx)) | 0);
        } catch {
          this.fetchFaulted = false;
          return;
        }
      }
      if (p.k[j] === K_NONE) return;
    }
  }

  /**
   * Run until `budget` instructions have retired (returns undefined) or the
   * CPU traps (returns the trap; nip then points at the trapping instruction,
   * or past it for a syscall).
   */
  run(budget: number): CpuTrap | Interrupt | undefined {
    if (this.system) return this.runSystem(budget);
    return this.runSlice(budget);
  }

  /**
   * System mode: run the partition, delivering the interrupts it takes
   * itself (program, storage, facility, system call, decrementer, external…)
   * and returning the hypervisor ones. Returns undefined when the budget is
   * spent, or CpuTrap('wait').
   */
  private runSystem(budget: number): Interrupt | CpuTrap | undefined {
    const s = this.cpu;
    // Each delivered interrupt counts against the budget like an instruction:
    // a partition in an interrupt storm (e.g. its handler's own page no
    // longer executable) retires nothing, and must still give the thread back.
    let end = s.icount + budget;
    for (;;) {
      if (s.asyncPending()) {
        // External before decrementer before doorbell (the POWER9 order QEMU uses); taking a doorbell consumes it.
        const v = s.extPending ? VEC_EXTERNAL : s.decPending() ? VEC_DECREMENTER : VEC_DOORBELL;
        if (v === VEC_DOORBELL) s.dbell = false;
        const intr = new Interrupt(v, 0, false);
        intr.nipHi = s.nipHi;
        intr.nipLo = s.nipLo;
        deliver(s, intr);
        end--;
        s.delivered++;
      }
      const left = end - s.icount;
      if (left <= 0) return undefined;
      const t = this.runSlice(left);
      if (t === undefined) {
        if (this.asyncStop) {
          this.asyncStop = false;
          continue;
        }
        return undefined;
      }
      if (t instanceof CpuTrap && (t.kind === 'wait' || t.kind === 'halt')) return t;
      const intr = t instanceof Interrupt ? t : trapInterrupt(t as CpuTrap, this.lastWord, s.le);
      intr.nipHi = s.nipHi;
      intr.nipLo = s.nipLo;
      if (intr.hv) return intr;
      deliver(s, intr);
      end--;
      s.delivered++;
    }
  }

  /** Set by runSlice when an MSR write enabled a pending asynchronous interrupt. */
  private asyncStop = false;
  /** The instruction word of the last trap (HEIR, the instruction image). */
  private lastWord = 0;

  /** Run until the budget is spent or a trap (no delivery). */
  private runSlice(budget: number): CpuTrap | Interrupt | undefined {
    const s = this.cpu;
    if (s.mem !== this.cachedMem) {
      // Compiled blocks depend on the memory's fast path.
      this.invalidateAll();
      this.cachedMem = s.mem;
      s.mem.onCodeWrite = (key) => this.invalidateKey(key);
      this.curPage = undefined;
    }
    if (s.ctxGen !== this.gen) {
      this.gen = s.ctxGen;
      this.curPage = undefined;
    }
    const threshold = this.blockThreshold;
    const calls = this.calls;
    if (s.mode & MODE_TRACE) return this.runTraced(budget);
    if (threshold < 0) return this.runPlain(budget);
    let n = 0;
    let page = this.curPage;
    let tagLo = this.curTagLo;
    let tagHi = this.curTagHi;
    // The block running or last run (undefined while single-stepping).
    let blk: Block | undefined;
    // Whether nip was reached by control flow (run start, a branch, a block's
    // exit) rather than by falling through: only such slots count towards
    // heading a block, so blocks do not start inside straight-line code.
    let entry = true;
    try {
      while (n < budget) {
        if (blk !== undefined) {
          // Chained: the block that followed this one last time, if nip is its entry again.
          const nx = blk.next;
          if (nx !== undefined && blk.nextGen === s.fetchGen && nx.lo === s.nipLo && nx.hi === s.nipHi && nx.valid && nx.len <= budget - n) {
            blk = nx;
            n += nx.fn(s, budget - n);
            if (calls !== undefined) blk = calls.current; // the trampoline may have chained further
            if (s.ctxGen !== this.gen) {
              page = undefined;
              blk = undefined;
              if (this.contextChanged()) break;
            }
            continue;
          }
        }
        const prev = blk;
        // Not inside a block until one is called: a fetch fault below is the next instruction's.
        blk = undefined;
        const lo = s.nipLo;
        const hi = s.nipHi;
        if (lo >>> CODE_PAGE_SHIFT !== tagLo || hi !== tagHi || page === undefined) {
          page = this.codePage(hi, lo);
          tagLo = lo >>> CODE_PAGE_SHIFT;
          tagHi = hi;
        }
        const idx = (lo >>> 2) & (SLOTS - 1);
        let b = page.b[idx];
        if (b === undefined && entry && threshold >= 0 && (page.h[idx] !== undefined || threshold === 0) && ++page.hits[idx]! > threshold) {
          b = this.compile(page, idx, hi, lo);
        }
        if (b !== undefined && b.len <= budget - n) {
          if (prev !== undefined) {
            prev.next = b;
            prev.nextGen = s.fetchGen;
            if (calls !== undefined) calls.chain(prev, b, s.fetchGen);
          }
          blk = b;
          entry = true;
          n += b.fn(s, budget - n);
          if (calls !== undefined) blk = calls.current;
          if (s.ctxGen !== this.gen) {
            page = undefined;
            blk = undefined;
            if (this.contextChanged()) break;
          }
          continue;
        }
        blk = undefined;
        let h = page.h[idx];
        if (h === undefined) h = this.fill(page, idx, hi, lo);
        const next = (lo + 4) | 0;
        s.nipLo = next;
        if (next === 0) s.nipHi = (hi + 1) | 0;
        h(s, page.w[idx]!);
        n++;
        entry = page.k[idx] !== K_STRAIGHT;
        if (s.ctxGen !== this.gen) {
          page = undefined;
          if (this.contextChanged()) break;
        }
      }
      this.finish(n, page, tagLo, tagHi);
      return undefined;
    } catch (e) {
      return this.trapped(e, n, blk, page, tagLo, tagHi);
    }
  }

  /**
   * The plain interpreter: one handler call per instruction, no block
   * bookkeeping (blockThreshold < 0). Same results as run(), which it mirrors.
   */
  private runPlain(budget: number): CpuTrap | Interrupt | undefined {
    const s = this.cpu;
    let n = 0;
    let page = this.curPage;
    let tagLo = this.curTagLo;
    let tagHi = this.curTagHi;
    try {
      // The context generation, kept local: compared after every handler call.
      let gen = this.gen;
      loop: while (n < budget) {
        const lo = s.nipLo;
        const hi = s.nipHi;
        if (lo >>> CODE_PAGE_SHIFT !== tagLo || hi !== tagHi || page === undefined) {
          page = this.codePage(hi, lo);
          tagLo = lo >>> CODE_PAGE_SHIFT;
          tagHi = hi;
        }
        const idx = (lo >>> 2) & (SLOTS - 1);
        const h = page.h[idx] ?? this.fill(page, idx, hi, lo);
        const w = page.w[idx]!;
        const next = (lo + 4) | 0;
        s.nipLo = next;
        if (next === 0) s.nipHi = (hi + 1) | 0;
        const op = page.op[idx]!;
        switch (op) {
          case OP_ADDI: {
            const rt = (w >>> 21) & 31;
            const ra = (w >>> 16) & 31;
            const si = (w << 16) >> 16;
            if (ra === 0) {
              s.gprLo[rt] = si;
              s.gprHi[rt] = si >> 31;
            } else {
              const r = (s.gprLo[ra]! >>> 0) + (si >>> 0);
              s.gprHi[rt] = (s.gprHi[ra]! + (si >> 31) + (r > 0xffffffff ? 1 : 0)) | 0;
              s.gprLo[rt] = r | 0;
            }
            break;
          }
          case OP_ADD: {
            const ra = (w >>> 16) & 31;
            const rb = (w >>> 11) & 31;
            const l = (s.gprLo[ra]! >>> 0) + (s.gprLo[rb]! >>> 0);
            const rt = (w >>> 21) & 31;
            s.gprHi[rt] = (s.gprHi[ra]! + s.gprHi[rb]! + (l > 0xffffffff ? 1 : 0)) | 0;
            s.gprLo[rt] = l | 0;
            break;
          }
          case OP_OR: {
            const rs = (w >>> 21) & 31;
            const rb = (w >>> 11) & 31;
            const ra = (w >>> 16) & 31;
            const vh = s.gprHi[rs]! | s.gprHi[rb]!;
            s.gprLo[ra] = s.gprLo[rs]! | s.gprLo[rb]!;
            s.gprHi[ra] = vh;
            break;
          }
          case OP_XOR: {
            const rs = (w >>> 21) & 31;
            const rb = (w >>> 11) & 31;
            const ra = (w >>> 16) & 31;
            const vh = s.gprHi[rs]! ^ s.gprHi[rb]!;
            s.gprLo[ra] = s.gprLo[rs]! ^ s.gprLo[rb]!;
            s.gprHi[ra] = vh;
            break;
          }
          case OP_RLWINM: {
            // ROTL32 replicated into both words, masked by MASK(mb+32, me+32).
            const x = s.gprLo[(w >>> 21) & 31]!;
            const sh = (w >>> 11) & 31;
            const r = (x << sh) | (x >>> (32 - sh));
            const mb = (w >>> 6) & 31;
            const me = (w >>> 1) & 31;
            const ra = (w >>> 16) & 31;
            const bm = -1 >>> mb;
            const em = -1 << (31 - me);
            if (mb <= me) {
              s.gprLo[ra] = r & bm & em;
              s.gprHi[ra] = 0;
            } else {
              s.gprLo[ra] = r & (bm | em);
              s.gprHi[ra] = r;
            }
            break;
          }
          case OP_BC_CR: {
            if (((s.cr >>> (31 - ((w >>> 16) & 31))) & 1) === ((w >>> 24) & 1)) {
              const disp = ((w << 16) >> 16) & ~3;
              const t = (lo >>> 0) + (disp >>> 0);
              s.nipHi = (hi + (disp < 0 ? -1 : 0) + (t > 0xffffffff ? 1 : 0)) | 0;
              s.nipLo = t | 0;
            }
            break;
          }
          case OP_CMP:
          case OP_CMPL: {
            // cmpi/cmpli (D-form, opcd 11/10) compare with SI/UI, cmp/cmpl (X-form) with RB;
            // L (bit 10) selects 64-bit operands, else the low words.
            const ra = (w >>> 16) & 31;
            let bh: number;
            let bl: number;
            if (w >>> 26 === 31) {
              const rb = (w >>> 11) & 31;
              bh = s.gprHi[rb]!;
              bl = s.gprLo[rb]!;
            } else if (op === OP_CMP) {
              bl = (w << 16) >> 16;
              bh = bl >> 31;
            } else {
              bl = w & 0xffff;
              bh = 0;
            }
            const al = s.gprLo[ra]!;
            let c: number;
            if (w & 0x00200000) {
              const ah = s.gprHi[ra]!;
              if (ah !== bh) c = (op === OP_CMP ? ah < bh : ah >>> 0 < bh >>> 0) ? 8 : 4;
              else c = al === bl ? 2 : al >>> 0 < bl >>> 0 ? 8 : 4;
            } else if (op === OP_CMP) c = al < bl ? 8 : al > bl ? 4 : 2;
            else c = al === bl ? 2 : al >>> 0 < bl >>> 0 ? 8 : 4;
            const sh = 28 - 4 * ((w >>> 23) & 7);
            s.cr = (s.cr & ~(0xf << sh)) | ((c | s.so) << sh);
            break;
          }
          // The hottest loads and stores: their access.ts handlers, called
          // from call sites of their own (monomorphic, inlinable).
          case OP_LBZ:
            A_LBZ(s, w);
            break;
          case OP_LWZ:
            A_LWZ(s, w);
            break;
          case OP_LD:
            A_LD(s, w);
            break;
          case OP_STW:
            A_STW(s, w);
            break;
          case OP_STD:
            A_STD(s, w);
            break;
          default:
            h(s, w); // may throw: then this instruction has not retired
            if (s.ctxGen !== gen) {
              n++;
              page = undefined;
              const stop = this.contextChanged();
              gen = this.gen;
              if (stop) break loop;
              continue;
            }
        }
        n++;
      }
      this.finish(n, page, tagLo, tagHi);
      return undefined;
    } catch (e) {
      return this.trapped(e, n, undefined, page, tagLo, tagHi);
    }
  }

  /**
   * Tracing (MSR[SE] or MSR[BE], Book III 7.5.15): one instruction at a time,
   * then a trace interrupt after every instruction that completed without
   * another interrupt (SE), or after every branch, taken or not (BE). The
   * MSR an instruction started with decides, so an mtmsrd that clears SE is
   * still followed by one, as under QEMU. SRR0 is the next instruction;
   * SRR1's cause bits are 0. Leaves as soon as tracing is off.
   */
  private runTraced(budget: number): CpuTrap | Interrupt | undefined {
    const s = this.cpu;
    let n = 0;
    try {
      while (n < budget) {
        const msrLo = s.msrLo;
        if (!(msrLo & (MSR_SE | MSR_BE))) break;
        const lo = s.nipLo;
        const hi = s.nipHi;
        const page = this.codePage(hi, lo);
        const idx = (lo >>> 2) & (SLOTS - 1);
        const h = page.h[idx] ?? this.fill(page, idx, hi, lo);
        const next = (lo + 4) | 0;
        s.nipLo = next;
        if (next === 0) s.nipHi = (hi + 1) | 0;
        h(s, page.w[idx]!);
        if (msrLo & MSR_SE || (msrLo & MSR_BE && BRANCHES.has(page.m[idx]!))) throw new Interrupt(VEC_TRACE, 0, false, 0, 0, 0, 0, true);
        n++;
        if (s.ctxGen !== this.gen && this.contextChanged()) break;
      }
      this.finish(n, undefined, 0, 0);
      return undefined;
    } catch (e) {
      return this.trapped(e, n, undefined, undefined, 0, 0);
    }
  }

  /**
   * The MSR, the translation context or the decrementer changed (cpu.ctxGen):
   * the current code page must be looked up again, and in system mode an
   * interrupt that just became deliverable ends the slice (run() takes it).
   */
  private contextChanged(): boolean {
    this.gen = this.cpu.ctxGen;
    // Tracing just turned on, or an interrupt became deliverable: end the slice
    // (runSystem goes on: in the tracing loop, or after delivering it).
    if (this.system && (this.cpu.mode & MODE_TRACE || this.cpu.asyncPending())) {
      this.asyncStop = true;
      return true;
    }
    return false;
  }

  /** Turn a throw from guest code into the trap run() returns (or rethrow a host error). */
  private trapped(e: unknown, n: number, blk: Block | undefined, page: CodePage | undefined, tagLo: number, tagHi: number): CpuTrap | Interrupt {
    const s = this.cpu;
    let trap: CpuTrap | Interrupt;
    if (e instanceof CpuTrap || e instanceof Interrupt) trap = e;
    else if (e instanceof MemFault) trap = new CpuTrap('segv', e.reason === 'unmapped' ? 1 : 2, e.address);
    else {
      this.finish(n, page, tagLo, tagHi);
      throw e;
    }
    if (blk !== undefined && this.calls !== undefined) {
      // A wasm block chained by the trampoline threw: that block, after what the earlier ones retired.
      n += this.calls.chained;
      blk = this.calls.current;
    }
    if (blk !== undefined) {
      // Inside a block: earlier passes retired s.blockRetired instructions, and
      // nip points past the instruction that threw, so the k before it in this
      // pass have retired too.
      const k = (((s.nipLo - blk.lo) | 0) >>> 2) - 1;
      n += s.blockRetired + (k >= 0 && k < blk.len ? k : blk.len - 1);
    }
    const after = trap instanceof CpuTrap ? trap.kind === 'syscall' || trap.kind === 'wait' : trap.after;
    this.lastWord = 0;
    if (after) {
      n++;
      if (page !== undefined) this.lastWord = page.w[((s.nipLo - 4) >>> 2) & (SLOTS - 1)]!;
    } else if (this.fetchFaulted) this.fetchFaulted = false;
    else {
      // nip was advanced before the handler ran: step back to the faulting instruction.
      const lo = (s.nipLo - 4) | 0;
      if (lo >>> 0 > s.nipLo >>> 0) s.nipHi = (s.nipHi - 1) | 0;
      s.nipLo = lo;
      if (page !== undefined) this.lastWord = page.w[(lo >>> 2) & (SLOTS - 1)]!;
    }
    this.finish(n, page, tagLo, tagHi);
    return trap;
  }

  private finish(n: number, page: CodePage | undefined, tagLo: number, tagHi: number): void {
    this.cpu.icount += n;
    this.curPage = page;
    this.curTagLo = tagLo;
    this.curTagHi = tagHi;
  }
}
