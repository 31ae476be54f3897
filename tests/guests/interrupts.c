/*
 * Provokes one interrupt per case and prints what the CPU reported: vector,
 * SRR0 relative to the faulting instruction, SRR1 (full, and its cause bits),
 * and DAR/DSISR for storage-type interrupts. All values are deterministic.
 *
 * Every case runs in supervisor real mode (MSR[IR,DR]=0): no SLB, no HPT, so
 * a hypervisor without the hash MMU can run it. The problem-state cases need
 * translation and live in problem-state.c.
 */
#include "expect.h"

void trap(unsigned long vec, struct frame *f) {
  expect_trap(vec, f, 0);
}

extern void t_illegal(void), t_hv_spr(void), t_trap(void), t_sc0(void);
extern void t_fp(void), t_vmx(void), t_vsx(void);
extern unsigned long t_load(unsigned long addr), t_lwarx(unsigned long addr);
extern void t_store(unsigned long addr, unsigned long v);
extern void t_preserve(unsigned long out[36]);
extern char f_illegal[], f_hv_spr[], f_trap[], f_sc0[], f_load[], f_store[], f_lwarx[];
extern char f_fp[], f_vmx[], f_vsx[], f_preserve[];

static unsigned long buf[2] __attribute__((aligned(16)));

/* The value t_preserve loads into register n (see PAT in interrupts.S). */
static unsigned long pat(unsigned long n) {
  unsigned long p = (0x1000 + n) << 16 | n << 4;
  return p << 32 | p;
}

/* Checks start.S's save/restore: everything but r1 survives an interrupt. */
static void check_preserve(void) {
  static const char *const names[] = {"cr", "ctr", "xer", "lr"};
  const unsigned long special[] = {0x12345678, pat(32), 0xe00c0045, pat(33)};
  unsigned long out[36];
  int bad = 0;
  arm(f_preserve);
  t_preserve(out);
  for (int n = 0; n < 32; n++)
    if (n != 1 && out[n] != pat(n)) printf("  r%d=%016lx, want %016lx\n", n, out[n], pat(n)), bad++;
  for (int i = 0; i < 4; i++)
    if (out[32 + i] != special[i]) printf("  %s=%016lx, want %016lx\n", names[i], out[32 + i], special[i]), bad++;
  printf("registers preserved across an interrupt: %s\n", bad ? "NO" : "yes");
}

int main(void) {
  printf("interrupts (%s guest), msr %016lx\n", GUEST_ENDIAN, mfmsr());

  check_preserve();
  arm(f_illegal), t_illegal(), report("illegal instruction 0x00000000", 0, 0);
  arm(f_hv_spr), t_hv_spr(), report("mfspr LPCR in supervisor state", 0, 0);
  arm(f_trap), t_trap(), report("tw 31,0,0", 0, 0);
  arm(f_sc0), t_sc0(), report("sc 0", 0, 0);

  unsigned long far = 1UL << 40; /* 1 TiB: far beyond the 256 MiB of RAM */
  arm(f_load);
  unsigned long v = t_load(far);
  report("real-mode ld from 1 TiB", 0, 0);
  if (!nrec) printf("  loaded %016lx\n", v);
  arm(f_store), t_store(far, 0x1122334455667788UL), report("real-mode std to 1 TiB", 0, 0);
  arm(f_load), v = t_load(far), report("real-mode ld from 1 TiB after the std", 0, 0);
  if (!nrec) printf("  loaded %016lx\n", v);

  /* Real mode ignores EA bits 0:3 (kernels run at 0xc000... before the MMU
   * is on): the same doubleword seen through an alias. */
  buf[1] = 0x0123456789abcdefUL;
  arm(f_load), v = t_load(0xc000000000000000UL | (unsigned long)&buf[1]);
  report("real-mode ld via 0xc000... alias", 0, 0);
  if (!nrec) printf("  loaded %016lx (%s)\n", v, v == buf[1] ? "same as the unaliased address" : "DIFFERENT");

  arm(f_lwarx), t_lwarx((unsigned long)buf + 2), report("lwarx at 8-aligned+2", (unsigned long)buf, "buf");
  arm(f_fp), t_fp(), report("fmr with MSR[FP]=0", 0, 0);
  arm(f_vmx), t_vmx(), report("vor with MSR[VEC]=0", 0, 0);
  arm(f_vsx), t_vsx(), report("xxlor with MSR[VSX]=0", 0, 0);


  disarm();
  printf("msr at end %016lx\n", mfmsr());
  return 0;
}
