// What a Linux-user process needs from the host: files, time, output.
// The Node implementation lives in src/platform/node/; a browser one can
// provide the same interface over an in-memory file system.
//
// Conventions: file descriptors are the GUEST's numbers (the host keeps the
// table); failures are returned as negative Linux errno values (EPERM = 1 …,
// the generic numbering powerpc shares); paths are raw bytes from the guest.
// Only write/read are required so that tiny hosts (tests) stay tiny; the
// system-call layer answers ENOSYS for whatever a host leaves out.

import type { CpuTrap } from '../cpu/ppc64/trap.js';

/** Host-neutral open(2) flags (the syscall layer translates the guest's). */
export const OF = {
  RDONLY: 0,
  WRONLY: 1,
  RDWR: 2,
  ACCMODE: 3,
  CREAT: 1 << 4,
  EXCL: 1 << 5,
  NOCTTY: 1 << 6,
  TRUNC: 1 << 7,
  APPEND: 1 << 8,
  NONBLOCK: 1 << 9,
  DIRECTORY: 1 << 10,
  NOFOLLOW: 1 << 11,
  CLOEXEC: 1 << 12,
  PATH: 1 << 13,
} as const;

/** dirfd meaning "the current directory" (Linux AT_FDCWD). */
export const AT_FDCWD = -100;

export interface HostStat {
  dev: bigint;
  ino: bigint;
  /** st_mode with Linux S_IF* type bits. */
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev: bigint;
  size: bigint;
  blksize: number;
  blocks: bigint;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  birthtimeNs: bigint;
}

export interface HostDirent {
  ino: bigint;
  /** DT_* type (DT_UNKNOWN 0, DT_DIR 4, DT_REG 8, DT_LNK 10, …). */
  type: number;
  name: Uint8Array;
}

export interface PollRequest {
  fd: number;
  /** POLLIN 1, POLLPRI 2, POLLOUT 4 (Linux values). */
  events: number;
}

export interface HostIdentity {
  pid: number;
  ppid: number;
  uid: number;
  gid: number;
  euid: number;
  egid: number;
  /** uname(2) fields other than machine (the guest's: ppc64le / ppc64). */
  sysname: string;
  nodename: string;
  release: string;
  version: string;
  domainname: string;
}

export interface HostOs {
  /** write(2) to a guest file descriptor; returns bytes written or -errno. */
  write(fd: number, data: Uint8Array): number;
  /** read(2); returns bytes (empty at EOF) or -errno. */
  read(fd: number, len: number): Uint8Array | number;
  /** Report a fatal signal (qemu-user prints a line on stderr). `detail` describes the trap (PC, instruction). */
  fatalSignal?(sig: number, nip: number, trap: CpuTrap, detail?: string): void;

  pread?(fd: number, len: number, pos: number): Uint8Array | number;
  pwrite?(fd: number, data: Uint8Array, pos: number): number;
  open?(dirfd: number, path: Uint8Array, flags: number, mode: number): number;
  close?(fd: number): number;
  /** whence: 0 SET, 1 CUR, 2 END. Returns the new offset. */
  lseek?(fd: number, offset: number, whence: number): number;
  fstat?(fd: number): HostStat | number;
  /** stat relative to dirfd; follow=false is lstat. An empty path with emptyPath=true stats dirfd itself. */
  stat?(dirfd: number, path: Uint8Array, follow: boolean): HostStat | number;
  readlink?(dirfd: number, path: Uint8Array): Uint8Array | number;
  /** All entries of an open directory, "." and ".." included, in the host's order. */
  listDir?(fd: number): HostDirent[] | number;
  getcwd?(): Uint8Array;
  chdir?(path: Uint8Array): number;
  fchdir?(fd: number): number;
  /** mode: F_OK 0, X 1, W 2, R 4. */
  access?(dirfd: number, path: Uint8Array, mode: number): number;
  mkdir?(dirfd: number, path: Uint8Array, mode: number): number;
  /** rmdir when dir is true, else unlink. */
  unlink?(dirfd: number, path: Uint8Array, dir: boolean): number;
  rename?(olddirfd: number, oldpath: Uint8Array, newdirfd: number, newpath: Uint8Array, flags: number): number;
  link?(olddirfd: number, oldpath: Uint8Array, newdirfd: number, newpath: Uint8Array): number;
  symlink?(target: Uint8Array, newdirfd: number, newpath: Uint8Array): number;
  ftruncate?(fd: number, len: number): number;
  truncate?(path: Uint8Array, len: number): number;
  fsync?(fd: number): number;
  /** Times in ns since the epoch; undefined = leave unchanged (UTIME_OMIT), 'now' = UTIME_NOW. Path empty → fd itself. */
  utimens?(dirfd: number, path: Uint8Array | null, atime: bigint | 'now' | undefined, mtime: bigint | 'now' | undefined, follow: boolean): number;
  chmod?(dirfd: number, path: Uint8Array | null, mode: number): number;
  chown?(dirfd: number, path: Uint8Array | null, uid: number, gid: number, follow: boolean): number;
  umask?(mask: number): number;
  /** dup (newfd < 0: lowest free >= minfd), dup2/dup3 (newfd given). */
  dup?(fd: number, newfd: number, minfd: number, cloexec: boolean): number;
  getFdFlags?(fd: number): number;
  setFdFlags?(fd: number, cloexec: boolean): number;
  /** Host-neutral OF flags of an open file. */
  getFlFlags?(fd: number): number;
  setFlFlags?(fd: number, flags: number): number;
  pipe?(flags: number): [number, number] | number;
  isatty?(fd: number): boolean | number;
  /** Terminal size of a tty fd. */
  winsize?(fd: number): { rows: number; cols: number } | number;
  /** Ready-event masks, one per request (0 = not ready). */
  poll?(reqs: PollRequest[]): number[];
  /** Nanoseconds: clock 0 REALTIME, 1 MONOTONIC, 2 PROCESS_CPUTIME, … */
  clock?(id: number): bigint;
  sleep?(ns: number): void;
  random?(n: number): Uint8Array;
  identity?(): HostIdentity;
  /** Process CPU times in microseconds. */
  cpuTimes?(): { user: number; system: number };
  memInfo?(): { total: number; free: number; uptime: number; procs: number; loads: [number, number, number] };
  ncpus?(): number;
}
