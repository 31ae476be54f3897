// The powerpc64 Linux user ABI: flag values, errno numbers and structure
// layouts as the guest sees them (arch/powerpc/include/uapi/asm/*.h), encoded
// in the guest's byte order.

import { OF, type HostStat } from './host.js';

export const EPERM = 1;
export const ENOENT = 2;
export const ESRCH = 3;
export const EINTR = 4;
export const EBADF = 9;
export const ECHILD = 10;
export const EAGAIN = 11;
export const ENOMEM = 12;
export const EFAULT = 14;
export const EEXIST = 17;
export const ENOTDIR = 20;
export const EINVAL = 22;
export const ENOTTY = 25;
export const ESPIPE = 29;
export const ERANGE = 34;
export const ENAMETOOLONG = 36;
export const ENOSYS = 38;

// open(2) flags, powerpc values (O_DIRECTORY/O_NOFOLLOW/O_LARGEFILE/O_DIRECT differ from x86).
export const O_ACCMODE = 3;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_NOCTTY = 0o400;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_DIRECTORY = 0o40000;
export const O_NOFOLLOW = 0o100000;
export const O_LARGEFILE = 0o200000;
export const O_CLOEXEC = 0o2000000;
export const O_PATH = 0o10000000;

export function guestToHostOpenFlags(f: number): number {
  let r = f & O_ACCMODE;
  if (f & O_CREAT) r |= OF.CREAT;
  if (f & O_EXCL) r |= OF.EXCL;
  if (f & O_NOCTTY) r |= OF.NOCTTY;
  if (f & O_TRUNC) r |= OF.TRUNC;
  if (f & O_APPEND) r |= OF.APPEND;
  if (f & O_NONBLOCK) r |= OF.NONBLOCK;
  if (f & O_DIRECTORY) r |= OF.DIRECTORY;
  if (f & O_NOFOLLOW) r |= OF.NOFOLLOW;
  if (f & O_CLOEXEC) r |= OF.CLOEXEC;
  if (f & O_PATH) r |= OF.PATH;
  return r;
}

/** F_GETFL's view: the access mode and status flags (creation flags are not kept after open). */
export function hostToGuestOpenFlags(f: number): number {
  let r = f & O_ACCMODE;
  if (f & OF.APPEND) r |= O_APPEND;
  if (f & OF.NONBLOCK) r |= O_NONBLOCK;
  if (f & OF.DIRECTORY) r |= O_DIRECTORY;
  if (f & OF.NOFOLLOW) r |= O_NOFOLLOW;
  if (f & OF.PATH) r |= O_PATH;
  return r | O_LARGEFILE; // 64-bit kernels force O_LARGEFILE and F_GETFL reports it
}

// mmap
export const PROT_READ = 1;
export const PROT_WRITE = 2;
export const PROT_EXEC = 4;
export const MAP_SHARED = 0x01;
export const MAP_PRIVATE = 0x02;
export const MAP_FIXED = 0x10;
export const MAP_ANONYMOUS = 0x20;
export const MAP_FIXED_NOREPLACE = 0x100000;
export const MREMAP_MAYMOVE = 1;
export const MREMAP_FIXED = 2;

/** Little helper to build a structure in guest byte order. */
export class StructWriter {
  readonly bytes: Uint8Array;
  readonly dv: DataView;
  constructor(
    size: number,
    readonly le: boolean,
  ) {
    this.bytes = new Uint8Array(size);
    this.dv = new DataView(this.bytes.buffer);
  }
  u8(off: number, v: number): this {
    this.dv.setUint8(off, v);
    return this;
  }
  u16(off: number, v: number): this {
    this.dv.setUint16(off, v, this.le);
    return this;
  }
  u32(off: number, v: number): this {
    this.dv.setUint32(off, v >>> 0, this.le);
    return this;
  }
  i32(off: number, v: number): this {
    this.dv.setInt32(off, v | 0, this.le);
    return this;
  }
  u64(off: number, v: number | bigint): this {
    this.dv.setBigUint64(off, BigInt.asUintN(64, BigInt(v)), this.le);
    return this;
  }
  str(off: number, s: string, max: number): this {
    const b = new TextEncoder().encode(s).subarray(0, max - 1);
    this.bytes.set(b, off);
    return this;
  }
}

export function readU64(b: Uint8Array, off: number, le: boolean): bigint {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getBigUint64(off, le);
}
export function readI64(b: Uint8Array, off: number, le: boolean): bigint {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getBigInt64(off, le);
}
export function readU32(b: Uint8Array, off: number, le: boolean): number {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(off, le);
}
export function readI32(b: Uint8Array, off: number, le: boolean): number {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getInt32(off, le);
}

const NS = 1000000000n;

/** struct stat (powerpc64): 144 bytes. */
export function encodeStat(s: HostStat, le: boolean): Uint8Array {
  const w = new StructWriter(144, le);
  w.u64(0, s.dev).u64(8, s.ino).u64(16, s.nlink).u32(24, s.mode).u32(28, s.uid).u32(32, s.gid);
  w.u64(40, s.rdev).u64(48, s.size).u64(56, s.blksize).u64(64, s.blocks);
  w.u64(72, s.atimeNs / NS).u64(80, s.atimeNs % NS);
  w.u64(88, s.mtimeNs / NS).u64(96, s.mtimeNs % NS);
  w.u64(104, s.ctimeNs / NS).u64(112, s.ctimeNs % NS);
  return w.bytes;
}

const major = (d: bigint): number => Number(((d >> 8n) & 0xfffn) | ((d >> 32n) & ~0xfffn));
const minor = (d: bigint): number => Number((d & 0xffn) | ((d >> 12n) & ~0xffn));

/** struct statx: 256 bytes. */
export function encodeStatx(s: HostStat, le: boolean): Uint8Array {
  const w = new StructWriter(256, le);
  const STATX_BASIC_STATS = 0x7ff;
  const STATX_BTIME = 0x800;
  w.u32(0, STATX_BASIC_STATS | (s.birthtimeNs ? STATX_BTIME : 0)).u32(4, s.blksize).u64(8, 0);
  w.u32(16, s.nlink).u32(20, s.uid).u32(24, s.gid).u16(28, s.mode);
  w.u64(32, s.ino).u64(40, s.size).u64(48, s.blocks).u64(56, 0);
  const ts = (off: number, ns: bigint): void => {
    w.u64(off, ns / NS).u32(off + 8, Number(ns % NS));
  };
  ts(64, s.atimeNs);
  ts(80, s.birthtimeNs);
  ts(96, s.ctimeNs);
  ts(112, s.mtimeNs);
  w.u32(128, major(s.rdev)).u32(132, minor(s.rdev)).u32(136, major(s.dev)).u32(140, minor(s.dev));
  return w.bytes;
}

export function encodeTimespec(ns: bigint, le: boolean): Uint8Array {
  return new StructWriter(16, le).u64(0, ns / NS).u64(8, ns % NS).bytes;
}

export function encodeTimeval(ns: bigint, le: boolean): Uint8Array {
  return new StructWriter(16, le).u64(0, ns / NS).u64(8, (ns % NS) / 1000n).bytes;
}
