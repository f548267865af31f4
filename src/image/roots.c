// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Page-table roots found by scanning physical memory (roots.h).  A block
 * is a candidate when every non-zero entry decodes, at the top level of
 * the paging mode, to a table in RAM or a leaf (Linux leaves no other
 * non-zero entry in a pgd), when the arch's root_plausible accepts it,
 * and when the tables below hold few malformed entries.  What it maps is
 * counted by walking it whole; the kernel check translates init_uts_ns
 * and reads the utsname there.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ptwalk/image_info.h"
#include "ptwalk/format.h"
#include "ptwalk/ksym.h"
#include "ptwalk/mmu.h"
#include "ptwalk/progress.h"
#include "ptwalk/roots.h"

/* Entries a walk of one candidate reads at most (a 1 TiB linear map). */
#define WALK_BUDGET	(1ULL << 22)
/* Malformed entries below a table that rule it out. */
#define BAD_MAX		16

struct scan {
	struct machine *m;
	const struct mmu *mmu;
	struct phys *ph;
	int which;
	u8 top;			/* enum pt_lvl of the top level */
	unsigned nent, esize;
	u64 tsize, align;
	unsigned user_end;	/* first index of the kernel's half */
	u64 kuts, kstext;	/* init_uts_ns, _stext (0: unknown) */
	char release[65];	/* OSRELEASE, or "" */
};

/* What a walk of one candidate found. */
struct tally {
	u64 pages, ranges, user_pages, kernel_pages, bad, read;
	u64 kcode_pages;	/* kernel-executable, in the kernel's half */
	u64 next_va;		/* the end of the last mapped run */
	bool in_run;
};

static u64
read_entry(const u8 *p, unsigned esize)
{
	u64 v = 0;

	memcpy(&v, p, esize);
	return v;
}

/* The top table: the number of non-empty entries, or 0 if malformed. */
static unsigned
top_ok(const struct scan *s, const u8 *t, u64 pa)
{
	unsigned i, n = 0, tables = 0;
	struct pte_decode d;

	for (i = 0; i < s->nent; i++) {
		u64 v = read_entry(t + (size_t)i * s->esize, s->esize);

		if (v == 0)
			continue;
		s->mmu->decode(s->mmu, s->top, v, &d);
		if (d.kind == PT_NONE || d.kind == PT_BAD)
			return 0;
		if (d.kind == PT_TABLE) {
			if (d.addr == pa || !phys_is_ram(s->ph, d.addr))
				return 0;
			tables++;
		}
		n++;
	}
	return tables ? n : 0;
}

static void
tally_leaf(const struct scan *s, struct tally *t, u64 va,
	   const struct pte_decode *d, unsigned topi)
{
	unsigned shift = d->shift;
	u64 n = 1ULL << (shift > PAGE_SHIFT ? shift - PAGE_SHIFT : 0);

	t->pages += n;
	if (topi < s->user_end) {
		t->user_pages += n;
	} else {
		t->kernel_pages += n;
		if ((d->perm & P_KX) && !(d->perm & P_KW))
			t->kcode_pages += n;
	}
	if (!t->in_run || va != t->next_va)
		t->ranges++;
	t->in_run = true;
	t->next_va = va + (1ULL << shift);
}

/* Walk the table at depth k (s->mmu->walk[k]) that maps from va. */
static void
walk_table(const struct scan *s, struct tally *t, int k, u64 table, u64 va,
	   unsigned topi)
{
	const struct mmu *mmu = s->mmu;
	int lvl = mmu->walk[k];
	const struct pt_level *L = &mmu->lv[lvl];
	unsigned i, n = k == 0 ? s->nent : 1U << L->bits;
	const u8 *h = phys_ptr(s->ph, table, (u64)n * L->esize);
	struct pte_decode d;

	if (h == NULL) {
		t->bad++;
		return;
	}
	for (i = 0; i < n && t->read < WALK_BUDGET && t->bad <= BAD_MAX; i++) {
		u64 v = read_entry(h + (size_t)i * L->esize, L->esize);
		u64 eva = va + ((u64)i << L->shift);
		unsigned ti = k == 0 ? i : topi;

		t->read++;
		if (v == 0) {
			t->in_run = false;
			continue;
		}
		mmu->decode(mmu, lvl, v, &d);
		if (d.kind == PT_LEAF) {
			tally_leaf(s, t, eva, &d, ti);
			continue;
		}
		t->in_run = false;
		if (d.kind == PT_TABLE && k + 1 < mmu->nwalk &&
		    phys_is_ram(s->ph, d.addr))
			walk_table(s, t, k + 1, d.addr, eva, ti);
		else if (d.kind != PT_NONE || k + 1 < mmu->nwalk)
			t->bad++;	/* swap entries live in the last level */
	}
}

/* Does root map init_uts_ns to the utsname of this kernel? */
static bool
maps_kernel(const struct scan *s, u64 root, bool *mapped)
{
	static const unsigned offs[] = { 0, 4, 8 };
	struct walk w;
	struct error e;
	u8 buf[8 + 65 * 3];
	size_t k;

	*mapped = false;
	if (s->kstext && mmu_root_index(s->mmu, s->kstext) == s->which &&
	    mmu_walk(s->mmu, s->ph, root, s->kstext, &w) == WF_NONE &&
	    phys_is_ram(s->ph, w.pa))
		*mapped = true;
	if (!s->kuts || mmu_root_index(s->mmu, s->kuts) != s->which ||
	    mmu_walk(s->mmu, s->ph, root, s->kuts, &w) != WF_NONE ||
	    phys_read(s->ph, w.pa, buf, sizeof(buf), &e))
		return false;
	/* struct uts_namespace: the utsname first (6.x) or after a kref */
	for (k = 0; k < ARRAY_SIZE(offs); k++) {
		const u8 *u = buf + offs[k];

		if (memcmp(u, "Linux", 6) != 0)
			continue;
		if (!s->release[0] ||
		    !strncmp((const char *)u + 65 * 2, s->release, 65))
			return true;
	}
	return false;
}

static int
cand_cmp(const void *a, const void *b)
{
	const struct root_cand *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->pa < y->pa ? -1 : x->pa > y->pa;
}

static int
log2u(u64 v)
{
	int n = 0;

	while (v >>= 1)
		n++;
	return n;
}

/*
 * The kernel's own table maps it and no user space: init_top_pgt,
 * swapper_pg_dir, what a CPU in a kernel thread holds.  Without the
 * kernel's symbols, its code still shows: read-only executable pages in
 * the kernel's half, which a table that maps only RAM (an identity map,
 * kexec's or hibernation's copy of the linear map, all never-execute)
 * lacks, however much more it maps.
 */
static void
kernel_score(struct root_cand *c, const struct tally *t)
{
	if (c->ktext)
		c->score += 50;
	else if (c->kmapped)
		c->score += 15;
	else if (t->kcode_pages)
		c->score += 10;
	if (t->kernel_pages && !t->user_pages)
		c->score += 3;
}

/*
 * A user-space root of a machine with a root for each half (arm64's
 * TTBR0): a process maps many runs of small pages, where the kernel's
 * own table (which translates the kernel as TTBR1) and an identity map
 * of RAM in a few blocks map much in few runs.
 */
static void
user_score(const struct scan *s, struct root_cand *c, const struct tally *t)
{
	struct scan k = *s;
	bool mapped;

	k.which = 1;
	c->score = 10 + MIN(40, 4 * log2u(t->ranges + 1)) -
		(int)MIN(t->bad, 20);
	if (maps_kernel(&k, c->pa, &mapped) || mapped) {
		c->ktext = c->kmapped = true;
		c->score -= 30;
	}
}

/*
 * Score a table whose top level is well-formed: 0 when what it maps is
 * not plausible.
 */
static void
judge(const struct scan *s, struct roots_scan *rs, u64 pa, unsigned nent)
{
	struct tally t = { 0 };
	struct root_cand c = { .pa = pa, .entries = nent };
	int i;

	walk_table(s, &t, 0, pa, 0, 0);
	if (t.pages == 0 || t.bad > BAD_MAX || t.bad * 64 > t.read)
		return;
	c.pages = t.pages;
	c.ranges = t.ranges;
	c.user_pages = t.user_pages;
	c.kernel_pages = t.kernel_pages;
	c.bad = t.bad;
	c.kcode_pages = t.kcode_pages;
	c.ktext = maps_kernel(s, pa, &c.kmapped);
	c.score = 10 + MIN(40, 2 * log2u(t.pages)) - (int)MIN(t.bad, 20);
	if (s->mmu->va_mode == VA_SPLIT && s->which == 0)
		user_score(s, &c, &t);
	else
		kernel_score(&c, &t);
	for (i = 0; i < s->m->ncpus; i++)
		if (s->m->cpu[i].root_valid[s->which] &&
		    s->m->cpu[i].root[s->which] == pa)
			c.current = true;
	if (c.score <= 0)
		return;
	if (rs->n == rs->alloc) {
		rs->alloc = rs->alloc ? rs->alloc * 2 : 64;
		rs->c = xrealloc(rs->c, (size_t)rs->alloc * sizeof(*rs->c));
	}
	rs->c[rs->n++] = c;
}

/* The first index of the kernel's half, for the counts (and x86's U). */
static unsigned
user_end(const struct machine *m, const struct scan *s)
{
	const struct pt_level *L = &s->mmu->lv[s->top];
	u64 split = m->lay.task_size;

	if (s->mmu->va_mode == VA_SPLIT)
		return s->which ? 0 : s->nent;
	if (s->mmu->va_mode == VA_SIGNEXT)
		return s->nent / 2;
	/* the 32-bit Linux default: VMSPLIT_3G */
	if (split == 0 && m->img != NULL)
		split = vmcoreinfo_or(m->img, "NUMBER(PAGE_OFFSET)", 0);
	if (split == 0)
		split = 0xC0000000ULL;
	return (unsigned)MIN((u64)s->nent, split >> L->shift);
}

/* The kernel's init_uts_ns and _stext: the VMCOREINFO, else kallsyms. */
static void
kernel_marks(struct scan *s, struct roots_scan *rs)
{
	const struct image_info *ii = s->m->img;
	const struct ksym *k;
	const char *rel;
	size_t l;

	if (ii != NULL) {
		vmcoreinfo_u64(ii, "SYMBOL(init_uts_ns)", &s->kuts);
		vmcoreinfo_u64(ii, "SYMBOL(_stext)", &s->kstext);
		rel = vmcoreinfo_str(ii, "OSRELEASE", &l);
		if (rel != NULL && l < sizeof(s->release)) {
			memcpy(s->release, rel, l);
			s->release[l] = 0;
		}
	}
	if (s->kuts == 0 && s->m->nksyms > 0 &&
	    (k = machine_ksym(s->m, "init_uts_ns")) != NULL)
		s->kuts = k->value;
	if (s->kstext == 0 && s->m->nksyms > 0 &&
	    (k = machine_ksym(s->m, "_stext")) != NULL)
		s->kstext = k->value;
	snprintf(rs->kcheck, sizeof(rs->kcheck), "%s",
		 s->kuts ? "init_uts_ns translates to \"Linux\" and the release" :
		 s->kstext ? "_stext is mapped (no init_uts_ns known)" :
		 "none: no kernel symbols known (no VMCOREINFO, no kallsyms)");
}

static int
scan_setup(struct machine *m, struct roots_scan *rs, struct scan *s,
	   struct error *e)
{
	const struct mmu *mmu = &m->mmu;
	const struct pt_level *L;

	memset(s, 0, sizeof(*s));
	s->m = m;
	s->mmu = mmu;
	s->ph = &m->phys;
	s->which = rs->which;
	if (mmu->nwalk == 0)
		return error_set(e, -EINVAL, "no paging mode: nothing to scan "
				 "for");
	s->top = mmu->walk[0];
	L = &mmu->lv[s->top];
	s->esize = L->esize;
	s->tsize = m->arch->table_size(mmu, s->top);
	s->nent = (unsigned)(s->tsize / s->esize);
	if (s->nent > (1U << L->bits))
		s->nent = 1U << L->bits;
	s->tsize = (u64)s->nent * s->esize;
	s->align = s->tsize < 32 ? 32 : s->tsize;
	s->user_end = user_end(m, s);
	kernel_marks(s, rs);
	return 0;
}

/* One range of RAM, block by block. */
static int
scan_range(const struct scan *s, struct roots_scan *rs,
	   const struct phys_range *r, struct progress *pg)
{
	u64 pa = ALIGN_UP(r->start, s->align), end = r->start + r->size;
	const struct arch *a = s->m->arch;

	for (; pa + s->tsize <= end && pa >= r->start; pa += s->align) {
		const u8 *h;
		unsigned n;

		if ((pa & (PAGE_SIZE - 1)) == 0 &&
		    progress_add(pg, 1) != 0)
			return pg->stop;
		h = phys_ptr(s->ph, pa, s->tsize);
		if (h == NULL)
			continue;
		rs->tables++;
		rs->bytes += s->tsize;
		n = top_ok(s, h, pa);
		if (n == 0 || (a->root_plausible != NULL &&
			       !a->root_plausible(s->mmu, h, s->tsize,
						  s->user_end)))
			continue;
		judge(s, rs, pa, n);
	}
	return 0;
}

int
roots_scan(struct machine *m, struct roots_scan *rs, struct error *e)
{
	struct timespec t0, t1;
	struct progress pg;
	struct scan s;
	char why[160];
	int i, r = 0;

	if (scan_setup(m, rs, &s, e))
		return -EINVAL;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	progress_begin(&pg, "roots", "pages", m->phys.total / PAGE_SIZE, 0);
	for (i = 0; i < m->phys.nr && r == 0; i++)
		if (!(m->phys.r[i].flags & PHYS_ZERO))
			r = scan_range(&s, rs, &m->phys.r[i], &pg);
	if (r != 0)
		progress_why(&pg, why, sizeof(why));
	progress_end(&pg);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	rs->secs = (double)(t1.tv_sec - t0.tv_sec) +
		(double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (r != 0)
		return error_set(e, r, "%s", why);
	qsort(rs->c, (size_t)rs->n, sizeof(*rs->c), cand_cmp);
	if (rs->max > 0 && rs->n > rs->max)
		rs->n = rs->max;
	return 0;
}

void
roots_free(struct roots_scan *rs)
{
	free(rs->c);
	rs->c = NULL;
	rs->n = rs->alloc = 0;
}

int
roots_auto(struct machine *m, int which, const char *rn, u64 *root,
	   char *from, size_t n, struct error *e)
{
	struct roots_scan rs = { .which = which };
	int r, i, same = 0;

	r = roots_scan(m, &rs, e);
	if (r)
		return r;
	if (rs.n == 0) {
		roots_free(&rs);
		return error_set(e, -ENOENT, "--%s auto: no block of the image's "
				 "%s of RAM is a plausible %s page table: give "
				 "--%s PADDR", rn, fsize(m->phys.total),
				 m->arch->name, rn);
	}
	for (i = 1; i < rs.n; i++)
		if (rs.c[i].score == rs.c[0].score)
			same++;
	*root = rs.c[0].pa;
	snprintf(from, n, "--%s auto: the best of %d candidate%s found by a "
		 "scan (score %d%s%s)", rn, rs.n, rs.n == 1 ? "" : "s",
		 rs.c[0].score, rs.c[0].ktext ? ", maps the kernel's "
		 "init_uts_ns" : "", same ? ", tied" : "");
	roots_free(&rs);
	return 0;
}
