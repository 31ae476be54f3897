// Instruction table rows: unit 'fp'. See ../spec.ts for the row format.
// Power ISA v3.0B Book I chapter 4 (binary floating-point), in ISA order.

import type { InsnDef } from '../spec.js';

const U = 'fp' as const;

export const FP: InsnDef[] = [
  // 4.6.5 move
  { mnem: 'fmr', form: 'X', opcd: 63, xo: 72, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fneg', form: 'X', opcd: 63, xo: 40, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fabs', form: 'X', opcd: 63, xo: 264, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fnabs', form: 'X', opcd: 63, xo: 136, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fcpsgn', form: 'X', opcd: 63, xo: 8, rc: true, ops: 'FRT,FRA,FRB', unit: U },
  { mnem: 'fmrgew', form: 'X', opcd: 63, xo: 966, ops: 'FRT,FRA,FRB', unit: U },
  { mnem: 'fmrgow', form: 'X', opcd: 63, xo: 838, ops: 'FRT,FRA,FRB', unit: U },
  // 4.6.6 arithmetic
  { mnem: 'fadd', form: 'A', opcd: 63, xo: 21, fixed: { FRC: 0 }, rc: true, ops: 'FRT,FRA,FRB', unit: U },
  { mnem: 'fadds', form: 'A', opcd: 59, xo: 21, fixed: { FRC: 0 }, rc: true, ops: 'FRT,FRA,FRB', unit: U },
  { mnem: 'fsub', form: 'A', opcd: 63, xo: 20, fixed: { FRC: 0 }, rc: true, ops: 'FRT,FRA,FRB', unit: U },
  { mnem: 'fsubs', form: 'A', opcd: 59, xo: 20, fixed: { FRC: 0 }, rc: true, ops: 'FRT,FRA,FRB', unit: U },
  { mnem: 'fmul', form: 'A', opcd: 63, xo: 25, fixed: { FRB: 0 }, rc: true, ops: 'FRT,FRA,FRC', unit: U },
  { mnem: 'fmuls', form: 'A', opcd: 59, xo: 25, fixed: { FRB: 0 }, rc: true, ops: 'FRT,FRA,FRC', unit: U },
  { mnem: 'fdiv', form: 'A', opcd: 63, xo: 18, fixed: { FRC: 0 }, rc: true, ops: 'FRT,FRA,FRB', unit: U },
  { mnem: 'fdivs', form: 'A', opcd: 59, xo: 18, fixed: { FRC: 0 }, rc: true, ops: 'FRT,FRA,FRB', unit: U },
  { mnem: 'fsqrt', form: 'A', opcd: 63, xo: 22, fixed: { FRA: 0, FRC: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fsqrts', form: 'A', opcd: 59, xo: 22, fixed: { FRA: 0, FRC: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fre', form: 'A', opcd: 63, xo: 24, fixed: { FRA: 0, FRC: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fres', form: 'A', opcd: 59, xo: 24, fixed: { FRA: 0, FRC: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'frsqrte', form: 'A', opcd: 63, xo: 26, fixed: { FRA: 0, FRC: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'frsqrtes', form: 'A', opcd: 59, xo: 26, fixed: { FRA: 0, FRC: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'ftdiv', form: 'X', opcd: 63, xo: 128, fixed: { L9: 0 }, ops: 'BF,FRA,FRB', unit: U },
  { mnem: 'ftsqrt', form: 'X', opcd: 63, xo: 160, fixed: { L9: 0, RA: 0 }, ops: 'BF,FRB', unit: U },
  // 4.6.6.2 multiply-add
  { mnem: 'fmadd', form: 'A', opcd: 63, xo: 29, rc: true, ops: 'FRT,FRA,FRC,FRB', unit: U },
  { mnem: 'fmadds', form: 'A', opcd: 59, xo: 29, rc: true, ops: 'FRT,FRA,FRC,FRB', unit: U },
  { mnem: 'fmsub', form: 'A', opcd: 63, xo: 28, rc: true, ops: 'FRT,FRA,FRC,FRB', unit: U },
  { mnem: 'fmsubs', form: 'A', opcd: 59, xo: 28, rc: true, ops: 'FRT,FRA,FRC,FRB', unit: U },
  { mnem: 'fnmadd', form: 'A', opcd: 63, xo: 31, rc: true, ops: 'FRT,FRA,FRC,FRB', unit: U },
  { mnem: 'fnmadds', form: 'A', opcd: 59, xo: 31, rc: true, ops: 'FRT,FRA,FRC,FRB', unit: U },
  { mnem: 'fnmsub', form: 'A', opcd: 63, xo: 30, rc: true, ops: 'FRT,FRA,FRC,FRB', unit: U },
  { mnem: 'fnmsubs', form: 'A', opcd: 59, xo: 30, rc: true, ops: 'FRT,FRA,FRC,FRB', unit: U },
  // 4.6.7 rounding and conversion
  { mnem: 'frsp', form: 'X', opcd: 63, xo: 12, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fctid', form: 'X', opcd: 63, xo: 814, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fctidz', form: 'X', opcd: 63, xo: 815, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fctidu', form: 'X', opcd: 63, xo: 942, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fctiduz', form: 'X', opcd: 63, xo: 943, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fctiw', form: 'X', opcd: 63, xo: 14, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fctiwz', form: 'X', opcd: 63, xo: 15, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fctiwu', form: 'X', opcd: 63, xo: 142, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fctiwuz', form: 'X', opcd: 63, xo: 143, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fcfid', form: 'X', opcd: 63, xo: 846, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fcfidu', form: 'X', opcd: 63, xo: 974, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fcfids', form: 'X', opcd: 59, xo: 846, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'fcfidus', form: 'X', opcd: 59, xo: 974, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'frin', form: 'X', opcd: 63, xo: 392, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'friz', form: 'X', opcd: 63, xo: 424, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'frip', form: 'X', opcd: 63, xo: 456, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  { mnem: 'frim', form: 'X', opcd: 63, xo: 488, fixed: { RA: 0 }, rc: true, ops: 'FRT,FRB', unit: U },
  // 4.6.8 compare, 4.6.9 select
  { mnem: 'fcmpu', form: 'X', opcd: 63, xo: 0, fixed: { L9: 0 }, ops: 'BF,FRA,FRB', unit: U },
  { mnem: 'fcmpo', form: 'X', opcd: 63, xo: 32, fixed: { L9: 0 }, ops: 'BF,FRA,FRB', unit: U },
  { mnem: 'fsel', form: 'A', opcd: 63, xo: 23, rc: true, ops: 'FRT,FRA,FRC,FRB', unit: U },
  // 4.6.10 FPSCR
  { mnem: 'mffs', form: 'X', opcd: 63, xo: 583, fixed: { RA: 0, RB: 0 }, rc: true, ops: 'FRT', unit: U },
  { mnem: 'mffsce', form: 'X', opcd: 63, xo: 583, fixed: { RA: 1, RB: 0 }, ops: 'FRT', unit: U },
  { mnem: 'mffscdrn', form: 'X', opcd: 63, xo: 583, fixed: { RA: 20 }, ops: 'FRT,FRB', unit: U },
  { mnem: 'mffscdrni', form: 'X', opcd: 63, xo: 583, fixed: { RA: 21 }, reservedMask: 0xc000, ops: 'FRT,DRM', unit: U },
  { mnem: 'mffscrn', form: 'X', opcd: 63, xo: 583, fixed: { RA: 22 }, ops: 'FRT,FRB', unit: U },
  { mnem: 'mffscrni', form: 'X', opcd: 63, xo: 583, fixed: { RA: 23 }, reservedMask: 0xe000, ops: 'FRT,RM', unit: U },
  { mnem: 'mffsl', form: 'X', opcd: 63, xo: 583, fixed: { RA: 24, RB: 0 }, ops: 'FRT', unit: U },
  { mnem: 'mcrfs', form: 'X', opcd: 63, xo: 64, fixed: { L9: 0, L14: 0, RB: 0 }, ops: 'BF,BFA', unit: U },
  { mnem: 'mtfsfi', form: 'X', opcd: 63, xo: 134, reservedMask: 0x007e0800, rc: true, ops: 'BF,U,W', unit: U },
  { mnem: 'mtfsf', form: 'XFL', opcd: 63, xo: 711, rc: true, ops: 'FLM,FRB,L6,W', unit: U },
  { mnem: 'mtfsb0', form: 'X', opcd: 63, xo: 70, fixed: { RA: 0, RB: 0 }, rc: true, ops: 'BT', unit: U },
  { mnem: 'mtfsb1', form: 'X', opcd: 63, xo: 38, fixed: { RA: 0, RB: 0 }, rc: true, ops: 'BT', unit: U },
];
