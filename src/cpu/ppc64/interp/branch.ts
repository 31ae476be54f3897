// Interpreter: unit 'branch'. Handlers keyed by the mnemonic of their table row
// (src/isa/ppc64/table/branch.ts).

import type { HandlerTable } from './handler.js';

export const BRANCH_HANDLERS: HandlerTable = {
};
