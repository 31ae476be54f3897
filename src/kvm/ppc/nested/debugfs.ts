// The nested guests' shadow page tables as KVM's debugfs shows them (seed
// 002: "adds a list of valid shadow PTEs for each nested guest to the
// 'radix' file for the guest in debugfs"; book3s_64_mmu_radix.c
// debugfs_radix_read): a header per nested guest, then one line per valid
// shadow PTE — " gpa: pte shift", hex, hex, decimal. KVM's header names the
// shadow table's kernel address ("pgdir: %lx"); the shadow table here is not
// in memory, so the header names the shadow LPID instead. The L1's own
// partition-scoped mapping (KVM's LPID 0 section) is the memory slots, not
// a table: not listed.

import type { NestedHv } from './nested-hv.js';
import { shadowPteValue } from './shadow.js';

export function radixDebugfs(n: NestedHv): string {
  let out = '';
  for (const g of n.allGuests()) {
    out += `\nNested LPID ${g.l1Lpid}: shadow LPID ${g.shadowLpid}\n`;
    const entries = [...g.shadow.entries()].sort((a, b) => a.gra - b.gra);
    for (const e of entries) out += ` ${e.gra.toString(16)}: ${shadowPteValue(e).toString(16)} ${e.shift}\n`;
  }
  return out;
}
