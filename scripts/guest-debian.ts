// `npm run guest:debian`: get Debian's ppc64el kernel and busybox (the
// cache scripts/fetch-guest.sh fills, as root), write an initramfs with a
// shell, and print the command that boots them. `npm start` (--boot) then
// boots it: an interactive busybox shell on the console. With --nested the
// machine gets cap-nested-hv=on and the initramfs Debian's kvm and kvm-hv
// modules (loaded by /init) and, when the ppc64le cross compiler is there,
// tests/nested/l1-vmm (a small VMM that runs a guest of the guest).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { busyboxInitramfs, INTERACTIVE_INIT, NESTED_INIT, type ExtraFile } from './busybox-initramfs.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = process.env.TSKVM_GUEST_CACHE ?? '/var/cache/tskvm-guest';

function kernelPath(): string | undefined {
  const boot = join(CACHE, 'kernel/root/boot');
  const k = existsSync(boot) ? readdirSync(boot).find((f) => f.startsWith('vmlinux-')) : undefined;
  return k && join(boot, k);
}

if (!kernelPath() || !existsSync(join(CACHE, 'root/bin/busybox'))) {
  let apt = true;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get && command -v dpkg-deb'], { stdio: 'ignore' });
  } catch {
    apt = false;
  }
  if (!apt) {
    console.error(
      `guest:debian: apt-get is not available here, so Debian's ppc64el kernel and busybox cannot be fetched.\n` +
        `Supply them yourself: put a ppc64le vmlinux in ${CACHE}/kernel/root/boot/vmlinux-<version> and a static ppc64le busybox in ${CACHE}/root/bin/busybox\n` +
        `(TSKVM_GUEST_CACHE moves the cache), or boot your own files: npx tskvm run -M pseries -m 512M -nographic -kernel VMLINUX -initrd INITRD -append console=hvc0`,
    );
    process.exit(1);
  }
  console.log(`fetching Debian's kernel and busybox into ${CACHE} (apt-get download; needs root)…`);
  execFileSync('bash', [join(ROOT, 'scripts/fetch-guest.sh')], { stdio: 'inherit' });
}
const kernel = kernelPath();
if (!kernel) throw new Error(`no kernel in ${CACHE}/kernel/root/boot`);
const out = join(ROOT, 'build/debian');
mkdirSync(out, { recursive: true });
const nested = process.argv.includes('--nested');
const initrd = join(out, nested ? 'initramfs-nested.cpio' : 'initramfs.cpio');
const extra: ExtraFile[] = [];
if (nested) {
  const version = kernel.split('/').pop()!.replace(/^vmlinux-/, '');
  const mods = join(CACHE, 'kernel/root/lib/modules', version, 'kernel/arch/powerpc/kvm');
  for (const m of ['kvm.ko', 'kvm-hv.ko']) extra.push([`lib/${m}`, new Uint8Array(readFileSync(join(mods, m)))]);
  try {
    const vmm = join(out, 'l1-vmm');
    execFileSync('powerpc64le-linux-gnu-gcc', ['-static', '-O2', '-o', vmm, join(ROOT, 'tests/nested/l1-vmm.c')], { stdio: 'ignore' });
    extra.push(['bin/l1-vmm', new Uint8Array(readFileSync(vmm))]);
  } catch {
    console.log('(no powerpc64le-linux-gnu-gcc: the initramfs has no /bin/l1-vmm)');
  }
}
writeFileSync(initrd, busyboxInitramfs(readFileSync(join(CACHE, 'root/bin/busybox')), nested ? NESTED_INIT : INTERACTIVE_INIT, extra));
const args = ['run', '-M', nested ? 'pseries,cap-nested-hv=on' : 'pseries', '-m', nested ? '1G' : '512M', '-nographic', '-kernel', kernel, '-initrd', initrd, '-append', 'console=hvc0'];
if (process.argv.includes('--boot')) {
  console.log(`booting ${kernel.split('/').pop()} (Ctrl-A x quits)…`);
  const { mainAsync } = await import('../src/cli/main.js');
  process.exitCode = await mainAsync(args);
} else {
  console.log(`kernel:    ${kernel}\ninitramfs: ${initrd}\n\nboot it (or: npm start${nested ? ' -- --nested' : ''}):\n  npx tskvm ${args.join(' ')}`);
}
