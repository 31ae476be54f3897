// What a Linux-user process needs from the host: files, time, output.
// The Node implementation lives in src/platform/node/; a browser one can
// provide the same interface over an in-memory file system.

import type { CpuTrap } from '../cpu/ppc64/trap.js';

export interface HostOs {
  /** write(2) to a host file descriptor the guest owns; returns bytes written or -errno. */
  write(fd: number, data: Uint8Array): number;
  /** read(2); returns bytes (empty at EOF) or -errno. */
  read(fd: number, len: number): Uint8Array | number;
  /** Report a fatal signal (qemu-user prints a line on stderr). */
  fatalSignal?(sig: number, nip: number, trap: CpuTrap): void;
}
