/* The Linux-user twin of tests/guests/exits.c: the same kernel under
 * `tskvm exec`, for bench:exits' translated-vs-user comparison. */
#include <stdio.h>
#include <stdlib.h>
#include "../tests/guests/workload.h"

static unsigned long buf[WORK_BYTES / 8] __attribute__((aligned(4096)));

int main(int argc, char **argv) {
  unsigned long rounds = argc > 1 ? strtoul(argv[1], 0, 0) : 2;
  printf("%016lx\n", work(buf, rounds));
  return 0;
}
