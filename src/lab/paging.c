// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Lab exercises on paging: 1 a hand walk of an i386 2-level address,
 * 2 the same address under PAE and on x86_64 (levels and folding),
 * 3 __pa/__va on lowmem and why a highmem page has no __va.
 */
#include <errno.h>
#include <string.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/lab.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show.h"

#define LEVELS	"pgd,p4d,pud,pmd,pte"

/*
 * A user address and its mapping (exercises 1, 2 and 13).  The address is
 * the first draw of the seed, so that exercises 1 and 2 walk the same one:
 * bits 31:22 in 0x040..0x2bf keep it in user space (0x10000000 up to
 * 0xafffffff), clear of a process's text, heap and stack.
 *   p[0] va, p[1] lowmem pages to skip, p[2] highmem pages to skip,
 *   p[3] the secret word stored at va
 */
u64
lab_draw_user_va(struct lab_run *r)
{
	u64 hi = lab_rand(r, 0x040, 0x2bf);
	u64 mid = lab_rand(r, 0, 0x3ff);
	u64 off = lab_rand(r, 0, 0x3ff) * 4;

	return hi << 22 | mid << 12 | off;
}

static int
user_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	(void)m;
	(void)e;
	r->p[0] = lab_draw_user_va(r);
	r->p[1] = lab_rand(r, 0, 1023);
	r->p[2] = lab_rand(r, 0, 1023);
	r->p[3] = lab_rand(r, 0x10000000, 0xffffffff);
	return 0;
}

static int
user_setup(struct lab_run *r, struct machine *m, struct error *e)
{
	u64 frame;

	return lab_user_page(m, r->p[0], (unsigned)r->p[1], (unsigned)r->p[2],
			     (u32)r->p[3], &frame, e);
}

/* The walk of the lab's address on the solver's machine. */
static int
lab_walk(struct lab_sol *s, u64 va, struct walk *w, struct error *e)
{
	if (machine_walk(s->m, machine_cpu(s->m), va, w) != WF_NONE)
		return error_set(e, -EFAULT, "the exercise's address %s does "
				 "not translate on its machine",
				 fva(s->m, va));
	return 0;
}

static u64
index_mask(const struct pt_level *L)
{
	return (1ULL << L->bits) - 1;
}

/* "(va >> 12) & 0x3ff", or "va >> 22" for the top bits. */
static void
slice_expr(const struct mmu *mmu, const struct pt_level *L, char *buf,
	   size_t n)
{
	if (L->shift + L->bits >= mmu->va_bits)
		snprintf(buf, n, "va >> %u", L->shift);
	else
		snprintf(buf, n, "(va >> %u) & %#llx", L->shift,
			 (unsigned long long)index_mask(L));
}

/* Step 1 of a hand walk: the bit slices and the folded levels. */
static void
explain_slices(struct lab_sol *s, const struct mmu *mmu, const char *mode,
	       u64 va)
{
	struct strbuf f;
	int i;

	sol_step(s, "Step 1: cut %s into its bit slices: %s", fva(s->m, va),
		 mode);
	for (i = 0; i < mmu->nwalk; i++) {
		const struct pt_level *L = &mmu->lv[mmu->walk[i]];
		u64 idx = (va >> L->shift) & index_mask(L);
		char ex[48];

		slice_expr(mmu, L, ex, sizeof(ex));
		if (idx < 10)
			sol_say(s, "%s index = bits %u:%u = %s = %llu", L->name,
				L->shift + L->bits - 1, L->shift, ex,
				(unsigned long long)idx);
		else
			sol_say(s, "%s index = bits %u:%u = %s = %#llx = %llu",
				L->name, L->shift + L->bits - 1, L->shift, ex,
				(unsigned long long)idx,
				(unsigned long long)idx);
	}
	sol_say(s, "offset    = bits 11:0 = va & 0xfff = %#llx",
		(unsigned long long)(va & 0xfff));
	sb_init(&f);
	for (i = 0; i < NR_LEVELS; i++)
		if (mmu->lv[i].folded)
			sb_addf(&f, "%s%s", f.len ? ", " : "", mmu->lv[i].name);
	if (f.len)
		sol_say(s, "%s: folded (Linux's level exists, but the hardware "
			"walks no table for it)", f.buf);
	sb_release(&f);
}

/* A step of a hand walk: the entry's address, its value, where it leads. */
static void
explain_entry(struct lab_sol *s, const struct walk *w, int i, int step)
{
	const struct machine *m = s->m;
	const struct walk_step *st = &w->step[i];
	const struct pt_level *L = &m->mmu.lv[st->lvl];
	char flags[160];

	entry_flags(m, st->lvl, st->entry, flags, sizeof(flags));
	sol_step(s, "Step %d: the %s entry (%s table, %u-byte entries): table + "
		 "index * %u", step, L->name, L->hw ? L->hw : L->name, L->esize,
		 L->esize);
	sol_say(s, "%s%s + %u*%u = %s", fpa(m, st->table),
		i == 0 ? " (cr3)" : "", st->index, L->esize,
		fpa(m, st->entry_pa));
	sol_say(s, "xp/%c %s reads %s: %s", L->esize == 8 ? 'g' : 'w',
		fpa(m, st->entry_pa), fentry(m, st->lvl, st->entry), flags);
	if (st->d.kind == PT_TABLE)
		sol_say(s, "its frame bits give the next table: %s",
			fpa(m, st->d.addr));
	else if (st->d.kind == PT_LEAF)
		sol_say(s, "its frame bits give the %s page: %s",
			fsize(1ULL << st->d.shift), fpa(m, st->d.addr));
}

/*
 * Exercise 1: hand-walk an i386 2-level address
 */

static int
handwalk_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	const char *va = fva(m, r->p[0]);
	int q;

	(void)e;
	lab_intro(r, "The process running on cpu0, pid 1, has an anonymous "
		  "page at %s (see 'maps') and has written a secret 32-bit word "
		  "there: the page fault that brought the page also brought a "
		  "page table.  The CPU walks from cr3 = %s, the process's pgd. "
		  " Walk the address by hand, as the MMU does: cut it into its "
		  "bit slices, read each entry with 'xp/w PADDR' (the 4 bytes at "
		  "a physical address, also kept in $_), clear its 12 flag bits "
		  "to find the next table or the frame, and check your work with "
		  "'walk %s' only at the end ('walk %s --svg walk.svg' also "
		  "draws it as a figure to keep beside your answers).", va,
		  fpa(m, machine_cpu(m)->root[0]), va, va);
	lab_ask(r, LF_NUM, NULL, "the pgd index is the top 10 bits of the "
		"address: va >> 22",
		"The pgd index of %s (bits 31:22)?", va);
	q = lab_ask(r, LF_HEX, NULL, "the entry lies at cr3 + index * 4 "
		    "(4-byte entries)",
		    "The physical address of its pgd entry?");
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "read the 4 bytes at the pgd entry's "
		    "address: xp/w ADDRESS",
		    "The value of that pgd entry?");
	lab_digits(r, q, 8);
	lab_ask(r, LF_NUM, NULL, "the pte index is bits 21:12: (va >> 12) & "
		"0x3ff", "The pte index of %s (bits 21:12)?", va);
	q = lab_ask(r, LF_HEX, NULL, "the page table is the pgd entry with "
		    "its 12 flag bits cleared; the pte lies at that table + "
		    "index * 4", "The physical address of its pte?");
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "read the 4 bytes at the pte's address: "
		    "xp/w ADDRESS", "The value of that pte?");
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "the frame is the pte with its 12 flag "
		    "bits cleared; add the offset, bits 11:0 of the address",
		    "The physical address %s translates to?", va);
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "read the 4 bytes at the physical "
		    "address: xp/w PADDR", "The secret word stored at %s?", va);
	lab_digits(r, q, 8);
	return 0;
}

static int
handwalk_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	u64 va = s->r->p[0], word;
	const struct walk_step *g, *t;
	struct strbuf mode;
	struct walk w;

	if (lab_walk(s, va, &w, e))
		return -1;
	if (w.nsteps != 2)
		return error_set(e, -EINVAL, "the walk of %s has %d levels, "
				 "not 2", fva(m, va), w.nsteps);
	g = &w.step[0];
	t = &w.step[1];
	sb_init(&mode);
	m->arch->describe(&m->mmu, &mode);
	explain_slices(s, &m->mmu, mode.buf, va);
	sb_release(&mode);
	lab_want(s, 1, g->index);
	lab_mistake(s, 1, t->index, "that is the pte index (bits 21:12); the "
		    "pgd index is the top 10 bits");
	lab_mistake(s, 1, va >> 12, "that is the whole virtual page number; "
		    "the pgd index is its top 10 bits: va >> 22");
	lab_want(s, 4, t->index);
	lab_mistake(s, 4, g->index, "that is the pgd index; the pte index is "
		    "the next 10 bits: (va >> 12) & 0x3ff");
	lab_mistake(s, 4, va >> 12, "that is the whole virtual page number; "
		    "keep its low 10 bits: (va >> 12) & 0x3ff");

	explain_entry(s, &w, 0, 2);
	lab_want(s, 2, g->entry_pa);
	lab_mistake(s, 2, g->table + g->index, "an entry is 4 bytes: add "
		    "index * 4 to cr3, not the index");
	lab_mistake(s, 2, g->table + g->index * 8, "without PAE an entry is "
		    "4 bytes, not 8: cr3 + index * 4");
	lab_want(s, 3, g->entry);
	lab_mistake(s, 3, g->entry_pa, "that is the entry's address; its value "
		    "is what xp/w reads there");

	explain_entry(s, &w, 1, 3);
	lab_want(s, 5, t->entry_pa);
	lab_mistake(s, 5, g->entry + t->index * 4, "clear the pgd entry's 12 "
		    "flag bits first: the table is at entry & 0xfffff000");
	lab_mistake(s, 5, t->table + t->index, "an entry is 4 bytes: add "
		    "index * 4 to the table, not the index");
	lab_want(s, 6, t->entry);
	lab_mistake(s, 6, t->entry_pa, "that is the pte's address; its value "
		    "is what xp/w reads there");

	sol_step(s, "Step 4: the physical address: frame + offset");
	sol_say(s, "%s + %#llx = %s", fpa(m, t->d.addr),
		(unsigned long long)(va & 0xfff), fpa(m, w.pa));
	lab_want(s, 7, w.pa);
	lab_mistake(s, 7, t->d.addr, "that is the frame; add the offset, bits "
		    "11:0 of the address");
	lab_mistake(s, 7, t->entry + (va & 0xfff), "clear the pte's 12 flag "
		    "bits before adding the offset");

	word = lab_peek32(m, w.pa);
	sol_step(s, "Step 5: the secret word");
	sol_say(s, "xp/w %s reads 0x%08llx", fpa(m, w.pa),
		(unsigned long long)word);
	lab_want(s, 8, word);

	sol_step(s, "Check: walk shows the same levels, entries and result");
	sol_walk(s, va);
	return 0;
}

const struct lab lab_handwalk = {
	.nr = 1,
	.title = "hand-walk an i386 2-level address",
	.args = "--arch i386 --kernel 2.6 --mem 1G",
	.commands = "xp/w, walk",
	.draw = user_draw,
	.setup = user_setup,
	.ask = handwalk_ask,
	.solve = handwalk_solve,
};

/*
 * Exercise 2: the same address under PAE and on x86_64
 */

/* the other machine, as the student starts it from a shell */
#define LEVELS_OTHER	"--arch x86_64"

static void
folded_set(const struct mmu *mmu, struct strbuf *sb)
{
	int i;

	for (i = 0; i < NR_LEVELS; i++)
		if (mmu->lv[i].folded)
			sb_addf(sb, "%s%s", sb->len ? "," : "", mmu->lv[i].name);
	if (sb->len == 0)
		sb_adds(sb, "none");
}

static int
levels_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	const char *va = fva(m, r->p[0]);
	int q;

	(void)e;
	lab_intro(r, "The address %s of exercise 1 (for the same seed) is "
		  "mapped the same way, by pid 1's page fault, on a 32-bit "
		  "machine with PAE: entries "
		  "are 8 bytes (read them with 'xp/g PADDR'), and cr3 = %s "
		  "points to the process's 4-entry page-directory-pointer "
		  "table, which Linux calls the pgd.  Walk it by hand, then work out how "
		  "x86_64 with 4-level paging cuts the same address: each of "
		  "its tables has 512 entries, indexed by 9 bits.  Check PAE "
		  "with 'walk %s' here, and x86_64 from a shell with: ptwalk "
		  LEVELS_OTHER " -c 'walk %s' (its slices line).", va,
		  fpa(m, machine_cpu(m)->root[0]), va, va);
	lab_ask(r, LF_NUM, NULL, "count the tables the walk reads: walk "
		"lists them, and names the folded levels",
		"PAE: how many tables does the walk of %s read?", va);
	lab_ask(r, LF_SET, LEVELS, "a folded level has no table of its own: "
		"walk names them", "PAE: which of Linux's five levels are "
		"folded?");
	lab_ask(r, LF_NUM, NULL, "the pgd (PDPT) index is bits 31:30: va >> 30",
		"PAE: the pgd index of %s?", va);
	q = lab_ask(r, LF_HEX, NULL, "the entry lies at cr3 + index * 8 "
		    "(8-byte entries)", "PAE: the physical address of its pgd "
		    "entry?");
	lab_digits(r, q, m->arch->pa_digits);
	lab_ask(r, LF_NUM, NULL, "the pmd index is bits 29:21: (va >> 21) & "
		"0x1ff", "PAE: the pmd index?");
	q = lab_ask(r, LF_HEX, NULL, "read the pgd entry with xp/g; the pmd "
		    "table is its frame (flag bits cleared); add index * 8",
		    "PAE: the physical address of its pmd entry?");
	lab_digits(r, q, m->arch->pa_digits);
	lab_ask(r, LF_NUM, NULL, "the pte index is bits 20:12: (va >> 12) & "
		"0x1ff", "PAE: the pte index?");
	q = lab_ask(r, LF_HEX, NULL, "follow the pmd entry to the page table "
		    "and the pte to the frame; add the offset, bits 11:0",
		    "PAE: the physical address %s translates to?", va);
	lab_digits(r, q, m->arch->pa_digits);
	lab_ask(r, LF_NUM, NULL, "x86_64 4-level paging walks PML4, PDPT, PD "
		"and PT", "x86_64: how many tables does a 4-level walk read?");
	lab_ask(r, LF_SET, LEVELS, "five Linux levels, four tables: one level "
		"is folded", "x86_64 (4-level): which levels are folded?");
	lab_ask(r, LF_NUM, NULL, "the pgd index is bits 47:39: (va >> 39) & "
		"0x1ff", "x86_64: the pgd index of %s?", va);
	lab_ask(r, LF_NUM, NULL, "the pud index is bits 38:30: (va >> 30) & "
		"0x1ff", "x86_64: the pud index?");
	lab_ask(r, LF_NUM, NULL, "the pmd index is bits 29:21: (va >> 21) & "
		"0x1ff", "x86_64: the pmd index?");
	lab_ask(r, LF_NUM, NULL, "the pte index is bits 20:12: (va >> 12) & "
		"0x1ff", "x86_64: the pte index?");
	return 0;
}

static int
levels_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	struct machine_opts other = { 0 };
	const struct arch *a64;
	u64 va = s->r->p[0];
	const struct walk_step *g, *d;
	struct strbuf sb;
	struct mmu mm;
	struct walk w;
	int i;

	if (lab_walk(s, va, &w, e))
		return -1;
	if (w.nsteps != 3)
		return error_set(e, -EINVAL, "the PAE walk of %s has %d levels",
				 fva(m, va), w.nsteps);
	g = &w.step[0];
	d = &w.step[1];
	sb_init(&sb);
	m->arch->describe(&m->mmu, &sb);
	explain_slices(s, &m->mmu, sb.buf, va);
	sol_say(s, "the walk reads %d tables, one per level that is not folded",
		m->mmu.nwalk);
	lab_want(s, 1, m->mmu.nwalk);
	sb_reset(&sb);
	folded_set(&m->mmu, &sb);
	lab_want_word(s, 2, sb.buf);
	lab_mistake_word(s, 2, "p4d,pud,pmd", "that is 2-level i386: PAE adds "
			 "a level, the pmd");
	lab_want(s, 3, g->index);
	lab_want(s, 5, d->index);
	lab_want(s, 7, w.step[2].index);
	lab_mistake(s, 7, (va >> 12) & 0x3ff, "PAE tables have 512 entries: "
		    "the pte index has 9 bits, (va >> 12) & 0x1ff");
	lab_mistake(s, 5, (va >> 22), "that is the 2-level pgd index; PAE's "
		    "pmd index is bits 29:21");
	explain_entry(s, &w, 0, 2);
	lab_want(s, 4, g->entry_pa);
	lab_mistake(s, 4, g->table + g->index * 4, "PAE entries are 8 bytes: "
		    "cr3 + index * 8");
	explain_entry(s, &w, 1, 3);
	lab_want(s, 6, d->entry_pa);
	lab_mistake(s, 6, d->table + d->index * 4, "PAE entries are 8 bytes: "
		    "table + index * 8");
	lab_mistake(s, 6, g->entry + d->index * 8, "clear the pgd entry's "
		    "flag bits first (here the present bit, bit 0)");
	explain_entry(s, &w, 2, 4);
	sol_step(s, "Step 5: the physical address: frame + offset");
	sol_say(s, "%s + %#llx = %s", fpa(m, w.step[2].d.addr),
		(unsigned long long)(va & 0xfff), fpa(m, w.pa));
	lab_want(s, 8, w.pa);
	lab_mistake(s, 8, w.step[2].d.addr, "that is the frame; add the "
		    "offset, bits 11:0 of the address");
	sol_step(s, "Check: walk shows the same levels");
	sol_walk(s, va);

	/* the same address on x86_64, with ptwalk's own x86_64 geometry */
	if (lab_parse_args(LEVELS_OTHER, &other, e))
		return -1;
	a64 = arch_find(other.arch);
	memset(&mm, 0, sizeof(mm));
	mm.arch = a64;
	mm.features = a64->features;
	if (a64->mmu_init(&mm, e))
		return -1;
	sb_reset(&sb);
	a64->describe(&mm, &sb);
	sol_step(s, "Step 6: the same address on x86_64");
	for (i = 0; i < mm.nwalk; i++) {
		const struct pt_level *L = &mm.lv[mm.walk[i]];
		u64 idx = (va >> L->shift) & index_mask(L);

		sol_say(s, "%s index = bits %u:%u = (va >> %u) & 0x1ff = %llu",
			L->name, L->shift + L->bits - 1, L->shift, L->shift,
			(unsigned long long)idx);
		if (mm.walk[i] == LVL_PGD)
			lab_want(s, 11, idx);
		else if (mm.walk[i] == LVL_PUD)
			lab_want(s, 12, idx);
		else if (mm.walk[i] == LVL_PMD)
			lab_want(s, 13, idx);
		else if (mm.walk[i] == LVL_PTE)
			lab_want(s, 14, idx);
	}
	sol_say(s, "%s: %d tables of 512 8-byte entries; the 48-bit address "
		"leaves 9 bits for each level", sb.buf, mm.nwalk);
	lab_want(s, 9, mm.nwalk);
	sb_reset(&sb);
	folded_set(&mm, &sb);
	sol_say(s, "folded: %s (with 5-level paging, x86_64-la57, nothing is "
		"folded)", sb.buf);
	lab_want_word(s, 10, sb.buf);
	sol_say(s, "a 32-bit address has bits 47:32 clear: the x86_64 pgd index "
		"is 0 and the pud index is bits 31:30, PAE's pgd index; the pmd "
		"and pte indices are PAE's");
	sb_release(&sb);
	return 0;
}

const struct lab lab_levels = {
	.nr = 2,
	.title = "the same address under PAE and x86_64: levels, folding",
	.args = "--arch i386-pae --kernel 2.6 --mem 1G",
	.commands = "xp/g, walk, ptwalk " LEVELS_OTHER,
	.draw = user_draw,
	.setup = user_setup,
	.ask = levels_ask,
	.solve = levels_solve,
};

/*
 * Exercise 3: __pa/__va on lowmem; highmem has no __va
 *   p[0] a lowmem virtual address, p[1] a lowmem physical address,
 *   p[2] a highmem physical address
 */

static int
directmap_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	const struct layout *L = &m->lay;

	if (m->ram_size <= L->lowmem_end)
		return error_set(e, -EINVAL, "exercise 3 needs highmem");
	r->p[0] = L->page_offset + lab_rand(r, 0, L->lowmem_end - 1);
	r->p[1] = m->ram_start + lab_rand(r, 0, L->lowmem_end - 1);
	r->p[2] = m->ram_start + lab_rand(r, L->lowmem_end, m->ram_size - 1);
	return 0;
}

static void
zone_names(const struct machine *m, struct strbuf *sb)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);
	const pg_data_t *pg = pgalloc->node_data[0];
	int t;

	for (t = 0; t < MAX_NR_ZONES; t++)
		if (zone_configured(pgalloc, t) &&
		    pg->node_zones[t].present_pages)
			sb_addf(sb, "%s%s", sb->len ? "," : "",
				pg->node_zones[t].name);
}

static int
directmap_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	struct strbuf regions, zones;
	const char *v1 = fva(m, r->p[0]);
	const char *p1 = fpa(m, r->p[1]);
	const char *p2 = fpa(m, r->p[2]);
	int q;

	(void)e;
	sb_init(&regions);
	sb_init(&zones);
	lab_region_names(m, &regions);
	zone_names(m, &zones);
	lab_intro(r, "The kernel maps lowmem, the first %s of RAM, once and for "
		  "all at PAGE_OFFSET %s: __pa() and __va() are a subtraction "
		  "and an addition.  The rest of RAM is highmem.  Convert %s "
		  "and %s, then look at the highmem address %s: what would "
		  "__va's arithmetic give, and why is that no mapping of it? "
		  "Use 'pa', 'va', 'layout', 'zoneinfo' (or 'machine'), "
		  "'pfn_to_page' and 'page_address'.",
		  fsize(m->lay.lowmem_end), fva(m, m->lay.page_offset), v1,
		  p1, p2);
	q = lab_ask(r, LF_HEX, NULL, "lowmem is mapped linearly: __pa(x) = x "
		    "- PAGE_OFFSET; check with 'pa'", "__pa(%s)?", v1);
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "__va(x) = x + PAGE_OFFSET for a lowmem "
		    "frame; check with 'va'", "__va(%s)?", p1);
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "high_memory is PAGE_OFFSET + the size "
		    "of lowmem ('layout' shows it)", "high_memory, the first "
		    "virtual address past the direct map?");
	lab_digits(r, q, 8);
	lab_ask(r, LF_WORD, zones.buf, "'zoneinfo' (or 'machine') gives each "
		"zone's frames", "The zone of the frame at %s?", p2);
	q = lab_ask(r, LF_HEX, NULL, "add PAGE_OFFSET as __va does",
		    "The address __va's arithmetic computes for %s (%s + "
		    "PAGE_OFFSET)?", p2, p2);
	lab_digits(r, q, 8);
	lab_ask(r, LF_WORD, regions.buf, "'layout' lists the regions with "
		"their ranges", "The region that address lies in?");
	q = lab_ask(r, LF_HEX, NULL, "'pfn_to_page PFN' then 'page_address "
		    "$_': a highmem page that is not kmapped has no kernel "
		    "address", "What does page_address() return for the "
		    "struct page of %s?", p2);
	lab_digits(r, q, 8);
	lab_ask(r, LF_WORD, "kmap,kmap_atomic,kmap_local_page,vmalloc,ioremap,"
		"__va,phys_to_virt", "'va' of a highmem frame says which "
		"function maps it", "Which kernel function maps a highmem page "
		"into the kernel's address space for a while?");
	sb_release(&regions);
	sb_release(&zones);
	return 0;
}

static int
directmap_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	const struct layout *L = &m->lay;
	u64 v1 = s->r->p[0], p1 = s->r->p[1], p2 = s->r->p[2], x, y, va2;
	const struct region *reg;
	struct page *page;
	struct error why;

	sol_step(s, "Step 1: __pa of a lowmem address");
	if (machine_pa(m, v1, &x, e))
		return -1;
	sol_say(s, "%s lies in lowmem (%s-%s): __pa(x) = x - PAGE_OFFSET = "
		"%s - %s = %s", fva(m, v1), fva(m, L->page_offset),
		fva(m, L->high_memory - 1), fva(m, v1),
		fva(m, L->page_offset), fpa(m, x));
	lab_want(s, 1, x);
	lab_mistake(s, 1, v1 + L->page_offset, "__pa subtracts PAGE_OFFSET; "
		    "this adds it");

	sol_step(s, "Step 2: __va of a lowmem frame");
	if (machine_va(m, p1, &y, e))
		return -1;
	sol_say(s, "%s is below the end of lowmem %s: __va(x) = x + "
		"PAGE_OFFSET = %s", fpa(m, p1), fpa(m, L->lowmem_end),
		fva(m, y));
	lab_want(s, 2, y);

	sol_step(s, "Step 3: high_memory");
	sol_say(s, "PAGE_OFFSET %s + lowmem %s (MAXMEM: 4G - PAGE_OFFSET - the "
		"128M vmalloc reserve) = %s", fva(m, L->page_offset),
		fsize(L->lowmem_end), fva(m, L->high_memory));
	lab_want(s, 3, L->high_memory);
	lab_mistake(s, 3, L->lowmem_end, "that is the physical end of lowmem; "
		    "high_memory is its virtual address, PAGE_OFFSET + that");
	lab_mistake(s, 3, L->vmalloc_start, "that is VMALLOC_START, 8M above "
		    "high_memory (the VMALLOC_OFFSET gap)");

	sol_step(s, "Step 4: the highmem frame %s", fpa(m, p2));
	page = pfn_to_page(m, p2 >> PAGE_SHIFT);
	if (page == NULL)
		return error_set(e, -EINVAL, "no struct page for %s",
				 fpa(m, p2));
	sol_say(s, "pfn %#llx is in zone %s (it starts at pfn %#lx)",
		(unsigned long long)(p2 >> PAGE_SHIFT), page_zone(m, page)->name,
		page_zone(m, page)->zone_start_pfn);
	lab_want_word(s, 4, page_zone(m, page)->name);
	va2 = p2 - m->ram_start + L->page_offset;
	reg = machine_region(m, va2);
	sol_say(s, "%s + PAGE_OFFSET = %s, at or above high_memory %s", fpa(m, p2),
		fva(m, va2), fva(m, L->high_memory));
	lab_want(s, 5, va2);
	sol_say(s, "%s lies in %s: %s", fva(m, va2), reg ? reg->name : "nothing",
		reg ? reg->what : "no region");
	lab_want_word(s, 6, reg ? reg->name : "none");
	sol_say(s, "so __va cannot reach the frame: the direct map ends at "
		"high_memory");
	error_clear(&why);
	if (machine_va(m, p2, &x, &why))
		sol_say(s, "what 'va %s' says: %s", fpa(m, p2), why.msg);
	x = page_address(m, page);
	sol_say(s, "page_address(pfn_to_page(%#llx)) = %#llx: a highmem page "
		"has a kernel address only while it is kmapped",
		(unsigned long long)(p2 >> PAGE_SHIFT), (unsigned long long)x);
	lab_want(s, 7, x);
	lab_mistake(s, 7, va2, "that is what __va's arithmetic gives, but it "
		    "is not in the direct map: page_address() says NULL (0) "
		    "for a highmem page that is not kmapped");
	lab_want_word(s, 8, "kmap");
	lab_accept(s, 8, "kmap_atomic,kmap_local_page");
	lab_mistake_word(s, 8, "__va", "__va only adds PAGE_OFFSET: it cannot "
			 "map anything");
	lab_mistake_word(s, 8, "phys_to_virt", "phys_to_virt is __va");
	lab_mistake_word(s, 8, "vmalloc", "vmalloc allocates new pages and "
			 "maps them; it does not map a page you have");
	lab_mistake_word(s, 8, "ioremap", "ioremap maps device memory, not "
			 "RAM");
	sol_say(s, "kmap() (or kmap_atomic(), kmap_local_page()) maps it for "
		"a while: in the pkmap window or a fixmap slot");
	return 0;
}

const struct lab lab_directmap = {
	.nr = 3,
	.title = "__pa and __va on lowmem; why highmem has no __va",
	.args = "--arch i386 --kernel 2.6 --mem 1G",
	.commands = "pa, va, layout, zoneinfo, pfn_to_page, page_address",
	.draw = directmap_draw,
	.ask = directmap_ask,
	.solve = directmap_solve,
};
