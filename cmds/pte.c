// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Decode a page-table entry: the one that maps VADDR, or a typed value.
 */
#include <string.h>

#include "ptwalk/out.h"
#include "ptwalk/show.h"

static void
show_fields(struct ctx *ctx, const struct bitfield *f, u64 e,
	    const char *key)
{
	out_printf(ctx, "  %-7s %-8s %-12s %s\n", "bits", "field", "value",
		   "meaning");
	j_arr(ctx, key);
	for (; f != NULL && f->name != NULL; f++) {
		u64 v = (e >> f->lo) & ((f->hi - f->lo == 63) ? ~0ULL :
					((1ULL << (f->hi - f->lo + 1)) - 1));
		char bits[16], val[24];
		const char *meaning;

		if (f->hi == f->lo)
			snprintf(bits, sizeof(bits), "%u", f->lo);
		else
			snprintf(bits, sizeof(bits), "%u:%u", f->hi, f->lo);
		if (f->hi == f->lo)
			snprintf(val, sizeof(val), "%llu", (unsigned long long)v);
		else
			snprintf(val, sizeof(val), "0x%llx", (unsigned long long)v);
		if (f->clear == NULL || f->hi != f->lo)
			meaning = f->meaning;
		else
			meaning = v ? f->meaning : f->clear;
		out_printf(ctx, "  %-7s %-8s %-12s %s\n", bits, f->name, val,
			   meaning);
		j_obj(ctx, NULL);
		j_str(ctx, "bits", bits);
		j_str(ctx, "name", f->name);
		j_hex(ctx, "value", v);
		j_str(ctx, "meaning", meaning);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
}

static int
find_level(const struct machine *m, const char *name)
{
	int i;

	for (i = 0; i < NR_LEVELS; i++)
		if (!strcmp(m->mmu.lv[i].name, name) ||
		    (m->mmu.lv[i].hw && !strcasecmp(m->mmu.lv[i].hw, name)))
			return i;
	return -1;
}

/* VALUE as Linux's own copy of an entry (arm: the Linux PTE). */
static int
pte_raw_linux(struct ctx *ctx, int lvl, u64 e)
{
	const struct machine *m = ctx->m;
	struct pte_decode d;
	char perm[64], attr[128];

	m->arch->sw_decode(&m->mmu, lvl, e, &d);
	perm_string(d.perm, perm, sizeof(perm));
	attr_string(d.attr, attr, sizeof(attr));
	out_printf(ctx, "linux %s %s (%s): ", m->mmu.lv[lvl].name,
		   fentry(m, lvl, e), m->arch->name);
	if (d.kind == PT_LEAF && (d.attr & P_PROTNONE))
		out_printf(ctx, "PROT_NONE page %s: no access\n",
			   fpa(m, d.addr));
	else if (d.kind == PT_LEAF)
		out_printf(ctx, "page %s, %s%s%s\n", fpa(m, d.addr), perm,
			   attr[0] ? "; " : "", attr);
	else if (d.kind == PT_TABLE)
		out_printf(ctx, "points to the next table at %s\n",
			   fpa(m, d.addr));
	else
		out_printf(ctx, "not present\n");
	j_str(ctx, "level", m->mmu.lv[lvl].name);
	j_hex(ctx, "entry", e);
	j_str(ctx, "view", "linux");
	j_str(ctx, "kind", d.kind == PT_TABLE ? "table" : d.kind == PT_LEAF ?
	      "page" : d.kind == PT_NONE ? "none" : "bad");
	if (d.kind == PT_TABLE || d.kind == PT_LEAF)
		j_hex(ctx, "addr", d.addr);
	show_fields(ctx, m->arch->sw_fields(&m->mmu, lvl, e), e, "fields");
	return 0;
}

static int
pte_raw(struct ctx *ctx, const char *value)
{
	const struct machine *m = ctx->m;
	const char *ln = args_get(ctx, "--level");
	bool linux_view = args_has(ctx, "--linux");
	int lvl = LVL_PTE;
	struct pte_decode d;
	char flags[200];
	u64 e;

	if (arg_u64(ctx, value, "VALUE", &e))
		return -1;
	if (ln != NULL) {
		lvl = find_level(m, ln);
		if (lvl < 0)
			return cmd_error(ctx, "--level '%s': levels are pgd, p4d, "
					 "pud, pmd, pte", ln);
		if (m->mmu.lv[lvl].folded)
			return cmd_error(ctx, "--level %s: the %s is folded on "
					 "%s: it has no entries of its own", ln,
					 ln, m->arch->name);
	}
	if (m->mmu.lv[lvl].esize == 4 && (e >> 32))
		return cmd_error(ctx, "VALUE 0x%llx does not fit a 32-bit %s "
				 "entry", (unsigned long long)e,
				 m->mmu.lv[lvl].name);
	if (linux_view) {
		if (m->arch->sw_fields == NULL || m->arch->sw_decode == NULL)
			return cmd_error(ctx, "--linux: on %s Linux's entries "
					 "are the hardware ones; drop --linux",
					 m->arch->name);
		if (m->arch->sw_fields(&m->mmu, lvl, e) ==
		    m->arch->fields(&m->mmu, lvl, e))
			return cmd_error(ctx, "--linux: Linux's %s entries on "
					 "%s are the hardware ones; drop "
					 "--linux", m->mmu.lv[lvl].name,
					 m->arch->name);
		return pte_raw_linux(ctx, lvl, e);
	}
	m->arch->decode(&m->mmu, lvl, e, &d);
	entry_flags(m, lvl, e, flags, sizeof(flags));
	out_printf(ctx, "%s entry %s (%s %s): %s\n", m->mmu.lv[lvl].name,
		   fentry(m, lvl, e), m->arch->name,
		   m->mmu.lv[lvl].hw ? m->mmu.lv[lvl].hw : "", flags);
	switch (d.kind) {
	case PT_TABLE:
		out_printf(ctx, "  points to the next table at %s\n",
			   fpa(m, d.addr));
		break;
	case PT_LEAF: {
		char perm[64], attr[128];

		perm_string(d.perm, perm, sizeof(perm));
		attr_string(d.attr, attr, sizeof(attr));
		out_printf(ctx, "  maps a %s page at %s: %s%s%s\n",
			   fsize(1ULL << d.shift), fpa(m, d.addr), perm,
			   attr[0] ? "; " : "", attr);
		break;
	}
	case PT_NONE:
		out_printf(ctx, "  not present: an access faults\n");
		break;
	default:
		if (m->arch->bad_desc != NULL) {
			char why[160];

			m->arch->bad_desc(&m->mmu, lvl, e, &d, why, sizeof(why));
			out_printf(ctx, "  invalid: %s\n", why);
		} else {
			out_printf(ctx, "  invalid: reserved bits 0x%llx set\n",
				   (unsigned long long)d.bad);
		}
		break;
	}
	j_str(ctx, "level", m->mmu.lv[lvl].name);
	j_hex(ctx, "entry", e);
	j_str(ctx, "kind", d.kind == PT_TABLE ? "table" : d.kind == PT_LEAF ?
	      "page" : d.kind == PT_NONE ? "none" : "bad");
	if (d.kind == PT_TABLE || d.kind == PT_LEAF)
		j_hex(ctx, "addr", d.addr);
	show_fields(ctx, m->arch->fields(&m->mmu, lvl, e), e, "fields");
	return 0;
}

static int
pte_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	const struct walk_step *s;
	struct walk w;
	char flags[200];
	u64 va;

	if (args_has(ctx, "--raw"))
		return pte_raw(ctx, args->argv[0]);
	if (args_has(ctx, "--level"))
		return cmd_error(ctx, "--level goes with --raw");
	if (args_has(ctx, "--linux"))
		return cmd_error(ctx, "--linux goes with --raw (for VADDR the "
				 "Linux copy is shown when there is one)");
	if (arg_va(ctx, args->argv[0], "VADDR", &va))
		return -1;
	machine_walk(m, c, va, &w);
	if (w.nsteps == 0)
		return cmd_error(ctx, "no page-table root");
	if (w.fault == WF_BEYOND_RAM) {
		char why[200] = "outside physical memory";

		if (phys_find(&m->phys, w.fault_info) != NULL)
			phys_describe_hole(&m->phys, w.fault_info, why,
					   sizeof(why));
		return cmd_error(ctx, "the %s table at 0x%llx is %s",
				 level_name(m, w.fault_lvl),
				 (unsigned long long)w.fault_info, why);
	}
	s = &w.step[w.nsteps - 1];
	entry_flags(m, s->lvl, s->entry, flags, sizeof(flags));
	out_printf(ctx, "%s for %s: %s[%u] at %s = %s  %s\n",
		   s->lvl == LVL_PTE ? "pte" : "leaf", fva(m, va),
		   level_name(m, s->lvl), s->index, fpa(m, s->entry_pa),
		   fentry(m, s->lvl, s->entry), flags);
	if (s->lvl != LVL_PTE && s->d.kind == PT_LEAF)
		out_printf(ctx, "  the walk ends at the %s: a %s page, no pte\n",
			   level_name(m, s->lvl), fsize(1ULL << s->d.shift));
	if (s->d.kind == PT_NONE && s->lvl != LVL_PTE)
		out_printf(ctx, "  the %s entry is not present: there is no pte "
			   "table for this address\n", level_name(m, s->lvl));
	j_hex(ctx, "va", va);
	j_str(ctx, "level", level_name(m, s->lvl));
	j_hex(ctx, "entry_pa", s->entry_pa);
	j_hex(ctx, "entry", s->entry);
	show_fields(ctx, m->arch->fields(&m->mmu, s->lvl, s->entry), s->entry,
		    "fields");
	if (m->arch->step_note != NULL) {
		struct strbuf note;

		sb_init(&note);
		m->arch->step_note(m, s->lvl, s->entry_pa, s->entry, &note);
		out_puts(ctx, note.buf);
		sb_release(&note);
	}
	if (m->arch->sw_fields != NULL && m->arch->get_leaf != NULL) {
		u64 lv = m->arch->get_leaf(m, s->lvl, s->entry_pa);
		const struct bitfield *sf = m->arch->sw_fields(&m->mmu, s->lvl,
							       lv);

		/* Linux keeps its own copy of this entry: decode it too */
		if (sf != m->arch->fields(&m->mmu, s->lvl, lv)) {
			j_hex(ctx, "linux_entry", lv);
			show_fields(ctx, sf, lv, "linux_fields");
		}
	}
	cmd_set_value(ctx, s->entry);
	return 0;
}

static const struct cmd_opt pte_opts[] = {
	{ "--raw", NULL, NULL, "decode VALUE as an entry instead of walking" },
	{ "--level", "LEVEL", "words:pgd,p4d,pud,pmd,pte",
	  "with --raw: the level the entry belongs to (default pte)" },
	{ "--linux", NULL, NULL, "with --raw: VALUE is Linux's own copy of "
	  "the entry (arm: the Linux PTE with its L_PTE_* bits), not the "
	  "hardware one" },
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_pte = {
	.name = "pte",
	.family = FAM_TRANSLATION,
	.usage = "VADDR | VALUE --raw [--level LEVEL] [--linux]",
	.summary = "decode the entry that maps VADDR, or any entry value",
	.help =
	"Walks to the last entry used for VADDR (the pte, or the pmd/pud/pgd\n"
	"entry of a huge page) and decodes it field by field: every bit set\n"
	"or clear and what it means, and the frame it holds.  With --raw,\n"
	"VALUE itself is decoded as an entry of this arch at LEVEL (as\n"
	"crash's pte command does).  On arm the walk and --raw use the\n"
	"hardware descriptors; Linux keeps its own PTE (L_PTE_* bits) 2048\n"
	"bytes below the hardware one, which `pte VADDR` decodes as well and\n"
	"--raw --linux decodes from a value.  The value ($_) is the entry.\n",
	.complete = "addr",
	.opts = pte_opts,
	.min_args = 1,
	.max_args = 1,
	.value = VALUE_ENTRY,
	.run = pte_run,
};
