// System-call surface: files, directories, descriptors, errors, identity, time.
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv, char **envp) {
  printf("argc %d:", argc);
  for (int i = 1; i < argc; i++) printf(" [%s]", argv[i]);
  printf("\nenv:");
  for (char **e = envp; *e; e++) printf(" %s", *e);
  unsigned long hw = getauxval(AT_HWCAP), hw2 = getauxval(AT_HWCAP2);
  printf("\nhwcap fpu %d altivec %d vsx %d 64 %d arch_2_06 %d | hwcap2 arch_2_07 %d arch_3_00 %d ieee128 %d darn %d scv %d\n", !!(hw & 0x08000000), !!(hw & 0x10000000), !!(hw & 0x80), !!(hw & 0x40000000), !!(hw & 0x100), !!(hw2 & 0x80000000), !!(hw2 & 0x00800000), !!(hw2 & 0x00400000), !!(hw2 & 0x00200000), !!(hw2 & 0x00100000));
  struct utsname u;
  uname(&u);
  printf("uname %s %s\n", u.sysname, u.machine);
  int fd = open("out.txt", O_CREAT | O_TRUNC | O_RDWR, 0644);
  printf("open %d\n", fd >= 0);
  struct iovec iov[3] = {{"alpha ", 6}, {"beta ", 5}, {"gamma\n", 6}};
  printf("writev %zd\n", writev(fd, iov, 3));
  printf("write %zd\n", write(fd, "0123456789\n", 11));
  printf("lseek %ld %ld\n", (long)lseek(fd, 0, SEEK_CUR), (long)lseek(fd, 6, SEEK_SET));
  char b[64] = {0};
  printf("read %zd [%.10s]\n", read(fd, b, 10), b);
  printf("pread %zd [%.5s]\n", pread(fd, b, 5, 17), b);
  printf("pwrite %zd\n", pwrite(fd, "XY", 2, 0));
  struct stat st;
  fstat(fd, &st);
  printf("fstat size %ld reg %d mode %o nlink %ld\n", (long)st.st_size, S_ISREG(st.st_mode), st.st_mode & 0777, (long)st.st_nlink);
  printf("ftruncate %d\n", ftruncate(fd, 12));
  fstat(fd, &st);
  printf("size now %ld\n", (long)st.st_size);
  int d2 = dup(fd);
  printf("dup %d cloexec %d\n", d2 > fd, fcntl(d2, F_GETFD));
  int d3 = fcntl(fd, F_DUPFD_CLOEXEC, 20);
  printf("dupfd %d cloexec %d fl %o\n", d3, fcntl(d3, F_GETFD), fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND));
  close(d2); close(d3); close(fd);
  FILE *f = fopen("out.txt", "r");
  char line[100];
  while (fgets(line, sizeof line, f)) printf("line: %s", line);
  fclose(f);
  f = fopen("out.txt", "a");
  fprintf(f, "appended %d\n", 7);
  fclose(f);
  if (stat("out.txt", &st) == 0) printf("stat size %ld\n", (long)st.st_size);
  printf("mkdir %d %d\n", mkdir("sub", 0755), mkdir("sub", 0755) == -1 && errno == EEXIST);
  for (int i = 0; i < 5; i++) { char p[32]; snprintf(p, sizeof p, "sub/f%d", i); close(open(p, O_CREAT | O_WRONLY, 0600)); }
  printf("rename %d\n", rename("sub/f0", "sub/g0"));
  printf("symlink %d\n", symlink("g0", "sub/link"));
  char lb[64] = {0};
  printf("readlink %zd %s\n", readlink("sub/link", lb, sizeof lb), lb);
  struct stat ls;
  printf("lstat %d islnk %d\n", lstat("sub/link", &ls), S_ISLNK(ls.st_mode));
  DIR *dir = opendir("sub");
  char *names[20]; int n = 0;
  struct dirent *de;
  while ((de = readdir(dir)) && n < 20) names[n++] = strdup(de->d_name);
  closedir(dir);
  qsort(names, n, sizeof names[0], cmp);
  printf("readdir %d:", n);
  for (int i = 0; i < n; i++) printf(" %s", names[i]);
  printf("\n");
  printf("access %d %d\n", access("out.txt", R_OK | W_OK), access("nope", F_OK) == -1 && errno == ENOENT);
  errno = 0;
  printf("open missing %d %s\n", open("no/such/file", O_RDONLY), strerror(errno));
  printf("rmdir nonempty %d %s\n", rmdir("sub"), strerror(errno));
  printf("close bad %d %s\n", close(999), strerror(errno));
  char cwd[512];
  printf("getcwd ok %d\n", getcwd(cwd, sizeof cwd) != NULL);
  printf("chdir %d\n", chdir("sub"));
  printf("relative open %d\n", access("g0", F_OK));
  chdir("..");
  for (int i = 1; i < 5; i++) { char p[32]; snprintf(p, sizeof p, "sub/f%d", i); unlink(p); }
  unlink("sub/g0"); unlink("sub/link");
  printf("rmdir %d\n", rmdir("sub"));
  printf("unlink %d\n", unlink("out.txt"));
  int pfd[2];
  printf("pipe %d\n", pipe(pfd));
  write(pfd[1], "through the pipe", 16);
  memset(b, 0, sizeof b);
  printf("pipe read %zd %s\n", read(pfd[0], b, sizeof b), b);
  close(pfd[0]); close(pfd[1]);
  char *m = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  m[0] = 1; m[(1 << 20) - 1] = 2;
  printf("mmap %d %d %d\n", m != MAP_FAILED, m[0] + m[(1 << 20) - 1], m[4096]);
  m = mremap(m, 1 << 20, 4 << 20, MREMAP_MAYMOVE);
  printf("mremap %d %d\n", m != MAP_FAILED, m[(1 << 20) - 1]);
  printf("munmap %d\n", munmap(m, 4 << 20));
  void *big = malloc(50 << 20);
  printf("malloc big %d\n", big != NULL);
  free(big);
  struct timespec t1, t2;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  struct timespec sl = {0, 2000000};
  nanosleep(&sl, NULL);
  clock_gettime(CLOCK_MONOTONIC, &t2);
  long el = (t2.tv_sec - t1.tv_sec) * 1000000000L + (t2.tv_nsec - t1.tv_nsec);
  printf("monotonic advances %d\n", el >= 2000000);
  struct timeval tv;
  gettimeofday(&tv, NULL);
  printf("time sane %d\n", tv.tv_sec > 1600000000 && labs((long)time(NULL) - tv.tv_sec) < 5);
  printf("pid %d isatty %d\n", getpid() > 0, isatty(1));
  printf("sysconf nprocs>0 %d\n", sysconf(_SC_NPROCESSORS_ONLN) > 0);
  fflush(stdout);
  fprintf(stderr, "to stderr\n");
  return 5;
}
