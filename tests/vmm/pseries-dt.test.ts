// The pseries device tree (src/vmm/pseries-dt.ts) against QEMU 7.2's, dumped
// with `-machine dumpdtb=` for the same machine (256 MiB, 2 vCPUs, a kernel,
// an initrd and a command line), property by property. Every difference
// must be one of DELIBERATE, with its reason — and every listed difference
// must still be there, so the list stays true.

import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFdt, parseFdt, type FdtNode } from '../../src/vmm/fdt.js';
import { prepareDirectBoot } from '../../src/vmm/direct-boot.js';
import { HYPERTAS_FUNCTIONS, hptShiftForRamSize, RTAS_CALLS } from '../../src/vmm/bare-metal.js';
import { pseriesDeviceTree } from '../../src/vmm/pseries-dt.js';
import { buildGuest, QEMU_PSERIES } from '../harness/guests.js';

const RAM = 256 << 20;
const SMP = 2;
const APPEND = 'console=hvc0 quiet';

/** Differences from QEMU on purpose: "path:property" (or "path/" for a whole node) → why. */
const DELIBERATE: Record<string, string> = {
  '/:model': 'says tskvm, not qemu',
  '/:vm,uuid': 'no -uuid support',
  '/:ibm,drc-types': 'no hotplug (DRC) yet',
  '/:ibm,drc-names': 'no hotplug (DRC) yet',
  '/:ibm,drc-indexes': 'no hotplug (DRC) yet',
  '/:ibm,drc-power-domains': 'no hotplug (DRC) yet',
  '/cpus:ibm,drc-types': 'no hotplug (DRC) yet',
  '/cpus:ibm,drc-names': 'no hotplug (DRC) yet',
  '/cpus:ibm,drc-indexes': 'no hotplug (DRC) yet',
  '/cpus:ibm,drc-power-domains': 'no hotplug (DRC) yet',
  '/cpus/PowerPC,POWER9@0:ibm,my-drc-index': 'no hotplug (DRC) yet',
  '/cpus/PowerPC,POWER9@1:ibm,my-drc-index': 'no hotplug (DRC) yet',
  '/ibm,persistent-memory/': 'no NVDIMMs',
  '/pci@800000020000000/': 'no PCI host bridge yet (no PCI devices)',
  '/vdevice/nvram@71000001/': 'no NVRAM device yet',
  '/chosen:qemu,graphic-width': 'a hint for QEMU firmware',
  '/chosen:qemu,graphic-height': 'a hint for QEMU firmware',
  '/chosen:qemu,graphic-depth': 'a hint for QEMU firmware',
  '/chosen:qemu,boot-kernel': 'a hint for SLOF: tskvm has no firmware and enters the kernel itself',
  '/chosen:qemu,boot-kernel-le': 'a hint for SLOF',
  '/rtas:qemu,hypertas-functions': "QEMU's own hcall set (hcall-memop1: H_PAGE_INIT's copy extension)",
  '/rtas:ibm,hypertas-functions': 'only the hcall sets implemented (no hcall-tce/-join/-vphn/-multi-tce/-hpt-resize/-watchdog yet)',
  '/rtas:rtas-size': 'the stub plus its error-log area, sized here (QEMU: SLOF instantiates RTAS)',
  '/rtas:linux,rtas-base': 'firmware adds it when it instantiates RTAS; the direct boot has none, so the tree says where the stub is',
  '/rtas:linux,rtas-entry': 'as linux,rtas-base',
  '/rtas:ibm,change-msix-capable': 'no PCI',
  '/rtas:display-character': 'RTAS calls not served yet are not published (Linux calls what it finds)',
  '/rtas:ibm,set-system-parameter': 'not served yet',
  '/rtas:ibm,set-tce-bypass': 'no IOMMU',
  '/rtas:quiesce': 'not served yet',
  '/rtas:nvram-fetch': 'no NVRAM yet',
  '/rtas:nvram-store': 'no NVRAM yet',
  '/rtas:read-pci-config': 'no PCI',
  '/rtas:write-pci-config': 'no PCI',
  '/rtas:ibm,read-pci-config': 'no PCI',
  '/rtas:ibm,write-pci-config': 'no PCI',
  '/rtas:ibm,query-interrupt-source-number': 'no PCI',
  '/rtas:ibm,change-msi': 'no PCI',
  '/rtas:set-indicator': 'not served yet',
  '/rtas:set-power-level': 'not served yet',
  '/rtas:get-power-level': 'not served yet',
  '/rtas:get-sensor-state': 'not served yet',
  '/rtas:ibm,configure-connector': 'no hotplug',
  '/rtas:ibm,nmi-register': 'FWNMI not yet',
  '/rtas:ibm,nmi-interlock': 'FWNMI not yet',
  '/rtas:ibm,set-eeh-option': 'no PCI (EEH)',
  '/rtas:ibm,get-config-addr-info2': 'no PCI (EEH)',
  '/rtas:ibm,read-slot-reset-state2': 'no PCI (EEH)',
  '/rtas:ibm,set-slot-reset': 'no PCI (EEH)',
  '/rtas:ibm,configure-pe': 'no PCI (EEH)',
  '/rtas:ibm,slot-error-detail': 'no PCI (EEH)',
  '/rtas:ibm,query-pe-dma-window': 'no PCI (DDW)',
  '/rtas:ibm,create-pe-dma-window': 'no PCI (DDW)',
  '/rtas:ibm,remove-pe-dma-window': 'no PCI (DDW)',
  '/rtas:ibm,reset-pe-dma-window': 'no PCI (DDW)',
  '/rtas:ibm,suspend-me': 'no migration',
};

function flatten(n: FdtNode, path = ''): Map<string, Uint8Array | null> {
  const out = new Map<string, Uint8Array | null>();
  const here = path === '' ? '/' : path;
  out.set(`${here}/`.replace('//', '/'), null);
  for (const [k, v] of n.props) out.set(`${here}:${k}`, v);
  for (const c of n.children) for (const [k, v] of flatten(c, `${path}/${c.name}`)) out.set(k, v);
  return out;
}

/** A difference covered by a whole-node entry ("/pci@…/" covers everything under it). */
function listed(key: string): string | undefined {
  if (DELIBERATE[key]) return key;
  return Object.keys(DELIBERATE).find((d) => d.endsWith('/') && (key.startsWith(d) || key.startsWith(d.slice(0, -1) + ':')));
}

describe('the pseries device tree vs QEMU 7.2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tskvm-dt-'));
  const kernel = buildGuest('hello', 'le').elf; // any ELF: QEMU only needs something to load
  const initrd = join(dir, 'initrd');
  writeFileSync(initrd, 'INITRD');
  const dtb = join(dir, 'qemu.dtb');
  const args = [...QEMU_PSERIES, '-m', '256M', '-smp', String(SMP), '-kernel', kernel, '-initrd', initrd, '-append', APPEND];
  args[1] = `${args[1]},dumpdtb=${dtb}`;
  execFileSync('qemu-system-ppc64', args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
  const qemu = flatten(parseFdt(new Uint8Array(readFileSync(dtb))).root);

  const ram = new Uint8Array(RAM);
  const boot = prepareDirectBoot(ram, {
    kernel: new Uint8Array(readFileSync(kernel)),
    initrd: new Uint8Array(readFileSync(initrd)),
    bootargs: APPEND,
    ramSize: RAM,
    smp: SMP,
    hptShift: hptShiftForRamSize(RAM),
    hptMaxPageShift: 16,
    rtasCalls: RTAS_CALLS,
    hypertas: HYPERTAS_FUNCTIONS,
    rngSeed: new Uint8Array(32),
  });
  const blob = ram.subarray(boot.fdtAddr, boot.fdtAddr + 0x100000);
  const ours = flatten(parseFdt(blob).root);

  it('every difference is a deliberate one, and every deliberate one is real', () => {
    const diffs = new Set<string>();
    for (const k of new Set([...qemu.keys(), ...ours.keys()])) {
      const a = qemu.get(k);
      const b = ours.get(k);
      if (k.endsWith(':rng-seed')) continue; // random in both (32 bytes each: checked below)
      const same = a !== undefined && b !== undefined && (a === null ? b === null : b !== null && Buffer.from(a).equals(Buffer.from(b)));
      if (!same) diffs.add(k);
    }
    const unexplained = [...diffs].filter((d) => !listed(d));
    expect(unexplained, 'differences from QEMU not in DELIBERATE').toEqual([]);
    const stale = Object.keys(DELIBERATE).filter((d) => ![...diffs].some((x) => listed(x) === d));
    expect(stale, 'DELIBERATE entries QEMU and tskvm no longer differ on').toEqual([]);
    expect(qemu.get('/chosen:rng-seed')?.length).toBe(ours.get('/chosen:rng-seed')?.length);
  });

  it('the blob dtc reads is the tree that was built', () => {
    const f = join(dir, 'ours.dtb');
    writeFileSync(f, buildFdt(pseriesDeviceTree({ ramSize: RAM, smp: 1, hptShift: 21, hptMaxPageShift: 16, rtas: { base: 0xfef0000, size: 0x82c }, rtasCalls: [], hypertas: ['hcall-pft'] })));
    const dts = execFileSync('dtc', ['-I', 'dtb', '-O', 'dts', f], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
    expect(dts).toContain('compatible = "IBM,ppc-xicp";');
    expect(dts).toContain('ibm,pft-size = <0x00 0x15>;');
  });
});
