/* A CPU-bound kernel shared by the translated-execution guest (exits.c)
 * and its Linux-user twin (bench/exits-user.c), so the two run the same
 * code: a multiplicative hash over a buffer that it also rewrites (one
 * load and one store per doubleword). */
#ifndef GUEST_WORKLOAD_H
#define GUEST_WORKLOAD_H

#define WORK_BYTES (256UL << 10)

static unsigned long work(unsigned long *buf, unsigned long rounds) {
  unsigned long h = 0x9e3779b97f4a7c15UL;
  for (unsigned long r = 0; r < rounds; r++) {
    for (unsigned long i = 0; i < WORK_BYTES / 8; i++) {
      unsigned long v = buf[i];
      h = (h ^ v) * 0x100000001b3UL;
      h ^= h >> 29;
      buf[i] = v + h;
    }
  }
  return h;
}

#endif
