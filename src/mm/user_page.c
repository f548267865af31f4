// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * User pages on the page allocator: anonymous pages and page cache pages,
 * their references (get_page/put_page), mappings (_mapcount: rmap) and
 * what they belong to (page->mapping, page->index).
 */
#include <errno.h>
#include <string.h>

#include "internal.h"
#include "ptwalk/page_alloc.h"

static void
describe_anon(struct machine *m, const struct page *page, struct strbuf *sb)
{
	(void)m;
	sb_addf(sb, "anonymous user page, index %#llx, mapped %d time%s",
		(unsigned long long)page->index, page_mapcount(page),
		page_mapcount(page) == 1 ? "" : "s");
}

static void
describe_cache(struct machine *m, const struct page *page, struct strbuf *sb)
{
	const struct file *f = page->mapping;

	(void)m;
	sb_addf(sb, "page cache of %s, page %llu, mapped %d time%s%s",
		f ? f->path : "?", (unsigned long long)page->index,
		page_mapcount(page), page_mapcount(page) == 1 ? "" : "s",
		PageDirty(page) ? ", dirty" : "");
}

static const struct page_owner_type owner_anon = {
	"user page (anonymous)", describe_anon
};
static const struct page_owner_type owner_cache = {
	"page cache", describe_cache
};

static struct page *
page_of(struct machine *m, u64 pfn)
{
	return pfn_to_page(m, pfn);
}

int
mm_alloc_user_page(struct machine *m, bool zero, const char *owner, u64 *pfn,
		   struct error *e)
{
	bool on = kt_quiet(m);
	struct page *p = alloc_pages(m, GFP_HIGHUSER_MOVABLE |
				     (zero ? __GFP_ZERO : 0), 0, e);

	kt_restore(m, on);
	if (p == NULL)
		return e ? e->code : -ENOMEM;
	*pfn = page_to_pfn(m, p);	/* __GFP_ZERO: prep_new_page zeroed it */
	page_set_owner(p, strcmp(owner, "anon") ? &owner_cache : &owner_anon,
		       NULL);
	return 0;
}

void
mm_get_page(struct machine *m, u64 pfn)
{
	get_page(page_of(m, pfn));
}

void
mm_put_page(struct machine *m, u64 pfn)
{
	struct page *p = page_of(m, pfn);
	bool on;

	if (page_count(p) == 1) {
		if (p->mapping != NULL &&
		    !((unsigned long)p->mapping & PAGE_MAPPING_ANON))
			mod_node_page_state(page_zone(m, p)->zone_pgdat,
					    NR_FILE_PAGES, -1);
		p->mapping = NULL;
		ClearPageDirty(p);
		ClearPageUptodate(p);
	}
	on = kt_quiet(m);
	put_page(m, p, NULL);
	kt_restore(m, on);
}

int
mm_page_count(struct machine *m, u64 pfn)
{
	return page_count(page_of(m, pfn));
}

int
mm_page_mapcount(struct machine *m, u64 pfn)
{
	return page_mapcount(page_of(m, pfn));
}

void
mm_page_add_rmap(struct machine *m, u64 pfn)
{
	struct page *p = page_of(m, pfn);

	if (page_mapcount_inc(p) &&
	    ((unsigned long)p->mapping & PAGE_MAPPING_ANON))
		mod_node_page_state(page_zone(m, p)->zone_pgdat,
				    NR_ANON_MAPPED, 1);
}

void
mm_page_remove_rmap(struct machine *m, u64 pfn)
{
	struct page *p = page_of(m, pfn);

	if (page_mapcount_dec(p) &&
	    ((unsigned long)p->mapping & PAGE_MAPPING_ANON))
		mod_node_page_state(page_zone(m, p)->zone_pgdat,
				    NR_ANON_MAPPED, -1);
}

void
mm_page_set_anon(struct machine *m, u64 pfn, struct anon_vma *av, u64 index)
{
	struct page *p = page_of(m, pfn);

	p->mapping = (void *)((unsigned long)av | PAGE_MAPPING_ANON);
	p->index = index;
	SetPageSwapBacked(p);
	SetPageUptodate(p);
}

void
mm_page_set_file(struct machine *m, u64 pfn, struct file *f, u64 index)
{
	struct page *p = page_of(m, pfn);

	p->mapping = f;
	p->index = index;
	SetPageUptodate(p);
	mod_node_page_state(page_zone(m, p)->zone_pgdat, NR_FILE_PAGES, 1);
}

bool
mm_page_anon(struct machine *m, u64 pfn)
{
	return (unsigned long)page_of(m, pfn)->mapping & PAGE_MAPPING_ANON;
}

bool
mm_page_dirty(struct machine *m, u64 pfn)
{
	return PageDirty(page_of(m, pfn));
}

void
mm_page_set_dirty(struct machine *m, u64 pfn)
{
	SetPageDirty(page_of(m, pfn));
}

int
mm_alloc_pgd_pages(struct machine *m, unsigned order, u64 *pa,
		   struct error *e)
{
	bool on = kt_quiet(m);
	struct page *p = alloc_pages(m, GFP_KERNEL | __GFP_ZERO, order, e);

	kt_restore(m, on);
	if (p == NULL)
		return e ? e->code : -ENOMEM;
	*pa = page_to_phys(m, p);
	page_set_owner(p, &page_owner_pgtable, NULL);
	return 0;
}

void
mm_free_pgd_pages(struct machine *m, u64 pa, unsigned order)
{
	bool on = kt_quiet(m);
	struct page *p = pfn_to_page(m, pa >> PAGE_SHIFT);

	page_set_owner(p, NULL, NULL);
	__free_pages(m, p, order, NULL);
	kt_restore(m, on);
}
