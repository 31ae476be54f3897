// An initramfs of Debian's busybox-static and an /init script, written with
// tskvm's own cpio writer (src/vmm/cpio.ts): what `npm run guest:debian`
// boots and what the Linux boot test runs.

import { S_IFCHR, S_IFDIR, S_IFREG, writeCpio, type CpioEntry } from '../src/vmm/cpio.js';

/** The interactive /init: mounts the usual file systems and gives a shell on the console. */
export const INTERACTIVE_INIT = `#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
echo
echo "Debian's Linux $(uname -r) on tskvm: busybox sh. 'poweroff -f' stops the machine; Ctrl-A x quits."
exec setsid cttyhack sh
`;

/**
 * The nested-HV /init (cap-nested-hv=on): loads kvm and kvm-hv from /lib, so
 * /dev/kvm is there, then the interactive shell.
 */
export const NESTED_INIT = INTERACTIVE_INIT.replace('echo\n', 'insmod /lib/kvm.ko && insmod /lib/kvm-hv.ko && echo "kvm-hv loaded: /dev/kvm runs guests of this guest (try /bin/l1-vmm)"\necho\n');

/** Files added to the initramfs: path (no leading /) and contents, mode 0755. */
export type ExtraFile = readonly [string, Uint8Array];

export function busyboxInitramfs(busybox: Uint8Array, init: string, extra: readonly ExtraFile[] = []): Uint8Array {
  const dir = (name: string): CpioEntry => ({ name, mode: S_IFDIR | 0o755 });
  // Every directory the extra files need, parents before children.
  const dirs = [...new Set(extra.flatMap(([p]) => p.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))))]
    .filter((d) => !['bin', 'dev', 'proc', 'sys', 'tmp'].includes(d))
    .sort((a, b) => a.split('/').length - b.split('/').length);
  return writeCpio([
    dir('bin'),
    { name: 'bin/busybox', mode: S_IFREG | 0o755, data: busybox },
    dir('dev'),
    { name: 'dev/console', mode: S_IFCHR | 0o600, rdev: [5, 1] },
    dir('proc'),
    dir('sys'),
    dir('tmp'),
    { name: 'init', mode: S_IFREG | 0o755, data: init },
    ...dirs.map(dir),
    ...extra.map(([name, data]): CpioEntry => ({ name, mode: S_IFREG | 0o755, data })),
  ]);
}
