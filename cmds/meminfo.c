// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * /proc/meminfo: totals of the simulated kernel's memory.
 */
#include <string.h>

#include "ptwalk/kstate.h"
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
 * An image's meminfo
 */

/* The node/zone items of fs/proc/meminfo.c's lines, in its order */
static const struct { const char *label, *item; bool zone; } img_lines[] = {
	{ "SwapCached", "NR_SWAPCACHE", false },
	{ "Active", NULL, false },
	{ "Inactive", NULL, false },
	{ "Active(anon)", "NR_ACTIVE_ANON", false },
	{ "Inactive(anon)", "NR_INACTIVE_ANON", false },
	{ "Active(file)", "NR_ACTIVE_FILE", false },
	{ "Inactive(file)", "NR_INACTIVE_FILE", false },
	{ "Unevictable", "NR_UNEVICTABLE", false },
	{ "Mlocked", "NR_MLOCK", true },
	{ "HighTotal", NULL, false },
	{ "Dirty", "NR_FILE_DIRTY", false },
	{ "Writeback", "NR_WRITEBACK", false },
	{ "AnonPages", "NR_ANON_MAPPED", false },
	{ "Mapped", "NR_FILE_MAPPED", false },
	{ "Shmem", "NR_SHMEM", false },
	{ "KReclaimable", NULL, false },
	{ "Slab", NULL, false },
	{ "SReclaimable", "NR_SLAB_RECLAIMABLE_B", false },
	{ "SUnreclaim", "NR_SLAB_UNRECLAIMABLE_B", false },
	{ "KernelStack", "NR_KERNEL_STACK_KB", false },
	{ "ShadowCallStack", "NR_KERNEL_SCS_KB", false },
	{ "PageTables", "NR_PAGETABLE", false },
	{ "SecPageTables", "NR_SECONDARY_PAGETABLE", false },
	{ "NFS_Unstable", NULL, false },
	{ "Bounce", "NR_BOUNCE", true },
	{ "WritebackTmp", "NR_WRITEBACK_TEMP", false },
	{ "VmallocTotal", NULL, false },
	{ "AnonHugePages", "NR_ANON_THPS", false },
	{ "ShmemHugePages", "NR_SHMEM_THPS", false },
	{ "ShmemPmdMapped", "NR_SHMEM_PMDMAPPED", false },
	{ "FileHugePages", "NR_FILE_THPS", false },
	{ "FilePmdMapped", "NR_FILE_PMDMAPPED", false },
	{ "CmaTotal", NULL, false },
};

struct img_mem {
	struct machine *m;
	const struct kzones *zs;
	const struct kvmstat *vs;	/* NULL: no counters */
	u64 free, hfree, total, htotal, cma;
	bool have_free, have_total, high, have_cma;
};

static bool
node_kb(const struct img_mem *im, const char *item, bool zone, u64 *kb)
{
	u64 v;

	if (im->vs == NULL || !(zone ? kvmstat_zone(im->vs, item, &v) :
				kvmstat_node(im->vs, item, &v)))
		return false;
	*kb = strstr(item, "_KB") ? v : K(v);
	return true;
}

/* mm/page_alloc.c si_mem_available(), calculate_totalreserve_pages() */
static bool
mem_available(const struct img_mem *im, u64 *kb)
{
	u64 wlow = 0, reserve = 0, af, inf, sr, misc, pc, rc;
	s64 avail;
	int i, j;

	for (i = 0; i < im->zs->n; i++) {
		const struct kzone *z = &im->zs->z[i];
		s64 max = 0;

		if (!z->have_wmark || !z->have_managed)
			return false;
		wlow += z->wmark[1] + z->boost;
		for (j = z->idx; j < z->nprotection; j++)
			max = MAX(max, z->protection[j]);
		max += (s64)(z->wmark[2] + z->boost);
		reserve += MIN((u64)max, z->managed);
	}
	if (im->vs == NULL || !im->have_free ||
	    !kvmstat_node(im->vs, "NR_ACTIVE_FILE", &af) ||
	    !kvmstat_node(im->vs, "NR_INACTIVE_FILE", &inf) ||
	    !kvmstat_node(im->vs, "NR_SLAB_RECLAIMABLE_B", &sr) ||
	    !kvmstat_node(im->vs, "NR_KERNEL_MISC_RECLAIMABLE", &misc))
		return false;
	pc = af + inf;
	rc = sr + misc;
	avail = (s64)im->free - (s64)reserve;
	avail += (s64)(pc - MIN(pc / 2, wlow));
	avail += (s64)(rc - MIN(rc / 2, wlow));
	*kb = K(avail < 0 ? 0 : avail);
	return true;
}

/* The lines made of several items; false: one of them is missing */
static bool
sum_line(struct ctx *ctx, const struct img_mem *im, const char *label)
{
	u64 a, b;

	if (!strcmp(label, "Active"))
		return node_kb(im, "NR_ACTIVE_ANON", false, &a) &&
			node_kb(im, "NR_ACTIVE_FILE", false, &b) &&
			(val_kb(ctx, label, a + b), true);
	if (!strcmp(label, "Inactive"))
		return node_kb(im, "NR_INACTIVE_ANON", false, &a) &&
			node_kb(im, "NR_INACTIVE_FILE", false, &b) &&
			(val_kb(ctx, label, a + b), true);
	if (!strcmp(label, "KReclaimable"))
		return node_kb(im, "NR_SLAB_RECLAIMABLE_B", false, &a) &&
			node_kb(im, "NR_KERNEL_MISC_RECLAIMABLE", false, &b) &&
			(val_kb(ctx, label, a + b), true);
	if (!strcmp(label, "Slab"))
		return node_kb(im, "NR_SLAB_RECLAIMABLE_B", false, &a) &&
			node_kb(im, "NR_SLAB_UNRECLAIMABLE_B", false, &b) &&
			(val_kb(ctx, label, a + b), true);
	return false;
}

static void
special_line(struct ctx *ctx, const struct img_mem *im, const char *label)
{
	struct machine *m = im->m;
	u64 v;

	if (!strcmp(label, "HighTotal") && im->high) {
		if (im->have_total)
			val_kb(ctx, "HighTotal", K(im->htotal));
		if (im->have_free)
			val_kb(ctx, "HighFree", K(im->hfree));
		if (im->have_total)
			val_kb(ctx, "LowTotal", K(im->total - im->htotal));
		if (im->have_free)
			val_kb(ctx, "LowFree", K(im->free - im->hfree));
	} else if (!strcmp(label, "NFS_Unstable") && im->vs != NULL) {
		val_kb(ctx, label, 0);	/* a constant since Linux 5.8 */
	} else if (!strcmp(label, "VmallocTotal") && m->lay.vmalloc_start &&
		   m->lay.vmalloc_end > m->lay.vmalloc_start) {
		val_kb(ctx, label, (m->lay.vmalloc_end -
				    m->lay.vmalloc_start) >> 10);
	} else if (!strcmp(label, "CmaTotal") && im->have_cma && im->cma &&
		   node_kb(im, "NR_FREE_CMA_PAGES", true, &v)) {
		val_kb(ctx, "CmaTotal", K(im->cma));
		val_kb(ctx, "CmaFree", v);
	} else {
		sum_line(ctx, im, label);
	}
}

static void
image_lines(struct ctx *ctx, const struct img_mem *im)
{
	size_t i;
	u64 kb;

	if (im->have_total)
		val_kb(ctx, "MemTotal", K(im->total));
	if (im->have_free)
		val_kb(ctx, "MemFree", K(im->free));
	if (mem_available(im, &kb))
		val_kb(ctx, "MemAvailable", kb);
	for (i = 0; i < ARRAY_SIZE(img_lines); i++) {
		if (img_lines[i].item == NULL)
			special_line(ctx, im, img_lines[i].label);
		else if (node_kb(im, img_lines[i].item, img_lines[i].zone, &kb))
			val_kb(ctx, img_lines[i].label, kb);
	}
}

/*
 * What the zones and the nodes' and zones' vm_stat say (the global
 * counters are their sums), what the layout says, and a note naming the
 * lines the dump cannot give.
 */
static int
image_meminfo(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	struct img_mem im = { .m = m, .have_free = true, .have_total = true,
			      .have_cma = true };
	struct kzones zs;
	struct kvmstat vs;
	struct error e;
	int i;

	error_clear(&e);
	if (kzones_read(m, &zs, true, &e))
		return cmd_error(ctx, "%s", e.msg);
	im.zs = &zs;
	for (i = 0; i < zs.n; i++) {
		const struct kzone *z = &zs.z[i];
		bool hm = !strcmp(z->name, "HighMem");

		im.have_free &= z->have_free_pages;
		im.have_total &= z->have_managed;
		im.have_cma &= z->have_cma;
		im.high |= hm;
		im.free += z->free_pages;
		im.total += z->managed;
		im.cma += z->cma;
		if (hm) {
			im.hfree += z->free_pages;
			im.htotal += z->managed;
		}
	}
	if (kvmstat_read(m, &zs, &vs, &e) == 0)
		im.vs = &vs;
	image_lines(ctx, &im);
	if (im.vs == NULL)
		knote(&zs.notes, "%sthe lines of the node and zone counters "
		      "need the kernel's types (vm_stat and its enums): %s",
		      im.have_total ? "" : "MemTotal, HighTotal and LowTotal "
		      "need the zones' managed_pages; ", e.msg);
	knote(&zs.notes, "not derived from the dump: Buffers and Cached (the "
	      "block devices' page caches), SwapTotal, SwapFree, Zswap, "
	      "Zswapped, CommitLimit, Committed_AS, VmallocUsed, VmallocChunk, "
	      "Percpu, HardwareCorrupted, the HugePages lines, Hugetlb and "
	      "DirectMap");
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
