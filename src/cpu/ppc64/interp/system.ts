// Interpreter: unit 'system'. Handlers keyed by the mnemonic of their table row
// (src/isa/ppc64/table/system.ts).

import type { HandlerTable } from './handler.js';
import { CpuTrap } from '../trap.js';

/** SPR number from an XFX-form instruction (the two 5-bit halves are swapped). */
export function sprOf(i: number): number {
  return ((i >>> 16) & 31) | (((i >>> 11) & 31) << 5);
}

export const SPR_XER = 1;
export const SPR_LR = 8;
export const SPR_CTR = 9;

export const SYSTEM_HANDLERS: HandlerTable = {
  sc(_s, i) {
    throw new CpuTrap('syscall', (i >>> 5) & 0x7f);
  },

  mfspr(s, i) {
    const rt = (i >>> 21) & 31;
    switch (sprOf(i)) {
      case SPR_XER:
        s.gprHi[rt] = 0;
        s.gprLo[rt] = s.getXer();
        return;
      case SPR_LR:
        s.gprHi[rt] = s.lrHi;
        s.gprLo[rt] = s.lrLo;
        return;
      case SPR_CTR:
        s.gprHi[rt] = s.ctrHi;
        s.gprLo[rt] = s.ctrLo;
        return;
      default:
        throw new CpuTrap('illegal');
    }
  },

  mtspr(s, i) {
    const rs = (i >>> 21) & 31;
    switch (sprOf(i)) {
      case SPR_XER:
        s.setXer(s.gprLo[rs]!);
        return;
      case SPR_LR:
        s.lrHi = s.gprHi[rs]!;
        s.lrLo = s.gprLo[rs]!;
        return;
      case SPR_CTR:
        s.ctrHi = s.gprHi[rs]!;
        s.ctrLo = s.gprLo[rs]!;
        return;
      default:
        throw new CpuTrap('illegal');
    }
  },

  mfcr(s, i) {
    const rt = (i >>> 21) & 31;
    s.gprHi[rt] = 0;
    s.gprLo[rt] = s.cr;
  },

  mtcrf(s, i) {
    const fxm = (i >>> 12) & 0xff;
    let mask = 0;
    for (let f = 0; f < 8; f++) if (fxm & (0x80 >>> f)) mask |= 0xf0000000 >>> (4 * f);
    s.cr = (s.cr & ~mask) | (s.gprLo[(i >>> 21) & 31]! & mask);
  },
};
