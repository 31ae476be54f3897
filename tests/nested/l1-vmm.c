/*
 * A small VMM that runs inside the L1 (Debian's kernel with kvm-hv loaded,
 * under tskvm's nested HV): it creates a VM through /dev/kvm, gives it
 * memory and registers, and runs an L2 guest (the code in l2_code below)
 * whose hypercalls, MMIO accesses and memory it checks. Every line it
 * prints starts with "l1-vmm:"; the last is "l1-vmm: ok" or a FAIL line.
 *
 * The L2 runs little-endian (MSR[LE], LPCR[ILE] through ONE_REG), first in
 * real mode, then with radix translation on (a process table it gets
 * through KVM_PPC_CONFIGURE_V3_MMU). Its reports are hcalls 0x6000..0x6fff,
 * which kvm-hv does not know and so hands to this VMM.
 *
 * Built static for ppc64le by tests/nested/l1-vmm.ts.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <endian.h>
#include <linux/kvm.h>

#define MEM_SIZE (16UL << 20)
#define MMIO_BASE 0x40000000UL
#define DATA_GPA 0x7000UL
#define CODE_GPA 0x2000UL
#define PRTB_GPA 0x10000UL
#define ROOT_GPA 0x20000UL
#define KERN 0xc000000000000000UL

#define MSR_SF (1UL << 63)
#define MSR_ME 0x1000UL
#define MSR_IR 0x20UL
#define MSR_DR 0x10UL
#define MSR_RI 0x2UL
#define MSR_LE 0x1UL
#define LPCR_ILE (1UL << 25)

#define H_PUT_TERM_CHAR 0x58
#define R_SUM 0x6001
#define R_LOAD 0x6002
#define R_MMIO 0x6003
#define R_PAGES 0x6004
#define R_INTR 0x6eee
#define R_DONE 0x6fff

/* The L2: position-independent, little-endian. Entry l2_entry with
 * r5, r6 = addends and r30 = a base EA (0 in real mode, KERN translated). */
__asm__(
    ".pushsection .rodata\n"
    ".balign 4096\n"
    ".globl l2_code, l2_code_end, l2_entry\n"
    "l2_code:\n"
    /* Vectors 0x100..0xf80 (at guest real 0): any interrupt reports itself. */
    ".rept 31\n"
    "  .balign 128\n"
    "  mfspr 5, 26\n" /* SRR0 */
    "  mfspr 6, 27\n" /* SRR1 */
    "  mflr 7\n"
    "  bl 1f\n"
    "1: mflr 4\n"
    "  li 3, 0x6eee\n"
    "  sc 1\n"
    ".endr\n"
    ".balign 4096\n"
    ".space 4096\n" /* l2_code + 0x2000 = CODE_GPA */
    "l2_entry:\n"
    /* 1. registers: r4 = r5 + r6 */
    "  add 4, 5, 6\n"
    "  li 3, 0x6001\n"
    "  sc 1\n"
    /* 2. memory the VMM wrote: r4 = *(base + DATA_GPA) */
    "  ld 4, 0x7000(30)\n"
    "  li 3, 0x6002\n"
    "  sc 1\n"
    /* 3. MMIO: a store of 0x1234, then a load at +8, outside every memslot */
    "  lis 9, 0x4000\n"
    "  add 9, 9, 30\n"
    "  li 10, 0x1234\n"
    "  stw 10, 0(9)\n"
    "  lwz 4, 8(9)\n"
    "  li 3, 0x6003\n"
    "  sc 1\n"
    /* 4. every 4K page in [1M, 15M): write (address ^ 0x5a5a) to its first doubleword, then sum them */
    "  lis 9, 0x10\n" /* 1M */
    "  add 9, 9, 30\n"
    "  li 10, 3584\n"
    "  mtctr 10\n"
    "2: xori 11, 9, 0x5a5a\n"
    "  std 11, 0(9)\n"
    "  addi 9, 9, 4096\n"
    "  bdnz 2b\n"
    "  lis 9, 0x10\n"
    "  add 9, 9, 30\n"
    "  li 10, 3584\n"
    "  mtctr 10\n"
    "  li 4, 0\n"
    "3: ld 11, 0(9)\n"
    "  add 4, 4, 11\n"
    "  addi 9, 9, 4096\n"
    "  bdnz 3b\n"
    "  li 5, 3584\n"
    "  li 3, 0x6004\n"
    "  sc 1\n"
    "  li 3, 0x6fff\n"
    "  sc 1\n"
    /* bench: round trips to the VMM, forever */
    ".globl l2_ping\n"
    "l2_ping:\n"
    "  li 3, 0x6100\n"
    "  sc 1\n"
    "  b l2_ping\n"
    /* bench: first touch of r5 pages of 64K from r30 */
    ".globl l2_touch\n"
    "l2_touch:\n"
    "  mr 9, 30\n"
    "  mtctr 5\n"
    "4: std 9, 0(9)\n"
    "  addis 9, 9, 1\n"
    "  bdnz 4b\n"
    "  li 3, 0x6102\n"
    "  sc 1\n"
    "l2_code_end:\n"
    ".popsection\n");
extern const char l2_code[], l2_code_end[], l2_entry[], l2_ping[], l2_touch[];

static int failed;
#define CHECK(cond, ...)                       \
  do {                                         \
    if (!(cond)) {                             \
      printf("l1-vmm: FAIL: " __VA_ARGS__);    \
      printf("\n");                            \
      failed = 1;                              \
    }                                          \
  } while (0)

static int kvm_fd, vm_fd, vcpu_fd;
static struct kvm_run *run;
static uint8_t *mem;

static void die(const char *what) {
  printf("l1-vmm: FAIL: %s: %s\n", what, strerror(errno));
  exit(1);
}

/*
 * CLOCK_MONOTONIC in ns. Times are kept in integers: Debian 6.1's kvm-hv,
 * as an L1, hands this process the guest's FPRs after some KVM_RUNs (seen
 * with QEMU as the L0 too), so a double held across the ioctl is lost.
 */
static uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000UL + (uint64_t)t.tv_nsec;
}

static void set_one_reg(uint64_t id, uint64_t v) {
  struct kvm_one_reg r = {.id = id, .addr = (uint64_t)(uintptr_t)&v};
  if (ioctl(vcpu_fd, KVM_SET_ONE_REG, &r) < 0) die("KVM_SET_ONE_REG");
}

/* Run the L2 from `pc` (with MSR `msr`, r30 = base) until it reports done; count KVM_RUNs. */
static unsigned long run_l2(const char *mode, uint64_t pc, uint64_t msr, uint64_t base) {
  struct kvm_regs regs;
  memset(&regs, 0, sizeof(regs));
  regs.pc = pc;
  regs.msr = msr;
  regs.gpr[5] = 40;
  regs.gpr[6] = 2;
  regs.gpr[30] = base;
  if (ioctl(vcpu_fd, KVM_SET_REGS, &regs) < 0) die("KVM_SET_REGS");
  /* The last exit was an hcall: the next KVM_RUN completes it first, loading
   * r3..r12 from kvm_run (KVM's hcall_needed). Make them what we just set. */
  run->papr_hcall.ret = regs.gpr[3];
  for (int i = 0; i < 9; i++) run->papr_hcall.args[i] = regs.gpr[4 + i];
  unsigned long runs = 0, mmio = 0;
  uint64_t t0 = now_ns();
  for (;;) {
    runs++;
    if (ioctl(vcpu_fd, KVM_RUN, 0) < 0) {
      printf("l1-vmm: FAIL: %s: KVM_RUN: %s (exit reason %u)\n", mode, strerror(errno), run->exit_reason);
      exit(1);
    }
    if (run->exit_reason == KVM_EXIT_MMIO) {
      mmio++;
      if (run->mmio.is_write) {
        uint32_t v;
        memcpy(&v, run->mmio.data, 4);
        printf("l1-vmm: %s: mmio write addr=%llx len=%u data=%x\n", mode, (unsigned long long)run->mmio.phys_addr, run->mmio.len, le32toh(v));
        CHECK(run->mmio.phys_addr == MMIO_BASE && run->mmio.len == 4 && le32toh(v) == 0x1234, "%s: mmio write", mode);
      } else {
        printf("l1-vmm: %s: mmio read addr=%llx len=%u\n", mode, (unsigned long long)run->mmio.phys_addr, run->mmio.len);
        CHECK(run->mmio.phys_addr == MMIO_BASE + 8 && run->mmio.len == 4, "%s: mmio read", mode);
        uint32_t v = htole32(0xcafef00d);
        memcpy(run->mmio.data, &v, 4);
      }
      continue;
    }
    if (run->exit_reason != KVM_EXIT_PAPR_HCALL) {
      printf("l1-vmm: FAIL: %s: exit reason %u (hardware %llx)\n", mode, run->exit_reason, (unsigned long long)run->hw.hardware_exit_reason);
      exit(1);
    }
    uint64_t nr = run->papr_hcall.nr, *a = (uint64_t *)run->papr_hcall.args;
    run->papr_hcall.ret = 0;
    switch (nr) {
    case R_SUM:
      printf("l1-vmm: %s: hcall sum r4=%llu\n", mode, (unsigned long long)a[0]);
      CHECK(a[0] == 42, "%s: sum", mode);
      break;
    case R_LOAD:
      printf("l1-vmm: %s: load %llx\n", mode, (unsigned long long)a[0]);
      CHECK(a[0] == 0x0123456789abcdefUL, "%s: load", mode);
      break;
    case R_MMIO:
      printf("l1-vmm: %s: mmio load gave %llx\n", mode, (unsigned long long)a[0]);
      CHECK(a[0] == 0xcafef00d, "%s: mmio load", mode);
      break;
    case R_PAGES: {
      uint64_t sum = 0;
      for (uint64_t p = 0; p < 3584; p++) {
        uint64_t ea = base + (1UL << 20) + p * 4096, v;
        memcpy(&v, mem + (1UL << 20) + p * 4096, 8);
        CHECK(v == (ea ^ 0x5a5a), "%s: page %llu holds %llx", mode, (unsigned long long)p, (unsigned long long)v);
        sum += ea ^ 0x5a5a;
      }
      printf("l1-vmm: %s: %llu pages written and summed, sum %s\n", mode, (unsigned long long)a[1], a[0] == sum ? "right" : "WRONG");
      CHECK(a[0] == sum, "%s: page sum", mode);
      break;
    }
    case R_INTR:
      printf("l1-vmm: FAIL: %s: L2 interrupt at vector %llx, srr0 %llx srr1 %llx\n", mode, (unsigned long long)((a[0] & 0xfff) - 0x10), (unsigned long long)a[1], (unsigned long long)a[2]);
      exit(1);
    case R_DONE:
      printf("l1-vmm: %s: done after %lu KVM_RUNs (%lu MMIO)\n", mode, runs, mmio);
      fprintf(stderr, "l1-vmm: %s: %llu us\n", mode, (unsigned long long)((now_ns() - t0) / 1000));
      return runs;
    default:
      printf("l1-vmm: FAIL: %s: unexpected hcall %llx\n", mode, (unsigned long long)nr);
      exit(1);
    }
  }
}

static void put64(uint64_t gpa, uint64_t v) {
  uint64_t be = htobe64(v);
  memcpy(mem + gpa, &be, 8);
}

/* Run the L2 from `pc` with r5 = arg, r30 = base until hcall `until` (or `max` KVM_RUNs); every other hcall is a round trip. */
static unsigned long bench_run(uint64_t pc, uint64_t arg, uint64_t base, uint64_t until, unsigned long max) {
  struct kvm_regs regs;
  memset(&regs, 0, sizeof(regs));
  regs.pc = pc;
  regs.msr = MSR_SF | MSR_ME | MSR_RI | MSR_LE;
  regs.gpr[5] = arg;
  regs.gpr[30] = base;
  if (ioctl(vcpu_fd, KVM_SET_REGS, &regs) < 0) die("KVM_SET_REGS");
  run->papr_hcall.ret = 0;
  for (int i = 0; i < 9; i++) run->papr_hcall.args[i] = regs.gpr[4 + i];
  unsigned long runs = 0;
  for (;;) {
    runs++;
    if (ioctl(vcpu_fd, KVM_RUN, 0) < 0) die("KVM_RUN");
    if (run->exit_reason != KVM_EXIT_PAPR_HCALL) {
      printf("l1-vmm: FAIL: bench: exit reason %u\n", run->exit_reason);
      exit(1);
    }
    run->papr_hcall.ret = 0;
    if (run->papr_hcall.nr == until || runs == max) return runs;
  }
}

/*
 * `l1-vmm bench N P [W]`: N KVM_RUN round trips (an L2 hcall to this VMM
 * each); with W, W more untimed and N timed again (warm: an L0 that compiles
 * hot code has compiled it by then); then P first touches of 64 KiB pages.
 */
static int bench(unsigned long n, unsigned long pages, unsigned long warm) {
  uint64_t touch_gpa = 1UL << 32;
  uint8_t *big = mmap(NULL, pages << 16, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (big == MAP_FAILED) die("mmap");
  struct kvm_userspace_memory_region r2 = {.slot = 1, .guest_phys_addr = touch_gpa, .memory_size = pages << 16, .userspace_addr = (uint64_t)(uintptr_t)big};
  if (ioctl(vm_fd, KVM_SET_USER_MEMORY_REGION, &r2) < 0) die("KVM_SET_USER_MEMORY_REGION");
  uint64_t ping = (uint64_t)(l2_ping - l2_code), touch = (uint64_t)(l2_touch - l2_code);
  bench_run(ping, 0, 0, ~0UL, 10); /* warm up */
  uint64_t t0 = now_ns();
  unsigned long runs = bench_run(ping, 0, 0, ~0UL, n);
  uint64_t t1 = now_ns();
  printf("l1-vmm: bench: %lu L2 KVM_RUN round trips in %llu us: %llu per second\n", runs, (unsigned long long)((t1 - t0) / 1000), (unsigned long long)(runs * 1000000000ULL / (t1 - t0)));
  if (warm) {
    bench_run(ping, 0, 0, ~0UL, warm);
    t0 = now_ns();
    runs = bench_run(ping, 0, 0, ~0UL, n);
    t1 = now_ns();
    printf("l1-vmm: bench: after %lu more, %lu L2 KVM_RUN round trips in %llu us: %llu per second\n", warm, runs, (unsigned long long)((t1 - t0) / 1000), (unsigned long long)(runs * 1000000000ULL / (t1 - t0)));
  }
  t0 = now_ns();
  bench_run(touch, pages, touch_gpa, 0x6102, ~0UL);
  t1 = now_ns();
  unsigned long right = 0;
  for (unsigned long p = 0; p < pages; p++) {
    uint64_t v;
    memcpy(&v, big + (p << 16), 8);
    right += v == touch_gpa + (p << 16);
  }
  printf("l1-vmm: bench: %lu first touches of 64K pages in %llu us: %llu per second (%lu right)\n", pages, (unsigned long long)((t1 - t0) / 1000), (unsigned long long)(pages * 1000000000ULL / (t1 - t0)), right);
  return right == pages ? 0 : 1;
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  kvm_fd = open("/dev/kvm", O_RDWR);
  if (kvm_fd < 0) die("open /dev/kvm");
  printf("l1-vmm: KVM API %d, radix %d, nested-hv %d\n", ioctl(kvm_fd, KVM_GET_API_VERSION, 0), ioctl(kvm_fd, KVM_CHECK_EXTENSION, KVM_CAP_PPC_MMU_RADIX), ioctl(kvm_fd, KVM_CHECK_EXTENSION, KVM_CAP_PPC_NESTED_HV));
  vm_fd = ioctl(kvm_fd, KVM_CREATE_VM, 0);
  if (vm_fd < 0) die("KVM_CREATE_VM");
  mem = mmap(NULL, MEM_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) die("mmap");
  memcpy(mem, l2_code, (size_t)(l2_code_end - l2_code));
  uint64_t magic = 0x0123456789abcdefUL;
  memcpy(mem + DATA_GPA, &magic, 8); /* little-endian, as the L2 loads it */
  struct kvm_userspace_memory_region region = {.slot = 0, .guest_phys_addr = 0, .memory_size = MEM_SIZE, .userspace_addr = (uint64_t)(uintptr_t)mem};
  if (ioctl(vm_fd, KVM_SET_USER_MEMORY_REGION, &region) < 0) die("KVM_SET_USER_MEMORY_REGION");
  vcpu_fd = ioctl(vm_fd, KVM_CREATE_VCPU, 0);
  if (vcpu_fd < 0) die("KVM_CREATE_VCPU");
  /* KVM-HV runs PAPR guests only (kvmppc_sanity_check): without this KVM_RUN is EINVAL, KVM_EXIT_INTERNAL_ERROR. */
  struct kvm_enable_cap papr = {.cap = KVM_CAP_PPC_PAPR};
  if (ioctl(vcpu_fd, KVM_ENABLE_CAP, &papr) < 0) die("KVM_ENABLE_CAP(KVM_CAP_PPC_PAPR)");
  int size = ioctl(kvm_fd, KVM_GET_VCPU_MMAP_SIZE, 0);
  run = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu_fd, 0);
  if (run == MAP_FAILED) die("mmap kvm_run");
  set_one_reg(KVM_REG_PPC_LPCR_64, LPCR_ILE);
  uint64_t entry = (uint64_t)(l2_entry - l2_code);
  if (argc >= 4 && strcmp(argv[1], "bench") == 0) return bench(strtoul(argv[2], NULL, 0), strtoul(argv[3], NULL, 0), argc >= 5 ? strtoul(argv[4], NULL, 0) : 0);

  run_l2("real mode", entry, MSR_SF | MSR_ME | MSR_RI | MSR_LE, 0);

  /* Radix translation: a process table at PRTB_GPA, PID 0's tree mapping the
   * kernel quadrant's first 16M onto guest real 0 with 2M pages. */
  memset(mem + PRTB_GPA, 0, 4096);
  memset(mem + ROOT_GPA, 0, 0x13000);
  uint64_t rts = 52 - 31;
  put64(PRTB_GPA, (rts >> 3) << 61 | ROOT_GPA | (rts & 7) << 5 | 13);
  put64(ROOT_GPA, 1UL << 63 | (ROOT_GPA + 0x10000) | 9);              /* level 1 */
  put64(ROOT_GPA + 0x10000, 1UL << 63 | (ROOT_GPA + 0x11000) | 9);    /* level 2 */
  for (uint64_t i = 0; i < 8; i++) put64(ROOT_GPA + 0x11000 + 8 * i, 3UL << 62 | (i << 21) | 0x100 | 0x80 | 0xf);
  /* ...and EA 1G onto guest real 1G (MMIO_BASE: no memslot there) with a 2M page, cache-inhibited I/O. */
  put64(ROOT_GPA + 0x10000 + 8, 1UL << 63 | (ROOT_GPA + 0x12000) | 9);
  put64(ROOT_GPA + 0x12000, 3UL << 62 | MMIO_BASE | 0x100 | 0x80 | 0x20 | 0xe);
  struct kvm_ppc_mmuv3_cfg cfg = {.flags = KVM_PPC_MMUV3_RADIX | KVM_PPC_MMUV3_GTSE, .process_table = 1UL << 63 | PRTB_GPA};
  if (ioctl(vm_fd, KVM_PPC_CONFIGURE_V3_MMU, &cfg) < 0) die("KVM_PPC_CONFIGURE_V3_MMU");
  memset(mem + (1UL << 20), 0, 3584 * 4096);
  run_l2("translated", KERN | entry, MSR_SF | MSR_ME | MSR_RI | MSR_LE | MSR_IR | MSR_DR, KERN);

  printf(failed ? "l1-vmm: FAIL\n" : "l1-vmm: ok\n");
  return failed;
}
