/* Radix trees in guest real memory (radix-tree.h). */
#include "lib.h"
#include "radix-tree.h"

static unsigned long pool;

void rtree_pool(unsigned long base) {
  pool = base;
}

unsigned long *rtree_alloc(unsigned long bytes) {
  pool = (pool + bytes - 1) & ~(bytes - 1);
  unsigned long *t = (unsigned long *)pool;
  pool += bytes;
  memset(t, 0, bytes);
  return t;
}

unsigned long *rtree_map(unsigned long *root, unsigned long ea, unsigned long ra, int shift, unsigned long bits) {
  static const int nbits[4] = {13, 9, 9, 9};
  unsigned long *table = root;
  int size = 52;
  ea &= 0x3fffffffffffffffUL;
  for (int level = 0;; level++) {
    int nls = level == 3 && shift == 16 ? 5 : nbits[level];
    size -= nls;
    unsigned long *e = &table[(ea >> size) & ((1UL << nls) - 1)];
    if (size == shift) {
      *e = be64(R_V | R_L | (ra & ~((1UL << shift) - 1)) | bits);
      return e;
    }
    if (!(be64(*e) & R_V)) {
      int next = level + 1 == 3 && shift == 16 ? 5 : 9;
      *e = be64(R_V | (unsigned long)rtree_alloc(8UL << next) | (unsigned long)next);
    }
    table = (unsigned long *)(be64(*e) & 0x0fffffffffffff00UL);
  }
}
