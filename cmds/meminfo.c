// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * /proc/meminfo: totals of the simulated kernel's memory.
 */
#include <string.h>

#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"

/* fs/proc/meminfo.c show_val_kb(): the label padded to 16, the value in 8 */
static void
val_kb(struct ctx *ctx, const char *label, u64 kb)
{
	char key[32];
	size_t n = strlen(label);

	out_printf(ctx, "%s:%*s%8llu kB\n", label, (int)(15 - n), "",
		   (unsigned long long)kb);
	snprintf(key, sizeof(key), "%s", label);
	j_u64(ctx, key, kb);
}

#define K(pages) ((u64)(pages) << (PAGE_SHIFT - 10))

static int
meminfo_run(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	struct page_alloc *pgalloc = page_alloc_of(m);
	unsigned long free = global_free_pages(m), highfree = 0;
	long sreclaim = global_node_page_state(m, NR_SLAB_RECLAIMABLE_B) >>
		PAGE_SHIFT;
	long sunreclaim = global_node_page_state(m, NR_SLAB_UNRECLAIMABLE_B) >>
		PAGE_SHIFT;
	int nid;

	for (nid = 0; nid < pgalloc->nr_nodes; nid++)
		highfree += pgalloc->node_data[nid]->node_zones[ZONE_HIGHMEM].nr_free_pages;
	val_kb(ctx, "MemTotal", K(pgalloc->totalram_pages));
	val_kb(ctx, "MemFree", K(free));
	val_kb(ctx, "MemAvailable", K(si_mem_available(m)));
	val_kb(ctx, "Cached", K(global_node_page_state(m, NR_FILE_PAGES)));
	if (zone_configured(pgalloc, ZONE_HIGHMEM)) {
		val_kb(ctx, "HighTotal", K(pgalloc->totalhigh_pages));
		val_kb(ctx, "HighFree", K(highfree));
		val_kb(ctx, "LowTotal", K(pgalloc->totalram_pages - pgalloc->totalhigh_pages));
		val_kb(ctx, "LowFree", K(free - highfree));
	}
	val_kb(ctx, "AnonPages", K(global_node_page_state(m, NR_ANON_MAPPED)));
	val_kb(ctx, "Slab", K(sreclaim + sunreclaim));
	val_kb(ctx, "SReclaimable", K(sreclaim));
	val_kb(ctx, "SUnreclaim", K(sunreclaim));
	val_kb(ctx, "KernelStack",
	       (u64)global_node_page_state(m, NR_KERNEL_STACK_KB));
	val_kb(ctx, "PageTables", K(global_node_page_state(m, NR_PAGETABLE)));
	val_kb(ctx, "VmallocTotal",
	       (m->lay.vmalloc_end - m->lay.vmalloc_start) >> 10);
	val_kb(ctx, "VmallocUsed", K(global_node_page_state(m, NR_VMALLOC)));
	return 0;
}

const struct cmd cmd_meminfo = {
	.name = "meminfo",
	.family = FAM_PAGE_ALLOC,
	.usage = "",
	.summary = "memory totals in /proc/meminfo style",
	.help =
	"The lines of /proc/meminfo that ptwalk models, in its format and\n"
	"order: MemTotal (the pages boot gave to the buddy allocator:\n"
	"totalram_pages, RAM minus the kernel image, boot page tables and\n"
	"mem_map), MemFree, MemAvailable (si_mem_available: free minus the\n"
	"high watermarks and lowmem reserves, plus what could be reclaimed),\n"
	"Cached; on 32-bit HighTotal/HighFree and LowTotal/LowFree; then what\n"
	"the kernel's allocators use: AnonPages, Slab (SReclaimable +\n"
	"SUnreclaim), KernelStack, PageTables (tables allocated after boot),\n"
	"VmallocTotal (the size of the vmalloc area) and VmallocUsed.  Values\n"
	"are in kB.\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_SIM | CMD_PROCFMT,
	.run = meminfo_run,
};
