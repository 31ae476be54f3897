/*
 * RTAS calls Linux makes on the way up and while it runs: event-scan and
 * check-exception with nothing to report, ibm,get-system-parameter (the
 * SPLPAR characteristics string, the diagnostics run mode, the UUID, an
 * unknown parameter, a buffer too small), set-time-of-day then
 * get-time-of-day (only the date is printed: seconds tick), and the
 * parameter checks. Every line is deterministic.
 */
#include "lib.h"

#define RTAS_GET_TIME_OF_DAY 0x2001
#define RTAS_SET_TIME_OF_DAY 0x2002
#define RTAS_GET_SYSTEM_PARAMETER 0x2008
#define RTAS_CHECK_EXCEPTION 0x200e
#define RTAS_EVENT_SCAN 0x200f

static unsigned char buf[256] __attribute__((aligned(16)));

static void sysparm(unsigned param, unsigned len) {
  memset(buf, 0xaa, sizeof buf);
  long st = rtas_call(RTAS_GET_SYSTEM_PARAMETER, 3, 1, 0, param, (unsigned)(unsigned long)buf, len);
  unsigned n = (unsigned)buf[0] << 8 | buf[1];
  printf("ibm,get-system-parameter(%u, %u bytes): %ld", param, len, st);
  if (st == 0) {
    printf(", length %u:", n);
    for (unsigned i = 0; i < n && i < 64; i++) printf(buf[2 + i] >= 32 && buf[2 + i] < 127 ? "%c" : "\\x%02x", buf[2 + i]);
  }
  printf("\n");
}

int main(void) {
  printf("rtas (%s guest)\n", GUEST_ENDIAN);
  printf("event-scan: %ld\n", rtas_call(RTAS_EVENT_SCAN, 4, 1, 0, 0xffffffffu, 0, (unsigned)(unsigned long)buf, 256));
  printf("event-scan with 3 args: %ld\n", rtas_call(RTAS_EVENT_SCAN, 3, 1, 0, 0xffffffffu, 0, (unsigned)(unsigned long)buf));
  printf("check-exception: %ld\n", rtas_call(RTAS_CHECK_EXCEPTION, 6, 1, 0, 0x500, 0, 0xffffffffu, 0, (unsigned)(unsigned long)buf, 256));
  printf("check-exception with 5 args: %ld\n", rtas_call(RTAS_CHECK_EXCEPTION, 5, 1, 0, 0x500, 0, 0xffffffffu, 0, (unsigned)(unsigned long)buf));
  sysparm(20, 256);
  sysparm(42, 256);
  sysparm(48, 256);
  sysparm(99, 256);
  sysparm(20, 8);
  printf("set-time-of-day 2031-07-08 09:10:11: %ld\n", rtas_call(RTAS_SET_TIME_OF_DAY, 7, 1, 0, 2031, 7, 8, 9, 10, 11, 0));
  unsigned t[8];
  long st = rtas_call(RTAS_GET_TIME_OF_DAY, 0, 8, t);
  printf("get-time-of-day: %ld, %u-%02u-%02u %02u:%02u\n", st, t[1], t[2], t[3], t[4], t[5]);
  return 0;
}
