/*
 * XICS, the PAPR interrupt controller: the presentation controller's hcalls
 * (H_CPPR, H_IPI, H_IPOLL, H_XIRR, H_EOI) with an IPI to this CPU, CPPR
 * masking and the resend when it drops, and the source controller's RTAS
 * calls (ibm,set-xive, get-xive, int-off, int-on) on the vty's interrupt,
 * with their parameter checks. Every line is deterministic.
 */
#include "lib.h"

#define H_EOI 0x64
#define H_CPPR 0x68
#define H_IPI 0x6c
#define H_IPOLL 0x70
#define H_XIRR 0x74
#define RTAS_SET_XIVE 0x200a
#define RTAS_GET_XIVE 0x200b
#define RTAS_INT_OFF 0x200c
#define RTAS_INT_ON 0x200d
#define VTY_IRQ 0x1100

static volatile unsigned long ext_taken, ext_xirr;

void trap(unsigned long vec, struct frame *f) {
  if (vec != 0x500) unexpected_trap(vec, f);
  unsigned long r[9];
  hcall(H_XIRR, r, 0, 0, 0, 0, 0, 0);
  ext_xirr = r[0];
  ext_taken++;
  hcall(H_IPI, 0, 0, 0xff, 0, 0, 0, 0); /* the IPI is consumed: MFRR back to least favoured */
  hcall(H_EOI, 0, ext_xirr, 0, 0, 0, 0, 0);
  f->srr1 &= ~MSR_EE; /* return masked: one interrupt per case */
}

static void ipoll(const char *when) {
  unsigned long r[9];
  long rc = hcall(H_IPOLL, r, 0, 0, 0, 0, 0, 0);
  printf("  %s: H_IPOLL %ld xirr=%08lx mfrr=%02lx\n", when, rc, r[0], r[1]);
}

static void open_window(const char *when) {
  unsigned long before = ext_taken;
  mtmsrd_l1(mfmsr() | MSR_EE);
  __asm__ volatile("nop; nop; nop" ::: "memory");
  mtmsrd_l1(mfmsr() & ~MSR_EE);
  if (ext_taken != before) printf("  %s: external interrupt, H_XIRR gave %08lx\n", when, ext_xirr);
  else printf("  %s: no interrupt\n", when);
}

static void xive(const char *what, long rc, unsigned irq) {
  unsigned ret[3];
  long st = rtas_call(RTAS_GET_XIVE, 1, 3, ret, irq);
  printf("  %s: %ld; get-xive(0x%x) -> %ld server %u priority 0x%x\n", what, rc, irq, st, ret[1], ret[2]);
}

int main(void) {
  printf("xics (%s guest)\n", GUEST_ENDIAN);

  printf("IPI to this CPU:\n");
  printf("  H_CPPR(0xff): %ld\n", hcall(H_CPPR, 0, 0xff, 0, 0, 0, 0, 0));
  ipoll("at start");
  printf("  H_IPI(0, 5): %ld\n", hcall(H_IPI, 0, 0, 5, 0, 0, 0, 0));
  ipoll("pending");
  open_window("EE on");
  ipoll("after EOI");

  printf("CPPR masking:\n");
  printf("  H_CPPR(3): %ld; H_IPI(0, 5): %ld\n", hcall(H_CPPR, 0, 3, 0, 0, 0, 0, 0), hcall(H_IPI, 0, 0, 5, 0, 0, 0, 0));
  ipoll("masked");
  open_window("EE on, CPPR 3");
  printf("  H_CPPR(0xff): %ld\n", hcall(H_CPPR, 0, 0xff, 0, 0, 0, 0, 0));
  ipoll("resent");
  open_window("EE on, CPPR 0xff");

  printf("bad servers:\n");
  unsigned long r[9];
  printf("  H_IPI(9, 5): %ld; H_IPOLL(9): %ld\n", hcall(H_IPI, 0, 9, 5, 0, 0, 0, 0), hcall(H_IPOLL, r, 9, 0, 0, 0, 0, 0));

  printf("the vty's source (0x%x):\n", VTY_IRQ);
  xive("at start", 0, VTY_IRQ);
  xive("set-xive(server 0, priority 5)", rtas_call(RTAS_SET_XIVE, 3, 1, 0, VTY_IRQ, 0, 5), VTY_IRQ);
  xive("int-off", rtas_call(RTAS_INT_OFF, 1, 1, 0, VTY_IRQ), VTY_IRQ);
  xive("int-on", rtas_call(RTAS_INT_ON, 1, 1, 0, VTY_IRQ), VTY_IRQ);
  xive("set-xive(server 7)", rtas_call(RTAS_SET_XIVE, 3, 1, 0, VTY_IRQ, 7, 4), VTY_IRQ);
  {
    unsigned ret[3];
    printf("  get-xive(0x5000) -> %ld\n", rtas_call(RTAS_GET_XIVE, 1, 3, ret, 0x5000));
  }
  return 0;
}
