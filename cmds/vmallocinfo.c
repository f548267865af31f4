// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * /proc/vmallocinfo: every vmalloc-space area.
 */
#include <string.h>

#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/vmalloc.h"

/* The N<node>=<pages> counts (show_numa_info; CONFIG_NUMA kernels). */
static void
numa_info(struct ctx *ctx, struct strbuf *sb, const struct vm_struct *vm)
{
	struct machine *m = ctx->m;
	unsigned cnt[MAX_NUMNODES] = { 0 };
	unsigned i;
	int nid;

	if (!m->arch->is64 || !(vm->flags & VM_ALLOC) || vm->nr_pages == 0)
		return;
	for (i = 0; i < vm->nr_pages; i++)
		cnt[page_to_nid(m, vm->pages[i])]++;
	for (nid = 0; nid < page_alloc_of(m)->nr_nodes; nid++)
		if (cnt[nid])
			sb_addf(sb, " N%d=%u", nid, cnt[nid]);
}

static int
vmallocinfo_run(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	struct vmalloc_state *vs = vmalloc_of(m);
	const struct vmap_area *va;
	int w = m->arch->is64 ? 16 : 8;
	int pw = m->arch->pa_digits > 8 ? 16 : 8;
	struct strbuf sb;
	u64 total = 0;
	int n = 0;

	sb_init(&sb);
	j_arr(ctx, "areas");
	for (va = vs->areas; va != NULL; va = va->next) {
		const struct vm_struct *vm = va->vm;

		if (vm == NULL)
			continue;
		sb_reset(&sb);
		sb_addf(&sb, "0x%0*llx-0x%0*llx %7llu", w,
			(unsigned long long)vm->addr, w,
			(unsigned long long)(vm->addr + vm->size),
			(unsigned long long)vm->size);
		if (vm->caller)
			sb_addf(&sb, " %s", vm->caller);
		if (vm->nr_pages && (vm->flags & (VM_ALLOC | VM_MAP_PUT_PAGES)))
			sb_addf(&sb, " pages=%u", vm->nr_pages);
		if (vm->phys_addr)
			sb_addf(&sb, " phys=0x%0*llx", pw,
				(unsigned long long)vm->phys_addr);
		if (vm->flags & VM_IOREMAP)
			sb_adds(&sb, " ioremap");
		if (vm->flags & VM_ALLOC)
			sb_adds(&sb, " vmalloc");
		if (vm->flags & VM_MAP)
			sb_adds(&sb, " vmap");
		if (vm->flags & VM_USERMAP)
			sb_adds(&sb, " user");
		if (vm->flags & VM_DMA_COHERENT)
			sb_adds(&sb, " dma-coherent");
		if (vm->pages_area != NULL)
			sb_adds(&sb, " vpages");
		numa_info(ctx, &sb, vm);
		out_printf(ctx, "%s\n", sb.buf);
		j_obj(ctx, NULL);
		j_hex(ctx, "addr", vm->addr);
		j_hex(ctx, "end", vm->addr + vm->size);
		j_u64(ctx, "size", vm->size);
		j_str(ctx, "caller", vm->caller);
		j_u64(ctx, "pages", vm->nr_pages);
		j_hex(ctx, "phys", vm->phys_addr);
		j_hex(ctx, "flags", vm->flags);
		j_str(ctx, "kind", vm_kind_names[vm->kind]);
		j_obj_end(ctx);
		total += vm->size;
		n++;
	}
	j_arr_end(ctx);
	/* show_purge_info */
	j_arr(ctx, "unpurged");
	for (va = vs->areas; va != NULL; va = va->next) {
		if (va->vm != NULL)
			continue;
		out_printf(ctx, "0x%0*llx-0x%0*llx %7llu unpurged vm_area\n", w,
			   (unsigned long long)va->va_start, w,
			   (unsigned long long)va->va_end,
			   (unsigned long long)(va->va_end - va->va_start));
		j_obj(ctx, NULL);
		j_hex(ctx, "addr", va->va_start);
		j_hex(ctx, "end", va->va_end);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	if (n == 0 && vs->vmap_lazy_nr == 0)
		out_printf(ctx, "(no vmalloc areas)\n");
	j_int(ctx, "count", n);
	j_u64(ctx, "bytes", total);
	sb_release(&sb);
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
	"a task's stack, pcpu_get_vm_areas for the first percpu chunk).\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_SIM | CMD_PROCFMT,
	.run = vmallocinfo_run,
};
