// Instruction table rows: unit 'branch' (branches and traps) and unit 'cr'
// (condition register logical instructions). See ../spec.ts for the row format.

import type { InsnDef } from '../spec.js';

// XL-form branches keep LK in bit 31, where the XL form has its Rc bit, which
// finishInsn pins to 0 unless the row names Rc. Naming Rc21 in `fixed` (with
// the value bit 21 already has in the extended opcode, so the decode is
// unchanged) leaves bit 31 free, making LK an ordinary free bit as in b/bc.
const XL_LK_FREE_0 = { Rc21: 0 } as const; // xo < 512
const XL_LK_FREE_1 = { Rc21: 1 } as const; // xo >= 512
/** XL branches: bits 16:18 are reserved (BH sits at 19:20). */
const XL_BR_RESERVED = 0x0000e000;

export const BRANCH: InsnDef[] = [
  // Branches (Book I 2.4). AA (bit 30) and LK (bit 31) are free: b covers ba, bl, bla.
  { mnem: 'b', form: 'I', opcd: 18, ops: 'LI', unit: 'branch' },
  { mnem: 'bc', form: 'B', opcd: 16, ops: 'BO,BI,BD', unit: 'branch' },
  { mnem: 'bclr', form: 'XL', opcd: 19, xo: 16, fixed: XL_LK_FREE_0, reservedMask: XL_BR_RESERVED, ops: 'BO,BI,BH', unit: 'branch' },
  { mnem: 'bcctr', form: 'XL', opcd: 19, xo: 528, fixed: XL_LK_FREE_1, reservedMask: XL_BR_RESERVED, ops: 'BO,BI,BH', unit: 'branch' },
  { mnem: 'bctar', form: 'XL', opcd: 19, xo: 560, fixed: XL_LK_FREE_1, reservedMask: XL_BR_RESERVED, ops: 'BO,BI,BH', unit: 'branch' },

  // Condition register logical (Book I 2.5).
  { mnem: 'crand', form: 'XL', opcd: 19, xo: 257, ops: 'BT,BA,BB', unit: 'cr' },
  { mnem: 'crnand', form: 'XL', opcd: 19, xo: 225, ops: 'BT,BA,BB', unit: 'cr' },
  { mnem: 'cror', form: 'XL', opcd: 19, xo: 449, ops: 'BT,BA,BB', unit: 'cr' },
  { mnem: 'crxor', form: 'XL', opcd: 19, xo: 193, ops: 'BT,BA,BB', unit: 'cr' },
  { mnem: 'crnor', form: 'XL', opcd: 19, xo: 33, ops: 'BT,BA,BB', unit: 'cr' },
  { mnem: 'creqv', form: 'XL', opcd: 19, xo: 289, ops: 'BT,BA,BB', unit: 'cr' },
  { mnem: 'crandc', form: 'XL', opcd: 19, xo: 129, ops: 'BT,BA,BB', unit: 'cr' },
  { mnem: 'crorc', form: 'XL', opcd: 19, xo: 417, ops: 'BT,BA,BB', unit: 'cr' },
  // mcrf: bits 9:10 and 14:20 reserved.
  { mnem: 'mcrf', form: 'XL', opcd: 19, xo: 0, fixed: { L9: 0 }, reservedMask: 0x0003f800, ops: 'BF,BFA', unit: 'cr' },
  // mcrxrx (v3.0): bits 9:20 reserved.
  { mnem: 'mcrxrx', form: 'X', opcd: 31, xo: 576, reservedMask: 0x007ff800, ops: 'BF', unit: 'cr' },

  // Traps (Book I 3.3.11). Unit 'branch': they change control flow (SIGTRAP).
  { mnem: 'tdi', form: 'D', opcd: 2, ops: 'TO,RA,SI', unit: 'branch' },
  { mnem: 'twi', form: 'D', opcd: 3, ops: 'TO,RA,SI', unit: 'branch' },
  { mnem: 'tw', form: 'X', opcd: 31, xo: 4, ops: 'TO,RA,RB', unit: 'branch' },
  { mnem: 'td', form: 'X', opcd: 31, xo: 68, ops: 'TO,RA,RB', unit: 'branch' },
];
