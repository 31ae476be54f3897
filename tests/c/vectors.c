// Loops GCC -O3 -mcpu=power9 autovectorizes (VMX/VSX): float/double/int arithmetic,
// reductions, conversions, min/max, byte operations, permutes.
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <math.h>

#define N 1024
static float fa[N], fb[N], fc[N];
static double da[N], db[N], dc[N];
static int32_t ia[N], ib[N], ic[N];
static int16_t sa[N], sb[N];
static uint8_t ua[N], ub[N], uc[N];
static int64_t la[N], lb[N];

static uint64_t fnv(const void *p, size_t n) {
  const uint8_t *b = p;
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 1099511628211ULL;
  return h;
}

__attribute__((noinline)) static void saxpy(float a) { for (int i = 0; i < N; i++) fc[i] = a * fa[i] + fb[i]; }
__attribute__((noinline)) static void daxpy(double a) { for (int i = 0; i < N; i++) dc[i] = a * da[i] + db[i]; }
__attribute__((noinline)) static float fdot(void) { float s = 0; for (int i = 0; i < N; i++) s += fa[i] * fb[i]; return s; }
__attribute__((noinline)) static double ddot(void) { double s = 0; for (int i = 0; i < N; i++) s += da[i] * db[i]; return s; }
__attribute__((noinline)) static void iops(void) { for (int i = 0; i < N; i++) ic[i] = (ia[i] * ib[i]) ^ (ia[i] >> 3) + (ib[i] << 2) - (ia[i] & 0xff); }
__attribute__((noinline)) static int64_t isum(void) { int64_t s = 0; for (int i = 0; i < N; i++) s += ic[i]; return s; }
__attribute__((noinline)) static void minmax(void) { for (int i = 0; i < N; i++) { ic[i] = ia[i] < ib[i] ? ia[i] : ib[i]; fc[i] = fa[i] > fb[i] ? fa[i] : fb[i]; } }
__attribute__((noinline)) static void bytes(void) { for (int i = 0; i < N; i++) uc[i] = (uint8_t)((ua[i] + ub[i] + 1) >> 1) ^ (ua[i] > ub[i] ? ua[i] - ub[i] : ub[i] - ua[i]); }
__attribute__((noinline)) static void conv(void) { for (int i = 0; i < N; i++) { fc[i] = (float)ia[i] * 0.5f; ic[i] = (int32_t)(fa[i] * 100.0f); dc[i] = (double)fa[i] + (double)ia[i]; } }
__attribute__((noinline)) static void shorts(void) { for (int i = 0; i < N; i++) sb[i] = (int16_t)((sa[i] * 3) >> 1) + (int16_t)(sa[i] < 0 ? -sa[i] : sa[i]); }
__attribute__((noinline)) static void longs(void) { for (int i = 0; i < N; i++) lb[i] = la[i] * 6364136223846793005LL + (la[i] >> 7) - (la[i] << 3); }
__attribute__((noinline)) static void rev(void) { for (int i = 0; i < N; i++) ub[i] = ua[N - 1 - i]; }
__attribute__((noinline)) static void fsqrtdiv(void) { for (int i = 0; i < N; i++) { fc[i] = sqrtf(fabsf(fa[i])) / (fb[i] + 2.0f); dc[i] = sqrt(fabs(da[i])) / (db[i] + 2.0); } }
__attribute__((noinline)) static void stencil(void) { for (int i = 1; i < N - 1; i++) dc[i] = 0.25 * da[i - 1] + 0.5 * da[i] + 0.25 * da[i + 1]; }

int main(void) {
  uint32_t x = 2463534242u;
  for (int i = 0; i < N; i++) {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    fa[i] = (float)(int32_t)x / 65536.0f; fb[i] = (float)(x % 1000) / 7.0f - 50.0f;
    da[i] = (double)(int32_t)x / 1048576.0; db[i] = (double)(x % 9973) / 13.0 - 300.0;
    ia[i] = (int32_t)x; ib[i] = (int32_t)(x * 2654435761u);
    sa[i] = (int16_t)x; ua[i] = (uint8_t)x; ub[i] = (uint8_t)(x >> 8);
    la[i] = ((int64_t)x << 32) ^ (int64_t)(x * 40503u);
  }
  saxpy(1.75f); printf("saxpy %016llx %a\n", (unsigned long long)fnv(fc, sizeof fc), fc[17]);
  daxpy(-0.3); printf("daxpy %016llx %a\n", (unsigned long long)fnv(dc, sizeof dc), dc[900]);
  printf("fdot %a ddot %a\n", fdot(), ddot());
  iops(); printf("iops %016llx sum %lld\n", (unsigned long long)fnv(ic, sizeof ic), (long long)isum());
  minmax(); printf("minmax %016llx %016llx\n", (unsigned long long)fnv(ic, sizeof ic), (unsigned long long)fnv(fc, sizeof fc));
  bytes(); printf("bytes %016llx\n", (unsigned long long)fnv(uc, sizeof uc));
  conv(); printf("conv %016llx %016llx %016llx\n", (unsigned long long)fnv(fc, sizeof fc), (unsigned long long)fnv(ic, sizeof ic), (unsigned long long)fnv(dc, sizeof dc));
  shorts(); printf("shorts %016llx\n", (unsigned long long)fnv(sb, sizeof sb));
  longs(); printf("longs %016llx\n", (unsigned long long)fnv(lb, sizeof lb));
  rev(); printf("rev %016llx\n", (unsigned long long)fnv(ub, sizeof ub));
  fsqrtdiv(); printf("sqrtdiv %016llx %016llx %a\n", (unsigned long long)fnv(fc, sizeof fc), (unsigned long long)fnv(dc, sizeof dc), dc[5]);
  stencil(); printf("stencil %016llx\n", (unsigned long long)fnv(dc, sizeof dc));
  char buf[300];
  memset(buf, 'x', sizeof buf); memcpy(buf + 3, "vectorized memcpy and strlen", 29);
  printf("str %zu %d %s\n", strlen(buf + 3), memcmp(buf, buf + 1, 200) > 0, strchr(buf + 3, 'm'));
  return 0;
}
