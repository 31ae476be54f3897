// `tskvm run`: a QEMU command line boots a -bios image on the pseries
// machine with the same console output as QEMU; bad input is one line on
// stderr and a non-zero status.

import { describe, expect, it } from 'vitest';
import { buildGuest, QEMU_PSERIES, runGuestQemu } from '../harness/guests.js';
import { mainAsync } from '../../src/cli/main.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busyboxInitramfs } from '../../scripts/busybox-initramfs.js';
import { busyboxPath, kernelPath } from '../harness/guest-files.js';

async function cli(args: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: Uint8Array[] = [];
  let err = '';
  const status = await mainAsync(['run', ...args], { stdout: () => {}, stderr: (t) => (err += t), console: (b) => out.push(b.slice()) });
  return { status, out: Buffer.concat(out).toString('latin1'), err };
}

describe('tskvm run', () => {
  it("boots a -bios image with QEMU's command line and prints what QEMU prints", async () => {
    const { bin } = buildGuest('hello', 'le');
    const q = runGuestQemu(bin);
    const t = await cli([...QEMU_PSERIES, '-m', '256M', '-bios', bin]);
    expect(t.err).toBe('');
    expect(t.status).toBe(0);
    expect(t.out).toBe(q.console);
  });

  it('boots a -kernel in the MMU mode the kernel negotiates: radix, or hash with disable_radix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tskvm-cli-'));
    const initrd = join(dir, 'initramfs.cpio');
    const init = "#!/bin/busybox sh\n/bin/busybox mount -t proc proc /proc\n/bin/busybox grep MMU /proc/cpuinfo\n/bin/busybox poweroff -f\n";
    writeFileSync(initrd, busyboxInitramfs(new Uint8Array(readFileSync(busyboxPath())), init));
    for (const [append, mmu] of [['console=hvc0 quiet', 'Radix'], ['console=hvc0 quiet disable_radix', 'Hash']]) {
      const t = await cli(['-M', 'pseries', '-m', '256M', '-kernel', kernelPath(), '-initrd', initrd, '-append', append!]);
      expect(t.status, t.err).toBe(0);
      expect(t.out).toMatch(new RegExp(`^MMU\\s+: ${mmu}\\r?$`, 'm'));
    }
  }, 120_000);

  it('C-a n dumps the nested guests\' shadow PTEs (cap-nested-hv=on), and says so when nested HV is off', async () => {
    const { bin } = buildGuest('nested', 'le');
    for (const caps of ['pseries,cap-nested-hv=on', 'pseries']) {
      let monitor: ((key: string) => void) | undefined;
      let err = '';
      const out: Uint8Array[] = [];
      const status = await mainAsync(['run', '-M', caps, '-m', '256M', '-bios', bin], {
        stdout: () => {},
        stderr: (t) => (err += t),
        console: (b) => out.push(b.slice()),
        consoleInput: { attach: (_d, m) => (monitor = m), detach: () => monitor?.('n') },
      });
      expect(status).toBe(0);
      if (caps.includes('nested')) {
        expect(err).toMatch(/^\r\nNested LPID 1: shadow LPID \d+\r\n( [0-9a-f]+: [0-9a-f]+ (12|16|21|30)\r\n)+$/);
      } else expect(err).toBe('\r\n(cap-nested-hv is off)\r\n');
    }
  });

  it('runs SMP and deterministic time from the same flags', async () => {
    const { bin } = buildGuest('smp', 'be');
    const a = await cli(['-M', 'pseries', '-smp', '2', '-icount', 'shift=2', '-bios', bin]);
    expect(a.status).toBe(0);
    expect(a.out).toContain('cpu 1 restarted with r3 = 77');
  });

  for (const [args, msg, extra] of [
    [['-bios', '/nonexistent.bin'], /^tskvm: \/nonexistent\.bin: No such file or directory\n$/],
    [['-m', '256M'], /^tskvm: nothing to boot: give -kernel VMLINUX \(with -initrd, -append\) or -bios IMAGE\n$/],
    [['-kernel', '/nonexistent/vmlinux'], /^tskvm: \/nonexistent\/vmlinux: No such file or directory\n$/],
    [['-kernel', '/dev/null'], /^tskvm: \/dev\/null: not a regular file\n$/],
    [['-kernel', 'package.json'], /^tskvm: kernel: needs guest memory up to 0x[0-9a-f]+, RAM is 0x100000 bytes\n$/, ['-m', '1M']],
    [['-append', 'quiet', '-bios', 'x'], /^tskvm: -append needs -kernel\n$/],
    [['-kernel', 'a', '-bios', 'b'], /^tskvm: -kernel and -bios together are not supported/],
    [['-M', 'pseries,cap-htm=on', '-bios', 'x'], /^tskvm: cap-htm=on is not supported by tskvm\n$/],
    [['-M', 'pseries,cap-bogus=1', '-bios', 'x'], /^tskvm: machine option 'cap-bogus' is not supported\n$/],
    [['-M', 'virt', '-bios', 'x'], /^tskvm: machine 'virt' is not supported \(only pseries\)\n$/],
    [['-m', 'lots', '-bios', 'x'], /^tskvm: invalid size 'lots'/],
    [['-smp', '2,threads=2', '-bios', 'x'], /^tskvm: -smp option 'threads=2' is not supported/],
    [['-frobnicate'], /^tskvm: unknown option '-frobnicate'\n$/],
    [['-rtc', 'base=yesterday', '-bios', 'x'], /^tskvm: -rtc base=yesterday: expected utc, localtime or YYYY-MM-DD\[THH:MM:SS\]\n$/],
    [['-rtc', 'speed=2', '-bios', 'x'], /^tskvm: -rtc option 'speed' is not supported\n$/],
    [['-m'], /^tskvm: -m needs a value\n$/],
  ] as Array<[string[], RegExp, string[]?]>) {
    it(`refuses ${args.join(' ')} with one line`, async () => {
      const t = await cli([...(extra ?? []), ...args]);
      expect(t.status).not.toBe(0);
      expect(t.err).toMatch(msg);
      expect(t.err.split('\n').length).toBe(2);
    });
  }
});

describe('tskvm run: parsing', () => {
  it('-rtc base= sets the guest clock (QEMU spelling); utc and clock= are accepted', async () => {
    const { parseRunArgs } = await import('../../src/cli/run.js');
    expect(parseRunArgs(['-rtc', 'base=2020-01-02T03:04:05', '-bios', 'x']).rtcBase).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
    expect(parseRunArgs(['-rtc', 'base=2021-12-31', '-bios', 'x']).rtcBase).toBe(Date.UTC(2021, 11, 31));
    expect(parseRunArgs(['-rtc', 'base=utc,clock=host', '-bios', 'x']).rtcBase).toBeUndefined();
  });
});
