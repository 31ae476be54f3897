// Regenerate tests/golden/disasm/table.txt: for every row of the instruction
// table, a few encodings with varied operand values, disassembled by GNU
// objdump. tests/disasm/table.test.ts checks tskvm's disassembler against it.
//
//   node --import tsx scripts/gen-disasm-golden.ts        (npm run golden:disasm)

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INSNS } from '../src/isa/ppc64/table/index.js';
import { FIELDS, encodeField, fieldWidth, type FieldName } from '../src/isa/ppc64/fields.js';
import { operandFields, rcBitOf, type Insn } from '../src/isa/ppc64/spec.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const GOLDEN = join(ROOT, 'tests/golden/disasm/table.txt');
const OBJDUMP = 'powerpc64le-linux-gnu-objdump';
const BASE = 0x10000000;
const OBJDUMP_ARGS = ['-D', '-z', '-b', 'binary', '-m', 'powerpc:common64', '-EL', `--adjust-vma=0x${BASE.toString(16)}`];
const PER_ROW = 6;

/** xorshift32: deterministic, so regenerating only changes what the table changed. */
function rng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

function hashStr(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** BO values the ISA (v2+) defines; others are reserved and objdump rejects them. */
const VALID_BO = [0, 2, 4, 5, 6, 7, 8, 10, 12, 13, 14, 15, 16, 18, 20, 24, 25, 26, 27];
const PAIR = new Set(['RTp', 'RSp', 'FRTp', 'FRSp']);
const REGISH = new Set(['RT', 'RS', 'RA', 'RB', 'RC', 'FRT', 'FRS', 'FRA', 'FRB', 'FRC', 'VRT', 'VRS', 'VRA', 'VRB', 'VRC', 'XT', 'XS', 'XA', 'XB', 'XC', 'BT', 'BA', 'BB']);

/** Put raw (unscaled, unsigned) field bits `raw` into `w`. */
function put(w: number, f: FieldName, raw: number): number {
  const d = FIELDS[f] as { scale?: number };
  return (w | encodeField(f, raw * 2 ** (d.scale ?? 0))) >>> 0;
}

/** Encodings for one row: all-zero operands, all-equal registers, then random ones. */
export function instances(r: Insn, n = PER_ROW): number[] {
  const rand = rng(hashStr(r.mnem));
  const fields = [...new Set(operandFields(r.ops))];
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    let w = r.match;
    const same = 1 + (rand() % 30);
    for (const f of fields) {
      if (!(f in FIELDS)) continue;
      const width = fieldWidth(f);
      let v = width >= 32 ? rand() : rand() % 2 ** width;
      if (k === 0) v = 0;
      else if (k === 1 && REGISH.has(f)) v = same % 2 ** width;
      if (f === 'BO') v = VALID_BO[rand() % VALID_BO.length]!;
      if (PAIR.has(f)) v &= ~1;
      w = put(w, f, v);
    }
    if (r.rc && k % 2 === 1) w = (w | (1 << (31 - rcBitOf(r.form)))) >>> 0;
    if (r.oe && k >= 2 && rand() % 2) w = (w | (1 << 10)) >>> 0;
    w = (w & ~r.mask) >>> 0 | r.match;
    out.push(w >>> 0);
  }
  return [...new Set(out)];
}

/** Old POWER (not PowerPC) names objdump's default mode falls back to for invalid forms; kept as is. */
const POWER_NAMES = /^(lu|lux|stu|stux|lm|lsx|lsi|psq_l|bsolr|bsoctr)\b/;

function disassembleWith(args: string[]): Map<number, string> {
  const out = execFileSync(OBJDUMP, args, { maxBuffer: 1 << 28 }).toString();
  const texts = new Map<number, string>();
  for (const l of out.split('\n')) {
    const m = /^\s*([0-9a-f]+):\t(?:[0-9a-f]{2} ){4}\t(.*)$/.exec(l);
    if (m) texts.set(parseInt(m[1]!, 16), m[2]!);
  }
  return texts;
}

function main(): void {
  const entries: Array<{ mnem: string; word: number }> = [];
  for (const r of INSNS) for (const w of instances(r)) entries.push({ mnem: r.mnem, word: w });
  const dir = mkdtempSync(join(tmpdir(), 'disasm-golden-'));
  try {
    const bin = Buffer.alloc(entries.length * 4);
    entries.forEach((e, i) => bin.writeUInt32LE(e.word, i * 4));
    const file = join(dir, 'words.bin');
    writeFileSync(file, bin);
    const texts = disassembleWith([...OBJDUMP_ARGS, file]);
    // POWER10 words that objdump's default mode knows (e.g. wchkall) are data to a POWER9.
    const p9 = disassembleWith(['-M', 'power9', ...OBJDUMP_ARGS, file]);
    const version = execFileSync(OBJDUMP, ['--version']).toString().split('\n')[0]!;
    const lines = [
      '# Disassembly golden for every instruction-table row (src/isa/ppc64/table/index.ts INSNS).',
      '# Produced by scripts/gen-disasm-golden.ts (npm run golden:disasm): each row is encoded a few times',
      '# (operands all 0, registers all equal, then random; Rc/OE varied), the words are written',
      `# little-endian to a raw file at 0x${BASE.toString(16)} and disassembled with`,
      `#   ${OBJDUMP} ${OBJDUMP_ARGS.join(' ')} words.bin`,
      `# (${version}). Columns: row mnemonic, address, word, objdump's text, and where the word is`,
      `# not POWER9 (objdump -M power9 prints .long, the default mode a newer instruction) that .long.`,
    ];
    entries.forEach((e, i) => {
      const addr = BASE + 4 * i;
      const t = texts.get(addr);
      if (t === undefined) throw new Error(`objdump printed nothing at ${addr.toString(16)}`);
      const t9 = p9.get(addr);
      const alt = t9 !== undefined && t9 !== t && t9.startsWith('.long') && !t.startsWith('.long') && !POWER_NAMES.test(t) ? `\t${t9}` : '';
      lines.push(`${e.mnem}\t${addr.toString(16)}\t${e.word.toString(16).padStart(8, '0')}\t${t}${alt}`);
    });
    mkdirSync(dirname(GOLDEN), { recursive: true });
    writeFileSync(GOLDEN, lines.join('\n') + '\n');
    console.log(`${GOLDEN}: ${entries.length} encodings of ${INSNS.length} rows`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
