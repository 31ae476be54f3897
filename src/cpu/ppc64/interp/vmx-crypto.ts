import type { HandlerTable } from './handler.js';
export const VMX_CRYPTO_HANDLERS: HandlerTable = {};
