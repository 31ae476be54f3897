// A small WebAssembly binary writer: just what the wasm tier emits
// (block-caller.ts): modules of one or many block functions importing the
// memory (a host memory, or the thread's register file) and the handler
// functions they call, and the trampoline importing the block table.
// Writing bytes directly costs a few microseconds per block; a toolkit like
// binaryen took 0.8–5.6 ms (shared/DESIGN-NOTES.md).

export const I32 = 0x7f;
export const I64 = 0x7e;

/** The opcodes the emitter uses (WebAssembly 1.0 core). */
export const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  call: 0x10,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  i32Load8U: 0x2d,
  i32Load16U: 0x2f,
  i32Store: 0x36,
  i32Store8: 0x3a,
  i32Store16: 0x3b,
  i32Const: 0x41,
  i64Const: 0x42,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32LtS: 0x48,
  i32LtU: 0x49,
  i32GtS: 0x4a,
  i32GtU: 0x4b,
  i32GeU: 0x4f,
  i32LeU: 0x4d,
  i64Eqz: 0x50,
  i64Eq: 0x51,
  i64LtS: 0x53,
  i64LtU: 0x54,
  i64GtS: 0x55,
  i64GtU: 0x56,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32And: 0x71,
  i32Or: 0x72,
  i32Xor: 0x73,
  i32Shl: 0x74,
  i32ShrS: 0x75,
  i32ShrU: 0x76,
  i64Add: 0x7c,
  i64Sub: 0x7d,
  i64Mul: 0x7e,
  i64And: 0x83,
  i64Or: 0x84,
  i64Xor: 0x85,
  i64Shl: 0x86,
  i64ShrS: 0x87,
  i64ShrU: 0x88,
  i64Rotl: 0x89,
  i32WrapI64: 0xa7,
  i64ExtendI32S: 0xac,
  i64ExtendI32U: 0xad,
} as const;

/** A growable byte buffer with the LEB128 encodings wasm uses. */
export class ByteWriter {
  private buf: Uint8Array<ArrayBuffer> = new Uint8Array(256);
  len = 0;

  byte(b: number): this {
    if (this.len === this.buf.length) {
      const n = new Uint8Array(this.buf.length * 2);
      n.set(this.buf);
      this.buf = n;
    }
    this.buf[this.len++] = b;
    return this;
  }

  bytes(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.byte(b[i]!);
    return this;
  }

  /** Unsigned LEB128 (u32). */
  u32(v: number): this {
    v >>>= 0;
    do {
      let b = v & 0x7f;
      v >>>= 7;
      if (v !== 0) b |= 0x80;
      this.byte(b);
    } while (v !== 0);
    return this;
  }

  /** Unsigned LEB128 (u32) padded to 5 bytes (valid wasm), so it can be rewritten in place: patchU32. */
  u32Padded(v: number): this {
    const at = this.len;
    for (let i = 0; i < 5; i++) this.byte(0);
    return this.patchU32(at, v);
  }

  /** Rewrite the padded u32 at byte offset `at` (written by u32Padded). */
  patchU32(at: number, v: number): this {
    v >>>= 0;
    for (let i = 0; i < 4; i++) {
      this.buf[at + i] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[at + 4] = v & 0x0f;
    return this;
  }

  /** Signed LEB128 of an int32. */
  s32(v: number): this {
    v |= 0;
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) return this.byte(b);
      this.byte(b | 0x80);
    }
  }

  /** Signed LEB128 of a 64-bit value given as (hi, lo) int32 halves. */
  s64(hi: number, lo: number): this {
    let v = (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0);
    for (;;) {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) return this.byte(b);
      this.byte(b | 0x80);
    }
  }

  name(s: string): this {
    this.u32(s.length);
    for (let i = 0; i < s.length; i++) this.byte(s.charCodeAt(i));
    return this;
  }

  /** Another writer's bytes. */
  append(w: ByteWriter): this {
    for (let i = 0; i < w.len; i++) this.byte(w.buf[i]!);
    return this;
  }

  /** A section or function entry: its byte length, then its bytes. */
  sized(w: ByteWriter): this {
    return this.u32(w.len).append(w);
  }

  finish(): Uint8Array<ArrayBuffer> {
    return this.buf.slice(0, this.len);
  }
}

/** Function body: locals and instructions, with helpers for the common immediates. */
export class FuncBody extends ByteWriter {
  op(o: number): this {
    return this.byte(o);
  }
  i32(v: number): this {
    return this.byte(OP.i32Const).s32(v);
  }
  i64(hi: number, lo: number): this {
    return this.byte(OP.i64Const).s64(hi, lo);
  }
  get(l: number): this {
    return this.byte(OP.localGet).u32(l);
  }
  set(l: number): this {
    return this.byte(OP.localSet).u32(l);
  }
  tee(l: number): this {
    return this.byte(OP.localTee).u32(l);
  }
  /** i32.load from the constant address `addr` (the register file sits at fixed addresses). */
  load32(addr: number): this {
    return this.i32(0).byte(OP.i32Load).u32(2).u32(addr);
  }
  /** The base of a store to a constant address: push this, then the value, then store32(addr). */
  base(): this {
    return this.i32(0);
  }
  store32(addr: number): this {
    return this.byte(OP.i32Store).u32(2).u32(addr);
  }
  /** A load or store whose address is on the stack, plus a constant offset (align: log2, as a hint). */
  mem(op: number, offset: number, align = 0): this {
    return this.byte(op).u32(align).u32(offset);
  }
  call(f: number): this {
    return this.byte(OP.call).u32(f);
  }
  /** memory.fill (bulk memory): dest, value, length on the stack. */
  memoryFill(): this {
    return this.byte(0xfc).u32(11).byte(0);
  }
  /**
   * Where the body calls imports, and which: each call's function index is
   * the import's number in the module it is compiled into, patched in
   * (block-caller.ts), so a module imports only what its bodies call.
   */
  readonly imports: Array<{ at: number; id: number }> = [];
  /** A call of import `id` (an id of the caller's own, resolved when the module is built). */
  callImport(id: number): this {
    this.byte(OP.call);
    this.imports.push({ at: this.len, id });
    return this.u32Padded(0);
  }
}

/** A function the module defines: its type, locals (count, type) runs, and body (ending in `end`). */
export interface FuncSpec {
  readonly type: number;
  readonly locals: ReadonlyArray<readonly [number, number]>;
  readonly body: FuncBody;
}

export interface ModuleSpec {
  /** Function types: [params, results]. */
  readonly types: ReadonlyArray<readonly [readonly number[], readonly number[]]>;
  /** Imported functions ("h", name) by type index; imported first, so function i is import i. */
  readonly imports: ReadonlyArray<{ readonly name: string; readonly type: number }>;
  /** The defined functions, exported as "f0", "f1", … ("f" too for the first). */
  readonly funcs: readonly FuncSpec[];
  /** Pages of the imported memory "e"."m" (none: no memory). */
  readonly memoryPages?: number;
  /** Import the function table "e"."t" (the block trampoline). */
  readonly table?: boolean;
}

/** A module importing memory "e"."m" and/or table "e"."t" and functions "h".*, exporting its functions. */
export function moduleBytes(m: ModuleSpec): Uint8Array<ArrayBuffer> {
  const out = new ByteWriter().bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  const types = new ByteWriter().u32(m.types.length);
  for (const [p, r] of m.types) types.byte(0x60).u32(p.length).bytes(p).u32(r.length).bytes(r);
  out.byte(1).sized(types);
  const imports = new ByteWriter().u32(m.imports.length + (m.memoryPages !== undefined ? 1 : 0) + (m.table ? 1 : 0));
  if (m.memoryPages !== undefined) imports.name('e').name('m').byte(0x02).byte(0x00).u32(m.memoryPages);
  if (m.table) imports.name('e').name('t').byte(0x01).byte(0x70).byte(0x00).u32(0);
  for (const i of m.imports) imports.name('h').name(i.name).byte(0x00).u32(i.type);
  out.byte(2).sized(imports);
  const funcs = new ByteWriter().u32(m.funcs.length);
  for (const f of m.funcs) funcs.u32(f.type);
  out.byte(3).sized(funcs);
  const exports = new ByteWriter().u32(m.funcs.length + 1);
  exports.name('f').byte(0x00).u32(m.imports.length);
  m.funcs.forEach((_, i) => exports.name(`f${i}`).byte(0x00).u32(m.imports.length + i));
  out.byte(7).sized(exports);
  const code = new ByteWriter().u32(m.funcs.length);
  for (const f of m.funcs) {
    const fn = new ByteWriter().u32(f.locals.length);
    for (const [n, t] of f.locals) fn.u32(n).byte(t);
    fn.append(f.body);
    code.sized(fn);
  }
  out.byte(10).sized(code);
  return out.finish();
}
