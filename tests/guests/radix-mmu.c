/*
 * The radix MMU of a partition, set up the way a pseries kernel does it:
 * H_REGISTER_PROC_TBL with a process table in guest memory, a radix tree
 * per PID (52-bit trees: 13, 9, 9, 9/5 bits), PIDR, and translated
 * loads, stores and fetches checking the result: 4K, 64K, 2M and 1G pages;
 * quadrant 3 (PID 0) and quadrant 0 (PIDR); R and C as the MMU sets them;
 * EAA (read-only, no-execute), AMR key 0 for supervisor access to user
 * pages; segment interrupts (quadrants 1 and 2, EA bits 2:11); a PID past
 * the table; a bad tree shape; and tlbiel/tlbie after changing a mapping.
 *
 * Every number printed is deterministic and the same under QEMU's pseries
 * as under tskvm's hypervisor.
 */
#include "expect.h"

extern void x_stq(unsigned long ea, unsigned long a, unsigned long b);
extern char f_xstq[];

void trap(unsigned long vec, struct frame *f) {
  expect_trap(vec, f, 0);
}

extern void x_tlbiel_page(unsigned long rb, unsigned long rs);
extern void x_tlbie_page(unsigned long rb, unsigned long rs);

#define H_REGISTER_PROC_TBL 0x37c
#define PRTB 0x1000000UL     /* process table: 4 KiB (PRTS 0), 256 PIDs */
#define POOL 0x1100000UL     /* tree pages are taken from here */
#define DATA 0x2000000UL     /* test pages (RA) */
#define KERN 0xc000000000000000UL

#include "radix-tree.h"

/* A PID's tree: its root (2^13 entries) and the process table entry (RTS 52 bits). */
static unsigned long *new_tree(unsigned long pid, unsigned long root_nls) {
  unsigned long *root = rtree_alloc(8UL << root_nls);
  unsigned long rts = 52 - 31;
  ((unsigned long *)PRTB)[2 * pid] = be64((rts >> 3) << 61 | (unsigned long)root | (rts & 7) << 5 | root_nls);
  ((unsigned long *)PRTB)[2 * pid + 1] = 0;
  return root;
}

static void fill(unsigned long ra, unsigned long v) {
  unsigned long *p = (unsigned long *)ra;
  for (int i = 0; i < 4; i++) p[i] = v + (unsigned long)i;
}

static void show_pte(const char *what, unsigned long *pte) {
  printf("  PTE %s: R=%lu C=%lu\n", what, (be64(*pte) & R_R) ? 1UL : 0UL, (be64(*pte) & R_C) ? 1UL : 0UL);
}

int main(void) {
  rtree_pool(POOL);
  printf("radix-mmu (%s guest), msr %016lx\n", GUEST_ENDIAN, mfmsr());
  memset((void *)PRTB, 0, 4096);
  unsigned long *k = new_tree(0, 13);
  unsigned long *p1 = new_tree(1, 13);
  unsigned long *p2 = new_tree(2, 13);

  printf("H_REGISTER_PROC_TBL, misaligned table: %ld\n", hcall(H_REGISTER_PROC_TBL, 0, 0x1d, PRTB + 8, 0, 0, 0, 0));
  printf("H_REGISTER_PROC_TBL, page size given: %ld\n", hcall(H_REGISTER_PROC_TBL, 0, 0x1d, PRTB, 1, 0, 0, 0));
  printf("H_REGISTER_PROC_TBL, table size 25: %ld\n", hcall(H_REGISTER_PROC_TBL, 0, 0x1d, PRTB, 0, 25, 0, 0));
  printf("H_REGISTER_PROC_TBL, reserved flag: %ld\n", hcall(H_REGISTER_PROC_TBL, 0, 0x3d, PRTB, 0, 0, 0, 0));
  printf("H_REGISTER_PROC_TBL radix+GTSE: %ld\n", hcall(H_REGISTER_PROC_TBL, 0, 0x1d, PRTB, 0, 0, 0, 0));

  /* Quadrant 3 (PID 0): a 4K page, R then C. */
  fill(DATA, 0x3333000000000000UL);
  unsigned long *pte = rtree_map(k, KERN | 0x10000000UL, DATA, 12, EAA_PRIV | EAA_RW);
  show_pte("before any access", pte);
  load("ld 0xc000000010000008 (4K, PID 0)", KERN | 0x10000008UL);
  show_pte("after a load", pte);
  store("std 0xc000000010000010", KERN | 0x10000010UL, 0x1234);
  show_pte("after a store", pte);
  printf("  RA holds %lx\n", ((unsigned long *)DATA)[2]);

  /* Page sizes: 64K (last level of 5 bits), 2M, 1G. */
  fill(DATA + 0x10000 + 0x1230, 0x6464000000000000UL);
  rtree_map(k, KERN | 0x20000000UL, DATA + 0x10000, 16, EAA_PRIV | EAA_RW);
  load("ld via a 64K page", KERN | 0x20001230UL);
  fill(DATA + 0x200000 + 0x5678 * 8, 0x2222000000000000UL);
  rtree_map(k, KERN | 0x40000000UL, DATA + 0x200000, 21, EAA_PRIV | EAA_RW);
  load("ld via a 2M page", KERN | 0x40000000UL | (0x5678 * 8));
  fill(0x2345678, 0x1111000000000000UL);
  rtree_map(k, KERN | 0x1000000000UL, 0, 30, EAA_PRIV | EAA_RW);
  load("ld via a 1G page (RA 0)", KERN | 0x1000000000UL | 0x2345678);

  /* Quadrant 0: the tree of PIDR. */
  fill(DATA + 0x1000, 0x0101000000000000UL);
  fill(DATA + 0x2000, 0x0202000000000000UL);
  rtree_map(p1, 0x10000000UL, DATA + 0x1000, 12, EAA_RW);
  rtree_map(p2, 0x10000000UL, DATA + 0x2000, 12, EAA_RW);
  mtspr(48, 1);
  load("PIDR 1: ld 0x10000000", 0x10000000UL);
  mtspr(48, 2);
  load("PIDR 2: ld 0x10000000", 0x10000000UL);
  mtspr(48, 3);
  load("PIDR 3 (empty tree entry): ld 0x10000000", 0x10000000UL);
  mtspr(48, 300);
  load("PIDR 300 (past the table): ld 0x10000000", 0x10000000UL);
  mtspr(48, 1);

  /* Segment interrupts and missing translations. */
  load("ld 0x4000000000000000 (quadrant 1)", 0x4000000000000000UL);
  load("ld 0x8000000000000000 (quadrant 2)", 0x8000000000000000UL);
  load("ld 0xc010000000000000 (EA bit 11 set)", 0xc010000000000000UL);
  load("ld 0xc000000030000000 (not mapped)", KERN | 0x30000000UL);
  store("std 0xc000000030000000 (not mapped)", KERN | 0x30000000UL, 0);

  /* Protection. */
  fill(DATA + 0x3000, 0x7777000000000000UL);
  unsigned long *ro = rtree_map(k, KERN | 0x10003000UL, DATA + 0x3000, 12, EAA_PRIV | EAA_R);
  load("ld from a read-only page", KERN | 0x10003000UL);
  store("std to a read-only page", KERN | 0x10003000UL, 0);
  show_pte("read-only page", ro);
  /* A user page seen from supervisor state: AMR key 0 (KUAP) decides. */
  fill(DATA + 0x4000, 0x4444000000000000UL);
  rtree_map(p1, 0x10004000UL, DATA + 0x4000, 12, EAA_RW | EAA_X);
  mtspr(SPR_AMR, 3UL << 62);
  load("AMR key 0 = 3: supervisor ld from a user page", 0x10004000UL);
  store("AMR key 0 = 3: supervisor std to a user page", 0x10004000UL, 0);
  mtspr(SPR_AMR, 2UL << 62);
  load("AMR key 0 = 2: ld", 0x10004008UL);
  store("AMR key 0 = 2: std", 0x10004008UL, 0);
  /* A store in two parts checks store permission only: with stores blocked
   * (key 0 = 2) stq faults as a store; with loads blocked (1, Linux's
   * copy_to_user window) it succeeds. (In this order: QEMU 7.2 keeps a
   * writable TLB entry across an AMR change, so the fault comes first.) */
  arm(f_xstq), x_stq(0x10004030UL, 0x3333, 0x4444), report("AMR key 0 = 2: stq", 0, 0);
  mtspr(SPR_AMR, 1UL << 62);
  arm(f_xstq), x_stq(0x10004020UL, 0x1111, 0x2222), report("AMR key 0 = 1: supervisor stq to a user page", 0, 0);
  mtspr(SPR_AMR, 0);
  load("AMR key 0 = 0: the first stq's doubleword", 0x10004020UL);
  store("AMR key 0 = 0: std", 0x10004010UL, 5);

  /* A tree whose root has 12 bits: not a POWER9 shape. */
  unsigned long *bad = new_tree(4, 12);
  (void)bad;
  mtspr(48, 4);
  load("PIDR 4 (root of 12 bits): ld", 0x10000000UL);
  mtspr(48, 1);

  /* Changing a mapping: after tlbiel / tlbie the new one is used. */
  unsigned long *e = rtree_map(p1, 0x10005000UL, DATA + 0x1000, 12, EAA_RW);
  load("PIDR 1: ld 0x10005000 (-> RA of PID 1's page)", 0x10005000UL);
  *e = be64(R_V | R_L | (DATA + 0x2000) | EAA_RW);
  x_tlbiel_page(0x10005000UL, 1UL << 32);
  load("after remapping and tlbiel", 0x10005000UL);
  *e = 0;
  x_tlbie_page(0x10005000UL, 1UL << 32);
  load("after invalidating the PTE and tlbie", 0x10005000UL);

  /* The same low word in the kernel's linear map and in its module area (tskvm's TLB folds the high word into its index). */
  fill(DATA + 0x7000, 0x7777000000000000UL);
  fill(DATA + 0x8000, 0x8888000000000000UL);
  fill(DATA + 0x9000, 0x9999000000000000UL);
  rtree_map(k, KERN | 0x403000UL, DATA + 0x7000, 12, EAA_PRIV | EAA_RW);
  unsigned long *me = rtree_map(k, KERN | 0x8000000403000UL, DATA + 0x8000, 12, EAA_PRIV | EAA_RW);
  load("ld 0xc000000000403000", KERN | 0x403000UL);
  load("ld 0xc008000000403000", KERN | 0x8000000403000UL);
  *me = be64(R_V | R_L | (DATA + 0x9000) | EAA_PRIV | EAA_RW);
  x_tlbie_page(KERN | 0x8000000403000UL, 0);
  load("after remapping 0xc008000000403000 and tlbie", KERN | 0x8000000403000UL);
  load("ld 0xc000000000403000 again", KERN | 0x403000UL);
  /* Two pages of one TLB set (tskvm's data TLB is two-way: the older one sits in way 1): remapping the older one and tlbie. */
  fill(DATA + 0xa000, 0xaaaa000000000000UL);
  fill(DATA + 0xb000, 0xbbbb000000000000UL);
  rtree_map(k, KERN | 0x800000UL, DATA + 0xa000, 12, EAA_PRIV | EAA_RW);
  load("ld 0xc000000000403000 (way 0)", KERN | 0x403000UL);
  load("ld 0xc000000000800000 (same set: the first moves to way 1)", KERN | 0x800000UL);
  rtree_map(k, KERN | 0x403000UL, DATA + 0xb000, 12, EAA_PRIV | EAA_RW);
  x_tlbie_page(KERN | 0x403000UL, 0);
  load("after remapping 0xc000000000403000 and tlbie", KERN | 0x403000UL);
  load("ld 0xc000000000800000 again", KERN | 0x800000UL);

  /* Fetches: the image identity-mapped (2M, RWX) in PID 1 so the helpers run relocated. */
  rtree_map(p1, 0, 0, 21, EAA_RW | EAA_X);
  unsigned int *code = (unsigned int *)(DATA + 0x6000);
  code[0] = 0x3860002a; /* li r3,42 */
  code[1] = 0x4e800020; /* blr */
  unsigned long *ce = rtree_map(p1, 0x10006000UL, DATA + 0x6000, 12, EAA_RW | EAA_X);
  fetch("call 0x10006000", 0x10006000UL);
  *ce &= ~be64(EAA_X);
  x_tlbiel_page(0x10006000UL, 1UL << 32);
  fetch("call it without execute permission", 0x10006000UL);
  fetch("call 0x10007000 (not mapped)", 0x10007000UL);
  fetch("call 0x4000000000000000 (quadrant 1)", 0x4000000000000000UL);
  disarm();
  printf("msr at end %016lx\n", mfmsr());
  return 0;
}
