// The device-tree blob writer and reader (src/vmm/fdt.ts) against dtc, the
// reference implementation: dtc must accept our blobs and decompile them to
// the source we meant; a blob dtc compiles must parse to the same tree; and
// QEMU's own pseries tree (dumpdtb) must parse.

import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFdt, FdtNode, parseFdt, prop } from '../../src/vmm/fdt.js';
import { QEMU_PSERIES } from '../harness/guests.js';

function sample(): FdtNode {
  const root = new FdtNode('');
  root.set('compatible', prop.str('qemu,pseries')).set('#address-cells', prop.u32(2)).set('#size-cells', prop.u32(2)).set('model', prop.str('IBM pSeries (emulated by tskvm)'));
  root.path('/chosen').set('bootargs', prop.str('console=hvc0')).set('linux,initrd-start', prop.u64(0x2000000)).set('empty', prop.empty());
  const cpu = root.path('/cpus/PowerPC,POWER9@0');
  cpu.set('device_type', prop.str('cpu')).set('reg', prop.u32(0)).set('ibm,pa-features', prop.bytes(0x18, 0x00, 0xf6, 0x3f, 0xc7, 0xc0)).set('compatible', prop.strs('ibm,power9', 'ibm,powerpc'));
  root.path('/memory@0').set('reg', prop.u64(0, 256 << 20)).set('device_type', prop.str('memory'));
  return root;
}

const dir = mkdtempSync(join(tmpdir(), 'tskvm-fdt-'));
const dtc = (args: string[]) => execFileSync('dtc', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

function same(a: FdtNode, b: FdtNode): void {
  expect(b.name).toBe(a.name);
  expect([...b.props.keys()]).toEqual([...a.props.keys()]);
  for (const [k, v] of a.props) expect(Buffer.from(b.props.get(k)!).toString('hex'), `${a.name}/${k}`).toBe(Buffer.from(v).toString('hex'));
  expect(b.children.map((c) => c.name)).toEqual(a.children.map((c) => c.name));
  a.children.forEach((c, i) => same(c, b.children[i]!));
}

describe('flattened device tree', () => {
  it('dtc decompiles our blob to the tree we built', () => {
    const blob = buildFdt(sample(), { reserve: [[0x1000000, 0x10000]], bootCpuid: 0 });
    const f = join(dir, 'ours.dtb');
    writeFileSync(f, blob);
    const dts = dtc(['-I', 'dtb', '-O', 'dts', f]);
    expect(dts).toContain('/memreserve/\t0x0000000001000000 0x0000000000010000;');
    expect(dts).toContain('compatible = "qemu,pseries";');
    expect(dts).toContain('#address-cells = <0x02>;');
    expect(dts).toContain('linux,initrd-start = <0x00 0x2000000>;');
    expect(dts).toContain('compatible = "ibm,power9\\0ibm,powerpc";');
    expect(dts).toContain('ibm,pa-features = [18 00 f6 3f c7 c0];');
    expect(dts).toContain('PowerPC,POWER9@0 {');
    expect(dts).toContain('empty;');
  });

  it('a blob dtc compiles parses to the same tree, and ours round-trips', () => {
    const ours = sample();
    const f = join(dir, 'ours2.dtb');
    writeFileSync(f, buildFdt(ours));
    const dts = join(dir, 'ours2.dts');
    writeFileSync(dts, dtc(['-I', 'dtb', '-O', 'dts', f]));
    const back = parseFdt(new Uint8Array(execFileSync('dtc', ['-I', 'dts', '-O', 'dtb', dts])));
    same(ours, back.root);
    same(ours, parseFdt(buildFdt(ours)).root);
  });

  it("parses QEMU's pseries tree", () => {
    const f = join(dir, 'qemu.dtb');
    execFileSync('qemu-system-ppc64', [...QEMU_PSERIES, '-m', '256M', '-machine', `dumpdtb=${f}`], { stdio: 'ignore' });
    const t = parseFdt(new Uint8Array(readFileSync(f)));
    expect(new TextDecoder().decode(t.root.props.get('compatible')!)).toBe('qemu,pseries\0');
    expect(t.root.children.map((c) => c.name)).toContain('cpus');
    expect(t.root.path('/cpus').children.some((c) => c.name.startsWith('PowerPC,POWER9@'))).toBe(true);
  });

  it('refuses malformed blobs with a clear error', () => {
    expect(() => parseFdt(new Uint8Array(8))).toThrow(/bad magic/);
    const b = buildFdt(sample());
    expect(() => parseFdt(b.subarray(0, b.length - 40))).toThrow(RangeError);
  });
});
