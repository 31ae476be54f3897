// A fixed-seed 64-bit random source for the fuzz tests (xorshift64*): the
// same sequence on every run for the same seed.

export function rng(seed: bigint): () => bigint {
  let x = seed;
  return () => {
    x ^= x >> 12n;
    x ^= (x << 25n) & 0xffffffffffffffffn;
    x ^= x >> 27n;
    return (x * 0x2545f4914f6cdd1dn) & 0xffffffffffffffffn;
  };
}
