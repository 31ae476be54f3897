// Run a static Linux-user ELF (a test snippet or random program) as problem-
// state code inside a radix partition of tskvm's hypervisor, so its loads,
// stores and fetches go through the system MMU's translation and TLB (the
// inline probe of both execution tiers) instead of Linux-user's page map.
// Its output must equal what the same ELF prints under qemu-user.
//
// The ELF is laid out by Linux-user's loader (segments, stack, auxv), then
// every page is copied to guest RAM and mapped by a radix tree for PID 1 at
// its own effective address (4K pages, read/write/execute for problem state),
// the 4K pages of each 64K block in reverse physical order: an access that
// crosses a 4K boundary lands on a page that is not the next one in RAM. A system call (sc) is a system call interrupt at 0xc00,
// where a three-instruction stub hands it to this host as a private hcall
// (r3 saved in SPRG0) and returns with rfid: the write and exit syscalls
// the snippets use are served here.

import { HostMemory } from '../../src/memory/host-memory.js';
import type { JitKind } from '../../src/cpu/ppc64/exec.js';
import { readFileSync } from 'node:fs';
import { Process } from '../../src/linux-user/process.js';
import { PROT_EXEC, PROT_WRITE } from '../../src/memory/sparse-memory.js';
import { Kvm } from '../../src/kvm/kvm.js';
import * as U from '../../src/kvm/uapi.js';
import type { RunResult } from './toolchain.js';

const RAM = 64 << 20;
const PRTB = 0x10000; // process table (4K, PRTS 0)
const POOL = 0x20000; // tree pages from here
const DATA = 0x200000; // page copies from here
const SYSCALL_HCALL = 0xf200;
const ILE = 1n << 25n; // LPCR[ILE]

export function runInPartition(elf: string, blockThreshold: number, maxInsns = 2e9, jit?: JitKind): Promise<RunResult & { icount: number }> {
  const out: Uint8Array[] = [];
  const host = { write: () => 0, read: () => new Uint8Array(0), fatalSignal: () => {} };
  const p = new Process(readFileSync(elf), { argv: [elf], envp: [], host, random: new Uint8Array(16) });
  const le = p.cpu.le;

  const vm = new Kvm().createVm(U.KVM_VM_PPC_HV);
  // With the wasm tier, RAM and the vCPU's registers and TLB in one host
  // memory, as BareMetalMachine lays them out, so loads and stores take the
  // wasm blocks' inline path (docs/jit.md).
  const hostMem = jit === 'wasm' ? new HostMemory(RAM + (2 << 20)) : undefined;
  const ram = hostMem ? hostMem.bytes(hostMem.alloc(RAM, 65536), RAM) : new Uint8Array(RAM);
  const dv = new DataView(ram.buffer, ram.byteOffset, ram.byteLength);
  vm.setUserMemoryRegion({ slot: 0, flags: 0, guest_phys_addr: 0, memory_size: RAM, userspace: ram });

  // Radix tree for PID 1: 13/9/9/9 bits, 4K leaves.
  let pool = POOL;
  const table = (bytes: number): number => {
    pool = Math.ceil(pool / bytes) * bytes;
    const t = pool;
    pool += bytes;
    return t;
  };
  const be = (addr: number, v: bigint) => dv.setBigUint64(addr, v);
  const root = table(8 << 13);
  be(PRTB + 16, (2n << 61n) | BigInt(root) | (5n << 5n) | 13n);
  const map = (ea: number, ra: number, eaa: bigint) => {
    const sizes = [13, 9, 9, 9];
    let t = root;
    let shift = 52;
    for (let level = 0; level < 4; level++) {
      shift -= sizes[level]!;
      const e = t + (Math.floor(ea / 2 ** shift) % 2 ** sizes[level]!) * 8;
      if (level === 3) {
        be(e, (3n << 62n) | BigInt(ra) | eaa);
        return;
      }
      let v = dv.getBigUint64(e);
      if (!(v & (1n << 63n))) {
        const next = table(8 << sizes[level + 1]!);
        v = (1n << 63n) | BigInt(next) | BigInt(sizes[level + 1]!);
        be(e, v);
      }
      t = Number(v & 0x0fffffffffffff00n);
    }
  };
  /** Guest physical page of each mapped 4K effective page. */
  const eaToRa = new Map<number, number>();
  let ra = DATA;
  for (const pg of p.mem.mappedPages()) {
    if (ra + 0x10000 > RAM) throw new Error('ELF too large for the partition');
    const eaa = 0x4n | (pg.prot & PROT_WRITE ? 0x2n : 0n) | (pg.prot & PROT_EXEC ? 0x1n : 0n);
    for (let k = 0; k < 16; k++) {
      const r = ra + (15 - k) * 0x1000;
      ram.set(pg.data.subarray(k * 0x1000, (k + 1) * 0x1000), r);
      eaToRa.set(pg.addr + k * 0x1000, r);
      map(pg.addr + k * 0x1000, r, eaa);
    }
    ra += 0x10000;
  }
  const readEa = (ea: number, len: number): Uint8Array => {
    const b = new Uint8Array(len);
    for (let i = 0; i < len; i++) {
      const a = ea + i;
      const r = eaToRa.get(Math.floor(a / 0x1000) * 0x1000);
      if (r === undefined) throw new Error(`syscall buffer 0x${a.toString(16)} not mapped`);
      b[i] = ram[r + (a % 0x1000)]!;
    }
    return b;
  };

  // Vectors: system call → private hcall → rfid; decrementer → push DEC away → rfid.
  const put = (addr: number, words: number[]) => words.forEach((w, i) => dv.setUint32(addr + 4 * i, w >>> 0, le));
  put(0xc00, [0x7c7043a6 /* mtsprg0 r3 */, 0x3860f200 /* li r3,-0xe00 */, 0x44000022 /* sc 1 */, 0x4c000024 /* rfid */]);
  put(0x900, [0x7c7143a6 /* mtsprg1 r3 */, 0x3c607fff /* lis r3,0x7fff */, 0x7c7603a6 /* mtdec r3 */, 0x7c7142a6 /* mfsprg1 r3 */, 0x4c000024 /* rfid */]);

  const cpu = vm.createVcpu(0, { blockThreshold, jit, host: hostMem });
  cpu.enableCap(U.KVM_CAP_PPC_PAPR);
  vm.configureV3Mmu(U.KVM_PPC_MMUV3_RADIX | U.KVM_PPC_MMUV3_GTSE, (1n << 63n) | BigInt(PRTB));
  if (le) cpu.setOneReg(U.KVM_REG_PPC_LPCR_64, (cpu.getOneReg(U.KVM_REG_PPC_LPCR_64) as bigint) | ILE);
  const regs = cpu.getRegs();
  for (let i = 0; i < 32; i++) regs.gpr[i] = p.cpu.getGpr(i);
  regs.pc = BigInt(p.cpu.nip);
  // 64-bit problem state, translation on, EE (forced by PR), ME, FP/VEC/VSX on.
  regs.msr = (1n << 63n) | (1n << 25n) | (1n << 23n) | 0x8000n | 0x4000n | 0x2000n | 0x1000n | 0x20n | 0x10n | (le ? 1n : 0n);
  cpu.setRegs(regs);
  cpu.setOneReg(U.KVM_REG_PPC_PID, 1n);

  return (async () => {
    let status: number | undefined;
    while (status === undefined && cpu.cpu.icount < maxInsns) {
      await cpu.run();
      const run = cpu.kvmRun;
      if (run.exit_reason !== U.KVM_EXIT_PAPR_HCALL || Number(run.papr_hcall.get('nr')) !== (-0xe00 >>> 0)) {
        throw new Error(`unexpected exit ${U.EXIT_REASON_NAMES[run.exit_reason] ?? run.exit_reason} at 0x${cpu.getRegs().pc.toString(16)}`);
      }
      const r = cpu.getRegs();
      const nr = Number(r.gpr[0]);
      const a0 = r.sprg[0]!;
      let ret = 0n;
      if (nr === 4) {
        // write(fd, buf, len)
        const data = readEa(Number(run.papr_hcall.arg(0)), Number(run.papr_hcall.arg(1)));
        if (a0 === 1n) out.push(data);
        ret = BigInt(data.length);
      } else if (nr === 1 || nr === 234) status = Number(a0 & 0xffn); // exit, exit_group
      else throw new Error(`syscall ${nr} not served in the partition runner`);
      run.papr_hcall.set('ret', ret);
    }
    return { stdout: Buffer.concat(out), stderr: Buffer.alloc(0), status: status ?? -1, icount: cpu.cpu.icount };
  })();
}
