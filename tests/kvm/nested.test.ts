// Nested HV at the API level (issue 9, 5b): KVM's rules where QEMU TCG is no
// oracle (it keeps no shadow tables, accepts any H_TLB_INVALIDATE, does not
// sanitise): the sanitising of the L2 state (book3s_hv_nested.c
// load_l2_hv_regs, kvmhv_enter_nested_guest), the argument checks, the
// L1 state given back exactly, the prev_cpu flush, targeted invalidation,
// the nested rmap on a slot change, and the bounds that keep a hostile L1
// from growing the L0's memory. The guest-visible behaviour shared with
// QEMU is tests/guests/nested.c; a real L1 is tests/vmm/nested-linux.test.ts.

import { describe, expect, it } from 'vitest';
import { Kvm } from '../../src/kvm/kvm.js';
import * as U from '../../src/kvm/uapi.js';
import { IN_CORE_HCALLS } from '../../src/kvm/ppc/hcalls.js';
import { enterNested, exitNested } from '../../src/kvm/ppc/nested/enter.js';
import { hvReadSpr, SPR_CIABR, SPR_DAWRX0, SPR_HFSCR, SPR_LPCR, SPR_SPRG0, SPR_SRR0 } from '../../src/cpu/ppc64/spr.js';
import { HV, I, L2MEM, makeL1, MSR_LE, MSR_ME, MSR_SF, REGS } from '../harness/nested-l1.js';
import { radixDebugfs } from '../../src/kvm/ppc/nested/debugfs.js';
import { walkL1Tree } from '../../src/kvm/ppc/nested/l1-walk.js';

describe('nested HV: the hcalls without KVM_CAP_PPC_NESTED_HV', () => {
  it('answer H_FUNCTION in the core (kvmppc_pseries_do_hcall), and the capability is offered', () => {
    const vm = new Kvm().createVm(U.KVM_VM_PPC_HV);
    const v = vm.createVcpu(0);
    expect(vm.checkExtension(U.KVM_CAP_PPC_NESTED_HV)).toBe(1);
    for (const nr of [U.H_SET_PARTITION_TABLE, U.H_ENTER_NESTED, U.H_TLB_INVALIDATE, U.H_COPY_TOFROM_GUEST]) expect(IN_CORE_HCALLS[nr]!(v)).toBe(U.H_FUNCTION);
  });
});

describe('nested HV: H_ENTER_NESTED', () => {
  it('sanitises the L2 state and gives the L1 its own back exactly', async () => {
    const l1 = await makeL1();
    const v = l1.vcpus[0]!;
    const cpu = v.cpu;
    // Hostile values: every LPCR bit, every HFSCR facility, DAWRX[HYP], CIABR privilege hypervisor, MSR[HV] without ME.
    l1.state({ nip: 0x1000n, msr: (1n << 60n) | MSR_SF, lpcr: 0xffffffffffffffffn });
    l1.dv.setBigUint64(HV + 48, 0x00ff_ffff_ffff_ffffn, true); // hfscr
    l1.dv.setBigUint64(HV + 72, 0x7n, true); // dawrx0: HYP (4) and more
    l1.dv.setBigUint64(HV + 80, 0x1000n | 3n, true); // ciabr: privilege 3 (hypervisor)
    l1.dv.setBigUint64(HV + 176, 0x5151n, true); // sprg0
    cpu.setGpr(4, BigInt(HV));
    cpu.setGpr(5, BigInt(REGS));
    cpu.setGpr(7, 0x7777n);
    const before = { gpr: Array.from({ length: 32 }, (_, i) => cpu.getGpr(i)), msr: cpu.msr, lpcr: hvReadSpr(cpu, SPR_LPCR), sprg0: hvReadSpr(cpu, SPR_SPRG0), srr0: hvReadSpr(cpu, SPR_SRR0), nipLo: cpu.nipLo };
    expect(enterNested(v)).toBeUndefined();
    // LPCR: only DPFD, ILE, TC, AIL, LD, LPES, MER come from the L1; then AIL 0 or 3, TC off (radix).
    const mask = 0x0070000000000000n | (1n << 25n) | 0x200n | 0x1800000n | 0x20000n | 0x8n | 0x800n;
    const want = (l1.vm.lpcr & ~mask) | (0xffffffffffffffffn & mask & ~0x200n);
    expect(hvReadSpr(cpu, SPR_LPCR)).toBe(want);
    expect(hvReadSpr(cpu, SPR_HFSCR)).toBe((0x00ff_ffff_ffff_ffffn & 0xff00000000000000n) | 0x19fn);
    expect(hvReadSpr(cpu, SPR_DAWRX0)).toBe(0x3n);
    expect(hvReadSpr(cpu, SPR_CIABR)).toBe(0x1000n);
    expect(cpu.msr & (1n << 60n)).toBe(0n); // never HV
    expect(cpu.msr & MSR_ME).toBe(MSR_ME); // always ME
    expect(hvReadSpr(cpu, SPR_SPRG0)).toBe(0x5151n);
    exitNested(v, 0);
    expect(Array.from({ length: 32 }, (_, i) => cpu.getGpr(i)).slice(4)).toEqual(before.gpr.slice(4));
    expect(cpu.getGpr(3)).toBe(0n); // the exit vector (none)
    expect(cpu.msr).toBe(before.msr);
    expect(hvReadSpr(cpu, SPR_LPCR)).toBe(before.lpcr);
    expect(hvReadSpr(cpu, SPR_SPRG0)).toBe(before.sprg0);
    expect(hvReadSpr(cpu, SPR_SRR0)).toBe(before.srr0);
    expect(cpu.nipLo).toBe(before.nipLo);
  });

  it('refuses bad arguments with the architected codes and changes nothing', async () => {
    const l1 = await makeL1();
    l1.map(1, 0x0, L2MEM);
    l1.code(0, [I.li(3, 0x42), I.sc1]);
    const cases: Array<[string, () => void, bigint]> = [
      ['version 0', () => l1.state({ nip: 0n, version: 0n }), BigInt(U.H_PARAMETER)],
      ['version 3', () => l1.state({ nip: 0n, version: 3n }), BigInt(U.H_PARAMETER)],
      ['vcpu_token 2048', () => l1.state({ nip: 0n, token: 2048 }), BigInt(U.H_PARAMETER)],
      ['lpid past the table', () => l1.state({ nip: 0n, lpid: 4096 }), BigInt(U.H_PARAMETER)],
      ['L2 MSR transactional', () => l1.state({ nip: 0n, msr: MSR_SF | MSR_ME | MSR_LE | (2n << 33n) }), BigInt(U.H_BAD_MODE)],
    ];
    for (const [what, setup, rc] of cases) {
      setup();
      expect(BigInt.asIntN(64, await l1.enter()), what).toBe(rc);
    }
    expect(l1.vm.nested!.liveGuests).toBe(0);
    // pt_regs outside RAM.
    l1.state({ nip: 0n });
    expect(BigInt.asIntN(64, await l1.hcall(U.H_ENTER_NESTED, BigInt(HV), 1n << 40n))).toBe(BigInt(U.H_PARAMETER));
    // A good entry still works afterwards: the L2's sc 1 exits with 0xc00.
    l1.state({ nip: 0n });
    expect(await l1.enter()).toBe(0xc00n);
    expect(l1.reg(3)).toBe(0x42n);
  });

  it('version 1 reads and writes 232 bytes: the v2 fields in the L1\'s memory stay untouched', async () => {
    const l1 = await makeL1();
    l1.map(1, 0x0, L2MEM);
    l1.code(0, [I.li(3, 1), I.sc1]);
    l1.state({ nip: 0n, version: 1n });
    l1.dv.setBigUint64(HV + 232, 0xdeadbeefn, true);
    l1.dv.setBigUint64(HV + 240, 0xfeedn, true);
    expect(await l1.enter()).toBe(0xc00n);
    expect(l1.hv(232)).toBe(0xdeadbeefn);
    expect(l1.hv(240)).toBe(0xfeedn);
    expect(l1.hv(160)).toBe(8n); // srr0: after the sc (written back within v1)
  });

  it('H_AUTHORITY when the state cannot be written back (a read-only slot), the L1 whole', async () => {
    const l1 = await makeL1();
    l1.map(1, 0x0, L2MEM);
    l1.code(0, [I.sc1]);
    // hv_guest_state and pt_regs in a read-only slot of their own.
    const rom = new Uint8Array(0x10000);
    const ROM = 0x4000000;
    l1.state({ nip: 0n });
    rom.set(l1.ram.subarray(HV, HV + 248), 0);
    rom.set(l1.ram.subarray(REGS, REGS + 384), 0x1000);
    l1.vm.setUserMemoryRegion({ slot: 1, flags: 2, guest_phys_addr: ROM, memory_size: rom.length, userspace: rom });
    expect(BigInt.asIntN(64, await l1.hcall(U.H_ENTER_NESTED, BigInt(ROM), BigInt(ROM + 0x1000)))).toBe(BigInt(U.H_AUTHORITY));
    expect(l1.vcpus[0]!.nestedRun).toBeUndefined();
  });
});

describe('nested HV: shadow tables', () => {
  /** The L2 program: r4 = *(r5); sc 1. */
  const LOAD = [I.ld(4, 0, 5), I.li(3, 0x11), I.sc1];

  it('builds shadow entries on fault, the smaller of the two page sizes, and drops exactly the one H_TLB_INVALIDATE names', async () => {
    const l1 = await makeL1();
    l1.map(1, 0x0, L2MEM);
    l1.code(0, LOAD);
    for (let p = 0; p < 8; p++) {
      l1.map(1, 0x10000 + p * 0x1000, 0x800000 + p * 0x1000);
      l1.dv.setBigUint64(0x800000 + p * 0x1000, BigInt(p + 1), true);
    }
    // A 2M page of the L1's: the shadow entry is 2M too (the slot backs it whole).
    l1.map(1, 0x400000, 0xc00000, undefined, 21);
    l1.dv.setBigUint64(0xc00000 + 0x1230, 0x2020n, true);
    for (let p = 0; p < 8; p++) {
      l1.state({ nip: 0n, gpr: { 5: BigInt(0x10000 + p * 0x1000) } });
      expect(await l1.enter()).toBe(0xc00n);
      expect(l1.reg(4)).toBe(BigInt(p + 1));
    }
    l1.state({ nip: 0n, gpr: { 5: 0x401230n } });
    expect(await l1.enter()).toBe(0xc00n);
    expect(l1.reg(4)).toBe(0x2020n);
    const g = l1.vm.nested!.allGuests()[0]!;
    const shifts = [...g.shadow.entries()].map((e) => e.shift).sort((a, b) => a - b);
    expect(shifts).toEqual([12, 12, 12, 12, 12, 12, 12, 12, 12, 21]); // code page, 8 data pages, the 2M page
    // Remap page 3 and invalidate it alone: the other entries stay.
    l1.map(1, 0x13000, 0x900000);
    l1.dv.setBigUint64(0x900000, 0x99n, true);
    expect(BigInt.asIntN(64, await l1.hcall(U.H_TLB_INVALIDATE, 0n, 1n, 0x13000n))).toBe(BigInt(U.H_PARAMETER)); // R = 0: refused
    expect(await l1.hcall(U.H_TLB_INVALIDATE, 1n << 16n, 1n, 0x13000n)).toBe(0n);
    expect(g.shadow.size).toBe(9);
    l1.state({ nip: 0n, gpr: { 5: 0x13000n } });
    expect(await l1.enter()).toBe(0xc00n);
    expect(l1.reg(4)).toBe(0x99n);
    // LPID-wide: everything goes.
    expect(await l1.hcall(U.H_TLB_INVALIDATE, 1n << 16n, 1n, 2n << 10n)).toBe(0n);
    expect(g.shadow.size).toBe(0);
  });

  it('lists every shadow PTE as KVM\'s debugfs radix file does, each mapping what the L1\'s own tree says', async () => {
    const l1 = await makeL1();
    l1.map(1, 0x0, L2MEM);
    l1.map(2, 0x0, L2MEM);
    l1.code(0, LOAD);
    l1.map(1, 0x5000, 0x805000, 0x100n | 0x80n | 0x4n); // read-only, R and C
    l1.map(2, 0x400000, 0xc00000, undefined, 21);
    l1.state({ nip: 0n, gpr: { 5: 0x5008n } });
    expect(await l1.enter()).toBe(0xc00n);
    l1.state({ nip: 0n, lpid: 2, gpr: { 5: 0x400008n } });
    expect(await l1.enter()).toBe(0xc00n);
    const text = radixDebugfs(l1.vm.nested!);
    const lines = text.split('\n').filter((x) => x);
    expect(lines.filter((x) => x.startsWith('Nested LPID')).map((x) => x.replace(/shadow LPID \d+/, 'shadow LPID N'))).toEqual(['Nested LPID 1: shadow LPID N', 'Nested LPID 2: shadow LPID N']);
    const ptes = lines.filter((x) => x.startsWith(' '));
    expect(ptes.length).toBe(4); // each guest: the code page, and its data page
    for (const g of l1.vm.nested!.allGuests()) {
      for (const e of g.shadow.entries()) {
        const section = text.split('\nNested LPID ').find((x) => x.startsWith(`${g.l1Lpid}:`))!;
        const l = section.split('\n').find((x) => x.startsWith(` ${e.gra.toString(16)}: `));
        expect(l, `shadow entry ${e.gra.toString(16)} of LPID ${g.l1Lpid}`).toBeDefined();
        const [, pte, shift] = /: ([0-9a-f]+) (\d+)$/.exec(l!)!;
        const v = BigInt(`0x${pte}`);
        expect(v >> 62n).toBe(3n); // valid leaf
        // The RPN is what the L1's own partition-scoped tree maps that address to.
        const w = walkL1Tree(l1.vm.phys, g.pate0, e.gra);
        expect('error' in w).toBe(false);
        expect(Number(v & 0x01fffffffffff000n)).toBe((w as { raddr: number }).raddr - ((w as { raddr: number }).raddr % 2 ** Number(shift)));
        expect(Number(shift)).toBe(e.shift);
        // Never more rights than the L1 gave: the read-only page has no write bit.
        if (e.gra === 0x5000) expect(v & 2n).toBe(0n);
      }
    }
  });

  it('flushes a nested vCPU\'s translations on the thread it left when it moves (KVM\'s prev_cpu)', async () => {
    // The L2 translates (radix, PID 0): its tree maps EA 0xc000000000010000 to real 0x10000 or 0x11000.
    // On L1 vCPU 1 it loads through the first mapping; on vCPU 0 it switches the PTE and tlbiel's
    // (local); back on vCPU 1 it must see the new mapping, though vCPU 1 never saw a tlbie.
    const l1 = await makeL1({ vcpus: 2 });
    const le = true;
    for (let gra = 0; gra < 0x60000; gra += 0x1000) l1.map(1, gra, L2MEM + gra);
    const w64 = (gra: number, v: bigint) => l1.dv.setBigUint64(L2MEM + gra, v);
    // Process table at L2 real 0x20000; PID 0's tree: root 0x40000, then 0x50000, 0x51000, 0x52000 (4K leaves).
    w64(0x20000, (2n << 61n) | 0x40000n | (5n << 5n) | 13n);
    l1.ram.fill(0, L2MEM + 0x40000, L2MEM + 0x53000);
    w64(0x40000, (1n << 63n) | 0x50000n | 9n);
    w64(0x50000, (1n << 63n) | 0x51000n | 9n);
    w64(0x51000, (1n << 63n) | 0x52000n | 9n);
    const PTE = 0x52000 + 0x10 * 8; // leaf for EA 0x10000
    const leaf = (ra: number) => (3n << 62n) | BigInt(ra) | 0x100n | 0x80n | 0xfn;
    w64(PTE, leaf(0x10000));
    w64(0x52000, leaf(0x0)); // EA 0 → real 0 (the code)
    w64(0x52000 + 0x52 * 8, leaf(0x52000)); // the leaf table itself (program B writes the PTE)
    l1.dv.setBigUint64(L2MEM + 0x10000, 0xaaaan, le);
    l1.dv.setBigUint64(L2MEM + 0x11000, 0xbbbbn, le);
    l1.dv.setBigUint64(0x100000 + 16 + 8, 0x20000n); // PATE dword 1: the process table (PTBL + 16 * lpid 1)
    const KERN = 0xc000000000000000n;
    // Program A (at real 0): r4 = *(r5). Program B (at 0x100): *(r6) = r7 (the PTE); ptesync; tlbiel EA; ptesync; r4 = *(r5).
    l1.code(0, LOAD);
    l1.code(0x100, [I.std(7, 0, 6), I.ptesync, I.tlbiel(5, 0, 0, 1, 1), I.ptesync, I.ld(4, 0, 5), I.li(3, 0x22), I.sc1]);
    const run = async (cpu: number, nip: bigint, gpr: Record<number, bigint>) => {
      l1.state({ nip: KERN | nip, msr: MSR_SF | MSR_ME | MSR_LE | 0x30n, gpr });
      expect(await l1.enter(cpu)).toBe(0xc00n);
      return l1.reg(4);
    };
    expect(await run(1, 0n, { 5: KERN | 0x10000n })).toBe(0xaaaan);
    const newPte = leaf(0x11000);
    const swapped = (v: bigint) => BigInt(`0x${v.toString(16).padStart(16, '0').match(/../g)!.reverse().join('')}`);
    expect(await run(0, 0x100n, { 5: KERN | 0x10000n, 6: KERN | BigInt(PTE), 7: swapped(newPte) })).toBe(0xbbbbn);
    expect(await run(1, 0n, { 5: KERN | 0x10000n })).toBe(0xbbbbn);
  });

  it('H_RPT_INVALIDATE (enabled by the VMM): nested scopes drop the pages asked for, with KVM\'s checks; a nested guest\'s process scope is the L0\'s', async () => {
    const l1 = await makeL1();
    l1.map(1, 0x0, L2MEM);
    l1.code(0, LOAD);
    for (let p = 0; p < 4; p++) l1.map(1, 0x10000 + p * 0x1000, 0x800000 + p * 0x1000);
    for (let p = 0; p < 4; p++) {
      l1.state({ nip: 0n, gpr: { 5: BigInt(0x10000 + p * 0x1000) } });
      expect(await l1.enter()).toBe(0xc00n);
    }
    const g = l1.vm.nested!.allGuests()[0]!;
    expect(g.shadow.size).toBe(5);
    // Not in KVM's default list: without the VMM enabling it, the VMM gets it.
    expect(await l1.call(0, U.H_RPT_INVALIDATE, [1n, 1n, 3n, 1n, 0x11000n, 0x12000n])).toBeUndefined();
    expect(l1.vcpus[0]!.kvmRun.papr_hcall.get('nr')).toBe(BigInt(U.H_RPT_INVALIDATE));
    l1.vm.enableCap(U.KVM_CAP_PPC_ENABLE_HCALL, [BigInt(U.H_RPT_INVALIDATE), 1n]);
    const rpt = async (...a: bigint[]) => BigInt.asIntN(64, await l1.hcall(U.H_RPT_INVALIDATE, ...a));
    const NESTED_TLB = 1n | 2n;
    expect(await rpt(1n, 2n, NESTED_TLB, 1n, 0x11000n, 0x12000n)).toBe(BigInt(U.H_P2)); // target: cores only
    expect(await rpt(1n, 1n, NESTED_TLB, 1n, 0x12000n, 0x11000n)).toBe(BigInt(U.H_P5)); // end before start
    expect(await rpt(1n, 1n, NESTED_TLB, 0n, 0x11000n, 0x12000n)).toBe(BigInt(U.H_P4)); // no page size
    expect(await rpt(7n, 1n, NESTED_TLB, 1n, 0x11000n, 0x12000n)).toBe(0n); // an LPID the L0 does not know: nothing to do
    expect(g.shadow.size).toBe(5);
    expect(await rpt(1n, 1n, NESTED_TLB, 1n, 0x11000n, 0x13000n)).toBe(0n); // 4K pages 0x11000 and 0x12000
    expect(g.shadow.size).toBe(3);
    expect(g.shadow.lookup(0x11000)).toBeUndefined();
    expect(g.shadow.lookup(0x13000)).toBeDefined();
    expect(await rpt(1n, 1n, 1n | 2n | 4n | 8n, 0xffn, 0n, 0n)).toBe(0n); // NESTED_ALL: everything, the PATE read again
    expect(g.shadow.size).toBe(0);
    // The nested guest's own process-scoped H_RPT_INVALIDATE: handled by the L0, r3 = 0, the guest goes on.
    l1.code(0x100, [I.li(3, U.H_RPT_INVALIDATE), I.li(6, 2), I.sc1, I.mr(4, 3), I.li(3, 0x77), I.sc1]);
    l1.state({ nip: 0x100n, gpr: { 4: 0n, 5: 1n, 7: 1n, 9: 0x1000n } });
    expect(await l1.enter()).toBe(0xc00n);
    expect(l1.reg(3)).toBe(0x77n);
    expect(l1.reg(4)).toBe(0n);
  });

  it('a slot change drops exactly the shadow entries the rmap lists for it', async () => {
    const l1 = await makeL1();
    l1.map(1, 0x0, L2MEM);
    l1.code(0, LOAD);
    const extra = new Uint8Array(0x10000);
    const X = 0x4000000;
    l1.vm.setUserMemoryRegion({ slot: 1, flags: 0, guest_phys_addr: X, memory_size: extra.length, userspace: extra });
    new DataView(extra.buffer).setBigUint64(0, 0x1234n, true);
    l1.map(1, 0x20000, X);
    l1.map(1, 0x21000, 0x800000);
    for (const a of [0x20000n, 0x21000n]) {
      l1.state({ nip: 0n, gpr: { 5: a } });
      expect(await l1.enter()).toBe(0xc00n);
    }
    const g = l1.vm.nested!.allGuests()[0]!;
    expect(g.shadow.size).toBe(3);
    expect(l1.vm.nested!.rmap.size).toBe(3);
    // The VMM moves the slot: the entry made from it goes, the others stay.
    l1.vm.setUserMemoryRegion({ slot: 1, flags: 0, guest_phys_addr: X, memory_size: 0, userspace: undefined });
    expect(g.shadow.size).toBe(2);
    expect(g.shadow.lookup(0x20000)).toBeUndefined();
    expect(g.shadow.lookup(0x21000)).toBeDefined();
  });
});

describe('nested HV: bounds against a hostile L1', () => {
  it('keeps at most MAX_LIVE_GUESTS nested guests (the least recently run forgotten) and recycles their shadow LPIDs', async () => {
    const kvm = new Kvm({ icountShift: 3 });
    const l1 = await makeL1({ kvm });
    l1.code(0, [I.sc1]);
    for (let lpid = 1; lpid <= 100; lpid++) {
      l1.map(lpid, 0, L2MEM);
      l1.state({ nip: 0n, lpid });
      expect(await l1.enter()).toBe(0xc00n);
    }
    expect(l1.vm.nested!.liveGuests).toBe(64);
    // The shadow LPIDs of forgotten guests went back to the pool: the 64 live ones hold 2..65, a new VM gets 66.
    const other = kvm.createVm(U.KVM_VM_PPC_HV);
    expect(other.lpid).toBe(66);
    l1.vm.destroy();
    expect(kvm.createVm(U.KVM_VM_PPC_HV).lpid).toBe(1); // everything the L1 held is free again
    expect(kvm.createVm(U.KVM_VM_PPC_HV).lpid).toBe(2);
  });

  it('keeps the shadow entries below the partition\'s bound however many pages the L2 touches', async () => {
    const l1 = await makeL1();
    const n = l1.vm.nested!;
    n.maxShadowEntries = 500;
    l1.map(1, 0, L2MEM);
    // The L2 touches 2000 distinct pages, each mapped by the L1 to the same L1 page.
    for (let p = 1; p <= 2000; p++) l1.map(1, p * 0x1000, 0x800000);
    l1.code(0, [I.li(9, 2000), 0x7d2903a6 /* mtctr r9 */, I.ld(4, 0, 5), 0x38a51000 /* addi r5,r5,4096 */, 0x4200fff8 /* bdnz -8 */, I.sc1]);
    l1.state({ nip: 0n, gpr: { 5: 0x1000n } });
    expect(await l1.enter()).toBe(0xc00n);
    expect(l1.vcpus[0]!.stats.nestedFaults).toBeGreaterThan(2000);
    expect(n.shadowEntries).toBeLessThanOrEqual(500);
    expect(n.rmap.size).toBeLessThanOrEqual(2 * 500);
  });
});
