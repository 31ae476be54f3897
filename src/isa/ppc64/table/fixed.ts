// Instruction table rows: unit 'fixed' (fixed-point arithmetic, logical,
// compare, rotate/shift, CR-independent). See ../spec.ts for the row format.

import type { InsnDef } from '../spec.js';

export const FIXED: InsnDef[] = [
  { mnem: 'addi', form: 'D', opcd: 14, ops: 'RT,RA,SI', unit: 'fixed' },
  { mnem: 'addis', form: 'D', opcd: 15, ops: 'RT,RA,SI', unit: 'fixed' },
  { mnem: 'add', form: 'XO', opcd: 31, xo: 266, oe: true, rc: true, ops: 'RT,RA,RB', unit: 'fixed' },
  { mnem: 'ori', form: 'D', opcd: 24, ops: 'RA,RS,UI', unit: 'fixed' },
  { mnem: 'or', form: 'X', opcd: 31, xo: 444, rc: true, ops: 'RA,RS,RB', unit: 'fixed' },
];
