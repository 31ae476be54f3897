// The harness's state dump (see harness.S for the layout): decode it into
// named registers and describe the differences between two dumps.

export const STATE_SIZE = 1344;
export const SCRATCH_SIZE = 512;
export const DUMP_SIZE = STATE_SIZE + SCRATCH_SIZE;

export type Regs = Map<string, string>;

function hex(v: bigint, digits: number): string {
  return '0x' + v.toString(16).padStart(digits, '0');
}

/** Named register values of one dump (native byte order `le`). */
export function decodeDump(buf: Uint8Array, le: boolean): Regs {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const q = (o: number) => v.getBigUint64(o, le);
  const r: Regs = new Map();
  for (let i = 0; i < 32; i++) r.set(`r${i}`, hex(q(8 * i), 16));
  r.set('cr', hex(q(256), 8));
  r.set('xer', hex(q(264), 8));
  r.set('lr', hex(q(272), 16));
  r.set('ctr', hex(q(280), 16));
  r.set('fpscr', hex(q(288), 8));
  // stvx stores the VR in the native order: VSCR is word element 3.
  r.set('vscr', hex(BigInt(v.getUint32(le ? 304 : 316, le)), 8));
  for (let i = 0; i < 64; i++) {
    // stxvd2x stores doubleword 0 first, each doubleword in native order.
    const d0 = q(320 + 16 * i);
    const d1 = q(328 + 16 * i);
    r.set(`vs${i}`, `${hex(d0, 16)}_${hex(d1, 16).slice(2)}`);
  }
  for (let o = 0; o < SCRATCH_SIZE; o += 16) {
    r.set(`mem+${o.toString(16).padStart(3, '0')}`, Buffer.from(buf.subarray(STATE_SIZE + o, STATE_SIZE + o + 16)).toString('hex'));
  }
  return r;
}

/** Split a snippet's output into its dumps. */
export function splitDumps(out: Uint8Array): Uint8Array[] {
  const dumps: Uint8Array[] = [];
  for (let o = 0; o + DUMP_SIZE <= out.length; o += DUMP_SIZE) dumps.push(out.subarray(o, o + DUMP_SIZE));
  return dumps;
}

/** Human-readable differences, "dump N reg: expected X, got Y", empty when equal. */
export function diffOutputs(expected: Uint8Array, actual: Uint8Array, le: boolean): string[] {
  const diffs: string[] = [];
  const e = splitDumps(expected);
  const a = splitDumps(actual);
  if (e.length !== a.length || expected.length !== actual.length) diffs.push(`output length: expected ${expected.length} bytes (${e.length} dumps), got ${actual.length} (${a.length} dumps)`);
  for (let k = 0; k < Math.min(e.length, a.length); k++) {
    const re = decodeDump(e[k]!, le);
    const ra = decodeDump(a[k]!, le);
    for (const [name, ve] of re) if (ra.get(name) !== ve) diffs.push(`dump ${k} ${name}: expected ${ve}, got ${ra.get(name)}`);
  }
  return diffs;
}
