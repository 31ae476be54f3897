// Instruction table rows: unit 'vmx' (AltiVec / VMX computational instructions
// through Power ISA v3.0B; vector loads/stores and lvsl/lvsr live in the
// loadstore table). See ../spec.ts for the row format.
//
// Forms: VX (XO 21:31), VA (XO 26:31, fourth operand VRC or SHB), VC (compares:
// Rc at bit 21, XO 22:31). Two-operand VX rows pin the unused VRA slot with
// `fixed: { RA: n }` (a sub-opcode for the XO 1538 group).

import type { InsnDef } from '../spec.js';

const U = 'vmx' as const;

const vx = (mnem: string, xo: number, ops = 'VRT,VRA,VRB'): InsnDef => ({ mnem, form: 'VX', opcd: 4, xo, ops, unit: U });
/** VX with the VRA slot fixed (one source operand). */
const vx1 = (mnem: string, xo: number, ra = 0, ops = 'VRT,VRB'): InsnDef => ({ mnem, form: 'VX', opcd: 4, xo, fixed: { RA: ra }, ops, unit: U });
const va = (mnem: string, xo: number, ops = 'VRT,VRA,VRB,VRC'): InsnDef => ({ mnem, form: 'VA', opcd: 4, xo, ops, unit: U });
const vc = (mnem: string, xo: number): InsnDef => ({ mnem, form: 'VC', opcd: 4, xo, rc: true, ops: 'VRT,VRA,VRB', unit: U });
/** VX with an immediate in the VRA slot; `res` = reserved bits of that slot. */
const vxi = (mnem: string, xo: number, ops: string, res = 0): InsnDef => ({ mnem, form: 'VX', opcd: 4, xo, ops, unit: U, ...(res ? { reservedMask: res } : {}) });

export const VMX: InsnDef[] = [
  // ---- status and control
  // The unused register slots must be 0 (QEMU 7.2 raises SIGILL otherwise).
  { mnem: 'mfvscr', form: 'VX', opcd: 4, xo: 1540, fixed: { RA: 0, RB: 0 }, ops: 'VRT', unit: 'vmx' },
  { mnem: 'mtvscr', form: 'VX', opcd: 4, xo: 1604, fixed: { RT: 0, RA: 0 }, ops: 'VRB', unit: 'vmx' },

  // ---- integer add / subtract
  vx('vaddubm', 0), vx('vadduhm', 64), vx('vadduwm', 128), vx('vaddudm', 192), vx('vadduqm', 256),
  vx('vaddcuq', 320), vx('vaddcuw', 384),
  vx('vaddubs', 512), vx('vadduhs', 576), vx('vadduws', 640), vx('vaddsbs', 768), vx('vaddshs', 832), vx('vaddsws', 896),
  vx('vsububm', 1024), vx('vsubuhm', 1088), vx('vsubuwm', 1152), vx('vsubudm', 1216), vx('vsubuqm', 1280),
  vx('vsubcuq', 1344), vx('vsubcuw', 1408),
  vx('vsububs', 1536), vx('vsubuhs', 1600), vx('vsubuws', 1664), vx('vsubsbs', 1792), vx('vsubshs', 1856), vx('vsubsws', 1920),
  va('vaddeuqm', 60), va('vaddecuq', 61), va('vsubeuqm', 62), va('vsubecuq', 63),

  // ---- average, max/min, absolute difference
  vx('vavgub', 1026), vx('vavguh', 1090), vx('vavguw', 1154), vx('vavgsb', 1282), vx('vavgsh', 1346), vx('vavgsw', 1410),
  vx('vmaxub', 2), vx('vmaxuh', 66), vx('vmaxuw', 130), vx('vmaxud', 194),
  vx('vmaxsb', 258), vx('vmaxsh', 322), vx('vmaxsw', 386), vx('vmaxsd', 450),
  vx('vminub', 514), vx('vminuh', 578), vx('vminuw', 642), vx('vminud', 706),
  vx('vminsb', 770), vx('vminsh', 834), vx('vminsw', 898), vx('vminsd', 962),
  vx('vabsdub', 1027), vx('vabsduh', 1091), vx('vabsduw', 1155),

  // ---- XO 1538 group: one source, sub-opcode in VRA
  vx1('vclzlsbb', 1538, 0, 'RT,VRB'), vx1('vctzlsbb', 1538, 1, 'RT,VRB'),
  vx1('vnegw', 1538, 6), vx1('vnegd', 1538, 7),
  vx1('vprtybw', 1538, 8), vx1('vprtybd', 1538, 9), vx1('vprtybq', 1538, 10),
  vx1('vextsb2w', 1538, 16), vx1('vextsh2w', 1538, 17),
  vx1('vextsb2d', 1538, 24), vx1('vextsh2d', 1538, 25), vx1('vextsw2d', 1538, 26),
  vx1('vctzb', 1538, 28), vx1('vctzh', 1538, 29), vx1('vctzw', 1538, 30), vx1('vctzd', 1538, 31),

  // ---- multiply, multiply-sum, sum across
  vx('vmuleub', 520), vx('vmuleuh', 584), vx('vmuleuw', 648), vx('vmulesb', 776), vx('vmulesh', 840), vx('vmulesw', 904),
  vx('vmuloub', 8), vx('vmulouh', 72), vx('vmulouw', 136), vx('vmulosb', 264), vx('vmulosh', 328), vx('vmulosw', 392),
  vx('vmuluwm', 137),
  va('vmhaddshs', 32), va('vmhraddshs', 33), va('vmladduhm', 34), va('vmsumudm', 35),
  va('vmsumubm', 36), va('vmsummbm', 37), va('vmsumuhm', 38), va('vmsumuhs', 39), va('vmsumshm', 40), va('vmsumshs', 41),
  vx('vsum4ubs', 1544), vx('vsum4sbs', 1800), vx('vsum4shs', 1608), vx('vsum2sws', 1672), vx('vsumsws', 1928),
  vx('vpmsumb', 1032), vx('vpmsumh', 1096), vx('vpmsumw', 1160), vx('vpmsumd', 1224),

  // ---- integer compare (Rc=1 sets CR6)
  vc('vcmpequb', 6), vc('vcmpequh', 70), vc('vcmpequw', 134), vc('vcmpequd', 199),
  vc('vcmpgtub', 518), vc('vcmpgtuh', 582), vc('vcmpgtuw', 646), vc('vcmpgtud', 711),
  vc('vcmpgtsb', 774), vc('vcmpgtsh', 838), vc('vcmpgtsw', 902), vc('vcmpgtsd', 967),
  vc('vcmpneb', 7), vc('vcmpneh', 71), vc('vcmpnew', 135),
  vc('vcmpnezb', 263), vc('vcmpnezh', 327), vc('vcmpnezw', 391),

  // ---- logical
  vx('vand', 1028), vx('vandc', 1092), vx('vor', 1156), vx('vxor', 1220), vx('vnor', 1284),
  vx('vorc', 1348), vx('vnand', 1412), vx('veqv', 1668),
  va('vsel', 42),

  // ---- shift / rotate
  vx('vslb', 260), vx('vslh', 324), vx('vslw', 388), vx('vsld', 1476),
  vx('vsrb', 516), vx('vsrh', 580), vx('vsrw', 644), vx('vsrd', 1732),
  vx('vsrab', 772), vx('vsrah', 836), vx('vsraw', 900), vx('vsrad', 964),
  vx('vrlb', 4), vx('vrlh', 68), vx('vrlw', 132), vx('vrld', 196),
  vx('vrlwmi', 133), vx('vrldmi', 197), vx('vrlwnm', 389), vx('vrldnm', 453),
  vx('vsl', 452), vx('vsr', 708), vx('vslo', 1036), vx('vsro', 1100), vx('vslv', 1860), vx('vsrv', 1796),

  // ---- permute, merge, splat, pack, unpack
  va('vperm', 43), va('vpermr', 59), va('vpermxor', 45),
  { mnem: 'vsldoi', form: 'VA', opcd: 4, xo: 44, ops: 'VRT,VRA,VRB,SHB', unit: U },
  vx('vmrghb', 12), vx('vmrghh', 76), vx('vmrghw', 140), vx('vmrglb', 268), vx('vmrglh', 332), vx('vmrglw', 396),
  vx('vmrgew', 1932), vx('vmrgow', 1676),
  // QEMU 7.2 ignores the reserved bits of the UIM slot of vsplt*/vextractu[bhw]/
  // vinsert* and bit 21 of vsldoi: so do these rows (no reservedMask).
  vxi('vspltb', 524, 'VRT,VRB,UIM4'), vxi('vsplth', 588, 'VRT,VRB,UIM3'), vxi('vspltw', 652, 'VRT,VRB,UIM2'),
  // vspltis*: QEMU 7.2 ignores the VRB slot.
  vx('vspltisb', 780, 'VRT,SIM5'), vx('vspltish', 844, 'VRT,SIM5'), vx('vspltisw', 908, 'VRT,SIM5'),
  vx('vpkuhum', 14), vx('vpkuwum', 78), vx('vpkudum', 1102),
  vx('vpkuhus', 142), vx('vpkuwus', 206), vx('vpkudus', 1230),
  vx('vpkshus', 270), vx('vpkswus', 334), vx('vpksdus', 1358),
  vx('vpkshss', 398), vx('vpkswss', 462), vx('vpksdss', 1486),
  vx('vpkpx', 782),
  // QEMU 7.2 ignores the VRA slot of vupk[hl]sw, vgbbd, vclz*, vpopcnt* (no fixed RA).
  vx1('vupkhsb', 526), vx1('vupkhsh', 590), vx('vupkhsw', 1614, 'VRT,VRB'),
  vx1('vupklsb', 654), vx1('vupklsh', 718), vx('vupklsw', 1742, 'VRT,VRB'),
  vx1('vupkhpx', 846), vx1('vupklpx', 974),

  // ---- bit gather / permute, counts
  vx('vgbbd', 1292, 'VRT,VRB'), vx('vbpermq', 1356), vx('vbpermd', 1484),
  vx('vclzb', 1794, 'VRT,VRB'), vx('vclzh', 1858, 'VRT,VRB'), vx('vclzw', 1922, 'VRT,VRB'), vx('vclzd', 1986, 'VRT,VRB'),
  vx('vpopcntb', 1795, 'VRT,VRB'), vx('vpopcnth', 1859, 'VRT,VRB'), vx('vpopcntw', 1923, 'VRT,VRB'), vx('vpopcntd', 1987, 'VRT,VRB'),

  // ---- extract / insert
  vxi('vextractub', 525, 'VRT,VRB,UIM4'), vxi('vextractuh', 589, 'VRT,VRB,UIM4'),
  vxi('vextractuw', 653, 'VRT,VRB,UIM4'), vxi('vextractd', 717, 'VRT,VRB,UIM4', 1 << 20) /* QEMU: SIGILL when bit 11 is set */,
  vxi('vinsertb', 781, 'VRT,VRB,UIM4'), vxi('vinserth', 845, 'VRT,VRB,UIM4'),
  vxi('vinsertw', 909, 'VRT,VRB,UIM4'), vxi('vinsertd', 973, 'VRT,VRB,UIM4'),
  vx('vextublx', 1549, 'RT,RA,VRB'), vx('vextubrx', 1805, 'RT,RA,VRB'),
  vx('vextuhlx', 1613, 'RT,RA,VRB'), vx('vextuhrx', 1869, 'RT,RA,VRB'),
  vx('vextuwlx', 1677, 'RT,RA,VRB'), vx('vextuwrx', 1933, 'RT,RA,VRB'),

  // ---- single-precision floating point (VSCR[NJ] controls denormal flushing)
  vx('vaddfp', 10), vx('vsubfp', 74), vx('vmaxfp', 1034), vx('vminfp', 1098),
  va('vmaddfp', 46, 'VRT,VRA,VRC,VRB'), va('vnmsubfp', 47, 'VRT,VRA,VRC,VRB'),
  vx1('vrefp', 266), vx1('vrsqrtefp', 330), vx1('vexptefp', 394), vx1('vlogefp', 458),
  vx1('vrfin', 522), vx1('vrfiz', 586), vx1('vrfip', 650), vx1('vrfim', 714),
  vxi('vcfux', 778, 'VRT,VRB,UIM5'), vxi('vcfsx', 842, 'VRT,VRB,UIM5'),
  vxi('vctuxs', 906, 'VRT,VRB,UIM5'), vxi('vctsxs', 970, 'VRT,VRB,UIM5'),
  vc('vcmpeqfp', 198), vc('vcmpgefp', 454), vc('vcmpgtfp', 710), vc('vcmpbfp', 966),

  // ---- cryptography
  vx('vcipher', 1288), vx('vcipherlast', 1289), vx('vncipher', 1352), vx('vncipherlast', 1353),
  vx('vsbox', 1480, 'VRT,VRA'), // QEMU 7.2 ignores the VRB slot
  vxi('vshasigmaw', 1666, 'VRT,VRA,ST,SIX'), vxi('vshasigmad', 1730, 'VRT,VRA,ST,SIX'),
];

// ---- decimal (signed packed BCD), always Rc=1 (CR6). XO is bits 23:31 with
// bit 21 = 1 and PS at bit 22, expressed with the Z23 form (XO 23:30, Rc 31);
// bcdcpsgn. is a plain VX row. One-source rows keep a sub-opcode in VRA.
const bcd = (mnem: string, xo9: number, ops: string, fixed: Record<string, number> = {}): InsnDef => ({
  mnem, form: 'Z23', opcd: 4, xo: xo9 >> 1, fixed: { Rc: 1, Rc21: 1, ...fixed }, ops, unit: U,
});
VMX.push(
  bcd('bcdadd.', 1, 'VRT,VRA,VRB,PS'),
  bcd('bcdsub.', 65, 'VRT,VRA,VRB,PS'),
  bcd('bcdus.', 129, 'VRT,VRA,VRB'), // PS ignored (QEMU 7.2)
  bcd('bcds.', 193, 'VRT,VRA,VRB,PS'),
  bcd('bcdtrunc.', 257, 'VRT,VRA,VRB,PS'),
  bcd('bcdutrunc.', 321, 'VRT,VRA,VRB'), // PS ignored
  bcd('bcdsr.', 449, 'VRT,VRA,VRB,PS'),
  bcd('bcdctsq.', 385, 'VRT,VRB', { RA: 0 }), // PS ignored
  bcd('bcdcfsq.', 385, 'VRT,VRB,PS', { RA: 2 }),
  bcd('bcdctz.', 385, 'VRT,VRB,PS', { RA: 4 }),
  bcd('bcdctn.', 385, 'VRT,VRB', { RA: 5, PS: 0 }),
  bcd('bcdcfz.', 385, 'VRT,VRB,PS', { RA: 6 }),
  bcd('bcdcfn.', 385, 'VRT,VRB,PS', { RA: 7 }),
  bcd('bcdsetsgn.', 385, 'VRT,VRB,PS', { RA: 31 }),
  vx('bcdcpsgn.', 833),
);

// ---- multiply quadword by 10 (ISA 3.0), with carry-in digit / carry-out
VMX.push(
  { mnem: 'vmul10cuq', form: 'VX', opcd: 4, xo: 1, fixed: { RB: 0 }, ops: 'VRT,VRA', unit: U },
  vx('vmul10ecuq', 65),
  { mnem: 'vmul10uq', form: 'VX', opcd: 4, xo: 513, fixed: { RB: 0 }, ops: 'VRT,VRA', unit: U },
  vx('vmul10euq', 577),
);
