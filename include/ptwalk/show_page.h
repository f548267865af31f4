/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Arguments and presentation shared by the page-allocator commands: GFP
 * flags, orders, struct page addresses, and an allocated block.
 */
#ifndef PTWALK_SHOW_PAGE_H
#define PTWALK_SHOW_PAGE_H

#include "cmd.h"
#include "page_alloc.h"

/* "GFP_KERNEL|__GFP_ZERO"; an unknown flag lists the valid ones. */
int arg_gfp(struct ctx *ctx, const char *s, gfp_t *gfp);
/* 0..MAX_ORDER-1; negative or too large orders are explained. */
int arg_order(struct ctx *ctx, const char *s, unsigned *order);
/* The address of a struct page (what alloc_pages and pfn_to_page give). */
int arg_struct_page(struct ctx *ctx, const char *s, const char *what,
		    struct page **page);
/* A struct page address, a pfn, or a direct-map address. */
int arg_page_any(struct ctx *ctx, const char *s, struct page **page);

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
/* The body of get_free_page and get_zeroed_page: [GFP]. */
int page_cmd_get_page(struct ctx *ctx, int argc, char **argv, bool zero);

/*
 * Free a block and show it with the kernel's merge steps (call: the
 * headline, e.g. "__free_pages(0xf7a20000, 2)"); by virtual address:
 * free_pages(addr, order) checks ADDR first.
 */
int free_block_cmd(struct ctx *ctx, struct page *page, unsigned order,
		   const char *call);
int free_by_addr(struct ctx *ctx, const char *arg, unsigned order,
		 const char *name);

#endif
