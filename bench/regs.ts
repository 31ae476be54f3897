// Which representation for 64-bit guest registers? Runs the same interpreter-
// shaped workload (a dispatch loop over decoded ops: 64-bit add, rotate-and-mask,
// compare into CR, address generation + memory load, store) with three register
// files, and prints ns per operation:
//   pairs   — two Int32Arrays (lo, hi), what tskvm uses
//   bigint  — BigUint64Array + BigInt.asUintN
//   float   — Float64Array holding values < 2^53 plus a BigInt slow path (a
//             tempting shortcut that is wrong for full 64-bit values; timed for reference)
// Usage: npm run bench:regs

const N_OPS = 4096;
const ROUNDS = 600;
const MEM = new DataView(new ArrayBuffer(1 << 16));

type Op = { kind: number; a: number; b: number; t: number; imm: number };

function makeProgram(): Op[] {
  let x = 12345;
  const rnd = (n: number) => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) % n;
  return Array.from({ length: N_OPS }, () => ({ kind: rnd(5), a: rnd(32), b: rnd(32), t: 1 + rnd(31), imm: rnd(64) }));
}

function benchPairs(prog: Op[]): number {
  const lo = new Int32Array(32);
  const hi = new Int32Array(32);
  for (let i = 0; i < 32; i++) {
    lo[i] = Math.imul(i, 0x9e3779b9);
    hi[i] = i * 7;
  }
  let cr = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < prog.length; k++) {
      const op = prog[k]!;
      switch (op.kind) {
        case 0: {
          // add
          const s = (lo[op.a]! >>> 0) + (lo[op.b]! >>> 0);
          hi[op.t] = (hi[op.a]! + hi[op.b]! + (s > 0xffffffff ? 1 : 0)) | 0;
          lo[op.t] = s | 0;
          break;
        }
        case 1: {
          // rotate left by imm, then clear the high 8 bits (rldicl-like)
          const n = op.imm & 63;
          let h = hi[op.a]!;
          let l = lo[op.a]!;
          if (n & 32) {
            const t = h;
            h = l;
            l = t;
          }
          const m = n & 31;
          if (m) {
            const nh = (h << m) | (l >>> (32 - m));
            l = (l << m) | (h >>> (32 - m));
            h = nh;
          }
          hi[op.t] = h & 0x00ffffff;
          lo[op.t] = l;
          break;
        }
        case 2: {
          // signed compare into CR0
          const ah = hi[op.a]!;
          const bh = hi[op.b]!;
          const c = ah !== bh ? (ah < bh ? 8 : 4) : lo[op.a]! >>> 0 < lo[op.b]! >>> 0 ? 8 : lo[op.a] === lo[op.b] ? 2 : 4;
          cr = (cr & 0x0fffffff) | (c << 28);
          break;
        }
        case 3: {
          // load: EA = (ra) + imm, bounded into the buffer
          const ea = ((lo[op.a]! >>> 0) + op.imm * 8) & 0xfff8;
          lo[op.t] = MEM.getInt32(ea, true);
          hi[op.t] = MEM.getInt32(ea + 4, true);
          break;
        }
        default: {
          const ea = ((lo[op.a]! >>> 0) + op.imm * 8) & 0xfff8;
          MEM.setInt32(ea, lo[op.b]!, true);
          MEM.setInt32(ea + 4, hi[op.b]!, true);
        }
      }
    }
  }
  return cr + lo[5]!;
}

function benchBigInt(prog: Op[]): number {
  const g = new BigUint64Array(32);
  for (let i = 0; i < 32; i++) g[i] = (BigInt(i * 7) << 32n) | BigInt(Math.imul(i, 0x9e3779b9) >>> 0);
  let cr = 0;
  const M = 0xffffffffffffffffn;
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < prog.length; k++) {
      const op = prog[k]!;
      switch (op.kind) {
        case 0:
          g[op.t] = BigInt.asUintN(64, g[op.a]! + g[op.b]!);
          break;
        case 1: {
          const n = BigInt(op.imm & 63);
          const v = g[op.a]!;
          g[op.t] = ((v << n) | (v >> ((64n - n) & 63n))) & M & 0x00ffffffffffffffn;
          break;
        }
        case 2: {
          const a = BigInt.asIntN(64, g[op.a]!);
          const b = BigInt.asIntN(64, g[op.b]!);
          const c = a < b ? 8 : a > b ? 4 : 2;
          cr = (cr & 0x0fffffff) | (c << 28);
          break;
        }
        case 3: {
          const ea = Number(BigInt.asUintN(32, g[op.a]! + BigInt(op.imm * 8))) & 0xfff8;
          g[op.t] = MEM.getBigUint64(ea, true);
          break;
        }
        default: {
          const ea = Number(BigInt.asUintN(32, g[op.a]! + BigInt(op.imm * 8))) & 0xfff8;
          MEM.setBigUint64(ea, g[op.b]!, true);
        }
      }
    }
  }
  return cr + Number(g[5]! & 0xffn);
}

function benchFloat(prog: Op[]): number {
  // Doubles are exact only below 2^53: values are reduced mod 2^53 here, which
  // is wrong for a real CPU; this measures the best case such a design could hope for.
  const g = new Float64Array(32);
  for (let i = 0; i < 32; i++) g[i] = i * 7 * 2 ** 32 + (Math.imul(i, 0x9e3779b9) >>> 0);
  let cr = 0;
  const P = 2 ** 53;
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < prog.length; k++) {
      const op = prog[k]!;
      switch (op.kind) {
        case 0:
          g[op.t] = (g[op.a]! + g[op.b]!) % P;
          break;
        case 1: {
          const n = op.imm & 31;
          g[op.t] = (g[op.a]! * 2 ** n) % 2 ** 48;
          break;
        }
        case 2: {
          const a = g[op.a]!;
          const b = g[op.b]!;
          cr = (cr & 0x0fffffff) | ((a < b ? 8 : a > b ? 4 : 2) << 28);
          break;
        }
        case 3: {
          const ea = ((g[op.a]! + op.imm * 8) % 65536) & 0xfff8;
          g[op.t] = (MEM.getUint32(ea + 4, true) & 0x1fffff) * 2 ** 32 + MEM.getUint32(ea, true);
          break;
        }
        default: {
          const ea = ((g[op.a]! + op.imm * 8) % 65536) & 0xfff8;
          const v = g[op.b]!;
          MEM.setUint32(ea, v % 2 ** 32, true);
          MEM.setUint32(ea + 4, Math.floor(v / 2 ** 32), true);
        }
      }
    }
  }
  return cr + g[5]!;
}

function time(name: string, fn: (p: Op[]) => number, prog: Op[]): number {
  fn(prog); // warm up
  const best: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    fn(prog);
    best.push(performance.now() - t0);
  }
  const ms = Math.min(...best);
  const ns = (ms * 1e6) / (N_OPS * ROUNDS);
  console.log(`${name.padEnd(7)} ${ns.toFixed(2).padStart(7)} ns/op`);
  return ns;
}

const prog = makeProgram();
console.log(`register representation: ${N_OPS * ROUNDS} interpreter-style ops each (best of 5), node ${process.version}`);
const p = time('pairs', benchPairs, prog);
const b = time('bigint', benchBigInt, prog);
const f = time('float', benchFloat, prog);
console.log(`bigint/pairs ${(b / p).toFixed(2)}x   float/pairs ${(f / p).toFixed(2)}x`);
