// The whole instruction table: the union of the per-unit tables.
// Each unit file lists the rows of one functional unit, in ISA order.

import { finishInsn, type Insn, type InsnDef } from '../spec.js';
import { FIXED } from './fixed.js';
import { BRANCH } from './branch.js';
import { LOADSTORE } from './loadstore.js';
import { SYSTEM } from './system.js';
import { FP } from './fp.js';
import { VMX } from './vmx.js';
import { VSX } from './vsx.js';

export const INSN_DEFS: readonly InsnDef[] = [...FIXED, ...BRANCH, ...LOADSTORE, ...SYSTEM, ...FP, ...VMX, ...VSX];

function build(defs: readonly InsnDef[]): Insn[] {
  const seen = new Map<string, Insn>();
  const out: Insn[] = [];
  for (const d of defs) {
    if (seen.has(d.mnem)) throw new Error(`instruction table: duplicate mnemonic ${d.mnem}`);
    const i = finishInsn(d);
    seen.set(d.mnem, i);
    out.push(i);
  }
  return out;
}

export const INSNS: readonly Insn[] = build(INSN_DEFS);

export const INSN_BY_MNEM: ReadonlyMap<string, Insn> = new Map(INSNS.map((i) => [i.mnem, i]));
