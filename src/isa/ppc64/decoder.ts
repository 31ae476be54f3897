// Table-driven decoder: primary opcode first, then the rows of that opcode
// from most to least specific mask. Decoding happens once per static
// instruction (the CPU caches decoded pages), so clarity beats cleverness here.

import type { Insn } from './spec.js';
import { INSNS } from './table/index.js';

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export class Decoder {
  private readonly byOpcd: Insn[][] = Array.from({ length: 64 }, () => []);

  constructor(readonly insns: readonly Insn[] = INSNS) {
    for (const i of insns) this.byOpcd[i.opcd]!.push(i);
    for (const rows of this.byOpcd) rows.sort((a, b) => popcount(b.mask) - popcount(a.mask));
  }

  /** The table row an instruction word matches, or undefined for an invalid/unknown word. */
  decode(word: number): Insn | undefined {
    const rows = this.byOpcd[word >>> 26]!;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      if (((word & r.mask) >>> 0) === r.match) return r;
    }
    return undefined;
  }
}

let shared: Decoder | undefined;
/** The decoder over the full table, built once. */
export function decoder(): Decoder {
  return (shared ??= new Decoder());
}
