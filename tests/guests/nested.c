/*
 * A bare-metal L1 hypervisor (nested HV, API v1): the guest registers a
 * partition table (H_SET_PARTITION_TABLE), builds a partition-scoped radix
 * tree for its nested guest (LPID 1), copies the L2 code of nested.S to the
 * L2's real address 0, and runs it through H_ENTER_NESTED, printing what
 * each exit says: the vector in r3, the L2's registers and nip from
 * pt_regs, HDAR/HDSISR/ASDR/HEIR from hv_guest_state. Cases: an hcall from
 * the L2; loads and stores through the L1's tree (4K, 64K and 2M pages);
 * faults the L1 must handle (no entry, read-only, no-execute, no C); an
 * illegal instruction; the L1's HDEC; the L2's timebase offset; the MSR the
 * L2 gets; an L2 with translation on, taking its own DSI and faulting on
 * its own process table; H_TLB_INVALIDATE after changing the L1's tree;
 * the argument checks.
 *
 * Runs under QEMU's pseries with cap-nested-hv=on (QEMU as L0) and under
 * tskvm with KVM_CAP_PPC_NESTED_HV; where KVM-HV and QEMU differ, the test
 * (tskvm-vs-qemu.test.ts) rewrites QEMU's line to KVM's answer.
 */
#include "lib.h"
#include "radix-tree.h"

#define H_SET_PARTITION_TABLE 0xf800
#define H_ENTER_NESTED 0xf804
#define H_TLB_INVALIDATE 0xf808
#define H_COPY_TOFROM_GUEST 0xf80c
#define H_NOT_AVAILABLE 3

#define PTBL 0x800000UL   /* the L1's partition table: 4 KiB (PRTS 0), 256 LPIDs */
#define POOL 0x900000UL   /* the L1's partition-scoped tree pages */
#define L2MEM 0x1000000UL /* backs the L2's real addresses 0..1M, and L2MEM.. (identity, 2M) */
#define DATA 0x1400000UL  /* L1 pages given to the L2 one by one */

/* struct hv_guest_state, version 2 (asm/hvcall.h). */
struct hv_guest_state {
  unsigned long version;
  unsigned int lpid, vcpu_token;
  unsigned long lpcr, pcr, amor, dpdes, hfscr;
  long tb_offset;
  unsigned long dawr0, dawrx0, ciabr, hdec_expiry, purr, spurr, ic, vtb;
  unsigned long hdar, hdsisr, heir, asdr, srr0, srr1, sprg[4], pidr, cfar, ppr, dawr1, dawrx1;
};

/* struct pt_regs as KVM's L0 copies it (48 doublewords). */
struct pt_regs {
  unsigned long gpr[32];
  unsigned long nip, msr, orig_gpr3, ctr, link, xer, ccr, softe, trap, dar, dsisr, result;
  unsigned long pad[4];
};

static struct hv_guest_state hv __attribute__((aligned(64)));
static struct pt_regs regs __attribute__((aligned(64)));

extern char l2_image[], l2_image_end[];
extern char l2_sum[], l2_load[], l2_store[], l2_jump[], l2_illegal[], l2_spin[], l2_tb[], l2_mfmsr[], l2_load2[];
#define L2(sym) ((unsigned long)(sym) - (unsigned long)l2_image)

#define LPCR_ILE (1UL << 25)
#define KERN 0xc000000000000000UL

static unsigned long *proot; /* the L2's partition-scoped tree (in the L1's memory) */

static unsigned long l2_msr(void) {
#ifdef __LITTLE_ENDIAN__
  return MSR_SF | MSR_ME | MSR_LE;
#else
  return MSR_SF | MSR_ME;
#endif
}

/* Fresh state for LPID 1: real mode, the given nip and msr; hdec in timebase ticks from now. */
static void setup(unsigned long nip, unsigned long msr, unsigned long hdec) {
  memset(&hv, 0, sizeof(hv));
  memset(&regs, 0, sizeof(regs));
  hv.version = 2;
  hv.lpid = 1;
  hv.vcpu_token = 0;
#ifdef __LITTLE_ENDIAN__
  hv.lpcr = LPCR_ILE;
#endif
  hv.hdec_expiry = mftb() + hdec;
  hv.heir = 0x1234;
  regs.nip = nip;
  regs.msr = msr;
}

static long enter(void) {
  hv.hdec_expiry = mftb() + 512000000UL; /* 1 s */
  return hcall(H_ENTER_NESTED, 0, (unsigned long)&hv, (unsigned long)&regs, 0, 0, 0, 0);
}

/* One line per exit: the vector, where the L2 is, its r3/r4, and the fault registers. */
static void report(const char *what, long trap) {
  printf("%s: trap=%lx nip=%lx r3=%lx r4=%lx", what, trap, regs.nip, regs.gpr[3], regs.gpr[4]);
  if (trap == 0xe00) printf(" hdar=%lx hdsisr=%lx asdr=%lx", hv.hdar, hv.hdsisr, hv.asdr);
  if (trap == 0xe20) printf(" asdr=%lx cause=%lx", hv.asdr, regs.msr & SRR1_CAUSE_MASK);
  if (trap == 0xe40) printf(" heir=%lx", hv.heir);
  printf("\n");
}

static void fill(unsigned long ra, unsigned long v) {
  unsigned long *p = (unsigned long *)ra;
  for (int i = 0; i < 8; i++) p[i] = v + (unsigned long)i;
}

/* tlbie's instruction image for H_TLB_INVALIDATE: RIC, PRS, R (H_TLBIE_P1_ENC). */
static unsigned long tlbie_enc(unsigned long ric, unsigned long prs, unsigned long r) {
  return ric << 18 | prs << 17 | r << 16;
}

int main(void) {
  printf("nested (%s guest)\n", GUEST_ENDIAN);
  rtree_pool(POOL);
  memset((void *)PTBL, 0, 4096);
  memcpy((void *)L2MEM, l2_image, (unsigned long)(l2_image_end - l2_image));

  /* Before a partition table: H_NOT_AVAILABLE. */
  setup(L2(l2_sum), l2_msr(), 0);
  printf("H_ENTER_NESTED without a partition table: %ld\n", enter());
  printf("H_SET_PARTITION_TABLE, 2^17 entries: %ld\n", hcall(H_SET_PARTITION_TABLE, 0, PTBL | 9, 0, 0, 0, 0, 0));
  printf("H_SET_PARTITION_TABLE: %ld\n", hcall(H_SET_PARTITION_TABLE, 0, PTBL, 0, 0, 0, 0, 0));

  /* The L2's partition-scoped tree: real addresses 0..1M on 64K pages (read/write/execute, R and C set),
   * L2MEM.. identity on a 2M page (the L2's own tables live there). */
  proot = rtree_alloc(8UL << 13);
  for (unsigned long a = 0; a < 0x100000; a += 0x10000) rtree_map(proot, a, L2MEM + a, 16, EAA_R | EAA_RW | EAA_X | R_R | R_C);
  rtree_map(proot, L2MEM, L2MEM, 21, EAA_R | EAA_RW | EAA_X | R_R | R_C);
  unsigned long *pate = (unsigned long *)PTBL + 2;
  unsigned long rts = 52 - 31;
  pate[0] = be64(1UL << 63 | (rts >> 3) << 61 | (unsigned long)proot | (rts & 7) << 5 | 13);
  pate[1] = 0;

  /* Argument checks. */
  setup(L2(l2_sum), l2_msr(), 0);
  hv.version = 3;
  printf("H_ENTER_NESTED, version 3: %ld\n", hcall(H_ENTER_NESTED, 0, (unsigned long)&hv, (unsigned long)&regs, 0, 0, 0, 0));

  /* An hcall from the L2: vector 0xc00, nip after the sc, SRR0/SRR1 those of the sc. */
  setup(L2(l2_sum), l2_msr(), 0);
  regs.gpr[5] = 40;
  regs.gpr[6] = 2;
  hv.sprg[0] = 0x5050;
  mtspr(SPR_SPRG0, 0xa0a0);
  long t = enter();
  report("sum", t);
  printf("  msr=%lx srr0=%lx srr1=%lx sprg0 L2=%lx L1=%lx\n", regs.msr, hv.srr0, hv.srr1, hv.sprg[0], mfspr(SPR_SPRG0));

  /* A load through a 64K page of the L1's tree. */
  fill(L2MEM + 0x40000, 0x4040000000000000UL);
  setup(L2(l2_load), l2_msr(), 0);
  regs.gpr[5] = 0x40008;
  report("load 64K page", enter());

  /* 4K pages from here on, in another 2M block (one table level holds pages of one size). */
  /* No entry in the L1's tree: the L1 gets the fault (HDAR = the L2's address, ASDR its real address), maps it, enters again. */
  fill(DATA, 0x1818000000000000UL);
  setup(L2(l2_load), l2_msr(), 0);
  regs.gpr[5] = 0x400010;
  t = enter();
  report("load unmapped", t);
  rtree_map(proot, 0x400000, DATA, 12, EAA_R | EAA_RW | R_R | R_C);
  report("  after mapping it (4K)", enter());

  /* A store to a read-only page. */
  rtree_map(proot, 0x401000, DATA + 0x1000, 12, EAA_R | R_R | R_C);
  setup(L2(l2_store), l2_msr(), 0);
  regs.gpr[5] = 0x401020;
  regs.gpr[6] = 0x77;
  report("store read-only", enter());

  /* A store where the L1's entry has R but not C: KVM gives the L1 the fault (DSISR SET_RC), QEMU sets C itself. */
  unsigned long *ce = rtree_map(proot, 0x402000, DATA + 0x2000, 12, EAA_R | EAA_RW | R_R);
  setup(L2(l2_store), l2_msr(), 0);
  regs.gpr[5] = 0x402008;
  regs.gpr[6] = 0x99;
  int rc_exits = 0;
  unsigned long rc_dsisr = 0;
  while ((t = enter()) == 0xe00 && rc_exits < 4) {
    rc_exits++;
    rc_dsisr = hv.hdsisr;
    *ce |= be64(R_C);
  }
  printf("store without C: set_rc exits=%d hdsisr=%lx trap=%lx stored=%lx C=%lu\n", rc_exits, rc_dsisr, t, ((unsigned long *)(DATA + 0x2000))[1], (be64(*ce) & R_C) ? 1UL : 0UL);

  /* A jump to an address the L1 does not map: HISI, ASDR = the target. */
  setup(L2(l2_jump), l2_msr(), 0);
  regs.gpr[5] = 0x490000;
  report("jump unmapped", enter());

  /* Fetch from a page mapped without execute. */
  rtree_map(proot, 0x403000, DATA + 0x3000, 12, EAA_R | EAA_RW | R_R | R_C);
  setup(L2(l2_jump), l2_msr(), 0);
  regs.gpr[5] = 0x403000;
  report("jump no-execute", enter());

  /* An illegal instruction: the L1 emulates or refuses it (HEIR = the word). */
  setup(L2(l2_illegal), l2_msr(), 0);
  report("illegal", enter());

  /* The L1's HDEC ends a spinning L2. */
  setup(L2(l2_spin), l2_msr(), 0);
  hv.hdec_expiry = mftb() + 512000; /* 1 ms */
  t = hcall(H_ENTER_NESTED, 0, (unsigned long)&hv, (unsigned long)&regs, 0, 0, 0, 0);
  printf("spin: trap=%lx nip=%lx\n", t, regs.nip);

  /* The L2's timebase: the L1's plus tb_offset. */
  setup(L2(l2_tb), l2_msr(), 0);
  hv.tb_offset = 1L << 40;
  unsigned long tb0 = mftb();
  t = enter();
  unsigned long d = regs.gpr[4] - tb0;
  printf("tb: trap=%lx offset seen=%d\n", t, d >= (1UL << 40) && d < (1UL << 40) + (1UL << 32));

  /* The MSR the L2 runs with: ME always (the L0's rule). */
  setup(L2(l2_mfmsr), l2_msr() & ~MSR_ME, 0);
  t = enter();
  printf("mfmsr: trap=%lx ME=%lu\n", t, (regs.gpr[4] & MSR_ME) ? 1UL : 0UL);

  /* The L2 with translation on: its process table and tree in its own memory
   * (L2MEM.., which its real addresses reach unchanged), the kernel quadrant
   * mapping its real 0..2M, a translated load, then its own DSI. */
  unsigned long prtb = L2MEM + 0x100000;
  memset((void *)prtb, 0, 4096);
  rtree_pool(L2MEM + 0x110000);
  unsigned long *k = rtree_alloc(8UL << 13);
  ((unsigned long *)prtb)[0] = be64((rts >> 3) << 61 | (unsigned long)k | (rts & 7) << 5 | 13);
  rtree_map(k, KERN, 0, 21, EAA_PRIV | EAA_R | EAA_RW | EAA_X | R_R | R_C);
  /* PID 1's tree root sits at an L2 real address the L1 does not map. */
  ((unsigned long *)prtb)[2] = be64((rts >> 3) << 61 | 0x700000UL | (rts & 7) << 5 | 13);
  pate[1] = be64(prtb);
  hcall(H_TLB_INVALIDATE, 0, tlbie_enc(2, 0, 1), 1, 2 << 10, 0, 0, 0);
  rtree_pool(POOL + 0x80000);

  setup(KERN | L2(l2_load2), l2_msr() | MSR_IR | MSR_DR, 0);
  regs.gpr[5] = KERN | 0x40010;
  regs.gpr[6] = KERN | 0x40018;
  report("translated load", enter());
  /* H_COPY_TOFROM_GUEST: the L1 reads and writes the L2's memory by the L2's effective address (PID 0: its kernel quadrant). */
  static unsigned long cbuf[2] __attribute__((aligned(16)));
  cbuf[0] = cbuf[1] = 0;
  long crc = hcall(H_COPY_TOFROM_GUEST, 0, 1, 0, 0x40010, (unsigned long)cbuf, 0, 16);
  printf("H_COPY_TOFROM_GUEST load: rc=%ld val=%lx\n", crc, cbuf[0]);
  /* A store: into a page the L2 has written (KVM's copy goes through the shadow entry, which has C only then). */
  fill(L2MEM + 0x50000, 0x5050000000000000UL);
  setup(KERN | L2(l2_store), l2_msr() | MSR_IR | MSR_DR, 0);
  regs.gpr[5] = KERN | 0x50000;
  regs.gpr[6] = 0x5a5a;
  enter();
  cbuf[0] = 0x5151000000000000UL;
  crc = hcall(H_COPY_TOFROM_GUEST, 0, 1, 0, 0x50008, 0, (unsigned long)cbuf, 8);
  setup(KERN | L2(l2_load), l2_msr() | MSR_IR | MSR_DR, 0);
  regs.gpr[5] = KERN | 0x50008;
  enter();
  printf("H_COPY_TOFROM_GUEST store: rc=%ld, the L2 reads %lx\n", crc, regs.gpr[4]);
  printf("H_COPY_TOFROM_GUEST, both directions: %ld\n", hcall(H_COPY_TOFROM_GUEST, 0, 1, 0, 0x40010, (unsigned long)cbuf, (unsigned long)cbuf, 8));
  setup(KERN | L2(l2_load), l2_msr() | MSR_IR | MSR_DR, 0);
  regs.gpr[5] = KERN | 0x300000;
  t = enter();
  printf("L2's own DSI: trap=%lx r3=%lx dar=%lx dsisr=%lx srr0=%lx\n", t, regs.gpr[3], regs.gpr[4], regs.gpr[5], regs.gpr[6]);
  /* PID 1: the walk reads the root at an unmapped real address: HDSI on the table walk, ASDR = the entry's address. */
  setup(KERN | L2(l2_load), l2_msr() | MSR_IR | MSR_DR, 0);
  hv.pidr = 1;
  regs.gpr[5] = 0x10000;
  report("process table walk", enter());

  /* Change the L1's tree: move the L2's page 0x80000 to other memory, then H_TLB_INVALIDATE that page (IS 0, 64K). */
  fill(L2MEM + 0x80000, 0xaaaa000000000000UL);
  fill(DATA + 0x10000, 0xbbbb000000000000UL);
  fill(DATA + 0x20000, 0xcccc000000000000UL);
  setup(L2(l2_load), l2_msr(), 0);
  regs.gpr[5] = 0x80000;
  report("before remap", enter());
  rtree_map(proot, 0x80000, DATA + 0x10000, 16, EAA_R | EAA_RW | EAA_X | R_R | R_C);
  printf("H_TLB_INVALIDATE page: %ld\n", hcall(H_TLB_INVALIDATE, 0, tlbie_enc(0, 0, 1), 1, 0x80000 | 5 << 5, 0, 0, 0));
  setup(L2(l2_load), l2_msr(), 0);
  regs.gpr[5] = 0x80000;
  report("after remap", enter());
  /* ...and again with an LPID-wide invalidation (IS 2). */
  rtree_map(proot, 0x80000, DATA + 0x20000, 16, EAA_R | EAA_RW | EAA_X | R_R | R_C);
  printf("H_TLB_INVALIDATE lpid: %ld\n", hcall(H_TLB_INVALIDATE, 0, tlbie_enc(0, 0, 1), 1, 2 << 10, 0, 0, 0));
  setup(L2(l2_load), l2_msr(), 0);
  regs.gpr[5] = 0x80000;
  report("after remap 2", enter());
  /* Cases KVM refuses (QEMU accepts everything): R=0, PRS=1, RIC=3, IS=1. */
  printf("H_TLB_INVALIDATE R=0: %ld\n", hcall(H_TLB_INVALIDATE, 0, tlbie_enc(0, 0, 0), 1, 2 << 10, 0, 0, 0));
  printf("H_TLB_INVALIDATE PRS=1: %ld\n", hcall(H_TLB_INVALIDATE, 0, tlbie_enc(0, 1, 1), 1, 2 << 10, 0, 0, 0));
  printf("H_TLB_INVALIDATE RIC=3: %ld\n", hcall(H_TLB_INVALIDATE, 0, tlbie_enc(3, 0, 1), 1, 2 << 10, 0, 0, 0));
  printf("H_TLB_INVALIDATE IS=1: %ld\n", hcall(H_TLB_INVALIDATE, 0, tlbie_enc(0, 0, 1), 1, 1 << 10, 0, 0, 0));
  return 0;
}
