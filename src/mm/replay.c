// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Replaying a memory-access trace through the current process: every
 * access translated by the CPU (TLB, walk), faults handled by the kernel,
 * and counted.  Nothing here allocates per access.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/machine.h"
#include "ptwalk/mm.h"
#include "ptwalk/replay.h"
#include "ptwalk/util.h"

#define WS_SHIFT	12	/* the working set counts 4K pages */

/*
 * The machine's model, made on the first replay.  Flushes since the last
 * replay (a context switch, 'tlb flush') cannot be told apart from here:
 * any of them empties the whole model.
 */
static void
model_start(struct replay *rp)
{
	struct machine *m = rp->m;
	const struct tlb *t = &rp->c->tlb;
	struct tlbh *h = m->tlbh_state;

	if (m->tlbh == NULL)
		return;
	if (h == NULL) {
		h = xcalloc(1, sizeof(*h));
		if (tlbh_init(h, m->tlbh, &m->mmu)) {
			free(h);
			return;
		}
		h->seen_all = t->flush_all + t->flush_asid;
		h->seen_page = t->flush_page;
		m->tlbh_state = h;
	}
	if (t->flush_all + t->flush_asid != h->seen_all ||
	    t->flush_page != h->seen_page) {
		h->seen_all = t->flush_all + t->flush_asid;
		h->seen_page = t->flush_page;
		tlbh_flush_all(h);
	}
	rp->h = h;
	rp->h0 = *h;
}

void
replay_init(struct replay *rp, struct machine *m, struct cpu *c)
{
	struct task_struct *t = current_task(m);

	memset(rp, 0, sizeof(*rp));
	rp->m = m;
	rp->c = c;
	rp->hits0 = c->tlb.hits;
	rp->miss0 = c->tlb.misses;
	rp->min0 = t ? t->min_flt : 0;
	rp->maj0 = t ? t->maj_flt : 0;
	rp->ws_mask = 63;
	rp->ws = xcalloc(rp->ws_mask + 1, sizeof(*rp->ws));
	rp->last_slot = -1;
	model_start(rp);
}

void
replay_release(struct replay *rp)
{
	free(rp->ws);
	rp->ws = NULL;
	rp->h = NULL;	/* the machine keeps it */
}

void
replay_model_stats(const struct replay *rp, struct tlbh *d)
{
	tlbh_delta(d, rp->h, &rp->h0);
}

/*
 * The hierarchy follows the flushes of the CPU's TLB that the kernel made
 * (a fault's invlpg, a PTI return, a COW break): a page flush drops the
 * page of the access being made, which is the one the kernel changed.
 */
static void
model_sync(struct replay *rp, u64 va)
{
	const struct tlb *t = &rp->c->tlb;
	struct tlbh *h = rp->h;

	if (t->flush_all + t->flush_asid != h->seen_all) {
		h->seen_all = t->flush_all + t->flush_asid;
		h->seen_page = t->flush_page;
		tlbh_flush_all(h);
	} else if (t->flush_page != h->seen_page) {
		h->seen_page = t->flush_page;
		tlbh_flush_page(h, va);
	}
}

/* The page size of a translated va, for the model (0: not translated). */
static unsigned
page_shift(struct replay *rp, u64 va)
{
	struct machine *m = rp->m;
	struct cpu *c = rp->c;
	struct tlb_entry *te = tlb_peek(&c->tlb, va, c->asid);
	struct xlat x;
	int ri;

	if (te != NULL)
		return te->shift;
	ri = mmu_root_index(&m->mmu, va);
	if (!c->root_valid[ri] ||
	    mmu_translate_walk(&m->mmu, &m->phys, c->root[ri], va, &x))
		return 0;
	return x.shift;
}

static inline u64
ws_hash(u64 k)
{
	k *= 0x9e3779b97f4a7c15ULL;
	return k ^ (k >> 29);
}

static struct replay_ws *
ws_slot(struct replay_ws *t, u64 mask, u64 key)
{
	u64 h;

	for (h = ws_hash(key) & mask; t[h].key && t[h].key != key;
	     h = (h + 1) & mask)
		;
	return &t[h];
}

static void
ws_grow(struct replay *rp)
{
	struct replay_ws *old = rp->ws;
	u64 n = rp->ws_mask + 1, i;

	rp->ws_mask = 2 * n - 1;
	rp->ws = xcalloc(2 * n, sizeof(*rp->ws));
	for (i = 0; i < n; i++)
		if (old[i].key)
			*ws_slot(rp->ws, rp->ws_mask, old[i].key) = old[i];
	free(old);
	rp->ws_last = NULL;
}

/* The chunk of a new key: taken, and the table grown at half full. */
static struct replay_ws *
ws_new(struct replay *rp, u64 key)
{
	struct replay_ws *c;

	if (++rp->ws_used * 2 > rp->ws_mask)
		ws_grow(rp);
	c = ws_slot(rp->ws, rp->ws_mask, key);
	c->key = key;
	return c;
}

/* Count the 4K page of va in the working set. */
static inline void
ws_add(struct replay *rp, u64 va)
{
	u64 pg = va >> WS_SHIFT, key = (pg >> 9) + 1, bit = 1ULL << (pg & 63);
	struct replay_ws *c = rp->ws_last;
	u64 *w;

	if (unlikely(c == NULL || c->key != key)) {
		c = ws_slot(rp->ws, rp->ws_mask, key);
		if (c->key == 0)
			c = ws_new(rp, key);
		rp->ws_last = c;
	}
	w = &c->bits[(pg >> 6) & 7];
	if (!(*w & bit)) {
		*w |= bit;
		rp->st.pages++;
	}
}

/*
 * The per-VMA slot holding va, from the table alone: during a replay VMAs
 * only grow (a stack), so a slot's bounds are never too wide.
 */
static inline int
known_slot(struct replay *rp, u64 va)
{
	const struct replay_vma *v;
	int i = rp->last_slot;

	if (likely(i >= 0)) {
		v = &rp->st.vma[i];
		if (likely(va - v->start < v->end - v->start))
			return i;
	}
	for (i = 0; i < rp->st.nvma; i++) {
		v = &rp->st.vma[i];
		if (va - v->start < v->end - v->start) {
			rp->last_slot = i;
			return i;
		}
	}
	return -1;
}

/* The per-VMA slot of va (-1: outside every VMA, or beyond the table). */
static int
vma_slot(struct replay *rp, u64 va)
{
	struct task_struct *t = current_task(rp->m);
	struct vm_area_struct *vma;
	int i;

	if ((i = known_slot(rp, va)) >= 0)
		return i;
	if (t == NULL || t->mm == NULL)
		return -1;
	vma = find_vma(t->mm, va);
	if (vma == NULL || va < vma->vm_start)
		return -1;
	for (i = 0; i < rp->st.nvma; i++)
		if (rp->st.vma[i].vma == vma)
			break;
	if (i == rp->st.nvma) {
		struct replay_vma *v = &rp->st.vma[i];

		if (i == REPLAY_VMAS)
			return -1;
		rp->st.nvma++;
		v->vma = vma;
		snprintf(v->name, sizeof(v->name), "%s", vma_name(t->mm, vma));
	}
	rp->st.vma[i].start = vma->vm_start;
	rp->st.vma[i].end = vma->vm_end;
	rp->last_slot = i;
	return i;
}

/* One access of one kind, every page it touches: the general case. */
static int
access_slow(struct replay *rp, u64 va, u32 size, unsigned acc,
	    struct error *e)
{
	struct machine *m = rp->m;
	struct task_struct *t;
	u64 pa, last = va + (size ? size - 1 : 0), miss0 = rp->c->tlb.misses;
	u64 flt0 = 0;
	int slot, r = 0;

	/* an address the arch cannot have is no access at all */
	if (known_slot(rp, va) < 0 && machine_check_va(m, va, e))
		return -1;
	slot = vma_slot(rp, va);
	t = current_task(m);
	if (t != NULL)
		flt0 = t->min_flt + t->maj_flt;
	rp->st.accesses++;
	rp->st.kind[acc == ACC_WRITE ? 1 : acc == ACC_EXEC ? 2 : 0]++;
	if (last < va)
		last = ~0ULL;	/* wraps: up to the end of the space */
	if ((va ^ last) >> WS_SHIFT)
		rp->st.straddles++;
	for (;;) {
		ws_add(rp, va);
		r = machine_access(m, rp->c, va, acc, &pa, e);
		if (rp->h != NULL) {
			unsigned sh;

			model_sync(rp, va);
			if (r == 0 && (sh = page_shift(rp, va)) != 0)
				tlbh_lookup(rp->h, va, sh, acc == ACC_EXEC);
		}
		if (r || (va ^ last) >> WS_SHIFT == 0)
			break;
		va = (va | ((1ULL << WS_SHIFT) - 1)) + 1;
	}
	if (slot >= 0) {
		struct replay_vma *v = &rp->st.vma[slot];

		v->accesses++;
		v->misses += rp->c->tlb.misses - miss0;
		if (t != NULL)
			v->faults += t->min_flt + t->maj_flt - flt0;
	} else {
		rp->st.other_accesses++;
		rp->st.other_misses += rp->c->tlb.misses - miss0;
	}
	if (r && t != NULL && t->state == TASK_KILLED && t->sig == SIGSEGV) {
		rp->st.segv++;
		if (rp->keep_going) {
			/* as if a handler had skipped the access */
			t->state = TASK_RUNNING;
			t->sig = 0;
			return REPLAY_SEGV;
		}
	}
	return r;
}

/*
 * A TLB miss on a page the walk finds mapped, allowing the access, with
 * its accessed (and for a write dirty) bit already set: the walk would
 * change nothing, so the fast translation walk does (no step records),
 * then the fill.  Anything else takes the general path, whose own lookup
 * then counts the miss.
 */
static int
access_miss(struct replay *rp, u64 va, u32 size, unsigned acc, unsigned a,
	    struct error *e)
{
	struct machine *m = rp->m;
	struct cpu *c = rp->c;
	int ri = mmu_root_index(&m->mmu, va);
	bool ad = !m->image && m->arch->update_ad != NULL;
	struct xlat x;

	if (!c->root_valid[ri] ||
	    mmu_translate_walk(&m->mmu, &m->phys, c->root[ri], va, &x) ||
	    (acc_need(a) & ~x.perm) || mmu_old_faults(&m->mmu, x.attr) ||
	    (ad && !(x.attr & P_YOUNG)) ||
	    (ad && (acc & ACC_WRITE) && !(x.attr & P_DIRTY))) {
		c->tlb.misses--;
		return access_slow(rp, va, size, acc, e);
	}
	tlb_fill(&c->tlb, va, c->asid, x.shift, x.pa, x.perm, x.attr,
		 (x.attr & P_GLOBAL) != 0);
	if (rp->h != NULL)
		tlbh_lookup(rp->h, va, x.shift, acc == ACC_EXEC);
	rp->st.accesses++;
	rp->st.kind[acc == ACC_WRITE ? 1 : acc == ACC_EXEC ? 2 : 0]++;
	rp->st.vma[rp->last_slot].accesses++;
	rp->st.vma[rp->last_slot].misses++;
	ws_add(rp, va);
	return 0;
}

/*
 * The common case first: within the last VMA, on one page, a TLB hit
 * that allows the access (and for a write, an entry already dirty).  It
 * is machine_access's own first lookup; anything else takes the general
 * path, whose lookup this one's is then not counted twice.
 */
static inline int
access_one(struct replay *rp, u64 va, u32 size, unsigned acc,
	   struct error *e)
{
	struct machine *m = rp->m;
	struct cpu *c = rp->c;
	struct tlb_entry *te;
	unsigned a = acc;

	if (unlikely(!m->tlb_on || known_slot(rp, va) < 0 ||
		     ((va & ((1ULL << WS_SHIFT) - 1)) + size >
		      (1ULL << WS_SHIFT))))
		return access_slow(rp, va, size, acc, e);
	if (va < m->lay.task_size)
		a |= ACC_USER;
	te = tlb_lookup(&c->tlb, va, c->asid);
	if (unlikely(te == NULL))
		return access_miss(rp, va, size, acc, a, e);
	if (unlikely((acc_need(a) & ~te->perm) ||
		     ((acc & ACC_WRITE) && !(te->attr & P_DIRTY) &&
		      !m->image && m->arch->update_ad != NULL))) {
		c->tlb.hits--;
		return access_slow(rp, va, size, acc, e);
	}
	if (rp->h != NULL)
		tlbh_lookup(rp->h, va, te->shift, acc == ACC_EXEC);
	rp->st.accesses++;
	rp->st.kind[acc == ACC_WRITE ? 1 : acc == ACC_EXEC ? 2 : 0]++;
	rp->st.vma[rp->last_slot].accesses++;
	ws_add(rp, va);
	return 0;
}

int
replay_access(struct replay *rp, const struct trace_rec *rec, struct error *e)
{
	int r = access_one(rp, rec->va, rec->size, rec->acc, e);

	if (r == 0 && rec->modify) {
		rp->st.modifies++;
		r = access_one(rp, rec->va, rec->size, ACC_WRITE, e);
	}
	if (rp->every && rp->csv && rp->st.accesses >= rp->next_row) {
		rp->next_row = (rp->st.accesses / rp->every + 1) * rp->every;
		replay_csv_row(rp);
	}
	return r;
}

void
replay_sync(struct replay *rp)
{
	struct task_struct *t = current_task(rp->m);

	rp->st.hits = rp->c->tlb.hits - rp->hits0;
	rp->st.misses = rp->c->tlb.misses - rp->miss0;
	rp->st.lookups = rp->st.hits + rp->st.misses;
	if (t != NULL) {
		rp->st.min_flt = t->min_flt - rp->min0;
		rp->st.maj_flt = t->maj_flt - rp->maj0;
	}
}

void
replay_csv_header(FILE *f)
{
	fprintf(f, "accesses,reads,writes,fetches,lookups,hits,misses,"
		"minor_faults,major_faults,sigsegv,pages\n");
}

void
replay_csv_row(struct replay *rp)
{
	const struct replay_stats *s = &rp->st;

	replay_sync(rp);
	fprintf(rp->csv, "%llu,%llu,%llu,%llu,%llu,%llu,%llu,%llu,%llu,%llu,"
		"%llu\n", (unsigned long long)s->accesses,
		(unsigned long long)s->kind[0], (unsigned long long)s->kind[1],
		(unsigned long long)s->kind[2], (unsigned long long)s->lookups,
		(unsigned long long)s->hits, (unsigned long long)s->misses,
		(unsigned long long)s->min_flt, (unsigned long long)s->maj_flt,
		(unsigned long long)s->segv, (unsigned long long)s->pages);
}
