/* Radix trees in the Power ISA's format (Book III 6.7.10.2; 52-bit trees of
 * 13, 9, 9, then 9 or 5 bits: pages of 4K, 64K, 2M, 1G), built in guest real
 * memory: a partition's process-scoped trees, or the partition-scoped trees
 * an L1 hypervisor gives its nested guests. Entries are big-endian. */
#ifndef GUEST_RADIX_TREE_H
#define GUEST_RADIX_TREE_H

/* PTE/PDE bits. */
#define R_V (1UL << 63)
#define R_L (1UL << 62)
#define R_R 0x100UL
#define R_C 0x80UL
#define EAA_PRIV 0x8UL
#define EAA_R 0x4UL
#define EAA_RW 0x2UL
#define EAA_X 0x1UL

/* Tables are taken from guest real memory starting at `base`. */
void rtree_pool(unsigned long base);
/* Zeroed, naturally aligned table memory (real mode: addresses are physical). */
unsigned long *rtree_alloc(unsigned long bytes);
/* Map one page of 2^shift bytes (12, 16, 21 or 30) at ea -> ra in the tree
 * at root, with entry bits `bits` (EAA, R, C); returns the leaf entry. EA
 * bits 0:1 (the quadrant) are ignored. */
unsigned long *rtree_map(unsigned long *root, unsigned long ea, unsigned long ra, int shift, unsigned long bits);

#endif
