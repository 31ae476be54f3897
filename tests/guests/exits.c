/*
 * The guest of `npm run bench:exits`, and a check in its own right: the
 * same CPU-bound kernel (workload.h) in real mode, with hash translation
 * and with radix translation must give one checksum, the same as QEMU's;
 * hcalls handled in the hypervisor (H_PROD of itself) and by the VMM
 * (H_GET_TERM_CHAR) return what PAPR says.
 *
 * Phases are marked with hcall 0xf1nn (unknown to both hypervisors:
 * H_FUNCTION), which the benchmark's VMM times. `bench_rounds` and
 * `bench_hcalls` are patched by the benchmark in the image.
 */
#include "lib.h"
#include "workload.h"

#define H_PROD 0xe8
#define H_GET_TERM_CHAR 0x54
#define H_REGISTER_PROC_TBL 0x37c

volatile unsigned long bench_rounds = 2;
volatile unsigned long bench_hcalls = 1000;

static unsigned long buf[WORK_BYTES / 8] __attribute__((aligned(4096)));
extern char __bss_end[];

static void marker(unsigned long n) {
  hcall(0xf100 + n, 0, 0, 0, 0, 0, 0, 0);
}

static unsigned long run_work(unsigned long *b, unsigned long rounds) {
  return work(b, rounds);
}

/* Radix: one tree for PID 0 / quadrant 0 mapping the first 2 MiB at 0 with a 2M page. */
#define PRTB 0x1000000UL
#define ROOT 0x1010000UL /* 64K-aligned: 2^13 entries */
#define PUD 0x1020000UL
#define PMD 0x1021000UL
static long map_radix(void) {
  memset((void *)PRTB, 0, 4096);
  memset((void *)ROOT, 0, 8 << 13);
  memset((void *)PUD, 0, 4096);
  memset((void *)PMD, 0, 4096);
  ((unsigned long *)PRTB)[0] = be64(2UL << 61 | ROOT | 5UL << 5 | 13);
  ((unsigned long *)ROOT)[0] = be64(1UL << 63 | PUD | 9);
  ((unsigned long *)PUD)[0] = be64(1UL << 63 | PMD | 9);
  ((unsigned long *)PMD)[0] = be64(3UL << 62 | 0 | 0x8 | 0x7); /* V, L, RA 0, privileged RWX */
  return hcall(H_REGISTER_PROC_TBL, 0, 0x1d, PRTB, 0, 0, 0, 0);
}

int main(void) {
  printf("exits (%s guest)\n", GUEST_ENDIAN);
  if ((unsigned long)__bss_end > 0x200000) printf("image too large for the 2M radix page\n");
  unsigned long n = bench_hcalls, ret[9];
  long bad = 0;
  marker(1);
  for (unsigned long i = 0; i < n; i++) bad += hcall(H_PROD, 0, 0, 0, 0, 0, 0, 0) != 0;
  marker(2);
  for (unsigned long i = 0; i < n; i++) bad += hcall(H_GET_TERM_CHAR, ret, 0x71000000UL, 0, 0, 0, 0, 0) != 0 || ret[0] != 0;
  marker(3);
  printf("%lu H_PROD and H_GET_TERM_CHAR calls, %ld unexpected answers\n", n, bad);

  unsigned long rounds = bench_rounds;
  memset(buf, 0, sizeof buf);
  marker(4);
  unsigned long real = work(buf, rounds);
  marker(5);
  long rc = mmu_map_image();
  memset(buf, 0, sizeof buf);
  marker(6);
  unsigned long hash = run_translated(run_work, buf, rounds);
  marker(7);
  long rc2 = map_radix();
  memset(buf, 0, sizeof buf);
  marker(8);
  unsigned long radix = run_translated(run_work, buf, rounds);
  marker(9);
  printf("work x%lu: real mode %016lx; hash (map %ld) %016lx; radix (register %ld) %016lx\n", rounds, real, rc, hash, rc2, radix);
  return 0;
}
