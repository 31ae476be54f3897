// Where the Debian ppc64el guest software lives (fetched by scripts/fetch-guest.sh).

import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const GUEST_CACHE = process.env.TSKVM_GUEST_CACHE ?? '/var/cache/tskvm-guest';

/** Path of Debian's busybox-static (ppc64el, little-endian). Throws with the fix if absent. */
export function busyboxPath(): string {
  const p = join(GUEST_CACHE, 'root/bin/busybox');
  if (!existsSync(p)) throw new Error(`busybox-static not found at ${p}: run scripts/fetch-guest.sh`);
  return p;
}
