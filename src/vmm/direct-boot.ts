// Booting a kernel without firmware: the kernel and initrd in RAM, the RTAS
// stub, and the device tree, then the registers Linux expects when it is
// entered directly with a flattened tree (kexec's and petitboot's way in,
// arch/powerpc/kernel/head_64.S): r3 = the tree's address, r4 = where the
// kernel starts, r5 = 0 (no Open Firmware client interface, so prom_init is
// skipped), 64-bit big-endian real mode (a little-endian kernel switches
// itself: FIXUP_ENDIAN).
//
// Layout, as QEMU's pseries lays out what it can: the kernel where
// kernel-loader.ts puts it, the initrd after it, the tree in the last MiB
// below min(RAM, 1 GiB) (FDT_MAX_SIZE below the RMA top), the RTAS stub in
// the 64 KiB below the tree. The tree reserves the stub and itself.

import { buildFdt } from './fdt.js';
import { initrdAddress, KernelError, loadKernel, type LoadedKernel } from './kernel-loader.js';
import { pseriesDeviceTree, type PseriesTreeOptions } from './pseries-dt.js';

/** QEMU's spapr-rtas.bin: mr r4,r3; li r3,0 (lis); ori r3,r3,0xf000 (KVMPPC_H_RTAS); sc 1; blr — big-endian, as RTAS runs. */
const RTAS_STUB = [0x7c641b78, 0x3c600000, 0x6063f000, 0x44000022, 0x4e800020];
/** RTAS_ERROR_LOG_MAX: the stub's area also holds an error log (QEMU's rtas-size = code + this). */
const RTAS_ERROR_LOG_MAX = 2048;
const FDT_MAX_SIZE = 0x100000;

export interface DirectBootOptions extends Omit<PseriesTreeOptions, 'initrd' | 'rtas'> {
  kernel: Uint8Array;
  initrd?: Uint8Array;
}

export interface DirectBoot {
  readonly kernel: LoadedKernel;
  readonly entry: number;
  /** r3, r4, r5 at entry. */
  readonly r3: number;
  readonly r4: number;
  readonly fdtAddr: number;
  readonly initrd: { start: number; end: number } | undefined;
  readonly rtasBase: number;
}

/** Write the kernel, initrd, RTAS stub and device tree into `ram`; say how to enter. */
export function prepareDirectBoot(ram: Uint8Array, o: DirectBootOptions): DirectBoot {
  const k = loadKernel(o.kernel, ram.length);
  const fdtAddr = Math.min(ram.length, 0x40000000) - FDT_MAX_SIZE;
  const rtasBase = fdtAddr - 0x10000;
  let initrd: DirectBoot['initrd'];
  if (o.initrd) {
    const start = initrdAddress(k.end);
    if (start + o.initrd.length > rtasBase) throw new KernelError(`initrd: ${o.initrd.length} bytes do not fit between the kernel (ends 0x${k.end.toString(16)}) and 0x${rtasBase.toString(16)}`);
    initrd = { start, end: start + o.initrd.length };
  }
  if (k.end > rtasBase) throw new KernelError(`kernel: ends at 0x${k.end.toString(16)}, over the device tree's place (0x${rtasBase.toString(16)}): give the guest more RAM`);
  for (const s of k.segments) {
    ram.fill(0, s.addr, s.addr + s.memsz);
    ram.set(s.data, s.addr);
  }
  if (o.initrd && initrd) ram.set(o.initrd, initrd.start);
  const dv = new DataView(ram.buffer, ram.byteOffset, ram.byteLength);
  RTAS_STUB.forEach((w, i) => dv.setUint32(rtasBase + 4 * i, w));
  const rtasSize = 4 * RTAS_STUB.length + RTAS_ERROR_LOG_MAX + 16 * o.smp;
  const tree = pseriesDeviceTree({ ...o, initrd, rtas: { base: rtasBase, size: rtasSize } });
  const blob = buildFdt(tree, { reserve: [[rtasBase, rtasSize]], bootCpuid: 0 });
  if (blob.length > FDT_MAX_SIZE) throw new KernelError(`device tree: ${blob.length} bytes, more than ${FDT_MAX_SIZE}`);
  ram.set(blob, fdtAddr);
  return { kernel: k, entry: k.entry, r3: fdtAddr, r4: k.start, fdtAddr, initrd, rtasBase };
}
