/* Smallest guest: console, identification registers, MSR after start.S,
 * and the runtime's printf formats. */
#include "lib.h"

int main(void) {
  printf("hello from %s guest\n", GUEST_ENDIAN);
  printf("pvr %08lx\n", mfspr(SPR_PVR));
  /* start.S asked for SF|ME|RI (+LE). */
  printf("msr %016lx\n", mfmsr());
  printf("fmt d: [%d] [%d] [%5d] [%-5d] [%05d] [%ld]\n", 42, -42, -42, 42, -42, -9223372036854775807L - 1);
  printf("fmt u: [%u] [%lu]\n", 4294967295U, 18446744073709551615UL);
  printf("fmt x: [%x] [%X] [%08x] [%lx] [%016lx]\n", 0xbeefU, 0xbeefU, 0xbeefU, 0x123456789abcdefUL, 0xabcUL);
  printf("fmt p: [%p] [%p]\n", (void *)0, (void *)0x1000);
  printf("fmt s/c: [%s] [%6s] [%-6s] [%c] [%%]\n", "abc", "abc", "abc", 'Z');
  /* Longer than one 16-byte H_PUT_TERM_CHAR batch, without a newline. */
  printf("a line longer than sixteen characters, ");
  printf("split across several hcalls\n");
  return 0;
}
