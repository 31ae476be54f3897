// Operand printing for the disassembler, the way GNU objdump (binutils 2.40)
// prints PowerPC operands: registers as r/f/v/vs + number, CR fields as crN,
// CR bits as "4*crN+cc" (or just "cc" for CR0), immediates in signed or
// unsigned decimal as the field is defined, branch targets as absolute hex
// addresses, and "RA|0" operands as a bare 0 when RA is 0.
//
// Operands are given as small specs compiled once per table row or alias:
//   FIELD            a field of fields.ts, printed by the field's kind
//   kind:EXPR        an expression over fields printed as `kind`
//                    (kinds: r r0 f v vs cr crb imm rel abs)
//   SPEC?            optional: trailing optional operands are all omitted
//                    when each one's value is 0 (objdump's default value)
//   D(RA)            displacement then base register in parentheses
// Expressions: integers, field names, + - * & >> % and parentheses.

import { FIELDS, bits, encodeField, field, fieldMask, sext, type FieldName } from './fields.js';

export type Kind = 'r' | 'r0' | 'f' | 'v' | 'vs' | 'cr' | 'crb' | 'imm' | 'rel' | 'abs';

/** The print kind of each field when it appears as a plain operand. */
const KIND_OF: Partial<Record<FieldName, Kind>> = {
  RT: 'r', RS: 'r', RA: 'r', RB: 'r', RC: 'r', RTp: 'r', RSp: 'r',
  FRT: 'f', FRS: 'f', FRA: 'f', FRB: 'f', FRC: 'f', FRTp: 'f', FRSp: 'f',
  VRT: 'v', VRS: 'v', VRA: 'v', VRB: 'v', VRC: 'v',
  XT: 'vs', XS: 'vs', XA: 'vs', XB: 'vs', XC: 'vs', XT_DQ: 'vs', XS_DQ: 'vs', XT_X: 'vs',
  BF: 'cr', BFA: 'cr',
  BT: 'crb', BA: 'crb', BB: 'crb', BI: 'crb', BC: 'crb',
  BD: 'rel', LI: 'rel',
};

export function kindOfField(name: string): Kind {
  return KIND_OF[name as FieldName] ?? 'imm';
}

// ---------------------------------------------------------------- expressions

export type Expr = (w: number) => number;

/** A fast reader for one field (simple fields get a shift-and-mask closure). */
function fieldReader(name: FieldName): Expr {
  const d = FIELDS[name] as { start?: number; len?: number; signed?: boolean; scale?: number };
  if (d.start === undefined || d.len === undefined) return (w) => field(w, name);
  const { start, len } = d;
  const mul = 2 ** (d.scale ?? 0);
  if (d.signed) return (w) => sext(bits(w, start, len), len) * mul;
  if (mul !== 1) return (w) => bits(w, start, len) * mul;
  const sh = 32 - start - len;
  const m = len === 32 ? 0xffffffff : (1 << len) - 1;
  return (w) => (w >>> sh) & m;
}

const exprCache = new Map<string, Expr>();

/** Compile an integer expression over instruction fields. */
export function compileExpr(src: string): Expr {
  const hit = exprCache.get(src);
  if (hit) return hit;
  const toks = src.match(/\d+|[A-Za-z_]\w*|>>|[-+*&%()]/g) ?? [];
  if (toks.join('') !== src.replace(/\s+/g, '')) throw new Error(`disasm: bad expression "${src}"`);
  let i = 0;
  const atom = (): Expr => {
    const t = toks[i++];
    if (t === undefined) throw new Error(`disasm: truncated expression "${src}"`);
    if (t === '(') {
      const e = additive();
      if (toks[i++] !== ')') throw new Error(`disasm: missing ) in "${src}"`);
      return e;
    }
    if (t === '-') {
      const a = atom();
      return (w) => -a(w);
    }
    if (/^\d+$/.test(t)) {
      const n = Number(t);
      return () => n;
    }
    if (!(t in FIELDS)) throw new Error(`disasm: unknown field ${t} in "${src}"`);
    return fieldReader(t as FieldName);
  };
  const multiplicative = (): Expr => {
    let l = atom();
    for (;;) {
      const op = toks[i];
      if (op !== '*' && op !== '&' && op !== '>>' && op !== '%') return l;
      i++;
      const a = l;
      const b = atom();
      l = op === '*' ? (w) => a(w) * b(w) : op === '&' ? (w) => a(w) & b(w) : op === '>>' ? (w) => a(w) >> b(w) : (w) => a(w) % b(w);
    }
  };
  const additive = (): Expr => {
    let l = multiplicative();
    for (;;) {
      const op = toks[i];
      if (op !== '+' && op !== '-') return l;
      i++;
      const a = l;
      const b = multiplicative();
      l = op === '+' ? (w) => a(w) + b(w) : (w) => a(w) - b(w);
    }
  };
  const e = additive();
  if (i !== toks.length) throw new Error(`disasm: trailing tokens in "${src}"`);
  exprCache.set(src, e);
  return e;
}

export type Cond = (w: number) => boolean;

/** A compiled condition: a (mask, match) prefilter for its FIELD=constant terms, then the rest. */
export interface CompiledCond {
  readonly mask: number;
  readonly match: number;
  /** The remaining terms (undefined: none). */
  readonly rest?: Cond;
}

/** Compile "EXPR op EXPR && …" (op: = != < > <= >=); an empty string is always true. */
export function compileCond(src: string): CompiledCond {
  const parts = src.split('&&').map((s) => s.trim()).filter(Boolean);
  let mask = 0;
  let match = 0;
  const tests: Cond[] = [];
  for (const p of parts) {
    const m = /^(.+?)(<=|>=|!=|=|<|>)(.+)$/.exec(p);
    if (!m) throw new Error(`disasm: bad condition "${p}"`);
    const [l, op, r] = [m[1]!.trim(), m[2]!, m[3]!.trim()];
    if (op === '=' && l in FIELDS && /^-?\d+$/.test(r)) {
      const f = l as FieldName;
      const fm = fieldMask(f);
      const enc = encodeField(f, Number(r));
      if (field(enc, f) === Number(r) && (mask & fm) === 0) {
        mask = (mask | fm) >>> 0;
        match = (match | enc) >>> 0;
        continue;
      }
    }
    const a = compileExpr(l);
    const b = compileExpr(r);
    switch (op) {
      case '=': tests.push((w) => a(w) === b(w)); break;
      case '!=': tests.push((w) => a(w) !== b(w)); break;
      case '<': tests.push((w) => a(w) < b(w)); break;
      case '>': tests.push((w) => a(w) > b(w)); break;
      case '<=': tests.push((w) => a(w) <= b(w)); break;
      default: tests.push((w) => a(w) >= b(w));
    }
  }
  const rest: Cond | undefined = tests.length === 0 ? undefined : tests.length === 1 ? tests[0] : (w) => tests.every((t) => t(w));
  return { mask, match, rest };
}

// ---------------------------------------------------------------- operands

export interface Operand {
  readonly kind: Kind;
  readonly value: Expr;
  readonly optional: boolean;
  /** objdump omits trailing optional operands that all have their default value. */
  readonly dflt: number;
  /** This operand is printed inside parentheses after the previous one. */
  readonly paren: boolean;
}

function operand(spec: string, paren: boolean, ra0: boolean): Operand {
  let s = spec.trim();
  const opt = /\?(\d*)$/.exec(s);
  const optional = !!opt;
  const dflt = opt && opt[1] ? Number(opt[1]) : 0;
  if (opt) s = s.slice(0, opt.index);
  let kind: Kind;
  const m = /^(r0|r|f|vs|v|crb|cr|imm|rel|abs):(.+)$/.exec(s);
  if (m) {
    kind = m[1] as Kind;
    s = m[2]!;
  } else {
    kind = kindOfField(s);
    if (kind === 'r' && s === 'RA' && (ra0 || paren)) kind = 'r0';
  }
  return { kind, value: compileExpr(s), optional, dflt, paren };
}

function balanced(s: string): boolean {
  let d = 0;
  for (const ch of s) {
    if (ch === '(') d++;
    else if (ch === ')' && --d < 0) return false;
  }
  return d === 0;
}

/** Compile an operand list ("RT,D(RA)", "RA,RS,imm:63-ME6", "cr:BI>>2?"). */
export function compileOperands(ops: string, ra0 = false): Operand[] {
  const out: Operand[] = [];
  if (!ops.trim()) return out;
  // split on top-level commas (expressions may contain parentheses)
  const specs: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of ops) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      specs.push(cur);
      cur = '';
    } else cur += ch;
  }
  specs.push(cur);
  for (const spec of specs) {
    const mem = /^\s*(.+)\(((?:r0?:)?(\w+))\)\s*$/.exec(spec);
    if (mem && mem[3]! in FIELDS && balanced(mem[1]!)) {
      out.push(operand(mem[1]!, false, ra0));
      out.push(operand(mem[2]!, true, ra0));
    } else out.push(operand(spec, false, ra0));
  }
  return out;
}

const CC = ['lt', 'gt', 'eq', 'so'];

function hex(v: bigint): string {
  return '0x' + v.toString(16);
}

/** Print one operand value as objdump does. */
export function formatValue(kind: Kind, v: number, addr: bigint): string {
  switch (kind) {
    case 'r': return 'r' + v;
    case 'r0': return v === 0 ? '0' : 'r' + v;
    case 'f': return 'f' + v;
    case 'v': return 'v' + v;
    case 'vs': return 'vs' + v;
    case 'cr': return 'cr' + v;
    case 'crb': {
      const cc = CC[v & 3]!;
      return v >> 2 ? `4*cr${v >> 2}+${cc}` : cc;
    }
    case 'rel': return hex(BigInt.asUintN(64, addr + BigInt(v)));
    case 'abs': return hex(BigInt(v >>> 0));
    default: return String(v);
  }
}

/** Print an operand list for word `w` at `addr`. */
export function formatOperands(ops: readonly Operand[], w: number, addr: bigint): string {
  let out = '';
  let skipRest = false;
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k]!;
    if (o.optional) {
      if (!skipRest) {
        skipRest = true;
        for (let j = k; j < ops.length; j++) {
          const q = ops[j]!;
          if (q.optional && q.value(w) !== q.dflt) {
            skipRest = false;
            break;
          }
        }
      }
      if (skipRest) continue;
    }
    const text = formatValue(o.kind, o.value(w), addr);
    if (o.paren) out += '(' + text + ')';
    else out += (out ? ',' : '') + text;
  }
  return out;
}
