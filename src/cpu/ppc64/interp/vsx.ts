// Interpreter: unit 'vsx'. Handlers keyed by the mnemonic of their table row
// (src/isa/ppc64/table/vsx.ts).

import type { HandlerTable } from './handler.js';

export const VSX_HANDLERS: HandlerTable = {
};
