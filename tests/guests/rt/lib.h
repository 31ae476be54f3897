/* Freestanding runtime for the pseries test guests (see start.S). */
#ifndef GUEST_LIB_H
#define GUEST_LIB_H

#include <stdarg.h>
#include "ppc.h"

/* Saved by start.S's common interrupt path; trap() may edit it. */
struct frame {
  unsigned long gpr[32];
  unsigned long cr, lr, ctr, xer;
  unsigned long srr0, srr1, dar, dsisr;
  unsigned long vec;
  unsigned long pad;
};

/* Called for every interrupt. The runtime's default (weak) reports the
 * interrupt and powers off; a guest that expects interrupts defines its own
 * and hands the rest to unexpected_trap(). */
void trap(unsigned long vec, struct frame *f);
void unexpected_trap(unsigned long vec, struct frame *f) __attribute__((noreturn));
int is_hv_vector(unsigned long vec);

int main(void);

/* Console (hvterm 0: H_PUT_TERM_CHAR), buffered by 16 chars per hcall. */
int putchar(int c);
int puts(const char *s);
void flush(void);
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap);

/* Hypercall: r3 = nr, r4..r9 = a1..a6. Returns r3; r4..r12 go to ret[0..8]
 * when ret is not NULL. */
long hcall(unsigned long nr, unsigned long *ret, unsigned long a1, unsigned long a2,
           unsigned long a3, unsigned long a4, unsigned long a5, unsigned long a6);
/* The same with all nine arguments r4..r12 (H_BULK_REMOVE takes eight). */
long hcall9(unsigned long nr, unsigned long *ret, const unsigned long a[9]);
/* RTAS through H_RTAS with nargs unsigned arguments; the nret return words
 * go to ret (may be NULL). Returns the first one (the RTAS status), or -1 if
 * the hcall failed. */
long rtas_call(unsigned token, int nargs, int nret, unsigned *ret, ...);
void poweroff(void) __attribute__((noreturn));
/* Identity-map the image, stack included, with 64 KiB HPT pages (read/write
 * for both privilege levels) so problem-state code can run: MSR[PR]=1
 * forces IR=DR=EE=1, there is no real-mode problem state. Returns the
 * H_ENTER status. */
long mmu_map_image(void);
/* Secondary CPUs. rt_start_cpu starts vCPU `cpu` (RTAS start-cpu) running
 * secondary_main(arg) on its own stack (one secondary at a time); it
 * returns the RTAS status. rt_cpu_stopped: RTAS query-cpu-stopped-state's
 * answer (0 stopped, 2 running; negative: RTAS error). rt_stop_self: RTAS
 * stop-self; never returns. */
long rt_start_cpu(unsigned cpu, unsigned long arg);
long rt_cpu_stopped(unsigned cpu);
void rt_stop_self(void) __attribute__((noreturn));
void secondary_main(unsigned long arg);
/* Translated accesses (translated.S): see there. f_xload/f_xstore label the access. */
unsigned long x_load(unsigned long ea);
void x_store(unsigned long ea, unsigned long v);
long x_fetch(unsigned long ea);
extern char f_xload[], f_xstore[];
long run_translated(unsigned long (*fn)(unsigned long *, unsigned long), unsigned long *a, unsigned long b);
/* Flush, print "exit <code>", power off. rt_start calls it with main's value. */
void exit(int code) __attribute__((noreturn));

void *memset(void *d, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);
unsigned long strlen(const char *s);

/* A doubleword as big-endian memory holds it (radix tables, RTAS), whatever the guest's byte order. */
static inline unsigned long be64(unsigned long v) {
#ifdef __LITTLE_ENDIAN__
  return __builtin_bswap64(v);
#else
  return v;
#endif
}

#define mfmsr() ({ unsigned long _v; __asm__ volatile("mfmsr %0" : "=r"(_v)); _v; })
#define mtmsrd(v) __asm__ volatile("mtmsrd %0" : : "r"((unsigned long)(v)) : "memory")
/* L=1: only EE and RI change; cheaper and what kernels use for EE. */
#define mtmsrd_l1(v) __asm__ volatile("mtmsrd %0,1" : : "r"((unsigned long)(v)) : "memory")
#define mfspr(n) ({ unsigned long _v; __asm__ volatile("mfspr %0,%1" : "=r"(_v) : "i"(n)); _v; })
#define mtspr(n, v) __asm__ volatile("mtspr %0,%1" : : "i"(n), "r"((unsigned long)(v)) : "memory")
#define mftb() ({ unsigned long _v; __asm__ volatile("mftb %0" : "=r"(_v)); _v; })

#ifdef __LITTLE_ENDIAN__
#define GUEST_ENDIAN "le"
#else
#define GUEST_ENDIAN "be"
#endif

#endif
