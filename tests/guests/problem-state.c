/*
 * The interrupts that need problem state (MSR[PR]=1), reported like
 * interrupts.c. PR=1 implies EE=IR=DR=1, so the guest first maps its image
 * identically with the hash MMU (mmu_map_image: one SLB entry, H_ENTER per
 * 64 KiB page); the supervisor-state cases, which need no MMU, are in
 * interrupts.c.
 */
#include "expect.h"

/* Always come back in supervisor real mode. */
void trap(unsigned long vec, struct frame *f) {
  expect_trap(vec, f, 1);
}

extern void t_priv_user(void);
extern long t_sc1_user(void);
extern unsigned long t_uload(unsigned long ea);
extern void t_ustore(unsigned long ea, unsigned long v);
extern char f_priv_user[], f_sc1_user[], f_uload[], f_ustore[];

/*
 * Page protection as problem state sees it: segment ESID 1 (EA 0x10000000)
 * with VSID 2, Ks=0, Kp=1, 4 KiB pages; page n has PP=n. With key 1 (PR=1
 * and Kp): PP=00 no access, 01 read-only, 10 read/write, 11 read-only
 * (Book III 5.7.13.1).
 */
#define SEG1 0x10000000UL
#define PAGES 0x800000UL /* their RAM */
static long map_pp_pages(void) {
  const unsigned long vsid = 2;
  unsigned long slb_vsid = vsid << 12 | 0x400 /* Kp */;
  unsigned long slb_esid = SEG1 | 0x8000000 /* V */ | 1 /* entry 1 */;
  __asm__ volatile("slbmte %0,%1; isync" : : "r"(slb_vsid), "r"(slb_esid) : "memory");
  for (unsigned long pp = 0; pp < 4; pp++) {
    unsigned long ea = SEG1 + (pp << 12);
    *(volatile unsigned long *)(PAGES + (pp << 12)) = 0x1111111111111111UL * (pp + 1);
    unsigned long pteh = vsid << 12 | ((ea & 0x0fffffffUL) >> 23) << 7 | 0x1 /* V */;
    unsigned long ptel = (PAGES + (pp << 12)) | 0x100 | 0x80 | 0x10 | pp;
    long rc = hcall(H_ENTER, 0, 0, 8 * (vsid ^ ((ea & 0x0fffffffUL) >> 12)), pteh, ptel, 0, 0);
    if (rc != H_SUCCESS) return rc;
  }
  return H_SUCCESS;
}

int main(void) {
  printf("problem-state (%s guest), msr %016lx\n", GUEST_ENDIAN, mfmsr());
  long rc = mmu_map_image();
  printf("H_ENTER identity map of the image: %ld\n", rc);

  arm(f_priv_user), t_priv_user(), report("mfmsr in problem state", 0, 0);

  arm(f_sc1_user);
  long r3 = t_sc1_user();
  flush();
  report("sc 1 in problem state", 0, 0);
  printf("  r3 after sc 1 = %ld%s\n", r3, r3 == H_PRIVILEGE ? " (H_PRIVILEGE)" : "");

  printf("H_ENTER of the PP=00..11 pages: %ld\n", map_pp_pages());
  static const char *const names[] = {"00 (no access)", "01 (read-only)", "10 (read/write)", "11 (read-only)"};
  for (unsigned long pp = 0; pp < 4; pp++) {
    unsigned long ea = SEG1 + (pp << 12);
    printf("PP=%s, key 1:\n", names[pp]);
    arm(f_uload);
    unsigned long v = t_uload(ea);
    report("  problem-state ld", SEG1, "seg1");
    printf("    value %016lx\n", v);
    arm(f_ustore), t_ustore(ea, 0xabcdef0123456789UL), report("  problem-state std", SEG1, "seg1");
    printf("    page now holds %016lx\n", *(volatile unsigned long *)(PAGES + (pp << 12)));
  }

  disarm();
  printf("msr at end %016lx\n", mfmsr());
  return 0;
}
