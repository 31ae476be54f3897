/*
 * H_LOGICAL_CI_LOAD / H_LOGICAL_CI_STORE: cache-inhibited accesses to
 * guest real addresses through the hypervisor (what firmware and early
 * kernels use for device registers): each size, a bad size, RAM written
 * and read back big-endian, and an address no memory backs.
 */
#include "lib.h"

#define H_LOGICAL_CI_LOAD 0x3c
#define H_LOGICAL_CI_STORE 0x40

static unsigned char buf[16] __attribute__((aligned(16))) = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00};

static void load(unsigned long size, unsigned long addr, const char *what) {
  unsigned long ret[9] = {0};
  long rc = hcall(H_LOGICAL_CI_LOAD, ret, size, addr, 0, 0, 0, 0);
  printf("load %lu from %s: rc %ld value %lx\n", size, what, rc, rc ? 0 : ret[0]);
}

int main(void) {
  printf("logical-ci (%s guest)\n", GUEST_ENDIAN);
  unsigned long a = (unsigned long)buf;
  for (unsigned long s = 1; s <= 8; s *= 2) load(s, a + 8 - s, "RAM");
  load(3, a, "RAM (size 3)");
  load(8, 1UL << 40, "1 TiB (nothing there)");
  printf("store 4: rc %ld\n", hcall(H_LOGICAL_CI_STORE, 0, 4, a + 4, 0xdeadbeef, 0, 0, 0));
  printf("store 2: rc %ld\n", hcall(H_LOGICAL_CI_STORE, 0, 2, a + 12, 0x1234abcd, 0, 0, 0));
  printf("store 16: rc %ld\n", hcall(H_LOGICAL_CI_STORE, 0, 16, a, 0, 0, 0, 0));
  printf("store to 1 TiB: rc %ld\n", hcall(H_LOGICAL_CI_STORE, 0, 8, 1UL << 40, 1, 0, 0, 0));
  printf("buf now:");
  for (int i = 0; i < 16; i++) printf(" %02x", buf[i]);
  printf("\n");
  load(8, a + 8, "RAM after the stores");
  return 0;
}
