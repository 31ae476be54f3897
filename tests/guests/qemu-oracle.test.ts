// The bare-metal guests under QEMU's pseries machine: proves the guest
// runtime (tests/guests/rt) and records what the oracle does. The values are
// QEMU 7.2 TCG's, explained in tests/guests/README.md.

import { describe, expect, it } from 'vitest';
import type { Endian } from '../harness/toolchain.js';
import { buildGuest, runGuestQemu } from '../harness/guests.js';

function run(name: string, endian: Endian): string[] {
  const r = runGuestQemu(buildGuest(name, endian).bin);
  expect(r.timedOut, r.console).toBe(false);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  const lines = r.console.split('\n');
  // rt_start prints "exit <main's value>" then powers off via RTAS.
  expect(lines.slice(-2)).toEqual(['exit 0', '']);
  return lines;
}

/** MSR (and SRR1's copy of it) as start.S leaves it: SF|ME|RI, plus LE. */
function msr(endian: Endian, extra = 0n): string {
  return (0x8000000000001002n | (endian === 'le' ? 1n : 0n) | extra).toString(16).padStart(16, '0');
}

const PR_EE_IR_DR = 0x4000n | 0x8000n | 0x20n | 0x10n;

describe.each(['le', 'be'] as const)('pseries guests under QEMU (%s)', (endian) => {
  it('hello: console, PVR, MSR after start-up, printf', () => {
    const lines = run('hello', endian);
    for (const l of [
      `hello from ${endian} guest`,
      'pvr 004e1200',
      `msr ${msr(endian)}`,
      'fmt d: [42] [-42] [  -42] [42   ] [-0042] [-9223372036854775808]',
      'fmt u: [4294967295] [18446744073709551615]',
      'fmt x: [beef] [BEEF] [0000beef] [123456789abcdef] [0000000000000abc]',
      'fmt p: [0x0] [0x1000]',
      'fmt s/c: [abc] [   abc] [abc   ] [Z] [%]',
      'a line longer than sixteen characters, split across several hcalls',
    ]) expect(lines).toContain(l);
  });

  it('interrupts: vector, SRR0, SRR1, DAR/DSISR per case', () => {
    const lines = run('interrupts', endian);
    const sup = msr(endian);
    const at = (vec: string, off: number, srr1: string, cause: string) =>
      `vec=${vec} srr0=fault+${off} srr1=${srr1} cause=${cause}`;
    for (const l of [
      'registers preserved across an interrupt: yes',
      `illegal instruction 0x00000000: ${at('0x700', 0, msr(endian, 0x80000n), '00080000')}`,
      `mfspr LPCR in supervisor state: ${at('0x700', 0, msr(endian, 0x40000n), '00040000')}`,
      `tw 31,0,0: ${at('0x700', 0, msr(endian, 0x20000n), '00020000')}`,
      `sc 0: ${at('0xc00', 4, sup, '00000000')}`,
      // QEMU: real-mode accesses outside RAM hit unassigned memory: reads
      // give 0, writes vanish, no machine check.
      'real-mode ld from 1 TiB: no interrupt',
      'real-mode std to 1 TiB: no interrupt',
      'real-mode ld from 1 TiB after the std: no interrupt',
      '  loaded 0000000000000000',
      'real-mode ld via 0xc000... alias: no interrupt',
      '  loaded 0123456789abcdef (same as the unaliased address)',
      `fmr with MSR[FP]=0: ${at('0x800', 0, sup, '00000000')}`,
      `vor with MSR[VEC]=0: ${at('0xf20', 0, sup, '00000000')}`,
      `xxlor with MSR[VSX]=0: ${at('0xf40', 0, sup, '00000000')}`,
      `msr at end ${sup}`,
    ]) expect(lines).toContain(l);
    // DSISR is undefined for alignment interrupts on POWER9; QEMU 7.2 stores
    // the RT/RA bits of the instruction word, read big-endian even in an LE
    // guest (lwarx r3,0,r3 = 0x7c601828: 0x60 BE, 0x18 from the swapped word).
    const align = `lwarx at 8-aligned+2: ${at('0x600', 0, sup, '00000000')} dar=buf+2 dsisr=`;
    expect(lines).toContain(align + (endian === 'le' ? '00000018' : '00000060'));
  });

  it('problem-state: mfmsr and sc 1 with MSR[PR]=1 (hash MMU identity map)', () => {
    const lines = run('problem-state', endian);
    const at = (vec: string, off: number, srr1: string, cause: string) =>
      `vec=${vec} srr0=fault+${off} srr1=${srr1} cause=${cause}`;
    for (const l of [
      'H_ENTER identity map of the image: 0',
      `mfmsr in problem state: ${at('0x700', 0, msr(endian, PR_EE_IR_DR | 0x40000n), '00040000')}`,
      // QEMU refuses sc 1 from problem state without an interrupt (r3 =
      // H_PRIVILEGE); only the sc 0 that follows traps.
      `sc 1 in problem state: ${at('0xc00', 8, msr(endian, PR_EE_IR_DR), '00000000')}`,
      '  r3 after sc 1 = -3 (H_PRIVILEGE)',
      `msr at end ${msr(endian)}`,
    ]) expect(lines).toContain(l);
    // No "!" from the refused H_PUT_TERM_CHAR.
    expect(lines.join('\n')).not.toContain('!');
  });

  it('decrementer: 0x900 with EE=1, pending while EE=0, timebase runs', () => {
    const lines = run('decrementer', endian);
    for (const l of [
      `EE=1: 0x900 taken: yes; srr0 in wait loop: yes; srr1=${msr(endian, 0x8000n)} (EE=1); MSR[EE] after return: 0`,
      'EE=0: DEC went negative: yes; read sign-extended: yes; 0x900 taken while EE=0: no',
      'EE set with DEC negative: 0x900 taken: yes; srr0=f_ee_on+4 (after the mtmsrd)',
      'timebase advanced: yes',
    ]) expect(lines).toContain(l);
  });
});
