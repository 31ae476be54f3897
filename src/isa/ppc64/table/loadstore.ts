// Instruction table rows: unit 'loadstore' (every user-level load and store of
// Power ISA v3.0B: fixed-point, floating-point, VMX and VSX). See ../spec.ts
// for the row format.
//
// X-form rows: bit 31 is reserved (the table masks it). XX1 rows: bit 31 is TX
// (XT = TX||T). DQ-form lxv/stxv keep TX at bit 28 and their xo at 29:31.

import type { InsnDef } from '../spec.js';

const U = 'loadstore' as const;
const d = (mnem: string, opcd: number, ops: string): InsnDef => ({ mnem, form: 'D', opcd, ops, unit: U });
const ds = (mnem: string, opcd: number, xo: number, ops: string): InsnDef => ({ mnem, form: 'DS', opcd, xo, ops, unit: U });
const x = (mnem: string, xo: number, ops: string, extra: Partial<InsnDef> = {}): InsnDef => ({ mnem, form: 'X', opcd: 31, xo, ops, unit: U, ...extra });
// Load-and-reserve keeps EH in bit 31, where X form has Rc: the row uses XX1
// (same xo position, no Rc) so that bit stays an operand.
const larx = (mnem: string, xo: number, ops: string): InsnDef => ({ mnem, form: 'XX1', opcd: 31, xo, ops, unit: U });
// X-form rows whose bit 31 is ignored, as QEMU (and POWER9) do: reserved bit
// (executes as if 0), or Rc of the store-conditionals (which always set CR0); the other X rows treat a set bit 31 as an illegal
// instruction, again as QEMU does. XX1 has the same xo position and leaves
// bit 31 out of the mask.
const xi = (mnem: string, xo: number, ops: string): InsnDef => ({ mnem, form: 'XX1', opcd: 31, xo, ops, unit: U });
const xx1 = (mnem: string, xo: number, ops: string): InsnDef => ({ mnem, form: 'XX1', opcd: 31, xo, ops, unit: U });

export const LOADSTORE: InsnDef[] = [
  // ---- fixed-point loads and stores, D form ----
  d('lwz', 32, 'RT,D(RA)'),
  d('lwzu', 33, 'RT,D(RA)'),
  d('lbz', 34, 'RT,D(RA)'),
  d('lbzu', 35, 'RT,D(RA)'),
  d('stw', 36, 'RS,D(RA)'),
  d('stwu', 37, 'RS,D(RA)'),
  d('stb', 38, 'RS,D(RA)'),
  d('stbu', 39, 'RS,D(RA)'),
  d('lhz', 40, 'RT,D(RA)'),
  d('lhzu', 41, 'RT,D(RA)'),
  d('lha', 42, 'RT,D(RA)'),
  d('lhau', 43, 'RT,D(RA)'),
  d('sth', 44, 'RS,D(RA)'),
  d('sthu', 45, 'RS,D(RA)'),
  d('lmw', 46, 'RT,D(RA)'),
  d('stmw', 47, 'RS,D(RA)'),
  // ---- DS / DQ forms ----
  ds('ld', 58, 0, 'RT,DS(RA)'),
  ds('ldu', 58, 1, 'RT,DS(RA)'),
  ds('lwa', 58, 2, 'RT,DS(RA)'),
  ds('std', 62, 0, 'RS,DS(RA)'),
  ds('stdu', 62, 1, 'RS,DS(RA)'),
  ds('stq', 62, 2, 'RSp,DS(RA)'),
  // lq: bits 28:31 are reserved; QEMU ignores them, so the row leaves them free.
  { mnem: 'lq', form: 'D', opcd: 56, ops: 'RTp,DQ(RA)', unit: U },
  // ---- fixed-point X forms ----
  larx('lwarx', 20, 'RT,RA,RB,EH'),
  xi('ldx', 21, 'RT,RA,RB'),
  xi('lwzx', 23, 'RT,RA,RB'),
  larx('lbarx', 52, 'RT,RA,RB,EH'),
  xi('ldux', 53, 'RT,RA,RB'),
  xi('lwzux', 55, 'RT,RA,RB'),
  larx('ldarx', 84, 'RT,RA,RB,EH'),
  xi('lbzx', 87, 'RT,RA,RB'),
  larx('lharx', 116, 'RT,RA,RB,EH'),
  xi('lbzux', 119, 'RT,RA,RB'),
  xi('stdx', 149, 'RS,RA,RB'),
  xi('stwcx.', 150, 'RS,RA,RB'),
  xi('stwx', 151, 'RS,RA,RB'),
  xi('stdux', 181, 'RS,RA,RB'),
  xi('stqcx.', 182, 'RSp,RA,RB'),
  xi('stwux', 183, 'RS,RA,RB'),
  xi('stdcx.', 214, 'RS,RA,RB'),
  xi('stbx', 215, 'RS,RA,RB'),
  xi('stbux', 247, 'RS,RA,RB'),
  larx('lqarx', 276, 'RTp,RA,RB,EH'),
  xi('lhzx', 279, 'RT,RA,RB'),
  xi('lhzux', 311, 'RT,RA,RB'),
  xi('lwax', 341, 'RT,RA,RB'),
  xi('lhax', 343, 'RT,RA,RB'),
  xi('lwaux', 373, 'RT,RA,RB'),
  xi('lhaux', 375, 'RT,RA,RB'),
  xi('sthx', 407, 'RS,RA,RB'),
  xi('sthux', 439, 'RS,RA,RB'),
  x('ldbrx', 532, 'RT,RA,RB'),
  x('lswx', 533, 'RT,RA,RB'),
  x('lwbrx', 534, 'RT,RA,RB'),
  x('lswi', 597, 'RT,RA,NB'),
  xi('stdbrx', 660, 'RS,RA,RB'),
  x('stswx', 661, 'RS,RA,RB'),
  xi('stwbrx', 662, 'RS,RA,RB'),
  xi('stbcx.', 694, 'RS,RA,RB'),
  x('stswi', 725, 'RS,RA,NB'),
  xi('sthcx.', 726, 'RS,RA,RB'),
  x('lhbrx', 790, 'RT,RA,RB'),
  xi('sthbrx', 918, 'RS,RA,RB'),
  // ---- floating-point ----
  d('lfs', 48, 'FRT,D(RA)'),
  d('lfsu', 49, 'FRT,D(RA)'),
  d('lfd', 50, 'FRT,D(RA)'),
  d('lfdu', 51, 'FRT,D(RA)'),
  d('stfs', 52, 'FRS,D(RA)'),
  d('stfsu', 53, 'FRS,D(RA)'),
  d('stfd', 54, 'FRS,D(RA)'),
  d('stfdu', 55, 'FRS,D(RA)'),
  ds('lfdp', 57, 0, 'FRTp,DS(RA)'),
  ds('stfdp', 61, 0, 'FRSp,DS(RA)'),
  xi('lfsx', 535, 'FRT,RA,RB'),
  xi('lfsux', 567, 'FRT,RA,RB'),
  xi('lfdx', 599, 'FRT,RA,RB'),
  xi('lfdux', 631, 'FRT,RA,RB'),
  xi('stfsx', 663, 'FRS,RA,RB'),
  xi('stfsux', 695, 'FRS,RA,RB'),
  xi('stfdx', 727, 'FRS,RA,RB'),
  xi('stfdux', 759, 'FRS,RA,RB'),
  x('lfdpx', 791, 'FRTp,RA,RB'),
  x('lfiwax', 855, 'FRT,RA,RB'),
  x('lfiwzx', 887, 'FRT,RA,RB'),
  x('stfdpx', 919, 'FRSp,RA,RB'),
  x('stfiwx', 983, 'FRS,RA,RB'),
  // ---- VMX ----
  x('lvsl', 6, 'VRT,RA,RB'),
  x('lvebx', 7, 'VRT,RA,RB'),
  x('lvsr', 38, 'VRT,RA,RB'),
  x('lvehx', 39, 'VRT,RA,RB'),
  x('lvewx', 71, 'VRT,RA,RB'),
  x('lvx', 103, 'VRT,RA,RB'),
  x('stvebx', 135, 'VRS,RA,RB'),
  x('stvehx', 167, 'VRS,RA,RB'),
  x('stvewx', 199, 'VRS,RA,RB'),
  x('stvx', 231, 'VRS,RA,RB'),
  x('lvxl', 359, 'VRT,RA,RB'),
  x('stvxl', 487, 'VRS,RA,RB'),
  // ---- VSX, XX1 form ----
  xx1('lxsiwzx', 12, 'XT,RA,RB'),
  xx1('lxsiwax', 76, 'XT,RA,RB'),
  xx1('stxsiwx', 140, 'XS,RA,RB'),
  xx1('lxvx', 268, 'XT,RA,RB'),
  xx1('lxvl', 269, 'XT,RA,RB'),
  xx1('lxvll', 301, 'XT,RA,RB'),
  xx1('lxvdsx', 332, 'XT,RA,RB'),
  xx1('lxvwsx', 364, 'XT,RA,RB'),
  xx1('stxvx', 396, 'XS,RA,RB'),
  xx1('stxvl', 397, 'XS,RA,RB'),
  xx1('stxvll', 429, 'XS,RA,RB'),
  xx1('lxsspx', 524, 'XT,RA,RB'),
  xx1('lxsdx', 588, 'XT,RA,RB'),
  xx1('stxsspx', 652, 'XS,RA,RB'),
  xx1('stxsdx', 716, 'XS,RA,RB'),
  xx1('lxvw4x', 780, 'XT,RA,RB'),
  xx1('lxsibzx', 781, 'XT,RA,RB'),
  xx1('lxvh8x', 812, 'XT,RA,RB'),
  xx1('lxsihzx', 813, 'XT,RA,RB'),
  xx1('lxvd2x', 844, 'XT,RA,RB'),
  xx1('lxvb16x', 876, 'XT,RA,RB'),
  xx1('stxvw4x', 908, 'XS,RA,RB'),
  xx1('stxsibx', 909, 'XS,RA,RB'),
  xx1('stxvh8x', 940, 'XS,RA,RB'),
  xx1('stxsihx', 941, 'XS,RA,RB'),
  xx1('stxvd2x', 972, 'XS,RA,RB'),
  xx1('stxvb16x', 1004, 'XS,RA,RB'),
  // ---- VSX, DS and DQ forms ----
  ds('lxsd', 57, 2, 'VRT,DS(RA)'),
  ds('lxssp', 57, 3, 'VRT,DS(RA)'),
  ds('stxsd', 61, 2, 'VRS,DS(RA)'),
  ds('stxssp', 61, 3, 'VRS,DS(RA)'),
  { mnem: 'lxv', form: 'DQ', opcd: 61, xo: 1, ops: 'XT_DQ,DQ(RA)', unit: U },
  { mnem: 'stxv', form: 'DQ', opcd: 61, xo: 5, ops: 'XS_DQ,DQ(RA)', unit: U },
];
