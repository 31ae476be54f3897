// The device tree the pseries machine hands Linux: what QEMU 7.2's pseries
// builds (spapr_build_fdt, measured with `-machine dumpdtb=` and dtc: the
// facts are in docs/pseries.md), for a kernel entered directly with the tree
// in r3 — no firmware, no client interface. tests/vmm/pseries-dt.test.ts
// compares it with QEMU's, property by property; every difference is listed
// there and in docs/pseries.md with its reason. In short:
//   - RTAS: only the tokens this VMM serves are published (a token Linux
//     finds, it calls), and the tree says where the RTAS stub lives
//     (linux,rtas-base/-entry), which firmware would otherwise add;
//   - ibm,hypertas-functions: only the hcall sets that are implemented;
//   - no PCI host bridge, NVRAM, network or SCSI device (none exist yet), no
//     DRC (hotplug) properties, no QEMU-firmware hints (qemu,boot-kernel…);
//   - /chosen names the console (stdout-path), as firmware would.

import { FdtNode, prop } from './fdt.js';

/** QEMU's pseries RTAS tokens (0x2000 + index in spapr's token table). */
export const RTAS_TOKENS: Readonly<Record<string, number>> = {
  'display-character': 0x2000,
  'get-time-of-day': 0x2001,
  'set-time-of-day': 0x2002,
  'power-off': 0x2003,
  'system-reboot': 0x2004,
  'query-cpu-stopped-state': 0x2005,
  'start-cpu': 0x2006,
  'stop-self': 0x2007,
  'ibm,get-system-parameter': 0x2008,
  'ibm,set-system-parameter': 0x2009,
  'ibm,set-xive': 0x200a,
  'ibm,get-xive': 0x200b,
  'ibm,int-off': 0x200c,
  'ibm,int-on': 0x200d,
  'check-exception': 0x200e,
  'event-scan': 0x200f,
  'ibm,set-tce-bypass': 0x2010,
  quiesce: 0x2011,
  'nvram-fetch': 0x2012,
  'nvram-store': 0x2013,
  'read-pci-config': 0x2014,
  'write-pci-config': 0x2015,
  'ibm,read-pci-config': 0x2016,
  'ibm,write-pci-config': 0x2017,
  'ibm,query-interrupt-source-number': 0x2018,
  'ibm,change-msi': 0x2019,
  'set-indicator': 0x201a,
  'set-power-level': 0x201b,
  'get-power-level': 0x201c,
  'get-sensor-state': 0x201d,
  'ibm,configure-connector': 0x201e,
  'ibm,os-term': 0x201f,
  'ibm,nmi-register': 0x202b,
  'ibm,nmi-interlock': 0x202c,
};

/** Token → RTAS call name. */
export const RTAS_NAMES: ReadonlyMap<number, string> = new Map(Object.entries(RTAS_TOKENS).map(([n, t]) => [t, n]));

/** The vty's unit address (QEMU's first VIO device: SPAPR_VIO_REG_BASE). */
export const VTY_REG = 0x71000000;
/** The XICS node's phandle (QEMU's PHANDLE_INTC). */
const PHANDLE_INTC = 0x1111;
/** Interrupt numbers QEMU gives its event sources and first VIO device (SPAPR_IRQ_EPOW, _HOTPLUG, _VIO). */
const IRQ_EPOW = 0x1000;
const IRQ_HOTPLUG = 0x1001;
const IRQ_VIO = 0x1100;

export interface PseriesTreeOptions {
  ramSize: number;
  smp: number;
  /** log2 of the HPT size in bytes (ibm,pft-size). */
  hptShift: number;
  /** The largest hash page size the VMM allows (cap-hpt-max-page-size; 16 = 64 KiB). */
  hptMaxPageShift: number;
  bootargs?: string;
  initrd?: { start: number; end: number };
  /** Where the RTAS stub is (linux,rtas-base = linux,rtas-entry) and its size. */
  rtas: { base: number; size: number };
  /** RTAS tokens the VMM serves (names from RTAS_TOKENS). */
  rtasCalls: readonly string[];
  /** ibm,hypertas-functions: the hcall sets the hypervisor and VMM implement. */
  hypertas: readonly string[];
  /**
   * The MMU the partition offers, as client-architecture-support would have
   * settled it: 'radix' (with GTSE) or 'hash'. Undefined: QEMU's pre-CAS
   * tree ([00 00]: Linux then uses hash).
   */
  cas?: 'radix' | 'hash';
  /** 32 bytes for /chosen/rng-seed (QEMU gives random ones). */
  rngSeed?: Uint8Array;
}

/** POWER9's ibm,pa-features as QEMU 7.2 gives it (no radix GTSE bits changed: pre-CAS). */
const PA_FEATURES = [0x4200f63f, 0xc7c080f0, 0x80000000, 0x00, 0x8000, 0x80008000, 0x8000, 0x80008000, 0x80008000, 0xc0008000, 0x80008000, 0x80008000, 0x80008000, 0x80008000, 0x80008000, 0x80008000, 0x80000000];

/** ibm,segment-page-sizes for the page sizes the HPT allows: 4K, and 64K when allowed (QEMU's cap-hpt-max-page-size). */
function segmentPageSizes(maxShift: number): number[] {
  // Each entry: base shift, SLB encoding, count, then (shift, penc) pairs.
  const out = [0x0c, 0x000, 1, 0x0c, 0x00];
  if (maxShift >= 16) out.push(0x10, 0x110, 1, 0x10, 0x01);
  if (maxShift >= 24) out.push(0x18, 0x100, 1, 0x18, 0x00);
  return out;
}

/**
 * /chosen/ibm,architecture-vec-5 after CAS, encoded as QEMU's spapr_dt_ovec
 * does: byte 0 is the vector's length - 1, byte n is option byte n. What the
 * direct boot negotiates: byte 24, the MMU (0x40 radix, 0x00 hash), and byte
 * 26's 0x40, radix guest translation shootdown (tlbie from the guest), as
 * QEMU grants on POWER9. Linux reads them in early_check_vec5.
 */
export function architectureVec5(cas: 'radix' | 'hash' | undefined): Uint8Array {
  if (cas === undefined) return prop.bytes(0, 0);
  const v = new Uint8Array(27);
  v[0] = 25;
  if (cas === 'radix') {
    v[24] = 0x40; // OV5_MMU_RADIX
    v[26] = 0x40; // OV5_RADIX_GTSE
  }
  return v;
}

export function pseriesDeviceTree(o: PseriesTreeOptions): FdtNode {
  const root = new FdtNode('');
  root
    .set('#size-cells', prop.u32(2))
    .set('#address-cells', prop.u32(2))
    .set('compatible', prop.str('qemu,pseries'))
    .set('model', prop.str('IBM pSeries (emulated by tskvm)'))
    .set('device_type', prop.str('chrp'));

  const chosen = root.child('chosen');
  chosen
    .set('ibm,architecture-vec-5', architectureVec5(o.cas))
    .set('ibm,arch-vec-5-platform-support', prop.u32(0x178018c0, 0x19001a40))
    .set('linux,pci-probe-only', prop.u32(0))
    .set('stdout-path', prop.str(`/vdevice/vty@${VTY_REG.toString(16)}`))
    .set('linux,stdout-path', prop.str(`/vdevice/vty@${VTY_REG.toString(16)}`));
  if (o.rngSeed) chosen.set('rng-seed', o.rngSeed);
  if (o.initrd) chosen.set('linux,initrd-end', prop.u32(o.initrd.end)).set('linux,initrd-start', prop.u32(o.initrd.start));
  chosen.set('bootargs', prop.str(o.bootargs ?? ''));

  const rtas = root.child('rtas');
  for (const [name, token] of Object.entries(RTAS_TOKENS).reverse()) if (o.rtasCalls.includes(name)) rtas.set(name, prop.u32(token));
  rtas
    .set('ibm,lrdr-capacity', prop.u32(0, 0, 0, 0x10000000, o.smp)) // no hotplug memory: capacity 0; 256 MiB blocks (SPAPR_MEMORY_BLOCK_SIZE); max CPUs
    .set('ibm,extended-os-term', prop.empty())
    .set('rtas-event-scan-rate', prop.u32(1))
    .set('rtas-error-log-max', prop.u32(0x800))
    .set('rtas-size', prop.u32(o.rtas.size))
    .set('linux,rtas-base', prop.u32(o.rtas.base))
    .set('linux,rtas-entry', prop.u32(o.rtas.base))
    .set('ibm,max-associativity-domains', prop.u32(4, 0, 0, 0, 1))
    .set('ibm,associativity-reference-points', prop.u32(4, 4, 2))
    .set('ibm,hypertas-functions', prop.strs(...o.hypertas));

  const ev = root.child('event-sources');
  ev.set('interrupt-ranges', prop.u32(IRQ_EPOW, 1, IRQ_HOTPLUG, 1)).set('#interrupt-cells', prop.u32(2)).set('interrupt-controller', prop.empty());
  ev.child('hot-plug-events').set('interrupts', prop.u32(IRQ_HOTPLUG, 0));
  ev.child('epow-events').set('interrupts', prop.u32(IRQ_EPOW, 0));

  const cpus = root.child('cpus');
  cpus.set('#size-cells', prop.u32(0)).set('#address-cells', prop.u32(1));
  for (let id = 0; id < o.smp; id++) {
    cpus
      .child(`PowerPC,POWER9@${id.toString(16)}`)
      .set('ibm,dec-bits', prop.u32(56))
      .set('ibm,processor-radix-AP-encodings', prop.u32(0x0c, 0xa0000010, 0x20000015, 0x4000001e))
      .set('ibm,ppc-interrupt-gserver#s', prop.u32(id, 0))
      .set('ibm,ppc-interrupt-server#s', prop.u32(id))
      .set('ibm,pft-size', prop.u32(0, o.hptShift))
      .set('ibm,chip-id', prop.u32(0))
      .set('ibm,pa-features', prop.u32(...PA_FEATURES))
      .set('ibm,segment-page-sizes', prop.u32(...segmentPageSizes(o.hptMaxPageShift)))
      .set('ibm,dfp', prop.u32(1))
      .set('ibm,vmx', prop.u32(2))
      .set('ibm,processor-segment-sizes', prop.u32(0x1c, 0x28, 0xffffffff, 0xffffffff))
      .set('ibm,spurr', prop.u32(1))
      .set('ibm,purr', prop.u32(1))
      .set('64-bit', prop.empty())
      .set('status', prop.str('okay'))
      .set('ibm,slb-size', prop.u32(32))
      .set('slb-size', prop.u32(32))
      .set('clock-frequency', prop.u32(1_000_000_000))
      .set('timebase-frequency', prop.u32(512_000_000))
      .set('i-cache-size', prop.u32(0x8000))
      .set('d-cache-size', prop.u32(0x8000))
      .set('i-cache-line-size', prop.u32(0x80))
      .set('i-cache-block-size', prop.u32(0x80))
      .set('d-cache-line-size', prop.u32(0x80))
      .set('d-cache-block-size', prop.u32(0x80))
      // After CAS the partition runs in the architected ISA 3.00 mode (QEMU's
      // compat PVR): Linux then calls it "POWER9 (architected)".
      .set('cpu-version', prop.u32(o.cas ? 0x0f000005 : 0x4e1200))
      .set('device_type', prop.str('cpu'))
      .set('reg', prop.u32(id));
  }

  const vdev = root.child('vdevice');
  vdev
    .set('interrupt-controller', prop.empty())
    .set('#interrupt-cells', prop.u32(2))
    .set('#size-cells', prop.u32(0))
    .set('#address-cells', prop.u32(1))
    .set('compatible', prop.str('IBM,vdevice'))
    .set('device_type', prop.str('vdevice'));
  vdev
    .child(`vty@${VTY_REG.toString(16)}`)
    .set('interrupts', prop.u32(IRQ_VIO, 0))
    .set('compatible', prop.str('hvterm1'))
    .set('device_type', prop.str('serial'))
    .set('reg', prop.u32(VTY_REG));

  root
    .child('memory@0')
    .set('ibm,associativity', prop.u32(4, 0, 0, 0, 0))
    .set('reg', prop.u64(0, o.ramSize))
    .set('device_type', prop.str('memory'));

  root
    .child('interrupt-controller')
    .set('phandle', prop.u32(PHANDLE_INTC))
    .set('linux,phandle', prop.u32(PHANDLE_INTC))
    .set('#interrupt-cells', prop.u32(2))
    .set('ibm,interrupt-server-ranges', prop.u32(0, o.smp))
    .set('interrupt-controller', prop.empty())
    .set('compatible', prop.str('IBM,ppc-xicp'))
    .set('device_type', prop.str('PowerPC-External-Interrupt-Presentation'));
  return root;
}
