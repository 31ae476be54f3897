// Instruction table rows: unit 'fp'. See ../spec.ts for the row format.

import type { InsnDef } from '../spec.js';

export const FP: InsnDef[] = [
  { mnem: 'mffs', form: 'X', opcd: 63, xo: 583, fixed: { RA: 0 }, rc: true, ops: 'FRT', unit: 'fp' },
  { mnem: 'mtfsf', form: 'XFL', opcd: 63, xo: 711, rc: true, ops: 'FLM,FRB,L6,W', unit: 'fp' },
];
