// Signal handlers: delivery with siginfo, ucontext editing (skip a trap),
// siglongjmp out of SIGSEGV, blocked/pending signals, SA_RESETHAND, and a
// stack overflow caught on an alternate signal stack.
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

static volatile int hits;
static sigjmp_buf jb;
static volatile double fsum;

static void on_usr(int sig, siginfo_t *si, void *uc) {
  (void)uc;
  hits++;
  double x = 0;
  for (int i = 1; i < 100; i++) x += 1.0 / i; // clobber FP registers
  fsum += x;
  printf("handler sig %d code %d hits %d\n", si->si_signo, si->si_code, hits);
}

static void on_segv(int sig, siginfo_t *si, void *uc) {
  (void)uc;
  printf("segv sig %d code %d addr %p\n", sig, si->si_code, si->si_addr);
  siglongjmp(jb, 1);
}

static void on_trap(int sig, siginfo_t *si, void *ucv) {
  (void)si;
  ucontext_t *uc = ucv;
  printf("trap sig %d, skipping the instruction\n", sig);
  uc->uc_mcontext.gp_regs[32] += 4; // PT_NIP
}

static int depth;
static void on_overflow(int sig) {
  static const char msg[] = "caught stack overflow on the alternate stack\n";
  (void)sig;
  write(1, msg, sizeof msg - 1);
  _exit(3);
}

static int recurse(int n) {
  volatile char pad[4096];
  pad[0] = (char)n;
  depth = n;
  return recurse(n + 1) + pad[0];
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_usr;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR1, &sa, NULL);
  volatile double keep = 1.25, keep2 = -3.5;
  raise(SIGUSR1);
  kill(getpid(), SIGUSR1);
  printf("after: hits %d keep %g %g fsum %.10f\n", hits, keep, keep2, fsum);

  sa.sa_sigaction = on_segv;
  sigaction(SIGSEGV, &sa, NULL);
  if (sigsetjmp(jb, 1) == 0) {
    volatile int *bad = (int *)0x100;
    printf("never %d\n", *bad);
  }
  puts("back from segv");
  if (sigsetjmp(jb, 1) == 0) {
    volatile int *bad = (int *)0x200;
    *bad = 5;
  }
  puts("back from second segv (handler still installed, mask restored)");

  sa.sa_sigaction = on_trap;
  sigaction(SIGTRAP, &sa, NULL);
  __asm__ volatile("trap"); // tw 31,0,0: SIGTRAP (GCC's __builtin_trap is an illegal word)
  puts("after trap");

  sigset_t set, old, pend;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, &old);
  raise(SIGUSR1);
  sigpending(&pend);
  printf("blocked: hits %d pending %d\n", hits, sigismember(&pend, SIGUSR1));
  sigprocmask(SIG_SETMASK, &old, NULL);
  printf("unblocked: hits %d\n", hits);

  stack_t ss;
  ss.ss_sp = malloc(1 << 16);
  ss.ss_size = 1 << 16;
  ss.ss_flags = 0;
  sigaltstack(&ss, NULL);
  struct sigaction so;
  memset(&so, 0, sizeof so);
  so.sa_handler = on_overflow;
  so.sa_flags = SA_ONSTACK;
  sigaction(SIGSEGV, &so, NULL);
  fflush(stdout);
  return recurse(0);
}
