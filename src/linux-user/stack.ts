// The initial process stack, laid out as Linux's create_elf_tables does:
// argc, argv[], NULL, envp[], NULL, auxv pairs, AT_NULL; strings above.

import type { Process } from './process.js';

export const AT_NULL = 0;
export const AT_PHDR = 3;
export const AT_PHENT = 4;
export const AT_PHNUM = 5;
export const AT_PAGESZ = 6;
export const AT_BASE = 7;
export const AT_FLAGS = 8;
export const AT_ENTRY = 9;
export const AT_UID = 11;
export const AT_EUID = 12;
export const AT_GID = 13;
export const AT_EGID = 14;
export const AT_PLATFORM = 15;
export const AT_HWCAP = 16;
export const AT_CLKTCK = 17;
export const AT_DCACHEBSIZE = 19;
export const AT_ICACHEBSIZE = 20;
export const AT_UCACHEBSIZE = 21;
export const AT_SECURE = 23;
export const AT_BASE_PLATFORM = 24;
export const AT_RANDOM = 25;
export const AT_HWCAP2 = 26;
export const AT_EXECFN = 31;

export const AT_IGNOREPPC = 22;

// arch/powerpc/include/uapi/asm/cputable.h. qemu-ppc64le 7.2 -cpu power9 gives
// AT_HWCAP 0x58000580 (64 | ALTIVEC | FPU | DFP | ARCH_2_06 | VSX) and AT_HWCAP2
// 0x8ee00000. We announce the same except DFP (decimal floating point is not
// implemented), plus MMU and ARCH_2_05 as Linux does (implied by 2.06 anyway).
// No SCV in HWCAP2: glibc would then use scv for system calls.
export const HWCAP_POWER9 =
  0x40000000 | // PPC_FEATURE_64
  0x10000000 | // HAS_ALTIVEC
  0x08000000 | // HAS_FPU
  0x04000000 | // HAS_MMU
  0x00001000 | // ARCH_2_05
  0x00000100 | // ARCH_2_06
  0x00000080; // HAS_VSX
export const HWCAP2_POWER9 =
  0x80000000 | // ARCH_2_07
  0x08000000 | // ISEL
  0x04000000 | // TAR
  0x02000000 | // VEC_CRYPTO
  0x00800000 | // ARCH_3_00
  0x00400000 | // HAS_IEEE128
  0x00200000; // DARN

const enc = new TextEncoder();

/** Build the stack below `top`; returns the initial stack pointer. */
export function buildInitialStack(p: Process, top: number): number {
  const le = p.cpu.le;
  const { argv, envp } = p.opts;
  let sp = top;
  const pushBytes = (b: Uint8Array): number => {
    sp -= b.length;
    p.mem.writeBytes(sp, b);
    return sp;
  };
  const cstr = (s: string): number => {
    const b = enc.encode(s);
    const z = new Uint8Array(b.length + 1);
    z.set(b);
    return pushBytes(z);
  };
  const execfn = cstr(p.opts.execfn ?? argv[0] ?? '');
  const envAddrs = envp.map(cstr);
  const argAddrs = argv.map(cstr);
  const platform = cstr('power9');
  const random = p.opts.random ?? globalThis.crypto.getRandomValues(new Uint8Array(16));
  const randomAddr = pushBytes(random.slice(0, 16));
  sp = Math.floor(sp / 16) * 16;

  const phdrAddr = p.elf.phdrs.length ? firstLoadVaddr(p) + p.elf.phoff + p.loadBias : 0;
  // Same entries and order as qemu-user (powerpc's ARCH_DLINFO first), plus AT_PLATFORM/AT_BASE_PLATFORM as Linux gives them.
  const auxv: Array<[number, number]> = [
    [AT_IGNOREPPC, AT_IGNOREPPC],
    [AT_IGNOREPPC, AT_IGNOREPPC],
    [AT_DCACHEBSIZE, 128],
    [AT_ICACHEBSIZE, 128],
    [AT_UCACHEBSIZE, 0],
    [AT_HWCAP, HWCAP_POWER9],
    [AT_HWCAP2, HWCAP2_POWER9],
    [AT_PAGESZ, 65536],
    [AT_CLKTCK, 100],
    [AT_PHDR, phdrAddr],
    [AT_PHENT, p.elf.phentsize],
    [AT_PHNUM, p.elf.phdrs.length],
    [AT_BASE, 0],
    [AT_FLAGS, 0],
    [AT_ENTRY, p.elf.entry + p.loadBias],
    [AT_UID, 0],
    [AT_EUID, 0],
    [AT_GID, 0],
    [AT_EGID, 0],
    [AT_SECURE, 0],
    [AT_RANDOM, randomAddr],
    [AT_PLATFORM, platform],
    [AT_BASE_PLATFORM, platform],
    [AT_EXECFN, execfn],
    [AT_NULL, 0],
  ];
  const words: number[] = [argv.length, ...argAddrs, 0, ...envAddrs, 0];
  for (const [k, v] of auxv) words.push(k, v);
  if (words.length % 2) words.push(0); // keep sp 16-byte aligned
  const block = new Uint8Array(words.length * 8);
  const dv = new DataView(block.buffer);
  words.forEach((w, i) => dv.setBigUint64(i * 8, BigInt(w), le));
  sp -= block.length;
  p.mem.writeBytes(sp, block);
  return sp;
}

function firstLoadVaddr(p: Process): number {
  const ph = p.elf.phdrs.find((h) => h.type === 1 && h.offset === 0);
  return ph ? ph.vaddr : 0;
}
