// Instruction table rows: unit 'vsx'. See ../spec.ts for the row format.

import type { InsnDef } from '../spec.js';

export const VSX: InsnDef[] = [
];
