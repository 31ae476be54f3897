// Instruction table rows: unit 'branch'. See ../spec.ts for the row format.

import type { InsnDef } from '../spec.js';

export const BRANCH: InsnDef[] = [
];
