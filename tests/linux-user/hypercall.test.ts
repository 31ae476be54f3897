// `sc 1` from problem state is refused (seed 000: "sc 1 from problem state
// refused"): Linux delivers SIGILL (ILL_PRVOPC) with the PC at the sc. QEMU
// can't be the oracle here (its linux-user treats sc 1 as sc 0), so the
// expectation is Linux's: one DUMP, then death by SIGILL, no exit(7).

import { describe, expect, it } from 'vitest';
import { buildSnippet } from '../harness/toolchain.js';
import { runTskvm } from '../harness/run-tskvm.js';
import { splitDumps, decodeDump } from '../harness/dump.js';

describe('sc 1 from problem state', () => {
  for (const endian of ['le', 'be'] as const) {
    it(`is a privileged instruction: SIGILL (${endian})`, () => {
      const r = runTskvm(buildSnippet('tests/linux-user/snippets/sc-lev1.S', endian));
      expect(r.status).toBe(128 + 4);
      const dumps = splitDumps(r.stdout);
      expect(dumps.length).toBe(1);
      expect(decodeDump(dumps[0]!, endian === 'le').get('r3')).toBe('0x0000000000000007');
      expect(r.stderr.toString()).toMatch(/signal 4/);
    });
  }
});
