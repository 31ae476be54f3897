// Extended mnemonics, as GNU objdump (binutils 2.40, default dialect for
// ppc64: POWER10 with "any" fallback) prints them.
//
// Each alias specializes one table row (by mnemonic): when its condition on
// the instruction's fields holds, objdump prints `name` with `ops` instead of
// the row's own mnemonic and operands. Aliases of a row are tried in order; the
// first match wins (the order of binutils' opcode table). `name` gets the row's
// "o"/"." suffixes when those bits are set, unless `exact`. The name ".long"
// means objdump rejects the word (it prints it as data).
//
// Conditions and operands use the mini-language of disasm-operands.ts: field
// names from fields.ts, integer expressions, `kind:expr`, `?` for optional
// operands (`?N`: optional with default N).
//
// The rules were established by running encodings through
// powerpc64le-linux-gnu-objdump; tests/golden/disasm/table.txt and the busybox
// test keep them honest.

import { MFSPR_NAMES, MTSPR_NAMES } from './disasm-spr.js';

export interface AliasDef {
  /** Table mnemonic(s) the alias specializes. */
  readonly base: string | readonly string[];
  /** Condition on the fields ("" = always). */
  readonly when: string;
  readonly name: string;
  readonly ops: string;
  /** Do not append the row's OE/Rc suffixes. */
  readonly exact?: boolean;
}

const A = (base: AliasDef['base'], when: string, name: string, ops: string, exact = false): AliasDef => ({ base, when, name, ops, exact });
const INVALID = '.long';

// ------------------------------------------------------------------ branches

const TRUE_CC = ['lt', 'gt', 'eq', 'so'];
const FALSE_CC = ['ge', 'le', 'ne', 'ns'];

/**
 * Conditional branches: bc (BD target), bclr/bcctr/bctar (BH operand).
 * Hints: objdump prints "-" for at=10 and "+" for at=11 (and, for the register
 * forms, the old y-bit "+" on BO=5/13 and on the CTR forms' BO=1/3/9/11).
 */
function branchAliases(): AliasDef[] {
  const out: AliasDef[] = [];
  const kinds = [
    { base: ['bc', 'bcl', 'bca', 'bcla'], sfx: '', tgt: true },
    { base: ['bclr', 'bclrl'], sfx: 'lr', tgt: false },
    { base: ['bcctr', 'bcctrl'], sfx: 'ctr', tgt: false },
    { base: ['bctar', 'bctarl'], sfx: 'tar', tgt: false },
  ];
  for (const k of kinds) {
    const reg = !k.tgt;
    // bcctr cannot decrement CTR; bctar (ISA 2.07) knows only the at-bit hints.
    const ctr = k.sfx === 'ctr';
    const tar = k.sfx === 'tar';
    const links = reg ? [0, 1] : [0, 1];
    const aas = k.tgt ? [0, 1] : [0];
    for (const lk of links) {
      for (const aa of aas) {
        const la = (lk ? 'l' : '') + (aa ? 'a' : '');
        const lkaa = `LK=${lk}` + (k.tgt ? ` && AA=${aa}` : '');
        const tgt = k.tgt ? (aa ? 'abs:BD' : 'BD') : '';
        const tail = (ops: string) => [ops, tgt, reg ? 'BH?' : ''].filter(Boolean).join(',');
        const nm = (cond: string, hint: string) => cond + k.sfx + la + hint;
        // decrement-and-test on a CR bit (not for the CTR/TAR forms)
        for (const [bo, cond] of [[0, 'bdnzf'], [2, 'bdzf'], [8, 'bdnzt'], [10, 'bdzt']] as const) {
          if (ctr) {
            out.push(A(k.base, `BO=${bo} && ${lkaa}`, 'bc' + k.sfx + la, tail('BO,BI'), true));
            out.push(A(k.base, `BO=${bo + 1} && ${lkaa}`, INVALID, '', true));
          } else {
            out.push(A(k.base, `BO=${bo} && ${lkaa}`, nm(cond, ''), tail('BI'), true));
            out.push(A(k.base, `BO=${bo + 1} && ${lkaa}`, tar ? INVALID : nm(cond, reg ? '+' : ''), tail('BI'), true));
          }
        }
        // branch on a CR bit true/false, CR field operand
        for (const [bo, ccs] of [[4, FALSE_CC], [12, TRUE_CC]] as const) {
          for (let cc = 0; cc < 4; cc++) {
            const hints = ['', reg ? '+' : '', '-', '+'];
            for (let h = 0; h < 4; h++) {
              const name = tar && h === 1 ? INVALID : nm('b' + ccs[cc]!, hints[h]!);
              out.push(A(k.base, `BO=${bo + h} && BI&3=${cc} && ${lkaa}`, name, tail('cr:BI>>2?'), true));
            }
          }
        }
        // decrement-only and always
        const simple: Array<[number, string, string]> = ctr
          ? [[20, 'b', '']]
          : [[16, 'bdnz', ''], [18, 'bdz', ''], [20, 'b', ''], [24, 'bdnz', '-'], [25, 'bdnz', '+'], [26, 'bdz', '-'], [27, 'bdz', '+']];
        // the old y-bit hint with BI=0 (BO=17/19): no hint shown for bc, "+" for bclr
        if (!ctr && !tar) simple.push([17, 'bdnz', reg ? '+' : ''], [19, 'bdz', reg ? '+' : '']);
        for (const [bo, cond, hint] of simple) {
          if (k.tgt && bo === 20) continue; // no "branch always" bc alias
          out.push(A(k.base, `BO=${bo} && BI=0 && ${lkaa}`, nm(cond, hint), tail(''), true));
        }
        for (const [bo, hint] of [[16, ''], [18, ''], [20, ''], [24, '-'], [25, '+'], [26, '-'], [27, '+']] as const) {
          out.push(A(k.base, `BO=${bo} && ${lkaa}`, 'bc' + k.sfx + la + hint, tail('BO,BI'), true));
        }
        out.push(A(k.base, lkaa, INVALID, '', true));
      }
    }
  }
  return out;
}

// ------------------------------------------------------------------ traps

const TO_NAMES: Array<[number, string]> = [
  [1, 'lgt'], [2, 'llt'], [4, 'eq'], [5, 'lge'], [6, 'lle'], [8, 'gt'], [12, 'ge'], [16, 'lt'], [20, 'le'], [24, 'ne'], [31, 'u'],
];

function trapAliases(): AliasDef[] {
  const out: AliasDef[] = [A('tw', 'TO=31 && RA=0 && RB=0', 'trap', '')];
  for (const [base, imm] of [['tw', ''], ['td', ''], ['twi', 'i'], ['tdi', 'i']] as const) {
    for (const [to, n] of TO_NAMES) out.push(A(base, `TO=${to}`, base.slice(0, 2) + n + imm, imm ? 'RA,SI' : 'RA,RB'));
  }
  return out;
}

// ------------------------------------------------------------------ SPRs

function sprAliases(): AliasDef[] {
  const out: AliasDef[] = [];
  for (const [n, text] of Object.entries(MFSPR_NAMES)) {
    const [name, ops] = text.split(' ');
    out.push(A('mfspr', `SPR=${n}`, name!, ops ? ops.replace('R', 'RT').replace(/,(\d+)$/, ',imm:$1') : 'RT'));
  }
  for (const [n, text] of Object.entries(MTSPR_NAMES)) {
    const [name, ops] = text.split(' ');
    out.push(A('mtspr', `SPR=${n}`, name!, ops ? ops.replace(/^(\d+),R$/, 'imm:$1,RS') : 'RS'));
  }
  return out;
}

// ------------------------------------------------------------------ the table

const DS = (base: string): AliasDef[] => [
  A(base, 'TH<8', base + 'ct', 'RA,RB,TH?'),
  A(base, 'TH>=8 && TH<16', base + 'ds', 'RA,RB,TH?8'),
  A(base, 'TH=16', base + 't', 'RA,RB'),
];

/** One-hot FXM for mtocrf/mfocrf, else objdump rejects the word. */
const ONE_HOT = 'FXM!=1 && FXM!=2 && FXM!=4 && FXM!=8 && FXM!=16 && FXM!=32 && FXM!=64 && FXM!=128';

/**
 * Invalid forms of the update loads/stores (RA=0, or RA=RT for fixed-point
 * loads). objdump then falls back to "any" CPU and finds the POWER name when
 * one exists (lu, lux, stu, stux), else prints the word as data.
 */
function updateFormAliases(): AliasDef[] {
  const out: AliasDef[] = [];
  const power: Record<string, [string, string]> = {
    lwzu: ['lu', 'RT,D(RA)'], lwzux: ['lux', 'RT,r:RA,RB'], stwu: ['stu', 'RS,D(RA)'], stwux: ['stux', 'RS,RA,RB'],
  };
  const gprLoads = ['lbzu', 'lhzu', 'lhau', 'lwzu', 'ldu', 'lbzux', 'lhzux', 'lhaux', 'lwzux', 'lwaux', 'ldux'];
  const raOnly = ['lfsu', 'lfdu', 'lfsux', 'lfdux', 'stbu', 'sthu', 'stwu', 'stdu', 'stbux', 'sthux', 'stwux', 'stdux', 'stfsu', 'stfdu', 'stfsux', 'stfdux'];
  for (const m of [...gprLoads, ...raOnly]) {
    const [name, ops] = power[m] ?? [INVALID, ''];
    out.push(A(m, 'RA=0', name, ops));
    if (gprLoads.includes(m)) out.push(A(m, 'RA=RT', name, ops));
  }
  return out;
}

export const ALIASES: readonly AliasDef[] = [
  // ---- system: objdump omits zero trailing operands, and rejects forms it considers invalid
  A('sc', '', 'sc', 'LEV?'),
  A('mftb', 'TBR!=268 && TBR!=269', INVALID, ''),
  A('icbt', 'CT=0', 'icbt', 'RA,RB'),
  A('tlbie', '', 'tlbie', 'RB,RS,RIC?,PRS?,R?'),
  A('tlbiel', '', 'tlbiel', 'RB,RS?,RIC?,PRS?,R?'),
  A('slbia', '', 'slbia', 'IH?'),
  A('tbegin.', '', 'tbegin.', 'TMR?'),
  A('tend.', 'TMA=1', 'tendall.', ''),
  A('tend.', '', 'tend.', ''),
  // store conditional without its Rc=1 bit: QEMU executes it, objdump rejects it
  ...['stbcx.', 'sthcx.', 'stwcx.', 'stdcx.', 'stqcx.'].map((m) => A(m, 'Rc=0', INVALID, '')),
  // ---- fixed-point
  A('addi', 'RA=0', 'li', 'RT,SI'),
  A('addis', 'RA=0', 'lis', 'RT,SI'),
  A('ori', 'RS=0 && RA=0 && UI=0', 'nop', ''),
  A('xori', 'RS=0 && RA=0 && UI=0', 'xnop', ''),
  A('or', 'RS=26 && RA=26 && RB=26 && Rc=0', 'miso', ''),
  A('or', 'RS=27 && RA=27 && RB=27 && Rc=0', 'yield', ''),
  A('or', 'RS=29 && RA=29 && RB=29 && Rc=0', 'mdoio', ''),
  A('or', 'RS=30 && RA=30 && RB=30 && Rc=0', 'mdoom', ''),
  A('or', 'RS=RB', 'mr', 'RA,RS'),
  A('nor', 'RS=RB', 'not', 'RA,RS'),
  A('cmp', 'L10=0', 'cmpw', 'BF?,RA,RB'),
  A('cmp', 'L10=1', 'cmpd', 'BF?,RA,RB'),
  A('cmpl', 'L10=0', 'cmplw', 'BF?,RA,RB'),
  A('cmpl', 'L10=1', 'cmpld', 'BF?,RA,RB'),
  A('cmpi', 'L10=0', 'cmpwi', 'BF?,RA,SI'),
  A('cmpi', 'L10=1', 'cmpdi', 'BF?,RA,SI'),
  A('cmpli', 'L10=0', 'cmplwi', 'BF?,RA,UI'),
  A('cmpli', 'L10=1', 'cmpldi', 'BF?,RA,UI'),
  A('rlwinm', 'MB=0 && ME=31', 'rotlwi', 'RA,RS,SH'),
  A('rlwinm', 'SH=0 && ME=31', 'clrlwi', 'RA,RS,MB'),
  A('rlwinm', 'MB=0 && ME=31-SH', 'slwi', 'RA,RS,SH'),
  A('rlwinm', 'ME=31 && SH+MB=32', 'srwi', 'RA,RS,MB'),
  A('rlwinm', 'SH=0 && MB=0', 'clrrwi', 'RA,RS,imm:31-ME'),
  A('rlwnm', 'MB=0 && ME=31', 'rotlw', 'RA,RS,RB'),
  A('rldicl', 'MB6=0', 'rotldi', 'RA,RS,SH6'),
  A('rldicl', 'SH6=0', 'clrldi', 'RA,RS,MB6'),
  A('rldicl', 'SH6+MB6=64', 'srdi', 'RA,RS,MB6'),
  A('rldicr', 'SH6=0', 'clrrdi', 'RA,RS,imm:63-ME6'),
  A('rldicr', 'ME6=63-SH6', 'sldi', 'RA,RS,SH6'),
  A('rldcl', 'MB6=0', 'rotld', 'RA,RS,RB'),
  A('isel', 'BC=0', 'isellt', 'RT,RA,RB'),
  A('isel', 'BC=1', 'iselgt', 'RT,RA,RB'),
  A('isel', 'BC=2', 'iseleq', 'RT,RA,RB'),
  ...trapAliases(),

  // ---- invalid load/store forms (what objdump prints for them)
  ...updateFormAliases(),
  A('lmw', 'RA>=RT', 'lm', 'RT,D(RA)'),
  A('lswx', 'RT=RA', 'lsx', 'RT,r:RA,RB'),
  A('lswx', 'RT=RB', 'lsx', 'RT,r:RA,RB'),
  A('lswi', 'RA>=RT && RA<RT+(((NB+31)%32+4)>>2)', 'lsi', 'RT,RA,imm:(NB+31)%32+1'),
  A('lswi', '', 'lswi', 'RT,RA,imm:(NB+31)%32+1'),
  A('stswi', '', 'stswi', 'RS,RA,imm:(NB+31)%32+1'),
  // lq with an odd or RA-overlapping pair: objdump finds the 750CL's psq_l
  A('lq', 'RTp&1=1', 'psq_l', 'f:RTp,imm:(D&4095)-(D&2048)*2(r:RA),imm:D>>15&1,imm:D>>12&7'),
  A('lq', 'RTp=RA', 'psq_l', 'f:RTp,imm:(D&4095)-(D&2048)*2(r:RA),imm:D>>15&1,imm:D>>12&7'),
  A('lqarx', 'RTp&1=1', INVALID, ''),
  A('lqarx', 'RTp=RA', INVALID, ''),
  A('lqarx', 'RTp=RB', INVALID, ''),
  A('addpcis', 'DX=0', 'lnia', 'RT'),
  // objdump's optional EH hint of the load-and-reserve instructions
  ...['lbarx', 'lharx', 'lwarx', 'ldarx', 'lqarx'].map((m) => A(m, '', m, m === 'lqarx' ? 'RTp,RA,RB,EH?' : 'RT,RA,RB,EH?')),

  // ---- floating point: FPSCR field/bit numbers print as plain numbers
  A('mtfsfi', '', 'mtfsfi', 'imm:BF,U,W?'),
  A('mtfsb0', '', 'mtfsb0', 'imm:BT'),
  A('mtfsb1', '', 'mtfsb1', 'imm:BT'),
  A('mtfsf', '', 'mtfsf', 'FLM,FRB,L6?,W?'),
  A('xvcpsgnsp', 'XA=XB', 'xvmovsp', 'XT,XA'),
  A('xvcpsgndp', 'XA=XB', 'xvmovdp', 'XT,XA'),

  // ---- condition register
  A('crxor', 'BT=BA && BA=BB', 'crclr', 'BT'),
  A('creqv', 'BT=BA && BA=BB', 'crset', 'BT'),
  A('cror', 'BA=BB', 'crmove', 'BT,BA'),
  A('crnor', 'BA=BB', 'crnot', 'BT,BA'),
  A('mtcrf', 'FXM=255', 'mtcr', 'RS'),
  A('mtocrf', ONE_HOT, INVALID, ''),
  A('mfocrf', ONE_HOT, INVALID, ''),

  // ---- branches
  ...branchAliases(),

  // ---- system / storage control
  A('sync', 'L9=0', 'hwsync', ''),
  A('sync', 'L9=1', 'lwsync', ''),
  A('sync', 'L9=2', 'ptesync', ''),
  A('sync', 'L9=3', INVALID, ''),
  A('mbar', 'RS=0 && RA=0 && RB=0', 'eieio', ''),
  A('mbar', '', 'mbar', 'imm:RS?'),
  A('dcbf', 'L9=1', 'dcbfl', 'RA,RB'),
  A('dcbf', 'L9=3', 'dcbflp', 'RA,RB'),
  A('dcbf', 'L9=2', INVALID, ''),
  A('dcbf', '', 'dcbf', 'RA,RB,L9?'),
  A('mtmsrd', '', 'mtmsrd', 'RS,L15?'),
  A('mtmsr', '', 'mtmsr', 'RS,L15?'),
  ...DS('dcbt'),
  A('dcbt', 'TH=17', 'dcbna', 'RA,RB'),
  ...DS('dcbtst'),
  ...sprAliases(),

  // ---- VMX / VSX
  A('vor', 'VRA=VRB', 'vmr', 'VRT,VRA'),
  A('vnor', 'VRA=VRB', 'vnot', 'VRT,VRA'),
  A('xxlor', 'XA=XB', 'xxmr', 'XT,XA'),
  A('xxlnor', 'XA=XB', 'xxlnot', 'XT,XA'),
  A('xxpermdi', 'DM=0 && XA=XB', 'xxspltd', 'XT,XA,imm:0'),
  A('xxpermdi', 'DM=0', 'xxmrghd', 'XT,XA,XB'),
  A('xxpermdi', 'DM=2 && XA=XB', 'xxswapd', 'XT,XA'),
  A('xxpermdi', 'DM=3 && XA=XB', 'xxspltd', 'XT,XA,imm:1'),
  A('xxpermdi', 'DM=3', 'xxmrgld', 'XT,XA,XB'),
  ...([
    ['mfvsrd', 'mffprd', 'mfvrd', 'RA,f:XS', 'RA,v:XS-32', 'XS'],
    ['mfvsrwz', 'mffprwz', 'mfvrwz', 'RA,f:XS', 'RA,v:XS-32', 'XS'],
    ['mtvsrd', 'mtfprd', 'mtvrd', 'f:XT,RA', 'v:XT-32,RA', 'XT'],
    ['mtvsrwa', 'mtfprwa', 'mtvrwa', 'f:XT,RA', 'v:XT-32,RA', 'XT'],
    ['mtvsrwz', 'mtfprwz', 'mtvrwz', 'f:XT,RA', 'v:XT-32,RA', 'XT'],
  ] as const).flatMap(([base, fn, vn, fops, vops, x]) => [A(base, `${x}<32`, fn, fops), A(base, '', vn, vops)]),
];
