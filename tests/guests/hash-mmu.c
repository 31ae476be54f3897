/*
 * The hash MMU of an HPT partition, driven the way a pseries kernel drives
 * it: SLB entries with slbmte, page table entries through H_ENTER, H_READ,
 * H_PROTECT, H_REMOVE and H_BULK_REMOVE, and translated loads, stores and
 * instruction fetches checking the result: 4K, 64K and 64K-in-4K pages,
 * 256M and 1T segments, the secondary hash, R and C, PP with the segment
 * keys, storage keys (AMR), N, segment interrupts, and a code page written
 * through its real address (no icbi) running the new code.
 *
 * Every number printed is deterministic, and the same under QEMU's pseries
 * (an HPT of 1/128 of the 256 MiB of RAM: 2^21 bytes, 16384 groups) as
 * under tskvm's hypervisor.
 */
#include "expect.h"

void trap(unsigned long vec, struct frame *f) {
  expect_trap(vec, f, 0);
}


#define HPT_GROUPS 16384UL
#define RA 0x1000000UL        /* 16 MiB: test pages, well past the image */
#define SEG1 0x10000000UL     /* ESID 1: 4K base pages, VSID 0x123 */
#define SEG2 0x20000000UL     /* ESID 2: 64K base pages, VSID 0x234 */
#define SEG1T (1UL << 40)     /* a 1 TiB segment (ESID 1), 4K pages, VSID 0x345 */
#define VSID1 0x123UL
#define VSID2 0x234UL
#define VSID3 0x345UL
#define SLB_KS 0x800UL
#define SLB_KP 0x400UL
#define SLB_L 0x100UL
#define SLB_LP01 0x10UL
#define SLB_1T (1UL << 62)
#define PTE_M 0x10UL
#define PTE_N 0x4UL

static void slbmte(int index, unsigned long ea_esid, unsigned long vsid_word) {
  unsigned long rb = ea_esid | 0x8000000UL | (unsigned long)index;
  __asm__ volatile("slbmte %0,%1; isync" : : "r"(vsid_word), "r"(rb) : "memory");
}

/* 256M segment, 4K base: the primary group's first entry and the first doubleword. */
static unsigned long ptex4k(unsigned long vsid, unsigned long ea) {
  return ((vsid ^ ((ea & 0x0fffffffUL) >> 12)) & (HPT_GROUPS - 1)) * 8;
}
static unsigned long v256(unsigned long vsid, unsigned long ea) {
  return vsid << 12 | ((ea & 0x0fffffffUL) >> 23) << 7 | 1;
}

static long enter(unsigned long flags, unsigned long ptex, unsigned long v, unsigned long r, unsigned long *slot) {
  unsigned long ret[9];
  long rc = hcall(H_ENTER, ret, flags, ptex, v, r, 0, 0);
  if (slot) *slot = rc ? 0 : ret[0];
  return rc;
}

static void show_read(const char *what, unsigned long ptex) {
  unsigned long ret[9];
  long rc = hcall(H_READ, ret, 0, ptex, 0, 0, 0, 0);
  printf("  H_READ %s: rc=%ld v=%016lx r=%016lx\n", what, rc, ret[0], ret[1]);
}

static void basic_4k(void) {
  unsigned long *pa = (unsigned long *)RA;
  pa[0] = 0x1111222233334444UL;
  pa[1] = 0x5555666677778888UL;
  unsigned long slot;
  long rc = enter(0, ptex4k(VSID1, SEG1), v256(VSID1, SEG1), RA | PTE_M | 2, &slot);
  printf("H_ENTER 4K page SEG1 -> RA: rc=%ld slot=%lu (group %lu)\n", rc, slot, slot / 8);
  show_read("after H_ENTER", slot);
  load("ld SEG1+8", SEG1 + 8);
  show_read("after a load (R set)", slot);
  store("std SEG1+0", SEG1, 0xabcdef0123456789UL);
  printf("  RA now holds %016lx\n", pa[0]);
  show_read("after a store (C set)", slot);

  /* PP=0b11: read-only for key 0. */
  printf("H_PROTECT pp=3: %ld\n", hcall(H_PROTECT, 0, 3, slot, 0, 0, 0, 0));
  store("std to a read-only page", SEG1 + 16, 1);
  load("ld from the read-only page", SEG1 + 8);
  printf("H_PROTECT with a wrong AVPN: %ld\n", hcall(H_PROTECT, 0, H_AVPN | 2, slot, 0x7777UL << 7, 0, 0, 0));
  printf("H_PROTECT pp=2 with the right AVPN: %ld\n", hcall(H_PROTECT, 0, H_AVPN | 2, slot, v256(VSID1, SEG1) & ~0x7fUL, 0, 0, 0));
  store("std after pp=2", SEG1 + 16, 2);

  unsigned long ret[9];
  rc = hcall(H_REMOVE, ret, H_AVPN, slot, 0x7777UL << 7, 0, 0, 0);
  printf("H_REMOVE with a wrong AVPN: %ld\n", rc);
  rc = hcall(H_REMOVE, ret, H_ANDCOND, slot, 1, 0, 0, 0);
  printf("H_REMOVE ANDCOND valid-bit: %ld\n", rc);
  rc = hcall(H_REMOVE, ret, 0, slot, 0, 0, 0, 0);
  printf("H_REMOVE: rc=%ld old v=%016lx r=%016lx\n", rc, ret[0], ret[1]);
  load("ld SEG1+8 after H_REMOVE", SEG1 + 8);
  store("std SEG1+8 after H_REMOVE", SEG1 + 8, 3);
  show_read("removed entry", slot);
  printf("H_REMOVE again: %ld\n", hcall(H_REMOVE, ret, 0, slot, 0, 0, 0, 0));
}

static void bad_enters(void) {
  unsigned long v = v256(VSID1, SEG1 + 0x3000);
  unsigned long g = ptex4k(VSID1, SEG1 + 0x3000);
  printf("H_ENTER large page with a bad size encoding: %ld\n", enter(0, g, v | 4, RA | 0xf000 | PTE_M | 2, 0));
  printf("H_ENTER 16M page (above the 64K maximum): %ld\n", enter(0, g, v | 4, RA | 0x38000 | PTE_M | 2, 0));
  printf("H_ENTER ptex past the table: %ld\n", enter(0, HPT_GROUPS * 8, v, RA | PTE_M | 2, 0));
  printf("H_READ ptex past the table: %ld\n", hcall(H_READ, 0, 0, HPT_GROUPS * 8, 0, 0, 0, 0));
  printf("H_REMOVE ptex past the table: %ld\n", hcall(H_REMOVE, 0, 0, ~0UL, 0, 0, 0, 0));
  unsigned long slots[9];
  long rc = 0;
  int n = 0;
  /* Fill one group: eight entries, then the ninth finds it full. */
  for (; n < 9; n++) {
    rc = enter(0, g + 3, v256(VSID1, SEG1 + 0x100000UL * (unsigned long)n), (RA + 0x1000 * (unsigned long)n) | PTE_M | 2, &slots[n]);
    if (rc) break;
  }
  printf("H_ENTER into one group: %d entries, then %ld; slots %lu..%lu\n", n, rc, slots[0] - g, slots[n - 1] - g);
  printf("H_ENTER H_EXACT on a used slot: %ld\n", enter(H_EXACT, g + 5, v, RA | PTE_M | 2, 0));
  unsigned long ret[9];
  hcall(H_READ, ret, H_READ_4, g + 6, 0, 0, 0, 0);
  printf("H_READ_4 at group+6 reads group+4..7: v %016lx %016lx %016lx %016lx\n", ret[0], ret[2], ret[4], ret[6]);

  /* H_BULK_REMOVE: absolute, AVPN (wrong), ANDCOND (passes), end. */
  unsigned long a[9] = {
      (1UL << 62) | (g + 0), 0,
      (1UL << 62) | (2UL << 56) | (g + 1), 0x5555UL << 7,
      (1UL << 62) | (1UL << 56) | (g + 2), 0x2,
      (3UL << 62), 0, 0};
  rc = hcall9(H_BULK_REMOVE, ret, a);
  printf("H_BULK_REMOVE: rc=%ld responses %016lx %016lx %016lx\n", rc, ret[0] - g, ret[2] - g, ret[4] - g);
  /* A request of an unknown type stops the batch. */
  unsigned long b[9] = {(1UL << 62) | (g + 3), 0, (0UL << 62) | (g + 4), 0, (1UL << 62) | (g + 5), 0, 3UL << 62, 0, 0};
  rc = hcall9(H_BULK_REMOVE, ret, b);
  printf("H_BULK_REMOVE with a bad type: rc=%ld first response %016lx\n", rc, ret[0] - g);
  for (int i = 0; i < 8; i++) hcall(H_REMOVE, 0, 0, g + (unsigned long)i, 0, 0, 0, 0);
  hcall(H_READ, ret, H_READ_4, g, 0, 0, 0, 0);
  printf("group after removing everything: v %016lx %016lx %016lx %016lx\n", ret[0], ret[2], ret[4], ret[6]);
}

static void page_sizes(void) {
  unsigned long *pa = (unsigned long *)(RA + 0x10000);
  pa[0x1230 / 8] = 0x6464646464646464UL;
  /* 64K page in the 4K segment: L=1, LP=0b0111 in RPN bits 48:51. */
  unsigned long ea = SEG1 + 0x100000;
  unsigned long slot;
  long rc = enter(0, ptex4k(VSID1, ea), v256(VSID1, ea) | 4, (RA + 0x10000) | 0x7000 | PTE_M | 2, &slot);
  printf("H_ENTER 64K page in a 4K segment: rc=%ld slot=%lu\n", rc, slot);
  load("ld via the 64K-in-4K page", ea + 0x1230);
  hcall(H_REMOVE, 0, 0, slot, 0, 0, 0, 0);

  /* 64K segment (L=1, LP=01), 64K page (LP=0b0001). */
  slbmte(2, SEG2, VSID2 << 12 | SLB_L | SLB_LP01);
  ea = SEG2 + 0x30000;
  unsigned long ptex = ((VSID2 ^ ((ea & 0x0fffffffUL) >> 16)) & (HPT_GROUPS - 1)) * 8;
  rc = enter(0, ptex, v256(VSID2, ea) | 4, (RA + 0x10000) | 0x1000 | PTE_M | 2, &slot);
  printf("H_ENTER 64K page in a 64K segment: rc=%ld slot=%lu\n", rc, slot);
  load("ld via the 64K page", ea + 0x1230);
  hcall(H_REMOVE, 0, 0, slot, 0, 0, 0, 0);

  /* Secondary hash: the entry sits in the ~hash group, with H set. */
  ea = SEG1 + 0x7000;
  unsigned long sec = ((~(VSID1 ^ ((ea & 0x0fffffffUL) >> 12))) & (HPT_GROUPS - 1)) * 8;
  ((unsigned long *)(RA + 0x7000))[0] = 0x5ec0ddada5ec0dd5UL;
  rc = enter(0, sec, v256(VSID1, ea) | 2, (RA + 0x7000) | PTE_M | 2, &slot);
  printf("H_ENTER in the secondary group: rc=%ld slot=%lu\n", rc, slot);
  load("ld via the secondary-hash entry", ea);
  hcall(H_REMOVE, 0, 0, slot, 0, 0, 0, 0);

  /* 1T segment: VSID in bits 2:39, hash vsid ^ vsid << 25 ^ page. */
  slbmte(3, SEG1T, SLB_1T | VSID3 << 24);
  ea = SEG1T + 0x2345000UL;
  unsigned long h = VSID3 ^ (VSID3 << 25) ^ ((ea & ((1UL << 40) - 1)) >> 12);
  unsigned long v = SLB_1T | VSID3 << 24 | ((ea & ((1UL << 40) - 1)) >> 23) << 7 | 1;
  ((unsigned long *)(RA + 0x8000))[1] = 0x0000001700000001UL;
  rc = enter(0, (h & (HPT_GROUPS - 1)) * 8, v, (RA + 0x8000) | PTE_M | 2, &slot);
  printf("H_ENTER in a 1T segment: rc=%ld slot=%lu\n", rc, slot);
  load("ld via the 1T segment", ea + 8);
  hcall(H_REMOVE, 0, 0, slot, 0, 0, 0, 0);
}

static void segments(void) {
  load("ld with no SLB entry (0x30000000)", 0x30000000UL);
  store("std with no SLB entry (0x30000008)", 0x30000008UL, 0);
  unsigned long e, vw, f;
  __asm__ volatile("slbmfee %0,%1" : "=r"(e) : "r"(1UL));
  __asm__ volatile("slbmfev %0,%1" : "=r"(vw) : "r"(1UL));
  printf("slbmfee 1 = %016lx, slbmfev 1 = %016lx\n", e, vw);
  unsigned long cr;
  __asm__ volatile("slbfee. %0,%2; mfcr %1" : "=r"(f), "=r"(cr) : "r"(SEG1 + 0x1234) : "cr0");
  printf("slbfee. SEG1+0x1234 = %016lx, cr0 = %lx\n", f, cr >> 28);
  __asm__ volatile("slbfee. %0,%2; mfcr %1" : "=r"(f), "=r"(cr) : "r"(0x50000000UL) : "cr0");
  printf("slbfee. 0x50000000 = %016lx, cr0 = %lx\n", f, cr >> 28);
  __asm__ volatile("slbie %0; isync" : : "r"(SEG1) : "memory");
  load("ld SEG1 after slbie", SEG1 + 0x20);
  __asm__ volatile("slbfee. %0,%2; mfcr %1" : "=r"(f), "=r"(cr) : "r"(SEG1) : "cr0");
  printf("slbfee. SEG1 after slbie = %016lx, cr0 = %lx\n", f, cr >> 28);
  slbmte(1, SEG1, VSID1 << 12);
}

/* PP with the segment's key (Ks here, in supervisor state), then a storage key through AMR. */
static void protection(void) {
  unsigned long ea = SEG1 + 0x9000, slot;
  ((unsigned long *)(RA + 0x9000))[0] = 0x9999000099990000UL;
  enter(0, ptex4k(VSID1, ea), v256(VSID1, ea), (RA + 0x9000) | PTE_M | 0, &slot);
  slbmte(1, SEG1, VSID1 << 12 | SLB_KS);
  for (unsigned long pp = 0; pp < 4; pp++) {
    hcall(H_PROTECT, 0, pp, slot, 0, 0, 0, 0);
    printf("Ks=1 pp=%lu:\n", pp);
    load("  ld", ea);
    store("  std", ea + 8, pp);
  }
  /* pp0||pp = 0b110: read-only for both keys. */
  hcall(H_PROTECT, 0, 0x100 | 2, slot, 0, 0, 0, 0);
  printf("Ks=1 pp0=1 pp=2:\n");
  load("  ld", ea);
  store("  std", ea + 8, 6);
  slbmte(1, SEG1, VSID1 << 12);
  /* Storage key 5 (key_lo=0b101), pp=2; AMR bits of key 5 are 2*(31-5). */
  hcall(H_PROTECT, 0, (5UL << 9) | 2, slot, 0, 0, 0, 0);
  mtspr(SPR_AMR, 2UL << (2 * (31 - 5)));
  printf("key 5, AMR denies stores:\n");
  load("  ld", ea);
  store("  std", ea + 8, 7);
  /* A page not touched yet: QEMU keeps permissions it cached for a page
   * across an AMR change (hardware applies AMR to every access; so does tskvm). */
  unsigned long ea2 = SEG1 + 0xb000, slot2;
  enter(0, ptex4k(VSID1, ea2), v256(VSID1, ea2), (RA + 0xb000) | (5UL << 9) | PTE_M | 2, &slot2);
  mtspr(SPR_AMR, 1UL << (2 * (31 - 5)));
  printf("key 5, AMR denies loads:\n");
  load("  ld", ea2);
  store("  std", ea2 + 8, 8);
  mtspr(SPR_AMR, 0);
  load("key 5, AMR 0: ld", ea2 + 8);
  hcall(H_REMOVE, 0, 0, slot, 0, 0, 0, 0);
  hcall(H_REMOVE, 0, 0, slot2, 0, 0, 0, 0);
}

/* Instruction fetch through the MMU: code at a translated address, its
 * page made no-execute, rewritten through its real address. */
static void fetches(void) {
  long rc = mmu_map_image();
  printf("H_ENTER identity map of the image: %ld\n", rc);
  unsigned int *code = (unsigned int *)(RA + 0xa000);
  code[0] = 0x3860002a; /* li r3,42 */
  code[1] = 0x4e800020; /* blr */
  unsigned long ea = SEG1 + 0xa000, slot;
  enter(0, ptex4k(VSID1, ea), v256(VSID1, ea), (RA + 0xa000) | PTE_M | 2, &slot);
  fetch("call SEG1+0xa000", ea);
  code[0] = 0x3860002b; /* li r3,43, stored through the real address, no icbi */
  fetch("call it again after rewriting it", ea);
  hcall(H_PROTECT, 0, PTE_N | 2, slot, 0, 0, 0, 0);
  fetch("call it with N=1", ea);
  hcall(H_PROTECT, 0, 2, slot, 0, 0, 0, 0);
  /* pp=0 with Kp... supervisor: Ks=1 and pp=0 forbids even fetches. */
  slbmte(1, SEG1, VSID1 << 12 | SLB_KS);
  hcall(H_PROTECT, 0, 0, slot, 0, 0, 0, 0);
  fetch("call it with Ks=1 pp=0", ea);
  slbmte(1, SEG1, VSID1 << 12);
  hcall(H_REMOVE, 0, 0, slot, 0, 0, 0, 0);
  fetch("call it after H_REMOVE", ea);
  fetch("call 0x30000000 (no segment)", 0x30000000UL);
}

int main(void) {
  printf("hash-mmu (%s guest), msr %016lx\n", GUEST_ENDIAN, mfmsr());
  slbmte(1, SEG1, VSID1 << 12);
  basic_4k();
  bad_enters();
  page_sizes();
  segments();
  protection();
  fetches();
  disarm();
  printf("msr at end %016lx\n", mfmsr());
  return 0;
}
