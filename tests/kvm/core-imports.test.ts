// Core layers run in a browser too: none may import a Node-only module
// (Node specifics live in src/platform/node/). Checked on every import line,
// static or dynamic, of every source file of those layers.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../harness/toolchain.js';

const CORE = ['src/cpu', 'src/isa', 'src/memory', 'src/kvm', 'src/vmm', 'src/loader'];
const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('core layers import nothing Node-only', () => {
  it('has core sources to check', () => {
    expect(files(join(ROOT, 'src/kvm')).length).toBeGreaterThan(3);
  });
  for (const layer of CORE) {
    it(layer, () => {
      const bad: string[] = [];
      for (const f of files(join(ROOT, layer))) {
        const src = readFileSync(f, 'utf8');
        for (const m of src.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
          if (NODE.has(m[1]!)) bad.push(`${relative(ROOT, f)}: ${m[1]}`);
        }
        if (/\bprocess\.(env|argv|stdout|stderr|exit)\b|\bBuffer\.|\bsetImmediate\(/.test(src)) bad.push(`${relative(ROOT, f)}: uses a Node global`);
      }
      expect(bad).toEqual([]);
    });
  }
});
