// Address-space system calls: brk, mmap, munmap, mprotect, mremap, madvise.
// Pages are 64 KiB (AT_PAGESZ says so), matching the sparse memory.

import { PAGE_SIZE } from '../memory/sparse-memory.js';
import type { Process } from './process.js';
import type { Args, SyscallDef } from './syscalls.js';
import { EINVAL, ENOMEM, EBADF, EEXIST, MAP_ANONYMOUS, MAP_FIXED, MAP_FIXED_NOREPLACE, MREMAP_MAYMOVE, MREMAP_FIXED } from './abi.js';

const LIMIT = 2 ** 47;
const roundUp = (n: number): number => Math.ceil(n / PAGE_SIZE) * PAGE_SIZE;

// PROT_NONE anonymous mappings (address-space reservations, guard regions) take
// no memory: their pages are only recorded in p.reserved until mprotect makes
// them accessible. Accessing them faults, as it should.

const used = (p: Process, a: number): boolean => p.mem.isMapped(a) || p.reserved.has(a / PAGE_SIZE);

function rangeFree(p: Process, addr: number, len: number): boolean {
  for (let a = addr; a < addr + len; a += PAGE_SIZE) if (used(p, a)) return false;
  return true;
}

function findFree(p: Process, len: number, hint: number): number {
  const n = len / PAGE_SIZE;
  let a = roundUp(hint);
  outer: while (a + len <= LIMIT) {
    for (let k = 0; k < n; k++) {
      if (used(p, a + k * PAGE_SIZE)) {
        a += (k + 1) * PAGE_SIZE;
        continue outer;
      }
    }
    return a;
  }
  return -1;
}

function release(p: Process, addr: number, len: number): void {
  p.mem.unmap(addr, len);
  if (p.reserved.size) for (let a = addr; a < addr + len; a += PAGE_SIZE) p.reserved.delete(a / PAGE_SIZE);
}

function brk(p: Process, a: Args): number {
  const want = a.u(0);
  if (want === 0 || want < p.brkStart) return p.brk;
  const newTop = roundUp(want);
  const oldTop = roundUp(p.brk);
  if (newTop > oldTop) {
    if (newTop >= LIMIT || !rangeFree(p, oldTop, newTop - oldTop)) return p.brk;
    p.mem.map(oldTop, newTop - oldTop, 3);
  } else if (newTop < oldTop) {
    p.mem.unmap(newTop, oldTop - newTop);
  }
  p.brk = want;
  return want;
}

function mmap(p: Process, a: Args): number {
  const addr = a.u(0);
  const len = a.u(1);
  const prot = a.i(2) & 7;
  const flags = a.i(3);
  const fd = a.i(4);
  const off = a.s(5);
  if (len === 0 || len >= LIMIT || off % PAGE_SIZE !== 0 || off < 0) return -EINVAL;
  const size = roundUp(len);
  let at: number;
  if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
    if (addr % PAGE_SIZE !== 0 || addr + size > LIMIT) return -EINVAL;
    if (flags & MAP_FIXED_NOREPLACE && !(flags & MAP_FIXED) && !rangeFree(p, addr, size)) return -EEXIST;
    at = addr;
    release(p, at, size); // fresh zero pages
  } else {
    const hint = addr && addr % PAGE_SIZE === 0 && addr + size <= LIMIT && rangeFree(p, addr, size) ? addr : -1;
    at = hint >= 0 ? hint : findFree(p, size, p.mmapBase);
    if (at < 0) return -ENOMEM;
  }
  if (prot === 0 && flags & MAP_ANONYMOUS) {
    for (let x = at; x < at + size; x += PAGE_SIZE) p.reserved.add(x / PAGE_SIZE);
    return at;
  }
  p.mem.map(at, size, prot | 1);
  if (!(flags & MAP_ANONYMOUS)) {
    // File mapping: a private copy of the file's bytes (MAP_SHARED writes are not written back).
    const pread = p.opts.host.pread;
    if (!pread) {
      p.mem.unmap(at, size);
      return -EBADF;
    }
    const data = pread.call(p.opts.host, fd, len, off);
    if (typeof data === 'number') {
      p.mem.unmap(at, size);
      return data;
    }
    p.mem.writeBytes(at, data, true);
  }
  p.mem.protect(at, size, prot);
  return at;
}

function munmap(p: Process, a: Args): number {
  const addr = a.u(0);
  const len = a.u(1);
  if (addr % PAGE_SIZE !== 0 || len === 0 || addr + len > LIMIT) return -EINVAL;
  release(p, addr, roundUp(len));
  return 0;
}

function mprotect(p: Process, a: Args): number {
  const addr = a.u(0);
  const len = roundUp(a.u(1));
  const prot = a.i(2) & 7;
  if (addr % PAGE_SIZE !== 0) return -EINVAL;
  if (len === 0) return 0;
  for (let x = addr; x < addr + len; x += PAGE_SIZE) if (!used(p, x)) return -ENOMEM;
  for (let x = addr; x < addr + len; x += PAGE_SIZE) {
    if (p.mem.isMapped(x)) p.mem.protect(x, PAGE_SIZE, prot);
    else if (prot !== 0) {
      p.reserved.delete(x / PAGE_SIZE);
      p.mem.map(x, PAGE_SIZE, prot);
    }
  }
  return 0;
}

function mremap(p: Process, a: Args): number {
  const old = a.u(0);
  const oldLen = roundUp(a.u(1));
  const newLen = roundUp(a.u(2));
  const flags = a.i(3);
  if (old % PAGE_SIZE !== 0 || newLen === 0) return -EINVAL;
  if (!rangeAllMapped(p, old, oldLen)) return -14; // EFAULT
  if (flags & MREMAP_FIXED) return -EINVAL;
  if (newLen <= oldLen) {
    if (newLen < oldLen) p.mem.unmap(old + newLen, oldLen - newLen);
    return old;
  }
  if (rangeFree(p, old + oldLen, newLen - oldLen) && old + newLen <= LIMIT) {
    p.mem.map(old + oldLen, newLen - oldLen, 3);
    return old;
  }
  if (!(flags & MREMAP_MAYMOVE)) return -ENOMEM;
  const at = findFree(p, newLen, p.mmapBase);
  if (at < 0) return -ENOMEM;
  p.mem.map(at, newLen, 3);
  for (let off = 0; off < oldLen; off += PAGE_SIZE) p.mem.writeBytes(at + off, p.mem.readBytes(old + off, PAGE_SIZE), true);
  release(p, old, oldLen);
  return at;
}

function rangeAllMapped(p: Process, addr: number, len: number): boolean {
  for (let a = addr; a < addr + len; a += PAGE_SIZE) if (!p.mem.isMapped(a)) return false;
  return true;
}

function madvise(p: Process, a: Args): number {
  const addr = a.u(0);
  const len = roundUp(a.u(1));
  const advice = a.i(2);
  if (addr % PAGE_SIZE !== 0) return -EINVAL;
  if (advice === 4 /* MADV_DONTNEED */) {
    // Anonymous private memory reads back as zeros afterwards.
    for (let x = addr; x < addr + len; x += PAGE_SIZE) if (p.mem.isMapped(x)) p.mem.writeBytes(x, new Uint8Array(PAGE_SIZE), true);
  }
  return 0;
}

export const MEM_SYSCALLS: Record<number, SyscallDef> = {
  45: { name: 'brk', fn: brk },
  90: { name: 'mmap', fn: mmap },
  91: { name: 'munmap', fn: munmap },
  125: { name: 'mprotect', fn: mprotect },
  163: { name: 'mremap', fn: mremap },
  205: { name: 'madvise', fn: madvise },
  // mlock, munlock, mlockall, munlockall, msync: accepted
  150: { name: 'mlock', fn: () => 0 },
  151: { name: 'munlock', fn: () => 0 },
  152: { name: 'mlockall', fn: () => 0 },
  153: { name: 'munlockall', fn: () => 0 },
  144: { name: 'msync', fn: () => 0 },
};
