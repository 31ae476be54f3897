// struct kvm_run: the page a vCPU shares with its VMM, with KVM's layout
// (non-s390 offsets: exit_reason at 8, the exit union at 32, sizeof 2352).
// Fields are little-endian (the host order of every machine tskvm runs on),
// so a kvm_run captured here reads the same as Linux's on x86 or ppc64le.

export const KVM_RUN_SIZE = 2352;
const UNION = 32;

export class KvmRun {
  readonly buffer = new ArrayBuffer(KVM_RUN_SIZE);
  private readonly v = new DataView(this.buffer);

  /** u8 request_interrupt_window (in) */
  get request_interrupt_window(): number {
    return this.v.getUint8(0);
  }
  set request_interrupt_window(x: number) {
    this.v.setUint8(0, x);
  }
  /** u8 immediate_exit (in): run() returns at once with KVM_EXIT_INTR. */
  get immediate_exit(): number {
    return this.v.getUint8(1);
  }
  set immediate_exit(x: number) {
    this.v.setUint8(1, x);
  }
  /** u32 exit_reason (out) */
  get exit_reason(): number {
    return this.v.getUint32(8, true);
  }
  set exit_reason(x: number) {
    this.v.setUint32(8, x, true);
  }
  /** u16 flags (PPC: NMI disposition) */
  get flags(): number {
    return this.v.getUint16(14, true);
  }
  set flags(x: number) {
    this.v.setUint16(14, x, true);
  }

  /** Zero the exit union before filling it (stale payloads never leak into the next exit). */
  clearExit(): void {
    new Uint8Array(this.buffer, UNION, 256).fill(0);
  }

  // ---- union member: papr_hcall { u64 nr; u64 ret; u64 args[9]; } ----
  readonly papr_hcall = {
    get: (field: 'nr' | 'ret'): bigint => this.v.getBigUint64(UNION + (field === 'nr' ? 0 : 8), true),
    set: (field: 'nr' | 'ret', x: bigint): void => this.v.setBigUint64(UNION + (field === 'nr' ? 0 : 8), BigInt.asUintN(64, x), true),
    arg: (i: number): bigint => this.v.getBigUint64(UNION + 16 + 8 * i, true),
    setArg: (i: number, x: bigint): void => this.v.setBigUint64(UNION + 16 + 8 * i, BigInt.asUintN(64, x), true),
  };

  // ---- union member: mmio { u64 phys_addr; u8 data[8]; u32 len; u8 is_write; } ----
  get mmio_phys_addr(): bigint {
    return this.v.getBigUint64(UNION, true);
  }
  set mmio_phys_addr(x: bigint) {
    this.v.setBigUint64(UNION, x, true);
  }
  /** The 8 data bytes, as they are in guest memory (a view: writes go to kvm_run). */
  get mmio_data(): Uint8Array {
    return new Uint8Array(this.buffer, UNION + 8, 8);
  }
  get mmio_len(): number {
    return this.v.getUint32(UNION + 16, true);
  }
  set mmio_len(x: number) {
    this.v.setUint32(UNION + 16, x, true);
  }
  get mmio_is_write(): number {
    return this.v.getUint8(UNION + 20);
  }
  set mmio_is_write(x: number) {
    this.v.setUint8(UNION + 20, x);
  }

  // ---- union member: debug.arch (PPC) { u64 address; u32 status; } ----
  get debug_address(): bigint {
    return this.v.getBigUint64(UNION, true);
  }
  set debug_address(x: bigint) {
    this.v.setBigUint64(UNION, x, true);
  }

  // ---- union member: system_event { u32 type; u32 ndata; u64 data[16]; } ----
  get system_event_type(): number {
    return this.v.getUint32(UNION, true);
  }
  set system_event_type(x: number) {
    this.v.setUint32(UNION, x, true);
  }

  // ---- union member: internal { u32 suberror; u32 ndata; u64 data[16]; } ----
  get internal_suberror(): number {
    return this.v.getUint32(UNION, true);
  }
  get internal_ndata(): number {
    return this.v.getUint32(UNION + 4, true);
  }
  internal_data(i: number): bigint {
    return this.v.getBigUint64(UNION + 8 + 8 * i, true);
  }
  setInternal(suberror: number, data: readonly bigint[]): void {
    this.v.setUint32(UNION, suberror, true);
    this.v.setUint32(UNION + 4, data.length, true);
    data.forEach((d, i) => this.v.setBigUint64(UNION + 8 + 8 * i, BigInt.asUintN(64, d), true));
  }

  // ---- union member: fail_entry { u64 hardware_entry_failure_reason; u32 cpu; } ----
  setFailEntry(reason: bigint, cpu: number): void {
    this.v.setBigUint64(UNION, reason, true);
    this.v.setUint32(UNION + 8, cpu, true);
  }
  get fail_entry_reason(): bigint {
    return this.v.getBigUint64(UNION, true);
  }

  // ---- union member: hw { u64 hardware_exit_reason; } (KVM_EXIT_UNKNOWN) ----
  get hardware_exit_reason(): bigint {
    return this.v.getBigUint64(UNION, true);
  }
  set hardware_exit_reason(x: bigint) {
    this.v.setBigUint64(UNION, x, true);
  }
}
