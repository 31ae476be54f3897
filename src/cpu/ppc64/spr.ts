// The SPR table (Book III 5.4.4, Table 18 of the POWER9 user manual): every
// SPR a partition touches, with its number, name, width, who may read and
// write it, and the side effects of a write. mfspr/mtspr (interp/system.ts)
// and the disassembler's names come from here.
//
// Access is judged from the thread's mode: problem state ('user'), privileged
// non-hypervisor state ('priv', where a guest kernel runs) or hypervisor
// state ('hv'). A guest never runs with MSR[HV]=1: the hypervisor is
// TypeScript, so 'hv' SPRs are reached only through the hypervisor's own API
// (kvm/ppc), and a guest touching one gets the architected interrupt.

import type { CpuState } from './state.js';
import { MODE_HV, MODE_PR } from './msr.js';
import { CpuTrap } from './trap.js';

/** Lowest privilege that may access: problem state, privileged, hypervisor, nobody. */
export type SprAccess = 'user' | 'priv' | 'hv' | 'none';

export interface SprDef {
  readonly num: number;
  readonly name: string;
  readonly read: SprAccess;
  readonly write: SprAccess;
  /** Implemented bits as [hi, lo] masks (default all 64). */
  readonly mask?: readonly [number, number];
  /** Where the value lives when not in s.sprHi/sprLo[num] (another number: an alias). */
  readonly alias?: number;
  /** Read hook: returns the low word, high word in s.tmpHi. */
  readonly get?: (s: CpuState) => number;
  /** Write hook (after masking). */
  readonly set?: (s: CpuState, hi: number, lo: number) => void;
}

// SPR numbers the rest of the CPU refers to by name.
export const SPR_XER = 1;
export const SPR_DSCR_U = 3;
export const SPR_LR = 8;
export const SPR_CTR = 9;
export const SPR_DSCR = 17;
export const SPR_DSISR = 18;
export const SPR_DAR = 19;
export const SPR_DEC = 22;
export const SPR_SRR0 = 26;
export const SPR_SRR1 = 27;
export const SPR_CFAR = 28;
export const SPR_AMR = 29;
export const SPR_PIDR = 48;
export const SPR_IAMR = 61;
export const SPR_CTRL_RO = 136;
export const SPR_CTRL = 152;
export const SPR_FSCR = 153;
export const SPR_UAMOR = 157;
export const SPR_PSPB = 159;
export const SPR_DPDES = 176;
export const SPR_DAWR0 = 180;
export const SPR_CIABR = 187;
export const SPR_DAWRX0 = 188;
export const SPR_HFSCR = 190;
export const SPR_VRSAVE = 256;
export const SPR_SPRG3_RO = 259;
export const SPR_TB = 268;
export const SPR_TBU = 269;
export const SPR_SPRG0 = 272;
export const SPR_SPRG1 = 273;
export const SPR_SPRG2 = 274;
export const SPR_SPRG3 = 275;
export const SPR_TBL_W = 284;
export const SPR_TBU_W = 285;
export const SPR_PVR = 287;
export const SPR_HSPRG0 = 304;
export const SPR_HSPRG1 = 305;
export const SPR_HDSISR = 306;
export const SPR_HDAR = 307;
export const SPR_SPURR = 308;
export const SPR_PURR = 309;
export const SPR_HDEC = 310;
export const SPR_HRMOR = 313;
export const SPR_HSRR0 = 314;
export const SPR_HSRR1 = 315;
export const SPR_LPCR = 318;
export const SPR_LPIDR = 319;
export const SPR_HMER = 336;
export const SPR_HMEER = 337;
export const SPR_PCR = 338;
export const SPR_HEIR = 339;
export const SPR_AMOR = 349;
export const SPR_TIR = 446;
export const SPR_PTCR = 464;
export const SPR_TAR = 815;
export const SPR_ASDR = 816;
export const SPR_PSSCR_PR = 823;
export const SPR_IC = 848;
export const SPR_VTB = 849;
export const SPR_PSSCR = 855;
export const SPR_PPR = 896;
export const SPR_PPR32 = 898;
export const SPR_PIR = 1023;

/** PVR of a POWER9 (DD2.0, what QEMU's -cpu POWER9 reports). */
export const POWER9_PVR = 0x004e1200;

/** PSSCR fields a partition sees (KVM's PSSCR_GUEST_VIS: PLS, TR, MTL, RL); it may write TR|MTL|RL. */
export const PSSCR_GUEST_VIS: readonly [number, number] = [0xf0000000 | 0, 0x3ff];

const LO32: readonly [number, number] = [0, -1];

/** Store an SPR that address translation reads, and tell the MMU (its cached translations may be stale). */
function setTranslationSpr(s: CpuState, num: number, hi: number, lo: number): void {
  s.sprHi[num] = hi;
  s.sprLo[num] = lo;
  s.mmuOps?.sprWritten(num);
}

function pair(s: CpuState, hi: number, lo: number): number {
  s.tmpHi = hi;
  return lo;
}

function tb(s: CpuState): number {
  const t = s.timebase();
  s.tmpHi = Math.floor(t / 4294967296) | 0;
  return t % 4294967296 | 0;
}

const DEFS: SprDef[] = [
  // ---- problem state ----
  { num: SPR_XER, name: 'xer', read: 'user', write: 'user', get: (s) => pair(s, 0, s.getXer()), set: (s, _h, l) => s.setXer(l) },
  { num: SPR_DSCR_U, name: 'dscr', read: 'user', write: 'user', alias: SPR_DSCR },
  { num: SPR_LR, name: 'lr', read: 'user', write: 'user', get: (s) => pair(s, s.lrHi, s.lrLo), set: (s, h, l) => ((s.lrHi = h), (s.lrLo = l)) },
  { num: SPR_CTR, name: 'ctr', read: 'user', write: 'user', get: (s) => pair(s, s.ctrHi, s.ctrLo), set: (s, h, l) => ((s.ctrHi = h), (s.ctrLo = l)) },
  { num: SPR_CTRL_RO, name: 'ctrl', read: 'user', write: 'none', alias: SPR_CTRL },
  { num: SPR_VRSAVE, name: 'vrsave', read: 'user', write: 'user', mask: LO32, get: (s) => pair(s, 0, s.vrsave), set: (s, _h, l) => (s.vrsave = l) },
  { num: SPR_SPRG3_RO, name: 'usprg3', read: 'user', write: 'none', alias: SPR_SPRG3 },
  { num: SPR_TB, name: 'tb', read: 'user', write: 'none', get: tb },
  { num: SPR_TBU, name: 'tbu', read: 'user', write: 'none', get: (s) => (tb(s), pair(s, 0, s.tmpHi)) },
  // The hypervisor's timebase write numbers read the timebase (POWER9 and QEMU agree).
  { num: SPR_TBL_W, name: 'tbl', read: 'user', write: 'hv', get: tb },
  { num: SPR_TBU_W, name: 'tbu', read: 'user', write: 'hv', get: (s) => (tb(s), pair(s, 0, s.tmpHi)) },
  { num: SPR_TAR, name: 'tar', read: 'user', write: 'user', get: (s) => pair(s, s.tarHi, s.tarLo), set: (s, h, l) => ((s.tarHi = h), (s.tarLo = l)) },
  { num: SPR_PPR, name: 'ppr', read: 'user', write: 'user', get: (s) => pair(s, s.pprHi, s.pprLo), set: (s, h, l) => ((s.pprHi = h), (s.pprLo = l)) },
  { num: SPR_PPR32, name: 'ppr32', read: 'user', write: 'user', get: (s) => pair(s, 0, s.pprHi), set: (s, _h, l) => (s.pprHi = l) },
  // Reserved no-op SPRs (ISA 2.07 and later): reads leave RT unchanged, writes do nothing (handled in readSpr/writeSpr).

  // ---- privileged ----
  { num: SPR_DSCR, name: 'dscr', read: 'priv', write: 'priv', get: (s) => pair(s, s.dscrHi, s.dscrLo), set: (s, h, l) => ((s.dscrHi = h), (s.dscrLo = l)) },
  { num: SPR_DSISR, name: 'dsisr', read: 'priv', write: 'priv', mask: LO32 },
  { num: SPR_DAR, name: 'dar', read: 'priv', write: 'priv' },
  {
    num: SPR_DEC,
    name: 'dec',
    read: 'priv',
    write: 'priv',
    get: (s) => {
      const v = s.dec();
      return pair(s, s.largeDec ? Math.floor(v / 4294967296) | 0 : v >> 31, v % 4294967296 | 0);
    },
    set: (s, h, l) => s.setDec(s.largeDec ? h * 4294967296 + (l >>> 0) : l | 0),
  },
  { num: SPR_SRR0, name: 'srr0', read: 'priv', write: 'priv' },
  { num: SPR_SRR1, name: 'srr1', read: 'priv', write: 'priv' },
  { num: SPR_CFAR, name: 'cfar', read: 'priv', write: 'priv' },
  { num: SPR_AMR, name: 'amr', read: 'priv', write: 'priv', set: (s, h, l) => setTranslationSpr(s, SPR_AMR, h, l) },
  // DPDES: a partition reads its pending doorbells (KVM emulates the read; bit 63 is thread 0).
  { num: SPR_DPDES, name: 'dpdes', read: 'priv', write: 'hv', get: (s) => pair(s, 0, s.dbell ? 1 : 0), set: (s, _h, l) => (s.dbell = (l & 1) !== 0) },
  { num: SPR_PIDR, name: 'pidr', read: 'priv', write: 'priv', mask: LO32, set: (s, h, l) => setTranslationSpr(s, SPR_PIDR, h, l) },
  { num: SPR_IAMR, name: 'iamr', read: 'priv', write: 'priv', set: (s, h, l) => setTranslationSpr(s, SPR_IAMR, h, l) },
  { num: SPR_CTRL, name: 'ctrl', read: 'none', write: 'priv', mask: [0, 1] },
  { num: SPR_FSCR, name: 'fscr', read: 'priv', write: 'priv' },
  { num: SPR_UAMOR, name: 'uamor', read: 'priv', write: 'priv' },
  { num: SPR_PSPB, name: 'pspb', read: 'priv', write: 'priv', mask: LO32 },
  { num: SPR_SPRG0, name: 'sprg0', read: 'priv', write: 'priv' },
  { num: SPR_SPRG1, name: 'sprg1', read: 'priv', write: 'priv' },
  { num: SPR_SPRG2, name: 'sprg2', read: 'priv', write: 'priv' },
  { num: SPR_SPRG3, name: 'sprg3', read: 'priv', write: 'priv' },
  { num: SPR_PVR, name: 'pvr', read: 'priv', write: 'none', mask: LO32 },
  { num: SPR_PURR, name: 'purr', read: 'priv', write: 'hv' },
  { num: SPR_SPURR, name: 'spurr', read: 'priv', write: 'hv' },
  { num: SPR_TIR, name: 'tir', read: 'priv', write: 'none' },
  // PSSCR as a partition sees it (SPR 823): only the guest-visible fields; TR, MTL, RL writable.
  {
    num: SPR_PSSCR_PR,
    name: 'psscr',
    read: 'priv',
    write: 'priv',
    get: (s) => pair(s, s.sprHi[SPR_PSSCR]! & PSSCR_GUEST_VIS[0], s.sprLo[SPR_PSSCR]! & PSSCR_GUEST_VIS[1]),
    set: (s, _h, l) => (s.sprLo[SPR_PSSCR] = (s.sprLo[SPR_PSSCR]! & ~0x3ff) | (l & 0x3ff)),
  },
  { num: SPR_IC, name: 'ic', read: 'priv', write: 'hv' },
  { num: SPR_VTB, name: 'vtb', read: 'priv', write: 'hv' },
  { num: SPR_PIR, name: 'pir', read: 'priv', write: 'none', mask: LO32 },
  // Performance monitor, as far as a guest kernel initialises it: plain storage
  // (counters do not count; user-readable numbers alias the privileged ones).
  ...pmu(),

  // ---- hypervisor only: a guest touching these gets a hypervisor emulation assistance interrupt ----
  ...(
    [
      [SPR_DAWR0, 'dawr0'],
      [181, 'dawr1'],
      [SPR_CIABR, 'ciabr'],
      [SPR_DAWRX0, 'dawrx0'],
      [189, 'dawrx1'],
      [SPR_HFSCR, 'hfscr'],
      [286, 'tbu40'],
      [SPR_HSPRG0, 'hsprg0'],
      [SPR_HSPRG1, 'hsprg1'],
      [SPR_HDSISR, 'hdsisr'],
      [SPR_HDAR, 'hdar'],
      [SPR_HDEC, 'hdec'],
      [SPR_HRMOR, 'hrmor'],
      [SPR_HSRR0, 'hsrr0'],
      [SPR_HSRR1, 'hsrr1'],
      [SPR_LPCR, 'lpcr'],
      [SPR_LPIDR, 'lpidr'],
      [SPR_HMER, 'hmer'],
      [SPR_HMEER, 'hmeer'],
      [SPR_PCR, 'pcr'],
      [SPR_HEIR, 'heir'],
      [SPR_AMOR, 'amor'],
      [SPR_PTCR, 'ptcr'],
      [SPR_ASDR, 'asdr'],
      [SPR_PSSCR, 'psscr'],
    ] as const
  ).map(([num, name]): SprDef => (num === SPR_LPCR ? { num, name, read: 'hv', write: 'hv', set: (s, h, l) => setTranslationSpr(s, num, h, l) } : { num, name, read: 'hv', write: 'hv' })),
];

function pmu(): SprDef[] {
  const out: SprDef[] = [];
  // [privileged number, user number, name]
  const regs: Array<[number, number, string]> = [
    [784, 768, 'sier'],
    [785, 769, 'mmcr2'],
    [786, 770, 'mmcra'],
    [787, 771, 'pmc1'],
    [788, 772, 'pmc2'],
    [789, 773, 'pmc3'],
    [790, 774, 'pmc4'],
    [791, 775, 'pmc5'],
    [792, 776, 'pmc6'],
    [795, 779, 'mmcr0'],
    [796, 780, 'siar'],
    [797, 781, 'sdar'],
    [798, 782, 'mmcr1'],
  ];
  for (const [p, u, name] of regs) {
    const mask = name.startsWith('pmc') ? LO32 : undefined;
    out.push({ num: p, name, read: 'priv', write: 'priv', mask });
    // Problem-state access depends on MMCR0[PMCC], which Linux leaves at 0b00:
    // no access (the same interrupt as an undefined number).
    out.push({ num: u, name, read: 'none', write: 'none', alias: p, mask });
  }
  return out;
}

/** SPR definitions by number (undefined: not implemented). */
export const SPRS: ReadonlyArray<SprDef | undefined> = (() => {
  const t = new Array<SprDef | undefined>(1024).fill(undefined);
  for (const d of DEFS) {
    if (t[d.num]) throw new Error(`SPR table: ${d.num} defined twice`);
    t[d.num] = d;
  }
  return t;
})();

/** Whether the thread's mode may use an SPR with access `a`. */
function allowed(mode: number, a: SprAccess): boolean {
  if (a === 'user') return true;
  if (a === 'none') return false;
  if (mode & MODE_PR) return false;
  return a === 'priv' || (mode & MODE_HV) !== 0;
}

/**
 * The interrupt for an SPR access that is not allowed (Book III 5.4.4): a
 * privileged SPR number (bit 0x10 set) from problem state is a privileged-
 * instruction program interrupt; anything else a partition may not touch is
 * a hypervisor emulation assistance interrupt (the hypervisor decides; KVM-HV
 * turns it into an illegal-instruction program interrupt).
 */
function denied(s: CpuState, num: number): never {
  if (s.mode & MODE_PR && num & 0x10) throw new CpuTrap('privileged');
  throw new CpuTrap('illegal');
}

/**
 * An SPR number with no definition. Problem state: privileged-instruction
 * program interrupt for privileged numbers, else illegal. Privileged state: a
 * no-op, except numbers 0, 4, 5, 6 (HEAI), as the ISA (and QEMU) say.
 */
function undefinedSpr(s: CpuState, num: number): boolean {
  if (s.mode & MODE_PR) denied(s, num);
  if (num === 0 || num === 4 || num === 5 || num === 6) throw new CpuTrap('illegal');
  return false;
}

/** mfspr: value of SPR `num` (low word; high in s.tmpHi), or undefined when RT must stay unchanged. */
export function readSpr(s: CpuState, num: number): number | undefined {
  const d = SPRS[num];
  if (!d) {
    if (num >= 808 && num <= 811) return undefined; // reserved no-op SPRs
    undefinedSpr(s, num);
    return undefined;
  }
  if (!allowed(s.mode, d.read)) denied(s, num);
  const t = d.alias === undefined ? d : SPRS[d.alias]!;
  if (t.get) return t.get(s);
  s.tmpHi = s.sprHi[t.num]!;
  return s.sprLo[t.num]!;
}

/** mtspr: write (hi, lo) to SPR `num`. */
export function writeSpr(s: CpuState, num: number, hi: number, lo: number): void {
  const d = SPRS[num];
  if (!d) {
    if (num >= 808 && num <= 811) return;
    undefinedSpr(s, num);
    return;
  }
  if (!allowed(s.mode, d.write)) denied(s, num);
  store(s, d.alias === undefined ? d : SPRS[d.alias]!, hi, lo);
}

function store(s: CpuState, t: SprDef, hi: number, lo: number): void {
  if (t.mask) {
    hi &= t.mask[0];
    lo &= t.mask[1];
  }
  if (t.set) t.set(s, hi, lo);
  else {
    s.sprHi[t.num] = hi;
    s.sprLo[t.num] = lo;
  }
}

/** Read an SPR as the hypervisor (no access check): for ONE_REG and the hypervisor core. */
export function hvReadSpr(s: CpuState, num: number): bigint {
  const d = SPRS[num];
  const t = d?.alias === undefined ? d : SPRS[d.alias];
  let lo: number;
  if (t?.get) lo = t.get(s);
  else {
    s.tmpHi = s.sprHi[num]!;
    lo = s.sprLo[num]!;
  }
  return (BigInt(s.tmpHi >>> 0) << 32n) | BigInt(lo >>> 0);
}

/** Write an SPR as the hypervisor (no access check; masked; write hooks run). */
export function hvWriteSpr(s: CpuState, num: number, v: bigint): void {
  const d = SPRS[num];
  const t = d?.alias === undefined ? d : SPRS[d.alias];
  const hi = Number((v >> 32n) & 0xffffffffn) | 0;
  const lo = Number(v & 0xffffffffn) | 0;
  if (t) store(s, t, hi, lo);
  else {
    s.sprHi[num] = hi;
    s.sprLo[num] = lo;
  }
}
