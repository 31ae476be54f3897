// Instruction table rows: unit 'system' (system call, storage control,
// SPR moves, cache management, privileged instructions). See ../spec.ts.

import type { InsnDef } from '../spec.js';

export const SYSTEM: InsnDef[] = [
  { mnem: 'sc', form: 'SC', opcd: 17, xo: 1, fixed: { LK: 0 }, ops: '', unit: 'system' },
  { mnem: 'mfspr', form: 'XFX', opcd: 31, xo: 339, ops: 'RT,SPR', unit: 'system' },
  { mnem: 'mtspr', form: 'XFX', opcd: 31, xo: 467, ops: 'SPR,RS', unit: 'system' },
  { mnem: 'mfcr', form: 'XFX', opcd: 31, xo: 19, fixed: { L11: 0 }, ops: 'RT', unit: 'system' },
  { mnem: 'mtcrf', form: 'XFX', opcd: 31, xo: 144, fixed: { L11: 0 }, ops: 'FXM,RS', unit: 'system' },
];
