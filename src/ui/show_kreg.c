// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Presenting allocations in the kernel regions: addresses, frames, the
 * page tables they filled, and the walk on request.
 */
#include <stdio.h>

#include "ptwalk/highmem.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/pgtable.h"
#include "ptwalk/show.h"
#include "ptwalk/show_kreg.h"
#include "ptwalk/show_page.h"

const struct cmd_opt kreg_walk_opts[] = {
	{ "--walk", NULL, NULL, "also walk the page tables for the returned "
	  "address" },
	{ NULL, NULL, NULL, NULL }
};

void
kreg_sample(struct machine *m, struct kreg_before *b)
{
	b->tables = global_node_page_state(m, NR_PAGETABLE);
	b->free = global_free_pages(m);
}

const char *
region_name(const struct machine *m, u64 va)
{
	const struct region *r = machine_region(m, va);

	return r != NULL ? r->name : "none";
}

int
show_frames(struct ctx *ctx, const char *label, struct page *const *pages,
	    unsigned n, int max)
{
	struct machine *m = ctx->m;
	struct strbuf sb;
	unsigned i = 0;
	int runs = 0;

	sb_init(&sb);
	j_arr(ctx, "frames");
	while (i < n) {
		u64 pfn = page_to_pfn(m, pages[i]);
		unsigned k = 1;

		while (i + k < n && page_to_pfn(m, pages[i + k]) == pfn + k)
			k++;
		if (runs < max) {
			if (runs > 0)
				sb_adds(&sb, ", ");
			if (k > 1)
				sb_addf(&sb, "%s-%s (%u)", fpfn(m, pfn),
					fpfn(m, pfn + k - 1), k);
			else
				sb_adds(&sb, fpfn(m, pfn));
		}
		j_obj(ctx, NULL);
		j_hex(ctx, "pfn", pfn);
		j_u64(ctx, "pages", k);
		j_obj_end(ctx);
		runs++;
		i += k;
	}
	j_arr_end(ctx);
	if (runs > max)
		sb_addf(&sb, ", ... %s", plural((u64)(runs - max), "more run",
						       NULL));
	out_printf(ctx, "  %-6s %s in %s of consecutive pfns: %s\n", label,
		   plural(n, "page", NULL), plural((u64)runs, "run", NULL),
		   sb.buf);
	sb_release(&sb);
	return runs;
}

void
show_pte_change(struct ctx *ctx, u64 va, u64 count,
		const struct kreg_before *b)
{
	struct machine *m = ctx->m;
	long nt = global_node_page_state(m, NR_PAGETABLE) - b->tables;
	u64 epa;

	if (pgtable_slot(m, m->swapper_pg_dir, va, LVL_PTE, false, &epa,
			 NULL) == 0)
		out_printf(ctx, "  ptes   %s written in swapper_pg_dir"
			   " from %s (pte of %s)%s",
			   plural(count, "entry", "entries"), fpa(m, epa),
			   fva(m, va), nt ? "" : "\n");
	else
		out_printf(ctx, "  ptes   %s written in swapper_pg_dir%s",
			   plural(count, "entry", "entries"), nt ? "" : "\n");
	if (nt)
		out_printf(ctx, "; %s from the buddy allocator\n",
			   plural((u64)nt, "new page-table page", NULL));
	j_u64(ctx, "ptes", count);
	j_int(ctx, "new_tables", nt);
}

/* The leaves mapping [va, va + size) in init_mm, by size. */
static void
show_leaves(struct ctx *ctx, u64 va, u64 size, const struct kreg_before *b)
{
	struct machine *m = ctx->m;
	u64 a = va, cnt[64] = { 0 }, total = 0;
	long nt = global_node_page_state(m, NR_PAGETABLE) - b->tables;
	struct strbuf sb;
	int s;

	while (a < va + size) {
		struct walk w;

		if (mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, a, &w) !=
		    WF_NONE)
			break;
		cnt[w.shift]++;
		total++;
		a = ALIGN_DOWN(a, 1ULL << w.shift) + (1ULL << w.shift);
	}
	sb_init(&sb);
	for (s = 63; s >= 12; s--)
		if (cnt[s])
			sb_addf(&sb, "%s%llu x %s", sb.len ? ", " : "",
				(unsigned long long)cnt[s], fsize(1ULL << s));
	out_printf(ctx, "  ptes   %s written in swapper_pg_dir (%s)",
		   plural(total, "leaf entry", "leaf entries"), sb.buf);
	if (nt)
		out_printf(ctx, "; %s", plural((u64)nt, "new page-table page",
						NULL));
	out_printf(ctx, "\n");
	j_u64(ctx, "ptes", total);
	j_int(ctx, "new_tables", nt);
	sb_release(&sb);
}

void
show_area(struct ctx *ctx, const struct vm_struct *vm, u64 va,
	  const struct kreg_before *b)
{
	struct machine *m = ctx->m;
	u64 usable = get_vm_area_size(vm);
	u64 pa = 0;

	out_printf(ctx, "  area   %s-%s  %s", fva(m, vm->addr),
		   fva(m, vm->addr + usable - 1), fsize(usable));
	if (!(vm->flags & VM_NO_GUARD))
		out_printf(ctx, " + 4K guard page at %s (unmapped)",
			   fva(m, vm->addr + usable));
	out_printf(ctx, "\n  region %s; vm_struct addr %s size %llu "
		   "(0x%llx) caller %s\n", region_name(m, va),
		   fva(m, vm->addr), (unsigned long long)vm->size,
		   (unsigned long long)vm->size, vm->caller);
	if (vm->nr_pages && vm->pages != NULL) {
		pa = page_to_phys(m, vm->pages[0]) + (va - vm->addr);
		show_frames(ctx, "frames", vm->pages, vm->nr_pages, 6);
		if (vm->pages_area != NULL)
			out_printf(ctx, "  array  pages[] (%s) is itself "
				   "vmalloc'ed at %s (vpages)\n",
				   plural(vm->nr_pages, "pointer", NULL),
				   fva(m, vm->pages_va));
		else if (vm->pages_va != 0 && (vm->flags & VM_ALLOC))
			out_printf(ctx, "  array  pages[] (%s, %u "
				   "bytes) kmalloc'ed at %s\n",
				   plural(vm->nr_pages, "pointer", NULL),
				   vm->nr_pages * (m->arch->is64 ? 8 : 4),
				   fva(m, vm->pages_va));
	} else if (vm->flags & VM_IOREMAP) {
		pa = vm->phys_addr + (va - vm->addr);
		out_printf(ctx, "  phys   %s-%s\n", fpa(m, vm->phys_addr),
			   fpa(m, vm->phys_addr + usable - 1));
	}
	if (vm->flags & VM_IOREMAP)
		show_leaves(ctx, vm->addr, usable, b);
	else
		show_pte_change(ctx, vm->addr, usable >> vm->page_shift, b);
	j_hex(ctx, "va", va);
	j_hex(ctx, "pa", pa);
	j_u64(ctx, "size", usable);
	j_str(ctx, "region", region_name(m, va));
	j_hex(ctx, "area", vm->addr);
	j_u64(ctx, "area_size", vm->size);
	if (!(vm->flags & VM_NO_GUARD))
		j_hex(ctx, "guard", vm->addr + usable);
	j_u64(ctx, "nr_pages", vm->nr_pages);
	j_str(ctx, "caller", vm->caller);
}

void
show_freed(struct ctx *ctx, const struct kreg_before *b)
{
	struct machine *m = ctx->m;
	long d = (long)global_free_pages(m) - (long)b->free;

	if (d > 0)
		out_printf(ctx, "  %s back to the buddy allocator\n",
			   plural((u64)d, "page", NULL));
	j_int(ctx, "freed_pages", d);
}

/* The end of kmap and kmap_atomic: the page's mapping, --walk, the value. */
int
show_kmapped(struct ctx *ctx, u64 va, struct page *page)
{
	struct machine *m = ctx->m;

	out_printf(ctx, "  region %s; pa %s\n", region_name(m, va),
		   fpa(m, page_to_phys(m, page)));
	j_hex(ctx, "va", va);
	j_hex(ctx, "pa", page_to_phys(m, page));
	j_u64(ctx, "size", PAGE_SIZE);
	j_str(ctx, "region", region_name(m, va));
	show_opt_walk(ctx, va);
	cmd_set_value(ctx, va);
	return 0;
}

void
show_opt_walk(struct ctx *ctx, u64 va)
{
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	struct walk w;

	if (!args_has(ctx, "--walk"))
		return;
	machine_walk(m, c, va, &w);
	if (w.fault == WF_NOT_PRESENT && machine_root(m, c, va) !=
	    m->swapper_pg_dir) {
		out_printf(ctx, "  note   cpu%d's pgd (%s) has no entry for "
			   "%s yet: the first kernel access takes a vmalloc "
			   "fault that copies it from swapper_pg_dir; the walk "
			   "in init_mm's tables:\n", c->id,
			   fpa(m, machine_root(m, c, va)), fva(m, va));
		mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, va, &w);
		j_bool(ctx, "vmalloc_fault_pending", true);
	}
	j_obj(ctx, "walk");
	show_walk(ctx, c, &w, true);
	j_obj_end(ctx);
}

const char *
no_highmem_note(const struct machine *m)
{
	static char buf[200];

	if (highmem_configured(m))
		return NULL;
	snprintf(buf, sizeof(buf), "%s has no highmem: every page is in the "
		 "direct map, so this is page_address() and takes no slot",
		 m->arch->name);
	return buf;
}

const char *
fpage(const struct machine *m, const struct page *page)
{
	char *b = fmt_buf();

	snprintf(b, FMT_BUF_LEN, "pfn %s (%s, struct page %s)",
		 fpfn(m, page_to_pfn(m, page)), page_zone(m, page)->name,
		 fva(m, sim_page_va(m, page)));
	return b;
}
