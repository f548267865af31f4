/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The simulated kernel (src/mm): what a simulated machine has and a memory
 * image does not.  Each subsystem keeps its state behind its own pointer so
 * that the subsystems stay independent of each other's internals.
 */
#ifndef PTWALK_KERNEL_H
#define PTWALK_KERNEL_H

#include "machine.h"

struct page_alloc;	/* src/mm/page_alloc.c: nodes, zones, buddy, mem_map */
struct slab_state;	/* src/mm/slab.c */
struct vmalloc_state;	/* src/mm/vmalloc.c */
struct highmem_state;	/* src/mm/highmem.c */
struct task_state;	/* src/mm/process.c */
struct dma_state;	/* src/mm/dma.c */
struct module_state;	/* src/mm/module.c */
struct boot_state;	/* src/mm/boot_record.c */

struct kernel {
	struct page_alloc *pgalloc;
	struct slab_state *slab;
	struct vmalloc_state *vm;
	struct highmem_state *hm;
	struct task_state *tasks;
	struct dma_state *dma;
	struct module_state *mod;
	struct boot_state *boot;
};

/* Bring up the simulated kernel after paging_init; undo it. */
int kernel_init(struct machine *m, struct error *e);
void kernel_release(struct machine *m);

#endif
