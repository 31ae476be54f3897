// Flattened device tree (the devicetree specification's DTB, version 17):
// the blob a VMM hands a kernel in r3. A tree is built as nodes with
// properties, then serialised: header, memory reservation block,
// structure block (FDT_BEGIN_NODE/PROP/END_NODE tokens), strings block.
// Everything big-endian; property values are bytes, with helpers for the
// usual encodings (u32 cells, u64 pairs, strings, string lists).

const FDT_MAGIC = 0xd00dfeed;
const FDT_BEGIN_NODE = 1;
const FDT_END_NODE = 2;
const FDT_PROP = 3;
const FDT_END = 9;
const FDT_VERSION = 17;
const FDT_LAST_COMP_VERSION = 16;
const HEADER_SIZE = 40;

export type PropValue = Uint8Array;

/** Property value encoders. */
export const prop = {
  empty: (): PropValue => new Uint8Array(0),
  u32: (...cells: number[]): PropValue => {
    const b = new Uint8Array(4 * cells.length);
    const dv = new DataView(b.buffer);
    cells.forEach((c, i) => dv.setUint32(4 * i, c >>> 0));
    return b;
  },
  u64: (...vals: Array<number | bigint>): PropValue => {
    const b = new Uint8Array(8 * vals.length);
    const dv = new DataView(b.buffer);
    vals.forEach((v, i) => dv.setBigUint64(8 * i, BigInt.asUintN(64, BigInt(v))));
    return b;
  },
  /** A NUL-terminated string. */
  str: (s: string): PropValue => new TextEncoder().encode(`${s}\0`),
  /** A list of NUL-terminated strings (e.g. compatible). */
  strs: (...ss: string[]): PropValue => new TextEncoder().encode(ss.map((s) => `${s}\0`).join('')),
  bytes: (...bs: number[]): PropValue => Uint8Array.from(bs),
};

export class FdtNode {
  readonly props = new Map<string, PropValue>();
  readonly children: FdtNode[] = [];

  constructor(readonly name: string) {
    if (name.includes('/') && name !== '') throw new RangeError(`node name "${name}" contains '/'`);
  }

  set(name: string, value: PropValue): this {
    this.props.set(name, value);
    return this;
  }

  /** The child called `name`, created if missing. */
  child(name: string): FdtNode {
    let c = this.children.find((n) => n.name === name);
    if (!c) this.children.push((c = new FdtNode(name)));
    return c;
  }

  /** The node at an absolute path ("/cpus/PowerPC,POWER9@0"), created as needed. */
  path(p: string): FdtNode {
    let n: FdtNode = this;
    for (const part of p.split('/').filter((x) => x !== '')) n = n.child(part);
    return n;
  }
}

export interface FdtOptions {
  /** Memory reservations (address, size) for the reservation block. */
  reserve?: Array<[number | bigint, number | bigint]>;
  /** boot_cpuid_phys in the header. */
  bootCpuid?: number;
}

/** Serialise a tree (its root has the empty name) to a DTB. */
export function buildFdt(root: FdtNode, opts: FdtOptions = {}): Uint8Array {
  const strings: number[] = [];
  const stringOff = new Map<string, number>();
  const enc = new TextEncoder();
  const nameOff = (s: string): number => {
    let o = stringOff.get(s);
    if (o === undefined) {
      o = strings.length;
      stringOff.set(s, o);
      for (const b of enc.encode(s)) strings.push(b);
      strings.push(0);
    }
    return o;
  };
  const st: number[] = [];
  const u32 = (x: number) => st.push((x >>> 24) & 0xff, (x >>> 16) & 0xff, (x >>> 8) & 0xff, x & 0xff);
  const pad = () => {
    while (st.length % 4) st.push(0);
  };
  const emit = (n: FdtNode) => {
    u32(FDT_BEGIN_NODE);
    for (const b of enc.encode(n.name)) st.push(b);
    st.push(0);
    pad();
    for (const [k, v] of n.props) {
      u32(FDT_PROP);
      u32(v.length);
      u32(nameOff(k));
      for (const b of v) st.push(b);
      pad();
    }
    for (const c of n.children) emit(c);
    u32(FDT_END_NODE);
  };
  emit(root);
  u32(FDT_END);

  const rsv = opts.reserve ?? [];
  const offRsv = HEADER_SIZE; // 8-aligned
  const rsvSize = 16 * (rsv.length + 1);
  const offStruct = offRsv + rsvSize;
  const offStrings = offStruct + st.length;
  const total = offStrings + strings.length;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, FDT_MAGIC);
  dv.setUint32(4, total);
  dv.setUint32(8, offStruct);
  dv.setUint32(12, offStrings);
  dv.setUint32(16, offRsv);
  dv.setUint32(20, FDT_VERSION);
  dv.setUint32(24, FDT_LAST_COMP_VERSION);
  dv.setUint32(28, opts.bootCpuid ?? 0);
  dv.setUint32(32, strings.length);
  dv.setUint32(36, st.length);
  rsv.forEach(([a, s], i) => {
    dv.setBigUint64(offRsv + 16 * i, BigInt(a));
    dv.setBigUint64(offRsv + 16 * i + 8, BigInt(s));
  });
  out.set(st, offStruct);
  out.set(strings, offStrings);
  return out;
}

/** Parse a DTB back into nodes (for tests and for comparing with QEMU's tree). */
export function parseFdt(blob: Uint8Array): { root: FdtNode; reserve: Array<[bigint, bigint]>; bootCpuid: number } {
  const dv = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.length < HEADER_SIZE || dv.getUint32(0) !== FDT_MAGIC) throw new RangeError('not a flattened device tree (bad magic)');
  const total = dv.getUint32(4);
  const offStruct = dv.getUint32(8);
  const offStrings = dv.getUint32(12);
  const offRsv = dv.getUint32(16);
  const sizeStruct = dv.getUint32(36);
  if (total > blob.length || offStruct + sizeStruct > total || offStrings > total) throw new RangeError('device tree blob truncated');
  const dec = new TextDecoder();
  const cstr = (at: number, limit: number): string => {
    let e = at;
    while (e < limit && blob[e] !== 0) e++;
    if (e >= limit) throw new RangeError('unterminated string in device tree');
    return dec.decode(blob.subarray(at, e));
  };
  const reserve: Array<[bigint, bigint]> = [];
  for (let o = offRsv; o + 16 <= total; o += 16) {
    const a = dv.getBigUint64(o);
    const s = dv.getBigUint64(o + 8);
    if (a === 0n && s === 0n) break;
    reserve.push([a, s]);
  }
  let p = offStruct;
  const end = offStruct + sizeStruct;
  const stack: FdtNode[] = [];
  let root: FdtNode | undefined;
  for (;;) {
    if (p + 4 > end) throw new RangeError('device tree structure block overruns');
    const tok = dv.getUint32(p);
    p += 4;
    if (tok === FDT_BEGIN_NODE) {
      const name = cstr(p, end);
      p = (p + new TextEncoder().encode(name).length + 1 + 3) & ~3;
      const n = new FdtNode(name.includes('/') ? name.replace(/\//g, '_') : name);
      if (stack.length) stack[stack.length - 1]!.children.push(n);
      else if (root) throw new RangeError('device tree has two roots');
      else root = n;
      stack.push(n);
    } else if (tok === FDT_PROP) {
      const len = dv.getUint32(p);
      const no = dv.getUint32(p + 4);
      p += 8;
      if (p + len > end || !stack.length) throw new RangeError('bad property in device tree');
      stack[stack.length - 1]!.props.set(cstr(offStrings + no, total), blob.slice(p, p + len));
      p = (p + len + 3) & ~3;
    } else if (tok === FDT_END_NODE) {
      if (!stack.pop()) throw new RangeError('unbalanced end of node in device tree');
    } else if (tok === 4) {
      // FDT_NOP
    } else if (tok === FDT_END) {
      break;
    } else throw new RangeError(`unknown device tree token ${tok}`);
  }
  if (!root || stack.length) throw new RangeError('device tree not closed');
  return { root, reserve, bootCpuid: dv.getUint32(28) };
}
