// Regenerate tests/golden from QEMU: every snippet under tests/snippets is
// assembled inside tests/harness/harness.S, run under qemu-ppc64le / qemu-ppc64
// (-cpu power9), and its output stored as hex. Usage: npm run golden [-- filter]

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildSnippet, qemuVersion, runQemu } from '../tests/harness/toolchain.js';
import { formatGolden, goldenPath, listSnippets, snippetEndians } from '../tests/harness/golden.js';

const filter = process.argv[2] ?? '';
const producer = `produced by ${qemuVersion()} -cpu power9 running the snippet in tests/harness/harness.S`;
let n = 0;
for (const rel of listSnippets()) {
  if (!rel.includes(filter)) continue;
  for (const endian of snippetEndians(rel)) {
    const elf = buildSnippet(`tests/snippets/${rel}`, endian);
    const r = runQemu(elf, endian);
    const p = goldenPath(rel, endian);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, formatGolden(r.stdout, r.status, producer));
    n++;
  }
}
console.log(`wrote ${n} golden files`);
