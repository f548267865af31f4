// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What the kernel's page-fault handling records, in words: the CPU's
 * report, the VMA checks, the handlers, the PTEs set, and the user page
 * tables made and freed on the way.
 */
#include <stdio.h>

#include "ptwalk/mm.h"
#include "trace_print.h"

/* a level's name: "pgd", "pmd", ... */
static const char *
lvl_name(const struct machine *m, int lvl)
{
	return m->mmu.lv[lvl].name;
}

/*
 * What a PTE says: the entry's own flag names where the hardware entry is
 * Linux's ("P RW US A D" on x86); where Linux keeps its PTE next to the
 * hardware one, the Linux view and then the hardware entry.
 */
static void
pte_flags(struct strbuf *sb, const struct machine *m,
	  const struct trace_pte *p)
{
	const char *names[24];
	char s[256];
	int k, i;
	size_t o = 0;

	s[0] = 0;
	if (p->val == 0) {
		sb_adds(sb, "none");
		return;
	}
	if (p->linux_pte) {
		o += (size_t)snprintf(s, sizeof(s), "%s%s%s%s%s%s%s",
				      p->present ? "present" : "not present",
				      p->young ? " young" : "",
				      p->dirty ? " dirty" : "",
				      p->write ? " write" : " rdonly",
				      p->user ? " user" : "",
				      p->exec ? " exec" : "",
				      p->special ? " special" : "");
		o += (size_t)snprintf(s + o, sizeof(s) - o, "; hardware %s",
				      fentry(m, LVL_PTE, p->hw));
		if (p->hw == 0) {
			snprintf(s + o, sizeof(s) - o, " (fault)");
		} else if (m->arch->flag_names != NULL) {
			k = m->arch->flag_names(&m->mmu, LVL_PTE, p->hw, names,
						24);
			o += (size_t)snprintf(s + o, sizeof(s) - o, " (");
			for (i = 0; i < k && o + 16 < sizeof(s); i++)
				o += (size_t)snprintf(s + o, sizeof(s) - o,
						      "%s%s", i ? " " : "",
						      names[i]);
			snprintf(s + o, sizeof(s) - o, ")");
		}
		sb_adds(sb, s);
		return;
	}
	if (m->arch->flag_names == NULL)
		return;
	k = m->arch->flag_names(&m->mmu, LVL_PTE, p->val, names, 24);
	for (i = 0; i < k && o + 12 < sizeof(s); i++)
		o += (size_t)snprintf(s + o, sizeof(s) - o, "%s%s",
				      i ? " " : "", names[i]);
	sb_adds(sb, s);
}

/*
 * User page tables
 */

TRACE_PRINTF(pgtable_alloc, "__%s_alloc: new %s table at %s for %s-%s, "
	     "linked from %s[%llu]", lvl_name(m, e->lvl), lvl_name(m, e->lvl),
	     fpa(m, e->table), fva(m, e->start), fva(m, e->end),
	     lvl_name(m, e->parent), ull(e->index))

TRACE_PRINT(free_pgtables)
{
	sb_addf(sb, "free_pgtables: %s table at %s (for %s-%s) freed, "
		"%s[%llu", lvl_name(m, e->lvl), fpa(m, e->table),
		fva(m, e->start), fva(m, e->end), lvl_name(m, e->parent),
		ull(e->first));
	if (e->last > e->first)
		sb_addf(sb, "..%llu", ull(e->last));
	sb_adds(sb, "] cleared");
}

TRACE_PRINTF(pgd_alloc_slab, "pgd_alloc: the %llu-byte pgd is an object of "
	     "the pgd_cache slab at %s", ull(e->size), fva(m, e->va))

TRACE_PRINT(pgd_alloc)
{
	if (e->user_only) {
		sb_addf(sb, "pgd_alloc: pgd at %s, %llu empty entries: ",
			fpa(m, e->pgd), ull(e->first));
		print_reg(sb, m->arch->root_name[0]);
		sb_adds(sb, " maps user space only, the kernel is in ");
		print_reg(sb, m->arch->root_name[1]);
	} else {
		sb_addf(sb, "pgd_alloc: pgd at %s; entries %llu..%llu (the "
			"kernel from %s up) copied from swapper_pg_dir",
			fpa(m, e->pgd), ull(e->first), ull(e->last),
			fva(m, e->kernel_start));
	}
	if (e->user_pgd)
		sb_addf(sb, "; PTI: two pages (order 1), the user pgd at %s "
			"with the kernel entries of swapper_pg_dir's user half",
			fpa(m, e->user_pgd));
}

TRACE_PRINT(pgd_prepopulate_pmd)
{
	sb_addf(sb, "pgd_alloc: %s: %llu user pmds preallocated (%s)",
		WORD(m->arch->words->prealloc_mode), ull(e->pmds),
		WORD(m->arch->words->prealloc_why));
	if (e->own_kernel)
		sb_adds(sb, "; PTI (no SHARED_KERNEL_PMD): the kernel pmd "
			"copied from swapper_pg_dir, and the user pgd's from "
			"its user half; their page tables shared");
	else
		sb_adds(sb, "; the kernel pmd is shared (SHARED_KERNEL_PMD)");
}

TRACE_PRINTF(zap_pte_nopage, "zap_pte_range: pte %s at %s maps pfn %#llx, "
	     "which has no struct page (print_bad_pte: bad page map): "
	     "cleared, nothing to release", fentry(m, LVL_PTE, e->pte),
	     fpa(m, e->epa), ull(e->pfn))

TRACE_PRINTF(zap_page_range, "zap_page_range %s-%s: %s cleared (%llu "
	     "anonymous and %llu file pages released), TLB flushed",
	     fva(m, e->start), fva(m, e->end), plural(e->ptes, "PTE", NULL),
	     ull(e->anon), ull(e->file))

TRACE_PRINTF(change_protection, "change_protection %s-%s: %s rewritten, TLB "
	     "flushed", fva(m, e->start), fva(m, e->end),
	     plural(e->ptes, "PTE", NULL))

/*
 * The CPU's report and the checks before a handler
 */

/* The arch's words of the fault report that apply to code and acc. */
static void
fault_words(struct strbuf *sb, const struct fault_word *w, u64 code,
	    unsigned acc)
{
	bool first = true;
	int said = -1;

	for (; w->word != NULL; w++) {
		if (w->field == said || (acc & w->acc_mask) != w->acc ||
		    (code & w->mask) != w->value)
			continue;
		sb_addf(sb, "%s%s", first ? "" : ", ", w->word);
		first = false;
		said = w->field;
	}
}

/*
 * "KIND: ADDR_REG=VA CODE_REG=CODE (WORDS)", every piece the arch's own
 * (struct arch_words: the fault kinds and words of src/arch/<a>/words.c).
 */
TRACE_PRINT(page_fault)
{
	const struct arch_words *w = m->arch->words;
	const struct fault_kind *k = w->fault_kinds;

	while (k[1].name != NULL && (e->acc & k->acc_mask) != k->acc)
		k++;
	sb_addf(sb, "%s: %s=%s %s=%#llx (", k->name, k->addr_reg,
		fva(m, e->addr), k->code_reg, ull(e->code));
	fault_words(sb, w->fault_words, e->code, e->acc);
	sb_adds(sb, ")");
}

TRACE_PRINTF(pgtable_bad, "pgtable_bad: a reserved bit set in a page-table "
	     "entry: the kernel would oops")

TRACE_PRINTF(no_context, "no_context: a kernel-mode fault the kernel cannot "
	     "fix (no exception table entry): it would oops")

TRACE_PRINT(vmalloc_fault)
{
	if (e->missing) {
		sb_addf(sb, "vmalloc_fault: swapper_pg_dir has no entry for %s "
			"either: no_context, the kernel would oops",
			fva(m, e->addr));
		return;
	}
	sb_addf(sb, "vmalloc_fault: a kernel-mode not-present fault above "
		"TASK_SIZE: the %s entry of %s in this pgd (%s %s) is "
		"missing; swapper_pg_dir has it at %s: copy %s%s",
		lvl_name(m, e->lvl), fva(m, e->addr), m->arch->root_name[0],
		fpa(m, e->root), fpa(m, e->ref_epa),
		fentry(m, LVL_PTE, e->ref), e->pair ?
		" and the other word of the pair (copy_pmd)" : " (set_pmd)");
}

TRACE_PRINTF(fault_no_process, "no user process runs on cpu%d (init_mm has no "
	     "user mappings)", e->cpu)

TRACE_PRINT(find_vma)
{
	if (!e->found) {
		sb_addf(sb, "find_vma(%s): no VMA at or above it",
			fva(m, e->addr));
		return;
	}
	sb_addf(sb, "find_vma(%s) = %s-%s %s%s%s", fva(m, e->addr),
		fva(m, e->start), fva(m, e->end), vm_flags_rwxp(e->flags),
		e->name[0] ? " " : "", e->name);
}

TRACE_PRINTF(expand_stack_refused, "expand_stack refused: %s", e->why)

TRACE_PRINTF(access_ok, "access ok: a %s of a %c%c%c VMA",
	     (e->acc & ACC_EXEC) ? "fetch" : (e->acc & ACC_WRITE) ? "write" :
	     "read", (e->flags & VM_READ) ? 'r' : '-',
	     (e->flags & VM_WRITE) ? 'w' : '-',
	     (e->flags & VM_EXEC) ? 'x' : '-')

TRACE_PRINTF(bad_area, "bad_area: %s: SIGSEGV (si_code %s) to pid %d (%s): it "
	     "is killed", e->why, e->maperr ? "SEGV_MAPERR" : "SEGV_ACCERR",
	     e->pid, e->comm)

TRACE_PRINTF(do_sigbus, "do_sigbus: SIGBUS (BUS_ADRERR) to pid %d (%s)",
	     e->pid, e->comm)

TRACE_PRINTF(fault_done, "%s fault: pid %d min_flt=%llu maj_flt=%llu",
	     e->major ? "major" : "minor", e->pid, ull(e->min_flt),
	     ull(e->maj_flt))

/*
 * The handlers
 */

TRACE_PRINTF(handle_mm_fault_oom, "handle_mm_fault: no page table: %s", e->why)

TRACE_PRINT(handle_pte_fault)
{
	switch (e->how) {
	case PTE_NONE:
		sb_addf(sb, "handle_pte_fault: pte at %s is none",
			fpa(m, e->epa));
		break;
	case PTE_NOT_PRESENT:
		sb_addf(sb, "handle_pte_fault: pte %s is not present and not a "
			"page", fentry(m, LVL_PTE, e->pte.val));
		break;
	case PTE_PRESENT:
		sb_addf(sb, "handle_pte_fault: pte at %s is %s (",
			fpa(m, e->epa), fentry(m, LVL_PTE, e->pte.val));
		pte_flags(sb, m, &e->pte);
		sb_addf(sb, "), pfn %#llx", ull(e->pfn));
		break;
	}
}

TRACE_PRINT(do_anonymous_page)
{
	(void)m;
	if (e->write)
		sb_adds(sb, "do_anonymous_page: a write: a zeroed page of its "
			"own");
	else
		sb_addf(sb, "do_anonymous_page: a read of an untouched "
			"anonymous page: map the shared zero page (pfn %#llx) "
			"read-only, no allocation", ull(e->zero_pfn));
}

TRACE_PRINTF(anon_vma_prepare, "anon_vma_prepare: the VMA gets its anon_vma")

TRACE_PRINT(do_fault)
{
	(void)m;
	switch (e->how) {
	case FAULT_READ:
		sb_addf(sb, "do_read_fault: file page %llu of %s",
			ull(e->pgoff), e->path);
		break;
	case FAULT_COW:
		sb_addf(sb, "do_cow_fault: a write to private file page %llu "
			"of %s: copy it", ull(e->pgoff), e->path);
		break;
	case FAULT_SHARED:
		sb_addf(sb, "do_shared_fault: a write to shared file page %llu "
			"of %s", ull(e->pgoff), e->path);
		break;
	}
}

TRACE_PRINT(filemap_fault)
{
	(void)m;
	switch (e->how) {
	case FILEMAP_BEYOND_EOF:
		sb_addf(sb, "filemap_fault: page %llu is beyond the end of %s "
			"(%llu bytes): SIGBUS", ull(e->pgoff), e->path,
			ull(e->size));
		break;
	case FILEMAP_CACHED:
		sb_addf(sb, "filemap_fault: page %llu of %s is in the page "
			"cache (pfn %#llx): no I/O, a minor fault",
			ull(e->pgoff), e->path, ull(e->pfn));
		break;
	case FILEMAP_READ:
		sb_addf(sb, "filemap_fault: page %llu of %s is not cached: "
			"read %llu bytes from file offset %#llx into pfn %#llx "
			"(add_to_page_cache): a major fault", ull(e->pgoff),
			e->path, ull(e->size), ull(e->offset), ull(e->pfn));
		break;
	}
}

TRACE_PRINT(do_wp_page)
{
	(void)m;
	sb_adds(sb, "do_wp_page: ");
	switch (e->how) {
	case WP_PFN_SHARED:
		sb_addf(sb, "pfn %#llx has no struct page (vm_normal_page is "
			"NULL): wp_pfn_shared makes the PTE writable",
			ull(e->pfn));
		break;
	case WP_SHARED:
		sb_adds(sb, "wp_page_shared: a shared mapping: make the PTE "
			"writable");
		break;
	case WP_REUSE:
		sb_addf(sb, "pfn %#llx is anonymous with one reference: reuse "
			"it, no copy (wp_page_reuse)", ull(e->pfn));
		break;
	case WP_COPY_NOPAGE:
		sb_addf(sb, "pfn %#llx has no struct page and is not RAM: "
			"wp_page_copy cannot read it and gives a zeroed page",
			ull(e->pfn));
		break;
	case WP_COPY_ZERO:
		sb_adds(sb, "a write to the shared zero page: wp_page_copy "
			"allocates a zeroed page");
		break;
	case WP_COPY_ANON:
		sb_addf(sb, "pfn %#llx is shared (page_count %d, mapcount %d): "
			"copy on write (wp_page_copy)", ull(e->pfn), e->count,
			e->mapcount);
		break;
	case WP_COPY_FILE:
		sb_addf(sb, "pfn %#llx is a page cache page of %s: a private "
			"mapping must not write it: copy on write "
			"(wp_page_copy)", ull(e->pfn),
			e->path[0] ? e->path : "a file");
		break;
	}
}

TRACE_PRINTF(copy_user_highpage, "copy_user_highpage: pfn %#llx -> pfn "
	     "%#llx%s", ull(e->from), ull(e->to), e->page_cache ?
	     "; the page cache page stays clean" : "")

TRACE_PRINTF(wp_page_copy_put, "page_remove_rmap + put_page(pfn %#llx): now "
	     "page_count %d, mapcount %d", ull(e->pfn), e->count, e->mapcount)

TRACE_PRINT(fault_alloc_page)
{
	const char *gfp = e->zero ? "GFP_HIGHUSER_MOVABLE|__GFP_ZERO" :
		"GFP_HIGHUSER_MOVABLE";

	if (e->failed)
		sb_addf(sb, "alloc_pages(%s, 0) failed: %s", gfp, e->why);
	else
		sb_addf(sb, "alloc_pages(%s, 0) = pfn %#llx (phys %s)", gfp,
			ull(e->pfn), fpa(m, e->pfn << PAGE_SHIFT));
}

static const char *const set_pte_why[] = {
	[SETPTE_PLAIN] = NULL,
	[SETPTE_ZERO_PAGE] = "the zero page",
	[SETPTE_MKWRITE_MKDIRTY] = "pte_mkwrite(pte_mkdirty())",
	[SETPTE_READ_ONLY] = "read-only: a write will fault",
	[SETPTE_PRIVATE_COPY] = "the private copy, writable and dirty",
	[SETPTE_SHARED_FILE] = "the page cache page itself, writable and "
		"dirty (the file sees the write)",
	[SETPTE_NEW_PAGE] = "ptep_clear_flush + the new page",
};

TRACE_PRINT(set_pte_at)
{
	const char *why = set_pte_why[e->why];

	sb_addf(sb, "set_pte_at: pte at %s: %s -> %s (", fpa(m, e->epa),
		fentry(m, LVL_PTE, e->old), fentry(m, LVL_PTE, e->pte.val));
	pte_flags(sb, m, &e->pte);
	sb_addf(sb, ")%s%s", why ? ": " : "", why ? why : "");
}

TRACE_PRINTF(pte_mkyoung, "handle_pte_fault: present and allowed: "
	     "pte_mkyoung%s (%s has no hardware accessed/dirty bits: Linux "
	     "keeps them by faulting)", e->write ? " + pte_mkdirty" : "",
	     m->arch->name)

TRACE_PRINTF(spurious_fault, "handle_pte_fault: the PTE already allows the "
	     "access: a spurious fault from a stale TLB entry; flush it and "
	     "retry")

TRACE_PRINTF(get_user_pages, "get_user_pages: %s of %s: fault it in",
	     e->write ? "a write" : "a read", fva(m, e->addr))
