// Interpreter: unit 'vmx'. Handlers keyed by the mnemonic of their table row
// (src/isa/ppc64/table/vmx.ts). VR i is VSR 32+i. The handlers live in
// vmx-int.ts (integer, compare, logical, shift), vmx-mul.ts (multiply/sum),
// vmx-perm.ts (permute, pack, extract), vmx-float.ts, vmx-crypto.ts and
// vmx-bcd.ts (decimal add/subtract).

import type { HandlerTable } from './handler.js';
import { VMX_INT_HANDLERS } from './vmx-int.js';
import { VMX_MUL_HANDLERS } from './vmx-mul.js';
import { VMX_PERM_HANDLERS } from './vmx-perm.js';
import { VMX_FLOAT_HANDLERS } from './vmx-float.js';
import { VMX_CRYPTO_HANDLERS } from './vmx-crypto.js';
import { VMX_BCD_HANDLERS } from './vmx-bcd.js';

// VSCR: NJ (0x10000) and SAT (1) are the architected bits; the others are
// reserved. QEMU 7.2 keeps whatever mtvscr wrote in them and mfvscr returns it,
// so the whole word is kept here too.
export const VMX_HANDLERS: HandlerTable = {
  mfvscr(s, i) {
    const t = 4 * (32 + ((i >>> 21) & 31));
    s.vsr[t] = 0;
    s.vsr[t + 1] = 0;
    s.vsr[t + 2] = 0;
    s.vsr[t + 3] = s.vscr;
  },

  mtvscr(s, i) {
    s.vscr = s.vsr[4 * (32 + ((i >>> 11) & 31)) + 3]!;
  },

  ...VMX_INT_HANDLERS,
  ...VMX_MUL_HANDLERS,
  ...VMX_PERM_HANDLERS,
  ...VMX_FLOAT_HANDLERS,
  ...VMX_CRYPTO_HANDLERS,
  ...VMX_BCD_HANDLERS,
};
