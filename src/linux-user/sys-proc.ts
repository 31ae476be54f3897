// Process, identity, time, signal and scheduling system calls for a single-
// threaded guest.

import { ExitProcess, FatalSignal, IGNORED_SIGNALS, type Process } from './process.js';
import type { Args, SyscallDef } from './syscalls.js';
import { EINVAL, EPERM, EAGAIN, ESRCH, EINTR, ENOSYS, EFAULT, StructWriter, readU64, readI64, readI32, encodeTimespec, encodeTimeval } from './abi.js';
import type { HostIdentity } from './host.js';
import { handlerOf, blocked, sigreturn } from './signals.js';

const NS = 1000000000n;

function ident(p: Process): HostIdentity {
  return (
    p.opts.host.identity?.() ?? {
      pid: 1000,
      ppid: 999,
      uid: 0,
      gid: 0,
      euid: 0,
      egid: 0,
      sysname: 'Linux',
      nodename: 'tskvm',
      release: '6.1.0',
      version: '#1 SMP',
      domainname: '(none)',
    }
  );
}

function clockNs(p: Process, id: number): bigint {
  return p.opts.host.clock?.(id) ?? BigInt(Date.now()) * 1000000n;
}

function exit(_p: Process, a: Args): number {
  throw new ExitProcess(a.i(0) & 0xff);
}

function uname(p: Process, a: Args): number {
  const id = ident(p);
  const w = new StructWriter(390, p.cpu.le);
  const fields = [id.sysname, id.nodename, id.release, id.version, p.cpu.le ? 'ppc64le' : 'ppc64', id.domainname];
  fields.forEach((f, i) => w.str(i * 65, f, 65));
  p.mem.writeBytes(a.u(0), w.bytes);
  return 0;
}

function sysinfo(p: Process, a: Args): number {
  const m = p.opts.host.memInfo?.() ?? { total: 4 << 30, free: 2 << 30, uptime: 1000, procs: 1, loads: [0, 0, 0] as [number, number, number] };
  const w = new StructWriter(112, p.cpu.le);
  w.u64(0, m.uptime);
  m.loads.forEach((l, i) => w.u64(8 + i * 8, Math.round(l * 65536)));
  w.u64(32, m.total).u64(40, m.free).u64(48, 0).u64(56, 0).u64(64, 0).u64(72, 0).u16(80, m.procs).u64(88, 0).u64(96, 0).u32(104, 1);
  p.mem.writeBytes(a.u(0), w.bytes);
  return 0;
}

function cpuTimes(p: Process): { user: number; system: number } {
  return p.opts.host.cpuTimes?.() ?? { user: 0, system: 0 };
}

function times(p: Process, a: Args): number {
  const t = cpuTimes(p);
  if (a.u(0)) {
    const w = new StructWriter(32, p.cpu.le);
    w.u64(0, Math.floor(t.user / 10000)).u64(8, Math.floor(t.system / 10000));
    p.mem.writeBytes(a.u(0), w.bytes);
  }
  return Number(clockNs(p, 1) / 10000000n) & 0x7fffffff;
}

function getrusage(p: Process, a: Args): number {
  const who = a.i(0);
  if (who !== 0 && who !== -1 && who !== 1) return -EINVAL;
  const t = who === -1 ? { user: 0, system: 0 } : cpuTimes(p);
  const w = new StructWriter(144, p.cpu.le);
  w.u64(0, Math.floor(t.user / 1e6)).u64(8, t.user % 1e6).u64(16, Math.floor(t.system / 1e6)).u64(24, t.system % 1e6);
  p.mem.writeBytes(a.u(1), w.bytes);
  return 0;
}

function clock_gettime(p: Process, a: Args): number {
  const id = a.i(0);
  if (id < 0 || id > 11) return -EINVAL;
  p.mem.writeBytes(a.u(1), encodeTimespec(clockNs(p, id), p.cpu.le));
  return 0;
}

function clock_getres(p: Process, a: Args): number {
  const id = a.i(0);
  if (id < 0 || id > 11) return -EINVAL;
  if (a.u(1)) p.mem.writeBytes(a.u(1), encodeTimespec(id === 5 || id === 6 ? 4000000n : 1n, p.cpu.le));
  return 0;
}

function gettimeofday(p: Process, a: Args): number {
  if (a.u(0)) p.mem.writeBytes(a.u(0), encodeTimeval(clockNs(p, 0), p.cpu.le));
  if (a.u(1)) p.mem.writeBytes(a.u(1), new Uint8Array(8));
  return 0;
}

function time(p: Process, a: Args): number {
  const t = Number(clockNs(p, 0) / NS);
  if (a.u(0)) p.mem.writeBytes(a.u(0), new StructWriter(8, p.cpu.le).u64(0, t).bytes);
  return t;
}

function sleepFrom(p: Process, addr: number, absolute: boolean, clock: number): number {
  const b = p.mem.readBytes(addr, 16);
  const sec = readI64(b, 0, p.cpu.le);
  const nsec = readI64(b, 8, p.cpu.le);
  if (sec < 0n || nsec < 0n || nsec >= NS) return -EINVAL;
  let ns = sec * NS + nsec;
  if (absolute) ns -= clockNs(p, clock);
  if (ns > 0n) p.opts.host.sleep?.(Number(ns));
  return 0;
}

// ---- signals ---------------------------------------------------------------

function rt_sigaction(p: Process, a: Args): number {
  const sig = a.i(0);
  if (sig < 1 || sig > 64 || a.u(3) !== 8) return -EINVAL;
  const old = p.sigactions.get(sig) ?? new Uint8Array(32);
  if (a.u(1)) {
    if (sig === 9 || sig === 19) return -EINVAL; // SIGKILL, SIGSTOP
    p.sigactions.set(sig, p.mem.readBytes(a.u(1), 32));
  }
  if (a.u(2)) p.mem.writeBytes(a.u(2), old);
  return 0;
}

function rt_sigprocmask(p: Process, a: Args): number {
  const how = a.i(0);
  if (a.u(3) !== 8) return -EINVAL;
  const old = p.sigmask;
  if (a.u(1)) {
    const set = readU64(p.mem.readBytes(a.u(1), 8), 0, p.cpu.le) & ~((1n << 8n) | (1n << 18n)); // never block KILL/STOP
    if (how === 0) p.sigmask |= set;
    else if (how === 1) p.sigmask &= ~set;
    else if (how === 2) p.sigmask = set;
    else return -EINVAL;
  }
  if (a.u(2)) p.mem.writeBytes(a.u(2), new StructWriter(8, p.cpu.le).u64(0, old).bytes);
  if (p.pending.size) checkPending(p);
  return 0;
}

function sigaltstack(p: Process, a: Args): number {
  const le = p.cpu.le;
  const old = p.altstack;
  const sp = p.cpu.gprNum(1);
  const onIt = old !== undefined && sp > old.sp && sp <= old.sp + old.size;
  if (a.u(0)) {
    if (onIt) return -EPERM;
    const b = p.mem.readBytes(a.u(0), 24);
    const flags = readI32(b, 8, le);
    if (flags & 2 /* SS_DISABLE */) p.altstack = undefined;
    else {
      const size = Number(readU64(b, 16, le));
      if (size < 2048) return -12; // ENOMEM (below MINSIGSTKSZ)
      p.altstack = { sp: Number(readU64(b, 0, le)), size };
    }
  }
  if (a.u(1)) p.mem.writeBytes(a.u(1), new StructWriter(24, le).u64(0, old?.sp ?? 0).i32(8, old ? (onIt ? 1 : 0) : 2).u64(16, old?.size ?? 0).bytes);
  return 0;
}

/**
 * The guest signals itself: ignored, left pending while blocked, delivered to
 * its handler once the system call returns, or fatal (the default action).
 */
export function raise(p: Process, sig: number, code = 0): number {
  if (sig === 0) return 0;
  if (sig < 0 || sig > 64) return -EINVAL;
  const handler = handlerOf(p, sig);
  if (handler === 1n) return 0; // SIG_IGN
  if (handler === 0n && IGNORED_SIGNALS.has(sig)) return 0;
  if (blocked(p, sig) && sig !== 9 && sig !== 19) {
    if (!p.pending.has(sig)) p.pending.set(sig, code);
    return 0;
  }
  if (handler > 1n) {
    p.deliverAfterSyscall ??= { sig, code };
    return 0;
  }
  throw new FatalSignal(sig);
}

/** After the mask changed: the lowest pending signal that is no longer blocked is raised now. */
function checkPending(p: Process): void {
  for (const [sig, code] of [...p.pending].sort((x, y) => x[0] - y[0])) {
    if (blocked(p, sig)) continue;
    p.pending.delete(sig);
    raise(p, sig, code);
    return;
  }
}

function kill(p: Process, a: Args): number {
  const pid = a.i(0);
  const me = ident(p).pid;
  if (pid !== me && pid !== 0 && pid !== -1 && pid !== -me) return -ESRCH;
  return raise(p, a.i(1), 0 /* SI_USER */);
}

function tgkill(p: Process, a: Args): number {
  const me = ident(p).pid;
  if (a.i(0) !== me || a.i(1) !== me) return -ESRCH;
  return raise(p, a.i(2), -6 /* SI_TKILL */);
}

function tkill(p: Process, a: Args): number {
  if (a.i(0) !== ident(p).pid) return -ESRCH;
  return raise(p, a.i(1), -6 /* SI_TKILL */);
}

// ---- limits, scheduling ------------------------------------------------------

const INF = 0xffffffffffffffffn;
const RLIMITS: Record<number, [bigint, bigint]> = {
  3: [8n << 20n, INF], // STACK
  4: [0n, INF], // CORE
  7: [1024n, 1048576n], // NOFILE
  8: [8n << 20n, 8n << 20n], // MEMLOCK
};
const rlimits = new WeakMap<Process, Map<number, [bigint, bigint]>>();

function limitsOf(p: Process): Map<number, [bigint, bigint]> {
  let m = rlimits.get(p);
  if (!m) rlimits.set(p, (m = new Map()));
  return m;
}

function prlimit64(p: Process, a: Args): number {
  const pid = a.i(0);
  const res = a.i(1);
  if (pid !== 0 && pid !== ident(p).pid) return -ESRCH;
  if (res < 0 || res > 15) return -EINVAL;
  const m = limitsOf(p);
  const cur = m.get(res) ?? RLIMITS[res] ?? [INF, INF];
  if (a.u(3)) p.mem.writeBytes(a.u(3), new StructWriter(16, p.cpu.le).u64(0, cur[0]).u64(8, cur[1]).bytes);
  if (a.u(2)) {
    const b = p.mem.readBytes(a.u(2), 16);
    const nv: [bigint, bigint] = [readU64(b, 0, p.cpu.le), readU64(b, 8, p.cpu.le)];
    if (nv[0] > nv[1]) return -EINVAL;
    if (nv[1] > cur[1]) return -EPERM;
    m.set(res, nv);
  }
  return 0;
}

function getrlimit(p: Process, a: Args): number {
  const res = a.i(0);
  if (res < 0 || res > 15) return -EINVAL;
  const cur = limitsOf(p).get(res) ?? RLIMITS[res] ?? [INF, INF];
  p.mem.writeBytes(a.u(1), new StructWriter(16, p.cpu.le).u64(0, cur[0]).u64(8, cur[1]).bytes);
  return 0;
}

function sched_getaffinity(p: Process, a: Args): number {
  const len = a.u(1);
  const n = Math.max(1, p.opts.host.ncpus?.() ?? 1);
  const size = Math.max(8, Math.ceil(n / 64) * 8);
  if (len < size || len % 8) return -EINVAL;
  const w = new StructWriter(size, p.cpu.le);
  for (let c = 0; c < n; c++) {
    const off = Math.floor(c / 64) * 8;
    w.u64(off, readU64(w.bytes, off, p.cpu.le) | (1n << BigInt(c % 64)));
  }
  p.mem.writeBytes(a.u(2), w.bytes);
  return size;
}

function futex(p: Process, a: Args): number {
  const op = a.i(1) & 0x7f;
  switch (op) {
    case 0: // WAIT
    case 9: {
      // WAIT_BITSET: with one thread nobody can wake us
      const cur = p.mem.read32(Math.floor(a.u(0) / 2 ** 32) | 0, a.u(0) % 2 ** 32 | 0, p.cpu.le);
      if (cur !== a.i(2)) return -EAGAIN;
      return a.u(3) ? -110 /* ETIMEDOUT */ : -EINTR;
    }
    case 1: // WAKE
    case 10: // WAKE_BITSET
      return 0;
    default:
      return -ENOSYS;
  }
}

function getrandom(p: Process, a: Args): number {
  const n = Math.min(a.u(1), 1 << 20);
  const bytes = p.opts.host.random?.(n) ?? globalThis.crypto.getRandomValues(new Uint8Array(n));
  p.mem.writeBytes(a.u(0), bytes);
  return n;
}

function prctl(p: Process, a: Args): number {
  switch (a.i(0)) {
    case 15: // PR_SET_NAME
      return 0;
    case 16: {
      // PR_GET_NAME
      const name = new TextEncoder().encode((p.opts.argv[0] ?? '').split('/').pop()!.slice(0, 15));
      const b = new Uint8Array(16);
      b.set(name);
      p.mem.writeBytes(a.u(1), b);
      return 0;
    }
    case 1: // PR_SET_PDEATHSIG
    case 4: // PR_SET_DUMPABLE
    case 38: // PR_SET_NO_NEW_PRIVS
      return 0;
    case 3: // PR_GET_DUMPABLE
      return 1;
    default:
      return -EINVAL;
  }
}

const procs: Record<number, [string, (p: Process, a: Args) => number]> = {
  1: ['exit', exit],
  234: ['exit_group', exit],
  13: ['time', time],
  20: ['getpid', (p) => ident(p).pid],
  207: ['gettid', (p) => ident(p).pid],
  64: ['getppid', (p) => ident(p).ppid],
  24: ['getuid', (p) => ident(p).uid],
  49: ['geteuid', (p) => ident(p).euid],
  47: ['getgid', (p) => ident(p).gid],
  50: ['getegid', (p) => ident(p).egid],
  165: [
    'getresuid',
    (p, a) => {
      const id = ident(p);
      [id.uid, id.euid, id.euid].forEach((v, i) => p.mem.writeBytes(a.u(i), new StructWriter(4, p.cpu.le).u32(0, v).bytes));
      return 0;
    },
  ],
  170: [
    'getresgid',
    (p, a) => {
      const id = ident(p);
      [id.gid, id.egid, id.egid].forEach((v, i) => p.mem.writeBytes(a.u(i), new StructWriter(4, p.cpu.le).u32(0, v).bytes));
      return 0;
    },
  ],
  80: ['getgroups', () => 0],
  23: ['setuid', (p, a) => (a.i(0) === ident(p).uid ? 0 : -EPERM)],
  46: ['setgid', (p, a) => (a.i(0) === ident(p).gid ? 0 : -EPERM)],
  65: ['getpgrp', (p) => ident(p).pid],
  132: ['getpgid', (p) => ident(p).pid],
  147: ['getsid', (p) => ident(p).pid],
  57: ['setpgid', () => 0],
  66: ['setsid', () => -EPERM],
  122: ['uname', uname],
  116: ['sysinfo', sysinfo],
  43: ['times', times],
  77: ['getrusage', getrusage],
  78: ['gettimeofday', gettimeofday],
  246: ['clock_gettime', clock_gettime],
  247: ['clock_getres', clock_getres],
  162: ['nanosleep', (p, a) => sleepFrom(p, a.u(0), false, 1)],
  248: ['clock_nanosleep', (p, a) => sleepFrom(p, a.u(2), (a.i(1) & 1) === 1, a.i(0))],
  173: ['rt_sigaction', rt_sigaction],
  174: ['rt_sigprocmask', rt_sigprocmask],
  185: ['sigaltstack', sigaltstack],
  172: [
    'rt_sigreturn',
    (p) => {
      sigreturn(p);
      p.skipSyscallResult = true;
      if (p.pending.size) checkPending(p);
      return 0;
    },
  ],
  175: ['rt_sigpending', (p, a) => (p.mem.writeBytes(a.u(0), new StructWriter(8, p.cpu.le).u64(0, [...p.pending.keys()].reduce((m, s) => m | (1n << BigInt(s - 1)), 0n)).bytes), 0)],
  29: ['pause', () => -EINTR],
  27: ['alarm', () => 0],
  104: ['setitimer', (p, a) => (a.u(2) ? (p.mem.writeBytes(a.u(2), new Uint8Array(32)), 0) : 0)],
  37: ['kill', kill],
  250: ['tgkill', tgkill],
  208: ['tkill', tkill],
  232: [
    'set_tid_address',
    (p, a) => {
      p.tidAddress = a.u(0);
      return ident(p).pid;
    },
  ],
  300: ['set_robust_list', (_p, a) => (a.u(1) === 24 ? 0 : -EINVAL)],
  387: ['rseq', () => -ENOSYS],
  325: ['prlimit64', prlimit64],
  76: ['getrlimit', getrlimit],
  190: ['ugetrlimit', getrlimit],
  75: ['setrlimit', (p, a) => prlimit64(p, { i: (k: number) => (k === 0 ? 0 : a.i(0)), u: (k: number) => (k === 2 ? a.u(1) : 0) } as unknown as Args)],
  223: ['sched_getaffinity', sched_getaffinity],
  222: ['sched_setaffinity', () => 0],
  158: ['sched_yield', () => 0],
  157: ['sched_getscheduler', () => 0],
  155: ['sched_getparam', (p, a) => (p.mem.writeBytes(a.u(1), new Uint8Array(4)), 0)],
  96: ['getpriority', () => 20],
  97: ['setpriority', () => 0],
  221: ['futex', futex],
  359: ['getrandom', getrandom],
  171: ['prctl', prctl],
  136: ['personality', (_p, a) => (a.w(0) === 0xffffffff || a.w(0) === 0 ? 0 : -EINVAL)],
  302: [
    'getcpu',
    (p, a) => {
      if (a.u(0)) p.mem.writeBytes(a.u(0), new Uint8Array(4));
      if (a.u(1)) p.mem.writeBytes(a.u(1), new Uint8Array(4));
      return 0;
    },
  ],
  365: ['membarrier', () => -ENOSYS],
  183: ['capget', () => -ENOSYS],
};

void EFAULT;

export const PROC_SYSCALLS: Record<number, SyscallDef> = Object.fromEntries(Object.entries(procs).map(([nr, [name, fn]]) => [nr, { name, fn }]));
