// The initramfs writer (src/vmm/cpio.ts) against GNU cpio: cpio must list
// and extract our archive with the names, types, modes, contents, symlink
// targets and device numbers we wrote.

import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S_IFCHR, S_IFDIR, S_IFLNK, S_IFREG, writeCpio } from '../../src/vmm/cpio.js';

describe('cpio newc writer', () => {
  const data = Uint8Array.from({ length: 1001 }, (_, i) => (i * 7) & 255); // odd length: padding
  const archive = writeCpio([
    { name: 'bin', mode: S_IFDIR | 0o755 },
    { name: 'bin/tool', mode: S_IFREG | 0o755, data },
    { name: 'bin/sh', mode: S_IFLNK | 0o777, data: 'tool' },
    { name: 'init', mode: S_IFREG | 0o700, data: '#!/bin/sh\necho hi\n' },
    { name: 'dev', mode: S_IFDIR | 0o755 },
    { name: 'dev/console', mode: S_IFCHR | 0o600, rdev: [5, 1] },
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'tskvm-cpio-'));
  const file = join(dir, 'a.cpio');
  writeFileSync(file, archive);

  it('cpio -t lists every entry, in order', () => {
    const out = execFileSync('cpio', ['-it', '--quiet', '-F', file]).toString().trim().split('\n');
    expect(out).toEqual(['bin', 'bin/tool', 'bin/sh', 'init', 'dev', 'dev/console']);
  });

  it('cpio -tv shows the modes, sizes, link targets and device numbers', () => {
    const out = execFileSync('cpio', ['-itv', '--quiet', '-F', file]).toString().trim().split('\n');
    expect(out[1]).toMatch(/^-rwxr-xr-x .* 1001 .* bin\/tool$/);
    expect(out[2]).toMatch(/^lrwxrwxrwx .* bin\/sh -> tool$/);
    expect(out[3]).toMatch(/^-rwx------ /);
    expect(out[5]).toMatch(/^crw------- .* 5,\s*1 .* dev\/console$/);
  });

  it('cpio -i extracts the same bytes', () => {
    const x = mkdtempSync(join(tmpdir(), 'tskvm-cpio-x-'));
    execFileSync('cpio', ['-id', '--quiet', '--no-absolute-filenames', '-F', file], { cwd: x });
    expect(Buffer.from(readFileSync(join(x, 'bin/tool'))).equals(Buffer.from(data))).toBe(true);
    expect(readlinkSync(join(x, 'bin/sh'))).toBe('tool');
    expect(readFileSync(join(x, 'init'), 'latin1')).toBe('#!/bin/sh\necho hi\n');
    expect(lstatSync(join(x, 'bin/tool')).mode & 0o777).toBe(0o755);
  });
});
