// Ways to die: each mode ends the process with a signal (or survives one).
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int deep(int n) {
  volatile char big[1 << 16];
  big[0] = (char)n;
  return deep(n + 1) + big[0];
}

int main(int argc, char **argv) {
  const char *m = argc > 1 ? argv[1] : "";
  printf("mode %s\n", m);
  fflush(stdout);
  if (!strcmp(m, "abort")) abort();
  if (!strcmp(m, "segv")) { volatile int *p = (int *)16; return *p; }
  if (!strcmp(m, "segv-write")) { volatile int *p = (int *)(main); *p = 1; return 0; }
  if (!strcmp(m, "trap")) __builtin_trap();
  if (!strcmp(m, "term")) raise(SIGTERM);
  if (!strcmp(m, "ignored")) { signal(SIGTERM, SIG_IGN); raise(SIGTERM); puts("survived SIGTERM"); }
  if (!strcmp(m, "chld")) { raise(SIGCHLD); puts("SIGCHLD ignored by default"); }
  if (!strcmp(m, "kill0")) { printf("kill(0) %d\n", kill(getpid(), 0)); }
  if (!strcmp(m, "exit300")) exit(300);
  if (!strcmp(m, "stack")) return deep(0); // overflows the 8 MiB stack
  return 0;
}
