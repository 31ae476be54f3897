// H_REGISTER_VPA and what the hypervisor keeps in the areas it registers
// (KVM's do_h_register_vpa, init_vpa, kvmppc_create_dtl_entry):
//  - the VPA (lppaca, 640 bytes): the hypervisor marks it shared-processor
//    and counts dispatches in yield_count — incremented when the vCPU is
//    dispatched and when it stops running, so it is even while the vCPU
//    runs and odd while it is preempted, ceded or out in the VMM (Linux's
//    vcpu_is_preempted tests the low bit);
//  - the dispatch trace log: a ring of 48-byte entries, one per dispatch
//    (reason, processor, timebase, SRR0/SRR1), its count in the VPA's dtl_idx;
//  - the SLB shadow buffer (registered; read by nothing here).
// All structures are big-endian in guest memory. Registrations take
// effect at once (KVM applies them at the next guest entry, which for this
// hypervisor is the return from the hcall).

import * as U from '../uapi.js';
import type { HvVcpu } from './hv-vcpu.js';

export const H_VPA_REG_VPA = 1;
export const H_VPA_REG_DTL = 2;
export const H_VPA_REG_SLB = 3;
export const H_VPA_DEREG_VPA = 5;
export const H_VPA_DEREG_DTL = 6;
export const H_VPA_DEREG_SLB = 7;

const LPPACA_SIZE = 640;
const DTL_ENTRY_SIZE = 48;
/** struct reg_vpa: a word, then the length (16 bits for a VPA, 32 for DTL/SLB). */
const REG_VPA_SIZE = 8;
// lppaca offsets.
const LPPACA_OLD_STATUS = 9;
const LPPACA_OLD_SHARED_PROC = 2;
export const LPPACA_YIELD_COUNT = 0x100;
export const LPPACA_DTL_IDX = 0x218;
/** Host pages KVM pins an area in: an area may not cross one (64 KiB on a POWER host). */
const PIN_PAGE = 0x10000;
/** DTL entry dispatch reason KVM writes ("dispatched after preemption"). */
const DISPATCH_REASON = 7;

interface Area {
  gpa: number;
  len: number;
}

/** One vCPU's registered areas and its position in the dispatch trace log. */
export class VcpuAreas {
  vpa: Area | undefined;
  dtl: Area | undefined;
  slbShadow: Area | undefined;
  /** Next DTL entry (guest physical) and the count of entries written. */
  private dtlNext = 0;
  private dtlIndex = 0n;
  /** Whether the vCPU is dispatched (running guest code) right now. */
  private dispatched = false;

  constructor(private readonly v: HvVcpu) {}

  /** The vCPU starts running guest code. */
  dispatch(): void {
    if (this.dispatched) return;
    this.dispatched = true;
    this.bumpYield();
    if (this.dtl && this.vpa) this.traceDispatch();
  }

  /** The vCPU stops running guest code (exit to the VMM, cede, wait). */
  undispatch(): void {
    if (!this.dispatched) return;
    this.dispatched = false;
    this.bumpYield();
  }

  /** H_REGISTER_VPA for `target` (possibly another vCPU); r3's value. */
  register(target: VcpuAreas, flags: bigint, addr: bigint): number {
    const sub = Number((flags >> 45n) & 7n);
    const phys = this.v.vm.phys;
    let gpa = 0;
    let len = 0;
    if (sub === H_VPA_REG_VPA || sub === H_VPA_REG_DTL || sub === H_VPA_REG_SLB) {
      // Cache-line aligned, non-zero, in RAM; the length it states fits in its host page.
      if (addr & 127n || addr === 0n || addr >= 2n ** 52n) return U.H_PARAMETER;
      gpa = Number(addr);
      const head = phys.read(gpa, REG_VPA_SIZE);
      if (!head) return U.H_PARAMETER;
      const dv = new DataView(head.buffer, head.byteOffset);
      len = sub === H_VPA_REG_VPA ? dv.getUint16(4) : dv.getUint32(4);
      const nb = PIN_PAGE - (gpa % PIN_PAGE);
      if (len > nb || len < REG_VPA_SIZE || !phys.read(gpa, len)) return U.H_PARAMETER;
    }
    switch (sub) {
      case H_VPA_REG_VPA:
        if (len < LPPACA_SIZE) return U.H_PARAMETER;
        target.vpa = { gpa, len };
        target.initVpa();
        break;
      case H_VPA_REG_DTL:
        if (len < DTL_ENTRY_SIZE) return U.H_PARAMETER;
        if (!target.vpa) return U.H_RESOURCE;
        target.dtl = { gpa, len: len - (len % DTL_ENTRY_SIZE) };
        target.dtlNext = gpa;
        target.dtlIndex = 0n;
        break;
      case H_VPA_REG_SLB:
        if (!target.vpa) return U.H_RESOURCE;
        target.slbShadow = { gpa, len };
        break;
      case H_VPA_DEREG_VPA:
        if (target.dtl || target.slbShadow) return U.H_RESOURCE;
        target.vpa = undefined;
        break;
      case H_VPA_DEREG_DTL:
        target.dtl = undefined;
        break;
      case H_VPA_DEREG_SLB:
        target.slbShadow = undefined;
        break;
      default:
        return U.H_PARAMETER;
    }
    return U.H_SUCCESS;
  }

  /** init_vpa: shared processor, yield count 1 (not running); the caller's next dispatch makes it even. */
  private initVpa(): void {
    const a = this.vpa!;
    const st = this.v.vm.phys.read(a.gpa + LPPACA_OLD_STATUS, 1)!;
    this.write(a.gpa + LPPACA_OLD_STATUS, Uint8Array.of(st[0]! | LPPACA_OLD_SHARED_PROC));
    this.write32(a.gpa + LPPACA_YIELD_COUNT, 1);
    // A running vCPU registering its own VPA is dispatched again (KVM: at the next entry).
    if (this.dispatched) this.write32(a.gpa + LPPACA_YIELD_COUNT, 2);
  }

  private bumpYield(): void {
    const a = this.vpa;
    if (!a) return;
    const b = this.v.vm.phys.read(a.gpa + LPPACA_YIELD_COUNT, 4);
    if (!b) return;
    this.write32(a.gpa + LPPACA_YIELD_COUNT, (new DataView(b.buffer, b.byteOffset).getUint32(0) + 1) >>> 0);
  }

  private traceDispatch(): void {
    const dtl = this.dtl!;
    const cpu = this.v.cpu;
    const e = new DataView(new ArrayBuffer(DTL_ENTRY_SIZE));
    e.setUint8(0, DISPATCH_REASON);
    e.setUint16(2, this.v.id);
    e.setBigUint64(16, BigInt(Math.max(0, Math.floor(cpu.timebase()))));
    e.setBigUint64(32, BigInt(cpu.nip));
    e.setBigUint64(40, cpu.msr);
    this.write(this.dtlNext, new Uint8Array(e.buffer));
    this.dtlNext += DTL_ENTRY_SIZE;
    if (this.dtlNext >= dtl.gpa + dtl.len) this.dtlNext = dtl.gpa;
    this.dtlIndex++;
    const idx = new DataView(new ArrayBuffer(8));
    idx.setBigUint64(0, this.dtlIndex);
    this.write(this.vpa!.gpa + LPPACA_DTL_IDX, new Uint8Array(idx.buffer));
  }

  private write32(gpa: number, x: number): void {
    const b = new DataView(new ArrayBuffer(4));
    b.setUint32(0, x);
    this.write(gpa, new Uint8Array(b.buffer));
  }

  /** Through the physical map: decoded code on the page is dropped. */
  private write(gpa: number, data: Uint8Array): void {
    this.v.vm.phys.write(gpa, data);
  }
}

/** H_REGISTER_VPA(flags, vcpu id, address). */
export function hRegisterVpa(v: HvVcpu): number {
  const flags = v.cpu.getGpr(4);
  const id = v.cpu.getGpr(5);
  const t = id < 0x100000000n ? v.vm.vcpus.get(Number(id)) : undefined;
  if (!t) return U.H_PARAMETER;
  return v.areas.register(t.areas, flags, v.cpu.getGpr(6));
}
