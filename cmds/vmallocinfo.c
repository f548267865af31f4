// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * /proc/vmallocinfo: every vmalloc-space area.
 */
#include <stdio.h>
#include <string.h>

#include "ptwalk/figure.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show_kstate.h"
#include "ptwalk/vmalloc.h"

/* The N<node>=<pages> counts (show_numa_info; CONFIG_NUMA kernels). */
static void
sim_numa_info(struct machine *m, const struct vm_struct *vm,
	      struct kvm_area *a)
{
	unsigned cnt[MAX_NUMNODES] = { 0 };
	unsigned i;
	int nid;

	if (!m->arch->is64 || !(vm->flags & VM_ALLOC) || vm->nr_pages == 0)
		return;
	for (i = 0; i < vm->nr_pages; i++)
		cnt[page_to_nid(m, vm->pages[i])]++;
	for (nid = 0; nid < page_alloc_of(m)->nr_nodes; nid++)
		if (cnt[nid] && a->nnode < ARRAY_SIZE(a->node)) {
			a->node[a->nnode].nid = nid;
			a->node[a->nnode++].pages = cnt[nid];
		}
}

/* The simulated kernel's areas as an image's are read. */
static void
sim_areas(struct machine *m, struct kvm_areas *out)
{
	struct vmalloc_state *vs = vmalloc_of(m);
	const struct vmap_area *va;
	int pass;

	memset(out, 0, sizeof(*out));
	/* the busy areas, then the unpurged ones (show_purge_info) */
	for (pass = 0; pass < 2; pass++)
		for (va = vs->areas; va != NULL; va = va->next) {
			const struct vm_struct *vm = va->vm;
			struct kvm_area *a;

			if ((vm == NULL) != (pass == 1))
				continue;
			out->a = xrealloc(out->a, (out->n + 1) *
					  sizeof(*out->a));
			a = &out->a[out->n++];
			memset(a, 0, sizeof(*a));
			if (vm == NULL) {
				a->addr = va->va_start;
				a->size = va->va_end - va->va_start;
				a->unpurged = true;
				continue;
			}
			a->have_vm = true;
			a->addr = vm->addr;
			a->size = vm->size;
			if (vm->caller)
				snprintf(a->caller, sizeof(a->caller), "%s",
					 vm->caller);
			if (vm->flags & (VM_ALLOC | VM_MAP_PUT_PAGES))
				a->nr_pages = vm->nr_pages;
			a->phys = vm->phys_addr;
			a->flags = vm->flags;
			a->vpages = vm->pages_area != NULL;
			a->kind = vm_kind_names[vm->kind];
			sim_numa_info(m, vm, a);
		}
}

/* mm/vmalloc.c s_show(): one line of a busy area */
static void
area_line(struct ctx *ctx, const struct kvm_area *a, struct strbuf *sb)
{
	int w = ctx->m->arch->is64 ? 16 : 8;
	int pw = ctx->m->arch->pa_digits > 8 ? 16 : 8;
	unsigned i;

	sb_reset(sb);
	sb_addf(sb, "0x%0*llx-0x%0*llx %7llu", w, (unsigned long long)a->addr,
		w, (unsigned long long)(a->addr + a->size),
		(unsigned long long)a->size);
	if (a->vm_map_ram)
		sb_adds(sb, " vm_map_ram");
	if (a->caller[0])
		sb_addf(sb, " %s", a->caller);
	if (a->nr_pages)
		sb_addf(sb, " pages=%llu", (unsigned long long)a->nr_pages);
	if (a->phys)
		sb_addf(sb, " phys=0x%0*llx", pw, (unsigned long long)a->phys);
	if (a->flags & VM_IOREMAP)
		sb_adds(sb, " ioremap");
	if (a->flags & VM_ALLOC)
		sb_adds(sb, " vmalloc");
	if (a->flags & VM_MAP)
		sb_adds(sb, " vmap");
	if (a->flags & VM_USERMAP)
		sb_adds(sb, " user");
	if (a->flags & VM_DMA_COHERENT)
		sb_adds(sb, " dma-coherent");
	if (a->vpages)
		sb_adds(sb, " vpages");
	for (i = 0; i < a->nnode; i++)
		sb_addf(sb, " N%d=%llu", a->node[i].nid,
			(unsigned long long)a->node[i].pages);
}

static void
vmallocinfo_show(struct ctx *ctx, const struct kvm_areas *vs)
{
	int w = ctx->m->arch->is64 ? 16 : 8;
	struct strbuf sb;
	u64 total = 0;
	size_t i;
	int n = 0;

	sb_init(&sb);
	j_arr(ctx, "areas");
	for (i = 0; i < vs->n; i++) {
		const struct kvm_area *a = &vs->a[i];

		if (a->unpurged)
			continue;
		area_line(ctx, a, &sb);
		out_printf(ctx, "%s\n", sb.buf);
		j_obj(ctx, NULL);
		j_hex(ctx, "addr", a->addr);
		j_hex(ctx, "end", a->addr + a->size);
		j_u64(ctx, "size", a->size);
		if (a->have_vm) {
			j_str(ctx, "caller", a->caller);
			j_u64(ctx, "pages", a->nr_pages);
			j_hex(ctx, "phys", a->phys);
			j_hex(ctx, "flags", a->flags);
		}
		if (a->kind != NULL)
			j_str(ctx, "kind", a->kind);
		j_obj_end(ctx);
		total += a->size;
		n++;
	}
	j_arr_end(ctx);
	/* show_purge_info */
	j_arr(ctx, "unpurged");
	for (i = 0; i < vs->n; i++) {
		const struct kvm_area *a = &vs->a[i];

		if (!a->unpurged)
			continue;
		out_printf(ctx, "0x%0*llx-0x%0*llx %7llu unpurged vm_area\n",
			   w, (unsigned long long)a->addr, w,
			   (unsigned long long)(a->addr + a->size),
			   (unsigned long long)a->size);
		j_obj(ctx, NULL);
		j_hex(ctx, "addr", a->addr);
		j_hex(ctx, "end", a->addr + a->size);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	if (vs->n == 0)
		out_printf(ctx, "(no vmalloc areas)\n");
	j_int(ctx, "count", n);
	j_u64(ctx, "bytes", total);
	sb_release(&sb);
}

static int
vmallocinfo_run(struct ctx *ctx)
{
	struct kvm_areas vs;
	struct error e;

	error_clear(&e);
	if (ctx->m->kern != NULL)
		sim_areas(ctx->m, &vs);
	else if (kvm_areas_read(ctx->m, &vs, &e))
		return cmd_error(ctx, "%s", e.msg);
	vmallocinfo_show(ctx, &vs);
	if (cmd_figure_wanted(ctx)) {
		struct figure *f = xmalloc(sizeof(*f));

		fig_vmalloc(f, ctx->m, &vs);
		cmd_set_figure(ctx, f);
	}
	show_knotes(ctx, &vs.notes);
	kvm_areas_release(&vs);
	return 0;
}

const struct cmd cmd_vmallocinfo = {
	.name = "vmallocinfo",
	.family = FAM_REGIONS,
	.usage = "",
	.summary = "the vmalloc areas, as /proc/vmallocinfo shows them",
	.help =
	"One line per area in address order, in the format of Linux 6.1's\n"
	"/proc/vmallocinfo: start-end (end includes the guard page), size in\n"
	"bytes (with the guard page), the caller, pages=N, phys= for ioremap,\n"
	"the kind (ioremap, vmalloc, vmap, user, dma-coherent), \"vpages\" when\n"
	"the pages array is itself vmalloc'ed, and on the 64-bit (NUMA)\n"
	"kernels the pages per node (N0=...).  Then the areas vfree'd but\n"
	"not yet purged (\"unpurged vm_area\").  On arm64 the kernel image's\n"
	"segments appear first (map_kernel).  The callers are ptwalk's\n"
	"commands (cmd_vmalloc [ptwalk]) or the kernel function that asked;\n"
	"on a booted machine (--boot booted) the areas of the recorded\n"
	"guest's boot carry that guest's callers (kernel_clone+0xbf/0x430 for\n"
	"a task's stack, pcpu_get_vm_areas for the first percpu chunk).\n"
	"With --svg, --png or --pdf it also draws the areas: each a row of\n"
	"its pages with the guard page hatched after them, the free space\n"
	"between areas, and lines from the pages to the frames they map on a\n"
	"strip of physical memory (read from init_mm's page tables, on an\n"
	"image too).  Past 40 pages a cell holds several, past 80 areas a row\n"
	"holds several; the figure's caption says so.\n"
	"\n"
	"On a memory image the areas are the dump's: vmap_area_list, then\n"
	"purge_vmap_area_list when the symbol table has it.  VMCOREINFO\n"
	"gives each area's range; the callers (vm_struct.caller, as\n"
	"symbol+off/size), pages, phys and kinds need the kernel's types\n"
	"(BTF): without them each line is the range and size, and a warning\n"
	"says what is missing.\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_PROCFMT | CMD_FIGURE,
	.run = vmallocinfo_run,
};
