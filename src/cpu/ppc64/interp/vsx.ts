// Interpreter: unit 'vsx'. Handlers keyed by the mnemonic of their table row
// (src/isa/ppc64/table/vsx.ts), split by concern into vsx-*.ts.

import type { HandlerTable } from './handler.js';
import { VSX_PERM_HANDLERS } from './vsx-perm.js';
import { VSX_MOVE_HANDLERS } from './vsx-move.js';
import { VSX_SCALAR_HANDLERS } from './vsx-scalar.js';
import { VSX_VECTOR_HANDLERS } from './vsx-vector.js';
import { VSX_CONVERT_HANDLERS } from './vsx-convert.js';
import { VSX_QP_HANDLERS } from './vsx-qp.js';

export const VSX_HANDLERS: HandlerTable = {
  ...VSX_PERM_HANDLERS,
  ...VSX_MOVE_HANDLERS,
  ...VSX_SCALAR_HANDLERS,
  ...VSX_VECTOR_HANDLERS,
  ...VSX_CONVERT_HANDLERS,
  ...VSX_QP_HANDLERS,
};
