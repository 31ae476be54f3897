// Instruction table rows: unit 'vmx'. See ../spec.ts for the row format.

import type { InsnDef } from '../spec.js';

export const VMX: InsnDef[] = [
  { mnem: 'mfvscr', form: 'VX', opcd: 4, xo: 1540, ops: 'VRT', unit: 'vmx' },
  { mnem: 'mtvscr', form: 'VX', opcd: 4, xo: 1604, ops: 'VRB', unit: 'vmx' },
];
