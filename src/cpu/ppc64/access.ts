// Loads and stores described once. Each plain load/store form is a row of
// ACCESS_FORMS (what it moves, how many bytes, sign, byte order, how the
// address is formed, whether RA is updated, which facility it needs), and
// one generator turns a row into JavaScript:
//   - with the instruction's fields as literals, for a compiled block
//     (exec-emit.ts), probing the memory's lookaside inline;
//   - with the fields read from the word at run time, for the interpreter
//     handler (accessHandlers), which the plain loop also calls directly for
//     its hottest forms (exec.ts OP_LBZ…).
// So the three tiers cannot disagree about a form, and the inline TLB probe
// is written once (probeSource); the memories' own probe is the same test
// (Mmu.rv/wv, SparseMemory.rv/wv) on the same arrays (GuestMemory.lookaside).
//
// Where `new Function` is refused (a CSP-restricted host), accessClosure
// runs the same rows without code generation (tests/cpu/access.test.ts
// holds the two to each other on random words, addresses and registers).
//
// Semantics (ISA Book I 3.3.2-3.3.6, 4.6.2-4.6.3): invalid update forms (RA=0;
// for GPR loads also RA=RT) raise the illegal-instruction trap before any
// access, as QEMU does; a faulting access leaves RT and RA unchanged (the
// address is kept in locals, RA is written last). FPR loads zero
// doubleword 1 of the VSR (POWER9 and QEMU do; v3.1 made it the rule);
// lfs/stfs convert by the ISA's bit algorithms (loadstore-fpconv.ts).

import type { CpuState } from './state.js';
import type { Handler, HandlerTable } from './interp/handler.js';
import { illegal } from './trap.js';
import { dpToSp, spToDp } from './interp/loadstore-fpconv.js';
import { lookasideIndexSource } from '../../memory/guest-memory.js';

/** What the access moves: GPR zero- or sign-extended, FPR doubleword, FPR single (converted), FPR word (lfiwax: signed, lfiwzx/stfiwx: zero). */
export type AccessValue = 'u' | 's' | 'fd' | 'fs' | 'fiwa' | 'fiwz';
/** Address forms: D (RA|0 + d), DS (RA|0 + d&~3), X (RA|0 + RB). */
export type AccessEa = 'd' | 'ds' | 'x';

export interface AccessForm {
  readonly store: boolean;
  readonly size: 1 | 2 | 4 | 8;
  readonly value: AccessValue;
  readonly ea: AccessEa;
  readonly update: boolean;
  /** Byte-reversed (lhbrx…): the other byte order than MSR[LE]'s. */
  readonly reversed: boolean;
  /** The facility it needs (isa/ppc64/facility.ts says the same; a test checks). */
  readonly facility: 'none' | 'fp';
}

function form(store: boolean, size: 1 | 2 | 4 | 8, value: AccessValue, ea: AccessEa, update = false, reversed = false): AccessForm {
  return { store, size, value, ea, update, reversed, facility: value[0] === 'f' ? 'fp' : 'none' };
}

/** The four forms of a D-form family: x, u, ux (lwa has no update forms; DS families pass 'ds'). */
function family(out: Record<string, AccessForm>, base: string, store: boolean, size: 1 | 2 | 4 | 8, value: AccessValue, ea: 'd' | 'ds', withUpdate = true): void {
  out[base] = form(store, size, value, ea);
  out[`${base}x`] = form(store, size, value, 'x');
  if (!withUpdate) return;
  out[`${base}u`] = form(store, size, value, ea, true);
  out[`${base}ux`] = form(store, size, value, 'x', true);
}

export const ACCESS_FORMS: Readonly<Record<string, AccessForm>> = (() => {
  const f: Record<string, AccessForm> = {};
  family(f, 'lbz', false, 1, 'u', 'd');
  family(f, 'lhz', false, 2, 'u', 'd');
  family(f, 'lha', false, 2, 's', 'd');
  family(f, 'lwz', false, 4, 'u', 'd');
  family(f, 'ld', false, 8, 'u', 'ds');
  f.lwa = form(false, 4, 's', 'ds');
  f.lwax = form(false, 4, 's', 'x');
  f.lwaux = form(false, 4, 's', 'x', true);
  family(f, 'stb', true, 1, 'u', 'd');
  family(f, 'sth', true, 2, 'u', 'd');
  family(f, 'stw', true, 4, 'u', 'd');
  family(f, 'std', true, 8, 'u', 'ds');
  f.lhbrx = form(false, 2, 'u', 'x', false, true);
  f.lwbrx = form(false, 4, 'u', 'x', false, true);
  f.ldbrx = form(false, 8, 'u', 'x', false, true);
  f.sthbrx = form(true, 2, 'u', 'x', false, true);
  f.stwbrx = form(true, 4, 'u', 'x', false, true);
  f.stdbrx = form(true, 8, 'u', 'x', false, true);
  family(f, 'lfs', false, 4, 'fs', 'd');
  family(f, 'lfd', false, 8, 'fd', 'd');
  family(f, 'stfs', true, 4, 'fs', 'd');
  family(f, 'stfd', true, 8, 'fd', 'd');
  f.lfiwax = form(false, 4, 'fiwa', 'x');
  f.lfiwzx = form(false, 4, 'fiwz', 'x');
  f.stfiwx = form(true, 4, 'fiwz', 'x');
  return f;
})();

/** An invalid update form (traps before any access). */
export function invalidForm(f: AccessForm, rt: number, ra: number): boolean {
  return f.update && (ra === 0 || (!f.store && f.value !== 'fd' && f.value !== 'fs' && ra === rt));
}

/** Page size and entry count of a lookaside (GuestMemory.lookaside). */
export interface LookasideGeometry {
  readonly pageShift: number;
  readonly size: number;
  readonly fold: boolean;
}

/**
 * The inline lookaside probe for an access of `size` bytes at (eh, el):
 * declarations of `pg`/`ix`/`off`, then a condition that holds when the
 * page is in the read (R) or write (W) side and the access stays inside it.
 */
export function probeSource(la: LookasideGeometry, side: 'R' | 'W', size: number): { vars: string; hit: string } {
  return {
    vars: `const pg = el >>> ${la.pageShift}, ix = ${lookasideIndexSource('pg', 'eh', la.size, la.fold)}, off = el & ${(1 << la.pageShift) - 1};`,
    hit: `${side}TL[ix] === pg && ${side}TH[ix] === eh${size > 1 ? ` && off <= ${(1 << la.pageShift) - size}` : ''}`,
  };
}

/** Fields: numbers (a compiled block knows the word) or the names of locals holding them (a handler). */
export interface AccessFields {
  readonly rt: number | string;
  readonly ra: number | string;
  readonly rb: number | string;
  /** The displacement (DS forms: already &~3). */
  readonly d: number | string;
}

/** Effective address into `el`/`eh`. */
function eaSource(f: AccessForm, x: AccessFields): string {
  const { ra, rb, d } = x;
  if (typeof ra === 'number') {
    if (f.ea === 'x') {
      if (ra === 0) return `const el = L[${rb}], eh = H[${rb}];`;
      return `const a = L[${ra}], el = (a + L[${rb}]) | 0, eh = (H[${ra}] + H[${rb}] + ((el >>> 0) < (a >>> 0) ? 1 : 0)) | 0;`;
    }
    const dn = d as number;
    if (ra === 0) return `const el = ${dn | 0}, eh = ${dn < 0 ? -1 : 0};`;
    if (dn === 0) return `const el = L[${ra}], eh = H[${ra}];`;
    return `const a = L[${ra}], el = (a + ${dn}) | 0, eh = (H[${ra}] + ${dn < 0 ? -1 : 0} + ((el >>> 0) < (a >>> 0) ? 1 : 0)) | 0;`;
  }
  if (f.ea === 'x') return `let el = L[${rb}], eh = H[${rb}]; if (${ra} !== 0) { const a = L[${ra}]; el = (a + el) | 0; eh = (H[${ra}] + eh + ((el >>> 0) < (a >>> 0) ? 1 : 0)) | 0; }`;
  return `let el = ${d}, eh = ${d} >> 31; if (${ra} !== 0) { const a = L[${ra}]; el = (a + ${d}) | 0; eh = (H[${ra}] + eh + ((el >>> 0) < (a >>> 0) ? 1 : 0)) | 0; }`;
}

const GET: Record<number, string> = { 1: 'getUint8', 2: 'getUint16', 4: 'getInt32' };
const SET: Record<number, string> = { 1: 'setUint8', 2: 'setUint16', 4: 'setInt32' };

/** A load of f.size bytes into `v` (1, 2, 4 bytes; unsigned but 4 is int32) or `vh`/`vl` (8 bytes). */
function readSource(f: AccessForm, la: LookasideGeometry | undefined): string {
  const n = f.size;
  const leArg = n === 1 ? '' : ', le';
  const m = `s.mem.read${n * 8}(eh, el${leArg})`;
  if (!la) {
    if (n === 8) return `const mm = s.mem, vl = mm.read64(eh, el, le), vh = mm.hi64;`;
    return `const v = ${m};`;
  }
  const p = probeSource(la, 'R', n);
  if (n === 8) {
    return `${p.vars} let vl, vh; if (${p.hit}) { const dv = RV[ix]; vl = dv.getInt32(le ? off : off + 4, le); vh = dv.getInt32(le ? off + 4 : off, le); } else { const mm = s.mem; vl = mm.read64(eh, el, le); vh = mm.hi64; }`;
  }
  return `${p.vars} const v = ${p.hit} ? RV[ix].${GET[n]}(off${leArg}) : ${m};`;
}

/** A store of `v` (1, 2, 4 bytes) or `vh`/`vl` (8 bytes). */
function writeSource(f: AccessForm, la: LookasideGeometry | undefined): string {
  const n = f.size;
  const leArg = n === 1 ? '' : ', le';
  const m = n === 8 ? 's.mem.write64(eh, el, vh, vl, le);' : `s.mem.write${n * 8}(eh, el, v${leArg});`;
  if (!la) return m;
  const p = probeSource(la, 'W', n);
  if (n === 8) return `${p.vars} if (${p.hit}) { const dv = WV[ix]; dv.setInt32(off, le ? vl : vh, le); dv.setInt32(off + 4, le ? vh : vl, le); } else ${m}`;
  return `${p.vars} if (${p.hit}) WV[ix].${SET[n]}(off, v${leArg}); else ${m}`;
}

/**
 * JavaScript for one access (a statement block). In scope: `s`, `L`/`H`
 * (s.gprLo/s.gprHi), SP2DP/DP2SP (single<->double), and with `la` the
 * lookaside arrays RTL/RTH/RV/WTL/WTH/WV. The caller checks invalid forms.
 */
export function accessSource(f: AccessForm, x: AccessFields, la?: LookasideGeometry): string {
  const t = x.rt;
  const le = `const le = ${f.reversed ? '!s.le' : 's.le'};`;
  const V = `const V = s.vsr, t4 = 4 * ${t};`;
  let body: string;
  if (!f.store) {
    let put: string;
    switch (f.value) {
      case 'u':
        put = f.size === 8 ? `L[${t}] = vl; H[${t}] = vh;` : `L[${t}] = v; H[${t}] = 0;`;
        break;
      case 's':
        put = f.size === 2 ? `{ const w = (v << 16) >> 16; L[${t}] = w; H[${t}] = w >> 31; }` : `L[${t}] = v; H[${t}] = v >> 31;`;
        break;
      case 'fd':
        put = `${V} V[t4] = vh; V[t4 + 1] = vl; V[t4 + 2] = 0; V[t4 + 3] = 0;`;
        break;
      case 'fs':
        put = `${V} SP2DP(v, V, t4); V[t4 + 2] = 0; V[t4 + 3] = 0;`;
        break;
      case 'fiwa':
        put = `${V} V[t4] = v >> 31; V[t4 + 1] = v; V[t4 + 2] = 0; V[t4 + 3] = 0;`;
        break;
      case 'fiwz':
        put = `${V} V[t4] = 0; V[t4 + 1] = v; V[t4 + 2] = 0; V[t4 + 3] = 0;`;
        break;
    }
    body = `${readSource(f, la)} ${put}`;
  } else {
    let get: string;
    switch (f.value) {
      case 'fd':
        get = `${V} const vh = V[t4], vl = V[t4 + 1];`;
        break;
      case 'fs':
        get = `${V} const v = DP2SP(V[t4], V[t4 + 1]);`;
        break;
      case 'fiwz':
        get = `${V} const v = V[t4 + 1];`;
        break;
      default:
        get = f.size === 8 ? `const vh = H[${t}], vl = L[${t}];` : `const v = L[${t}];`;
    }
    body = `${get} ${writeSource(f, la)}`;
  }
  const update = f.update ? ` L[${x.ra}] = el; H[${x.ra}] = eh;` : '';
  return `{ ${eaSource(f, x)} ${le} ${body}${update} }`;
}

/** The interpreter handler's source for a form: fields from the word, the invalid-form check, then accessSource. */
function handlerSource(name: string, f: AccessForm): string {
  const fields = ['const rt = (i >>> 21) & 31, ra = (i >>> 16) & 31'];
  if (f.ea === 'x') fields.push('rb = (i >>> 11) & 31');
  else fields.push(f.ea === 'ds' ? 'd = ((i << 16) >> 16) & ~3' : 'd = (i << 16) >> 16');
  const gprRt = !f.store && f.value !== 'fd' && f.value !== 'fs';
  const check = f.update ? `if (ra === 0${gprRt ? ' || ra === rt' : ''}) ILLEGAL();` : '';
  const fn = name.replace(/[^a-z0-9_]/g, '_');
  return `return function ${fn}(s, i) { const L = s.gprLo, H = s.gprHi; ${fields.join(', ')}; ${check} ${accessSource(f, { rt: 'rt', ra: 'ra', rb: 'rb', d: 'd' })} };`;
}

/** The same semantics without code generation (CSP-restricted hosts). */
export function accessClosure(f: AccessForm): Handler {
  const { store, size, value, update, reversed } = f;
  const gprRt = !store && value !== 'fd' && value !== 'fs';
  return (s: CpuState, i: number) => {
    const L = s.gprLo;
    const H = s.gprHi;
    const rt = (i >>> 21) & 31;
    const ra = (i >>> 16) & 31;
    if (update && (ra === 0 || (gprRt && ra === rt))) illegal();
    let el: number;
    let eh: number;
    if (f.ea === 'x') {
      const rb = (i >>> 11) & 31;
      el = L[rb]!;
      eh = H[rb]!;
    } else {
      el = f.ea === 'ds' ? ((i << 16) >> 16) & ~3 : (i << 16) >> 16;
      eh = el >> 31;
    }
    if (ra !== 0) {
      const a = L[ra]!;
      const r = (a + el) | 0;
      eh = (H[ra]! + eh + (r >>> 0 < a >>> 0 ? 1 : 0)) | 0;
      el = r;
    }
    const le = reversed ? !s.le : s.le;
    const m = s.mem;
    const V = s.vsr;
    const t4 = 4 * rt;
    if (!store) {
      let v = 0;
      let vh = 0;
      if (size === 1) v = m.read8(eh, el);
      else if (size === 2) v = m.read16(eh, el, le);
      else if (size === 4) v = m.read32(eh, el, le);
      else {
        v = m.read64(eh, el, le);
        vh = m.hi64;
      }
      switch (value) {
        case 'u':
          L[rt] = v;
          H[rt] = size === 8 ? vh : 0;
          break;
        case 's': {
          const w = size === 2 ? (v << 16) >> 16 : v;
          L[rt] = w;
          H[rt] = w >> 31;
          break;
        }
        case 'fd':
          V[t4] = vh;
          V[t4 + 1] = v;
          break;
        case 'fs':
          spToDp(v, V, t4);
          break;
        case 'fiwa':
          V[t4] = v >> 31;
          V[t4 + 1] = v;
          break;
        case 'fiwz':
          V[t4] = 0;
          V[t4 + 1] = v;
          break;
      }
      if (value[0] === 'f') V[t4 + 2] = V[t4 + 3] = 0;
    } else {
      let v: number;
      let vh = 0;
      if (value === 'fd') {
        vh = V[t4]!;
        v = V[t4 + 1]!;
      } else if (value === 'fs') v = dpToSp(V[t4]!, V[t4 + 1]!);
      else if (value === 'fiwz') v = V[t4 + 1]!;
      else {
        v = L[rt]!;
        vh = H[rt]!;
      }
      if (size === 1) m.write8(eh, el, v);
      else if (size === 2) m.write16(eh, el, v, le);
      else if (size === 4) m.write32(eh, el, v, le);
      else m.write64(eh, el, vh, v, le);
    }
    if (update) {
      L[ra] = el;
      H[ra] = eh;
    }
  };
}

/** Whether this host lets us generate code (false under a CSP without 'unsafe-eval'). */
function canGenerate(): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    return new Function('return 1')() === 1;
  } catch {
    return false;
  }
}

/** Interpreter handlers for every row (generated code, or accessClosure where that is refused). */
export function accessHandlers(generate = canGenerate()): HandlerTable {
  const out: HandlerTable = {};
  for (const [name, f] of Object.entries(ACCESS_FORMS)) {
    if (!generate) {
      out[name] = accessClosure(f);
      continue;
    }
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    out[name] = new Function('SP2DP', 'DP2SP', 'ILLEGAL', handlerSource(name, f))(spToDp, dpToSp, illegal) as Handler;
  }
  return out;
}

/** The handlers the interpreter uses (interp/index.ts, and the plain loop's inline forms). */
export const ACCESS_HANDLERS: HandlerTable = accessHandlers();
