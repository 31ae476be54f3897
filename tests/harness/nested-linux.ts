// The L1 initramfs of the nested-HV Linux runs: Debian's busybox, kvm and
// kvm-hv, and either tests/nested/l1-vmm (our small VMM) or Debian's
// qemu-system-ppc64 with its libraries and firmware (scripts/fetch-l1-qemu.sh)
// and Debian's kernel plus a busybox initramfs to boot as the L2.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { busyboxInitramfs, type ExtraFile } from '../../scripts/busybox-initramfs.js';
import { busyboxPath, GUEST_CACHE, kernelPath, kvmModules } from './guest-files.js';
import { buildC, ROOT } from './toolchain.js';

export const L1_APPEND = 'console=hvc0 quiet';

function busybox(): Uint8Array {
  return new Uint8Array(readFileSync(busyboxPath()));
}

function modules(): ExtraFile[] {
  const { kvm, kvmHv } = kvmModules();
  return [
    ['lib/kvm.ko', new Uint8Array(readFileSync(kvm))],
    ['lib/kvm-hv.ko', new Uint8Array(readFileSync(kvmHv))],
  ];
}

/** An L1 whose /init loads kvm-hv and runs `command` (l1-vmm is /bin/l1-vmm), then powers off. */
export function l1VmmInitramfs(command: string): Uint8Array {
  const vmm = buildC(join(ROOT, 'tests/nested/l1-vmm.c'), 'le', ['-O2', '-Wall', '-Wextra']);
  const init = `#!/bin/busybox sh
/bin/busybox mkdir -p /usr/bin /sbin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
if insmod /lib/kvm.ko && insmod /lib/kvm-hv.ko; then echo "init: kvm-hv loaded"; ${command}; else echo "init: kvm-hv refused"; fi
poweroff -f
`;
  return busyboxInitramfs(busybox(), init, [...modules(), ['bin/l1-vmm', new Uint8Array(readFileSync(vmm))]]);
}

/** QEMU's command line in the L1: KVM (kvm-hv), VOF, XICS emulated by QEMU, the caps a nested KVM lacks off. */
const L2_QEMU = '-M pseries,accel=kvm,x-vof=on,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off,cap-large-decr=off,cap-fwnmi=off,ic-mode=xics,kernel-irqchip=off -cpu host -m 256M -smp 1 -nographic -nodefaults -serial stdio';

/** The L2's /init: one report line, then power off. */
const L2_INIT = `#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
/bin/busybox echo "L2: init reached: kernel $(/bin/busybox uname -r), $(/bin/busybox grep -c ^processor /proc/cpuinfo) cpu, MMU$(/bin/busybox grep MMU /proc/cpuinfo | /bin/busybox cut -d: -f2)"
/bin/busybox poweroff -f
`;

/**
 * An L1 that boots Debian's kernel as an L2 with Debian's QEMU on its
 * /dev/kvm (issue 9, 5c). Needs scripts/fetch-l1-qemu.sh's files (~53 MB)
 * and puts the kernel in twice: ~105 MB.
 */
export function l2LinuxInitramfs(): Uint8Array {
  const files = readFileSync(join(GUEST_CACHE, 'l1-qemu/files.txt'), 'utf8').trim().split('\n');
  const qemu: ExtraFile[] = files.map((line) => {
    const [guest, host] = line.split('\t');
    return [guest!.replace(/^\//, ''), new Uint8Array(readFileSync(host!))];
  });
  const init = `#!/bin/busybox sh
/bin/busybox mkdir -p /usr/sbin /sbin
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
insmod /lib/kvm.ko && insmod /lib/kvm-hv.ko && echo "L1: kvm-hv loaded"
echo "L1: QEMU starts the L2 at $(cut -d' ' -f1 /proc/uptime) s"
/usr/bin/qemu-system-ppc64 ${L2_QEMU} -kernel /l2/vmlinux -initrd /l2/initrd -append "${L1_APPEND}"
echo "L1: QEMU exited with $? at $(cut -d' ' -f1 /proc/uptime) s"
poweroff -f
`;
  return busyboxInitramfs(busybox(), init, [...modules(), ...qemu, ['l2/vmlinux', new Uint8Array(readFileSync(kernelPath()))], ['l2/initrd', busyboxInitramfs(busybox(), L2_INIT)]]);
}

/** The L1 and L2 report lines of a console log. */
export const nestedReport = (log: string): string[] =>
  log
    .split(/\r*\n/) // the L2's console passes two ttys: \r\r\n
    .filter((l) => /^(init: |l1-vmm: |L1: |L2: )/.test(l))
    .map((l) => l.replace(/ at [\d.]+ s$/, ''));
