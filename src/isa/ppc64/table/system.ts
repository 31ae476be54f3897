// Instruction table rows: unit 'system' (system call, storage control,
// SPR moves, cache management, privileged instructions). See ../spec.ts.

import type { InsnDef } from '../spec.js';

/** SC form: bits 6:19 and 27:29 are reserved. */
const SC_RESERVED = 0x03fff01c;
/** X/XL forms with no operands: bits 6:20 reserved. */
const NO_OPS = 0x03fff800;

export const SYSTEM: InsnDef[] = [
  // System call (Book I 3.3.1). LEV is an operand: sc 1 (hypercall) is still sc.
  { mnem: 'sc', form: 'SC', opcd: 17, xo: 1, fixed: { LK: 0 }, reservedMask: SC_RESERVED, ops: 'LEV', unit: 'system' },
  // scv (v3.0): no handler, QEMU 7.2 linux-user raises SIGILL for it too.
  { mnem: 'scv', form: 'SC', opcd: 17, xo: 0, fixed: { LK: 1 }, reservedMask: SC_RESERVED, ops: 'LEV', unit: 'system' },

  // Moves to/from SPRs and the CR (Book I 3.3.17).
  { mnem: 'mfspr', form: 'XFX', opcd: 31, xo: 339, ops: 'RT,SPR', unit: 'system' },
  { mnem: 'mtspr', form: 'XFX', opcd: 31, xo: 467, ops: 'SPR,RS', unit: 'system' },
  { mnem: 'mftb', form: 'XFX', opcd: 31, xo: 371, ops: 'RT,TBR', unit: 'system' },
  { mnem: 'mfcr', form: 'XFX', opcd: 31, xo: 19, fixed: { L11: 0 }, reservedMask: 0x000ff800, ops: 'RT', unit: 'system' },
  { mnem: 'mfocrf', form: 'XFX', opcd: 31, xo: 19, fixed: { L11: 1 }, reservedMask: 0x00000800, ops: 'RT,FXM', unit: 'system' },
  { mnem: 'mtcrf', form: 'XFX', opcd: 31, xo: 144, fixed: { L11: 0 }, reservedMask: 0x00000800, ops: 'FXM,RS', unit: 'system' },
  { mnem: 'mtocrf', form: 'XFX', opcd: 31, xo: 144, fixed: { L11: 1 }, reservedMask: 0x00000800, ops: 'FXM,RS', unit: 'system' },

  // Storage control and cache management (Book II 4.3, 4.4).
  // sync: L at 9:10 (0 hwsync, 1 lwsync, 2 ptesync); bits 6:8 and 11:20 reserved (QEMU agrees).
  { mnem: 'sync', form: 'X', opcd: 31, xo: 598, reservedMask: 0x039ff800, ops: 'L9', unit: 'system' },
  { mnem: 'isync', form: 'XL', opcd: 19, xo: 150, reservedMask: NO_OPS, ops: '', unit: 'system' },
  // eieio: bit 6 is a hint POWER9 accepts (Linux's STF barrier plants
  // eieio|0x02000000, objdump's `mbar 16`); QEMU decodes it too (inval 0x01fff801).
  { mnem: 'eieio', form: 'X', opcd: 31, xo: 854, reservedMask: 0x01fff800, ops: '', unit: 'system' },
  // wait (v3.0): WC at 9:10 left free (every value waits for "any interrupt").
  { mnem: 'wait', form: 'X', opcd: 31, xo: 30, reservedMask: 0x039ff800, ops: '', unit: 'system' },
  // dss/dssall (data stream stop, from VMX): no-ops on POWER9 and in QEMU,
  // with no facility check; Linux issues dssall on every address-space switch.
  { mnem: 'dss', form: 'X', opcd: 31, xo: 822, fixed: { A6: 0 }, reservedMask: 0x019ff800, ops: 'STRM', unit: 'system' },
  { mnem: 'dssall', form: 'X', opcd: 31, xo: 822, fixed: { A6: 1 }, reservedMask: 0x019ff800, ops: '', unit: 'system' },
  { mnem: 'dcbz', form: 'X', opcd: 31, xo: 1014, fixed: { RT: 0 }, ops: 'RA,RB', unit: 'system' },
  { mnem: 'dcbt', form: 'X', opcd: 31, xo: 278, ops: 'RA,RB,TH', unit: 'system' },
  { mnem: 'dcbtst', form: 'X', opcd: 31, xo: 246, ops: 'RA,RB,TH', unit: 'system' },
  { mnem: 'dcbst', form: 'X', opcd: 31, xo: 54, fixed: { RT: 0 }, ops: 'RA,RB', unit: 'system' },
  // dcbf: L at 9:10 (0 dcbf, 1 dcbfl, 3 dcbflp; 2 reserved); bits 6:8 reserved.
  { mnem: 'dcbf', form: 'X', opcd: 31, xo: 86, reservedMask: 0x03800000, ops: 'RA,RB,L9', unit: 'system' },
  { mnem: 'icbi', form: 'X', opcd: 31, xo: 982, fixed: { RT: 0 }, ops: 'RA,RB', unit: 'system' },
  // icbt: CT at 7:10, bit 6 reserved.
  { mnem: 'icbt', form: 'X', opcd: 31, xo: 22, reservedMask: 0x02000000, ops: 'CT,RA,RB', unit: 'system' },

  // Privileged instructions (Book III): they decode and disassemble; in problem
  // state the run loop turns them into privileged-instruction traps.
  { mnem: 'dcbi', form: 'X', opcd: 31, xo: 470, fixed: { RT: 0 }, ops: 'RA,RB', unit: 'system', priv: 'supervisor' },
  { mnem: 'mfmsr', form: 'X', opcd: 31, xo: 83, reservedMask: 0x001ff800, ops: 'RT', unit: 'system', priv: 'supervisor' },
  { mnem: 'mtmsr', form: 'X', opcd: 31, xo: 146, reservedMask: 0x001ef800, ops: 'RS,L15', unit: 'system', priv: 'supervisor' },
  { mnem: 'mtmsrd', form: 'X', opcd: 31, xo: 178, reservedMask: 0x001ef800, ops: 'RS,L15', unit: 'system', priv: 'supervisor' },
  { mnem: 'rfid', form: 'XL', opcd: 19, xo: 18, reservedMask: NO_OPS, ops: '', unit: 'system', priv: 'supervisor' },
  { mnem: 'hrfid', form: 'XL', opcd: 19, xo: 274, reservedMask: NO_OPS, ops: '', unit: 'system', priv: 'hypervisor' },
  { mnem: 'rfscv', form: 'XL', opcd: 19, xo: 82, reservedMask: NO_OPS, ops: '', unit: 'system', priv: 'supervisor' },
  { mnem: 'stop', form: 'XL', opcd: 19, xo: 370, reservedMask: NO_OPS, ops: '', unit: 'system', priv: 'supervisor' },
  // tlbie/tlbiel/tlbsync are privileged, and hypervisor-privileged in a
  // partition under the LPCR conditions interp/system.ts checks (GTSE, HR, PRS).
  { mnem: 'tlbie', form: 'X', opcd: 31, xo: 306, reservedMask: 0x00100000, ops: 'RB,RS,RIC,PRS,R', unit: 'system', priv: 'supervisor' },
  { mnem: 'tlbiel', form: 'X', opcd: 31, xo: 274, reservedMask: 0x00100000, ops: 'RB,RS,RIC,PRS,R', unit: 'system', priv: 'supervisor' },
  { mnem: 'tlbsync', form: 'X', opcd: 31, xo: 566, reservedMask: NO_OPS, ops: '', unit: 'system', priv: 'supervisor' },
  { mnem: 'slbmte', form: 'X', opcd: 31, xo: 402, fixed: { RA: 0 }, ops: 'RS,RB', unit: 'system', priv: 'supervisor' },
  { mnem: 'slbmfee', form: 'X', opcd: 31, xo: 915, fixed: { RA: 0 }, ops: 'RT,RB', unit: 'system', priv: 'supervisor' },
  { mnem: 'slbmfev', form: 'X', opcd: 31, xo: 851, fixed: { RA: 0 }, ops: 'RT,RB', unit: 'system', priv: 'supervisor' },
  { mnem: 'slbie', form: 'X', opcd: 31, xo: 434, fixed: { RT: 0, RA: 0 }, ops: 'RB', unit: 'system', priv: 'supervisor' },
  { mnem: 'slbieg', form: 'X', opcd: 31, xo: 466, fixed: { RA: 0 }, ops: 'RS,RB', unit: 'system', priv: 'supervisor' },
  // slbia: IH at 8:10; bits 6:7 and 11:20 reserved.
  { mnem: 'slbia', form: 'X', opcd: 31, xo: 498, reservedMask: 0x031ff800, ops: 'IH', unit: 'system', priv: 'supervisor' },
  { mnem: 'slbsync', form: 'X', opcd: 31, xo: 338, reservedMask: NO_OPS, ops: '', unit: 'system', priv: 'supervisor' },
  { mnem: 'slbfee.', form: 'X', opcd: 31, xo: 979, fixed: { RA: 0, Rc: 1 }, ops: 'RT,RB', unit: 'system', priv: 'supervisor' },
  { mnem: 'msgsnd', form: 'X', opcd: 31, xo: 206, fixed: { RT: 0, RA: 0 }, ops: 'RB', unit: 'system', priv: 'hypervisor' },
  { mnem: 'msgclr', form: 'X', opcd: 31, xo: 238, fixed: { RT: 0, RA: 0 }, ops: 'RB', unit: 'system', priv: 'hypervisor' },
  { mnem: 'msgsndp', form: 'X', opcd: 31, xo: 142, fixed: { RT: 0, RA: 0 }, ops: 'RB', unit: 'system', priv: 'supervisor' },
  { mnem: 'msgclrp', form: 'X', opcd: 31, xo: 174, fixed: { RT: 0, RA: 0 }, ops: 'RB', unit: 'system', priv: 'supervisor' },
  { mnem: 'msgsync', form: 'X', opcd: 31, xo: 886, reservedMask: NO_OPS, ops: '', unit: 'system', priv: 'hypervisor' },
  // mtsle: L at bit 10; bits 6:9 and 11:20 reserved.
  { mnem: 'mtsle', form: 'X', opcd: 31, xo: 147, reservedMask: 0x03dff800, ops: 'L10', unit: 'system', priv: 'hypervisor' },
  // attn: implementation-specific "support processor attention" (primary opcode 0).
  { mnem: 'attn', form: 'X', opcd: 0, xo: 256, reservedMask: NO_OPS, ops: '', unit: 'system', priv: 'hypervisor' },
  // Transactional memory (Book II 5): transactions always fail (interp/system.ts).
  { mnem: 'tbegin.', form: 'X', opcd: 31, xo: 654, fixed: { Rc: 1 }, reservedMask: 0x03dff800, ops: 'TMR', unit: 'system' },
  { mnem: 'tend.', form: 'X', opcd: 31, xo: 686, fixed: { Rc: 1 }, reservedMask: 0x01fff800, ops: 'TMA', unit: 'system' },
  { mnem: 'tabort.', form: 'X', opcd: 31, xo: 910, fixed: { Rc: 1 }, reservedMask: 0x03e0f800, ops: 'RA', unit: 'system' },
];
