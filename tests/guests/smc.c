/*
 * Self-modifying code in real mode: a function is run, rewritten, and run
 * again — once with the architected sequence (dcbst; sync; icbi; isync)
 * and once with plain stores only. The hypervisor's CPU drops decoded code
 * when its page is written, so both show the new code (QEMU's TCG detects
 * the write too). Also: code written through a cache-inhibited-free alias
 * (EA bit 0 set, real mode ignores EA bits 0:3) is seen.
 */
#include "lib.h"

static unsigned int code[64] __attribute__((aligned(128)));

typedef long (*fn_t)(void);

static void emit(unsigned int *p, long value) {
  p[0] = 0x38600000 | ((unsigned)value & 0xffff); /* li r3,value */
  p[1] = 0x4e800020;                              /* blr */
}

static void sync_icache(void *p) {
  __asm__ volatile("dcbst 0,%0; sync; icbi 0,%0; isync" : : "r"(p) : "memory");
}

static long call(void *p) {
  /* ELFv2 calls through r12; ELFv1 needs a descriptor: build one. */
#if defined(_CALL_ELF) && _CALL_ELF == 2
  return ((fn_t)p)();
#else
  static unsigned long desc[3];
  desc[0] = (unsigned long)p;
  __asm__ volatile("std 2,%0" : "=m"(desc[1]));
  return ((fn_t)(void *)desc)();
#endif
}

int main(void) {
  printf("smc (%s guest)\n", GUEST_ENDIAN);
  emit(code, 1);
  sync_icache(code);
  printf("first version: %ld\n", call(code));
  emit(code, 2);
  sync_icache(code);
  printf("rewritten with dcbst/sync/icbi/isync: %ld\n", call(code));
  emit(code, 3);
  printf("rewritten with plain stores: %ld\n", call(code));
  /* The same words written through the 0x8000... alias of the page. */
  unsigned int *alias = (unsigned int *)(0x8000000000000000UL | (unsigned long)code);
  emit(alias, 4);
  printf("rewritten through a real-mode alias: %ld\n", call(code));
  /* A loop that rewrites the instruction it is about to run. */
  long sum = 0;
  for (int i = 0; i < 5; i++) {
    emit(code, 10 + i);
    sum += call(code);
  }
  printf("five rewrites in a loop: sum %ld (want 60)\n", sum);
  /*
   * Rewritten while a compiled form of it waits: a JIT that compiles hot
   * code in batches (tskvm's wasm tier) has queued the old function when it
   * is rewritten; when another hot loop's batch is compiled, the old code
   * must not come back.
   */
  static unsigned int code2[64] __attribute__((aligned(128)));
  emit(code2, 20);
  sync_icache(code2);
  sum = 0;
  for (int i = 0; i < 6; i++) sum += call(code2);
  emit(code2, 21);
  sync_icache(code2);
  volatile long spin = 0;
  for (int i = 0; i < 200; i++) spin += i;
  printf("rewritten while its compiled form waits: %ld, before %ld (want 21, 120)\n", call(code2), sum);
  return 0;
}
