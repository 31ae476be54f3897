// Interpreter: unit 'loadstore'. Handlers keyed by the mnemonic of their table
// row (src/isa/ppc64/table/loadstore.ts), gathered from the files that
// implement them:
//   ../access.ts         the plain loads/stores (integer, byte-reversed, FP), described once for every tier
//   loadstore-atomic.ts  larx/stcx., lq/stq, lqarx/stqcx.
//   loadstore-string.ts  lmw/stmw, lswi/lswx/stswi/stswx
//   loadstore-fp.ts      floating-point load/store pairs (lfdp/stfdp)
//   loadstore-vec.ts     VMX and VSX loads/stores

import type { HandlerTable } from './handler.js';
import { ACCESS_HANDLERS } from '../access.js';
import { LOADSTORE_ATOMIC_HANDLERS } from './loadstore-atomic.js';
import { LOADSTORE_STRING_HANDLERS } from './loadstore-string.js';
import { LOADSTORE_FP_HANDLERS } from './loadstore-fp.js';
import { LOADSTORE_VEC_HANDLERS } from './loadstore-vec.js';

export const LOADSTORE_HANDLERS: HandlerTable = {
  ...ACCESS_HANDLERS,
  ...LOADSTORE_ATOMIC_HANDLERS,
  ...LOADSTORE_STRING_HANDLERS,
  ...LOADSTORE_FP_HANDLERS,
  ...LOADSTORE_VEC_HANDLERS,
};
