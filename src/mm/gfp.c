// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * GFP flag names: parsing "GFP_KERNEL | __GFP_ZERO" and printing flags.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/gfp.h"
#include "ptwalk/util.h"

const struct gfp_name gfp_names[] = {
	/* composites, most specific first (gfp_format relies on this) */
	{ "GFP_HIGHUSER_MOVABLE", GFP_HIGHUSER_MOVABLE,
	  "user pages and page cache: any zone incl. HIGHMEM/MOVABLE, may sleep" },
	{ "GFP_HIGHUSER", GFP_HIGHUSER,
	  "user pages: HIGHMEM first, then NORMAL, DMA; may sleep" },
	{ "GFP_USER", GFP_USER,
	  "user-visible kernel memory: NORMAL or lower, may sleep, cpuset-bound" },
	{ "GFP_KERNEL", GFP_KERNEL,
	  "normal kernel allocation: NORMAL (DMA32) then DMA, may sleep and reclaim" },
	{ "GFP_NOFS", GFP_NOFS, "like GFP_KERNEL without filesystem recursion" },
	{ "GFP_NOIO", GFP_NOIO, "like GFP_KERNEL without starting I/O" },
	{ "GFP_ATOMIC", GFP_ATOMIC,
	  "cannot sleep (interrupts, spinlocks); may dip below the min watermark" },
	{ "GFP_NOWAIT", GFP_NOWAIT, "cannot sleep, no reserves, quiet" },
	{ "GFP_DMA", GFP_DMA, "only ZONE_DMA (below 16M, ISA DMA)" },
	{ "GFP_DMA32", GFP_DMA32, "ZONE_DMA32 or lower (below 4G, 32-bit DMA)" },
	/* single bits */
	{ "__GFP_DMA", __GFP_DMA, "zone modifier: ZONE_DMA" },
	{ "__GFP_HIGHMEM", __GFP_HIGHMEM, "zone modifier: ZONE_HIGHMEM allowed" },
	{ "__GFP_DMA32", __GFP_DMA32, "zone modifier: ZONE_DMA32" },
	{ "__GFP_MOVABLE", __GFP_MOVABLE, "zone modifier: page can be migrated" },
	{ "__GFP_RECLAIMABLE", __GFP_RECLAIMABLE, "reclaimable (slab) page" },
	{ "__GFP_HIGH", __GFP_HIGH, "high priority: may use part of the reserves" },
	{ "__GFP_IO", __GFP_IO, "may start physical I/O" },
	{ "__GFP_FS", __GFP_FS, "may call into the filesystem" },
	{ "__GFP_ZERO", __GFP_ZERO, "return zeroed memory" },
	{ "__GFP_DIRECT_RECLAIM", __GFP_DIRECT_RECLAIM, "may sleep to reclaim" },
	{ "__GFP_KSWAPD_RECLAIM", __GFP_KSWAPD_RECLAIM, "may wake kswapd" },
	{ "__GFP_RECLAIM", __GFP_RECLAIM, "both reclaim bits" },
	{ "__GFP_WRITE", __GFP_WRITE, "page will be dirtied" },
	{ "__GFP_NOWARN", __GFP_NOWARN, "no failure warning" },
	{ "__GFP_RETRY_MAYFAIL", __GFP_RETRY_MAYFAIL, "retry, but may fail" },
	{ "__GFP_NOFAIL", __GFP_NOFAIL, "must not fail (retries forever)" },
	{ "__GFP_NORETRY", __GFP_NORETRY, "fail early rather than retry" },
	{ "__GFP_MEMALLOC", __GFP_MEMALLOC, "may use all reserves" },
	{ "__GFP_COMP", __GFP_COMP, "compound page" },
	{ "__GFP_NOMEMALLOC", __GFP_NOMEMALLOC, "never use reserves" },
	{ "__GFP_HARDWALL", __GFP_HARDWALL, "enforce the cpuset" },
	{ "__GFP_THISNODE", __GFP_THISNODE, "this node only, no fallback" },
	{ "__GFP_ACCOUNT", __GFP_ACCOUNT, "charge to the memory cgroup" },
	{ NULL, 0, NULL }
};

int
gfp_parse(const char *s, gfp_t *out, char *err, size_t n)
{
	gfp_t g = 0;
	const char *p = s;

	while (*p) {
		char word[64];
		size_t l;
		int i;
		bool ok = false;

		while (isspace((unsigned char)*p) || *p == '|')
			p++;
		if (!*p)
			break;
		l = strcspn(p, " \t|");
		if (l >= sizeof(word)) {
			snprintf(err, n, "unknown GFP flag '%.40s...'", p);
			return -1;
		}
		memcpy(word, p, l);
		word[l] = 0;
		p += l;
		for (i = 0; gfp_names[i].name; i++)
			if (!strcmp(gfp_names[i].name, word)) {
				g |= gfp_names[i].value;
				ok = true;
			}
		if (!ok && (word[0] == '0' && (word[1] == 'x' || !word[1]))) {
			char *end;
			unsigned long v = strtoul(word, &end, 0);

			if (!*end && v <= 0xffffffffUL) {
				g |= (gfp_t)v;
				ok = true;
			}
		}
		if (!ok) {
			struct strbuf sb;

			sb_init(&sb);
			for (i = 0; gfp_names[i].name; i++)
				sb_addf(&sb, "%s%s", i ? " " : "",
					gfp_names[i].name);
			snprintf(err, n, "unknown GFP flag '%s'; valid flags: %s",
				 word, sb.buf);
			sb_release(&sb);
			return -1;
		}
	}
	if (p == s) {
		snprintf(err, n, "missing GFP flags (e.g. GFP_KERNEL)");
		return -1;
	}
	*out = g;
	return 0;
}

void
gfp_format(gfp_t g, char *buf, size_t n)
{
	struct strbuf sb;
	gfp_t left = g;
	int i;

	sb_init(&sb);
	for (i = 0; gfp_names[i].name && left; i++) {
		gfp_t v = gfp_names[i].value;

		if (v && (left & v) == v && (g & v) == v) {
			sb_addf(&sb, "%s%s", sb.len ? "|" : "",
				gfp_names[i].name);
			left &= ~v;
		}
	}
	if (left)
		sb_addf(&sb, "%s0x%x", sb.len ? "|" : "", left);
	if (sb.len == 0)
		sb_adds(&sb, "0");
	snprintf(buf, n, "%s", sb.buf);
	sb_release(&sb);
}
