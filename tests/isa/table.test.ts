// The instruction table is consistent: encodings are disjoint, operands name
// real fields inside the instruction's free bits, and every user-level row
// has an interpreter handler.

import { describe, expect, it } from 'vitest';
import { INSNS } from '../../src/isa/ppc64/table/index.js';
import { FIELDS, fieldMask, type FieldName } from '../../src/isa/ppc64/fields.js';
import { operandFields } from '../../src/isa/ppc64/spec.js';
import { HANDLERS } from '../../src/cpu/ppc64/interp/index.js';
import { Decoder } from '../../src/isa/ppc64/decoder.js';

describe('instruction table', () => {
  it('has no two rows that match the same instruction word', () => {
    const clashes: string[] = [];
    for (let a = 0; a < INSNS.length; a++) {
      for (let b = a + 1; b < INSNS.length; b++) {
        const x = INSNS[a]!;
        const y = INSNS[b]!;
        if (x.opcd !== y.opcd) continue;
        if ((((x.match ^ y.match) & x.mask & y.mask) >>> 0) === 0) clashes.push(`${x.mnem} ~ ${y.mnem}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('names only known fields, none overlapping the opcode bits unless pinned by the row', () => {
    const bad: string[] = [];
    for (const r of INSNS) {
      for (const f of operandFields(r.ops)) {
        if (!(f in FIELDS)) bad.push(`${r.mnem}: unknown field ${f}`);
        else if (!(r.fixed && f in r.fixed) && (fieldMask(f as FieldName) & r.mask) >>> 0 !== 0) bad.push(`${r.mnem}: operand ${f} overlaps fixed bits`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('decodes each row\'s own encoding back to that row', () => {
    const dec = new Decoder();
    const wrong = INSNS.filter((r) => dec.decode(r.match) !== r).map((r) => r.mnem);
    expect(wrong).toEqual([]);
  });

  it('has a handler for every user-level row', () => {
    const missing = INSNS.filter((r) => (r.priv ?? 'user') === 'user' && !HANDLERS[r.mnem]).map((r) => r.mnem);
    expect(missing).toEqual([]);
  });

  it('binds no handler to a mnemonic missing from the table', () => {
    const rows = new Set(INSNS.map((r) => r.mnem));
    expect(Object.keys(HANDLERS).filter((m) => !rows.has(m))).toEqual([]);
  });
});
