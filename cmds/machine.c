// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Describe the machine: arch, paging mode, RAM, zones, CPUs.
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/boot_record.h"
#include "ptwalk/image.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"

static void
zone_line(struct ctx *ctx, const struct page_alloc *pgalloc,
	  const struct zone *z)
{
	const struct machine *m = ctx->m;
	u64 start = z->zone_start_pfn << PAGE_SHIFT;
	u64 end = zone_end_pfn(z) << PAGE_SHIFT;

	if (pgalloc->nr_nodes > 1)
		out_printf(ctx, "  node %d ", z->zone_pgdat->node_id);
	out_printf(ctx, "  %-8s %s-%s  %6s  managed %lu of %lu pages\n",
		   z->name, fpa(m, start), fpa(m, end - 1), fsize(end - start),
		   z->managed_pages, z->present_pages);
	j_obj(ctx, NULL);
	j_int(ctx, "node", z->zone_pgdat->node_id);
	j_str(ctx, "name", z->name);
	j_hex(ctx, "start", start);
	j_hex(ctx, "end", end);
	j_u64(ctx, "present", z->present_pages);
	j_u64(ctx, "managed", z->managed_pages);
	j_obj_end(ctx);
}

/* Nodes, zones and where mem_map lives, from the page allocator. */
static void
show_zones(struct ctx *ctx)
{
	const struct machine *m = ctx->m;
	const struct page_alloc *pgalloc = page_alloc_of(m);
	int nid, t;

	if (pgalloc->vmemmap)
		out_printf(ctx, "mem_map    SPARSEMEM_VMEMMAP: vmemmap %s, "
			   "%u-byte struct pages in %s of RAM\n",
			   fva(m, pgalloc->memmap_va - pgalloc->start_pfn *
			       pgalloc->struct_page_size),
			   pgalloc->struct_page_size,
			   fsize(pgalloc->memmap_frames << PAGE_SHIFT));
	else
		out_printf(ctx, "mem_map    FLATMEM: mem_map %s, %u-byte struct "
			   "pages in %s of lowmem\n",
			   fva(m, pgalloc->memmap_va),
			   pgalloc->struct_page_size,
			   fsize(pgalloc->memmap_frames << PAGE_SHIFT));
	j_hex(ctx, "mem_map", pgalloc->memmap_va);
	j_str(ctx, "memory_model", pgalloc->vmemmap ? "SPARSEMEM_VMEMMAP" :
	      "FLATMEM");
	j_int(ctx, "struct_page_size", pgalloc->struct_page_size);
	j_int(ctx, "nodes", pgalloc->nr_nodes);
	out_printf(ctx, "nodes      %d (pglist_data), zones:\n",
		   pgalloc->nr_nodes);
	j_arr(ctx, "zones");
	for (nid = 0; nid < pgalloc->nr_nodes; nid++)
		for (t = 0; t < MAX_NR_ZONES; t++) {
			const struct zone *z = &pgalloc->node_data[nid]->node_zones[t];

			if (zone_configured(pgalloc, t) && populated_zone(z))
				zone_line(ctx, pgalloc, z);
		}
	j_arr_end(ctx);
}

/* A memory image: the file, what it says, its physical ranges. */
static void
show_image(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	const struct layout *L = &m->lay;
	const struct image_info *ii = m->img;
	u64 low_end = L->phys_offset + L->lowmem_end;
	size_t l;
	const char *rel = vmcoreinfo_str(ii, "OSRELEASE", &l);
	int i;

	out_printf(ctx, "image      %s: %s", m->image_path, ii->kind);
	if (ii->file_size)	/* a live guest over its gdbstub has no file */
		out_printf(ctx, ", %llu bytes", (unsigned long long)ii->file_size);
	out_printf(ctx, "\n");
	j_str(ctx, "image", m->image_path);
	j_str(ctx, "format", ii->kind);
	if (ii->format == IMG_KDUMP || ii->format == IMG_AVML) {
		u64 filled, dropped, cache;

		phys_lazy_stats(&m->phys, &filled, &dropped, &cache);
		out_printf(ctx, "pages      %llu in the file, %llu excluded; "
			   "%s%s%s", (unsigned long long)ii->pages_present,
			   (unsigned long long)ii->pages_excluded,
			   ii->compression[0] ? ii->compression : "stored",
			   ii->compression[0] ? "-compressed" : "", "");
		if (ii->dump_level >= 0 && ii->format == IMG_KDUMP)
			out_printf(ctx, ", dump level %d", ii->dump_level);
		out_printf(ctx, "; %llu read, cache of %s\n",
			   (unsigned long long)filled,
			   fsize(cache << PAGE_SHIFT));
		j_str(ctx, "compression", ii->compression);
		j_int(ctx, "dump_level", ii->dump_level);
		j_u64(ctx, "pages_present", ii->pages_present);
		j_u64(ctx, "pages_excluded", ii->pages_excluded);
	}
	if (rel != NULL) {
		char *r = xasprintf("%.*s", (int)l, rel);

		out_printf(ctx, "kernel     %s (VMCOREINFO)\n", r);
		j_str(ctx, "osrelease", r);
		free(r);
	}
	if (ii->vmci_from[0]) {
		out_printf(ctx, "vmcoreinfo %s\n", ii->vmci_from);
		j_str(ctx, "vmcoreinfo_from", ii->vmci_from);
	}
	out_printf(ctx, "roots      from %s\n", ii->root_from);
	j_str(ctx, "roots_from", ii->root_from);
	out_printf(ctx, "direct map %s\n", ii->direct_from[0] ?
		   ii->direct_from : "not known");
	j_str(ctx, "direct_map_from", ii->direct_from);
	out_printf(ctx, "memory     %s in %s (%d PT_LOAD used)\n",
		   fsize(m->phys.total),
		   plural((u64)m->phys.nr, "range", NULL), ii->nload);
	j_u64(ctx, "memory", m->phys.total);
	j_arr(ctx, "ranges");
	for (i = 0; i < m->phys.nr; i++) {
		const struct phys_range *r = &m->phys.r[i];

		if (i < 16 || i == m->phys.nr - 1)
			out_printf(ctx, "  %s-%s  %8s%s\n", fpa(m, r->start),
				   fpa(m, r->start + r->size - 1),
				   fsize(r->size), (r->flags & PHYS_ZERO) ?
				   "  zero-filled (not in the file)" : "");
		else if (i == 16)
			out_printf(ctx, "  ... %d more ranges\n",
				   m->phys.nr - 17);
		j_obj(ctx, NULL);
		j_hex(ctx, "start", r->start);
		j_hex(ctx, "end", r->start + r->size);
		j_bool(ctx, "zero", (r->flags & PHYS_ZERO) != 0);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	if (L->high_memory && L->lowmem_end) {
		out_printf(ctx, "lowmem     %s at %s-%s, mapped at %s-%s\n",
			   fsize(L->lowmem_end), fpa(m, L->phys_offset),
			   fpa(m, low_end - 1), fva(m, L->page_offset),
			   fva(m, L->high_memory - 1));
		j_u64(ctx, "lowmem", L->lowmem_end);
	}
}

/* --boot: the boot record replayed, or why the machine is clean. */
static void
show_boot(struct ctx *ctx)
{
	const struct boot_state *bs = boot_state_of(ctx->m);
	const struct boot_record *r;

	if (bs == NULL)
		return;
	r = &bs->rec;
	j_str(ctx, "boot", bs->mode == BOOT_BOOTED ? "booted" : "clean");
	if (bs->mode != BOOT_BOOTED) {
		if (bs->why_clean != NULL)
			out_printf(ctx, "boot       clean: %s\n", bs->why_clean);
		else
			out_printf(ctx, "boot       clean (--boot clean): nothing "
				   "allocated since boot\n");
		return;
	}
	out_printf(ctx, "boot       booted: the allocations of the %s guest "
		   "at boot (Linux %s, %s; data/boot/%s.boot)", r->name,
		   r->kernel, fsize(r->mem), r->name);
	if (bs->scale_num != bs->scale_den)
		out_printf(ctx, ", scaled to %llu%% (the RAM's ratio)",
			   (unsigned long long)(bs->scale_num * 100 /
						bs->scale_den));
	out_printf(ctx, ": %u vmalloc-space areas, %u slab caches (%u "
		   "created) with %lu objects, %lu pages, the free lists of "
		   "%u zone%s\n", bs->areas_done, bs->caches,
		   bs->caches_created, bs->objects, bs->pages, bs->zones,
		   bs->zones == 1 ? "" : "s");
	if (bs->nskips)
		out_printf(ctx, "           %u line%s did not fit this machine "
			   "(the first, line %d: %s)\n", bs->nskips,
			   bs->nskips == 1 ? "" : "s", bs->skip_line,
			   bs->skip_why);
	j_str(ctx, "boot_record", r->name);
	j_u64(ctx, "boot_areas", bs->areas_done);
	j_u64(ctx, "boot_objects", bs->objects);
	j_u64(ctx, "boot_pages", bs->pages);
	j_u64(ctx, "boot_skipped", bs->nskips);
}

/* A simulated machine: its kernel, RAM, direct map, highmem and zones. */
static void
show_simulated(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	const struct layout *L = &m->lay;
	const struct kernel_profile *kp = m->profile;
	u64 ram_end = m->ram_start + m->ram_size;
	u64 low_end = L->phys_offset + L->lowmem_end;

	out_printf(ctx, "kernel     %s (--kernel %s)\n", kp->model, kp->name);
	j_str(ctx, "kernel", kp->name);
	j_str(ctx, "release", kp->release);
	j_str(ctx, "model", kp->model);
	out_printf(ctx, "RAM        %s at %s-%s (%llu frames of 4K)\n",
		   fsize(m->ram_size), fpa(m, m->ram_start),
		   fpa(m, ram_end - 1),
		   (unsigned long long)(m->ram_size >> PAGE_SHIFT));
	j_hex(ctx, "ram_start", m->ram_start);
	j_u64(ctx, "ram_size", m->ram_size);
	if (m->arch->is64) {
		out_printf(ctx, "direct map all RAM, mapped at %s-%s\n",
			   fva(m, L->page_offset), fva(m, L->high_memory - 1));
		j_hex(ctx, "page_offset", L->page_offset);
	} else {
		out_printf(ctx, "lowmem     %s at %s-%s, mapped at %s-%s\n",
			   fsize(L->lowmem_end), fpa(m, L->phys_offset),
			   fpa(m, low_end - 1), fva(m, L->page_offset),
			   fva(m, L->high_memory - 1));
		j_u64(ctx, "lowmem", L->lowmem_end);
		if (ram_end > low_end) {
			out_printf(ctx, "highmem    %s at %s-%s (no permanent "
				   "kernel mapping)\n", fsize(ram_end - low_end),
				   fpa(m, low_end), fpa(m, ram_end - 1));
			j_u64(ctx, "highmem", ram_end - low_end);
		}
	}
	if (m->kern == NULL)	/* a kernel other than Linux: no zones */
		return;
	show_zones(ctx);
	show_boot(ctx);
}

/*
 * Kernel page-table isolation: on or off and why; with it, the two pgds
 * the current CPU switches between, and the user PCID.
 */
static void
show_pti(struct ctx *ctx, struct cpu *c)
{
	struct machine *m = ctx->m;

	if (m->image || m->pti_why == NULL)
		return;
	out_printf(ctx, "PTI        %s\n", m->pti_why);
	j_bool(ctx, "pti", m->user_pgd_offset != 0);
	j_str(ctx, "pti_why", m->pti_why);
	if (!m->user_pgd_offset || !c->root_valid[0])
		return;
	out_printf(ctx, "           kernel pgd %s, user pgd %s (CR3 + %s on "
		   "return to user mode, back on entry)", fpa(m, c->root[0]),
		   fpa(m, c->root[0] + m->user_pgd_offset),
		   fsize(m->user_pgd_offset));
	if (m->user_tag_bit)
		out_printf(ctx, "; user PCID = kernel PCID | 0x%x",
			   m->user_tag_bit);
	out_printf(ctx, "\n");
	j_hex(ctx, "user_pgd", c->root[0] + m->user_pgd_offset);
}

/* The CPUs and the page-table roots loaded on the current one. */
static void
show_roots(struct ctx *ctx, struct cpu *c)
{
	struct machine *m = ctx->m;
	const struct layout *L = &m->lay;
	int i;

	out_printf(ctx, "CPUs       %d (current cpu%d)%s\n", m->ncpus, m->cur,
		   L->nr_cpus ? "" : "");
	j_int(ctx, "cpus", m->ncpus);
	j_int(ctx, "cpu", m->cur);
	for (i = 0; i < 2; i++) {
		if (m->arch->root_name[i] == NULL || !c->root_valid[i])
			continue;
		struct task_struct *t = m->image ? NULL : cpu_task(m, c);
		char who[64] = "";

		if (t != NULL && t->mm != NULL && c->root[i] == t->mm->pgd)
			snprintf(who, sizeof(who), " (the pgd of pid %d, %s)",
				 t->pid, t->comm);
		out_printf(ctx, "%-10s %s%s%s\n", m->arch->root_name[i],
			   fpa(m, c->root[i]), m->image ? "" :
			   c->root[i] == m->swapper_pg_dir ? " (swapper_pg_dir)" :
			   c->root[i] == m->reserved_pg_dir ?
			   " (reserved_pg_dir: empty, user addresses fault)" :
			   "", who);
		j_hex(ctx, m->arch->root_name[i], c->root[i]);
	}
}

/*
 * The arch's control registers as the kernel set them (rn: their names,
 * an image's own where its notes gave them), and what their fields say.
 */
static void
show_registers(struct ctx *ctx, struct cpu *c, const char *const *rn)
{
	struct machine *m = ctx->m;
	struct strbuf sb;
	int i;

	if (rn[0] == NULL)
		return;
	sb_init(&sb);
	j_obj(ctx, "regs");
	for (i = 0; i < 8; i++) {
		if (rn[i] == NULL)
			continue;
		sb_addf(&sb, "%s%s=0x%08llx", sb.len ? " " : "", rn[i],
			(unsigned long long)c->regs[i]);
		j_hex(ctx, rn[i], c->regs[i]);
	}
	j_obj_end(ctx);
	out_printf(ctx, "%-10s %s\n", "registers", sb.buf);
	sb_reset(&sb);
	/* what their fields say, where the arch explains them */
	for (i = 0; i < 8 && m->arch->reg_note != NULL &&
	     rn == m->arch->reg_names; i++) {
		if (rn[i] == NULL)
			continue;
		m->arch->reg_note(&m->mmu, i, c->regs[i], &sb);
		if (sb.len)
			out_printf(ctx, "%-10s %s: %s\n", "", rn[i], sb.buf);
		sb_reset(&sb);
	}
	sb_release(&sb);
}

static int
machine_run(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	/* an image's arch may name the registers its notes gave */
	const char *const *rn = m->img != NULL && m->img->reg_names[0] ?
		m->img->reg_names : m->arch->reg_names;
	struct strbuf sb;
	int i;

	sb_init(&sb);
	m->arch->describe(&m->mmu, &sb);
	out_printf(ctx, "arch       %s: %s\n", m->arch->name, sb.buf);
	j_str(ctx, "arch", m->arch->name);
	j_str(ctx, "paging", sb.buf);
	if (m->image)
		show_image(ctx);
	else
		show_simulated(ctx);
	show_roots(ctx, c);
	show_registers(ctx, c, rn);
	sb_reset(&sb);
	for (i = 0; feature_names[i].name; i++)
		if (m->mmu.features & feature_names[i].bit &
		    (m->arch->features | m->arch->features_ok))
			sb_addf(&sb, "%s%s", sb.len ? " " : "",
				feature_names[i].name);
	out_printf(ctx, "features   %s\n", sb.len ? sb.buf : "-");
	j_str(ctx, "features", sb.buf);
	show_pti(ctx, c);
	out_printf(ctx, "TLB        %u entries, %u ways per CPU (%s)\n",
		   c->tlb.sets * c->tlb.ways, c->tlb.ways,
		   m->tlb_on ? "on" : "off");
	j_int(ctx, "tlb_entries", c->tlb.sets * c->tlb.ways);
	j_int(ctx, "tlb_ways", c->tlb.ways);
	j_bool(ctx, "tlb_on", m->tlb_on);
	sb_release(&sb);
	return 0;
}

const struct cmd cmd_machine = {
	.name = "machine",
	.family = FAM_SESSION,
	.usage = "",
	.summary = "describe the machine: arch, paging, RAM, zones, CPUs",
	.help =
	"Shows the architecture and paging mode, which kernel's layout is\n"
	"modelled, the RAM and its split into lowmem (direct-mapped) and\n"
	"highmem, where the struct pages live (FLATMEM mem_map or vmemmap),\n"
	"the nodes and their populated zones with the pages boot gave to the\n"
	"buddy allocator (managed), the CPUs and the page-table root of\n"
	"the current one (x86 CR3, arm TTBR), the arch's MMU control\n"
	"registers as the kernel set them (arm: TTBCR, DACR, CONTEXTIDR and\n"
	"the TEX-remap PRRR/NMRR), the CPU features in effect and the TLB\n"
	"geometry.\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.run = machine_run,
};
