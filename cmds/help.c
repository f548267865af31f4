// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * List the commands, or explain one.
 */
#include <string.h>

#include "ptwalk/gfp.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"

/* What each common mask gets on this machine: its zonelist, in order. */
static void
help_gfp_machine(struct ctx *ctx)
{
	static const gfp_t masks[] = {
		GFP_KERNEL, GFP_ATOMIC, GFP_USER, GFP_HIGHUSER,
		GFP_HIGHUSER_MOVABLE, GFP_DMA32, GFP_DMA,
	};
	struct machine *m = ctx->m;
	const struct page_alloc *pgalloc = page_alloc_of(m);
	int nid = cpu_to_node(m, m->cur);
	size_t i;

	out_printf(ctx, "On this machine (%s, node %d of cpu%d), the zones each "
		   "mask may use, in order:\n", m->arch->name, nid, m->cur);
	j_arr(ctx, "zonelists");
	for (i = 0; i < ARRAY_SIZE(masks); i++) {
		const struct zoneref *zr =
			pgalloc->node_data[nid]->node_zonelists[ZONELIST_FALLBACK]._zonerefs;
		int hz = gfp_zone(m, masks[i]);
		struct strbuf sb;
		char name[64];

		sb_init(&sb);
		for (; zr->zone != NULL; zr++) {
			if (zr->zone_idx > hz)
				continue;
			if (pgalloc->nr_nodes > 1)
				sb_addf(&sb, " %s/%d", zr->zone->name,
					zr->zone->zone_pgdat->node_id);
			else
				sb_addf(&sb, " %s", zr->zone->name);
		}
		gfp_format(masks[i], name, sizeof(name));
		out_printf(ctx, "  %-22s%s\n", name, sb.len ? sb.buf : " (none)");
		j_obj(ctx, NULL);
		j_str(ctx, "gfp", name);
		j_str(ctx, "zones", sb.len ? sb.buf + 1 : "");
		j_obj_end(ctx);
		sb_release(&sb);
	}
	j_arr_end(ctx);
	out_printf(ctx, "\n");
}

static void
help_gfp(struct ctx *ctx)
{
	int i;

	out_printf(ctx, "GFP flags choose the zones an allocation may use and "
		   "how hard it may try.\nCombine them with |, e.g. "
		   "GFP_KERNEL|__GFP_ZERO.  Zones are tried from the highest the\n"
		   "flags allow downwards (HIGHMEM -> NORMAL -> DMA32 -> DMA), "
		   "never upwards, the\ncurrent CPU's node first, then the "
		   "other nodes (__GFP_THISNODE: this node only):\n"
		   "  GFP_KERNEL, GFP_ATOMIC, GFP_USER   NORMAL, then DMA32, DMA\n"
		   "  GFP_HIGHUSER                       HIGHMEM, then NORMAL, DMA\n"
		   "  GFP_DMA32 (64-bit)                 DMA32, then DMA\n"
		   "  GFP_DMA                            DMA only (below 16M)\n"
		   "A zone the kernel lacks counts as NORMAL (GFP_DMA32 on i386, "
		   "__GFP_HIGHMEM on\nx86_64); __GFP_DMA with __GFP_HIGHMEM or "
		   "__GFP_DMA32 is refused (GFP_ZONE_BAD).\n\n"
		   "How hard: the fast path takes a block only while the zone "
		   "stays above its low\nwatermark; then the slow path wakes "
		   "kswapd and retries at min, where __GFP_HIGH\nmay use half of "
		   "min and a GFP_ATOMIC (no __GFP_DIRECT_RECLAIM) another "
		   "quarter;\n__GFP_MEMALLOC ignores the watermarks.  Where "
		   "Linux would then reclaim, compact\nor OOM-kill, ptwalk fails "
		   "with the zone, order and watermark that stopped it:\nnothing "
		   "is reclaimable here (__GFP_NOFAIL, which would retry forever, "
		   "fails too).\n__GFP_NOWARN drops the \"page allocation "
		   "failure\" line from the trace, __GFP_ZERO\nzeroes the frames, "
		   "__GFP_COMP makes a compound page.  Per-CPU page lists are\n"
		   "not modelled: order-0 pages come straight from the buddy "
		   "lists.\n\n");
	if (ctx->m != NULL && page_alloc_of(ctx->m) != NULL)
		help_gfp_machine(ctx);
	j_arr(ctx, "flags");
	for (i = 0; gfp_names[i].name; i++) {
		out_printf(ctx, "  %-22s 0x%06x  %s\n", gfp_names[i].name,
			   gfp_names[i].value, gfp_names[i].what);
		j_obj(ctx, NULL);
		j_str(ctx, "name", gfp_names[i].name);
		j_hex(ctx, "value", gfp_names[i].value);
		j_str(ctx, "what", gfp_names[i].what);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
}

static void
help_one(struct ctx *ctx, const struct cmd *c)
{
	out_printf(ctx, "usage: %s%s%s\n", c->name, c->usage[0] ? " " : "",
		   c->usage);
	if (c->aliases != NULL)
		out_printf(ctx, "aliases: %s\n", c->aliases);
	out_printf(ctx, "\n%s\n", c->summary);
	if (c->help != NULL && c->help[0]) {
		out_printf(ctx, "\n");
		out_text(ctx, c->help);
	}
	if (cmd_opt_next(c, NULL) != NULL) {
		const struct cmd_opt *o;

		out_printf(ctx, "\noptions:\n");
		cmd_for_each_opt(c, o) {
			char left[48];

			snprintf(left, sizeof(left), "%s%s%s", o->name,
				 o->arg ? " " : "", o->arg ? o->arg : "");
			out_printf(ctx, "  %-18s %s\n", left, o->help);
		}
	}
	j_str(ctx, "name", c->name);
	j_str(ctx, "usage", c->usage);
	j_str(ctx, "summary", c->summary);
	j_str(ctx, "family", family_names[c->family]);
	j_str(ctx, "help", c->help ? c->help : "");
}

static void
help_topic(struct ctx *ctx, const struct help_topic *t)
{
	out_printf(ctx, "%s: %s\n\n%s", t->name, t->summary, t->text);
	j_str(ctx, "topic", t->name);
	j_str(ctx, "summary", t->summary);
	j_str(ctx, "help", t->text);
}

static int
help_arg(struct ctx *ctx, const char *name)
{
	const struct help_topic *t = help_topic_find(name);
	const struct cmd *c;
	bool amb;

	if (!strcmp(name, "gfp")) {
		help_gfp(ctx);
		return 0;
	}
	if (t != NULL) {
		help_topic(ctx, t);
		return 0;
	}
	c = cmd_find(name, &amb);
	if (c == NULL && strlen(name) >= 3) {
		/* a unique prefix of a topic: help expr, help out */
		const struct help_topic *p;
		int n = 0;

		for (p = help_topics; p->name != NULL; p++)
			if (!strncmp(p->name, name, strlen(name))) {
				t = p;
				n++;
			}
		if (n == 1) {
			help_topic(ctx, t);
			return 0;
		}
	}
	if (c == NULL)
		return cmd_unknown(ctx, name, amb);
	help_one(ctx, c);
	return 0;
}

static int
help_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	const struct cmd *c;
	int f, i;

	if (args->argc > 0)
		return help_arg(ctx, args->argv[0]);
	out_printf(ctx, "Commands by family ('help CMD' for one, 'help gfp' "
		   "for GFP flags; man ptwalk):\n");
	j_arr(ctx, "commands");
	for (f = 0; f < NR_FAMILIES; f++) {
		bool any = false;

		for (i = 0; cmd_table[i]; i++) {
			c = cmd_table[i];
			if (c->family != (enum cmd_family)f)
				continue;
			if (!any)
				out_printf(ctx, "\n%s:\n", family_names[f]);
			any = true;
			out_printf(ctx, "  %-20s %s\n", c->name, c->summary);
			j_obj(ctx, NULL);
			j_str(ctx, "name", c->name);
			j_str(ctx, "family", family_names[f]);
			j_str(ctx, "summary", c->summary);
			j_obj_end(ctx);
		}
	}
	j_arr_end(ctx);
	out_printf(ctx, "\ntopics ('help TOPIC'):\n");
	j_arr(ctx, "topics");
	for (i = 0; help_topics[i].name; i++) {
		out_printf(ctx, "  %-20s %s\n", help_topics[i].name,
			   help_topics[i].summary);
		j_obj(ctx, NULL);
		j_str(ctx, "topic", help_topics[i].name);
		j_str(ctx, "summary", help_topics[i].summary);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	return 0;
}

const struct cmd cmd_help = {
	.name = "help",
	.family = FAM_SESSION,
	.usage = "[CMD|TOPIC]",
	.summary = "list the commands, or explain one",
	.help =
	"With no argument, lists every command by family with a one-line\n"
	"summary, then the topics.  'help CMD' prints the usage, aliases,\n"
	"full description and options of CMD.  Topics: 'help gfp', the GFP\n"
	"allocation flags; 'help arguments', how a line is split into\n"
	"arguments and quoted; 'help expressions' (or 'help $_'), numbers,\n"
	"operators, symbols, registers and the value history; 'help output',\n"
	"the pager and '| SHELLCMD', '> FILE'.  The man page ptwalk(1) holds\n"
	"the same text; ptwalk-labs(7) has the lab exercises.\n",
	.complete = "cmd",
	.min_args = 0,
	.max_args = 1,
	.flags = CMD_NOMACHINE,
	.run = help_run,
};
