// Table-driven disassembler: a decoded table row plus the instruction word
// become the text GNU objdump (binutils 2.40) prints for it, e.g.
// "addi    r3,r3,1", "ld      r9,16(r1)", "beq     cr7,0x1000abcd".
//
// The row's `ops` give the operands in assembler order; their print kind
// follows from the field (disasm-operands.ts). Extended mnemonics come from the
// declarative alias table (disasm-aliases.ts). Words no row matches print as
// ".long 0x…", as objdump prints data.

import { decoder, type Decoder } from './decoder.js';
import { FIELDS } from './fields.js';
import { rcBitOf, type Insn } from './spec.js';
import { ALIASES } from './disasm-aliases.js';
import { compileCond, compileOperands, formatOperands, type Cond, type Operand } from './disasm-operands.js';

interface CompiledAlias {
  readonly mask: number;
  readonly match: number;
  readonly rest?: Cond;
  readonly name: string;
  readonly ops: Operand[];
  readonly exact: boolean;
}

interface RowPlan {
  readonly ops: Operand[];
  readonly aliases: readonly CompiledAlias[];
  /** Bits whose being set appends a suffix to the mnemonic. */
  readonly oeBit: number;
  readonly rcBit: number;
  readonly lkBit: number;
  readonly aaBit: number;
}

/**
 * Rows whose RA operand is "RA|0" (printed as 0 when RA is 0) besides every
 * load/store: objdump's RA0 operand.
 */
const RA0 = /^(dcb|icb|isel|mtvsrdd|copy|paste|lxv|stxv|lxs|stxs|ldat|lwat|stdat|stwat|ldbrx|stdbrx|lbz|lhz|lwz|ld|st|l[bhwd]arx|st[bhwd]cx|tlbie|slbie)/;

const aliasesByBase = new Map<string, AliasDef[]>();
type AliasDef = (typeof ALIASES)[number];
for (const a of ALIASES) {
  for (const b of typeof a.base === 'string' ? [a.base] : a.base) {
    let l = aliasesByBase.get(b);
    if (!l) aliasesByBase.set(b, (l = []));
    l.push(a);
  }
}

const plans = new Map<Insn, RowPlan>();

function bit(n: number): number {
  return (1 << (31 - n)) >>> 0;
}

function planFor(row: Insn): RowPlan {
  let p = plans.get(row);
  if (p) return p;
  const ra0 = row.unit === 'loadstore' || RA0.test(row.mnem);
  const free = (b: number) => ((row.mask & b) === 0 ? b : 0);
  const branchy = row.form === 'I' || row.form === 'B';
  const rcForm = ['X', 'XL', 'XFX', 'XFL', 'XS', 'XO', 'A', 'M', 'MD', 'MDS', 'VC', 'XX3R', 'Z22', 'Z23'].includes(row.form);
  p = {
    ops: compileOperands(row.ops, ra0),
    aliases: (aliasesByBase.get(row.mnem) ?? []).map((a) => ({
      ...compileCond(a.when),
      name: a.name,
      ops: compileOperands(a.ops, ra0),
      exact: !!a.exact,
    })),
    oeBit: row.form === 'XO' && row.oe ? free(bit(21)) : 0,
    rcBit: rcForm && row.rc ? free(bit(rcBitOf(row.form))) : 0,
    lkBit: branchy ? free(bit(31)) : 0,
    aaBit: branchy ? free(bit(30)) : 0,
  };
  plans.set(row, p);
  return p;
}

function pad(name: string, ops: string): string {
  if (!ops) return name;
  return name + ' '.repeat(Math.max(1, 8 - name.length)) + ops;
}

function dataWord(word: number): string {
  return '.long 0x' + (word >>> 0).toString(16);
}

/** objdump's text for an instruction word whose table row is known. */
export function disassembleRow(row: Insn, word: number, addr: bigint | number): string {
  const w = word >>> 0;
  const at = typeof addr === 'bigint' ? addr : BigInt(addr);
  const p = planFor(row);
  let sfx = '';
  if (p.oeBit && (w & p.oeBit)) sfx += 'o';
  if (p.rcBit && (w & p.rcBit)) sfx += '.';
  for (const a of p.aliases) {
    if (((w & a.mask) >>> 0) !== a.match || (a.rest && !a.rest(w))) continue;
    if (a.name === '.long') return dataWord(w);
    return pad(a.exact ? a.name : a.name + sfx, formatOperands(a.ops, w, at));
  }
  let name = row.mnem;
  if (p.lkBit && (w & p.lkBit)) name += 'l';
  if (p.aaBit && (w & p.aaBit)) name += 'a';
  let ops = p.ops;
  if (p.aaBit && (w & p.aaBit)) ops = ops.map((o) => (o.kind === 'rel' ? { ...o, kind: 'abs' as const } : o));
  return pad(name + sfx, formatOperands(ops, w, at));
}

/** The exact text `objdump -d` prints for `word` at `addr` (without address and bytes). */
export function disassemble(word: number, addr: bigint | number = 0n, dec: Decoder = decoder()): string {
  const row = dec.decode(word >>> 0);
  return row ? disassembleRow(row, word, addr) : dataWord(word);
}

/** Field names known to the disassembler (for tests of alias/operand strings). */
export const KNOWN_FIELDS: ReadonlySet<string> = new Set(Object.keys(FIELDS));
