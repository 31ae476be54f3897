// The KVM userspace ABI's names and numbers (include/uapi/linux/kvm.h and
// arch/powerpc/include/uapi/asm/kvm.h), as ../shared/reference/ppc-kvm-abi-facts.md
// lists them. Anyone who knows KVM finds the same constants here.

export const KVM_API_VERSION = 12;

// ---- KVM_CREATE_VM machine types (powerpc) ----
export const KVM_VM_PPC_DEFAULT = 0;
export const KVM_VM_PPC_HV = 1;
export const KVM_VM_PPC_PR = 2;

// ---- exit reasons (kvm_run.exit_reason) ----
export const KVM_EXIT_UNKNOWN = 0;
export const KVM_EXIT_EXCEPTION = 1;
export const KVM_EXIT_IO = 2;
export const KVM_EXIT_HYPERCALL = 3;
export const KVM_EXIT_DEBUG = 4;
export const KVM_EXIT_HLT = 5;
export const KVM_EXIT_MMIO = 6;
export const KVM_EXIT_IRQ_WINDOW_OPEN = 7;
export const KVM_EXIT_SHUTDOWN = 8;
export const KVM_EXIT_FAIL_ENTRY = 9;
export const KVM_EXIT_INTR = 10;
export const KVM_EXIT_NMI = 16;
export const KVM_EXIT_INTERNAL_ERROR = 17;
export const KVM_EXIT_OSI = 18;
export const KVM_EXIT_PAPR_HCALL = 19;
export const KVM_EXIT_WATCHDOG = 21;
export const KVM_EXIT_EPR = 23;
export const KVM_EXIT_SYSTEM_EVENT = 24;

export const EXIT_REASON_NAMES: Readonly<Record<number, string>> = {
  [KVM_EXIT_UNKNOWN]: 'KVM_EXIT_UNKNOWN',
  [KVM_EXIT_DEBUG]: 'KVM_EXIT_DEBUG',
  [KVM_EXIT_MMIO]: 'KVM_EXIT_MMIO',
  [KVM_EXIT_FAIL_ENTRY]: 'KVM_EXIT_FAIL_ENTRY',
  [KVM_EXIT_INTR]: 'KVM_EXIT_INTR',
  [KVM_EXIT_NMI]: 'KVM_EXIT_NMI',
  [KVM_EXIT_INTERNAL_ERROR]: 'KVM_EXIT_INTERNAL_ERROR',
  [KVM_EXIT_PAPR_HCALL]: 'KVM_EXIT_PAPR_HCALL',
  [KVM_EXIT_SYSTEM_EVENT]: 'KVM_EXIT_SYSTEM_EVENT',
};

// KVM_EXIT_INTERNAL_ERROR suberrors
export const KVM_INTERNAL_ERROR_EMULATION = 1;

// KVM_EXIT_SYSTEM_EVENT types
export const KVM_SYSTEM_EVENT_SHUTDOWN = 1;
export const KVM_SYSTEM_EVENT_RESET = 2;
export const KVM_SYSTEM_EVENT_CRASH = 3;

// ---- capabilities (KVM_CHECK_EXTENSION / KVM_ENABLE_CAP) ----
export const KVM_CAP_IRQCHIP = 0;
export const KVM_CAP_NR_VCPUS = 9;
export const KVM_CAP_SYNC_MMU = 16;
export const KVM_CAP_PPC_SEGSTATE = 43;
export const KVM_CAP_PPC_UNSET_IRQ = 53;
export const KVM_CAP_SET_GUEST_DEBUG = 23;
export const KVM_CAP_ENABLE_CAP = 54;
export const KVM_CAP_PPC_GET_PVINFO = 57;
export const KVM_CAP_PPC_IRQ_LEVEL = 58;
export const KVM_CAP_PPC_SMT = 64;
export const KVM_CAP_PPC_RMA = 65;
export const KVM_CAP_MAX_VCPUS = 66;
export const KVM_CAP_PPC_HIOR = 67;
export const KVM_CAP_PPC_PAPR = 68;
export const KVM_CAP_ONE_REG = 70;
export const KVM_CAP_SYNC_REGS = 74;
export const KVM_CAP_PPC_GET_SMMU_INFO = 78;
export const KVM_CAP_PPC_ALLOC_HTAB = 80;
export const KVM_CAP_PPC_HTAB_FD = 84;
export const KVM_CAP_DEVICE_CTRL = 89;
export const KVM_CAP_PPC_RTAS = 91;
export const KVM_CAP_IRQ_XICS = 92;
export const KVM_CAP_ENABLE_CAP_VM = 98;
export const KVM_CAP_PPC_FIXUP_HCALL = 103;
export const KVM_CAP_PPC_ENABLE_HCALL = 104;
export const KVM_CAP_CHECK_EXTENSION_VM = 105;
export const KVM_CAP_PPC_HWRNG = 115;
export const KVM_CAP_MAX_VCPU_ID = 128;
export const KVM_CAP_PPC_HTM = 132;
export const KVM_CAP_SPAPR_RESIZE_HPT = 133;
export const KVM_CAP_PPC_MMU_RADIX = 134;
export const KVM_CAP_PPC_MMU_HASH_V3 = 135;
export const KVM_CAP_IMMEDIATE_EXIT = 136;
export const KVM_CAP_PPC_FWNMI = 146;
export const KVM_CAP_PPC_SMT_POSSIBLE = 147;
export const KVM_CAP_PPC_GET_CPU_CHAR = 151;
export const KVM_CAP_PPC_NESTED_HV = 160;
export const KVM_CAP_PPC_IRQ_XIVE = 169;
export const KVM_CAP_PPC_GUEST_DEBUG_SSTEP = 176;
export const KVM_CAP_PPC_SECURE_GUEST = 181;
export const KVM_CAP_PPC_DAWR1 = 194;
export const KVM_CAP_PPC_RPT_INVALIDATE = 202;
export const KVM_CAP_PPC_AIL_MODE_3 = 210;
/**
 * tskvm's own: the partition may execute `stop` itself as a light
 * wait-for-interrupt (seed 001). Not a Linux number: Linux has no such cap
 * (KVM always traps guest stop). Chosen above Linux's range, so it can never
 * collide; off by default, enabled only by an explicit VMM choice.
 */
export const KVM_CAP_PPC_GUEST_STOP = 0x7f00;

// ---- KVM_CREATE_DEVICE types ----
export const KVM_DEV_TYPE_XICS = 3;
export const KVM_DEV_TYPE_XIVE = 9;

// ---- KVM_SET_GUEST_DEBUG (struct kvm_guest_debug.control) ----
export const KVM_GUESTDBG_ENABLE = 0x1;
export const KVM_GUESTDBG_SINGLESTEP = 0x2;
export const KVM_GUESTDBG_USE_SW_BP = 0x10000;
export const KVM_GUESTDBG_USE_HW_BP = 0x20000;
/** The instruction a debugger plants for a software breakpoint (kvm_ppc.h); ONE_REG DEBUG_INST reads it. */
export const KVMPPC_INST_SW_BREAKPOINT = 0x00dddd00;

// ---- ONE_REG ids (powerpc) ----
export const KVM_REG_PPC = 0x1000000000000000n;
export const KVM_REG_SIZE_U32 = 0x0020000000000000n;
export const KVM_REG_SIZE_U64 = 0x0030000000000000n;
export const KVM_REG_SIZE_U128 = 0x0040000000000000n;
const u64 = (n: number): bigint => KVM_REG_PPC | KVM_REG_SIZE_U64 | BigInt(n);
const u32 = (n: number): bigint => KVM_REG_PPC | KVM_REG_SIZE_U32 | BigInt(n);

export const KVM_REG_PPC_HIOR = u64(0x01);
export const KVM_REG_PPC_DABR = u64(0x08);
export const KVM_REG_PPC_DSCR = u64(0x09);
export const KVM_REG_PPC_PURR = u64(0x0a);
export const KVM_REG_PPC_SPURR = u64(0x0b);
export const KVM_REG_PPC_DAR = u64(0x0c);
export const KVM_REG_PPC_DSISR = u32(0x0d);
export const KVM_REG_PPC_AMR = u64(0x0e);
export const KVM_REG_PPC_UAMOR = u64(0x0f);
export const KVM_REG_PPC_MMCR0 = u64(0x10);
export const KVM_REG_PPC_MMCR1 = u64(0x11);
export const KVM_REG_PPC_MMCRA = u64(0x12);
export const KVM_REG_PPC_MMCR2 = u64(0x13);
export const KVM_REG_PPC_SIAR = u64(0x15);
export const KVM_REG_PPC_SDAR = u64(0x16);
export const KVM_REG_PPC_SIER = u64(0x17);
export const KVM_REG_PPC_PMC1 = u32(0x18);
export const KVM_REG_PPC_FPR0 = u64(0x20);
export const KVM_REG_PPC_VR0 = KVM_REG_PPC | KVM_REG_SIZE_U128 | 0x40n;
export const KVM_REG_PPC_VSR0 = KVM_REG_PPC | KVM_REG_SIZE_U128 | 0x60n;
export const KVM_REG_PPC_FPSCR = u64(0x80);
export const KVM_REG_PPC_VSCR = u32(0x81);
export const KVM_REG_PPC_VPA_ADDR = u64(0x82);
export const KVM_REG_PPC_TB_OFFSET = u64(0x9c);
export const KVM_REG_PPC_IAMR = u64(0x9f);
export const KVM_REG_PPC_FSCR = u64(0xa3);
export const KVM_REG_PPC_PSPB = u32(0xa4);
export const KVM_REG_PPC_TAR = u64(0xa8);
export const KVM_REG_PPC_DPDES = u64(0xa9);
export const KVM_REG_PPC_DAWR = u64(0xaa);
export const KVM_REG_PPC_DAWRX = u64(0xab);
export const KVM_REG_PPC_CIABR = u64(0xac);
export const KVM_REG_PPC_IC = u64(0xad);
export const KVM_REG_PPC_VTB = u64(0xae);
export const KVM_REG_PPC_PID = u64(0xb2);
export const KVM_REG_PPC_VRSAVE = u32(0xb4);
export const KVM_REG_PPC_LPCR = u32(0xb5);
export const KVM_REG_PPC_LPCR_64 = u64(0xb5);
export const KVM_REG_PPC_PPR = u64(0xb6);
export const KVM_REG_PPC_ARCH_COMPAT = u32(0xb7);
export const KVM_REG_PPC_TIDR = u64(0xbc);
export const KVM_REG_PPC_PSSCR = u64(0xbd);
export const KVM_REG_PPC_DEC_EXPIRY = u64(0xbe);
export const KVM_REG_PPC_ONLINE = u32(0xbf);
export const KVM_REG_PPC_DEBUG_INST = u32(0x8b);
export const KVM_REG_PPC_PTCR = u64(0xc0);

// ---- hypercalls (PAPR; asm/hvcall.h) ----
export const H_SUCCESS = 0;
export const H_BUSY = 1;
export const H_NOT_AVAILABLE = 3;
export const H_HARDWARE = -1;
export const H_FUNCTION = -2;
export const H_PRIVILEGE = -3;
export const H_PARAMETER = -4;
export const H_BAD_MODE = -5;
export const H_PTEG_FULL = -6;
export const H_NOT_FOUND = -7;
export const H_NO_MEM = -9;
export const H_AUTHORITY = -10;
export const H_RESOURCE = -16;
export const H_P2 = -55;
export const H_P3 = -56;
export const H_P4 = -57;
export const H_P5 = -58;
export const H_UNSUPPORTED = -67;
export const H_UNSUPPORTED_FLAG_START = -256;
/** KVM-internal: the core cannot handle it, userspace must (never returned to a guest). */
export const H_TOO_HARD = 9999;

export const H_REMOVE = 0x04;
export const H_ENTER = 0x08;
export const H_READ = 0x0c;
export const H_CLEAR_MOD = 0x10;
export const H_CLEAR_REF = 0x14;
export const H_PROTECT = 0x18;
export const H_GET_TCE = 0x1c;
export const H_PUT_TCE = 0x20;
export const H_SET_SPRG0 = 0x24;
export const H_SET_DABR = 0x28;
export const H_PAGE_INIT = 0x2c;
export const H_LOGICAL_CI_LOAD = 0x3c;
export const H_LOGICAL_CI_STORE = 0x40;
export const H_GET_TERM_CHAR = 0x54;
export const H_PUT_TERM_CHAR = 0x58;
export const H_EOI = 0x64;
export const H_CPPR = 0x68;
export const H_IPI = 0x6c;
export const H_IPOLL = 0x70;
export const H_XIRR = 0x74;
export const H_REGISTER_VPA = 0xdc;
export const H_CEDE = 0xe0;
export const H_CONFER = 0xe4;
export const H_PROD = 0xe8;
export const H_BULK_REMOVE = 0x124;
export const H_SET_XDABR = 0x134;
export const H_XIRR_X = 0x2fc;
export const H_RANDOM = 0x300;
export const H_SET_MODE = 0x31c;
export const H_SIGNAL_SYS_RESET = 0x380;
export const H_REGISTER_PROC_TBL = 0x37c;
export const H_RPT_INVALIDATE = 0x448;
/** The last PAPR hcall number KVM gates with enabled_hcalls (H_GUEST_DELETE). */
export const MAX_HCALL_OPCODE = 0x488;
export const KVMPPC_H_RTAS = 0xf000;
// Nested HV, API v1 (asm/hvcall.h): KVM's own hcalls above the PAPR range, never gated by enabled_hcalls.
export const H_SET_PARTITION_TABLE = 0xf800;
export const H_ENTER_NESTED = 0xf804;
export const H_TLB_INVALIDATE = 0xf808;
export const H_COPY_TOFROM_GUEST = 0xf80c;
export const H_VIO_SIGNAL = 0x104;

// KVM_INTERRUPT (struct kvm_interrupt.irq, PPC): the external-interrupt line when the irqchip is in userspace.
export const KVM_INTERRUPT_SET = 0xffffffff;
export const KVM_INTERRUPT_UNSET = 0xfffffffe;
export const KVM_INTERRUPT_SET_LEVEL = 0xfffffffd;

// hcall flags (asm/hvcall.h): bit n of the PAPR numbering is 1 << (63 - n).
export const H_EXACT = 1n << 39n;
export const H_R_XLATE = 1n << 38n;
export const H_READ_4 = 1n << 37n;
export const H_AVPN = 1n << 31n;
export const H_ANDCOND = 1n << 30n;
export const H_ICACHE_INVALIDATE = 1n << 23n;
export const H_ICACHE_SYNCHRONIZE = 1n << 22n;
export const H_ZERO_PAGE = 1n << 15n;
export const H_COPY_PAGE = 1n << 14n;
export const H_PAGE_SET_LOANED = 0xf00000000n;

// KVM_PPC_CONFIGURE_V3_MMU flags.
export const KVM_PPC_MMUV3_RADIX = 1n;
export const KVM_PPC_MMUV3_GTSE = 2n;
/** KVM's HPT order when the VMM allocates none (KVM_DEFAULT_HPT_ORDER: 16 MiB). */
export const KVM_DEFAULT_HPT_ORDER = 24;

export const H_SET_MODE_RESOURCE_SET_CIABR = 1;
export const H_SET_MODE_RESOURCE_SET_DAWR0 = 2;
export const H_SET_MODE_RESOURCE_ADDR_TRANS_MODE = 3;
export const H_SET_MODE_RESOURCE_LE = 4;
