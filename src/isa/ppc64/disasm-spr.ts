// SPR names objdump (binutils 2.40, default -M for ppc64) uses for mfspr/mtspr
// extended mnemonics, captured by running every SPR number 0..1023 through
// powerpc64le-linux-gnu-objdump. "R" marks where the GPR operand goes when the
// extended form keeps an extra immediate (mfsprg r3,0 / mtsprg 0,r3).

export const MFSPR_NAMES: Readonly<Record<number, string>> = {
  1: 'mfxer', 3: 'mfudscr', 4: 'mfrtcu', 5: 'mfrtcl', 8: 'mflr', 9: 'mfctr', 13: 'mfuamr', 17: 'mfdscr',
  18: 'mfdsisr', 19: 'mfdar', 22: 'mfdec', 25: 'mfsdr1', 26: 'mfsrr0', 27: 'mfsrr1', 28: 'mfcfar', 29: 'mfamr',
  48: 'mfpidr', 61: 'mfiamr', 136: 'mfctrl', 153: 'mffscr', 157: 'mfuamor', 159: 'mfpspb', 176: 'mfdpdes',
  180: 'mfdawr0', 181: 'mfdawr1', 186: 'mfrpr', 187: 'mfciabr', 188: 'mfdawrx0', 189: 'mfdawrx1', 190: 'mfhfscr',
  256: 'mfvrsave', 259: 'mfusprg3', 268: 'mftb', 269: 'mftbu', 272: 'mfsprg R,0', 273: 'mfsprg R,1',
  274: 'mfsprg R,2', 275: 'mfsprg R,3', 280: 'mfasr', 282: 'mfear', 287: 'mfpvr', 304: 'mfhsprg0', 305: 'mfhsprg1',
  306: 'mfhdisr', 307: 'mfhdar', 308: 'mfspurr', 309: 'mfpurr', 310: 'mfhdec', 313: 'mfhrmor', 314: 'mfhsrr0',
  315: 'mfhsrr1', 318: 'mflpcr', 319: 'mflpidr', 336: 'mfhmer', 337: 'mfhmeer', 338: 'mfpcr', 339: 'mfheir',
  349: 'mfamor', 446: 'mftir', 464: 'mfptcr', 496: 'mfusprg0', 497: 'mfusprg1', 505: 'mfurmor', 506: 'mfusrr0',
  507: 'mfusrr1', 511: 'mfsmfctrl', 528: 'mfibatu R,0', 529: 'mfibatl R,0', 530: 'mfibatu R,1', 531: 'mfibatl R,1',
  532: 'mfibatu R,2', 533: 'mfibatl R,2', 534: 'mfibatu R,3', 535: 'mfibatl R,3', 536: 'mfdbatu R,0',
  537: 'mfdbatl R,0', 538: 'mfdbatu R,1', 539: 'mfdbatl R,1', 540: 'mfdbatu R,2', 541: 'mfdbatl R,2',
  542: 'mfdbatu R,3', 543: 'mfdbatl R,3', 736: 'mfusier2', 737: 'mfusier3', 738: 'mfummcr3', 768: 'mfusier',
  769: 'mfummcr2', 770: 'mfummcra', 771: 'mfupmc1', 772: 'mfupmc2', 773: 'mfupmc3', 774: 'mfupmc4', 775: 'mfupmc5',
  776: 'mfupmc6', 779: 'mfummcr0', 780: 'mfusiar', 781: 'mfusdar', 782: 'mfummcr1', 800: 'mfbescrs',
  801: 'mfbescrsu', 802: 'mfbescrr', 803: 'mfbescrru', 804: 'mfebbhr', 805: 'mfebbrr', 806: 'mfbescr', 815: 'mftar',
  816: 'mfasdr', 823: 'mfpsscr', 848: 'mfic', 849: 'mfvtb', 855: 'mfhpsscr', 896: 'mfppr', 898: 'mfppr32',
  1023: 'mfpir',
};

export const MTSPR_NAMES: Readonly<Record<number, string>> = {
  1: 'mtxer', 3: 'mtudscr', 8: 'mtlr', 9: 'mtctr', 13: 'mtuamr', 17: 'mtdscr', 18: 'mtdsisr', 19: 'mtdar',
  20: 'mtrtcu', 21: 'mtrtcl', 22: 'mtdec', 25: 'mtsdr1', 26: 'mtsrr0', 27: 'mtsrr1', 28: 'mtcfar', 29: 'mtamr',
  48: 'mtpidr', 61: 'mtiamr', 128: 'mttfhar', 129: 'mttfiar', 130: 'mttexasr', 131: 'mttexasru', 152: 'mtctrl',
  153: 'mtfscr', 157: 'mtuamor', 159: 'mtpspb', 176: 'mtdpdes', 180: 'mtdawr0', 181: 'mtdawr1', 186: 'mtrpr',
  187: 'mtciabr', 188: 'mtdawrx0', 189: 'mtdawrx1', 190: 'mthfscr', 256: 'mtvrsave', 272: 'mtsprg 0,R',
  273: 'mtsprg 1,R', 274: 'mtsprg 2,R', 275: 'mtsprg 3,R', 280: 'mtasr', 282: 'mtear', 284: 'mttbl', 285: 'mttbu',
  286: 'mttbu40', 304: 'mthsprg0', 305: 'mthsprg1', 306: 'mthdisr', 307: 'mthdar', 308: 'mtspurr', 309: 'mtpurr',
  310: 'mthdec', 313: 'mthrmor', 314: 'mthsrr0', 315: 'mthsrr1', 318: 'mtlpcr', 319: 'mtlpidr', 336: 'mthmer',
  337: 'mthmeer', 338: 'mtpcr', 339: 'mtheir', 349: 'mtamor', 464: 'mtptcr', 496: 'mtusprg0', 497: 'mtusprg1',
  505: 'mturmor', 506: 'mtusrr0', 507: 'mtusrr1', 511: 'mtsmfctrl', 528: 'mtibatu 0,R', 529: 'mtibatl 0,R',
  530: 'mtibatu 1,R', 531: 'mtibatl 1,R', 532: 'mtibatu 2,R', 533: 'mtibatl 2,R', 534: 'mtibatu 3,R',
  535: 'mtibatl 3,R', 536: 'mtdbatu 0,R', 537: 'mtdbatl 0,R', 538: 'mtdbatu 1,R', 539: 'mtdbatl 1,R',
  540: 'mtdbatu 2,R', 541: 'mtdbatl 2,R', 542: 'mtdbatu 3,R', 543: 'mtdbatl 3,R', 752: 'mtsier2', 753: 'mtsier3',
  754: 'mtmmcr3', 769: 'mtummcr2', 770: 'mtummcra', 771: 'mtupmc1', 772: 'mtupmc2', 773: 'mtupmc3', 774: 'mtupmc4',
  775: 'mtupmc5', 776: 'mtupmc6', 779: 'mtummcr0', 784: 'mtsier', 786: 'mtmmcra', 787: 'mtpmc1', 788: 'mtpmc2',
  789: 'mtpmc3', 790: 'mtpmc4', 791: 'mtpmc5', 792: 'mtpmc6', 795: 'mtmmcr0', 796: 'mtsiar', 797: 'mtsdar',
  798: 'mtmmcr1', 800: 'mtbescrs', 801: 'mtbescrsu', 802: 'mtbescrr', 803: 'mtbescrru', 804: 'mtebbhr',
  805: 'mtebbrr', 806: 'mtbescr', 815: 'mttar', 816: 'mtasdr', 823: 'mtpsscr', 848: 'mtic', 849: 'mtvtb',
  855: 'mthpsscr', 896: 'mtppr', 898: 'mtppr32',
};
