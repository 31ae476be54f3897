// HostOs over Node's synchronous fs API: a guest file-descriptor table of host
// fds, in-memory pipes and (for tests) captured stdio, with a private current
// directory so several guests can run in one Node process.

import { SIGNAL_NAMES } from '../../linux-user/process.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isatty } from 'node:tty';
import { randomFillSync } from 'node:crypto';
import { OF, AT_FDCWD, type HostOs, type HostStat, type HostDirent, type PollRequest, type HostIdentity } from '../../linux-user/host.js';
import type { CpuTrap } from '../../cpu/ppc64/trap.js';
import { linuxErrno, EBADF, EINVAL, ENOTDIR, EMFILE, ESPIPE, EAGAIN, EISDIR } from './errno.js';

interface Pipe {
  chunks: Uint8Array[];
  readers: number;
  writers: number;
}

type Obj =
  | { kind: 'host'; fd: number; path: string; flags: number; refs: number; dir: boolean; dirCache?: HostDirent[]; pos: number | null }
  | { kind: 'std'; fd: number; flags: number; refs: number }
  | { kind: 'capture'; chunks: Uint8Array[]; flags: number; refs: number }
  | { kind: 'input'; data: Uint8Array; pos: number; flags: number; refs: number }
  | { kind: 'pipe'; pipe: Pipe; end: 'r' | 'w'; flags: number; refs: number };

interface Slot {
  obj: Obj;
  cloexec: boolean;
}

export interface NodeHostOptions {
  /** Guest's initial working directory (default: process.cwd()). */
  cwd?: string;
  /** Feed fd 0 from this buffer instead of the real stdin. */
  stdin?: Uint8Array;
  /** Collect fd 1 and 2 into `stdout`/`stderr` instead of writing to the real ones. */
  capture?: boolean;
  /** Where fatal-signal and diagnostic lines go (default: real stderr, or captured stderr). */
  prefix?: string;
}

const latin1 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
const hostPath = (s: string): Buffer => Buffer.from(s, 'latin1');

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function errOf(e: unknown): number {
  const code = (e as NodeJS.ErrnoException)?.code;
  const n = code ? linuxErrno(code) : 0;
  if (n) return -n;
  throw e;
}

export class NodeHost implements HostOs {
  private readonly fds: Array<Slot | undefined> = [];
  private cwd: string;
  private mask = 0o022;
  readonly stdoutChunks: Uint8Array[] = [];
  readonly stderrChunks: Uint8Array[] = [];
  private readonly prefix: string;

  constructor(readonly opts: NodeHostOptions = {}) {
    this.cwd = path.resolve(opts.cwd ?? process.cwd());
    this.prefix = opts.prefix ?? 'tskvm';
    this.fds[0] = { obj: opts.stdin ? { kind: 'input', data: opts.stdin, pos: 0, flags: OF.RDONLY, refs: 1 } : { kind: 'std', fd: 0, flags: OF.RDONLY, refs: 1 }, cloexec: false };
    if (opts.capture) {
      this.fds[1] = { obj: { kind: 'capture', chunks: this.stdoutChunks, flags: OF.WRONLY, refs: 1 }, cloexec: false };
      this.fds[2] = { obj: { kind: 'capture', chunks: this.stderrChunks, flags: OF.WRONLY, refs: 1 }, cloexec: false };
    } else {
      this.fds[1] = { obj: { kind: 'std', fd: 1, flags: OF.WRONLY, refs: 1 }, cloexec: false };
      this.fds[2] = { obj: { kind: 'std', fd: 2, flags: OF.WRONLY, refs: 1 }, cloexec: false };
    }
  }

  get stdout(): Buffer {
    return Buffer.concat(this.stdoutChunks);
  }
  get stderr(): Buffer {
    return Buffer.concat(this.stderrChunks);
  }

  /** A diagnostic line from the emulator itself (goes where the guest's stderr goes). */
  diag(line: string): void {
    this.write(2, new TextEncoder().encode(line.endsWith('\n') ? line : line + '\n'));
  }

  /** Close every host fd (end of run). */
  closeAll(): void {
    for (let i = 0; i < this.fds.length; i++) if (this.fds[i]) this.close(i);
  }

  // ---- fd table ---------------------------------------------------------

  private slot(fd: number): Obj | undefined {
    return fd >= 0 ? this.fds[fd]?.obj : undefined;
  }

  private alloc(obj: Obj, cloexec: boolean, min = 0): number {
    let i = min;
    while (this.fds[i]) i++;
    if (i >= 1024) return -EMFILE;
    this.fds[i] = { obj, cloexec };
    return i;
  }

  private resolve(dirfd: number, p: Uint8Array | string): string | number {
    const s = typeof p === 'string' ? p : latin1(p);
    if (s.startsWith('/')) return s;
    let base = this.cwd;
    if (dirfd !== AT_FDCWD) {
      const o = this.slot(dirfd);
      if (!o) return -EBADF;
      if (o.kind !== 'host' || !o.dir) return s === '' ? (o.kind === 'host' ? o.path : -ENOTDIR) : -ENOTDIR;
      base = o.path;
    }
    return s === '' ? base : path.join(base, s);
  }

  // ---- I/O ----------------------------------------------------------------

  write(fd: number, data: Uint8Array): number {
    const o = this.slot(fd);
    if (!o) return -EBADF;
    if ((o.flags & OF.ACCMODE) === OF.RDONLY && o.kind !== 'std') return -EBADF;
    switch (o.kind) {
      case 'capture':
        o.chunks.push(data.slice());
        return data.length;
      case 'input':
        return -EBADF;
      case 'pipe':
        if (o.end !== 'w') return -EBADF;
        if (o.pipe.readers === 0) return -32; // EPIPE (SIGPIPE is not raised)
        o.pipe.chunks.push(data.slice());
        return data.length;
      case 'std':
      case 'host': {
        if (o.kind === 'host' && o.dir) return -EISDIR;
        let done = 0;
        for (;;) {
          try {
            const pos = o.kind === 'host' && o.pos !== null && !(o.flags & OF.APPEND) ? o.pos : null;
            const n = fs.writeSync(o.fd, data, done, data.length - done, pos);
            done += n;
            if (o.kind === 'host' && o.pos !== null) o.pos = o.flags & OF.APPEND ? fs.fstatSync(o.fd).size : o.pos + n;
            if (done >= data.length) return done;
          } catch (e) {
            const r = errOf(e);
            if (r === -EAGAIN && !(o.flags & OF.NONBLOCK)) {
              sleepMs(1);
              continue;
            }
            return done > 0 ? done : r;
          }
        }
      }
    }
  }

  read(fd: number, len: number): Uint8Array | number {
    const o = this.slot(fd);
    if (!o) return -EBADF;
    if ((o.flags & OF.ACCMODE) === OF.WRONLY && o.kind !== 'std') return -EBADF;
    switch (o.kind) {
      case 'capture':
        return -EBADF;
      case 'input': {
        const n = Math.min(len, o.data.length - o.pos);
        const out = o.data.slice(o.pos, o.pos + n);
        o.pos += n;
        return out;
      }
      case 'pipe': {
        if (o.end !== 'r') return -EBADF;
        const p = o.pipe;
        if (p.chunks.length === 0) return p.writers === 0 ? new Uint8Array(0) : -EAGAIN;
        const all = Buffer.concat(p.chunks);
        const n = Math.min(len, all.length);
        p.chunks = n < all.length ? [all.subarray(n)] : [];
        return all.subarray(0, n);
      }
      case 'std':
      case 'host': {
        if (o.kind === 'host' && o.dir) return -EISDIR;
        const buf = new Uint8Array(Math.min(len, 1 << 24));
        for (;;) {
          try {
            const pos = o.kind === 'host' ? o.pos : null;
            const n = fs.readSync(o.fd, buf, 0, buf.length, pos);
            if (o.kind === 'host' && o.pos !== null) o.pos += n;
            return buf.subarray(0, n);
          } catch (e) {
            const r = errOf(e);
            if (r === -EAGAIN && !(o.flags & OF.NONBLOCK)) {
              sleepMs(1);
              continue;
            }
            if ((e as NodeJS.ErrnoException).code === 'EOF') return new Uint8Array(0);
            return r;
          }
        }
      }
    }
  }

  pread(fd: number, len: number, pos: number): Uint8Array | number {
    const o = this.slot(fd);
    if (!o) return -EBADF;
    if (o.kind !== 'host') return -ESPIPE;
    if (o.dir) return -EISDIR;
    const buf = new Uint8Array(Math.min(len, 1 << 24));
    try {
      return buf.subarray(0, fs.readSync(o.fd, buf, 0, buf.length, pos));
    } catch (e) {
      return errOf(e);
    }
  }

  pwrite(fd: number, data: Uint8Array, pos: number): number {
    const o = this.slot(fd);
    if (!o) return -EBADF;
    if (o.kind !== 'host') return -ESPIPE;
    try {
      return fs.writeSync(o.fd, data, 0, data.length, pos);
    } catch (e) {
      return errOf(e);
    }
  }

  open(dirfd: number, p: Uint8Array, flags: number, mode: number): number {
    const full = this.resolve(dirfd, p);
    if (typeof full === 'number') return full;
    if (p.length === 0) return -2; // ENOENT
    const C = fs.constants;
    let hf = [C.O_RDONLY, C.O_WRONLY, C.O_RDWR][flags & OF.ACCMODE] ?? C.O_RDONLY;
    if (flags & OF.CREAT) hf |= C.O_CREAT;
    if (flags & OF.EXCL) hf |= C.O_EXCL;
    if (flags & OF.TRUNC) hf |= C.O_TRUNC;
    if (flags & OF.APPEND) hf |= C.O_APPEND;
    if (flags & OF.NOCTTY) hf |= C.O_NOCTTY;
    if (flags & OF.DIRECTORY) hf |= C.O_DIRECTORY;
    if (flags & OF.NOFOLLOW) hf |= C.O_NOFOLLOW;
    try {
      const hfd = fs.openSync(hostPath(full), hf, mode & ~this.mask & 0o7777);
      let dir = false;
      let seekable = false;
      try {
        const st = fs.fstatSync(hfd);
        dir = st.isDirectory();
        seekable = st.isFile() || st.isBlockDevice();
      } catch {
        /* keep false */
      }
      const pos = seekable ? (flags & OF.APPEND ? fs.fstatSync(hfd).size : 0) : null;
      const r = this.alloc({ kind: 'host', fd: hfd, path: full, flags: flags & ~OF.CLOEXEC, refs: 1, dir, pos }, !!(flags & OF.CLOEXEC));
      if (r < 0) fs.closeSync(hfd);
      return r;
    } catch (e) {
      return errOf(e);
    }
  }

  close(fd: number): number {
    const s = fd >= 0 ? this.fds[fd] : undefined;
    if (!s) return -EBADF;
    this.fds[fd] = undefined;
    const o = s.obj;
    if (--o.refs > 0) return 0;
    if (o.kind === 'host') {
      try {
        fs.closeSync(o.fd);
      } catch (e) {
        return errOf(e);
      }
    } else if (o.kind === 'pipe') {
      if (o.end === 'r') o.pipe.readers--;
      else o.pipe.writers--;
    }
    return 0;
  }

  lseek(fd: number, offset: number, whence: number): number {
    const o = this.slot(fd);
    if (!o) return -EBADF;
    if (o.kind === 'input') {
      const np = whence === 0 ? offset : whence === 1 ? o.pos + offset : whence === 2 ? o.data.length + offset : NaN;
      if (!(np >= 0)) return -EINVAL;
      return (o.pos = np);
    }
    if (o.kind !== 'host') return -ESPIPE;
    if (o.dir) {
      if (whence === 0 && offset === 0) {
        o.dirCache = undefined;
        return 0;
      }
      return -EINVAL;
    }
    if (o.pos === null) return -ESPIPE;
    let size: number;
    try {
      size = fs.fstatSync(o.fd).size;
    } catch (e) {
      return errOf(e);
    }
    const np = whence === 0 ? offset : whence === 1 ? o.pos + offset : whence === 2 ? size + offset : whence === 3 || whence === 4 ? offset : NaN;
    if (!(np >= 0)) return -EINVAL;
    if ((whence === 3 || whence === 4) && np >= size) return -6; // SEEK_DATA/SEEK_HOLE past the end: ENXIO
    if (whence === 4) return (o.pos = size); // one hole at the end
    return (o.pos = np);
  }

  fstat(fd: number): HostStat | number {
    const o = this.slot(fd);
    if (!o) return -EBADF;
    try {
      if (o.kind === 'host' || o.kind === 'std') return convStat(fs.fstatSync(o.fd, { bigint: true }));
      return pipeStat(o.kind === 'capture' ? 0o010600 : 0o010600);
    } catch (e) {
      return errOf(e);
    }
  }

  stat(dirfd: number, p: Uint8Array, follow: boolean): HostStat | number {
    if (p.length === 0 && dirfd !== AT_FDCWD) return this.fstat(dirfd);
    const full = this.resolve(dirfd, p);
    if (typeof full === 'number') return full;
    if (p.length === 0) return -2;
    try {
      return convStat(follow ? fs.statSync(hostPath(full), { bigint: true }) : fs.lstatSync(hostPath(full), { bigint: true }));
    } catch (e) {
      return errOf(e);
    }
  }

  readlink(dirfd: number, p: Uint8Array): Uint8Array | number {
    const s = latin1(p);
    if (s === '/proc/self/exe') return -2;
    const full = this.resolve(dirfd, p);
    if (typeof full === 'number') return full;
    try {
      return fs.readlinkSync(hostPath(full), { encoding: 'buffer' });
    } catch (e) {
      return errOf(e);
    }
  }

  listDir(fd: number): HostDirent[] | number {
    const o = this.slot(fd);
    if (!o) return -EBADF;
    if (o.kind !== 'host' || !o.dir) return -ENOTDIR;
    if (o.dirCache) return o.dirCache;
    try {
      const out: HostDirent[] = [];
      const self = fs.statSync(hostPath(o.path), { bigint: true });
      let parentIno = self.ino;
      try {
        parentIno = fs.statSync(hostPath(path.join(o.path, '..')), { bigint: true }).ino;
      } catch {
        /* keep */
      }
      out.push({ ino: self.ino, type: 4, name: new Uint8Array([0x2e]) });
      out.push({ ino: parentIno, type: 4, name: new Uint8Array([0x2e, 0x2e]) });
      const dir = fs.opendirSync(hostPath(o.path), { encoding: "buffer" } as unknown as fs.OpenDirOptions);
      try {
        for (let d = dir.readSync(); d !== null; d = dir.readSync()) {
          const name = d.name as unknown as Buffer;
          let ino = 0n;
          try {
            ino = fs.lstatSync(Buffer.concat([hostPath(o.path + '/'), name]), { bigint: true }).ino;
          } catch {
            /* vanished */
          }
          const type = d.isDirectory() ? 4 : d.isFile() ? 8 : d.isSymbolicLink() ? 10 : d.isFIFO() ? 1 : d.isCharacterDevice() ? 2 : d.isBlockDevice() ? 6 : d.isSocket() ? 12 : 0;
          out.push({ ino, type, name: new Uint8Array(name) });
        }
      } finally {
        dir.closeSync();
      }
      o.dirCache = out;
      return out;
    } catch (e) {
      return errOf(e);
    }
  }

  getcwd(): Uint8Array {
    return hostPath(this.cwd);
  }

  chdir(p: Uint8Array): number {
    const full = this.resolve(AT_FDCWD, p);
    if (typeof full === 'number') return full;
    if (p.length === 0) return -2;
    try {
      if (!fs.statSync(hostPath(full)).isDirectory()) return -ENOTDIR;
      this.cwd = path.resolve(full);
      return 0;
    } catch (e) {
      return errOf(e);
    }
  }

  fchdir(fd: number): number {
    const o = this.slot(fd);
    if (!o) return -EBADF;
    if (o.kind !== 'host' || !o.dir) return -ENOTDIR;
    this.cwd = o.path;
    return 0;
  }

  access(dirfd: number, p: Uint8Array, mode: number): number {
    const full = this.resolve(dirfd, p);
    if (typeof full === 'number') return full;
    if (p.length === 0) return -2;
    try {
      fs.accessSync(hostPath(full), mode & 7);
      return 0;
    } catch (e) {
      return errOf(e);
    }
  }

  mkdir(dirfd: number, p: Uint8Array, mode: number): number {
    const full = this.resolve(dirfd, p);
    if (typeof full === 'number') return full;
    try {
      fs.mkdirSync(hostPath(full), { mode: mode & ~this.mask & 0o7777 });
      return 0;
    } catch (e) {
      return errOf(e);
    }
  }

  unlink(dirfd: number, p: Uint8Array, dir: boolean): number {
    const full = this.resolve(dirfd, p);
    if (typeof full === 'number') return full;
    try {
      if (dir) fs.rmdirSync(hostPath(full));
      else fs.unlinkSync(hostPath(full));
      return 0;
    } catch (e) {
      return errOf(e);
    }
  }

  rename(od: number, op: Uint8Array, nd: number, np: Uint8Array, flags: number): number {
    const a = this.resolve(od, op);
    const b = this.resolve(nd, np);
    if (typeof a === 'number') return a;
    if (typeof b === 'number') return b;
    try {
      if (flags & 1 /* RENAME_NOREPLACE */ && fs.existsSync(hostPath(b))) return -17; // EEXIST
      if (flags & ~1) return -EINVAL;
      fs.renameSync(hostPath(a), hostPath(b));
      return 0;
    } catch (e) {
      return errOf(e);
    }
  }

  link(od: number, op: Uint8Array, nd: number, np: Uint8Array): number {
    const a = this.resolve(od, op);
    const b = this.resolve(nd, np);
    if (typeof a === 'number') return a;
    if (typeof b === 'number') return b;
    try {
      fs.linkSync(hostPath(a), hostPath(b));
      return 0;
    } catch (e) {
      return errOf(e);
    }
  }

  symlink(target: Uint8Array, nd: number, np: Uint8Array): number {
    const b = this.resolve(nd, np);
    if (typeof b === 'number') return b;
    try {
      fs.symlinkSync(Buffer.from(target), hostPath(b));
      return 0;
    } catch (e) {
      return errOf(e);
    }
  }

  ftruncate(fd: number, len: number): number {
    const o = this.slot(fd);
    if (!o) return -EBADF;
    if (o.kind !== 'host') return -EINVAL;
    try {
      fs.ftruncateSync(o.fd, len);
      return 0;
    } catch (e) {
      return errOf(e);
    }
  }

  truncate(p: Uint8Array, len: number): number {
    const full = this.resolve(AT_FDCWD, p);
    if (typeof full === 'number') return full;
    try {
      fs.truncateSync(hostPath(full), len);
      return 0;
    } catch (e) {
      return errOf(e);
    }
  }

  fsync(fd: number): number {
    const o = this.slot(fd);
    if (!o) return -EBADF;
    if (o.kind !== 'host') return 0;
    try {
      fs.fsyncSync(o.fd);
      return 0;
    } catch (e) {
      return errOf(e);
    }
  }

  utimens(dirfd: number, p: Uint8Array | null, at: bigint | 'now' | undefined, mt: bigint | 'now' | undefined, follow: boolean): number {
    let st: fs.BigIntStats;
    let target: string | number;
    if (p === null || p.length === 0) {
      const o = this.slot(dirfd);
      if (!o) return -EBADF;
      if (o.kind !== 'host') return 0;
      target = o.fd;
    } else {
      const full = this.resolve(dirfd, p);
      if (typeof full === 'number') return full;
      target = full;
    }
    try {
      st = typeof target === 'number' ? fs.fstatSync(target, { bigint: true }) : fs.lstatSync(hostPath(target), { bigint: true });
      const nowNs = BigInt(Date.now()) * 1000000n;
      const conv = (v: bigint | 'now' | undefined, old: bigint): number => Number(v === undefined ? old : v === 'now' ? nowNs : v) / 1e9;
      const a = conv(at, st.atimeNs);
      const m = conv(mt, st.mtimeNs);
      if (typeof target === 'number') fs.futimesSync(target, a, m);
      else if (!follow && st.isSymbolicLink()) fs.lutimesSync(hostPath(target), a, m);
      else fs.utimesSync(hostPath(target), a, m);
      return 0;
    } catch (e) {
      return errOf(e);
    }
  }

  chmod(dirfd: number, p: Uint8Array | null, mode: number): number {
    try {
      if (p === null) {
        const o = this.slot(dirfd);
        if (!o) return -EBADF;
        if (o.kind === 'host') fs.fchmodSync(o.fd, mode & 0o7777);
        return 0;
      }
      const full = this.resolve(dirfd, p);
      if (typeof full === 'number') return full;
      fs.chmodSync(hostPath(full), mode & 0o7777);
      return 0;
    } catch (e) {
      return errOf(e);
    }
  }

  chown(dirfd: number, p: Uint8Array | null, uid: number, gid: number, follow: boolean): number {
    try {
      if (p === null) {
        const o = this.slot(dirfd);
        if (!o) return -EBADF;
        if (o.kind === 'host') fs.fchownSync(o.fd, uid, gid);
        return 0;
      }
      const full = this.resolve(dirfd, p);
      if (typeof full === 'number') return full;
      if (follow) fs.chownSync(hostPath(full), uid, gid);
      else fs.lchownSync(hostPath(full), uid, gid);
      return 0;
    } catch (e) {
      return errOf(e);
    }
  }

  umask(mask: number): number {
    const old = this.mask;
    this.mask = mask & 0o777;
    return old;
  }

  dup(fd: number, newfd: number, minfd: number, cloexec: boolean): number {
    const s = this.fds[fd];
    if (fd < 0 || !s) return -EBADF;
    if (newfd >= 0) {
      if (newfd >= 1024) return -EBADF;
      if (newfd === fd) return fd;
      if (this.fds[newfd]) this.close(newfd);
      s.obj.refs++;
      this.fds[newfd] = { obj: s.obj, cloexec };
      return newfd;
    }
    const r = this.alloc(s.obj, cloexec, Math.max(0, minfd));
    if (r >= 0) s.obj.refs++;
    return r;
  }

  getFdFlags(fd: number): number {
    const s = this.fds[fd];
    return fd < 0 || !s ? -EBADF : s.cloexec ? 1 : 0;
  }

  setFdFlags(fd: number, cloexec: boolean): number {
    const s = this.fds[fd];
    if (fd < 0 || !s) return -EBADF;
    s.cloexec = cloexec;
    return 0;
  }

  getFlFlags(fd: number): number {
    const o = this.slot(fd);
    return o ? o.flags : -EBADF;
  }

  setFlFlags(fd: number, flags: number): number {
    const o = this.slot(fd);
    if (!o) return -EBADF;
    const settable = OF.APPEND | OF.NONBLOCK;
    o.flags = (o.flags & ~settable) | (flags & settable);
    return 0;
  }

  pipe(flags: number): [number, number] | number {
    const p: Pipe = { chunks: [], readers: 1, writers: 1 };
    const cloexec = !!(flags & OF.CLOEXEC);
    const nb = flags & OF.NONBLOCK;
    const r = this.alloc({ kind: 'pipe', pipe: p, end: 'r', flags: OF.RDONLY | nb, refs: 1 }, cloexec);
    if (r < 0) return r;
    const w = this.alloc({ kind: 'pipe', pipe: p, end: 'w', flags: OF.WRONLY | nb, refs: 1 }, cloexec);
    if (w < 0) {
      this.fds[r] = undefined;
      return w;
    }
    return [r, w];
  }

  isatty(fd: number): boolean | number {
    const o = this.slot(fd);
    if (!o) return -EBADF;
    return (o.kind === 'std' || o.kind === 'host') && isatty(o.fd);
  }

  winsize(fd: number): { rows: number; cols: number } | number {
    const o = this.slot(fd);
    if (!o) return -EBADF;
    if (!((o.kind === 'std' || o.kind === 'host') && isatty(o.fd))) return -25; // ENOTTY
    const s = o.fd === 2 ? process.stderr : process.stdout;
    return { rows: s.rows ?? 24, cols: s.columns ?? 80 };
  }

  poll(reqs: PollRequest[]): number[] {
    return reqs.map(({ fd, events }) => {
      const o = this.slot(fd);
      if (!o) return 0x20; // POLLNVAL
      if (o.kind === 'pipe') {
        if (o.end === 'r') return o.pipe.chunks.length || o.pipe.writers === 0 ? events & 1 || (o.pipe.writers === 0 ? 0x10 : 0) : 0;
        return o.pipe.readers === 0 ? 8 : events & 4; // POLLERR
      }
      return events & 5;
    });
  }

  clock(id: number): bigint {
    switch (id) {
      case 0: // REALTIME
      case 5: // REALTIME_COARSE
      case 8: // REALTIME_ALARM
      case 11: // TAI
        return BigInt(Date.now()) * 1000000n + (process.hrtime.bigint() % 1000000n);
      case 2: // PROCESS_CPUTIME_ID
      case 3: {
        // THREAD_CPUTIME_ID
        const u = process.cpuUsage();
        return BigInt(u.user + u.system) * 1000n;
      }
      default: // MONOTONIC, RAW, COARSE, BOOTTIME
        return process.hrtime.bigint();
    }
  }

  sleep(ns: number): void {
    if (ns > 0) sleepMs(Math.min(ns / 1e6, 2 ** 31 - 1));
  }

  random(n: number): Uint8Array {
    return randomFillSync(new Uint8Array(n));
  }

  identity(): HostIdentity {
    let domain = '(none)';
    try {
      domain = fs.readFileSync('/proc/sys/kernel/domainname', 'latin1').trim() || domain;
    } catch {
      /* keep */
    }
    return {
      pid: process.pid,
      ppid: process.ppid,
      uid: process.getuid?.() ?? 0,
      gid: process.getgid?.() ?? 0,
      euid: process.geteuid?.() ?? 0,
      egid: process.getegid?.() ?? 0,
      sysname: 'Linux',
      nodename: os.hostname(),
      release: os.release(),
      version: os.version(),
      domainname: domain,
    };
  }

  cpuTimes(): { user: number; system: number } {
    return process.cpuUsage();
  }

  memInfo(): { total: number; free: number; uptime: number; procs: number; loads: [number, number, number] } {
    const l = os.loadavg();
    return { total: os.totalmem(), free: os.freemem(), uptime: Math.floor(os.uptime()), procs: 1, loads: [l[0]!, l[1]!, l[2]!] };
  }

  ncpus(): number {
    return os.availableParallelism?.() ?? os.cpus().length;
  }

  fatalSignal(sig: number, _nip: number, _trap: CpuTrap, detail?: string): void {
    this.diag(`${this.prefix}: uncaught target signal ${sig} (${SIGNAL_NAMES[sig] ?? 'Unknown signal'}) - core dumped${detail ? ` [${detail}]` : ''}`);
  }
}


function convStat(s: fs.BigIntStats): HostStat {
  return {
    dev: s.dev,
    ino: s.ino,
    mode: Number(s.mode),
    nlink: Number(s.nlink),
    uid: Number(s.uid),
    gid: Number(s.gid),
    rdev: s.rdev,
    size: s.size,
    blksize: Number(s.blksize),
    blocks: s.blocks,
    atimeNs: s.atimeNs,
    mtimeNs: s.mtimeNs,
    ctimeNs: s.ctimeNs,
    birthtimeNs: s.birthtimeNs,
  };
}

function pipeStat(mode: number): HostStat {
  const now = BigInt(Date.now()) * 1000000n;
  return { dev: 12n, ino: 1n, mode, nlink: 1, uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0, rdev: 0n, size: 0n, blksize: 4096, blocks: 0n, atimeNs: now, mtimeNs: now, ctimeNs: now, birthtimeNs: now };
}
