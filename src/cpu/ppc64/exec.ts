// The interpreter's run loop with a decoded-instruction cache.
//
// Code is cached per 4 KiB page of effective address: each slot holds the
// instruction word and its handler. The cache is dropped for a page on icbi
// (the architected way to make modified code visible) and when memory is
// unmapped; a JIT tier would key compiled blocks the same way (docs/jit.md).

import { decoder, type Decoder } from '../../isa/ppc64/decoder.js';
import { MemFault } from '../../memory/guest-memory.js';
import { HANDLERS, type Handler } from './interp/index.js';
import type { CpuState } from './state.js';
import { CpuTrap } from './trap.js';

const CODE_PAGE_SHIFT = 12;
const SLOTS = 1 << (CODE_PAGE_SHIFT - 2);

interface CodePage {
  readonly h: Array<Handler | undefined>;
  readonly w: Int32Array;
}

const illegalHandler: Handler = () => {
  throw new CpuTrap('illegal');
};
const privilegedHandler: Handler = () => {
  throw new CpuTrap('privileged');
};

export interface ExecutorOptions {
  /** Problem state (MSR[PR]=1): supervisor and hypervisor instructions trap as privileged. */
  problemState?: boolean;
  decoder?: Decoder;
}

export class Executor {
  private readonly pages = new Map<number, CodePage>();
  private readonly dec: Decoder;
  private readonly problemState: boolean;
  private cachedLe: boolean;

  constructor(
    readonly cpu: CpuState,
    opts: ExecutorOptions = {},
  ) {
    this.dec = opts.decoder ?? decoder();
    this.problemState = opts.problemState ?? true;
    this.cachedLe = cpu.le;
    cpu.onIcbi = (hi, lo) => this.invalidate((hi >>> 0) * 2 ** 32 + (lo >>> 0), 128);
  }

  /** The handler that executes an instruction word (illegal/privileged traps included). */
  handlerFor(word: number): Handler {
    const row = this.dec.decode(word);
    if (!row) return illegalHandler;
    if (this.problemState && row.priv && row.priv !== 'user') return privilegedHandler;
    return HANDLERS[row.mnem] ?? illegalHandler;
  }

  /** Forget decoded code in [addr, addr+len). */
  invalidate(addr: number, len: number): void {
    const first = Math.floor(addr / (1 << CODE_PAGE_SHIFT));
    const last = Math.floor((addr + Math.max(len, 1) - 1) / (1 << CODE_PAGE_SHIFT));
    for (let p = first; p <= last; p++) this.pages.get(p)?.h.fill(undefined);
  }

  invalidateAll(): void {
    for (const p of this.pages.values()) p.h.fill(undefined);
  }

  private codePage(hi: number, lo: number): CodePage {
    const key = (hi >>> 0) * 2 ** (32 - CODE_PAGE_SHIFT) + (lo >>> CODE_PAGE_SHIFT);
    let p = this.pages.get(key);
    if (!p) {
      p = { h: new Array<Handler | undefined>(SLOTS).fill(undefined), w: new Int32Array(SLOTS) };
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
    const h = this.handlerFor(w);
    p.w[idx] = w;
    p.h[idx] = h;
    return h;
  }

  /**
   * Run until `budget` instructions have retired (returns undefined) or the
   * CPU traps (returns the trap; nip then points at the trapping instruction,
   * or past it for a syscall).
   */
  run(budget: number): CpuTrap | undefined {
    const s = this.cpu;
    if (s.le !== this.cachedLe) {
      this.invalidateAll();
      this.cachedLe = s.le;
    }
    let n = 0;
    let page: CodePage | undefined;
    let tagLo = -1;
    let tagHi = 0;
    try {
      while (n < budget) {
        const lo = s.nipLo;
        const hi = s.nipHi;
        if (lo >>> CODE_PAGE_SHIFT !== tagLo || hi !== tagHi || page === undefined) {
          page = this.codePage(hi, lo);
          tagLo = lo >>> CODE_PAGE_SHIFT;
          tagHi = hi;
        }
        const idx = (lo >>> 2) & (SLOTS - 1);
        const h = page.h[idx] ?? this.fill(page, idx, hi, lo);
        const next = (lo + 4) | 0;
        s.nipLo = next;
        if (next === 0) s.nipHi = (hi + 1) | 0;
        h(s, page.w[idx]!);
        n++;
      }
      return undefined;
    } catch (e) {
      let trap: CpuTrap;
      if (e instanceof CpuTrap) trap = e;
      else if (e instanceof MemFault) trap = new CpuTrap('segv', e.reason === 'unmapped' ? 1 : 2, e.address);
      else throw e;
      if (trap.kind === 'syscall') n++;
      else if (this.fetchFaulted) this.fetchFaulted = false;
      else {
        // nip was advanced before the handler ran: step back to the faulting instruction.
        const lo = (s.nipLo - 4) | 0;
        if (lo >>> 0 > s.nipLo >>> 0) s.nipHi = (s.nipHi - 1) | 0;
        s.nipLo = lo;
      }
      return trap;
    } finally {
      s.icount += n;
    }
  }

  private fetchFaulted = false;
}
