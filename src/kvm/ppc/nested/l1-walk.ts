// The L1's partition-scoped radix tree for one nested guest, walked by the
// L0 in the L1's memory (kvmppc_mmu_walk_radix_tree with the partition-table
// entry's first doubleword as the root): nested guest real address → L1 guest
// real address, with the page size and the permissions and R/C bits the L1
// gave. Only 52-bit trees of POWER9's shapes (13, 9, 9, then 9 or 5 bits),
// no 512 GiB leaves, as KVM.

import type { PhysMap } from '../../../memory/phys-map.js';

/** A radix PTE's rights and R/C (radix.ts), by the names KVM's walk uses (_PAGE_EXEC, _WRITE, _READ, _DIRTY, _ACCESSED). */
export { PTE_EAA_X as PTE_EXEC, PTE_EAA_RW as PTE_WRITE, PTE_EAA_R as PTE_READ, PTE_C as PTE_DIRTY, PTE_R as PTE_ACCESSED } from '../../../cpu/ppc64/mmu/radix.js';
import { PTE_EAA_X as PTE_EXEC, PTE_EAA_RW as PTE_WRITE, PTE_EAA_R as PTE_READ, PTE_C as PTE_DIRTY, PTE_R as PTE_ACCESSED, PTE_VALID_HI, PTE_LEAF_HI } from '../../../cpu/ppc64/mmu/radix.js';

export interface L1Pte {
  /** L1 guest real address of the nested address walked (page base + offset). */
  raddr: number;
  /** log2 of the L1's page size. */
  shift: number;
  read: boolean;
  write: boolean;
  exec: boolean;
  /** PTE_ACCESSED | PTE_DIRTY as set in the L1's entry. */
  rc: number;
  /** L1 guest real address of the leaf entry (to set R/C in it). */
  pteAddr: number;
}

/** Why the walk failed: KVM's -EINVAL (unsupported tree), -ENOENT (no entry), -EFAULT (a table outside L1 memory). */
export type L1WalkError = { error: 'einval' } | { error: 'enoent' } | { error: 'efault'; addr: number };

/** Bits per level, root first (p9_supported_radix_bits read from level 3 down). */
const LEVEL_BITS = [13, 9, 9];

/**
 * Walk the tree whose root `pate0` names (RTS, RPDB, RPDS) for guest real
 * address `gra`. Table entries are big-endian doublewords in `phys`.
 */
export function walkL1Tree(phys: PhysMap, pate0: bigint, gra: number): L1Pte | L1WalkError {
  const rts = Number(((pate0 >> 58n) & 0x18n) | ((pate0 >> 5n) & 0x7n));
  let bits = Number(pate0 & 0x1fn);
  let base = Number(pate0 & 0x0fffffffffffff00n);
  let offset = rts + 31;
  if (offset !== 52) return { error: 'einval' };
  let hi = 0;
  let lo = 0;
  let addr = 0;
  let level = 0;
  for (;; level++) {
    if (level === 4) return { error: 'einval' }; // no leaf at the lowest level
    if (level < 3 ? bits !== LEVEL_BITS[level] : bits !== 5 && bits !== 9) return { error: 'einval' };
    offset -= bits;
    const index = Math.floor(gra / 2 ** offset) % 2 ** bits;
    if (base % 2 ** (bits + 3) !== 0) return { error: 'einval' };
    addr = base + index * 8;
    const slot = phys.find(addr);
    if (!slot) return { error: 'efault', addr };
    const v = phys.view(slot, addr);
    hi = v.getInt32(addr & 0xfff);
    lo = v.getInt32((addr & 0xfff) + 4);
    if (!(hi & PTE_VALID_HI)) return { error: 'enoent' };
    if (hi & PTE_LEAF_HI) break; // leaf
    base = (hi & 0x0fffffff) * 4294967296 + ((lo & 0xffffff00) >>> 0);
    bits = lo & 0x1f;
  }
  if (level === 0) return { error: 'einval' }; // 512 GiB pages are not supported
  const page = 2 ** offset;
  const rpn = (hi & 0x01ffffff) * 4294967296 + ((lo & 0xfffff000) >>> 0);
  if (rpn % page !== 0) return { error: 'einval' };
  return {
    raddr: rpn + (gra % page),
    shift: offset,
    read: (lo & PTE_READ) !== 0,
    write: (lo & PTE_WRITE) !== 0,
    exec: (lo & PTE_EXEC) !== 0,
    rc: lo & (PTE_ACCESSED | PTE_DIRTY),
    pteAddr: addr,
  };
}
