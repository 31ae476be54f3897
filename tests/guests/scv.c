/*
 * System call vectored (scv LEV, Book III 7.5.18) in a partition: with
 * FSCR[SCV]=0 a facility unavailable interrupt (FSCR[IC]=12); with it set,
 * LR = the next instruction, CTR = the MSR, SRR0/SRR1 untouched, the new
 * MSR as the architecture forms it, at 0x17000 + 0x20*LEV — or, with
 * LPCR[AIL]=3 and translation on, at 0xc000000000003000 + 0x20*LEV — and
 * rfscv back (nip from LR, MSR from CTR). The handlers are stubs this guest
 * writes at run time; they record what they see and rfscv.
 */
#include "expect.h"

void trap(unsigned long vec, struct frame *f) {
  if (vec == 0xf60) printf("  (FSCR interrupt cause %lx)\n", mfspr(153) >> 56);
  expect_trap(vec, f, 0);
}

extern void t_scv0(void), t_scv4(void);
extern char f_scv0[], f_scv4[], __bss_end[];

static volatile unsigned long rec[6];
#define H_SET_MODE_AIL 3

/* A stub at `ra`: record tag, LR, CTR, MSR, SRR0, SRR1 in rec[], then rfscv. */
static void put_stub(unsigned long ra, unsigned tag) {
  unsigned long a = (unsigned long)rec;
  unsigned int *p = (unsigned int *)ra;
  const unsigned int w[] = {
      0x7c9143a6,                       /* mtsprg1 r4 */
      0x7c7243a6,                       /* mtsprg2 r3 */
      0x3c800000 | (unsigned)(a >> 16), /* lis r4,rec@h */
      0x60840000 | (unsigned)(a & 0xffff), /* ori r4,r4,rec@l */
      0x38600000 | tag,                 /* li r3,tag */
      0xf8640000,                       /* std r3,0(r4) */
      0x7c6802a6, 0xf8640008,           /* mflr r3; std r3,8(r4) */
      0x7c6902a6, 0xf8640010,           /* mfctr r3; std r3,16(r4) */
      0x7c6000a6, 0xf8640018,           /* mfmsr r3; std r3,24(r4) */
      0x7c7a02a6, 0xf8640020,           /* mfsrr0 r3; std r3,32(r4) */
      0x7c7b02a6, 0xf8640028,           /* mfsrr1 r3; std r3,40(r4) */
      0x7c7242a6, 0x7c9142a6,           /* mfsprg2 r3; mfsprg1 r4 */
      0x4c0000a4,                       /* rfscv */
  };
  for (unsigned i = 0; i < sizeof w / sizeof w[0]; i++) p[i] = w[i];
  for (unsigned i = 0; i < sizeof w; i += 32) __asm__ volatile("dcbst 0,%0; sync; icbi 0,%0" : : "r"(ra + i) : "memory");
  __asm__ volatile("isync");
}

static void show(const char *name, const char *fault) {
  printf("%s: handler %lu, LR=fault+%ld, CTR=%016lx, MSR in handler %016lx, SRR0 %s, SRR1 %s\n", name, rec[0],
         (long)(rec[1] - (unsigned long)fault), rec[2], rec[3], rec[4] == 0x5555 ? "untouched" : "CHANGED",
         rec[5] == 0x6666 ? "untouched" : "CHANGED");
  rec[0] = 0;
}

static void markers(void) {
  mtspr(SPR_SRR0, 0x5555);
  mtspr(SPR_SRR1, 0x6666);
}

static unsigned long scv_translated(unsigned long *unused, unsigned long unused2) {
  (void)unused, (void)unused2;
  markers();
  t_scv0();
  return 0;
}

int main(void) {
  printf("scv (%s guest), msr %016lx\n", GUEST_ENDIAN, mfmsr());
  if ((unsigned long)__bss_end > 0x17000) printf("image overlaps the scv vectors\n");
  printf("FSCR at start: %lx\n", mfspr(153));
  arm(f_scv0), t_scv0(), report("scv 0 with FSCR[SCV]=0", 0, 0);
  disarm();

  put_stub(0x17000, 1);
  put_stub(0x17080, 2);
  mtspr(153, mfspr(153) | 0x1000);
  markers();
  t_scv0();
  show("scv 0", f_scv0);
  markers();
  t_scv4();
  show("scv 4", f_scv4);
  markers();
  mtmsrd_l1(mfmsr() | MSR_EE);
  t_scv0();
  mtmsrd_l1(mfmsr() & ~MSR_EE);
  show("scv 0 with MSR[EE]=1", f_scv0);
  printf("MSR after rfscv: %016lx\n", mfmsr());

  /* AIL=3 with translation on: the vector is 0xc000000000003000, mapped
   * (64K page, segment 0xc...) to RA 0x200000 where the stub goes. */
  long rc = mmu_map_image();
  unsigned long vsid = 0x777, ea = 0xc000000000000000UL;
  unsigned long slbv = vsid << 12 | 0x100 | 0x10, slbe = (ea & ~0xfffffffUL) | 0x8000000 | 2;
  __asm__ volatile("slbmte %0,%1; isync" : : "r"(slbv), "r"(slbe) : "memory");
  unsigned long pteh = vsid << 12 | 0x4 | 0x1, ptel = 0x200000UL | 0x1000 | 0x10 | 0x2;
  rc |= hcall(H_ENTER, 0, 0, 8 * (vsid & 0x3fff), pteh, ptel, 0, 0);
  put_stub(0x203000, 3);
  printf("AIL=3 mapping: %ld; H_SET_MODE(AIL=3): %ld\n", rc, hcall(H_SET_MODE, 0, 3, 3, 0, 0, 0, 0));
  run_translated(scv_translated, 0, 0);
  show("scv 0, AIL=3, IR=DR=1", f_scv0);
  printf("H_SET_MODE(AIL=0): %ld\n", hcall(H_SET_MODE, 0, 0, 3, 0, 0, 0, 0));
  return 0;
}
