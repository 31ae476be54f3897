// Explicit VMX/VSX intrinsics (altivec.h): integer and FP lanes, permutes,
// saturation, compares, conversions, loads/stores at odd alignments.
#include <altivec.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void pu8(const char *n, vector unsigned char v) {
  unsigned char b[16];
  memcpy(b, &v, 16);
  printf("%s", n);
  for (int i = 0; i < 16; i++) printf(" %02x", b[i]);
  printf("\n");
}
static void pi32(const char *n, vector signed int v) { printf("%s %d %d %d %d\n", n, v[0], v[1], v[2], v[3]); }
static void pu32(const char *n, vector unsigned int v) { printf("%s %08x %08x %08x %08x\n", n, v[0], v[1], v[2], v[3]); }
static void pf(const char *n, vector float v) { printf("%s %a %a %a %a\n", n, v[0], v[1], v[2], v[3]); }
static void pd(const char *n, vector double v) { printf("%s %a %a\n", n, v[0], v[1]); }
static void pl(const char *n, vector signed long long v) { printf("%s %lld %lld\n", n, v[0], v[1]); }

int main(void) {
  volatile unsigned char src[64];
  for (int i = 0; i < 64; i++) src[i] = (unsigned char)(i * 37 + 11);
  vector unsigned char a = vec_xl(0, (unsigned char *)src + 3);
  vector unsigned char b = vec_xl(0, (unsigned char *)src + 17);
  pu8("xl", a);
  pu8("adds", vec_adds(a, b));
  pu8("subs", vec_subs(a, b));
  pu8("avg", vec_avg(a, b));
  pu8("max", vec_max(a, b));
  pu8("cmpgt", (vector unsigned char)vec_cmpgt(a, b));
  pu8("perm", vec_perm(a, b, (vector unsigned char){0, 17, 2, 19, 4, 21, 6, 23, 31, 30, 29, 28, 3, 3, 3, 3}));
  pu8("mergeh", vec_mergeh(a, b));
  pu8("sld", vec_sld(a, b, 5));
  pu8("rl", vec_rl(a, vec_splat_u8(3)));
  pu8("xor", vec_xor(a, b));
  pu8("sel", vec_sel(a, b, (vector unsigned char)vec_cmplt(a, b)));
  vector signed int ia = {2147483000, -5, 123456, -2147483647};
  vector signed int ib = {1000, -2147483000, 654321, -100};
  pi32("addsat", vec_adds(ia, ib));
  pi32("sub", vec_sub(ia, ib));
  pi32("mul", vec_mul(ia, ib));
  pi32("min", vec_min(ia, ib));
  pi32("sra", vec_sra(ia, (vector unsigned int){1, 2, 31, 4}));
  pu32("packs", (vector unsigned int)vec_packs(ia, ib));
  pi32("sums", vec_sums(ia, ib));
  pi32("sum4s", vec_sum4s((vector signed char)a, ib));
  vector float fa = {1.5f, -2.25f, 3.0e38f, 1e-40f};
  vector float fb = {0.1f, 4.0f, 3.0e38f, -1e-40f};
  pf("fadd", vec_add(fa, fb));
  pf("fmadd", vec_madd(fa, fb, fa));
  pf("fmax", vec_max(fa, fb));
  pf("fre", vec_re((vector float){1.0f, 2.0f, 4.0f, 0.5f}));
  pf("ceil", vec_ceil((vector float){1.2f, -1.2f, 2.5f, -0.5f}));
  pf("round", vec_round((vector float){1.5f, 2.5f, -1.5f, 0.49999997f}));
  pi32("cts", vec_cts((vector float){1.9f, -1.9f, 3e9f, -3e9f}, 0));
  pf("ctf", vec_ctf((vector signed int){1, -2, 1000000, 7}, 2));
  vector double da = {1.0 / 3.0, -1e300};
  vector double db = {3.0, 1e300};
  pd("dmul", vec_mul(da, db));
  pd("ddiv", vec_div(da, db));
  pd("dsqrt", vec_sqrt((vector double){2.0, 1e-300}));
  pd("dmadd", vec_madd(da, db, db));
  pd("dabs", vec_abs((vector double){-0.0, -3.5}));
  vector signed long long la = {0x7fffffffffffffffLL, -5};
  vector signed long long lb = {1, 0x123456789LL};
  pl("ladd", vec_add(la, lb));
  pl("lsub", vec_sub(la, lb));
  pl("lmax", vec_max(la, lb));
  pl("lsl", vec_sl(la, (vector unsigned long long){1, 33}));
  pd("lctd", vec_double(la));
  pl("dctl", vec_signed((vector double){-2.5, 9.3e18}));
  volatile unsigned char dst[64] = {0};
  vec_xst(vec_add(a, b), 0, (unsigned char *)dst + 5);
  unsigned sum = 0;
  for (int i = 0; i < 64; i++) sum = sum * 31 + dst[i];
  printf("xst %08x\n", sum);
  vector unsigned char s = vec_splats((unsigned char)0x5a);
  pu8("splats", s);
  pu32("splat", vec_splat((vector unsigned int)a, 2));
  pu8("popcnt", vec_popcnt(a));
  pu8("cntlz", vec_cntlz(a));
  pu8("absd", vec_absd(a, b));
  pu8("cmpne", (vector unsigned char)vec_cmpne(a, b));
  printf("first mismatch %d\n", vec_first_mismatch_index(a, vec_sel(a, b, (vector unsigned char){0,0,0,0,0,0,0,0xff,0,0,0,0,0,0,0,0})));
  return 0;
}
