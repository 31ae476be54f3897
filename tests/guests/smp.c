/*
 * Two vCPUs: the boot CPU starts the second with RTAS start-cpu and they
 * hand control back and forth with H_CEDE (idle until prodded) and H_PROD,
 * then the second stops itself (RTAS stop-self). Only the boot CPU prints;
 * every line is deterministic, whichever CPU runs first.
 * Run with two vCPUs (QEMU: -smp 2).
 */
#include "lib.h"

#define H_CEDE 0xe0
#define H_PROD 0xe8

static volatile unsigned long seen_arg, go, done, ping, pong;

/* Cede until *flag is set (a prod or an interrupt ends each cede; recheck). */

static void cede(void) {
  hcall(H_CEDE, 0, 0, 0, 0, 0, 0, 0);
  /* H_CEDE returns with MSR[EE] set: keep interrupts off in this guest. */
  mtmsrd_l1(mfmsr() & ~MSR_EE);
}

void secondary_main(unsigned long arg) {
  seen_arg = arg;
  /* Spin, not cede: QEMU TCG reports a ceded CPU as stopped (it halts it),
   * KVM as running; spinning keeps the boot CPU's query deterministic. */
  while (!go) {
  }
  /* Ping-pong: each ping wakes the boot CPU, which answers with a pong and a prod. */
  for (unsigned long i = 1; i <= 5; i++) {
    ping = i;
    hcall(H_PROD, 0, 0, 0, 0, 0, 0, 0);
    while (pong < i) cede();
  }
  done = 1;
  hcall(H_PROD, 0, 0, 0, 0, 0, 0, 0);
}

int main(void) {
  printf("smp (%s guest)\n", GUEST_ENDIAN);
  printf("cpu 1 before start: %ld (0 = stopped)\n", rt_cpu_stopped(1));
  printf("cpu 7: %ld (no such cpu)\n", rt_cpu_stopped(7));
  printf("start-cpu 1: %ld\n", rt_start_cpu(1, 0xabcd1234));
  printf("start-cpu 1 again: %ld (already running)\n", rt_start_cpu(1, 0));
  while (!seen_arg) {
  }
  printf("cpu 1 runs with r3 = %lx; state %ld (2 = running)\n", seen_arg, rt_cpu_stopped(1));
  go = 1;
  printf("H_PROD cpu 1: %ld; H_PROD cpu 9: %ld\n", hcall(H_PROD, 0, 1, 0, 0, 0, 0, 0), hcall(H_PROD, 0, 9, 0, 0, 0, 0, 0));
  while (!done) {
    if (ping > pong) {
      pong = ping;
      hcall(H_PROD, 0, 1, 0, 0, 0, 0, 0);
    } else {
      cede();
    }
  }
  printf("ping-pong rounds: %lu\n", pong);
  while (rt_cpu_stopped(1) != 0) {
  }
  printf("cpu 1 stopped itself: %ld\n", rt_cpu_stopped(1));
  printf("start-cpu 1 once more: %ld\n", rt_start_cpu(1, 0x77));
  while (seen_arg != 0x77) {
  }
  printf("cpu 1 restarted with r3 = %lx\n", seen_arg);
  return 0;
}
