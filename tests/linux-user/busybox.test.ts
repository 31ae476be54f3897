// Whole-program differential tests: Debian's busybox-static (ppc64el) run by
// tskvm and by qemu-ppc64le on the same argv (argv[0] 'busybox'), the same
// empty environment, the same stdin and the same working directory (a temp
// dir of deterministic input files). stdout, stderr and the exit status must
// be byte-identical.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busyboxPath } from '../harness/guest-files.js';
import { runBoth, runQemuGuest, describeDifference } from './oracle.js';

interface Case {
  name: string;
  args: string[];
  stdin?: string;
  /** The oracle prints nothing on stdout here (error paths, false). */
  noStdout?: true;
}

// One declarative table. Applets that read files find them in the temp dir (see makeInputs).
const CASES: Case[] = [
  // awk: floating point, printf, string functions
  // (Debian's busybox awk has no libm functions or ^: the FP is division, products, sums, printf.)
  { name: 'awk float printf', args: ['awk', 'BEGIN{printf "%.10g %.17g %e %g %.3f\\n", 1/3, 22/7, 1e300*3, -5/7, 2.0005; h=0; for(i=1;i<=2000;i++) h+=1/i; e=1; f=1; for(n=1;n<20;n++){f*=n; e+=1/f}; p=0; for(k=0;k<5000;k++) p+=(k%2?-4:4)/(2*k+1); printf "%.15g %.17g %.12f\\n", h, e, p}'] },
  { name: 'awk table', args: ['awk', 'BEGIN{for(i=1;i<=25;i++){x=i; for(k=0;k<30;k++) x=(x+i/x)/2; printf "%d %.12g %.6e %g %d %.17g\\n", i, x, i*i*i*i/7, -i/3, int(1e6/i), i*0.1}}'] },
  { name: 'awk csv sums', args: ['awk', '-F,', '{s+=$2*$3; t+=$3/($2+1)} END{printf "%.6f %.10g %d\\n", s, t, NR}', 'data.csv'] },
  { name: 'awk strings', args: ['awk', '{print toupper($1), length($0), substr($0,2,3), index($0,"o"); n+=split($0,a," ")} END{print n}', 'words.txt'] },
  { name: 'awk number formatting', args: ['awk', 'BEGIN{x=9007199254740992; printf "%d %.0f %g %s\\n", x, x+1, 1e300*1e10, 0.1+0.2; print 1e6, 1e-5, 123456789012, -0.0, 7%3, -7%3, 1/7*7, 100000*100000, int(-3.7), 017, "3x"+0}'] },
  // sort
  { name: 'sort -n', args: ['sort', '-n', 'nums.txt'] },
  { name: 'sort -g', args: ['sort', '-g', 'nums.txt'] },
  { name: 'sort -r', args: ['sort', '-r', 'words.txt'] },
  { name: 'sort -t, -k2,2n', args: ['sort', '-t,', '-k2,2n', '-k1,1', 'data.csv'] },
  { name: 'sort -u', args: ['sort', '-u', 'words.txt'] },
  // sed / grep
  { name: 'sed -E swap', args: ['sed', '-E', 's/([a-z]+) ([a-z]+)/\\2 \\1/g; s/[0-9]+/<&>/', 'words.txt'] },
  { name: 'sed -n ranges', args: ['sed', '-n', '2,5p;$=', 'words.txt'] },
  { name: 'grep -E', args: ['grep', '-E', '^[a-m].*(o|e)$', 'words.txt'] },
  { name: 'grep -c -v -n', args: ['grep', '-n', '-v', '-i', 'THE', 'words.txt'] },
  { name: 'grep no match', args: ['grep', '-c', 'zzzzqqq', 'words.txt'] },
  // digests
  { name: 'sha256sum', args: ['sha256sum', 'data.bin', 'words.txt'] },
  { name: 'sha512sum', args: ['sha512sum', 'data.bin'] },
  { name: 'md5sum', args: ['md5sum', 'data.bin', 'nums.txt'] },
  { name: 'sha1sum', args: ['sha1sum', 'data.bin'] },
  { name: 'sha3sum', args: ['sha3sum', 'data.bin'] },
  { name: 'crc32', args: ['crc32', 'data.bin'] },
  // compression
  { name: 'gzip -c', args: ['gzip', '-c', 'words.txt'] },
  { name: 'gzip -9 -c binary', args: ['gzip', '-9', '-c', 'data.bin'] },
  { name: 'gunzip -c', args: ['gunzip', '-c', 'words.txt.gz'] },
  { name: 'bzip2 -c', args: ['bzip2', '-c', 'data.bin'] },
  { name: 'bunzip2 -c', args: ['bunzip2', '-c', 'words.txt.bz2'] },
  { name: 'unxz -c', args: ['unxz', '-c', 'words.txt.xz'] },
  { name: 'xz -dc', args: ['xz', '-dc', 'data.bin.xz'] },
  // dumps
  { name: 'od -t f8', args: ['od', '-t', 'f8', 'doubles.bin'] },
  { name: 'od -A x -t x1 -t c', args: ['od', '-A', 'x', '-t', 'x1', '-t', 'c', '-N', '300', 'data.bin'] },
  { name: 'od -t x1z (unsupported by busybox: error path)', args: ['od', '-A', 'x', '-t', 'x1z', 'data.bin'], noStdout: true },
  { name: 'hexdump -C', args: ['hexdump', '-C', '-n', '700', 'data.bin'] },
  { name: 'xxd', args: ['xxd', '-l', '300', 'data.bin'] },
  { name: 'base64', args: ['base64', 'data.bin'] },
  { name: 'base64 -d', args: ['base64', '-d'], stdin: 'aGVsbG8sIHBvd2VyOSB3b3JsZAo=\n' },
  // calculators
  { name: 'dc', args: ['dc', '-e', '2 k 1 3 / p 20 k 2 v p 2 100 ^ p 7 _3 % p 12345678901234567890 987654321 * p'] },
  { name: 'bc -l', args: ['bc', '-l'], stdin: 'scale=30\ns(1)+c(1)\ne(1)\nl(2)\na(1)*4\nsqrt(2)\n2^200\n-17/4\n' },
  { name: 'factor', args: ['factor', '600851475143', '9999999967', '18446744073709551615', '4294967291', '1234567890123'] },
  { name: 'expr', args: ['expr', '123456789', '*', '987654321', '+', '-9223372036854775807'] },
  { name: 'expr strings', args: ['expr', 'length', 'hello world', '+', '7', '%', '3'] },
  { name: 'printf', args: ['printf', '%e %g %x %o %10.4f|%-6s|%5d %G %.3e\\n', '3.14159', '0.0001234', '255', '8', '2.5', 'hi', '-42', '1e-10', '6.02214076e23'] },
  { name: 'seq', args: ['seq', '1', '3', '30'] },
  { name: 'seq -w float', args: ['seq', '-w', '0.5', '0.25', '3'] },
  // archives
  { name: 'tar cf -', args: ['tar', 'cf', '-', 'a.txt', 'b.txt', 'nums.txt'] },
  { name: 'tar tvf', args: ['tar', 'tvf', 'archive.tar'] },
  { name: 'tar xOf', args: ['tar', 'xOf', 'archive.tar', 'b.txt'] },
  { name: 'cpio -o newc', args: ['cpio', '-o', '-H', 'newc'], stdin: 'a.txt\nb.txt\n' },
  // text tools
  { name: 'diff', args: ['diff', 'a.txt', 'b.txt'] },
  { name: 'diff -u', args: ['diff', '-u', 'a.txt', 'b.txt'] },
  { name: 'cmp', args: ['cmp', 'a.txt', 'b.txt'] },
  { name: 'cmp -l', args: ['cmp', '-l', 'a.txt', 'b.txt'] },
  { name: 'wc', args: ['wc', 'words.txt', 'data.bin', 'nums.txt'] },
  { name: 'cut', args: ['cut', '-d,', '-f1,3', 'data.csv'] },
  { name: 'cut -c', args: ['cut', '-c2-5,8', 'words.txt'] },
  { name: 'tr', args: ['tr', 'a-z', 'A-Z'], stdin: 'hello power nine\nsecond line\n' },
  { name: 'tr -d -s', args: ['tr', '-s', 'a-z', '-d', 'aeiou'], stdin: 'bookkeeper  mississippi\n' },
  { name: 'uniq -c', args: ['uniq', '-c', 'sorted.txt'] },
  { name: 'head', args: ['head', '-n', '3', 'words.txt', 'nums.txt'] },
  { name: 'tail', args: ['tail', '-n', '4', 'words.txt'] },
  { name: 'tail -c', args: ['tail', '-c', '37', 'words.txt'] },
  { name: 'nl', args: ['nl', 'words.txt'] },
  { name: 'rev', args: ['rev', 'words.txt'] },
  { name: 'tac', args: ['tac', 'nums.txt'] },
  { name: 'fold', args: ['fold', '-w', '7', 'words.txt'] },
  { name: 'paste', args: ['paste', '-d:', 'a.txt', 'b.txt'] },
  { name: 'strings', args: ['strings', '-n', '3', 'data.bin'] },
  { name: 'cat missing file', args: ['cat', 'words.txt', 'no-such-file'] },
  { name: 'dos2unix', args: ['dos2unix', '-u'], stdin: 'a\r\nb\r\nc\n' },
  { name: 'uuencode -m', args: ['uuencode', '-m', 'data.bin', 'name'] },
  { name: 'lzop -c', args: ['lzop', '-c', 'words.txt'] },
  // a larger text (~75 KiB) and 256 KiB of binary
  { name: 'big: sort -k2', args: ['sort', '-k2', 'big.txt'] },
  { name: 'big: gzip -1 -c', args: ['gzip', '-1', '-c', 'big.txt'] },
  { name: 'big: md5sum', args: ['md5sum', 'big.txt', 'big.bin'] },
  { name: 'big: sha256sum', args: ['sha256sum', 'big.bin'] },
  { name: 'big: awk word count', args: ['awk', '{for(i=1;i<=NF;i++) c[$i]++} END{n=0; for(w in c) if(c[w]>n){n=c[w]; m=w}; printf "%s %d %d %.8f\\n", m, n, NR, NR/n}', 'big.txt'] },
  // files and the system
  { name: 'ls', args: ['ls', '-1', '-a'] },
  { name: 'ls -ln', args: ['ls', '-ln', 'a.txt', 'b.txt', 'data.bin'] },
  { name: 'stat -c', args: ['stat', '-c', '%s %a %F %h %n %Y', 'words.txt', 'data.bin'] },
  { name: 'find', args: ['find', '.', '-name', '*.txt'] },
  { name: 'dd', args: ['dd', 'if=data.bin', 'bs=100', 'count=3', 'skip=1', 'status=none'] },
  { name: 'date -d', args: ['date', '-u', '-d', '@1700000000', '+%Y-%m-%d %H:%M:%S %j %a'] },
  { name: 'cal', args: ['cal', '2', '2024'] },
  { name: 'uname -a', args: ['uname', '-a'] },
  { name: 'pwd realpath', args: ['realpath', 'words.txt', '.'] },
  { name: 'false', args: ['false'], noStdout: true },
  // sh -c with builtins only (no fork: no pipes, no $(…), no subshells)
  { name: 'sh arithmetic', args: ['sh', '-c', 'echo $(( (1<<62) + 12345*67890 )) $(( -7/2 )) $(( -7%3 )) $(( 0x7fffffffffffffff )) $(( 1<<63 )) $(( (1<<63)>>63 )) $(( -1 >> 1 )) $(( 9223372036854775807 + 1 )) $(( 3 ** 40 )) $(( ~5 ^ 0xff )) $(( 100 / -3 * 3 ))'] },
  { name: 'sh loop', args: ['sh', '-c', 'i=0; s=0; while [ $i -lt 300 ]; do s=$(( s + i*i*i - (i<<3) )); i=$((i+1)); done; echo $s; for x in 1 2 3; do for y in a b; do printf "%s%s " $x $y; done; done; echo'] },
  { name: 'sh case', args: ['sh', '-c', 'for w in apple banana cherry 42 -7 "" Zed; do case $w in a*|b*) echo "ab:$w";; [0-9]*) echo "num:$w";; -*) echo neg;; "") echo empty;; *) echo "other:$w";; esac; done'] },
  { name: 'sh printf', args: ['sh', '-c', 'printf "%d %x %o %s|%5s|%-5s|%c\\n" 42 255 8 hi a b xyz; printf "%08.3f %e %g\\n" 3.14159 12345.678 0.00001'] },
  { name: 'sh strings', args: ['sh', '-c', 'x=hello_world_again; echo ${#x} ${x%_*} ${x%%_*} ${x#*_} ${x##*_} ${x/o/0} ${y:-def} ${x:3:4}'] },
  { name: 'sh functions', args: ['sh', '-c', 'fib() { a=0; b=1; n=$1; while [ $n -gt 0 ]; do t=$((a+b)); a=$b; b=$t; n=$((n-1)); done; r=$a; }; for k in 10 50 90; do fib $k; echo "fib($k)=$r"; done; set -- p q r s; echo $# "$@"; shift 2; echo $*'] },
  { name: 'sh read', args: ['sh', '-c', 'while read a b c; do echo "[$c|$b|$a]"; done < words.txt; echo done'] },
  { name: 'sh int64 overflow division', args: ['sh', '-c', 'echo $(( (-9223372036854775807-1) / -1 )) $(( (-9223372036854775807-1) % -1 )) $(( -9223372036854775807 - 2 )) $(( 4611686018427387904 * 4 ))'] },
  { name: 'sh divide by zero (error path)', args: ['sh', '-c', 'echo start; echo $(( 5 / 0 )); echo unreachable'] },
  { name: 'sh printf 64-bit', args: ['sh', '-c', 'printf "%x %o %d %u %i %X\\n" -1 -8 9223372036854775807 -1 0x7f 48879'] },
  { name: 'sh test and exit', args: ['sh', '-c', '[ -f words.txt ] && echo file; [ -d . ] && echo dir; [ abc \\< abd ] && echo lt; test 5 -gt 3 -a 2 -le 2 && echo ok; exit 42'] },
];

let dir = '';
const BB = (() => {
  try {
    return busyboxPath();
  } catch {
    return '';
  }
})();

function lcgBytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

function makeInputs(d: string): void {
  const words = [
    'the quick brown fox', 'jumps over the lazy dog', 'power nine vector', 'hello world', 'alpha beta gamma 12',
    'zebra', 'apple pie', 'mango tango', 'the end is near', 'banana split 7', 'echo hello', 'hello world',
    'delta epsilon 3 zeta', 'one', 'two three', 'kilo lima mike', 'bravo', 'Charlie Delta', 'x-ray yankee zulu', 'omega',
  ];
  writeFileSync(join(d, 'words.txt'), words.join('\n') + '\n');
  writeFileSync(join(d, 'sorted.txt'), [...words].sort().join('\n') + '\n');
  const nums = ['10', '-3', '2.5', '1e3', '0x10', '007', '-0.5', '3.14159', '100', '1e-2', '-1e2', '42', 'inf', '+7', '9.999', '2', ''];
  writeFileSync(join(d, 'nums.txt'), nums.join('\n') + '\n');
  const rows: string[] = [];
  for (let i = 0; i < 40; i++) rows.push(`row${(i * 7) % 40},${(i * 37) % 101},${((i * 13) % 17) - 5}.${i % 10}`);
  writeFileSync(join(d, 'data.csv'), rows.join('\n') + '\n');
  writeFileSync(join(d, 'data.bin'), lcgBytes(4096, 12345));
  const dbl = new Float64Array([0, -0, 1, -1.5, Math.PI, Math.E, 1e300, 5e-324, 2.2250738585072014e-308, Infinity, -Infinity, NaN, 1 / 3, 123456789.125, 0.1, 2 ** 53 + 2]);
  writeFileSync(join(d, 'doubles.bin'), Buffer.from(dbl.buffer));
  writeFileSync(join(d, 'a.txt'), 'line one\nline two\nline three\nsame\nsame\nend\n');
  writeFileSync(join(d, 'b.txt'), 'line one\nline 2\nline three\nsame\ninserted\nsame\nend\n');
  writeFileSync(join(d, 'words.txt.gz'), gzipSync(Buffer.from(words.join('\n') + '\n')));
  writeFileSync(join(d, 'words.txt.bz2'), execFileSync('bzip2', ['-c'], { input: words.join('\n') + '\n' }));
  writeFileSync(join(d, 'words.txt.xz'), execFileSync('xz', ['-c', '--check=crc32'], { input: words.join('\n') + '\n' }));
  writeFileSync(join(d, 'data.bin.xz'), execFileSync('xz', ['-c', '--check=crc64'], { input: lcgBytes(4096, 12345) }));
  const vocab = words.join(' ').split(' ');
  const lines: string[] = [];
  let x = 7;
  for (let i = 0; i < 3000; i++) {
    const n = 2 + (i % 5);
    const ws: string[] = [];
    for (let k = 0; k < n; k++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      ws.push(vocab[(x >>> 8) % vocab.length]! + (k === 1 ? String(x % 1000) : ''));
    }
    lines.push(ws.join(' '));
  }
  writeFileSync(join(d, 'big.txt'), lines.join('\n') + '\n');
  writeFileSync(join(d, 'big.bin'), lcgBytes(262144, 99));
  for (const f of readdirSync(d)) utimesSync(join(d, f), 1700000000, 1700000000);
  // An archive made by the oracle itself (tar tvf / xOf read it back).
  const tar = runQemuGuest(BB, 'le', ['tar', 'cf', '-', 'a.txt', 'b.txt'], { cwd: d, argv0: 'busybox' });
  writeFileSync(join(d, 'archive.tar'), tar.stdout);
  utimesSync(join(d, 'archive.tar'), 1700000000, 1700000000);
}

describe.skipIf(!BB)('busybox vs qemu-ppc64le', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tskvm-bb-'));
    makeInputs(dir);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has at least 40 invocations', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  for (const c of CASES) {
    it(c.name, () => {
      const { qemu, tskvm } = runBoth(BB, 'le', c.args, { cwd: dir, input: c.stdin ?? '', env: [], argv0: 'busybox' });
      expect(describeDifference(qemu, tskvm)).toBe('');
      if (process.env.TSKVM_SHOW) console.log(`${c.name}: status ${qemu.status}, ${qemu.stdout.length}+${qemu.stderr.length} bytes, ${tskvm.icount} insns\n${qemu.stdout.toString('latin1').slice(0, 160)}${qemu.stderr.toString('latin1').slice(0, 200)}`);
      // Guard against vacuous agreement (both sides failing the same way).
      if (!c.noStdout) expect(qemu.stdout.length, 'oracle produced no output').toBeGreaterThan(0);
    });
  }
});
