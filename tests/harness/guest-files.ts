// Where the Debian ppc64el guest software lives (fetched by scripts/fetch-guest.sh).

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const GUEST_CACHE = process.env.TSKVM_GUEST_CACHE ?? '/var/cache/tskvm-guest';

/** Path of Debian's busybox-static (ppc64el, little-endian). Throws with the fix if absent. */
export function busyboxPath(): string {
  const p = join(GUEST_CACHE, 'root/bin/busybox');
  if (!existsSync(p)) throw new Error(`busybox-static not found at ${p}: run scripts/fetch-guest.sh`);
  return p;
}

/** Path of Debian's ppc64el vmlinux (scripts/fetch-guest.sh). Throws with the fix if absent. */
export function kernelPath(): string {
  const boot = join(GUEST_CACHE, 'kernel/root/boot');
  const k = existsSync(boot) ? readdirSync(boot).find((f) => f.startsWith('vmlinux-')) : undefined;
  if (!k) throw new Error(`Debian's kernel not found in ${boot}: run scripts/fetch-guest.sh`);
  return join(boot, k);
}

/** Debian's kvm.ko and kvm-hv.ko for the kernel kernelPath() names (the L1 side of nested HV). */
export function kvmModules(): { kvm: string; kvmHv: string } {
  const version = kernelPath().split('/').pop()!.replace(/^vmlinux-/, '');
  const dir = join(GUEST_CACHE, 'kernel/root/lib/modules', version, 'kernel/arch/powerpc/kvm');
  const kvm = join(dir, 'kvm.ko');
  const kvmHv = join(dir, 'kvm-hv.ko');
  if (!existsSync(kvm) || !existsSync(kvmHv)) throw new Error(`kvm.ko/kvm-hv.ko not found in ${dir}: run scripts/fetch-guest.sh`);
  return { kvm, kvmHv };
}
