import type { HandlerTable } from './handler.js';
export const VMX_FLOAT_HANDLERS: HandlerTable = {};
