// Double-precision numerics: libm, printf %a/%.17g, rounding, conversions.
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile double vd[] = {0.0, -0.0, 1.0, -1.5, 3.141592653589793, 2.718281828459045, 1e-310, 5e-324, 1e308, 0.1, 1.0 / 3.0, 123456.789, -987654321.125, 2.5, 3.5, -2.5};
#define N (sizeof vd / sizeof vd[0])

static double horner(const double *c, int n, double x) {
  double r = c[n - 1];
  for (int i = n - 2; i >= 0; i--) r = r * x + c[i];
  return r;
}

static double newton_sqrt(double a) {
  double x = a > 1 ? a / 2 : 1;
  for (int i = 0; i < 60; i++) x = 0.5 * (x + a / x);
  return x;
}

int main(void) {
  for (unsigned i = 0; i < N; i++) {
    double x = vd[i];
    printf("%u: %a %.17g %e %g | floor %g ceil %g trunc %g round %g rint %g nearbyint %g\n", i, x, x, x, x, floor(x), ceil(x), trunc(x), round(x), rint(x), nearbyint(x));
    printf("   sqrt %.17g cbrt %.17g fabs %a copysign %a ilogb %d frexp %.17g\n", sqrt(fabs(x)), cbrt(x), fabs(x), copysign(2.0, x), x == 0 ? 0 : ilogb(x), frexp(x, &(int){0}));
    long long ll = (x > -9e18 && x < 9e18) ? (long long)x : 0;
    unsigned long long ull = (x >= 0 && x < 1.8e19) ? (unsigned long long)x : 0;
    printf("   ll %lld ull %llu f %a lround %ld\n", ll, ull, (double)(float)x, (x > -9e18 && x < 9e18) ? lround(x) : 0L);
  }
  double args[] = {0.5, 1.0, 2.0, 10.0, -3.25, 100.0, 1e-8, 0.7853981633974483};
  for (unsigned i = 0; i < sizeof args / sizeof args[0]; i++) {
    double x = args[i];
    printf("x=%g sin %.17g cos %.17g tan %.17g exp %.17g log %.17g log10 %.17g pow %.17g atan %.17g atan2 %.17g sinh %.17g tanh %.17g erf %.17g lgamma %.17g hypot %.17g expm1 %.17g log1p %.17g\n", x, sin(x), cos(x), tan(x), exp(x), log(fabs(x)), log10(fabs(x)), pow(fabs(x), 1.37), atan(x), atan2(x, 1.7), sinh(x), tanh(x), erf(x), lgamma(fabs(x)), hypot(x, 3.0), expm1(x), log1p(fabs(x)));
  }
  double c[] = {1, -0.5, 1.0 / 6, -1.0 / 24, 1.0 / 120, -1.0 / 720, 1.0 / 5040};
  double acc = 0;
  for (int i = 0; i < 1000; i++) acc += horner(c, 7, i * 0.001);
  printf("horner %.17g %a\n", acc, acc);
  printf("newton %.17g %.17g %.17g\n", newton_sqrt(2), newton_sqrt(1e10), newton_sqrt(0.0001));
  printf("fma %a %a\n", fma(0.1, 10.0, -1.0), fma(1.0 + DBL_EPSILON, 1.0 - DBL_EPSILON, -1.0));
  printf("fmod %.17g remainder %.17g modf %.17g\n", fmod(10.5, 3.2), remainder(10.5, 3.2), modf(-3.75, &(double){0}));
  printf("nan %g %g inf %g %d %d\n", NAN, -NAN, -INFINITY, isnan(sqrt(-1.0)), isinf(1.0 / vd[0]));
  const char *strs[] = {"3.14159", "1e-300", "0x1.8p3", "-0", "123456789012345678901234567890", "2.2250738585072011e-308", "inf", "nan", "0.1"};
  for (unsigned i = 0; i < sizeof strs / sizeof strs[0]; i++) printf("strtod(%s) = %a %.17g\n", strs[i], strtod(strs[i], NULL), strtod(strs[i], NULL));
  float fs = 0;
  for (int i = 1; i <= 1000; i++) fs += 1.0f / (float)i;
  printf("float harmonic %a %.9g\n", fs, fs);
  long double ld = 1.0L / 3.0L;
  printf("long double %.20Lg\n", ld);
  int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
  for (int m = 0; m < 4; m++) {
    fesetround(modes[m]);
    volatile double a = 1.0, b = 3.0;
    printf("round mode %d: %a %a %.17g\n", m, a / b, -a / b, rint(2.5));
  }
  fesetround(FE_TONEAREST);
  feclearexcept(FE_ALL_EXCEPT);
  volatile double z = 0.0;
  volatile double q = 1.0 / z;
  printf("flags after 1/0: divbyzero %d inexact %d (%g)\n", !!fetestexcept(FE_DIVBYZERO), !!fetestexcept(FE_INEXACT), q);
  return 0;
}
