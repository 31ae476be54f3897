// Instruction table rows: unit 'loadstore'. See ../spec.ts for the row format.

import type { InsnDef } from '../spec.js';

export const LOADSTORE: InsnDef[] = [
  { mnem: 'ld', form: 'DS', opcd: 58, xo: 0, ops: 'RT,DS(RA)', unit: 'loadstore' },
  { mnem: 'std', form: 'DS', opcd: 62, xo: 0, ops: 'RS,DS(RA)', unit: 'loadstore' },
  { mnem: 'lfd', form: 'D', opcd: 50, ops: 'FRT,D(RA)', unit: 'loadstore' },
  { mnem: 'stfd', form: 'D', opcd: 54, ops: 'FRS,D(RA)', unit: 'loadstore' },
  { mnem: 'lvx', form: 'X', opcd: 31, xo: 103, ops: 'VRT,RA,RB', unit: 'loadstore' },
  { mnem: 'stvx', form: 'X', opcd: 31, xo: 231, ops: 'VRS,RA,RB', unit: 'loadstore' },
  { mnem: 'lxvd2x', form: 'XX1', opcd: 31, xo: 844, ops: 'XT,RA,RB', unit: 'loadstore' },
  { mnem: 'stxvd2x', form: 'XX1', opcd: 31, xo: 972, ops: 'XS,RA,RB', unit: 'loadstore' },
];
