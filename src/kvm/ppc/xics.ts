// XICS, the PAPR interrupt controller, in the hypervisor core: KVM's
// in-kernel XICS device (KVM_CREATE_DEVICE KVM_DEV_TYPE_XICS, book3s_xics.c)
// with its two halves — the source controller (ICS: per interrupt a server,
// a priority, a saved priority, MSI or LSI) and one presentation controller
// per vCPU (ICP: CPPR, XISR, MFRR) — and the guest's view of them: the
// hcalls H_CPPR, H_EOI, H_XIRR, H_XIRR_X, H_IPI, H_IPOLL and the RTAS calls
// ibm,set-xive, ibm,get-xive, ibm,int-on, ibm,int-off (served in the core once
// the VMM defines their tokens, KVM_PPC_RTAS_DEFINE_TOKEN). The VMM raises
// sources with KVM_IRQ_LINE (irqLine). A presentation controller with an
// interrupt to present drives its vCPU's external-interrupt line.
//
// The state machine is PAPR's, as QEMU's hw/intc/xics.c and KVM's
// book3s_xics.c implement it: an interrupt is presented when it is more
// favoured (a lower number) than the CPPR and than what is already pending;
// one that cannot be is rejected back to the source, which resends it when
// the CPPR drops (H_CPPR, H_EOI). Server numbers are vCPU ids.

import * as U from '../uapi.js';
import type { HvVcpu } from './hv-vcpu.js';

/** The first interrupt number of the ICS (QEMU's XICS_IRQ_BASE). */
export const XICS_IRQ_BASE = 0x1000;
/** The IPI's XISR value. */
export const XICS_IPI = 0x2;
/** Sources this ICS has (QEMU's pseries: 1024 from XICS_IRQ_BASE). */
export const XICS_IRQS = 1024;

const LOWEST = 0xff;

class Source {
  server = 0;
  priority = LOWEST;
  savedPriority = LOWEST;
  claimed = false;
  lsi = false;
  asserted = false;
  sent = false;
  rejected = false;
  maskedPending = false;
}

/** One vCPU's presentation controller. */
export class Icp {
  /** CPPR in bits 24..31, XISR in 0..23. */
  xirr = 0;
  mfrr = LOWEST;
  pendingPriority = LOWEST;
  constructor(
    readonly server: number,
    readonly vcpu: HvVcpu,
  ) {}
  get cppr(): number {
    return this.xirr >>> 24;
  }
  get xisr(): number {
    return this.xirr & 0xffffff;
  }
}

export class XicsDevice {
  private readonly sources = Array.from({ length: XICS_IRQS }, () => new Source());
  readonly icps = new Map<number, Icp>();

  // ---- the VMM's side ----

  /** A source the machine uses (KVM_DEV_XICS_GRP_SOURCES): message-signalled, or level (LSI). */
  claim(irq: number, lsi: boolean): void {
    const s = this.source(irq);
    if (!s) throw new RangeError(`XICS: no source ${irq}`);
    s.claimed = true;
    s.lsi = lsi;
  }

  /** KVM_IRQ_LINE: an MSI fires on level 1; an LSI follows the level. False: no such source. */
  irqLine(irq: number, level: number): boolean {
    const s = this.source(irq);
    if (!s || !s.claimed) return false;
    if (s.lsi) {
      s.asserted = level !== 0;
      this.resendLsi(irq, s);
    } else if (level) {
      if (s.priority === LOWEST) s.maskedPending = true;
      else this.present(s.server, irq, s.priority);
    }
    return true;
  }

  /** KVM_CAP_IRQ_XICS on a vCPU: it is presentation server `server`. */
  connect(v: HvVcpu, server: number): Icp {
    if (this.icps.has(server)) throw new RangeError(`XICS: server ${server} is taken`);
    const icp = new Icp(server, v);
    this.icps.set(server, icp);
    return icp;
  }

  // ---- the guest's side: hcalls (r3 result; outputs to r4/r5) ----

  hcall(v: HvVcpu, icp: Icp, nr: number): number {
    const arg = (i: number) => v.cpu.getGpr(4 + i);
    switch (nr) {
      case U.H_CPPR:
        this.setCppr(icp, Number(arg(0) & 0xffn));
        return U.H_SUCCESS;
      case U.H_EOI:
        this.eoi(icp, Number(arg(0) & 0xffffffffn));
        return U.H_SUCCESS;
      case U.H_XIRR:
        v.cpu.setGpr(4, BigInt(this.accept(icp) >>> 0));
        return U.H_SUCCESS;
      case U.H_XIRR_X:
        v.cpu.setGpr(4, BigInt(this.accept(icp) >>> 0));
        v.cpu.setGpr(5, BigInt.asUintN(64, BigInt(Math.floor(v.cpu.timebase()))));
        return U.H_SUCCESS;
      case U.H_IPI: {
        const t = arg(0) <= 0xffffffffn ? this.icps.get(Number(arg(0))) : undefined;
        if (!t) return U.H_PARAMETER;
        this.setMfrr(t, Number(arg(1) & 0xffn));
        return U.H_SUCCESS;
      }
      case U.H_IPOLL: {
        const t = arg(0) <= 0xffffffffn ? this.icps.get(Number(arg(0))) : undefined;
        if (!t) return U.H_PARAMETER;
        v.cpu.setGpr(4, BigInt(t.xirr >>> 0));
        v.cpu.setGpr(5, BigInt(t.mfrr));
        return U.H_SUCCESS;
      }
      default:
        return U.H_FUNCTION;
    }
  }

  // ---- the guest's side: RTAS (args in, rets out; status is rets[0]) ----

  /** ibm,set-xive / get-xive / int-off / int-on; undefined for any other call. */
  rtas(name: string, args: readonly number[], nret: number): number[] | undefined {
    const PARAM = -3;
    const s = this.source(args[0] ?? -1);
    const ok = s?.claimed === true;
    switch (name) {
      case 'ibm,set-xive': {
        if (args.length !== 3 || nret !== 1) return [PARAM];
        if (!ok || !this.icps.has(args[1]!)) return [PARAM];
        this.writeXive(args[0]!, s!, args[1]!, args[2]! & 0xff, args[2]! & 0xff);
        return [0];
      }
      case 'ibm,get-xive':
        if (args.length !== 1 || nret !== 3 || !ok) return [PARAM];
        return [0, s!.server, s!.priority];
      case 'ibm,int-off':
        if (args.length !== 1 || nret !== 1 || !ok) return [PARAM];
        this.writeXive(args[0]!, s!, s!.server, LOWEST, s!.priority);
        return [0];
      case 'ibm,int-on':
        if (args.length !== 1 || nret !== 1 || !ok) return [PARAM];
        this.writeXive(args[0]!, s!, s!.server, s!.savedPriority, s!.savedPriority);
        return [0];
      default:
        return undefined;
    }
  }

  // ---- the state machine (PAPR; hw/intc/xics.c) ----

  private source(irq: number): Source | undefined {
    return Number.isInteger(irq) && irq >= XICS_IRQ_BASE && irq < XICS_IRQ_BASE + XICS_IRQS ? this.sources[irq - XICS_IRQ_BASE] : undefined;
  }

  private raise(icp: Icp, on: boolean): void {
    icp.vcpu.interrupt(on ? U.KVM_INTERRUPT_SET_LEVEL : U.KVM_INTERRUPT_UNSET);
  }

  /** An interrupt for server `server` at `priority`: present it, or reject it back to its source. */
  private present(server: number, irq: number, priority: number): void {
    const icp = this.icps.get(server);
    if (!icp || priority >= icp.cppr || (icp.xisr && icp.pendingPriority <= priority)) {
      this.reject(irq);
      return;
    }
    if (icp.xisr) this.reject(icp.xisr);
    icp.xirr = (icp.xirr & ~0xffffff) | irq;
    icp.pendingPriority = priority;
    this.raise(icp, true);
  }

  private reject(irq: number): void {
    const s = this.source(irq);
    if (!s) return; // the IPI: its MFRR keeps it
    if (s.lsi) s.sent = false;
    else s.rejected = true;
  }

  private resendLsi(irq: number, s: Source): void {
    if (s.priority !== LOWEST && s.asserted && !s.sent) {
      s.sent = true;
      this.present(s.server, irq, s.priority);
    }
  }

  private resendSources(): void {
    for (let i = 0; i < XICS_IRQS; i++) {
      const s = this.sources[i]!;
      if (!s.claimed) continue;
      if (s.lsi) this.resendLsi(XICS_IRQ_BASE + i, s);
      else if (s.rejected) {
        s.rejected = false;
        if (s.priority !== LOWEST) this.present(s.server, XICS_IRQ_BASE + i, s.priority);
      }
    }
  }

  private checkIpi(icp: Icp): void {
    if (icp.xisr && icp.pendingPriority <= icp.mfrr) return;
    if (icp.xisr) this.reject(icp.xisr);
    icp.xirr = (icp.xirr & ~0xffffff) | XICS_IPI;
    icp.pendingPriority = icp.mfrr;
    this.raise(icp, true);
  }

  private resend(icp: Icp): void {
    if (icp.mfrr < icp.cppr) this.checkIpi(icp);
    this.resendSources();
  }

  private setCppr(icp: Icp, cppr: number): void {
    const old = icp.cppr;
    icp.xirr = (icp.xirr & 0xffffff) | (cppr << 24);
    if (cppr < old) {
      if (icp.xisr && cppr <= icp.pendingPriority) {
        const x = icp.xisr;
        icp.xirr &= ~0xffffff;
        icp.pendingPriority = LOWEST;
        this.raise(icp, false);
        this.reject(x);
      }
    } else if (!icp.xisr) this.resend(icp);
  }

  private setMfrr(icp: Icp, mfrr: number): void {
    icp.mfrr = mfrr;
    if (mfrr < icp.cppr) this.checkIpi(icp);
  }

  /** H_XIRR: take the pending interrupt; the CPPR becomes its priority. */
  private accept(icp: Icp): number {
    const xirr = icp.xirr;
    this.raise(icp, false);
    icp.xirr = (icp.pendingPriority << 24) >>> 0;
    icp.pendingPriority = LOWEST;
    return xirr;
  }

  private eoi(icp: Icp, xirr: number): void {
    icp.xirr = ((icp.xirr & 0xffffff) | (xirr & 0xff000000)) >>> 0;
    const s = this.source(xirr & 0xffffff);
    if (s?.lsi) s.sent = false;
    if (!icp.xisr) this.resend(icp);
  }

  private writeXive(irq: number, s: Source, server: number, priority: number, saved: number): void {
    s.server = server;
    s.priority = priority;
    s.savedPriority = saved;
    if (s.lsi) this.resendLsi(irq, s);
    else if (s.maskedPending && priority !== LOWEST) {
      s.maskedPending = false;
      this.present(server, irq, priority);
    }
  }
}
