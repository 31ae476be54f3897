// Integer work: 64-bit multiply/divide/shift, hashing, CRC, bit counting, qsort/bsearch.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec { uint64_t key; int32_t val; char name[12]; };

static int cmp_rec(const void *a, const void *b) {
  const struct rec *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return x->val - y->val;
}
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static int cmp_dbl(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }

static uint64_t splitmix(uint64_t *s) {
  uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static uint32_t crc32(const uint8_t *p, size_t n) {
  static uint32_t t[256];
  if (!t[1]) for (uint32_t i = 0; i < 256; i++) { uint32_t c = i; for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1; t[i] = c; }
  uint32_t c = 0xffffffffu;
  while (n--) c = t[(c ^ *p++) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

static uint64_t murmur64(uint64_t h) { h ^= h >> 33; h *= 0xff51afd7ed558ccdULL; h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53ULL; h ^= h >> 33; return h; }

int main(void) {
  uint64_t s = 42;
  static struct rec recs[2000];
  for (int i = 0; i < 2000; i++) {
    recs[i].key = splitmix(&s) % 500;
    recs[i].val = (int32_t)(splitmix(&s) >> 40) - 8000000;
    snprintf(recs[i].name, sizeof recs[i].name, "n%07x", (unsigned)(splitmix(&s) & 0xfffffff));
  }
  qsort(recs, 2000, sizeof recs[0], cmp_rec);
  uint64_t h = 0;
  for (int i = 0; i < 2000; i++) h = murmur64(h ^ recs[i].key ^ ((uint64_t)(uint32_t)recs[i].val << 20));
  printf("qsort recs %016llx first %llu/%d last %llu/%d %s\n", (unsigned long long)h, (unsigned long long)recs[0].key, recs[0].val, (unsigned long long)recs[1999].key, recs[1999].val, recs[1000].name);
  struct rec key = recs[777];
  struct rec *f = bsearch(&key, recs, 2000, sizeof recs[0], cmp_rec);
  printf("bsearch %ld\n", f ? (long)(f - recs) : -1L);
  char *names[300];
  for (int i = 0; i < 300; i++) names[i] = recs[i * 6].name;
  qsort(names, 300, sizeof names[0], cmp_str);
  printf("names %s %s %s\n", names[0], names[150], names[299]);
  static double ds[3000];
  for (int i = 0; i < 3000; i++) ds[i] = (double)(int64_t)splitmix(&s) / 1e15;
  qsort(ds, 3000, sizeof ds[0], cmp_dbl);
  printf("doubles %.17g %.17g %.17g\n", ds[0], ds[1500], ds[2999]);
  // 64-bit arithmetic corner cases
  int64_t vals[] = {0, 1, -1, 7, -7, INT64_MAX, INT64_MIN, 0x123456789abcdefLL, -1000000007LL, 4294967296LL, 65535};
  int nv = sizeof vals / sizeof vals[0];
  uint64_t acc = 0;
  for (int i = 0; i < nv; i++)
    for (int j = 0; j < nv; j++) {
      int64_t a = vals[i], b = vals[j];
      uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
      uint64_t r = ua * ub;
      if (b != 0 && !(a == INT64_MIN && b == -1)) r ^= (uint64_t)(a / b) * 3 + (uint64_t)(a % b);
      if (ub != 0) r += ua / ub + ua % ub;
      r ^= (ua << (ub & 63)) ^ (ua >> (ub & 63)) ^ (uint64_t)(a >> (ub & 63));
      r += (uint64_t)__builtin_popcountll(ua) + (ua ? (uint64_t)__builtin_clzll(ua) : 64) + (ua ? (uint64_t)__builtin_ctzll(ua) : 64);
      unsigned __int128 wide = (unsigned __int128)ua * ub;
      r ^= (uint64_t)(wide >> 64);
      __int128 sw = (__int128)a * b;
      r += (uint64_t)(sw >> 64);
      acc = murmur64(acc + r);
    }
  printf("int64 mix %016llx\n", (unsigned long long)acc);
  uint32_t u32acc = 0;
  for (uint32_t a = 1; a < 5000; a += 7) u32acc = u32acc * 31 + (0xdeadbeefu / a) + (0xdeadbeefu % a) + (uint32_t)((int32_t)-a / 3) + (a << (a & 31)) + __builtin_bswap32(a);
  printf("int32 mix %08x\n", u32acc);
  static uint8_t buf[10000];
  for (int i = 0; i < 10000; i++) buf[i] = (uint8_t)splitmix(&s);
  printf("crc32 %08x\n", crc32(buf, sizeof buf));
  char text[200];
  int n = snprintf(text, sizeof text, "%d|%5.2f|%-8s|%lld|%llx|%o|%c|%%|%+d|% d", -123, 3.14159, "abc", (long long)INT64_MIN, 0xfedcba9876543210ULL, 0755, 'Z', 5, 6);
  printf("snprintf %d %s\n", n, text);
  printf("strtol %ld %lu %lld %ld\n", strtol("-0x7fffffff", NULL, 16), strtoul("4294967295", NULL, 10), strtoll("9223372036854775807", NULL, 10), strtol("0777", NULL, 0));
  return 0;
}
