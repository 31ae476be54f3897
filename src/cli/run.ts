// `tskvm run`: a machine from a QEMU-style command line. The pseries machine
// boots a kernel with -kernel/-initrd/-append (entered directly with a device
// tree: vmm/direct-boot.ts) or a raw image with -bios (loaded at 0, entered
// at 0x100, as QEMU's pseries does).
//
// Options are QEMU's spelling (single dash, `-m 256M`, `-smp 2`,
// `-machine pseries,cap-x=y`, `-icount shift=N`), so a QEMU command line for
// such a guest runs unchanged.

import type { JitKind } from '../cpu/ppc64/exec.js';
import { BareMetalMachine, type MachineEnd } from '../vmm/bare-metal.js';
import { radixDebugfs } from '../kvm/ppc/nested/debugfs.js';
import { KernelError } from '../vmm/kernel-loader.js';

/** Where console input comes from (the front end's stdin): bytes for the guest's hvterm. */
export interface ConsoleInput {
  /** `monitor` gets the escape keys the front end does not handle itself ('n': the nested shadow tables). */
  attach(deliver: (bytes: Uint8Array) => void, monitor?: (key: string) => void): void;
  detach(): void;
}

export class RunUsageError extends Error {}

export interface RunConfig {
  bios?: string;
  kernel?: string;
  initrd?: string;
  append?: string;
  /** -rtc base=: the guest clock's start (ms since the epoch, UTC). */
  rtcBase?: number;
  ramSize: number;
  smp: number;
  icountShift?: number;
  noReboot: boolean;
  blockThreshold?: number;
  jit?: JitKind;
  mmu: 'radix' | 'hash';
  /** cap-nested-hv=on: the guest may run guests of its own (KVM_CAP_PPC_NESTED_HV). */
  nestedHv?: boolean;
}

/** QEMU's pseries capabilities and the values tskvm runs with (anything else is refused by name). */
const CAPS: Record<string, (v: string) => boolean> = {
  'cap-cfpc': (v) => ['broken', 'workaround', 'fixed'].includes(v),
  'cap-sbbc': (v) => ['broken', 'workaround', 'fixed'].includes(v),
  'cap-ibs': (v) => ['broken', 'workaround', 'fixed-ibs', 'fixed-ccd', 'fixed-na'].includes(v),
  'cap-ccf-assist': (v) => ['on', 'off'].includes(v),
  'cap-hpt-max-page-size': (v) => ['64k', '64K', '65536', '16'].includes(v),
  'cap-htm': (v) => v === 'off',
  'cap-vsx': (v) => v === 'on',
  'cap-dfp': (v) => ['on', 'off'].includes(v),
  'cap-large-decr': (v) => ['on', 'off'].includes(v),
  'cap-nested-hv': (v) => ['on', 'off'].includes(v),
  'cap-fwnmi': (v) => ['on', 'off'].includes(v),
  'cap-rpt-invalidate': (v) => v === 'off',
};

/** "256M", "1G", "512" (MiB, as QEMU reads a bare number) → bytes. */
export function parseSize(s: string): number {
  const m = /^(\d+)([kKmMgGtT]?)[bB]?$/.exec(s);
  if (!m) throw new RunUsageError(`invalid size '${s}' (e.g. 256M, 1G)`);
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toUpperCase();
  const mul = unit === 'K' ? 2 ** 10 : unit === 'G' ? 2 ** 30 : unit === 'T' ? 2 ** 40 : 2 ** 20;
  const bytes = n * mul;
  if (!Number.isSafeInteger(bytes) || bytes < 2 ** 20) throw new RunUsageError(`memory size '${s}' too small (at least 1M)`);
  if (bytes > 2 ** 31) throw new RunUsageError(`memory size '${s}': at most 2G for now`);
  if (bytes % 4096) throw new RunUsageError(`memory size '${s}' is not a multiple of 4 KiB`);
  return bytes;
}

/** Parse `tskvm run` arguments (QEMU spelling). */
export function parseRunArgs(argv: readonly string[]): RunConfig {
  const cfg: Partial<RunConfig> & { noReboot: boolean; smp: number; ramSize: number; mmu: 'radix' | 'hash' } = { noReboot: false, smp: 1, ramSize: 512 << 20, mmu: 'hash' };
  const needs = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined) throw new RunUsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const flag = a.replace(/^--/, '-');
    switch (flag) {
      case '-M':
      case '-machine': {
        const [type, ...opts] = needs(i++, a).split(',');
        if (type !== 'pseries' && !type!.startsWith('pseries-')) throw new RunUsageError(`machine '${type}' is not supported (only pseries)`);
        for (const o of opts) {
          const [k, v = 'on'] = o.split('=');
          if (k === 'accel') continue;
          const ok = CAPS[k!];
          if (!ok) throw new RunUsageError(`machine option '${k}' is not supported`);
          if (!ok(v)) throw new RunUsageError(`${k}=${v} is not supported by tskvm`);
          if (k === 'cap-nested-hv') cfg.nestedHv = v === 'on';
        }
        break;
      }
      case '-cpu': {
        const c = needs(i++, a);
        if (c.toLowerCase() !== 'power9' && c !== 'host') throw new RunUsageError(`cpu '${c}' is not supported (POWER9 only)`);
        break;
      }
      case '-m':
        cfg.ramSize = parseSize(needs(i++, a).replace(/^size=/, ''));
        break;
      case '-smp': {
        const v = needs(i++, a).split(',');
        const n = Number(v[0]!.replace(/^cpus=/, ''));
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new RunUsageError(`-smp ${v[0]}: 1..64 CPUs`);
        for (const o of v.slice(1)) if (!/^(threads|cores|sockets|maxcpus)=\d+$/.test(o) || (o.startsWith('threads=') && o !== 'threads=1')) throw new RunUsageError(`-smp option '${o}' is not supported (one thread per core)`);
        cfg.smp = n;
        break;
      }
      case '-bios':
        cfg.bios = needs(i++, a);
        break;
      case '-icount': {
        const v = needs(i++, a);
        const m = /^(?:shift=)?(\d+)(?:,.*)?$/.exec(v);
        if (!m || Number(m[1]) > 10) throw new RunUsageError(`-icount '${v}': expected shift=N with N in 0..10`);
        cfg.icountShift = Number(m[1]);
        break;
      }
      case '-serial': {
        const v = needs(i++, a);
        if (v !== 'stdio' && v !== 'mon:stdio') throw new RunUsageError(`-serial ${v}: only stdio is supported`);
        break;
      }
      case '-display': {
        const v = needs(i++, a);
        if (v !== 'none') throw new RunUsageError(`-display ${v}: only none is supported`);
        break;
      }
      case '-accel': {
        const v = needs(i++, a);
        if (v !== 'tcg' && v !== 'kvm') throw new RunUsageError(`-accel ${v} is not supported`);
        break;
      }
      case '-nographic':
      case '-nodefaults':
        break;
      case '-no-reboot':
        cfg.noReboot = true;
        break;
      case '-block-threshold': {
        const n = Number(needs(i++, a));
        if (!Number.isInteger(n)) throw new RunUsageError(`${a} expects an integer`);
        cfg.blockThreshold = n;
        break;
      }
      case '-jit': {
        const v = needs(i++, a);
        if (v !== 'js' && v !== 'wasm') throw new RunUsageError(`${a} expects js or wasm`);
        cfg.jit = v;
        break;
      }
      case '-kernel':
        cfg.kernel = needs(i++, a);
        break;
      case '-rtc': {
        // QEMU's -rtc base=utc|localtime|YYYY-MM-DD[THH:MM:SS] (clock= and driftfix= accepted and ignored).
        const v = needs(i++, a);
        for (const part of v.split(',')) {
          const [k, val = ''] = part.split('=');
          if (k === 'clock' || k === 'driftfix') continue;
          if (k !== 'base') throw new RunUsageError(`-rtc option '${k}' is not supported`);
          if (val === 'utc' || val === 'localtime') continue;
          const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/.exec(val);
          const t = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) : NaN;
          if (!Number.isFinite(t)) throw new RunUsageError(`-rtc base=${val}: expected utc, localtime or YYYY-MM-DD[THH:MM:SS]`);
          cfg.rtcBase = t;
        }
        break;
      }
      case '-initrd':
        cfg.initrd = needs(i++, a);
        break;
      case '-append':
        cfg.append = needs(i++, a);
        break;
      default:
        throw new RunUsageError(`unknown option '${a}'`);
    }
  }
  if (!cfg.bios && !cfg.kernel) throw new RunUsageError('nothing to boot: give -kernel VMLINUX (with -initrd, -append) or -bios IMAGE');
  if (cfg.bios && cfg.kernel) throw new RunUsageError('-kernel and -bios together are not supported (the pseries machine here has no firmware)');
  if ((cfg.initrd || cfg.append) && !cfg.kernel) throw new RunUsageError(`${cfg.initrd ? '-initrd' : '-append'} needs -kernel`);
  return cfg as RunConfig;
}

/** The files a configuration names, read by the front end (kernel, initrd, or the -bios image). */
export interface RunFiles {
  image?: Uint8Array;
  kernel?: Uint8Array;
  initrd?: Uint8Array;
}

/** Boot the machine; resolves to the exit status (0 when the guest powers off). */
export async function runMachine(cfg: RunConfig, files: RunFiles, out: (b: Uint8Array) => void, err: (s: string) => void, input?: ConsoleInput): Promise<number> {
  if (files.image && files.image.length > cfg.ramSize) throw new RunUsageError(`image (${files.image.length} bytes) larger than RAM (${cfg.ramSize} bytes)`);
  let m: BareMetalMachine;
  try {
    m = new BareMetalMachine({ ramSize: cfg.ramSize, image: files.image, kernel: files.kernel, initrd: files.initrd, append: cfg.append, rtcBase: cfg.rtcBase, noReboot: cfg.noReboot, console: out, smp: cfg.smp, icountShift: cfg.icountShift, blockThreshold: cfg.blockThreshold, jit: cfg.jit, nestedHv: cfg.nestedHv,
      // QEMU's pseries starts a -bios image in hash mode; a kernel's MMU is what CAS negotiates (the machine reads the command line).
      mmu: files.kernel ? undefined : cfg.mmu });
  } catch (e) {
    if (e instanceof KernelError) throw new RunUsageError(e.message);
    throw e;
  }
  input?.attach(
    (bytes) => m.consoleInput(bytes),
    (key) => {
      // C-a n: every nested guest's shadow PTEs, as KVM's debugfs 'radix' file lists them.
      if (key === 'n') err((m.vm.nested ? radixDebugfs(m.vm.nested) || '\n(no nested guests)\n' : '\n(cap-nested-hv is off)\n').replace(/\n/g, '\r\n'));
    },
  );
  const end: MachineEnd = await m.run();
  input?.detach();
  switch (end.kind) {
    case 'poweroff':
      return 0;
    case 'reboot':
      // Only with -no-reboot (otherwise the machine rebooted and went on): QEMU exits with 0.
      return 0;
    case 'panic':
      err(`tskvm: the guest stopped: ${end.message}\n`);
      return 1;
    default: {
      const r = m.vcpu.getRegs();
      err(`tskvm: ${end.message}\n`);
      err(`tskvm: vCPU 0: pc=${r.pc.toString(16).padStart(16, '0')} msr=${r.msr.toString(16).padStart(16, '0')} lr=${r.lr.toString(16).padStart(16, '0')} r1=${r.gpr[1]!.toString(16).padStart(16, '0')}\n`);
      return 1;
    }
  }
}
