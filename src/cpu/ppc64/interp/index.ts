// All handlers, keyed by mnemonic. A table row without a handler decodes
// (and disassembles) but executes as an illegal instruction.

import type { HandlerTable } from './handler.js';
import { FIXED_HANDLERS } from './fixed.js';
import { BRANCH_HANDLERS } from './branch.js';
import { LOADSTORE_HANDLERS } from './loadstore.js';
import { SYSTEM_HANDLERS } from './system.js';
import { FP_HANDLERS } from './fp.js';
import { VMX_HANDLERS } from './vmx.js';
import { VSX_HANDLERS } from './vsx.js';

export type { Handler, HandlerTable } from './handler.js';

export const HANDLERS: HandlerTable = {
  ...FIXED_HANDLERS,
  ...BRANCH_HANDLERS,
  ...LOADSTORE_HANDLERS,
  ...SYSTEM_HANDLERS,
  ...FP_HANDLERS,
  ...VMX_HANDLERS,
  ...VSX_HANDLERS,
};
