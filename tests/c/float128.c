// IEEE binary128 (__float128) on POWER9: ISA 3.0 quad-precision instructions.
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static void show(const char *n, __float128 x) {
  uint64_t w[2];
  memcpy(w, &x, 16);
  printf("%s %016llx%016llx %.17g\n", n, (unsigned long long)w[1], (unsigned long long)w[0], (double)x);
}

int main(void) {
  volatile __float128 a = 1.0Q / 3.0Q;
  volatile __float128 b = 2.0Q;
  show("third", a);
  show("add", a + b);
  show("sub", a - b);
  show("mul", a * b * 1e100Q);
  show("div", b / a);
  show("fma", a * a + b);
  __float128 r = b;
  for (int i = 0; i < 10; i++) r = (r + 2.0Q / r) / 2;
  show("sqrt2", r);
  show("neg", -a);
  show("fromll", (__float128)(long long)-1234567890123456789LL);
  show("fromull", (__float128)18446744073709551615ULL);
  printf("toll %lld toull %llu\n", (long long)(a * 1e30Q), (unsigned long long)(b * 1e18Q));
  printf("cmp %d %d %d\n", a < b, a == a, b <= a);
  double d = (double)(a * 3);
  printf("todouble %a\n", d);
  show("fromdouble", (__float128)0.1);
  __float128 s = 0;
  for (int i = 1; i <= 100; i++) s += 1.0Q / i;
  show("harmonic", s);
  return 0;
}
