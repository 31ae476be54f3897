// On-demand randomized differential run against QEMU.
//   npm run fuzz -- [--seed N] [--programs P] [--length L] [--passes K] [--endian le|be|both] [--only m1,m2]
//                   [--partition] [--tier interp|blocks]
// --partition runs tskvm's side as problem-state code in a radix partition
// (4K pages in scrambled physical order, the scratch buffer across a page
// boundary): the system MMU's translation and TLB probe instead of
// Linux-user's page map. --tier picks the execution tier (default: both
// alternate as in the test suite: the tests' default threshold).
// Runs P programs (seeds N, N+1, …) of L random instructions looped K times,
// compares the full state with QEMU after every pass, and on a divergence
// bisects to the first instruction whose result differs.

import { firstDivergence, runCase, runCaseInPartition } from '../tests/random/differential.js';
import type { Endian } from '../tests/harness/toolchain.js';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : def;
}

const seed0 = Number(arg('seed', '1'));
const programs = Number(arg('programs', '10'));
const bodyLength = Number(arg('length', '1000'));
const passes = Number(arg('passes', '10'));
const endianArg = arg('endian', 'both');
const only = arg('only', '');
const endians: Endian[] = endianArg === 'both' ? ['le', 'be'] : [endianArg as Endian];
const opts = { bodyLength, passes, only: only ? new Set(only.split(',')) : undefined };
const partition = process.argv.includes('--partition');
const tierArg = arg('tier', '');
const threshold = tierArg === 'interp' ? -1 : tierArg === 'blocks' ? 0 : undefined;

let total = 0;
let failures = 0;
const t0 = Date.now();
for (let k = 0; k < programs; k++) {
  for (const e of endians) {
    const seed = seed0 + k;
    const r = partition ? await runCaseInPartition(seed, e, opts, threshold ?? (seed % 2 ? -1 : 0)) : runCase(seed, e, opts, threshold);
    total += r.icount;
    if (r.diffs.length) {
      failures++;
      const d = partition ? undefined : firstDivergence(seed, e, opts);
      console.log(`seed ${seed} ${e}: DIVERGES` + (d ? ` at body[${d.index}] ${d.mnem} 0x${d.word.toString(16).padStart(8, '0')}` : ''));
      for (const line of (d?.diffs ?? r.diffs).slice(0, 8)) console.log(`  ${line}`);
    }
  }
}
console.log(`${programs * endians.length} programs, ${total} instructions executed by tskvm, ${failures} diverged (seeds ${seed0}..${seed0 + programs - 1}, ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(failures ? 1 : 0);
