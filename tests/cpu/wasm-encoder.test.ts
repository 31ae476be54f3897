// The wasm tier's byte writer (src/cpu/ppc64/wasm/encoder.ts) against the
// LEB128 encodings of the WebAssembly spec (binary format, "Integers") and
// the DWARF examples it shares, and a module it writes run by the host's
// WebAssembly engine.

import { describe, expect, it } from 'vitest';
import { ByteWriter, FuncBody, I32, I64, moduleBytes, OP } from '../../src/cpu/ppc64/wasm/encoder.js';

const hex = (w: ByteWriter) => Array.from(w.finish(), (b) => b.toString(16).padStart(2, '0')).join(' ');

describe('wasm encoder', () => {
  it('writes unsigned LEB128 (u32)', () => {
    expect(hex(new ByteWriter().u32(0))).toBe('00');
    expect(hex(new ByteWriter().u32(127))).toBe('7f');
    expect(hex(new ByteWriter().u32(128))).toBe('80 01');
    expect(hex(new ByteWriter().u32(624485))).toBe('e5 8e 26');
    expect(hex(new ByteWriter().u32(0xffffffff))).toBe('ff ff ff ff 0f');
  });
  it('writes signed LEB128 (s32, s64)', () => {
    expect(hex(new ByteWriter().s32(63))).toBe('3f');
    expect(hex(new ByteWriter().s32(64))).toBe('c0 00');
    expect(hex(new ByteWriter().s32(-64))).toBe('40');
    expect(hex(new ByteWriter().s32(-65))).toBe('bf 7f');
    expect(hex(new ByteWriter().s32(-123456))).toBe('c0 bb 78');
    expect(hex(new ByteWriter().s32(-0x80000000))).toBe('80 80 80 80 78');
    expect(hex(new ByteWriter().s64(-1, -1))).toBe('7f');
    expect(hex(new ByteWriter().s64(0, -1))).toBe('ff ff ff ff 0f');
    expect(hex(new ByteWriter().s64(-0x80000000, 0))).toBe('80 80 80 80 80 80 80 80 80 7f');
    expect(hex(new ByteWriter().s64(0x7fffffff, -1))).toBe('ff ff ff ff ff ff ff ff ff 00');
  });
  it('writes a module the engine validates and runs (i64 arithmetic on the imported memory)', () => {
    // f(x) = store (mem[0] as i64) rotl 8, masked, at 8; return x + 1
    const b = new FuncBody();
    b.base();
    b.load32(0).op(OP.i64ExtendI32U).load32(4).op(OP.i64ExtendI32U).i64(0, 32).op(OP.i64Shl).op(OP.i64Or);
    b.i64(0, 8).op(OP.i64Rotl).i64(0x00ffffff, -256).op(OP.i64And).set(1);
    b.get(1).op(OP.i32WrapI64).store32(8);
    b.base().get(1).i64(0, 32).op(OP.i64ShrU).op(OP.i32WrapI64).store32(12);
    b.get(0).i32(1).op(OP.i32Add).op(OP.end);
    const bytes = moduleBytes({ types: [[[I32], [I32]]], imports: [], funcs: [{ type: 0, locals: [[1, I64]], body: b }], memoryPages: 1 });
    expect(WebAssembly.validate(bytes)).toBe(true);
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
    const m = new Int32Array(memory.buffer);
    m[0] = 0x89abcdef | 0; // lo
    m[1] = 0x01234567; // hi
    const f = new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { m: memory } }).exports.f as (x: number) => number;
    expect(f(41)).toBe(42);
    // 0x0123456789abcdef rotl 8 = 0x23456789abcdef01, & 0x00ffffffffffff00
    expect((m[3]! >>> 0).toString(16)).toBe('456789');
    expect((m[2]! >>> 0).toString(16)).toBe('abcdef00');
  });
});
