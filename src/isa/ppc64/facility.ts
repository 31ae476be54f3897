// Which MSR facility bit each instruction needs, and so which "unavailable"
// interrupt it raises in system mode when that bit is 0:
//
//   'fp'  MSR[FP]=0   Floating-Point Unavailable  (vector 0x800)
//   'vec' MSR[VEC]=0  Vector Unavailable          (vector 0xf20)
//   'vsx' MSR[VSX]=0  VSX Unavailable             (vector 0xf40)
//   'none'            no facility check
//
// The source of truth is the pseudocode of Power ISA v3.0B ("if MSR.FP=0 then
// FP_Unavailable()", "if TX=0 & MSR.VSX=0 then VSX_Unavailable()", ...). QEMU 7.2
// (target/ppc/translate/{fp,vmx,vsx}-impl.c.inc) implements the same checks with
// `ctx->fpu_enabled` / `ctx->altivec_enabled` / `ctx->vsx_enabled`, REQUIRE_FPU,
// REQUIRE_VECTOR and REQUIRE_VSX; where QEMU 7.2 and the ISA disagree this file
// follows the ISA, and QEMU_7_2_DIVERGENCES below records how QEMU differs.
//
// Some instructions check a facility that depends on which half of the 64-entry
// VSR file a register operand names: VSRs 0-31 overlay the FPRs, VSRs 32-63 the
// VRs. Their rule is a SplitFacility: `low` applies when the operand's TX/SX bit
// is 0 (VSR 0-31), `high` when it is 1 (VSR 32-63).
//
// Rules are per mnemonic (the table's base mnemonic; Rc/OE variants share it):
// the explicit groups of RULES first, else the default of the row's unit.
//
// Browser-safe: no Node APIs.

import { field } from './fields.js';
import type { Insn, Unit } from './spec.js';
import { INSNS, INSN_BY_MNEM } from './table/index.js';

/** A resolved facility: the MSR bit an instruction word needs, or none. */
export type Facility = 'none' | 'fp' | 'vec' | 'vsx';

/** VSX register operands whose top bit (TX/SX) selects the half of the VSR file. */
export type SplitField = 'XT' | 'XS' | 'XT_DQ' | 'XS_DQ';

/** A check that depends on the VSR half a register operand names. */
export interface SplitFacility {
  readonly kind: 'split';
  /** The operand field (a 6-bit VSR number) that selects the check. */
  readonly field: SplitField;
  /** Facility checked when the operand is VSR 0-31 (TX/SX = 0). */
  readonly low: 'fp' | 'vsx';
  /** Facility checked when the operand is VSR 32-63 (TX/SX = 1). */
  readonly high: 'vec';
}

/** What an instruction (mnemonic) needs: a fixed facility or a split rule. */
export type FacilitySpec = Facility | SplitFacility;

/** One group of mnemonics sharing a rule, with where the rule comes from. */
export interface FacilityRule {
  readonly spec: FacilitySpec;
  /** Space-separated base mnemonics. */
  readonly mnems: string;
  /** ISA section and QEMU 7.2 function/macro the rule was read from. */
  readonly source: string;
}

const split = (f: SplitField, low: 'fp' | 'vsx'): SplitFacility => ({ kind: 'split', field: f, low, high: 'vec' });

/**
 * Default rule of each unit. The fp, vmx and vsx units are homogeneous apart
 * from the exceptions listed in RULES; the loadstore unit defaults to 'none'
 * (fixed-point loads and stores) and lists its FP/VMX/VSX rows in RULES.
 */
export const UNIT_DEFAULT: Readonly<Record<Unit, Facility>> = {
  // Fixed-point, branch, CR-logical, trap, SPR/CR moves, cache and storage
  // control, privileged and TM instructions: no FP/VEC/VSX check. (mfspr/mtspr
  // of VRSAVE need no MSR[VEC]; tbegin. & co. need MSR[TM], which is a
  // different facility and not modelled here.)
  fixed: 'none',
  branch: 'none',
  cr: 'none',
  system: 'none',
  loadstore: 'none',
  // ISA Book I ch.4 "if MSR.FP=0 then FP_Unavailable()" (every FP instruction,
  // including mffs*, mtfsf*, mtfsb*, mcrfs); QEMU fp-impl.c.inc: every gen_f*,
  // gen_mffs*, gen_mtfs*, gen_mcrfs start with
  // `if (unlikely(!ctx->fpu_enabled)) { gen_exception(ctx, POWERPC_EXCP_FPU);`.
  fp: 'fp',
  // ISA Book I ch.6 (Vector Facility): any vector instruction with MSR.VEC=0
  // causes Vector Unavailable (mfvscr/mtvscr, BCD, crypto, vextu*x, vclzlsbb...);
  // QEMU vmx-impl.c.inc: GEN_VXFORM* / gen_mfvscr / gen_mtvscr / GEN_BCD
  // `if (unlikely(!ctx->altivec_enabled)) { gen_exception(ctx, POWERPC_EXCP_VPU);`
  // and REQUIRE_VECTOR(ctx) in the decodetree trans_* functions.
  vmx: 'vec',
  // ISA Book I ch.7 "if MSR.VSX=0 then VSX_Unavailable()", including the
  // binary128 instructions of opcode 63 that name only VRs (xs*qp[o], xsrqpi[x],
  // xsrqpxp, xststdcqp, xsiexpqp...); QEMU vsx-impl.c.inc: GEN_VSX_HELPER_X2/X3/
  // R2/R3/..., VSX_LOGICAL (xxland...xxlorc), VSX_SCALAR_MOVE_QP, gen_xs*qp
  // `if (unlikely(!ctx->vsx_enabled)) { gen_exception(ctx, POWERPC_EXCP_VSXU);`
  // and REQUIRE_VSX(ctx) in trans_* (trans_XSCVQPDP, do_xsmadd_X, ...).
  vsx: 'vsx',
};

/** The explicit rules: every mnemonic whose facility is not its unit's default. */
export const RULES: readonly FacilityRule[] = [
  // ---- loadstore unit: floating-point loads and stores -> FP
  {
    spec: 'fp',
    mnems: 'lfs lfsu lfd lfdu stfs stfsu stfd stfdu lfdp stfdp lfsx lfsux lfdx lfdux stfsx stfsux stfdx stfdux ' +
      'lfdpx lfiwax lfiwzx stfdpx stfiwx',
    source: 'ISA 4.6.2-4.6.3 "if MSR.FP=0 then FP_Unavailable()"; QEMU fp-impl.c.inc do_lsfpsd REQUIRE_FPU(ctx), ' +
      'gen_lfdp/gen_lfdpx/gen_lfiwax/gen_lfiwzx/gen_stfdp/gen_stfdpx/GEN_STXF `if (unlikely(!ctx->fpu_enabled))`',
  },
  // ---- loadstore unit: vector loads and stores, lvsl/lvsr -> VEC
  {
    spec: 'vec',
    mnems: 'lvsl lvebx lvsr lvehx lvewx lvx stvebx stvehx stvewx stvx lvxl stvxl',
    source: 'ISA 6.7.2-6.7.4 (Vector Facility); QEMU vmx-impl.c.inc GEN_VR_LDX/GEN_VR_STX/GEN_VR_LVE/GEN_VR_STVE, ' +
      'gen_lvsl/gen_lvsr `if (unlikely(!ctx->altivec_enabled)) { gen_exception(ctx, POWERPC_EXCP_VPU);`',
  },
  // ---- loadstore unit: VSX loads and stores of ISA 2.06/2.07 -> VSX whatever XT/XS
  {
    spec: 'vsx',
    mnems: 'lxsiwzx lxsiwax stxsiwx lxvdsx lxsspx lxsdx stxsspx stxsdx lxvw4x lxvd2x stxvw4x stxvd2x',
    source: 'ISA 7.6.1 "if MSR.VSX=0 then VSX_Unavailable()"; QEMU vsx-impl.c.inc VSX_LOAD_SCALAR, VSX_STORE_SCALAR, ' +
      'gen_lxvd2x, gen_lxvw4x, gen_lxvdsx, gen_stxvd2x, gen_stxvw4x `if (unlikely(!ctx->vsx_enabled))`',
  },
  // ---- VSX scalar DS-form loads/stores that name a VR (VSR 32-63) only -> VEC
  {
    spec: 'vec',
    mnems: 'lxsd lxssp stxsd stxssp',
    source: 'ISA 7.6.1 lxsd/lxssp/stxsd/stxssp "if MSR.VEC=0 then Vector_Unavailable()" (Linux sstep.c: ' +
      'VSX_CHECK_VEC with reg = rd + 32); QEMU 7.2 do_lstxssp REQUIRE_VECTOR(ctx), do_lstxsd ' +
      '`if (store) REQUIRE_VECTOR(ctx); else REQUIRE_VSX(ctx);` (lxsd diverges, see QEMU_7_2_DIVERGENCES)',
  },
  // ---- ISA 3.0 VSX loads: TX=0 -> VSX, TX=1 -> VEC
  {
    spec: split('XT', 'vsx'),
    mnems: 'lxvx lxvl lxvll lxvwsx lxvh8x lxvb16x lxsibzx lxsihzx',
    source: 'ISA 7.6.1 "if TX=0 & MSR.VSX=0 then VSX_Unavailable() / if TX=1 & MSR.VEC=0 then Vector_Unavailable()" ' +
      '(Linux sstep.c: VSX_CHECK_VEC); QEMU gen_lxvwsx, VSX_VECTOR_LOAD_STORE_LENGTH `if (xT(ctx->opcode) < 32) ' +
      '{ vsx_enabled } else { altivec_enabled }`; lxvx/lxvh8x/lxvb16x/lxsibzx/lxsihzx diverge in QEMU 7.2',
  },
  { spec: split('XT_DQ', 'vsx'), mnems: 'lxv', source: 'ISA 7.6.1 lxv (DQ form, TX at bit 28); QEMU 7.2 do_lstxv_D is inverted' },
  // ---- ISA 3.0 VSX stores: SX=0 -> VSX, SX=1 -> VEC
  {
    spec: split('XS', 'vsx'),
    mnems: 'stxvx stxvl stxvll stxvh8x stxvb16x stxsibx stxsihx',
    source: 'ISA 7.6.1 "if SX=0 & MSR.VSX=0 then VSX_Unavailable() / if SX=1 & MSR.VEC=0 then Vector_Unavailable()"; ' +
      'QEMU VSX_VECTOR_LOAD_STORE_LENGTH(stxvl/stxvll) agrees, stxvx/stxvh8x/stxvb16x/stxsibx/stxsihx diverge',
  },
  { spec: split('XS_DQ', 'vsx'), mnems: 'stxv', source: 'ISA 7.6.1 stxv (DQ form, SX at bit 28); QEMU 7.2 do_lstxv_D is inverted' },
  // ---- ISA 3.0 VSX moves and splat: TX/SX=0 -> VSX, 1 -> VEC
  {
    spec: split('XT', 'vsx'),
    mnems: 'mtvsrdd mtvsrws xxspltib',
    source: 'ISA 7.6.1.x "if TX=0 & MSR.VSX=0 ... if TX=1 & MSR.VEC=0"; QEMU gen_mtvsrdd/gen_mtvsrws ' +
      '`if (xT(ctx->opcode) < 32) { vsx_enabled ... POWERPC_EXCP_VSXU } else { altivec_enabled ... POWERPC_EXCP_VPU }`, ' +
      'trans_XXSPLTIB `if (a->xt < 32) REQUIRE_VSX(ctx); else REQUIRE_VECTOR(ctx);`',
  },
  {
    spec: split('XS', 'vsx'),
    mnems: 'mfvsrld',
    source: 'ISA 7.6.1.x mfvsrld "if SX=0 & MSR.VSX=0 ... if SX=1 & MSR.VEC=0"; QEMU gen_mfvsrld ' +
      '`if (xS(ctx->opcode) < 32) { vsx_enabled } else { altivec_enabled }`',
  },
  // ---- ISA 2.07 GPR<->VSR moves: TX/SX=0 -> FP, 1 -> VEC (VSX is not checked)
  {
    spec: split('XS', 'fp'),
    mnems: 'mfvsrd mfvsrwz',
    source: 'ISA 7.6.1.x "if SX=0 & MSR.FP=0 then FP_Unavailable() / if SX=1 & MSR.VEC=0 then Vector_Unavailable()"; ' +
      'QEMU gen_mfvsrd/gen_mfvsrwz `if (xS(ctx->opcode) < 32) { fpu_enabled ... POWERPC_EXCP_FPU } else { altivec_enabled }`',
  },
  {
    spec: split('XT', 'fp'),
    mnems: 'mtvsrd mtvsrwa mtvsrwz',
    source: 'ISA 7.6.1.x "if TX=0 & MSR.FP=0 then FP_Unavailable() / if TX=1 & MSR.VEC=0 then Vector_Unavailable()"; ' +
      'QEMU gen_mtvsrd/gen_mtvsrwa/gen_mtvsrwz test xS(ctx->opcode) (the same bits as XT) `< 32 ? fpu : altivec`',
  },
];

/**
 * Where QEMU 7.2 checks a different facility than the ISA (and than this
 * file): mnemonic -> what QEMU 7.2 does. For reference when comparing traces.
 */
export const QEMU_7_2_DIVERGENCES: Readonly<Record<string, string>> = {
  lxv: 'do_lstxv_D: `if (paired || a->rt >= 32) REQUIRE_VSX else REQUIRE_VECTOR` (inverted; fixed upstream by 2cc0e449d1, QEMU 9.0)',
  stxv: 'do_lstxv_D: inverted like lxv',
  lxvx: 'do_lstxv_X: `if (paired || a->rt >= 32) REQUIRE_VSX else REQUIRE_VECTOR` (inverted; fixed upstream in late 2024)',
  stxvx: 'do_lstxv_X: inverted like lxvx',
  lxsd: 'do_lstxsd: REQUIRE_VSX for loads (the ISA and the pre-7.0 VSX_LOAD_SCALAR_DS check MSR[VEC])',
  lxvh8x: 'gen_lxvh8x: MSR[VSX] only, whatever TX',
  lxvb16x: 'gen_lxvb16x: MSR[VSX] only, whatever TX',
  lxsibzx: 'VSX_LOAD_SCALAR: MSR[VSX] only, whatever TX',
  lxsihzx: 'VSX_LOAD_SCALAR: MSR[VSX] only, whatever TX',
  stxvh8x: 'gen_stxvh8x: MSR[VSX] only, whatever SX',
  stxvb16x: 'gen_stxvb16x: MSR[VSX] only, whatever SX',
  stxsibx: 'VSX_STORE_SCALAR: MSR[VSX] only, whatever SX',
  stxsihx: 'VSX_STORE_SCALAR: MSR[VSX] only, whatever SX',
};

const EXPLICIT: ReadonlyMap<string, FacilitySpec> = (() => {
  const m = new Map<string, FacilitySpec>();
  for (const r of RULES) {
    for (const mn of r.mnems.split(/\s+/)) {
      if (!mn) continue;
      if (m.has(mn)) throw new Error(`facility: ${mn} listed twice`);
      m.set(mn, r.spec);
    }
  }
  return m;
})();

function specOfRow(row: Pick<Insn, 'mnem' | 'unit'>): FacilitySpec {
  return EXPLICIT.get(row.mnem) ?? UNIT_DEFAULT[row.unit];
}

/** Every table row's rule, by mnemonic (computed once). */
const SPEC_BY_MNEM: ReadonlyMap<string, FacilitySpec> = new Map(INSNS.map((r) => [r.mnem, specOfRow(r)]));

/** The facility rule of a table mnemonic (base mnemonic, as in the table). Throws for an unknown mnemonic. */
export function facilityOf(mnem: string): FacilitySpec {
  const s = SPEC_BY_MNEM.get(mnem);
  if (s !== undefined) return s;
  const row = INSN_BY_MNEM.get(mnem);
  if (!row) throw new Error(`facilityOf: unknown mnemonic ${mnem}`);
  return specOfRow(row);
}

/** Resolve a rule for a concrete instruction word. */
export function resolveFacility(spec: FacilitySpec, word: number): Facility {
  if (typeof spec === 'string') return spec;
  return field(word, spec.field) >= 32 ? spec.high : spec.low;
}

/**
 * The facility a decoded instruction word needs: 'none', or the MSR bit
 * ('fp', 'vec', 'vsx') whose being 0 raises the matching unavailable interrupt.
 */
export function facilityFor(row: Insn, word: number): Facility {
  const spec = SPEC_BY_MNEM.get(row.mnem) ?? specOfRow(row);
  return typeof spec === 'string' ? spec : resolveFacility(spec, word);
}
