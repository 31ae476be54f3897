// Interpreter: unit 'vmx'. Handlers keyed by the mnemonic of their table row
// (src/isa/ppc64/table/vmx.ts). VR i is VSR 32+i.

import type { HandlerTable } from './handler.js';

export const VMX_HANDLERS: HandlerTable = {
  mfvscr(s, i) {
    const t = 4 * (32 + ((i >>> 21) & 31));
    s.vsr[t] = 0;
    s.vsr[t + 1] = 0;
    s.vsr[t + 2] = 0;
    s.vsr[t + 3] = s.vscr & 0x00010001;
  },

  mtvscr(s, i) {
    s.vscr = s.vsr[4 * (32 + ((i >>> 11) & 31)) + 3]! & 0x00010001;
  },
};
