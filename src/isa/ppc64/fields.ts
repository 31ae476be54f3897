// Instruction fields of the Power ISA, in the ISA's own big-endian bit numbering:
// bit 0 is the most significant bit of the 32-bit instruction word.
//
// Simple fields are [start, length]. Split or scaled fields (SPR, XT, MB6, SH6, DS…)
// are functions, so the decoder, the disassembler and the random-instruction
// generator all read the same definitions. Interpreter handlers extract their
// fields with inline shifts instead (hot path), but must agree with these.

/** Extract `len` bits starting at ISA bit `start` of a 32-bit instruction word. */
export function bits(insn: number, start: number, len: number): number {
  return (insn >>> (32 - start - len)) & ((len === 32 ? 0 : 1 << len) - 1);
}

/** Sign-extend the low `len` bits of `v`. */
export function sext(v: number, len: number): number {
  return (v << (32 - len)) >> (32 - len);
}

/** Place `v` into the field [start, len] of an instruction word (for encoders). */
export function place(v: number, start: number, len: number): number {
  const mask = len === 32 ? 0xffffffff : (1 << len) - 1;
  return ((v & mask) << (32 - start - len)) >>> 0;
}

export interface SimpleField {
  readonly start: number;
  readonly len: number;
  /** true: the value is signed (two's complement over len bits). */
  readonly signed?: boolean;
  /** the value is shifted left by this much (DS, DQ, BD, LI). */
  readonly scale?: number;
}

/**
 * A composite field: made of several bit ranges concatenated, most significant
 * part first. XT = TX || T for example is parts [[31,1],[6,5]].
 */
export interface CompositeField {
  readonly parts: ReadonlyArray<readonly [number, number]>;
  readonly signed?: boolean;
  readonly scale?: number;
}

export type FieldDef = SimpleField | CompositeField;

const f = (start: number, len: number, extra: Partial<SimpleField> = {}): SimpleField => ({ start, len, ...extra });
const c = (parts: Array<[number, number]>, extra: Partial<CompositeField> = {}): CompositeField => ({ parts, ...extra });

/** Every named field. Names follow the Power ISA v3.0B. */
export const FIELDS = {
  OPCD: f(0, 6),
  // 6:10
  RT: f(6, 5), RS: f(6, 5), FRT: f(6, 5), FRS: f(6, 5), VRT: f(6, 5), VRS: f(6, 5),
  BO: f(6, 5), TO: f(6, 5), BT: f(6, 5), TH: f(6, 5), CT: f(7, 4), RTp: f(6, 5), RSp: f(6, 5),
  FRTp: f(6, 5), FRSp: f(6, 5), T: f(6, 5), S: f(6, 5),
  BF: f(6, 3), L10: f(10, 1), L9: f(9, 2), L9_1: f(9, 1), L8_3: f(8, 3), A6: f(6, 1), STRM: f(9, 2),
  // 11:15
  RA: f(11, 5), FRA: f(11, 5), VRA: f(11, 5), BI: f(11, 5), BA: f(11, 5),
  BFA: f(11, 3), L11: f(11, 1), SIM5: f(11, 5, { signed: true }), UIM5: f(11, 5),
  UIM4: f(12, 4), UIM3: f(13, 3), UIM2: f(14, 2), L14: f(14, 2), L15: f(15, 1), W: f(15, 1),
  NB: f(16, 5), SR: f(12, 4), TE: f(11, 5),
  // 16:20
  RB: f(16, 5), FRB: f(16, 5), VRB: f(16, 5), BB: f(16, 5), SH: f(16, 5), U: f(16, 4),
  DCM: f(16, 6), DGM: f(16, 6), IMM8: f(13, 8), BHRBE: f(11, 10), IH: f(8, 3),
  // 21:25
  RC: f(21, 5), FRC: f(21, 5), VRC: f(21, 5), MB: f(21, 5), BC: f(21, 5),
  CY: f(21, 2), SHB: f(22, 4), DM: f(22, 2), SHW: f(22, 2), RMC: f(21, 2), EH: f(31, 1),
  PS: f(22, 1), SIX: f(17, 4), ST: f(16, 1), R: f(15, 1), Rc21: f(21, 1),
  // 26:31
  ME: f(26, 5), BH: f(19, 2), FXM: f(12, 8), FLM: f(7, 8), L6: f(6, 1), L31: f(31, 1),
  Rc: f(31, 1), OE: f(21, 1), AA: f(30, 1), LK: f(31, 1),
  // immediates
  D: f(16, 16, { signed: true }), SI: f(16, 16, { signed: true }), UI: f(16, 16),
  DS: f(16, 14, { signed: true, scale: 2 }), DQ: f(16, 12, { signed: true, scale: 4 }),
  LI: f(6, 24, { signed: true, scale: 2 }), BD: f(16, 14, { signed: true, scale: 2 }),
  // composite
  SPR: c([[16, 5], [11, 5]]), TBR: c([[16, 5], [11, 5]]),
  SH6: c([[30, 1], [16, 5]]), MB6: c([[26, 1], [21, 5]]), ME6: c([[26, 1], [21, 5]]),
  SHXS: c([[30, 1], [16, 5]]),
  DX: c([[16, 10], [11, 5], [31, 1]], { signed: true }),
  XT: c([[31, 1], [6, 5]]), XS: c([[31, 1], [6, 5]]),
  XA: c([[29, 1], [11, 5]]), XB: c([[30, 1], [16, 5]]), XC: c([[28, 1], [21, 5]]),
  XT_DQ: c([[28, 1], [6, 5]]), XS_DQ: c([[28, 1], [6, 5]]),
  XT_X: c([[31, 1], [6, 5]]),
  // XX2 with A on the B slot bit 29 and XX1 stores: same as XS/XT
  DCMX: c([[25, 1], [29, 1], [11, 5]]),
  UIM_XX2: f(12, 4), UIM_XXSP: f(14, 2),
  // VSX (added by the vsx unit): xststdc*/xststdcqp DCMX at 9:15; XO parts of
  // xxpermdi/xxsldwi (24:28, with DM/SHW at 22:23) and of xvtstdc* (21:24, 26:28).
  DCMX7: f(9, 7), XO_XX3D: f(24, 5), XO_TSTDC: f(21, 4), XO_TSTDC3: f(26, 3),
  // FP (added by the fp unit): mffscdrni DRM at 18:20, mffscrni RM at 19:20.
  DRM: f(18, 3), RM: f(19, 2),
  // System (added by the system unit): sc/scv LEV at 20:26; tlbie/tlbiel RIC at 12:13, PRS at 14.
  LEV: f(20, 7), RIC: f(12, 2), PRS: f(14, 1),
  /** tbegin. R (bit 10) and tend. A (bit 6): transactional memory. */
  TMR: f(10, 1), TMA: f(6, 1),
} as const satisfies Record<string, FieldDef>;

export type FieldName = keyof typeof FIELDS;

/** Read a named field's value (sign-extended and scaled as defined). */
export function field(insn: number, name: FieldName): number {
  const d: FieldDef = FIELDS[name];
  let v: number;
  let len: number;
  if ('parts' in d) {
    v = 0;
    len = 0;
    for (const [s, l] of d.parts) {
      v = (v << l) | bits(insn, s, l);
      len += l;
    }
  } else {
    v = bits(insn, d.start, d.len);
    len = d.len;
  }
  if (d.signed) v = sext(v, len);
  if (d.scale) v = v * (1 << d.scale);
  return v;
}

/** Encode a named field value into an instruction word (inverse of `field`). */
export function encodeField(name: FieldName, value: number): number {
  const d: FieldDef = FIELDS[name];
  let v = d.scale ? Math.trunc(value / (1 << d.scale)) : value;
  if ('parts' in d) {
    let word = 0;
    let remaining = d.parts.reduce((n, [, l]) => n + l, 0);
    for (const [s, l] of d.parts) {
      remaining -= l;
      word |= place(v >>> remaining, s, l);
    }
    return word >>> 0;
  }
  return place(v, d.start, d.len);
}

/** The bit mask, in the instruction word, that a named field occupies. */
export function fieldMask(name: FieldName): number {
  const d: FieldDef = FIELDS[name];
  if ('parts' in d) return d.parts.reduce((m, [s, l]) => (m | place(-1, s, l)) >>> 0, 0);
  return place(-1, d.start, d.len);
}

/** Width in bits of a named field. */
export function fieldWidth(name: FieldName): number {
  const d: FieldDef = FIELDS[name];
  return 'parts' in d ? d.parts.reduce((n, [, l]) => n + l, 0) : d.len;
}
