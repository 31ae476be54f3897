/*
 * Directed privileged doorbells (msgsndp/msgclrp, Book II/III 5.9): a
 * thread rings itself (one thread per core here), DPDES shows the pending
 * doorbell, msgclrp clears it, and with MSR[EE]=1 the doorbell interrupt
 * (0xa00) is taken and consumes it. A message type other than 5 (server
 * doorbell) and a thread the core does not have are ignored.
 */
#include "expect.h"

void trap(unsigned long vec, struct frame *f) {
  expect_trap(vec, f, 0);
}

extern void t_ee_on(void);
extern char f_ee_on[];

#define MSG_SERVER (5UL << 27)
#define msgsndp(rb) __asm__ volatile("msgsndp %0" : : "r"((unsigned long)(rb)) : "memory")
#define msgclrp(rb) __asm__ volatile("msgclrp %0" : : "r"((unsigned long)(rb)) : "memory")

int main(void) {
  printf("doorbell (%s guest)\n", GUEST_ENDIAN);
  printf("DPDES at start: %lx\n", mfspr(176));
  msgsndp(MSG_SERVER | 0);
  printf("after msgsndp to thread 0: DPDES %lx\n", mfspr(176));
  msgclrp(MSG_SERVER);
  printf("after msgclrp: DPDES %lx\n", mfspr(176));
  msgsndp(0);
  printf("msgsndp with message type 0: DPDES %lx\n", mfspr(176));
  msgsndp(MSG_SERVER | 1);
  printf("msgsndp to thread 1 (none): DPDES %lx\n", mfspr(176));
  msgsndp(MSG_SERVER | 0);
  arm(f_ee_on), t_ee_on(), report("MSR[EE] set with a doorbell pending", 0, 0);
  printf("DPDES after the interrupt: %lx\n", mfspr(176));
  disarm();
  return 0;
}
