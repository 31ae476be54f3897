// Interpreter: unit 'vsx'. Handlers keyed by the mnemonic of their table row
// (src/isa/ppc64/table/vsx.ts), split by concern into vsx-*.ts.

import type { HandlerTable } from './handler.js';
import { VSX_PERM_HANDLERS } from './vsx-perm.js';
import { VSX_MOVE_HANDLERS } from './vsx-move.js';

export const VSX_HANDLERS: HandlerTable = {
  ...VSX_PERM_HANDLERS,
  ...VSX_MOVE_HANDLERS,
};
