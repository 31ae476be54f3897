// Nested HV with a real L1 (issue 9, 5a): Debian's kernel boots on tskvm's
// pseries machine with cap-nested-hv=on, loads Debian's kvm and kvm-hv
// modules, and a small VMM of ours (tests/nested/l1-vmm.c) creates a VM
// through the L1's /dev/kvm and runs an L2 in it — kvm-hv in the L1 drives
// tskvm's H_ENTER_NESTED, H_TLB_INVALIDATE and H_COPY_TOFROM_GUEST, and
// tskvm builds the shadow tables. The L2's hypercalls, MMIO accesses and
// 3584 first touches of memory are checked by the L1 VMM, in real mode and
// with radix translation. The oracle is QEMU as the L0 (cap-nested-hv=on)
// running the same kernel, modules and program: the L1 VMM must report the
// same. A hash-MMU L1 is also booted: kvm-hv refuses to load there (a
// nested hypervisor must be radix), as under QEMU. And 5c: Debian's QEMU
// (scripts/fetch-l1-qemu.sh) runs in the L1 with KVM and boots Debian's
// kernel as the L2 to its /init.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BareMetalMachine } from '../../src/vmm/bare-metal.js';
import { kernelPath } from '../harness/guest-files.js';
import { QEMU_PSERIES } from '../harness/guests.js';
import { l1VmmInitramfs, l2LinuxInitramfs, nestedReport } from '../harness/nested-linux.js';

const report = nestedReport;
const warnings = (log: string) => log.split(/\r?\n/).filter((l) => /WARNING:|Oops|BUG:|Call Trace|Kernel panic/.test(l));

const initramfs = () => l1VmmInitramfs('/bin/l1-vmm 2>/dev/null');

function qemu(initrd: Uint8Array, append: string, mem = '1G'): string {
  const dir = mkdtempSync(join(tmpdir(), 'tskvm-nested-'));
  writeFileSync(join(dir, 'initramfs.cpio'), initrd);
  const args = [...QEMU_PSERIES];
  args[1] = args[1]!.replace('pseries', 'pseries,x-vof=on,cap-nested-hv=on');
  const q = spawnSync('qemu-system-ppc64', [...args, '-m', mem, '-kernel', kernelPath(), '-initrd', join(dir, 'initramfs.cpio'), '-append', append], { timeout: 300_000, maxBuffer: 1 << 26 });
  return q.stdout.toString('latin1');
}

async function tskvm(initrd: Uint8Array, append: string, ramSize = 1 << 30): Promise<{ log: string; m: BareMetalMachine }> {
  let log = '';
  const m = new BareMetalMachine({ ramSize, kernel: new Uint8Array(readFileSync(kernelPath())), initrd, append, nestedHv: true, console: (b) => (log += Buffer.from(b).toString('latin1')) });
  expect(await m.run(), log.slice(-3000)).toEqual({ kind: 'poweroff' });
  return { log, m };
}

describe('nested HV: Debian kernel as L1 with kvm-hv', () => {
  it('runs an L2 through /dev/kvm (hcalls, MMIO, page faults; real mode and radix) as under QEMU as L0', async () => {
    const initrd = initramfs();
    const append = 'console=hvc0 quiet';
    const { log, m } = await tskvm(initrd, append);
    const lines = report(log);
    expect(lines, log.slice(-4000)).toContain('l1-vmm: ok');
    expect(lines).toContain('init: kvm-hv loaded');
    expect(lines).toContain('l1-vmm: translated: 3584 pages written and summed, sum right');
    expect(warnings(log)).toEqual([]);
    // The L0 side: the L1 entered its L2 through H_ENTER_NESTED and the L0 built shadow entries for it.
    const v = m.vcpus[0]!;
    expect(v.stats.nestedEntries).toBeGreaterThanOrEqual(14);
    expect(v.stats.nestedFaults).toBeGreaterThan(0);
    // When the L1 VMM exited, kvm-hv destroyed its VM: it cleared the
    // partition-table entry and flushed it (H_TLB_INVALIDATE RIC=2), so the
    // L0 forgot the nested guest and its shadow table.
    expect(m.vm.nested?.liveGuests).toBe(0);
    expect(m.vm.nested?.shadowEntries).toBe(0);
    // The oracle: QEMU as the L0, same kernel, modules and program.
    const qlog = qemu(initrd, append);
    expect(report(qlog).length, qlog.slice(-3000)).toBeGreaterThan(10);
    expect(lines).toEqual(report(qlog));
  }, 300_000);

  it('a hash-MMU L1 cannot load kvm-hv (nested needs a radix host), as under QEMU', async () => {
    const initrd = initramfs();
    const append = 'console=hvc0 quiet disable_radix';
    const { log } = await tskvm(initrd, append);
    expect(report(log)).toEqual(['init: kvm-hv refused']);
    expect(report(qemu(initrd, append))).toEqual(['init: kvm-hv refused']);
  }, 300_000);

  it('boots Debian\'s kernel as an L2 with Debian\'s QEMU on the L1\'s /dev/kvm, to its /init (5c), as under QEMU as L0', async () => {
    const initrd = l2LinuxInitramfs();
    const { log } = await tskvm(initrd, 'console=hvc0 quiet', 1536 << 20);
    const lines = report(log);
    expect(lines, log.slice(-4000)).toContain('L2: init reached: kernel ' + kernelPath().split('vmlinux-')[1] + ', 1 cpu, MMU Radix');
    expect(lines).toContain('L1: QEMU exited with 0');
    expect(warnings(log)).toEqual([]);
    expect(lines).toEqual(report(qemu(initrd, 'console=hvc0 quiet', '1536M')));
  }, 600_000);
});
