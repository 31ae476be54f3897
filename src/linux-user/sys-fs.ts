// File and I/O system calls, forwarded to the HostOs with guest structures
// encoded in the guest's byte order.

import type { Process } from './process.js';
import { raise } from './sys-proc.js';
import type { Args, SyscallDef } from './syscalls.js';
import { AT_FDCWD, OF, type HostOs, type HostStat, type PollRequest } from './host.js';
import {
  ENOSYS,
  EINVAL,
  ENOTTY,
  ERANGE,
  EBADF,
  EFAULT,
  ENOENT,
  guestToHostOpenFlags,
  hostToGuestOpenFlags,
  encodeStat,
  encodeStatx,
  StructWriter,
  readU64,
  readI64,
  readI32,
  O_CREAT,
  O_TRUNC,
} from './abi.js';

const AT_SYMLINK_NOFOLLOW = 0x100;
const AT_REMOVEDIR = 0x200;
const AT_EACCESS = 0x200;
const AT_EMPTY_PATH = 0x1000;
const UTIME_NOW = (1 << 30) - 1;
const UTIME_OMIT = (1 << 30) - 2;
const MAX_IO = 1 << 24;

/** Call an optional host method, or answer ENOSYS. */
function h<K extends keyof HostOs>(p: Process, k: K): NonNullable<HostOs[K]> | undefined {
  const f = p.opts.host[k];
  return typeof f === 'function' ? ((f as (...x: unknown[]) => unknown).bind(p.opts.host) as NonNullable<HostOs[K]>) : undefined;
}

const str = (p: Process, addr: number): Uint8Array => {
  if (addr === 0) throw new BadAddress();
  return p.mem.readCString(addr, 4096);
};

class BadAddress {}

function wrap(fn: (p: Process, a: Args) => number): (p: Process, a: Args) => number {
  return (p, a) => {
    try {
      return fn(p, a);
    } catch (e) {
      if (e instanceof BadAddress) return -EFAULT;
      throw e;
    }
  };
}

const dirfd = (a: Args, i: number): number => a.i(i);

// ---- read / write ------------------------------------------------------

function read(p: Process, a: Args): number {
  const len = Math.min(a.u(2), MAX_IO);
  if (len === 0) return 0;
  const r = p.opts.host.read(a.i(0), len);
  if (typeof r === 'number') return r;
  p.mem.writeBytes(a.u(1), r);
  return r.length;
}

/** EPIPE from a write also raises SIGPIPE (fatal unless ignored), as Linux does. */
function sigpipe(p: Process, r: number): number {
  if (r === -32) raise(p, 13);
  return r;
}

function write(p: Process, a: Args): number {
  const len = Math.min(a.u(2), MAX_IO);
  return sigpipe(p, p.opts.host.write(a.i(0), p.mem.readBytes(a.u(1), len)));
}

function iovecs(p: Process, addr: number, n: number): Array<[number, number]> {
  if (n < 0 || n > 1024) throw new RangeError('iovcnt');
  const b = p.mem.readBytes(addr, n * 16);
  const le = p.cpu.le;
  const out: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) out.push([Number(readU64(b, i * 16, le)), Number(readU64(b, i * 16 + 8, le))]);
  return out;
}

function readv(p: Process, a: Args): number {
  const n = a.i(2);
  if (n < 0 || n > 1024) return -EINVAL;
  let total = 0;
  for (const [base, len] of iovecs(p, a.u(1), n)) {
    if (len === 0) continue;
    const r = p.opts.host.read(a.i(0), Math.min(len, MAX_IO));
    if (typeof r === 'number') return total > 0 ? total : r;
    p.mem.writeBytes(base, r);
    total += r.length;
    if (r.length < len) break;
  }
  return total;
}

function writev(p: Process, a: Args): number {
  const n = a.i(2);
  if (n < 0 || n > 1024) return -EINVAL;
  const parts = iovecs(p, a.u(1), n).map(([base, len]) => p.mem.readBytes(base, Math.min(len, MAX_IO)));
  const all = new Uint8Array(parts.reduce((s, x) => s + x.length, 0));
  let off = 0;
  for (const x of parts) {
    all.set(x, off);
    off += x.length;
  }
  if (all.length === 0) return 0;
  return sigpipe(p, p.opts.host.write(a.i(0), all));
}

function pread64(p: Process, a: Args): number {
  const f = h(p, 'pread');
  if (!f) return -ENOSYS;
  if (a.s(3) < 0) return -EINVAL;
  const r = f(a.i(0), Math.min(a.u(2), MAX_IO), a.s(3));
  if (typeof r === 'number') return r;
  p.mem.writeBytes(a.u(1), r);
  return r.length;
}

function pwrite64(p: Process, a: Args): number {
  const f = h(p, 'pwrite');
  if (!f) return -ENOSYS;
  if (a.s(3) < 0) return -EINVAL;
  return f(a.i(0), p.mem.readBytes(a.u(1), Math.min(a.u(2), MAX_IO)), a.s(3));
}

function sendfile(p: Process, a: Args): number {
  const out = a.i(0);
  const inp = a.i(1);
  const offp = a.u(2);
  const count = Math.min(a.u(3), MAX_IO);
  const le = p.cpu.le;
  let data: Uint8Array | number;
  if (offp) {
    const pr = h(p, 'pread');
    if (!pr) return -ENOSYS;
    const off = Number(readI64(p.mem.readBytes(offp, 8), 0, le));
    data = pr(inp, count, off);
    if (typeof data === 'number') return data;
    const w = p.opts.host.write(out, data);
    if (w >= 0) p.mem.writeBytes(offp, new StructWriter(8, le).u64(0, off + w).bytes);
    return w;
  }
  data = p.opts.host.read(inp, count);
  if (typeof data === 'number') return data;
  if (data.length === 0) return 0;
  return p.opts.host.write(out, data);
}

// ---- open / close / stat -------------------------------------------------

function openat(p: Process, a: Args): number {
  const f = h(p, 'open');
  if (!f) return -ENOSYS;
  return f(dirfd(a, 0), str(p, a.u(1)), guestToHostOpenFlags(a.i(2)), a.i(3));
}

function open(p: Process, a: Args): number {
  const f = h(p, 'open');
  if (!f) return -ENOSYS;
  return f(AT_FDCWD, str(p, a.u(0)), guestToHostOpenFlags(a.i(1)), a.i(2));
}

function creat(p: Process, a: Args): number {
  const f = h(p, 'open');
  if (!f) return -ENOSYS;
  return f(AT_FDCWD, str(p, a.u(0)), guestToHostOpenFlags(O_CREAT | O_TRUNC | 1), a.i(1));
}

function close(p: Process, a: Args): number {
  const f = h(p, 'close');
  if (!f) return -ENOSYS;
  p.dirPos.delete(a.i(0));
  return f(a.i(0));
}

function putStat(p: Process, addr: number, st: HostStat | number): number {
  if (typeof st === 'number') return st;
  p.mem.writeBytes(addr, encodeStat(st, p.cpu.le));
  return 0;
}

function fstat(p: Process, a: Args): number {
  const f = h(p, 'fstat');
  if (!f) return -ENOSYS;
  return putStat(p, a.u(1), f(a.i(0)));
}

function statPath(p: Process, dfd: number, path: Uint8Array, flags: number): HostStat | number {
  if (path.length === 0) {
    if (!(flags & AT_EMPTY_PATH)) return -ENOENT;
    if (dfd === AT_FDCWD) return statCwd(p);
    const f = h(p, 'fstat');
    return f ? f(dfd) : -ENOSYS;
  }
  const f = h(p, 'stat');
  if (!f) return -ENOSYS;
  return f(dfd, path, !(flags & AT_SYMLINK_NOFOLLOW));
}

function statCwd(p: Process): HostStat | number {
  const f = h(p, 'stat');
  return f ? f(AT_FDCWD, new Uint8Array([0x2e]), true) : -ENOSYS;
}

function stat(p: Process, a: Args): number {
  return putStat(p, a.u(1), statPath(p, AT_FDCWD, str(p, a.u(0)), 0));
}

function lstat(p: Process, a: Args): number {
  return putStat(p, a.u(1), statPath(p, AT_FDCWD, str(p, a.u(0)), AT_SYMLINK_NOFOLLOW));
}

function newfstatat(p: Process, a: Args): number {
  return putStat(p, a.u(2), statPath(p, dirfd(a, 0), str(p, a.u(1)), a.i(3)));
}

function statx(p: Process, a: Args): number {
  const st = statPath(p, dirfd(a, 0), str(p, a.u(1)), a.i(2));
  if (typeof st === 'number') return st;
  p.mem.writeBytes(a.u(4), encodeStatx(st, p.cpu.le));
  return 0;
}

function lseek(p: Process, a: Args): number {
  const f = h(p, 'lseek');
  if (!f) return -ENOSYS;
  const fd = a.i(0);
  const r = f(fd, a.s(1), a.i(2));
  if (r === 0 && p.dirPos.has(fd)) p.dirPos.set(fd, 0);
  return r;
}

/** _llseek(fd, offset_high, offset_low, loff_t *result, whence): what glibc's lseek uses on powerpc. */
function llseek(p: Process, a: Args): number {
  const f = h(p, 'lseek');
  if (!f) return -ENOSYS;
  const fd = a.i(0);
  const off = a.i(1) * 4294967296 + a.w(2);
  const r = f(fd, off, a.i(4));
  if (r < 0) return r;
  if (r === 0 && p.dirPos.has(fd)) p.dirPos.set(fd, 0);
  p.mem.writeBytes(a.u(3), new StructWriter(8, p.cpu.le).u64(0, r).bytes);
  return 0;
}

// ---- directories and names -------------------------------------------------

function getdents64(p: Process, a: Args): number {
  const f = h(p, 'listDir');
  if (!f) return -ENOSYS;
  const fd = a.i(0);
  const list = f(fd);
  if (typeof list === 'number') return list;
  let pos = p.dirPos.get(fd) ?? 0;
  const cap = a.u(2);
  const le = p.cpu.le;
  const chunks: Uint8Array[] = [];
  let used = 0;
  while (pos < list.length) {
    const e = list[pos]!;
    const reclen = Math.ceil((19 + e.name.length + 1) / 8) * 8;
    if (used + reclen > cap) break;
    const w = new StructWriter(reclen, le);
    w.u64(0, e.ino).u64(8, pos + 1).u16(16, reclen).u8(18, e.type);
    w.bytes.set(e.name, 19);
    chunks.push(w.bytes);
    used += reclen;
    pos++;
  }
  if (used === 0 && pos < list.length) return -EINVAL;
  p.dirPos.set(fd, pos);
  const out = new Uint8Array(used);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  if (used) p.mem.writeBytes(a.u(1), out);
  return used;
}

function readlinkCommon(p: Process, dfd: number, path: Uint8Array, buf: number, size: number): number {
  if (size <= 0) return -EINVAL;
  const txt = new TextDecoder().decode(path);
  if (txt === '/proc/self/exe' && p.opts.exePath !== undefined) {
    const b = new TextEncoder().encode(p.opts.exePath).subarray(0, size);
    p.mem.writeBytes(buf, b);
    return b.length;
  }
  const f = h(p, 'readlink');
  if (!f) return -ENOSYS;
  const r = f(dfd, path);
  if (typeof r === 'number') return r;
  const b = r.subarray(0, size);
  p.mem.writeBytes(buf, b);
  return b.length;
}

function getcwd(p: Process, a: Args): number {
  const f = h(p, 'getcwd');
  if (!f) return -ENOSYS;
  const cwd = f();
  if (cwd.length + 1 > a.u(1)) return -ERANGE;
  const z = new Uint8Array(cwd.length + 1);
  z.set(cwd);
  p.mem.writeBytes(a.u(0), z);
  return z.length;
}

function accessCommon(p: Process, dfd: number, path: Uint8Array, mode: number): number {
  const f = h(p, 'access');
  if (!f) return -ENOSYS;
  if (mode & ~7) return -EINVAL;
  return f(dfd, path, mode);
}

function unlinkat(p: Process, a: Args): number {
  const f = h(p, 'unlink');
  if (!f) return -ENOSYS;
  const flags = a.i(2);
  if (flags & ~AT_REMOVEDIR) return -EINVAL;
  return f(dirfd(a, 0), str(p, a.u(1)), !!(flags & AT_REMOVEDIR));
}

function renameCommon(p: Process, od: number, op: number, nd: number, np: number, flags: number): number {
  const f = h(p, 'rename');
  if (!f) return -ENOSYS;
  return f(od, str(p, op), nd, str(p, np), flags);
}

function utimensat(p: Process, a: Args): number {
  const f = h(p, 'utimens');
  if (!f) return -ENOSYS;
  const pathAddr = a.u(1);
  const path = pathAddr ? str(p, pathAddr) : null;
  const tp = a.u(2);
  const flags = a.i(3);
  let at: bigint | 'now' | undefined = 'now';
  let mt: bigint | 'now' | undefined = 'now';
  if (tp) {
    const b = p.mem.readBytes(tp, 32);
    const le = p.cpu.le;
    const conv = (off: number): bigint | 'now' | undefined => {
      const nsec = readI64(b, off + 8, le);
      if (nsec === BigInt(UTIME_NOW)) return 'now';
      if (nsec === BigInt(UTIME_OMIT)) return undefined;
      return readI64(b, off, le) * 1000000000n + nsec;
    };
    at = conv(0);
    mt = conv(16);
  }
  if (path !== null && path.length === 0 && !(flags & AT_EMPTY_PATH)) return -ENOENT;
  return f(dirfd(a, 0), path, at, mt, !(flags & AT_SYMLINK_NOFOLLOW));
}

// ---- descriptors ------------------------------------------------------------

function dup3(p: Process, a: Args): number {
  const f = h(p, 'dup');
  if (!f) return -ENOSYS;
  const flags = a.i(2);
  if (flags & ~0o2000000 || a.i(0) === a.i(1)) return -EINVAL;
  return f(a.i(0), a.i(1), 0, !!flags);
}

function fcntl(p: Process, a: Args): number {
  const fd = a.i(0);
  const cmd = a.i(1);
  const arg = a.i(2);
  switch (cmd) {
    case 0: // F_DUPFD
    case 1030: // F_DUPFD_CLOEXEC
      return h(p, 'dup')?.(fd, -1, arg, cmd === 1030) ?? -ENOSYS;
    case 1: // F_GETFD
      return h(p, 'getFdFlags')?.(fd) ?? -ENOSYS;
    case 2: // F_SETFD
      return h(p, 'setFdFlags')?.(fd, !!(arg & 1)) ?? -ENOSYS;
    case 3: {
      // F_GETFL
      const r = h(p, 'getFlFlags')?.(fd) ?? -ENOSYS;
      return r < 0 ? r : hostToGuestOpenFlags(r);
    }
    case 4: // F_SETFL
      return h(p, 'setFlFlags')?.(fd, guestToHostOpenFlags(arg)) ?? -ENOSYS;
    case 5: {
      // F_GETLK: nobody else holds a lock
      if ((h(p, 'getFdFlags')?.(fd) ?? 0) < 0) return -EBADF;
      const w = new StructWriter(2, p.cpu.le).u16(0, 2); // l_type = F_UNLCK
      p.mem.writeBytes(a.u(2), w.bytes);
      return 0;
    }
    case 6: // F_SETLK
    case 7: // F_SETLKW
    case 36: // F_OFD_GETLK …
    case 37:
    case 38:
      return (h(p, 'getFdFlags')?.(fd) ?? 0) < 0 ? -EBADF : 0;
    case 1031: // F_SETPIPE_SZ
    case 1032: // F_GETPIPE_SZ
      return 65536;
    default:
      return -EINVAL;
  }
}

function ioctl(p: Process, a: Args): number {
  const fd = a.i(0);
  const req = a.w(1);
  const tty = h(p, 'isatty')?.(fd) ?? false;
  if (typeof tty === 'number') return tty;
  switch (req & 0xffff) {
    case 0x7413: {
      // TCGETS
      if (!tty) return -ENOTTY;
      // A cooked terminal: ICRNL|IXON, OPOST|ONLCR, B38400|CS8|CREAD, ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE (powerpc values).
      const w = new StructWriter(44, p.cpu.le);
      w.u32(0, 0x100 | 0x200).u32(4, 0x1 | 0x2).u32(8, 0o17 | 0o1400 | 0o4000).u32(12, 0x80 | 0x100 | 0x2 | 0x4 | 0x1 | 0x400 | 0x40 | 0x1);
      const cc = [3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0x12, 0x17, 0x16, 0xf, 0, 0, 0, 0];
      cc.forEach((c, i) => w.u8(16 + i, c));
      w.u32(36, 0o17).u32(40, 0o17);
      p.mem.writeBytes(a.u(2), w.bytes);
      return 0;
    }
    case 0x7414: // TCSETS, TCSETSW, TCSETSF
    case 0x7415:
    case 0x7416:
      return tty ? 0 : -ENOTTY;
    case 0x7468: {
      // TIOCGWINSZ
      const ws = h(p, 'winsize')?.(fd) ?? -ENOTTY;
      if (typeof ws === 'number') return ws;
      p.mem.writeBytes(a.u(2), new StructWriter(8, p.cpu.le).u16(0, ws.rows).u16(2, ws.cols).bytes);
      return 0;
    }
    case 0x7477: // TIOCGPGRP
      if (!tty) return -ENOTTY;
      p.mem.writeBytes(a.u(2), new StructWriter(4, p.cpu.le).u32(0, h(p, 'identity')?.().pid ?? 1).bytes);
      return 0;
    case 0x667f: // FIONREAD
      p.mem.writeBytes(a.u(2), new StructWriter(4, p.cpu.le).u32(0, 0).bytes);
      return 0;
    default:
      return -ENOTTY;
  }
}

function pipe2(p: Process, a: Args): number {
  const f = h(p, 'pipe');
  if (!f) return -ENOSYS;
  const r = f(guestToHostOpenFlags(a.i(1)) & (OF.CLOEXEC | OF.NONBLOCK));
  if (typeof r === 'number') return r;
  p.mem.writeBytes(a.u(0), new StructWriter(8, p.cpu.le).i32(0, r[0]).i32(4, r[1]).bytes);
  return 0;
}

function pollCommon(p: Process, addr: number, n: number): number {
  if (n > 1024) return -EINVAL;
  const le = p.cpu.le;
  const b = p.mem.readBytes(addr, n * 8);
  const reqs: PollRequest[] = [];
  for (let i = 0; i < n; i++) reqs.push({ fd: readI32(b, i * 8, le), events: new DataView(b.buffer).getInt16(i * 8 + 4, le) });
  const ready = h(p, 'poll')?.(reqs) ?? reqs.map((r) => r.events & 5);
  let count = 0;
  const dv = new DataView(b.buffer);
  ready.forEach((rv, i) => {
    const ev = reqs[i]!.fd < 0 ? 0 : rv;
    dv.setInt16(i * 8 + 6, ev, le);
    if (ev) count++;
  });
  p.mem.writeBytes(addr, b);
  return count;
}

function selectCommon(p: Process, n: number, sets: number[]): number {
  if (n < 0 || n > 1024) return -EINVAL;
  const le = p.cpu.le;
  const words = Math.ceil(n / 64);
  const masks = [1, 4, 2];
  let count = 0;
  sets.forEach((addr, k) => {
    if (!addr || words === 0) return;
    const b = p.mem.readBytes(addr, words * 8);
    const dv = new DataView(b.buffer);
    const out = new Uint8Array(words * 8);
    const odv = new DataView(out.buffer);
    for (let fd = 0; fd < n; fd++) {
      const word = dv.getBigUint64((fd >> 6) * 8, le);
      if (!((word >> BigInt(fd & 63)) & 1n)) continue;
      const ready = h(p, 'poll')?.([{ fd, events: masks[k]! }])[0] ?? masks[k]!;
      if (ready & (masks[k]! | 0x18)) {
        const o = (fd >> 6) * 8;
        odv.setBigUint64(o, odv.getBigUint64(o, le) | (1n << BigInt(fd & 63)), le);
        count++;
      }
    }
    p.mem.writeBytes(addr, out);
  });
  return count;
}

function fchownat(p: Process, a: Args): number {
  const f = h(p, 'chown');
  if (!f) return -ENOSYS;
  const path = str(p, a.u(1));
  const flags = a.i(4);
  if (path.length === 0 && flags & AT_EMPTY_PATH) return f(dirfd(a, 0), null, a.i(2), a.i(3), true);
  return f(dirfd(a, 0), path, a.i(2), a.i(3), !(flags & AT_SYMLINK_NOFOLLOW));
}

const fs: Record<number, [string, (p: Process, a: Args) => number]> = {
  3: ['read', read],
  4: ['write', write],
  5: ['open', open],
  6: ['close', close],
  8: ['creat', creat],
  9: ['link', (p, a) => h(p, 'link')?.(AT_FDCWD, str(p, a.u(0)), AT_FDCWD, str(p, a.u(1))) ?? -ENOSYS],
  10: ['unlink', (p, a) => h(p, 'unlink')?.(AT_FDCWD, str(p, a.u(0)), false) ?? -ENOSYS],
  12: ['chdir', (p, a) => h(p, 'chdir')?.(str(p, a.u(0))) ?? -ENOSYS],
  15: ['chmod', (p, a) => h(p, 'chmod')?.(AT_FDCWD, str(p, a.u(0)), a.i(1)) ?? -ENOSYS],
  16: ['lchown', (p, a) => h(p, 'chown')?.(AT_FDCWD, str(p, a.u(0)), a.i(1), a.i(2), false) ?? -ENOSYS],
  19: ['lseek', lseek],
  140: ['_llseek', llseek],
  33: ['access', (p, a) => accessCommon(p, AT_FDCWD, str(p, a.u(0)), a.i(1))],
  36: ['sync', () => 0],
  38: ['rename', (p, a) => renameCommon(p, AT_FDCWD, a.u(0), AT_FDCWD, a.u(1), 0)],
  39: ['mkdir', (p, a) => h(p, 'mkdir')?.(AT_FDCWD, str(p, a.u(0)), a.i(1)) ?? -ENOSYS],
  40: ['rmdir', (p, a) => h(p, 'unlink')?.(AT_FDCWD, str(p, a.u(0)), true) ?? -ENOSYS],
  41: ['dup', (p, a) => h(p, 'dup')?.(a.i(0), -1, 0, false) ?? -ENOSYS],
  42: ['pipe', (p, a) => pipe2(p, { u: () => a.u(0), i: () => 0 } as unknown as Args)],
  54: ['ioctl', ioctl],
  55: ['fcntl', fcntl],
  60: ['umask', (p, a) => h(p, 'umask')?.(a.i(0)) ?? 0o22],
  63: [
    'dup2',
    (p, a) => {
      if (a.i(0) === a.i(1)) return (h(p, 'getFdFlags')?.(a.i(0)) ?? 0) < 0 ? -EBADF : a.i(1);
      return h(p, 'dup')?.(a.i(0), a.i(1), 0, false) ?? -ENOSYS;
    },
  ],
  82: ['select', (p, a) => selectCommon(p, a.i(0), [a.u(1), a.u(2), a.u(3)])],
  142: ['_newselect', (p, a) => selectCommon(p, a.i(0), [a.u(1), a.u(2), a.u(3)])],
  280: ['pselect6', (p, a) => selectCommon(p, a.i(0), [a.u(1), a.u(2), a.u(3)])],
  83: ['symlink', (p, a) => h(p, 'symlink')?.(str(p, a.u(0)), AT_FDCWD, str(p, a.u(1))) ?? -ENOSYS],
  85: ['readlink', (p, a) => readlinkCommon(p, AT_FDCWD, str(p, a.u(0)), a.u(1), a.i(2))],
  92: ['truncate', (p, a) => h(p, 'truncate')?.(str(p, a.u(0)), a.s(1)) ?? -ENOSYS],
  93: ['ftruncate', (p, a) => (a.s(1) < 0 ? -EINVAL : (h(p, 'ftruncate')?.(a.i(0), a.s(1)) ?? -ENOSYS))],
  94: ['fchmod', (p, a) => h(p, 'chmod')?.(a.i(0), null, a.i(1)) ?? -ENOSYS],
  95: ['fchown', (p, a) => h(p, 'chown')?.(a.i(0), null, a.i(1), a.i(2), true) ?? -ENOSYS],
  106: ['stat', stat],
  107: ['lstat', lstat],
  108: ['fstat', fstat],
  118: ['fsync', (p, a) => h(p, 'fsync')?.(a.i(0)) ?? 0],
  133: ['fchdir', (p, a) => h(p, 'fchdir')?.(a.i(0)) ?? -ENOSYS],
  143: ['flock', (p, a) => ((h(p, 'getFdFlags')?.(a.i(0)) ?? 0) < 0 ? -EBADF : 0)],
  145: ['readv', readv],
  146: ['writev', writev],
  148: ['fdatasync', (p, a) => h(p, 'fsync')?.(a.i(0)) ?? 0],
  167: ['poll', (p, a) => pollCommon(p, a.u(0), a.u(1))],
  281: ['ppoll', (p, a) => pollCommon(p, a.u(0), a.u(1))],
  179: ['pread64', pread64],
  180: ['pwrite64', pwrite64],
  181: ['chown', (p, a) => h(p, 'chown')?.(AT_FDCWD, str(p, a.u(0)), a.i(1), a.i(2), true) ?? -ENOSYS],
  182: ['getcwd', getcwd],
  186: ['sendfile', sendfile],
  202: ['getdents64', getdents64],
  233: ['fadvise64', () => 0],
  286: ['openat', openat],
  287: ['mkdirat', (p, a) => h(p, 'mkdir')?.(dirfd(a, 0), str(p, a.u(1)), a.i(2)) ?? -ENOSYS],
  289: ['fchownat', fchownat],
  291: ['newfstatat', newfstatat],
  292: ['unlinkat', unlinkat],
  293: ['renameat', (p, a) => renameCommon(p, dirfd(a, 0), a.u(1), dirfd(a, 2), a.u(3), 0)],
  294: ['linkat', (p, a) => h(p, 'link')?.(dirfd(a, 0), str(p, a.u(1)), dirfd(a, 2), str(p, a.u(3))) ?? -ENOSYS],
  295: ['symlinkat', (p, a) => h(p, 'symlink')?.(str(p, a.u(0)), dirfd(a, 1), str(p, a.u(2))) ?? -ENOSYS],
  296: ['readlinkat', (p, a) => readlinkCommon(p, dirfd(a, 0), str(p, a.u(1)), a.u(2), a.i(3))],
  297: ['fchmodat', (p, a) => h(p, 'chmod')?.(dirfd(a, 0), str(p, a.u(1)), a.i(2)) ?? -ENOSYS],
  298: ['faccessat', (p, a) => accessCommon(p, dirfd(a, 0), str(p, a.u(1)), a.i(2))],
  439: ['faccessat2', (p, a) => (a.i(3) & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH) ? -EINVAL : accessCommon(p, dirfd(a, 0), str(p, a.u(1)), a.i(2)))],
  304: ['utimensat', utimensat],
  316: ['dup3', dup3],
  317: ['pipe2', pipe2],
  357: ['renameat2', (p, a) => renameCommon(p, dirfd(a, 0), a.u(1), dirfd(a, 2), a.u(3), a.i(4))],
  383: ['statx', statx],
  // Not provided: the guest falls back to simpler calls.
  99: ['statfs', () => -ENOSYS],
  100: ['fstatfs', () => -ENOSYS],
  252: ['statfs64', () => -ENOSYS],
  253: ['fstatfs64', () => -ENOSYS],
  379: ['copy_file_range', () => -ENOSYS],
  283: ['splice', () => -ENOSYS],
  309: ['fallocate', () => -95],
  191: ['readahead', () => 0],
  436: ['close_range', () => -ENOSYS],
};

export const FS_SYSCALLS: Record<number, SyscallDef> = Object.fromEntries(Object.entries(fs).map(([nr, [name, fn]]) => [nr, { name, fn: wrap(fn) }]));
