// The shape of one row of the declarative instruction table.
//
// A row names an instruction, its form, its opcodes and its operands as the
// Power ISA lists them. From rows the decoder derives (mask, match) pairs, the
// disassembler its text, the random-instruction generator its valid encodings,
// and the interpreter binds a handler to the row's mnemonic.

import { FIELDS, fieldMask, encodeField, type FieldName } from './fields.js';

/** Instruction forms of the Power ISA (Book I, 1.6) and where each keeps its extended opcode. */
export const FORMS = {
  I: { xo: null },
  B: { xo: null },
  SC: { xo: [30, 1] },
  D: { xo: null },
  DS: { xo: [30, 2] },
  DQ: { xo: [29, 3] },
  DX: { xo: [26, 5] },
  X: { xo: [21, 10] },
  XL: { xo: [21, 10] },
  XFX: { xo: [21, 10] },
  XFL: { xo: [21, 10] },
  XS: { xo: [21, 9] },
  XO: { xo: [22, 9] },
  A: { xo: [26, 5] },
  M: { xo: null },
  MD: { xo: [27, 3] },
  MDS: { xo: [27, 4] },
  VA: { xo: [26, 6] },
  VX: { xo: [21, 11] },
  VC: { xo: [22, 10] },
  XX1: { xo: [21, 10] },
  XX2: { xo: [21, 9] },
  XX3: { xo: [21, 8] },
  XX3R: { xo: [22, 7] }, // XX3 with Rc at bit 21 (vector compares)
  XX4: { xo: [26, 2] },
  Z22: { xo: [22, 9] },
  Z23: { xo: [23, 8] },
} as const satisfies Record<string, { xo: readonly [number, number] | null }>;

export type Form = keyof typeof FORMS;

export type Unit = 'fixed' | 'branch' | 'cr' | 'loadstore' | 'fp' | 'vmx' | 'vsx' | 'system';
export type Privilege = 'user' | 'supervisor' | 'hypervisor';

export interface InsnDef {
  /** Mnemonic of the base form (Rc=0, OE=0). Unique across the table; handlers bind to it. */
  readonly mnem: string;
  readonly form: Form;
  readonly opcd: number;
  /** Extended opcode, placed where the form keeps it. */
  readonly xo?: number;
  /** Further fields with a fixed value (sub-opcodes in RA, reserved bits that must be 0…). */
  readonly fixed?: Partial<Record<FieldName, number>>;
  /** The Rc bit is free: the "mnem." variant records CR0 (CR6 for vector compares). */
  readonly rc?: boolean;
  /** The OE bit is free: the "mnemo" variant sets OV/SO. */
  readonly oe?: boolean;
  /** Operands in assembler order, comma separated: field names, or "D(RA)", "DS(RA)", "DQ(RA)". */
  readonly ops: string;
  readonly unit: Unit;
  /** Default 'user'. */
  readonly priv?: Privilege;
  /** Bits that must be zero besides the opcode (reserved fields), when not implied by `fixed`. */
  readonly reservedMask?: number;
}

/** A table row with the derived decode mask and match. */
export interface Insn extends InsnDef {
  readonly mask: number;
  readonly match: number;
}

/** Bit position (ISA numbering) of the Rc bit for a form. */
export function rcBitOf(form: Form): number {
  return form === 'VC' || form === 'XX3R' ? 21 : 31;
}

/** Compute mask/match of a row. */
export function finishInsn(d: InsnDef): Insn {
  let mask = fieldMask('OPCD');
  let match = encodeField('OPCD', d.opcd);
  const xo = FORMS[d.form].xo;
  if (xo) {
    if (d.xo === undefined) throw new Error(`${d.mnem}: form ${d.form} needs an xo`);
    const [s, l] = xo;
    const m = (((1 << l) - 1) << (32 - s - l)) >>> 0;
    mask = (mask | m) >>> 0;
    match = (match | (((d.xo << (32 - s - l)) & m) >>> 0)) >>> 0;
  }
  // Forms whose Rc/OE bit sits outside the xo field: fix them to 0 unless free.
  const hasRc = ['X', 'XL', 'XFX', 'XFL', 'XS', 'XO', 'A', 'M', 'MD', 'MDS', 'VC', 'XX3R', 'Z22', 'Z23'].includes(d.form);
  if (hasRc && !d.rc && !(d.fixed && ('Rc' in d.fixed || 'Rc21' in d.fixed))) {
    const rb = rcBitOf(d.form);
    mask = (mask | (1 << (31 - rb))) >>> 0;
  }
  if (d.form === 'XO' && !d.oe && !(d.fixed && 'OE' in d.fixed)) mask = (mask | (1 << (31 - 21))) >>> 0;
  if (d.fixed) {
    for (const [name, v] of Object.entries(d.fixed) as Array<[FieldName, number]>) {
      if (!(name in FIELDS)) throw new Error(`${d.mnem}: unknown field ${name}`);
      mask = (mask | fieldMask(name)) >>> 0;
      match = (match | encodeField(name, v)) >>> 0;
    }
  }
  if (d.reservedMask) mask = (mask | d.reservedMask) >>> 0;
  return { ...d, mask, match: (match & mask) >>> 0 };
}

/** The field names used by a row's operand string, in order. */
export function operandFields(ops: string): FieldName[] {
  if (!ops) return [];
  const out: FieldName[] = [];
  for (const tok of ops.split(',')) {
    const m = /^(\w+)\((\w+)\)$/.exec(tok.trim());
    if (m) out.push(m[1] as FieldName, m[2] as FieldName);
    else out.push(tok.trim() as FieldName);
  }
  return out;
}
