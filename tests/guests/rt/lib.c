/* Freestanding runtime for the pseries test guests: console, printf,
 * hypercalls, RTAS, power-off and the default interrupt handler. */
#include "lib.h"

/* start.S addresses struct frame by the F_* offsets. */
#define CHECK_OFF(field, off) _Static_assert(__builtin_offsetof(struct frame, field) == (off), #field)
CHECK_OFF(gpr, F_GPR(0));
CHECK_OFF(cr, F_CR);
CHECK_OFF(lr, F_LR);
CHECK_OFF(ctr, F_CTR);
CHECK_OFF(xer, F_XER);
CHECK_OFF(srr0, F_SRR0);
CHECK_OFF(srr1, F_SRR1);
CHECK_OFF(dar, F_DAR);
CHECK_OFF(dsisr, F_DSISR);
CHECK_OFF(vec, F_VEC);
_Static_assert(sizeof(struct frame) == F_SIZE, "frame size");

/* QEMU gives the first spapr-vty (from -serial) this unit address. */
#define VTERM 0x71000000UL

long hcall9(unsigned long nr, unsigned long *ret, const unsigned long a[9]) {
  register unsigned long r3 __asm__("r3") = nr;
  register unsigned long r4 __asm__("r4") = a[0];
  register unsigned long r5 __asm__("r5") = a[1];
  register unsigned long r6 __asm__("r6") = a[2];
  register unsigned long r7 __asm__("r7") = a[3];
  register unsigned long r8 __asm__("r8") = a[4];
  register unsigned long r9 __asm__("r9") = a[5];
  register unsigned long r10 __asm__("r10") = a[6];
  register unsigned long r11 __asm__("r11") = a[7];
  register unsigned long r12 __asm__("r12") = a[8];
  /* Clobbers are PAPR's volatile set, not just what QEMU touches, so the
   * guests stay correct under a stricter hypervisor. */
  __asm__ volatile("sc 1"
                   : "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7), "+r"(r8), "+r"(r9),
                     "+r"(r10), "+r"(r11), "+r"(r12)
                   :
                   : "r0", "ctr", "xer", "cr0", "cr1", "cr5", "cr6", "cr7", "memory");
  if (ret) {
    ret[0] = r4; ret[1] = r5; ret[2] = r6; ret[3] = r7; ret[4] = r8;
    ret[5] = r9; ret[6] = r10; ret[7] = r11; ret[8] = r12;
  }
  return (long)r3;
}

long hcall(unsigned long nr, unsigned long *ret, unsigned long a1, unsigned long a2,
           unsigned long a3, unsigned long a4, unsigned long a5, unsigned long a6) {
  const unsigned long a[9] = {a1, a2, a3, a4, a5, a6, 0, 0, 0};
  return hcall9(nr, ret, a);
}

static char conbuf[16];
static unsigned conlen;

void flush(void) {
  unsigned long w[2] = {0, 0};
  /* H_PUT_TERM_CHAR takes the bytes in registers, first byte most
   * significant, whatever the guest's endianness. */
  for (unsigned i = 0; i < conlen; i++) w[i / 8] |= (unsigned long)(unsigned char)conbuf[i] << (56 - 8 * (i % 8));
  if (conlen) hcall(H_PUT_TERM_CHAR, 0, VTERM, conlen, w[0], w[1], 0, 0);
  conlen = 0;
}

int putchar(int c) {
  conbuf[conlen++] = (char)c;
  if (conlen == sizeof conbuf || c == '\n') flush();
  return c;
}

int puts(const char *s) {
  while (*s) putchar(*s++);
  putchar('\n');
  return 0;
}

unsigned long strlen(const char *s) {
  unsigned long n = 0;
  while (s[n]) n++;
  return n;
}

/* GCC may emit calls to these even with -fno-builtin (struct copies). */
void *memset(void *d, int c, unsigned long n) {
  unsigned char *p = d;
  while (n--) *p++ = (unsigned char)c;
  return d;
}

void *memcpy(void *d, const void *s, unsigned long n) {
  unsigned char *p = d;
  const unsigned char *q = s;
  while (n--) *p++ = *q++;
  return d;
}

static void pad(int n, char c) {
  while (n-- > 0) putchar(c);
}

/* Supports %[-][0][width][l|ll|z]{d,i,u,x,X,p,s,c,%}: what the tests use. */
int vprintf(const char *fmt, va_list ap) {
  for (; *fmt; fmt++) {
    if (*fmt != '%') {
      putchar(*fmt);
      continue;
    }
    int left = 0, zero = 0, width = 0, lng = 0;
    for (;; fmt++) {
      if (fmt[1] == '-') left = 1;
      else if (fmt[1] == '0') zero = 1;
      else break;
    }
    while (fmt[1] >= '0' && fmt[1] <= '9') width = width * 10 + (*++fmt - '0');
    while (fmt[1] == 'l' || fmt[1] == 'z') lng = 1, fmt++;
    char conv = *++fmt, buf[24], *s = buf + sizeof buf;
    unsigned long u = 0;
    int neg = 0, base = 10;
    const char *digits = "0123456789abcdef";
    switch (conv) {
      case 'd': case 'i': {
        long v = lng ? va_arg(ap, long) : va_arg(ap, int);
        neg = v < 0;
        u = neg ? -(unsigned long)v : (unsigned long)v;
        break;
      }
      case 'u': u = lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned); break;
      case 'X': digits = "0123456789ABCDEF"; /* fall through */
      case 'x': u = lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned); base = 16; break;
      case 'p': u = (unsigned long)va_arg(ap, void *); base = 16; break;
      case 'c': buf[0] = (char)va_arg(ap, int); s = buf; break;
      case 's': s = va_arg(ap, char *); if (!s) s = "(null)"; break;
      case '%': putchar('%'); continue;
      case 0: return 0;
      default: putchar('%'); putchar(conv); continue;
    }
    int len;
    if (conv == 's') len = (int)strlen(s);
    else if (conv == 'c') len = 1;
    else {
      do *--s = digits[u % base]; while (u /= base);
      if (conv == 'p') *--s = 'x', *--s = '0';
      len = (int)(buf + sizeof buf - s);
    }
    int fill = width - len - neg;
    if (!left && !zero) pad(fill, ' ');
    if (neg) putchar('-');
    if (!left && zero) pad(fill, '0');
    for (int i = 0; i < len; i++) putchar(s[i]);
    if (left) pad(fill, ' ');
  }
  return 0;
}

int printf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  return 0;
}

/* RTAS wants its argument block big-endian in guest memory. */
static unsigned be32(unsigned v) {
#ifdef __LITTLE_ENDIAN__
  return __builtin_bswap32(v);
#else
  return v;
#endif
}

/* The argument block lives on the caller's stack: each CPU has its own. */
struct rtas_block {
  unsigned token, nargs, nret, args[16];
};

long rtas_call(unsigned token, int nargs, int nret, unsigned *ret, ...) {
  struct rtas_block rtas_args __attribute__((aligned(16)));
  va_list ap;
  va_start(ap, ret);
  rtas_args.token = be32(token);
  rtas_args.nargs = be32((unsigned)nargs);
  rtas_args.nret = be32((unsigned)nret);
  for (int i = 0; i < nargs; i++) rtas_args.args[i] = be32(va_arg(ap, unsigned));
  for (int i = 0; i < nret; i++) rtas_args.args[nargs + i] = 0;
  va_end(ap);
  /* Real mode: the address of the block is its guest physical address. */
  if (hcall(H_RTAS, 0, (unsigned long)&rtas_args, 0, 0, 0, 0, 0) != H_SUCCESS) return -1;
  for (int i = 0; i < nret && ret; i++) ret[i] = be32(rtas_args.args[nargs + i]);
  return nret ? (int)be32(rtas_args.args[nargs]) : 0;
}

void poweroff(void) {
  flush();
  long rc = rtas_call(RTAS_POWER_OFF, 2, 1, 0, 0, 0);
  printf("power-off failed: %ld\n", rc);
  flush();
  for (;;) __asm__ volatile("");
}

void exit(int code) {
  printf("exit %d\n", code);
  poweroff();
}

extern char __bss_end[];

long mmu_map_image(void) {
  /* pseries under TCG starts in hash mode with an HPT the hypervisor owns.
   * Segment 0 (256 MiB, ESID 0) gets VSID 1 with 64 KiB pages (L=1 LP=01;
   * QEMU's default cap-hpt-max-page-size is 64k, so no 16 MiB pages) and
   * Kp=1; the pages go in through H_ENTER. */
  const unsigned long vsid = 1;
  unsigned long slb_vsid = vsid << 12 | 0x400 /* Kp */ | 0x100 /* L */ | 0x10 /* LP=01 */;
  unsigned long slb_esid = 0 /* ESID 0 */ | 0x8000000 /* V */ | 0 /* entry 0 */;
  __asm__ volatile("slbmte %0,%1; isync" : : "r"(slb_vsid), "r"(slb_esid) : "memory");
  for (unsigned long ea = 0; ea < (unsigned long)__bss_end; ea += 0x10000) {
    /* Pre-3.0 HPTE format, as PAPR's H_ENTER takes it. V: AVPN = VA >> 23
     * at bit 7, L, valid. R: RPN, LP=1 (64 KiB), R, C, WIMG=M (QEMU insists
     * on M alone for RAM), PP=0b10 (read/write for keys 0 and 1). */
    unsigned long pteh = vsid << 12 | (ea >> 23) << 7 | 0x4 /* L */ | 0x1 /* V */;
    unsigned long ptel = ea | 0x1000 /* LP */ | 0x100 | 0x80 | 0x10 | 0x2;
    /* Primary hash = VSID ^ page index; tiny, so within any HPT size. */
    long rc = hcall(H_ENTER, 0, 0, 8 * (vsid ^ (ea >> 16)), pteh, ptel, 0, 0);
    if (rc != H_SUCCESS) return rc;
  }
  return H_SUCCESS;
}

extern char rt_secondary_entry[];

long rt_start_cpu(unsigned cpu, unsigned long arg) {
  return rtas_call(RTAS_START_CPU, 3, 1, 0, cpu, (unsigned)(unsigned long)rt_secondary_entry, (unsigned)arg);
}

long rt_cpu_stopped(unsigned cpu) {
  unsigned ret[2];
  long st = rtas_call(RTAS_QUERY_CPU_STOPPED_STATE, 1, 2, ret, cpu);
  return st ? st : (long)ret[1];
}

void rt_stop_self(void) {
  rtas_call(RTAS_STOP_SELF, 0, 1, 0);
  for (;;) {
  }
}

/* start.S's secondary64 lands here; the default stops at once. */
__attribute__((weak)) void secondary_main(unsigned long arg) {
  (void)arg;
}

void rt_secondary(unsigned long arg) __attribute__((noreturn));
void rt_secondary(unsigned long arg) {
  secondary_main(arg);
  rt_stop_self();
}

int is_hv_vector(unsigned long vec) {
  return vec == 0x980 || (vec >= 0xe00 && vec <= 0xea0) || vec == 0xf80;
}

void unexpected_trap(unsigned long vec, struct frame *f) {
  printf("unexpected interrupt 0x%lx%s\n", vec, is_hv_vector(vec) ? " (hypervisor vector: never for a guest)" : "");
  printf("  srr0=%016lx srr1=%016lx dar=%016lx dsisr=%08lx\n", f->srr0, f->srr1, f->dar, f->dsisr);
  printf("  lr=%016lx r1=%016lx msr=%016lx\n", f->lr, f->gpr[1], mfmsr());
  exit(255);
}

__attribute__((weak)) void trap(unsigned long vec, struct frame *f) {
  unexpected_trap(vec, f);
}

/* Called by start.S with the H_SET_MODE status (always 0 in the BE build). */
void rt_start(long set_mode_rc) __attribute__((noreturn));
void rt_start(long set_mode_rc) {
  /* DEC counts from its reset value and would soon raise 0x900 once some
   * code sets MSR[EE] (problem state always does): park it ~4 s away. */
  mtspr(SPR_DEC, 0x7fffffff);
  if (set_mode_rc != H_SUCCESS) printf("H_SET_MODE(LE) failed: %ld: interrupts will be taken big-endian\n", set_mode_rc);
  exit(main());
}
