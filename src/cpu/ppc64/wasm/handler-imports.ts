// How a wasm block calls an interpreter handler (wasm-block.ts): through
// an import that copies the scalar mirror (regfile.ts) in and out when the
// handler may touch it, and only when it throws otherwise.

import type { Handler } from '../interp/index.js';
import type { CpuState } from '../state.js';
import { syncIn, syncOut } from '../regfile.js';
import { decoder } from '../../../isa/ppc64/decoder.js';
import { rcBitOf } from '../../../isa/ppc64/spec.js';

/**
 * Fixed-point, vector and VSX forms whose handlers touch none of the
 * mirrored registers (CR, XER[SO,CA], LR, CTR) when their Rc and OE bits are
 * clear: the kernel's common ones that have no emitter here.
 */
const MIRROR_FREE = new Set([
  'mulld', 'mullw', 'mulli', 'mulhd', 'mulhdu', 'mulhw', 'mulhwu', 'divd', 'divdu', 'divw', 'divwu', 'modsd', 'modud', 'modsw', 'moduw',
  'sld', 'srd', 'slw', 'srw', 'cntlzd', 'cntlzw', 'cnttzd', 'cnttzw', 'popcntb', 'popcntw', 'popcntd', 'rldimi', 'rlwimi', 'rlwnm', 'rldcl', 'rldcr',
  'extswsli', 'prtyw', 'prtyd', 'bpermd', 'cmpb', 'maddhd', 'maddhdu', 'maddld',
  'xxpermdi', 'xxlor', 'xxlxor', 'xxland', 'xxlandc', 'xxlnor', 'xxsel', 'xxspltw', 'xxswapd', 'vperm', 'vxor', 'vor', 'vand', 'vandc', 'vsldoi',
  'mfvsrd', 'mtvsrd', 'mfvsrwz', 'mtvsrwz', 'mtvsrwa', 'mfvsrld', 'mtvsrdd', 'mtvsrws',
]);

/** SPRs that are mirrored scalars (XER, LR, CTR): mfspr of them must see the mirror. */
const MIRRORED_SPRS = new Set([1, 8, 9]);

/**
 * Whether the handler of `w` leaves the mirrored registers alone, so a wasm
 * block calls it without copying them (only nip can matter, when it throws).
 */
export function mirrorFree(w: number): boolean {
  const row = decoder().decode(w);
  if (row === undefined || row.mnem.endsWith('.')) return false;
  if (row.rc && (w >>> (31 - rcBitOf(row.form))) & 1) return false;
  if (row.oe && w & 0x400) return false;
  // mtspr can switch the MMU context (PID, LPCR, …): it copies, so the
  // trampoline sees the context generation change (block-caller.ts).
  if (row.mnem === 'mtspr') return false;
  if (row.mnem === 'mfspr') {
    const spr = ((w >>> 16) & 31) | (((w >>> 11) & 31) << 5);
    return !MIRRORED_SPRS.has(spr);
  }
  if (row.unit === 'loadstore') return true;
  return MIRROR_FREE.has(row.mnem);
}

/**
 * The import that runs an interpreter handler from wasm. A handler that may
 * touch the mirrored registers gets them copied in and back out; a
 * mirror-free one runs directly, and if it throws, the mirror (nip, the
 * retired count, and whatever the block changed so far) is copied in for
 * the run loop's accounting before the exception goes on.
 */
export function importFor(cpu: CpuState, fn: Handler, free: boolean): (w: number) => void {
  // A function of its own per handler (new Function: its own code and
  // feedback), so the call to the handler inside is monomorphic and V8
  // inlines it; one closure over shared source would see every handler.
  // Each thread makes one per (handler, copying or not): block-caller.ts.
  const src = free
    ? 'return function (w) { try { fn(cpu, w); } catch (e) { syncIn(cpu); throw e; } };'
    : 'return function (w) { syncIn(cpu); fn(cpu, w); syncOut(cpu); };';
  try {
    return new Function('fn', 'cpu', 'syncIn', 'syncOut', src)(fn, cpu, syncIn, syncOut) as (w: number) => void;
  } catch {
    // No code generation (a CSP-restricted host): the same as closures.
    return free
      ? (w: number) => {
          try {
            fn(cpu, w);
          } catch (e) {
            syncIn(cpu);
            throw e;
          }
        }
      : (w: number) => {
          syncIn(cpu);
          fn(cpu, w);
          syncOut(cpu);
        };
  }
}
