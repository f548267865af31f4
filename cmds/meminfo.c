// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * /proc/meminfo: totals of the simulated kernel's memory.
 */
#include <string.h>

#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show_kstate.h"

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

/*
 * An image's meminfo: what the zones and their vm_stat say (the global
 * counters are the sums of the zones'), what the layout says, and a note
 * naming the lines the dump cannot give.
 */
static int
image_meminfo(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	struct kzones zs;
	struct error e;
	u64 free = 0, hfree = 0, total = 0, htotal = 0;
	bool have_free = true, have_total = true, high = false;
	int i;

	error_clear(&e);
	if (kzones_read(m, &zs, true, &e))
		return cmd_error(ctx, "%s", e.msg);
	for (i = 0; i < zs.n; i++) {
		const struct kzone *z = &zs.z[i];
		bool hm = !strcmp(z->name, "HighMem");

		have_free &= z->have_free_pages;
		have_total &= z->have_managed;
		high |= hm;
		free += z->free_pages;
		total += z->managed;
		if (hm) {
			hfree += z->free_pages;
			htotal += z->managed;
		}
	}
	if (have_total)
		val_kb(ctx, "MemTotal", K(total));
	if (have_free)
		val_kb(ctx, "MemFree", K(free));
	if (high && have_total)
		val_kb(ctx, "HighTotal", K(htotal));
	if (high && have_free)
		val_kb(ctx, "HighFree", K(hfree));
	if (high && have_total)
		val_kb(ctx, "LowTotal", K(total - htotal));
	if (high && have_free)
		val_kb(ctx, "LowFree", K(free - hfree));
	if (m->lay.vmalloc_start && m->lay.vmalloc_end > m->lay.vmalloc_start)
		val_kb(ctx, "VmallocTotal", (m->lay.vmalloc_end -
					     m->lay.vmalloc_start) >> 10);
	knote(&zs.notes, "%sthe other lines need the node counters "
	      "(vm_node_stat) and their names, which the dump does not "
	      "describe", have_total ? "" : "MemTotal, HighTotal and LowTotal "
	      "need the zones' managed_pages; ");
	show_knotes(ctx, &zs.notes);
	kzones_release(&zs);
	return 0;
}

static int
meminfo_run(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	struct page_alloc *pgalloc;
	unsigned long free, highfree = 0;
	long sreclaim, sunreclaim;
	int nid;

	if (m->kern == NULL)
		return image_meminfo(ctx);
	pgalloc = page_alloc_of(m);
	free = global_free_pages(m);
	sreclaim = global_node_page_state(m, NR_SLAB_RECLAIMABLE_B) >>
		PAGE_SHIFT;
	sunreclaim = global_node_page_state(m, NR_SLAB_UNRECLAIMABLE_B) >>
		PAGE_SHIFT;
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
	"are in kB.\n"
	"\n"
	"On a memory image: MemFree (the zones' vm_stat[NR_FREE_PAGES],\n"
	"whose sum is the global counter), HighFree and LowFree on 32-bit,\n"
	"MemTotal, HighTotal and LowTotal where the kernel's types place\n"
	"the zones' managed_pages, VmallocTotal where the layout is known;\n"
	"a warning names what the dump cannot give.\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_PROCFMT,
	.run = meminfo_run,
};
