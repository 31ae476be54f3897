// The system-call layer on its own: registers in, registers and guest memory
// out, without running guest code (a loaded tiny ELF supplies the process).
// Structure layouts are checked field by field in both byte orders.

import { mkdtempSync, rmSync, writeFileSync, readFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Process, FatalSignal, ExitProcess } from '../../src/linux-user/process.js';
import { doSyscall } from '../../src/linux-user/syscalls.js';
import { NodeHost } from '../../src/platform/node/node-host.js';
import { buildC, ROOT } from '../harness/toolchain.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tskvm-sys-'));
  writeFileSync(join(dir, 'hello.txt'), 'hello, world\n');
  mkdirSync(join(dir, 'd'));
  for (const n of ['x1', 'x2', 'x3']) writeFileSync(join(dir, 'd', n), n);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCRATCH = 0x2000_0000;

function mk(endian: 'le' | 'be'): { p: Process; host: NodeHost; sys: (nr: number, ...a: Array<number | bigint>) => { ret: number; err: boolean }; str: (s: string, at?: number) => number; le: boolean } {
  const elf = buildC(join(ROOT, 'tests/c/exit7.S'), endian, ['-nostdlib', `-I${join(ROOT, 'tests/c')}`]);
  const host = new NodeHost({ cwd: dir, capture: true, stdin: Buffer.from('input bytes') });
  const p = new Process(readFileSync(elf), { argv: ['t'], envp: [], host });
  p.mem.map(SCRATCH, 1 << 20, 3);
  const sys = (nr: number, ...a: Array<number | bigint>): { ret: number; err: boolean } => {
    p.cpu.setGprNum(0, nr);
    a.forEach((v, i) => (typeof v === 'bigint' ? p.cpu.setGpr(3 + i, v) : p.cpu.setGprNum(3 + i, v)));
    doSyscall(p);
    return { ret: p.cpu.gprNum(3), err: (p.cpu.cr & 0x10000000) !== 0 };
  };
  const str = (s: string, at = SCRATCH + 0x8000): number => {
    p.mem.writeBytes(at, new TextEncoder().encode(s + '\0'));
    return at;
  };
  return { p, host, sys, str, le: endian === 'le' };
}

const AT_FDCWD = 0xffffffffffffff9cn; // as the guest passes it in a 64-bit register
const view = (p: Process, addr: number, n: number): DataView => new DataView(p.mem.readBytes(addr, n).buffer);

for (const endian of ['le', 'be'] as const) {
  describe(`syscalls (${endian})`, () => {
    it('openat/read/lseek/pread/close and errors as positive errno with CR0[SO]', () => {
      const { sys, str } = mk(endian);
      const fd = sys(286, -100, str('hello.txt'), 0, 0);
      expect(fd).toEqual({ ret: 3, err: false });
      expect(sys(3, 3, SCRATCH, 5)).toEqual({ ret: 5, err: false });
      expect(sys(19, 3, 0, 1).ret).toBe(5); // SEEK_CUR
      expect(sys(179, 3, SCRATCH + 16, 5, 7)).toEqual({ ret: 5, err: false });
      expect(sys(6, 3).ret).toBe(0);
      expect(sys(6, 3)).toEqual({ ret: 9, err: true }); // EBADF
      expect(sys(5, str('missing'), 0, 0)).toEqual({ ret: 2, err: true }); // ENOENT
      expect(sys(999)).toEqual({ ret: 38, err: true }); // ENOSYS
      expect(sys(2)).toEqual({ ret: 38, err: true }); // fork
    });

    it('AT_FDCWD as a full 64-bit register value', () => {
      const { sys, str } = mk(endian);
      expect(sys(286, AT_FDCWD, str('hello.txt'), 0, 0).err).toBe(false);
    });

    it('stdin, stdout capture, writev', () => {
      const { p, host, sys, le } = mk(endian);
      expect(sys(3, 0, SCRATCH, 100).ret).toBe(11);
      expect(new TextDecoder().decode(p.mem.readBytes(SCRATCH, 11))).toBe('input bytes');
      const iov = new DataView(new ArrayBuffer(32));
      p.mem.writeBytes(SCRATCH + 100, new TextEncoder().encode('abcXYZ'));
      iov.setBigUint64(0, BigInt(SCRATCH + 100), le);
      iov.setBigUint64(8, 3n, le);
      iov.setBigUint64(16, BigInt(SCRATCH + 103), le);
      iov.setBigUint64(24, 3n, le);
      p.mem.writeBytes(SCRATCH + 200, new Uint8Array(iov.buffer));
      expect(sys(146, 1, SCRATCH + 200, 2).ret).toBe(6);
      expect(host.stdout.toString()).toBe('abcXYZ');
    });

    it('struct stat (powerpc64 layout) via fstat and newfstatat', () => {
      const { p, sys, str, le } = mk(endian);
      const st = statSync(join(dir, 'hello.txt'), { bigint: true });
      expect(sys(291, -100, str('hello.txt'), SCRATCH, 0).ret).toBe(0);
      const v = view(p, SCRATCH, 144);
      expect(v.getBigUint64(0, le)).toBe(st.dev);
      expect(v.getBigUint64(8, le)).toBe(st.ino);
      expect(v.getBigUint64(16, le)).toBe(st.nlink);
      expect(v.getUint32(24, le)).toBe(Number(st.mode));
      expect(v.getUint32(28, le)).toBe(Number(st.uid));
      expect(v.getBigInt64(48, le)).toBe(13n);
      expect(v.getBigUint64(88, le)).toBe(st.mtimeNs / 1000000000n);
      expect(v.getBigUint64(96, le)).toBe(st.mtimeNs % 1000000000n);
      // fstat through glibc's route: newfstatat(fd, "", AT_EMPTY_PATH)
      sys(286, -100, str('hello.txt'), 0, 0);
      expect(sys(291, 3, str(''), SCRATCH + 512, 0x1000).ret).toBe(0);
      expect(view(p, SCRATCH + 512, 144).getBigInt64(48, le)).toBe(13n);
      expect(sys(291, 3, str(''), SCRATCH + 512, 0)).toEqual({ ret: 2, err: true });
    });

    it('statx', () => {
      const { p, sys, str, le } = mk(endian);
      expect(sys(383, -100, str('hello.txt'), 0, 0x7ff, SCRATCH).ret).toBe(0);
      const v = view(p, SCRATCH, 256);
      expect(v.getUint32(0, le) & 0x7ff).toBe(0x7ff);
      expect(v.getBigUint64(40, le)).toBe(13n);
      expect(v.getUint16(28, le) & 0o170000).toBe(0o100000);
    });

    it('getdents64 lists . .. and the files', () => {
      const { p, sys, str, le } = mk(endian);
      const fd = sys(286, -100, str('d'), 0o40000, 0).ret; // O_DIRECTORY (powerpc value)
      const names: string[] = [];
      for (;;) {
        const n = sys(202, fd, SCRATCH, 64).ret; // small buffer: several calls
        if (n === 0) break;
        const b = p.mem.readBytes(SCRATCH, n);
        const v = new DataView(b.buffer);
        for (let off = 0; off < n; ) {
          const reclen = v.getUint16(off + 16, le);
          const type = v.getUint8(off + 18);
          let end = off + 19;
          while (b[end]) end++;
          names.push(new TextDecoder().decode(b.subarray(off + 19, end)) + ':' + type);
          off += reclen;
        }
      }
      expect(names.sort()).toEqual(['.:4', '..:4', 'x1:8', 'x2:8', 'x3:8'].sort());
    });

    it('uname machine is the guest byte order', () => {
      const { p, sys } = mk(endian);
      expect(sys(122, SCRATCH).ret).toBe(0);
      const machine = new TextDecoder().decode(p.mem.readBytes(SCRATCH + 4 * 65, 65)).replace(/\0.*$/s, '');
      expect(machine).toBe(endian === 'le' ? 'ppc64le' : 'ppc64');
      expect(new TextDecoder().decode(p.mem.readBytes(SCRATCH, 5))).toBe('Linux');
    });

    it('brk, mmap, mprotect, munmap, mremap', () => {
      const { p, sys } = mk(endian);
      const b0 = sys(45, 0).ret;
      expect(b0).toBe(p.brkStart);
      expect(sys(45, b0 + 100000).ret).toBe(b0 + 100000);
      p.mem.writeBytes(b0 + 99999, new Uint8Array([1]));
      const m = sys(90, 0, 200000, 3, 0x22, -1, 0);
      expect(m.err).toBe(false);
      expect(m.ret % 65536).toBe(0);
      p.mem.writeBytes(m.ret + 199999, new Uint8Array([7]));
      expect(sys(125, m.ret, 65536, 1).ret).toBe(0);
      expect(() => p.mem.writeBytes(m.ret, new Uint8Array([1]))).toThrow();
      const r = sys(163, m.ret + 65536, 65536 * 3, 65536 * 40, 1);
      expect(r.err).toBe(false);
      expect(p.mem.readBytes(r.ret + 199999 - 65536, 1)[0]).toBe(7);
      expect(sys(91, r.ret, 65536 * 40).ret).toBe(0);
      expect(p.mem.isMapped(r.ret)).toBe(false);
      // file mapping
      sys(286, -100, (() => (p.mem.writeBytes(SCRATCH, new TextEncoder().encode('hello.txt\0')), SCRATCH))(), 0, 0);
      const fm = sys(90, 0, 13, 1, 2, 3, 0);
      expect(new TextDecoder().decode(p.mem.readBytes(fm.ret, 13))).toBe('hello, world\n');
    });

    it('PROT_NONE reservations take no memory until mprotect', () => {
      const { p, sys } = mk(endian);
      const r = sys(90, 0, 2 ** 34, 0, 0x22, -1, 0); // 16 GiB PROT_NONE
      expect(r.err).toBe(false);
      expect(p.mem.isMapped(r.ret)).toBe(false);
      const other = sys(90, 0, 65536, 3, 0x22, -1, 0);
      expect(other.ret >= r.ret + 2 ** 34 || other.ret + 65536 <= r.ret).toBe(true);
      expect(sys(125, r.ret + 65536, 65536 * 2, 3).ret).toBe(0);
      p.mem.writeBytes(r.ret + 65536 * 3 - 1, new Uint8Array([9]));
      expect(() => p.mem.writeBytes(r.ret + 65536 * 3, new Uint8Array([9]))).toThrow();
      expect(sys(125, r.ret - 65536 * 1000, 65536, 3)).toEqual({ ret: 12, err: true });
      expect(sys(91, r.ret, 2 ** 34).ret).toBe(0);
      expect(p.reserved.size).toBe(0);
      expect(p.mem.isMapped(r.ret + 65536)).toBe(false);
    });

    it('clock_gettime, gettimeofday, time', () => {
      const { p, sys, le } = mk(endian);
      expect(sys(246, 0, SCRATCH).ret).toBe(0);
      const sec = Number(view(p, SCRATCH, 16).getBigInt64(0, le));
      expect(Math.abs(sec - Date.now() / 1000)).toBeLessThan(5);
      expect(Math.abs(sys(13, 0).ret - Date.now() / 1000)).toBeLessThan(5);
      expect(sys(246, 99, SCRATCH)).toEqual({ ret: 22, err: true });
    });

    it('rt_sigaction round trip, sigprocmask, kill self', () => {
      const { p, sys, le } = mk(endian);
      const act = new DataView(new ArrayBuffer(32));
      act.setBigUint64(0, 0x1234n, le);
      act.setBigUint64(8, 0x4000000n, le);
      p.mem.writeBytes(SCRATCH, new Uint8Array(act.buffer));
      expect(sys(173, 10, SCRATCH, 0, 8).ret).toBe(0);
      expect(sys(173, 10, 0, SCRATCH + 64, 8).ret).toBe(0);
      expect(view(p, SCRATCH + 64, 8).getBigUint64(0, le)).toBe(0x1234n);
      expect(sys(173, 10, 0, 0, 4)).toEqual({ ret: 22, err: true });
      // SIG_IGN'd signal is ignored; SIGCHLD ignored by default; SIGABRT kills.
      act.setBigUint64(0, 1n, le);
      p.mem.writeBytes(SCRATCH, new Uint8Array(act.buffer));
      sys(173, 15, SCRATCH, 0, 8);
      const pid = sys(20).ret;
      expect(sys(37, pid, 15).ret).toBe(0);
      expect(sys(250, pid, pid, 17).ret).toBe(0);
      expect(() => sys(250, pid, pid, 6)).toThrow(FatalSignal);
      expect(sys(37, pid + 1, 6)).toEqual({ ret: 3, err: true });
      expect(() => sys(234, 300)).toThrow(ExitProcess);
    });

    it('ioctl on a non-tty is ENOTTY; fcntl and dup', () => {
      const { sys } = mk(endian);
      expect(sys(54, 1, 0x402c7413, SCRATCH)).toEqual({ ret: 25, err: true });
      expect(sys(54, 1, 0x40087468, SCRATCH)).toEqual({ ret: 25, err: true });
      expect(sys(55, 1, 1030, 10).ret).toBe(10); // F_DUPFD_CLOEXEC
      expect(sys(55, 10, 1).ret).toBe(1); // FD_CLOEXEC
      expect(sys(63, 10, 7).ret).toBe(7);
      expect(sys(55, 7, 1).ret).toBe(0);
      expect(sys(316, 7, 7, 0)).toEqual({ ret: 22, err: true });
    });

    it('files: mkdir, rename, unlink, getcwd, chdir, readlink, access', () => {
      const { p, sys, str } = mk(endian);
      expect(sys(39, str('newdir'), 0o755).ret).toBe(0);
      expect(sys(39, str('newdir'), 0o755)).toEqual({ ret: 17, err: true });
      expect(sys(12, str('newdir')).ret).toBe(0);
      const n = sys(182, SCRATCH, 4096).ret;
      expect(new TextDecoder().decode(p.mem.readBytes(SCRATCH, n - 1))).toBe(join(dir, 'newdir'));
      expect(sys(182, SCRATCH, 3)).toEqual({ ret: 34, err: true });
      expect(sys(12, str('..')).ret).toBe(0);
      expect(sys(83, str('hello.txt'), str('lnk', SCRATCH + 0x9000)).ret).toBe(0);
      expect(sys(85, str('lnk'), SCRATCH, 100).ret).toBe(9);
      expect(sys(33, str('lnk'), 4).ret).toBe(0);
      expect(sys(38, str('lnk'), str('lnk2', SCRATCH + 0x9000)).ret).toBe(0);
      expect(sys(10, str('lnk2')).ret).toBe(0);
      expect(sys(40, str('newdir')).ret).toBe(0);
      expect(sys(40, str('newdir'))).toEqual({ ret: 2, err: true });
    });

    it('bad pointers give EFAULT, not a crash', () => {
      const { sys } = mk(endian);
      expect(sys(4, 1, 0x1234_0000, 10)).toEqual({ ret: 14, err: true });
      expect(sys(286, -100, 0, 0, 0)).toEqual({ ret: 14, err: true });
    });
  });
}
