// A writer for the cpio "newc" format (SVR4 without CRC), the format Linux
// unpacks an initramfs from (Documentation/driver-api/early-userspace/
// buffer-format.rst): per entry a 110-byte ASCII header of 13 eight-digit
// hex fields, the NUL-terminated name padded to 4 bytes, the data padded to
// 4 bytes; a "TRAILER!!!" entry ends the archive. tests/vmm/cpio.test.ts
// holds it to GNU cpio.

export interface CpioEntry {
  /** Path inside the archive, without a leading slash ("bin/busybox"). */
  readonly name: string;
  /** File type and permissions (S_IFREG | 0o755, S_IFDIR | 0o755, S_IFLNK | 0o777…). */
  readonly mode: number;
  /** File contents, or the target of a symlink. */
  readonly data?: Uint8Array | string;
  /** A device node's (major, minor). */
  readonly rdev?: readonly [number, number];
}

export const S_IFDIR = 0o040000;
export const S_IFREG = 0o100000;
export const S_IFLNK = 0o120000;
export const S_IFCHR = 0o020000;

const TRAILER = 'TRAILER!!!';

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** An uncompressed newc archive of `entries` (in order), owned by root, mtime 0 (reproducible). */
export function writeCpio(entries: readonly CpioEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  let size = 0;
  const push = (b: Uint8Array) => {
    parts.push(b);
    size += b.length;
  };
  const pad = () => {
    if (size % 4) push(new Uint8Array(4 - (size % 4)));
  };
  let ino = 1;
  for (const e of [...entries, { name: TRAILER, mode: 0 } as CpioEntry]) {
    const data = typeof e.data === 'string' ? enc.encode(e.data) : (e.data ?? new Uint8Array(0));
    const name = enc.encode(`${e.name}\0`);
    const [major, minor] = e.rdev ?? [0, 0];
    const fields = [e.name === TRAILER ? 0 : ino++, e.mode, 0, 0, (e.mode & 0o170000) === S_IFDIR ? 2 : 1, 0, data.length, 0, 0, major, minor, name.length, 0];
    push(enc.encode(`070701${fields.map(hex8).join('')}`));
    push(name);
    pad();
    push(data);
    pad();
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
