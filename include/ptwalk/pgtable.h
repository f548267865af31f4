/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Page-table building (src/hw/pgtable.c, cf. include/linux/pgtable.h):
 * the writing side of the walker, generic over the walk geometry of
 * struct mmu; entries come from the arch's mk_table, mk_leaf, populate
 * and set_leaf.  The arch's paging_init builds swapper_pg_dir with it,
 * the kernel (src/mm) every later kernel mapping.
 */
#ifndef PTWALK_PGTABLE_H
#define PTWALK_PGTABLE_H

#include "machine.h"

int pgtable_map(struct machine *m, u64 root, u64 va, u64 pa, u64 size,
		unsigned shift, pgprot_t prot, struct error *e);
/* Largest page size that fits each piece of the range. */
int pgtable_map_range(struct machine *m, u64 root, u64 va, u64 pa, u64 size,
		      unsigned max_shift, pgprot_t prot, struct error *e);
/* Make sure the tables down to the last level exist for [va, va + size). */
int pgtable_prealloc(struct machine *m, u64 root, u64 va, u64 size,
		     struct error *e);
/* Entry address of the leaf slot for va at level lvl, creating tables. */
int pgtable_slot(struct machine *m, u64 root, u64 va, int lvl, bool create,
		 u64 *entry_pa, struct error *e);
/* Clear the 4K leaf mapping va; returns its old value (0 when none). */
u64 pgtable_clear(struct machine *m, u64 root, u64 va);
/*
 * Clear the leaf that maps va at whatever level (a huge page too); returns
 * its old value and its page shift.  When va is not mapped it returns 0,
 * with the shift of the hole an absent entry leaves (its whole span), or
 * 0 when that is not known.  No flush.
 */
u64 pgtable_clear_leaf(struct machine *m, u64 root, u64 va, unsigned *shift);
u64 pgtable_alloc_table(struct machine *m, int lvl, struct error *e);

#endif
