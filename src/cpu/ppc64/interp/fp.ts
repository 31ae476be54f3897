// Interpreter: unit 'fp'. Handlers keyed by the mnemonic of their table row
// (src/isa/ppc64/table/fp.ts).

import type { HandlerTable } from './handler.js';
import { fpscrSummaries } from '../fpu/fpscr.js';

export const FP_HANDLERS: HandlerTable = {
  mffs(s, i) {
    const t = (i >>> 21) & 31;
    s.vsr[4 * t] = s.fpscrHi;
    s.vsr[4 * t + 1] = s.fpscr;
    if (i & 1) s.cr = (s.cr & 0xf0ffffff) | (((s.fpscr >>> 28) & 0xf) << 24);
  },

  mtfsf(s, i) {
    const b = (i >>> 11) & 31;
    const l = (i >>> 25) & 1;
    const w = (i >>> 16) & 1;
    const flm = (i >>> 17) & 0xff;
    const vhi = s.vsr[4 * b]!;
    const vlo = s.vsr[4 * b + 1]!;
    if (l) {
      s.fpscrHi = vhi;
      s.fpscr = fpscrSummaries(vlo);
    } else {
      let mask = 0;
      for (let k = 0; k < 8; k++) if (flm & (0x80 >>> k)) mask |= 0xf0000000 >>> (4 * k);
      if (w === 0) s.fpscr = fpscrSummaries((s.fpscr & ~mask) | (vlo & mask));
      else s.fpscrHi = (s.fpscrHi & ~mask) | (vhi & mask);
    }
    if (i & 1) s.cr = (s.cr & 0xf0ffffff) | (((s.fpscr >>> 28) & 0xf) << 24);
  },
};
