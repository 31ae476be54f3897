// The main job: Debian 12's ppc64el kernel, unmodified, boots on tskvm's
// pseries machine (entered directly with a device tree) to a
// busybox userspace from an initramfs, which reports what it sees and powers
// off through RTAS. The kernel is the oracle: it must come up, find a POWER9
// pSeries LPAR, run /init, and leave through power-off, not a panic. With
// two vCPUs the second is started through RTAS start-cpu and the two talk
// through XICS IPIs. QEMU boots the same kernel and initramfs as the
// reference for what /init reports and for the kernel's warnings.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QEMU_PSERIES } from '../harness/guests.js';
import { BareMetalMachine, type MachineEnd } from '../../src/vmm/bare-metal.js';
import { busyboxInitramfs, INTERACTIVE_INIT } from '../../scripts/busybox-initramfs.js';
import { busyboxPath, kernelPath } from '../harness/guest-files.js';

const INIT = `#!/bin/busybox sh
/bin/busybox mkdir -p /usr/bin /sbin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
echo "init: kernel $(uname -r) $(uname -m)"
grep -E '^(cpu|platform|model|MMU)' /proc/cpuinfo | sed 's/[[:space:]]*:[[:space:]]*/ = /'
echo "init: $(grep -c ^processor /proc/cpuinfo) cpu(s), $(grep MemTotal /proc/meminfo | tr -s ' ')"
echo "init: sum $(echo 'the quick brown fox' | md5sum)"
echo "init: date $(date -u +%Y-%m-%d)"
poweroff -f
`;

describe("Debian's Linux on the pseries machine", () => {
  for (const [smp, mmu] of [
    [1, 'radix'],
    [2, 'radix'],
    [1, 'hash'],
  ] as const) {
    it(`boots to a busybox userspace and powers off (${mmu}, -smp ${smp})`, async () => {
      const out: Uint8Array[] = [];
      const m = new BareMetalMachine({
        ramSize: 256 << 20,
        kernel: new Uint8Array(readFileSync(kernelPath())),
        initrd: busyboxInitramfs(new Uint8Array(readFileSync(busyboxPath())), INIT),
        // Radix is what a POWER9 kernel negotiates; disable_radix asks for hash.
        append: `console=hvc0 quiet${mmu === 'hash' ? ' disable_radix' : ''}`,
        console: (b) => out.push(b),
        smp,
        rtcBase: Date.UTC(2030, 0, 2, 3, 4, 5), // -rtc base=2030-01-02T03:04:05
      });
      const end = await m.run();
      const log = Buffer.concat(out).toString('latin1');
      expect(end, log.slice(-3000)).toEqual({ kind: 'poweroff' });
      expect(log).toMatch(/^init: kernel 6\.1\.\d+-\d+-powerpc64le ppc64le$/m);
      expect(log).toMatch(/^cpu = POWER9 \(architected\), altivec supported$/m); // the ISA 3.00 mode CAS settles on
      expect(log).toMatch(/^platform = pSeries$/m);
      expect(log).toMatch(/^model = IBM pSeries \(emulated by tskvm\)$/m);
      expect(log).toMatch(new RegExp(`^MMU = ${mmu === 'radix' ? 'Radix' : 'Hash'}$`, 'm'));
      expect(log).not.toMatch(/Oops|BUG:|Kernel panic|WARNING:/);
      expect(log).toMatch(new RegExp(`^init: ${smp} cpu\\(s\\), MemTotal: \\d+ kB$`, 'm'));
      // md5sum of "the quick brown fox\n" computed by the guest (the host's md5sum gives the same).
      expect(log).toContain('init: sum 73ab1c2afe3a63b8ab4d7da2a4ddb351  -');
      // The kernel set its clock from RTAS get-time-of-day at boot.
      expect(log).toContain('init: date 2030-01-02');
    }, 240_000);
  }
});

/**
 * Boot to the interactive shell and type `script`, one command each time a
 * new prompt appears (as a person would), until the machine ends.
 */
async function shellSession(script: string[]): Promise<{ m: BareMetalMachine; end: MachineEnd; text: string }> {
  let text = '';
  const m = new BareMetalMachine({
    ramSize: 256 << 20,
    kernel: new Uint8Array(readFileSync(kernelPath())),
    initrd: busyboxInitramfs(new Uint8Array(readFileSync(busyboxPath())), INTERACTIVE_INIT),
    append: 'console=hvc0 quiet',
    console: (b) => (text += Buffer.from(b).toString('latin1')),
  });
  const left = [...script];
  let prompts = 0;
  const typer = setInterval(() => {
    const seen = text.split('/ # ').length - 1;
    if (seen > prompts && left.length) {
      prompts = seen;
      m.consoleInput(new TextEncoder().encode(`${left.shift()}\n`));
    }
  }, 50);
  const end = await m.run();
  clearInterval(typer);
  return { m, end, text };
}

describe("Debian's Linux: a console session", () => {
  it('answers commands typed at the shell prompt (console input through the vty interrupt)', async () => {
    const { end, text } = await shellSession(['uname -a', 'grep -m1 ^cpu /proc/cpuinfo', 'echo $((6 * 7)) $((1 << 40))', 'echo tskvm > /tmp/f && cat /tmp/f && wc -c < /tmp/f', 'poweroff -f']);
    expect(end, text.slice(-2000)).toEqual({ kind: 'poweroff' });
    const after = text.slice(text.indexOf('/ # '));
    expect(after).toMatch(/^Linux \(none\) 6\.1\.\d+-\d+-powerpc64le #1 SMP Debian .* ppc64le GNU\/Linux\r?$/m);
    expect(after).toMatch(/^cpu\s+: POWER9 \(architected\), altivec supported\r?$/m);
    expect(after).toMatch(/^42 1099511627776\r?$/m);
    expect(after).toMatch(/^tskvm\r?\n6\r?$/m); // "tskvm\n" is 6 bytes
  }, 240_000);
});

describe("Debian's Linux: tskvm against QEMU", () => {
  it('/init reports the same machine as under qemu-system-ppc64 -M pseries,x-vof=on, and the kernel warns about nothing QEMU does not', async () => {
    const initrd = busyboxInitramfs(new Uint8Array(readFileSync(busyboxPath())), INIT);
    const dir = mkdtempSync(join(tmpdir(), 'tskvm-linux-'));
    writeFileSync(join(dir, 'initramfs.cpio'), initrd);
    const append = 'console=hvc0';
    const args = [...QEMU_PSERIES];
    args[1] = args[1]!.replace('pseries', 'pseries,x-vof=on');
    const q = spawnSync('qemu-system-ppc64', [...args, '-m', '256M', '-rtc', 'base=2030-01-02T03:04:05', '-kernel', kernelPath(), '-initrd', join(dir, 'initramfs.cpio'), '-append', append], { timeout: 120_000, maxBuffer: 1 << 26 });
    const qlog = q.stdout.toString('latin1');
    let tlog = '';
    const m = new BareMetalMachine({ ramSize: 256 << 20, kernel: new Uint8Array(readFileSync(kernelPath())), initrd, append, rtcBase: Date.UTC(2030, 0, 2, 3, 4, 5), console: (b) => (tlog += Buffer.from(b).toString('latin1')) });
    expect(await m.run()).toEqual({ kind: 'poweroff' });
    const report = (log: string) =>
      log
        .split(/\r?\n/)
        .filter((l) => /^(init: |cpu =|platform =|MMU =)/.test(l))
        .map((l) => l.replace(/MemTotal: \d+ kB/, 'MemTotal: N kB'));
    expect(report(qlog).length, qlog.slice(-2000)).toBeGreaterThan(5);
    expect(report(tlog)).toEqual(report(qlog));
    // The model line differs on purpose (pseries-dt.ts); nothing else may.
    expect(qlog).toMatch(/^model = IBM pSeries \(emulated by qemu\)\r?$/m);
    const warnings = (log: string) => log.split(/\r?\n/).filter((l) => /WARNING:|Oops|BUG:|Call Trace|exploit attempt/.test(l)).map((l) => l.replace(/^\[[ \d.]+\] /, ''));
    expect(warnings(tlog)).toEqual(warnings(qlog).filter((w) => warnings(tlog).includes(w)));
    expect(warnings(tlog)).toEqual([]);
  }, 240_000);
});

describe("Debian's Linux: reboot", () => {
  it('RTAS system-reboot powers the machine on again: `reboot -f`, a second boot, then `poweroff -f`', async () => {
    const { m, end, text } = await shellSession(['reboot -f', 'poweroff -f']);
    expect(end, text.slice(-2000)).toEqual({ kind: 'poweroff' });
    expect(m.reboots).toBe(1);
    expect(text.match(/Linux \S+ on tskvm: busybox sh/g)?.length).toBe(2);
    expect(text).toMatch(/reboot: Restarting system/);
  }, 240_000);
});
