/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Presentation shared by the page-allocator commands: GFP flags, page
 * flags, and an allocated block.
 */
#ifndef PTWALK_SHOW_PAGE_H
#define PTWALK_SHOW_PAGE_H

#include "cmd.h"
#include "page_alloc.h"

/* "GFP_KERNEL|__GFP_ZERO" (a fmt_buf()). */
const char *fgfp(gfp_t gfp);
/* "reserved|head" or "-". */
void page_flag_string(const struct page *p, struct strbuf *sb);

/*
 * The lines under an allocation or a free: pfn range, pa range, size,
 * zone and node, the virtual address (or why there is none); JSON keys
 * page, pfn, pa, size, order, zone, node, va, region.  with_page: also the
 * struct page line (when the headline shows the virtual address).
 */
void show_block(struct ctx *ctx, struct page *page, unsigned order,
		bool with_page);

#endif
