// ELF64 reader for POWER executables (both byte orders). Parses only what a
// loader needs and validates every offset against the file, so a malformed
// file yields an ElfError with a one-line message, never an exception from
// out-of-range reads.

export class ElfError extends Error {}

export const EM_PPC64 = 21;
export const ET_EXEC = 2;
export const ET_DYN = 3;
export const PT_LOAD = 1;
export const PT_INTERP = 3;
export const PT_PHDR = 6;
export const PT_TLS = 7;
export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

export interface ProgramHeader {
  readonly type: number;
  readonly flags: number;
  readonly offset: number;
  readonly vaddr: number;
  readonly filesz: number;
  readonly memsz: number;
  readonly align: number;
}

export interface ElfFile {
  readonly bytes: Uint8Array;
  readonly littleEndian: boolean;
  readonly type: number;
  readonly machine: number;
  readonly entry: number;
  /** e_flags & 3: 2 is ELFv2 (entry is code), otherwise ELFv1 (entry is a function descriptor). */
  readonly abiVersion: number;
  readonly phoff: number;
  readonly phentsize: number;
  readonly phdrs: readonly ProgramHeader[];
}

/** 64-bit field as a double; rejects values that do not fit exactly (> 2^53). */
function u64(v: DataView, off: number, le: boolean, what: string): number {
  const x = v.getBigUint64(off, le);
  if (x > BigInt(Number.MAX_SAFE_INTEGER)) throw new ElfError(`${what} out of range (0x${x.toString(16)})`);
  return Number(x);
}

export function parseElf(bytes: Uint8Array): ElfFile {
  if (bytes.length < 64 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) {
    throw new ElfError('not an ELF file');
  }
  if (bytes[4] !== 2) throw new ElfError('not a 64-bit ELF file (ELFCLASS32)');
  const data = bytes[5];
  if (data !== 1 && data !== 2) throw new ElfError(`bad ELF data encoding ${data}`);
  const le = data === 1;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = v.getUint16(16, le);
  const machine = v.getUint16(18, le);
  if (machine !== EM_PPC64) throw new ElfError(`wrong machine: e_machine ${machine}, expected ${EM_PPC64} (PowerPC64)`);
  if (type !== ET_EXEC && type !== ET_DYN) throw new ElfError(`not an executable (e_type ${type})`);
  const entry = u64(v, 24, le, 'e_entry');
  const phoff = u64(v, 32, le, 'e_phoff');
  const flags = v.getUint32(48, le);
  const phentsize = v.getUint16(54, le);
  const phnum = v.getUint16(56, le);
  if (phnum === 0) throw new ElfError('no program headers');
  if (phentsize < 56) throw new ElfError(`bad program header size ${phentsize}`);
  if (phoff + phnum * phentsize > bytes.length) throw new ElfError('program headers lie outside the file');
  const phdrs: ProgramHeader[] = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize;
    const ph: ProgramHeader = {
      type: v.getUint32(o, le),
      flags: v.getUint32(o + 4, le),
      offset: u64(v, o + 8, le, 'p_offset'),
      vaddr: u64(v, o + 16, le, 'p_vaddr'),
      filesz: u64(v, o + 32, le, 'p_filesz'),
      memsz: u64(v, o + 40, le, 'p_memsz'),
      align: u64(v, o + 48, le, 'p_align'),
    };
    if (ph.type === PT_LOAD) {
      if (ph.offset + ph.filesz > bytes.length) throw new ElfError(`segment ${i} lies outside the file`);
      if (ph.filesz > ph.memsz) throw new ElfError(`segment ${i}: file size exceeds memory size`);
      if (ph.vaddr + ph.memsz > 2 ** 47) throw new ElfError(`segment ${i}: address out of range`);
    }
    phdrs.push(ph);
  }
  return { bytes, littleEndian: le, type, machine, entry, abiVersion: flags & 3, phoff, phentsize, phdrs };
}
