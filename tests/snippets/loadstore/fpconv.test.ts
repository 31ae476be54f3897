// loadstore-fpconv: single <-> double conversions of lfs/stfs against the host's
// IEEE conversions where those are exact (every non-NaN single widens exactly;
// every double that is exactly a single narrows exactly), and NaN payloads
// moved bit for bit.

import { describe, expect, it } from 'vitest';
import { dpToSp, spToDp, spToDpHi, spToDpLo } from '../../../src/cpu/ppc64/interp/loadstore-fpconv.js';

const dv = new DataView(new ArrayBuffer(8));

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

describe('loadstore-fpconv', () => {
  const next = rng(12345);
  const words: number[] = [0, 0x80000000, 1, 0x80000001, 0x007fffff, 0x00800000, 0x7f7fffff, 0x7f800000, 0xff800000, 0x3f800000];
  for (let k = 0; k < 20000; k++) words.push(next());
  for (let e = 0; e < 256; e++) words.push((e << 23) | (next() & 0x7fffff), 0x80000000 | (e << 23) | (next() & 0x7fff));

  it('spToDp widens exactly and keeps NaN payloads', () => {
    const out = new Uint32Array(2);
    for (const w of words) {
      spToDp(w, out, 0);
      expect(spToDpHi(w) >>> 0).toBe(out[0]);
      expect(spToDpLo(w) >>> 0).toBe(out[1]);
      const isNaN = ((w >>> 23) & 0xff) === 0xff && (w & 0x7fffff) !== 0;
      if (isNaN) {
        expect(out[0]).toBe(((w & 0x80000000) | 0x7ff00000 | ((w & 0x7fffff) >>> 3)) >>> 0);
        expect(out[1]).toBe(((w & 7) << 29) >>> 0);
      } else {
        dv.setUint32(0, w);
        dv.setFloat64(0, dv.getFloat32(0));
        expect([out[0], out[1]]).toEqual([dv.getUint32(0), dv.getUint32(4)]);
      }
    }
  });

  it('dpToSp inverts spToDp for every single (including SNaNs)', () => {
    const out = new Uint32Array(2);
    for (const w of words) {
      spToDp(w, out, 0);
      expect(dpToSp(out[0]!, out[1]!) >>> 0).toBe(w >>> 0);
    }
  });

  it('dpToSp truncates (no rounding) and denormalizes', () => {
    // 1 + 2^-52 truncates to 1.0f; the smallest single denormal; below range -> signed zero
    expect(dpToSp(0x3ff00000, 1) >>> 0).toBe(0x3f800000);
    expect(dpToSp(0x36a00000, 0) >>> 0).toBe(1);
    expect(dpToSp(0xb6a00000 | 0, 0) >>> 0).toBe(0x80000001);
    expect(dpToSp(0x36900000, 0) >>> 0).toBe(0);
    expect(dpToSp(0x80000000 | 0, 1) >>> 0).toBe(0x80000000);
  });
});
