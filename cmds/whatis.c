// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What an address is: its region, the allocator and object that own it,
 * its frame and struct page, the walk (cf. crash's kmem ADDR).
 */
#include "ptwalk/dma.h"
#include "ptwalk/highmem.h"
#include "ptwalk/kstate.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show.h"
#include "ptwalk/show_kstate.h"
#include "ptwalk/show_kreg.h"
#include "ptwalk/show_page.h"
#include "ptwalk/show_pid.h"
#include "ptwalk/vmalloc.h"
#include "ptwalk/whatis.h"

static const struct cmd_opt whatis_opts[] = {
	{ "-p", NULL, NULL, "ADDR is a physical address" },
	{ NULL, NULL, NULL, NULL }
};

/* The frame line: pfn, struct page, zone, what the page allocator says. */
static void
show_frame(struct ctx *ctx, u64 pa)
{
	struct machine *m = ctx->m;
	u64 pfn = pa >> PAGE_SHIFT;
	struct page *page;
	struct strbuf sb;

	if (!pfn_valid(m, pfn)) {
		char hole[160];

		phys_describe_hole(&m->phys, pa, hole, sizeof(hole));
		out_printf(ctx, "  frame  %s is not RAM (%s)\n", fpa(m, pa), hole);
		j_bool(ctx, "ram", false);
		return;
	}
	page = pfn_to_page(m, pfn);
	sb_init(&sb);
	kpage_owner(m, pfn, &sb);
	out_printf(ctx, "  frame  pfn %s, struct page %s, zone %s: %s\n",
		   fpfn(m, pfn), fva(m, sim_page_va(m, page)),
		   page_zone(m, page)->name, sb.buf);
	j_hex(ctx, "pfn", pfn);
	j_hex(ctx, "page", sim_page_va(m, page));
	j_str(ctx, "zone", page_zone(m, page)->name);
	j_str(ctx, "page_owner", sb.buf);
	sb_release(&sb);
}

/* Every kernel virtual address that maps the frame of pa. */
static void
show_mappers(struct ctx *ctx, u64 pa)
{
	struct machine *m = ctx->m;
	struct vmalloc_state *vs = vmalloc_of(m);
	const struct vmap_area *va;
	struct page *page = pfn_to_page(m, pa >> PAGE_SHIFT);
	u64 off = pa & (PAGE_SIZE - 1), v;
	unsigned i;
	int n = 0;

	j_arr(ctx, "mapped_at");
	if (page != NULL && (v = page_address(m, page)) != 0) {
		out_printf(ctx, "  va     %s (%s%s)\n", fva(m, v + off),
			   region_name(m, v),
			   PageHighMem(m, page) ? ": kmap" : ": the direct map");
		j_hex(ctx, NULL, v + off);
		n++;
	}
	for (va = vs->areas; va != NULL; va = va->next) {
		const struct vm_struct *vm = va->vm;

		if (vm == NULL)
			continue;
		if (vm->flags & VM_IOREMAP) {
			if (pa >= vm->phys_addr &&
			    pa < vm->phys_addr + get_vm_area_size(vm)) {
				v = vm->addr + (pa - vm->phys_addr);
				out_printf(ctx, "  va     %s (%s area at %s)\n",
					   fva(m, v), vm_kind_names[vm->kind],
					   fva(m, vm->addr));
				j_hex(ctx, NULL, v);
				n++;
			}
			continue;
		}
		for (i = 0; page != NULL && i < vm->nr_pages; i++)
			if (vm->pages[i] == page) {
				v = vm->addr + (u64)i * PAGE_SIZE + off;
				out_printf(ctx, "  va     %s (%s area at %s, page "
					   "%u)\n", fva(m, v),
					   vm_kind_names[vm->kind],
					   fva(m, vm->addr), i);
				j_hex(ctx, NULL, v);
				n++;
			}
	}
	if (page != NULL) {
		bool alias;
		const struct dma_buf *b = dma_buf_at(m, page_address(m, page),
						     &alias);

		if (b != NULL && b->how == DMA_CONSISTENT) {
			v = b->cpu_addr + (pa - b->dma_handle);
			out_printf(ctx, "  va     %s (DMA consistent mapping)\n",
				   fva(m, v));
			j_hex(ctx, NULL, v);
			n++;
		}
	}
	j_arr_end(ctx);
	if (n == 0)
		out_printf(ctx, "  va     no kernel mapping known to ptwalk's "
			   "allocators%s\n", page != NULL && PageHighMem(m, page)
			   ? " (a highmem page: kmap it)" : "");
}

static int
whatis_virt(struct ctx *ctx, u64 addr)
{
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	const struct region *r = machine_region(m, addr);
	struct strbuf sb;
	struct walk w;
	bool kernel = addr >= m->lay.task_size;

	out_printf(ctx, "%s:\n", fva(m, addr));
	if (r != NULL) {
		out_printf(ctx, "  region %s (%s-%s): %s\n", r->name,
			   fva(m, r->start), fva(m, r->end - 1), r->what);
		j_str(ctx, "region", r->name);
	}
	sb_init(&sb);
	if (kaddr_owner(m, addr, &sb) > 0) {
		out_printf(ctx, "  owner  %s\n", sb.buf);
		j_str(ctx, "owner", sb.buf);
	} else if (!kernel) {
		out_printf(ctx, "  owner  user space of the running process "
			   "('maps' lists its VMAs)\n");
		j_str(ctx, "owner", "user");
	} else {
		out_printf(ctx, "  owner  no allocator ptwalk models owns it\n");
		j_null(ctx, "owner");
	}
	sb_release(&sb);
	/* the kernel's own tables for kernel addresses (vmalloc faults) */
	if (kernel)
		mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, addr, &w);
	else
		machine_walk(m, c, addr, &w);
	j_hex(ctx, "va", addr);
	if (w.fault != WF_NONE) {
		char buf[200];

		machine_fault_reason(m, &w, 0, buf, sizeof(buf));
		out_printf(ctx, "  walk   %s (%s)\n", buf,
			   kernel ? "init_mm" : "the running process");
		j_str(ctx, "fault", buf);
		return 0;
	}
	out_printf(ctx, "  walk   pa %s, %s page (%s)\n", fpa(m, w.pa),
		   fsize(1ULL << w.shift), kernel ? "init_mm" :
		   "the running process");
	j_hex(ctx, "pa", w.pa);
	show_frame(ctx, w.pa);
	cmd_set_value(ctx, w.pa);
	return 0;
}

static int
whatis_phys(struct ctx *ctx, u64 pa)
{
	struct machine *m = ctx->m;

	out_printf(ctx, "physical %s:\n", fpa(m, pa));
	j_hex(ctx, "pa", pa);
	show_frame(ctx, pa);
	show_mappers(ctx, pa);
	return 0;
}

static int
whatis_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	u64 addr;

	if (arg_u64(ctx, args->argv[0], "ADDR", &addr))
		return -1;
	if (args_has(ctx, "-p"))
		return whatis_phys(ctx, addr);
	if (machine_check_va(ctx->m, addr, NULL)) {
		struct error e;

		machine_check_va(ctx->m, addr, &e);
		return cmd_error(ctx, "%s (for a physical address: whatis -p)",
				 e.msg);
	}
	return whatis_virt(ctx, addr);
}

/* The lines of an image's whatis, and their notes */
static void
show_kwhatis(struct ctx *ctx, struct kwhatis *w)
{
	int i;

	for (i = 0; i < w->n; i++) {
		out_printf(ctx, "  %-6s %s\n", w->l[i].key, w->l[i].text);
		j_str(ctx, w->l[i].key, w->l[i].text);
	}
	w->n = 0;
}

/*
 * On an image: the region of the layout, the owner from the real
 * kernel's structures, the walk on the current CPU (the switched-to
 * task's root for user addresses), the frame's struct page.
 */
static int
whatis_image(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	const struct region *r;
	struct kwhatis kw;
	struct walk w;
	u64 addr;

	if (arg_u64(ctx, args->argv[0], "ADDR", &addr))
		return -1;
	memset(&kw, 0, sizeof(kw));
	if (args_has(ctx, "-p")) {
		if (!phys_is_ram(&m->phys, addr))
			return cmd_error(ctx, "%s is not in the dump's RAM",
					 fpa(m, addr));
		out_printf(ctx, "physical %s:\n", fpa(m, addr));
		j_hex(ctx, "pa", addr);
		kwhatis_frame(m, addr >> PAGE_SHIFT, &kw);
		show_kwhatis(ctx, &kw);
		show_knotes(ctx, &kw.notes);
		kwhatis_release(&kw);
		cmd_set_value(ctx, addr);
		return 0;
	}
	if (machine_check_va(m, addr, NULL)) {
		struct error e;

		machine_check_va(m, addr, &e);
		return cmd_error(ctx, "%s (for a physical address: whatis -p)",
				 e.msg);
	}
	out_printf(ctx, "%s:\n", fva(m, addr));
	j_hex(ctx, "va", addr);
	if ((r = machine_region(m, addr)) != NULL) {
		out_printf(ctx, "  region %s (%s-%s): %s\n", r->name,
			   fva(m, r->start), fva(m, r->end - 1), r->what);
		j_str(ctx, "region", r->name);
	}
	kwhatis_owner(m, addr, c->pid, &kw);
	show_kwhatis(ctx, &kw);
	machine_walk(m, c, addr, &w);
	if (w.fault != WF_NONE) {
		char buf[200];

		machine_fault_reason(m, &w, 0, buf, sizeof(buf));
		out_printf(ctx, "  walk   %s\n", buf);
		j_str(ctx, "fault", buf);
	} else {
		out_printf(ctx, "  walk   pa %s, %s page\n", fpa(m, w.pa),
			   fsize(1ULL << w.shift));
		j_hex(ctx, "pa", w.pa);
		if (phys_is_ram(&m->phys, w.pa))
			kwhatis_frame(m, w.pa >> PAGE_SHIFT, &kw);
		show_kwhatis(ctx, &kw);
		cmd_set_value(ctx, w.pa);
	}
	show_knotes(ctx, &kw.notes);
	kwhatis_release(&kw);
	return 0;
}

const struct cmd cmd_whatis = {
	.name = "whatis",
	.aliases = "kmem",
	.family = FAM_REGIONS,
	.usage = "[-p] ADDR",
	.summary = "what an address is: region, owner (allocator and object), frame, walk",
	.help =
	"Classifies a virtual address (or with -p a physical one) the way\n"
	"crash's 'kmem ADDR' does.  For a virtual address: its region; the\n"
	"allocator and object that own it: a slab object (cache, index,\n"
	"allocated or free), a vmalloc, ioremap, module or DMA area (its\n"
	"vm_struct and caller, or its guard page, or a freed area waiting for\n"
	"the purge), a pkmap slot and its pkmap_count, a fixmap slot (a\n"
	"kmap_atomic slot and its CPU), a coherent DMA buffer (or its lowmem\n"
	"alias), a page of the direct map (free in a buddy block of some\n"
	"order, allocated and by whom, a page table, reserved at boot); then\n"
	"the walk (kernel addresses in init_mm's tables) and the frame: pfn,\n"
	"struct page, zone and owner.  For a physical address: the frame and\n"
	"every kernel virtual address that maps it (direct map, kmap, vmalloc\n"
	"and module areas, ioremap, the DMA consistent mapping).  The value\n"
	"($_) is the physical address.\n"
	"\n"
	"On a memory image the owner comes from the real kernel's\n"
	"structures: a kernel image symbol (or a module's), a vmalloc area\n"
	"of vmap_area_list with its caller (or its guard page), named as a\n"
	"task's kernel stack when a task_struct.stack is it, and through the\n"
	"frame's struct page a slab object (its cache, index and offset;\n"
	"free when the slab's freelist, or for a CPU slab its CPU's lockless\n"
	"freelist, holds it, the hardened free pointers decoded with the\n"
	"cache's random; an address outside the object's own bytes is placed\n"
	"as mm/slub.c lays a slot out, slub_debug included: the left or\n"
	"right red zone, the free pointer, the alloc or free track, the\n"
	"original kmalloc size, the padding), a free buddy block, a page\n"
	"table (page_type PG_table), an anonymous or page-cache page; a user\n"
	"address is placed in a VMA of the task chosen with switch.  The\n"
	"frame line is the struct page's flags and use.  Without the\n"
	"kernel's types (no BTF) slab caches and tasks are not named; a list\n"
	"that cannot be followed is named in a warning.  With -p: the frame\n"
	"only.\n"
	"\n"
	"On a live process (--pid, attach), the VMA, the kind of page and\n"
	"its frame from pagemap, kpageflags and kpagecount; with -p, the\n"
	"frame as page shows it.\n",
	.complete = "addr",
	.opts = whatis_opts,
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM,
	.value = VALUE_PA,
	.run = whatis_run,
	.run_pid = pid_whatis,
	.run_image = whatis_image,
};
