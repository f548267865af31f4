// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Kernel symbols: the kernel image's (from the arch's layout, a memory
 * image's VMCOREINFO) and those of loaded modules, as /proc/kallsyms lists
 * them.  m->ksyms keeps them in the order they were added; two indexes make
 * every lookup cheap whatever their number (an image's kallsyms holds
 * 100 000 and more):
 *   - by name: an open-addressing hash of indexes into m->ksyms, kept up
 *     to date as symbols are added;
 *   - by address: the symbols that name code or data (not the 'A'
 *     constants) sorted by value, one per value, built when first needed
 *     after a change, and searched by bisection (kallsyms_lookup()'s
 *     get_symbol_pos() does the same over the kernel's sorted table).
 * A name can repeat: two modules may both define init_module.  A lookup by
 * name answers the kernel's symbol first, else the module loaded last, as
 * kallsyms_lookup_name() walks the module list.
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/ksym.h"
#include "ptwalk/machine.h"

#define ADDR_STEP	64
#define SLOT_CHUNK	1024
#define NAME_CHUNK	(64 * 1024)
#define NAME_MAX_LEN	1024	/* a table's name, its NUL included */
#define LAZY_FINDS	32	/* by-name lookups of a table read on demand
				 * before it is decoded whole */

struct ksym_index {
	int *hash;		/* index + 1 into m->ksyms; 0: free slot */
	size_t hcap;		/* a power of two, more than twice nksyms */
	struct ksym_addr {
		u64 value;
		int k;		/* index into m->ksyms */
	} *by_addr;		/* sorted by (value, order added) */
	int naddr;
	/*
	 * The search's own arrays: the sorted values, each by_addr[].k, and
	 * every ADDR_STEP-th value (a few KiB that stay in the cache: one
	 * bisection there, one in a block of ADDR_STEP values).
	 */
	u64 *vals;
	int *kof;
	u64 *top;
	int ntop;
	bool addr_stale;	/* by_addr needs building again */
	/* the kernel's table, filled on the first lookup (machine_ksym_defer) */
	int (*load)(struct machine *m, void *arg, struct error *e);
	void *load_arg;
	bool loading;
	char *load_err;		/* why the loader failed, or NULL */
	char *note;		/* why a name may be missing from a table */
	/* a kernel symbol the table lacks, found from the kernel's state */
	bool (*derive)(struct machine *m, const char *name, u64 *value,
		       u64 *size);
	bool deriving;
	char **underived;	/* names the finder did not find: asked once */
	int nunderived;
	/* the kernel's table read on demand (machine_ksym_table), if any */
	struct ksym_table tab;
	bool has_tab;
	/*
	 * its symbols looked up so far: by index, 1 + their place in the
	 * chunks of SLOT_CHUNK (which never move), their names in chunks of
	 * NAME_CHUNK bytes (a few pages touched, nothing to free one by one)
	 */
	u32 *slot_of;
	struct ksym **chunk;
	u32 nslot;
	char **names;
	size_t nnames, name_used;
	int finds;		/* lookups by name that asked it */
};

static u64
name_hash(const char *s)
{
	u64 h = 0xcbf29ce484222325ULL;	/* FNV-1a */

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static struct ksym_index *
index_of(struct machine *m)
{
	if (m->ksym_idx == NULL)
		m->ksym_idx = xcalloc(1, sizeof(*m->ksym_idx));
	return m->ksym_idx;
}

/* The slot of name in the hash: its entry, or the free slot ending the run. */
static size_t
hash_slot(const struct machine *m, const char *name)
{
	const struct ksym_index *x = m->ksym_idx;
	size_t i, mask = x->hcap - 1;

	for (i = name_hash(name) & mask; x->hash[i]; i = (i + 1) & mask)
		if (!strcmp(m->ksyms[x->hash[i] - 1].name, name))
			break;
	return i;
}

/*
 * Make k (an index) the answer for its name unless the name already has a
 * better one: the kernel's own symbol wins over a module's, the first of
 * the kernel's table over a later one of the same name (static symbols of
 * several files), and among modules' the one added last wins.
 */
static void
hash_put(struct machine *m, int k)
{
	struct ksym_index *x = m->ksym_idx;
	size_t i = hash_slot(m, m->ksyms[k].name);

	if (x->hash[i] && m->ksyms[x->hash[i] - 1].module == NULL)
		return;
	x->hash[i] = k + 1;
}

static void
hash_rebuild(struct machine *m, size_t cap)
{
	struct ksym_index *x = index_of(m);
	int i;

	free(x->hash);
	x->hcap = cap;
	x->hash = xcalloc(cap, sizeof(*x->hash));
	for (i = 0; i < m->nksyms; i++)
		hash_put(m, i);
}

static const struct ksym *
find_name(const struct machine *m, const char *name)
{
	const struct ksym_index *x = m->ksym_idx;
	size_t i;

	if (x == NULL || x->hcap == 0)
		return NULL;
	i = hash_slot(m, name);
	return x->hash[i] ? &m->ksyms[x->hash[i] - 1] : NULL;
}

static struct ksym *
append(struct machine *m, const char *name, u64 value, u64 size, char type,
       const char *module)
{
	struct ksym_index *x = index_of(m);
	struct ksym *k;

	if (m->nksyms == m->aksyms) {
		m->aksyms = m->aksyms ? m->aksyms * 2 : 64;
		m->ksyms = xrealloc(m->ksyms, (size_t)m->aksyms *
				    sizeof(*m->ksyms));
	}
	if (2 * ((size_t)m->nksyms + 1) > x->hcap)
		hash_rebuild(m, x->hcap ? x->hcap * 2 : 128);
	k = &m->ksyms[m->nksyms++];
	k->name = xstrdup(name);
	k->value = value;
	k->size = size;
	k->type = type;
	k->module = module;
	hash_put(m, m->nksyms - 1);
	x->addr_stale = true;
	return k;
}

/*
 * The deferred loader runs once, before the first lookup; a lookup made
 * while it runs sees the symbols as they are.
 */
static void
ready(const struct machine *cm)
{
	struct machine *m = (struct machine *)cm;
	struct ksym_index *x = m->ksym_idx;
	int (*load)(struct machine *m, void *arg, struct error *e);
	struct error e;

	if (x == NULL || x->load == NULL || x->loading)
		return;
	/* once only, even when the loader never returns (a SIGBUS caught) */
	load = x->load;
	x->load = NULL;
	x->loading = true;
	free(x->load_err);
	x->load_err = xstrdup("reading them was interrupted");
	error_clear(&e);
	if (load(m, x->load_arg, &e) == 0) {
		free(x->load_err);
		x->load_err = NULL;
	} else if (e.msg[0]) {
		free(x->load_err);
		x->load_err = xstrdup(e.msg);
	}
	x->loading = false;
}

void
machine_ksym_defer(struct machine *m,
		   int (*load)(struct machine *m, void *arg, struct error *e),
		   void *arg)
{
	struct ksym_index *x = index_of(m);

	x->load = load;
	x->load_arg = arg;
}

/*
 * The table read on demand takes the place machine_set_kernel_ksyms()
 * would give it: the kernel's symbols added before whose names it has
 * go (their names looked up in one pass).
 */
void
machine_ksym_table(struct machine *m, const struct ksym_table *t)
{
	struct ksym_index *x = index_of(m);
	const char **names = xmalloc((size_t)(m->nksyms + 1) * sizeof(*names));
	long *idx = xmalloc((size_t)(m->nksyms + 1) * sizeof(*idx));
	int i, j, nn = 0;

	x->tab = *t;
	x->has_tab = true;
	for (i = 0; i < m->nksyms; i++)
		if (m->ksyms[i].module == NULL)
			names[nn++] = m->ksyms[i].name;
	if (nn > 0)
		t->find(t->arg, names, nn, idx);
	for (i = j = nn = 0; i < m->nksyms; i++) {
		if (m->ksyms[i].module == NULL && idx[nn++] >= 0) {
			free(m->ksyms[i].name);
			continue;
		}
		m->ksyms[j++] = m->ksyms[i];
	}
	free(names);
	free(idx);
	if (j != m->nksyms) {
		m->nksyms = j;
		hash_rebuild(m, x->hcap ? x->hcap : 128);
	}
	x->addr_stale = true;
}

/* A copy of name, of n bytes with its NUL, in the names' chunks. */
static char *
slot_name(struct ksym_index *x, const char *name, size_t n)
{
	char *p;

	if (x->nnames == 0 || x->name_used + n > NAME_CHUNK) {
		x->names = xrealloc(x->names, (x->nnames + 1) *
				    sizeof(*x->names));
		x->names[x->nnames++] = xmalloc(NAME_CHUNK);
		x->name_used = 0;
	}
	p = x->names[x->nnames - 1] + x->name_used;
	memcpy(p, name, n);
	x->name_used += n;
	return p;
}

/* Symbol i of the table read on demand, kept once looked up. */
static const struct ksym *
tab_slot(struct ksym_index *x, long i)
{
	char name[NAME_MAX_LEN];
	struct ksym k, *c;
	u32 s;

	if (i < 0 || (u64)i >= x->tab.n)
		return NULL;
	if (x->slot_of == NULL)
		x->slot_of = xcalloc(x->tab.n, sizeof(*x->slot_of));
	s = x->slot_of[i];
	if (s != 0)
		return &x->chunk[(s - 1) / SLOT_CHUNK][(s - 1) % SLOT_CHUNK];
	if (x->tab.get(x->tab.arg, (u32)i, &k, name, sizeof(name)))
		return NULL;
	if (x->nslot % SLOT_CHUNK == 0) {
		x->chunk = xrealloc(x->chunk, (x->nslot / SLOT_CHUNK + 1) *
				    sizeof(*x->chunk));
		x->chunk[x->nslot / SLOT_CHUNK] =
			xmalloc(SLOT_CHUNK * sizeof(**x->chunk));
	}
	c = &x->chunk[x->nslot / SLOT_CHUNK][x->nslot % SLOT_CHUNK];
	*c = k;
	c->name = slot_name(x, name, strlen(name) + 1);
	x->slot_of[i] = ++x->nslot;
	return c;
}

/* The table read on demand, decoded whole into m->ksyms. */
static void
tab_full(struct machine *m)
{
	struct ksym_index *x = m->ksym_idx;
	struct ksym_table t;
	struct error e;

	if (x == NULL || !x->has_tab)
		return;
	t = x->tab;
	x->has_tab = false;
	error_clear(&e);
	if (t.load(m, t.arg, &e)) {
		free(x->load_err);
		x->load_err = xstrdup(e.msg[0] ? e.msg : "decoding them failed");
	}
	t.free(t.arg);
}

int
machine_ksyms_load(struct machine *m)
{
	ready(m);
	tab_full(m);
	return m->ksym_idx != NULL && m->ksym_idx->load_err != NULL ? -1 : 0;
}

const char *
machine_ksyms_error(const struct machine *m)
{
	ready(m);
	return m->ksym_idx != NULL ? m->ksym_idx->load_err : NULL;
}

const char *
machine_ksyms_missing(const struct machine *m)
{
	ready(m);
	if (m->ksym_idx == NULL)
		return NULL;
	return m->ksym_idx->load_err ? m->ksym_idx->load_err :
		m->ksym_idx->note;
}

void
machine_ksyms_set_note(struct machine *m, const char *msg)
{
	struct ksym_index *x = index_of(m);

	free(x->note);
	x->note = msg != NULL ? xstrdup(msg) : NULL;
}

void
machine_ksyms_set_error(struct machine *m, const char *msg)
{
	struct ksym_index *x = index_of(m);

	free(x->load_err);
	x->load_err = msg != NULL ? xstrdup(msg) : NULL;
}

/*
 * The kernel's table replaces the kernel's symbols of the same names
 * added before (the layout's, VMCOREINFO's); the others stay after it,
 * then the modules'.  The names of syms are taken over.
 */
void
machine_set_kernel_ksyms(struct machine *m, struct ksym *syms, int n)
{
	struct ksym_index *x = index_of(m);
	int i, j, old = m->nksyms, total = n + old;
	struct ksym *all = xmalloc((size_t)(total ? total : 1) * sizeof(*all));
	size_t cap = 128;

	for (i = 0; i < n; i++) {
		all[i] = syms[i];
		all[i].module = NULL;
	}
	memcpy(all + n, m->ksyms, (size_t)old * sizeof(*all));
	free(m->ksyms);
	m->ksyms = all;
	m->nksyms = m->aksyms = total;
	while (cap < 2 * (size_t)total + 2)
		cap *= 2;
	/* the table first: an older symbol its names answer goes */
	free(x->hash);
	x->hcap = cap;
	x->hash = xcalloc(cap, sizeof(*x->hash));
	for (i = 0; i < n; i++)
		hash_put(m, i);
	for (i = j = n; i < total; i++) {
		if (all[i].module == NULL) {
			size_t s = hash_slot(m, all[i].name);

			if (x->hash[s] && x->hash[s] - 1 < n) {
				free(all[i].name);
				continue;
			}
		}
		all[j++] = all[i];
	}
	m->nksyms = j;
	/* the table's entries kept their places: the others go in after */
	for (i = n; i < j; i++)
		hash_put(m, i);
	x->addr_stale = true;
}

void
machine_add_ksym(struct machine *m, const char *name, u64 value, u64 size,
		 char type)
{
	struct ksym *k;

	tab_full(m);
	k = (struct ksym *)find_name(m, name);
	if (k != NULL && k->module == NULL) {
		k->value = value;
		k->size = size;
		k->type = type;
		m->ksym_idx->addr_stale = true;
		return;
	}
	append(m, name, value, size, type, NULL);
}

void
machine_add_module_ksym(struct machine *m, const char *module,
			const char *name, u64 value, u64 size, char type)
{
	append(m, name, value, size, type, module);
}

void
machine_del_module_ksyms(struct machine *m, const char *module)
{
	int i, n = 0;

	for (i = 0; i < m->nksyms; i++) {
		if (m->ksyms[i].module != NULL &&
		    !strcmp(m->ksyms[i].module, module)) {
			free(m->ksyms[i].name);
			continue;
		}
		m->ksyms[n++] = m->ksyms[i];
	}
	if (n == m->nksyms)
		return;
	m->nksyms = n;
	hash_rebuild(m, m->ksym_idx->hcap);
	m->ksym_idx->addr_stale = true;
}

void
machine_ksym_derive(struct machine *m,
		    bool (*derive)(struct machine *m, const char *name,
				   u64 *value, u64 *size))
{
	index_of(m)->derive = derive;
}

const struct ksym *
machine_ksym(const struct machine *m, const char *name)
{
	struct machine *mm = (struct machine *)m;
	struct ksym_index *x;
	const struct ksym *k;
	u64 value, size;
	int i;

	ready(m);
	x = m->ksym_idx;
	if (x != NULL && x->has_tab && ++x->finds > LAZY_FINDS)
		tab_full(mm);
	if (x != NULL && x->has_tab) {
		long at;

		x->tab.find(x->tab.arg, &name, 1, &at);
		if (at >= 0)
			return tab_slot(x, at);
	}
	k = find_name(m, name);
	if (k != NULL || x == NULL || x->derive == NULL || x->deriving)
		return k;
	for (i = 0; i < x->nunderived; i++)
		if (!strcmp(x->underived[i], name))
			return NULL;
	/* once per name: found, it is a symbol from then on */
	x->deriving = true;
	if (x->derive(mm, name, &value, &size)) {
		k = append(mm, name, value, size, 'D', NULL);
	} else {
		x->underived = xrealloc(x->underived, (size_t)(x->nunderived +
					1) * sizeof(*x->underived));
		x->underived[x->nunderived++] = xstrdup(name);
	}
	x->deriving = false;
	return k;
}

static int
addr_cmp(const void *a, const void *b)
{
	const struct ksym_addr *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return x->k - y->k;
}

/*
 * Sort by (value, order added): a kernel's table comes in address order,
 * the symbols after it are few, so only those are sorted, then merged.
 */
static void
sort_addrs(struct ksym_addr *a, int n)
{
	struct ksym_addr *tmp;
	int p = 1, i, j, k;

	while (p < n && addr_cmp(&a[p - 1], &a[p]) <= 0)
		p++;
	if (p >= n)
		return;
	qsort(a + p, (size_t)(n - p), sizeof(*a), addr_cmp);
	tmp = xmalloc((size_t)n * sizeof(*tmp));
	for (i = 0, j = p, k = 0; k < n; k++)
		tmp[k] = j >= n || (i < p && addr_cmp(&a[i], &a[j]) <= 0) ?
			a[i++] : a[j++];
	memcpy(a, tmp, (size_t)n * sizeof(*a));
	free(tmp);
}

/* Sort the symbols by address; of several at one address keep the first. */
static void
addr_rebuild(const struct machine *m)
{
	struct ksym_index *x = m->ksym_idx;
	int i, n = 0;

	x->by_addr = xrealloc(x->by_addr, (size_t)(m->nksyms ? m->nksyms : 1) *
			      sizeof(*x->by_addr));
	for (i = 0; i < m->nksyms; i++)
		if (m->ksyms[i].type != 'A' && m->ksyms[i].type != 'a') {
			x->by_addr[n].value = m->ksyms[i].value;
			x->by_addr[n++].k = i;
		}
	sort_addrs(x->by_addr, n);
	x->naddr = 0;
	for (i = 0; i < n; i++)
		if (x->naddr == 0 ||
		    x->by_addr[i].value != x->by_addr[x->naddr - 1].value)
			x->by_addr[x->naddr++] = x->by_addr[i];
	x->vals = xrealloc(x->vals, (size_t)(x->naddr + 1) * sizeof(*x->vals));
	x->kof = xrealloc(x->kof, (size_t)(x->naddr + 1) * sizeof(*x->kof));
	x->ntop = (x->naddr + ADDR_STEP - 1) / ADDR_STEP;
	x->top = xrealloc(x->top, (size_t)(x->ntop + 1) * sizeof(*x->top));
	for (i = 0; i < x->naddr; i++) {
		x->vals[i] = x->by_addr[i].value;
		x->kof[i] = x->by_addr[i].k;
		if (i % ADDR_STEP == 0)
			x->top[i / ADDR_STEP] = x->vals[i];
	}
	x->addr_stale = false;
}

/*
 * The last of a[0..n) at or below va, a[0] being so: a bisection
 * without branches (a conditional move per step, nothing to mispredict).
 */
static inline int
last_le(const u64 *a, int n, u64 va)
{
	const u64 *b = a;

	while (n > 1) {
		int half = n / 2;

		b = b[half] <= va ? b + half : b;
		n -= half;
	}
	return (int)(b - a);
}

/* The symbols of m->ksyms only. */
static const struct ksym *
addr_find(const struct machine *m, u64 va)
{
	struct ksym_index *x = m->ksym_idx;
	int blk, base, n;

	if (x->addr_stale)
		addr_rebuild(m);
	if (x->ntop == 0 || x->top[0] > va)
		return NULL;
	/* the last block whose first value is at or below va ... */
	blk = last_le(x->top, x->ntop, va);
	/* ... and in it, the last symbol whose value is at or below va */
	base = blk * ADDR_STEP;
	n = x->naddr - base < ADDR_STEP ? x->naddr - base : ADDR_STEP;
	return &m->ksyms[x->kof[base + last_le(x->vals + base, n, va)]];
}

/*
 * With a table read on demand, its answer and m->ksyms' (the kernel's
 * other symbols, the modules'): the higher; the table's of two at one
 * address, as its symbols come first in m->ksyms once decoded.
 */
const struct ksym *
machine_ksym_at(const struct machine *m, u64 va)
{
	struct ksym_index *x;
	const struct ksym *t, *o;

	ready(m);
	x = m->ksym_idx;
	if (x == NULL)
		return NULL;
	o = addr_find(m, va);
	if (!x->has_tab)
		return o;
	t = tab_slot(x, x->tab.at(x->tab.arg, va));
	return t != NULL && (o == NULL || t->value >= o->value) ? t : o;
}

void
machine_ksyms_release(struct machine *m)
{
	int i;

	for (i = 0; i < m->nksyms; i++)
		free(m->ksyms[i].name);
	free(m->ksyms);
	m->ksyms = NULL;
	m->nksyms = m->aksyms = 0;
	if (m->ksym_idx != NULL) {
		struct ksym_index *x = m->ksym_idx;

		if (x->has_tab)
			x->tab.free(x->tab.arg);
		for (i = 0; (u32)i < (x->nslot + SLOT_CHUNK - 1) / SLOT_CHUNK;
		     i++)
			free(x->chunk[i]);
		free(x->chunk);
		free(x->slot_of);
		for (i = 0; (size_t)i < x->nnames; i++)
			free(x->names[i]);
		free(x->names);
		free(m->ksym_idx->hash);
		free(m->ksym_idx->by_addr);
		free(m->ksym_idx->vals);
		free(m->ksym_idx->kof);
		free(m->ksym_idx->top);
		free(m->ksym_idx->load_err);
		free(m->ksym_idx->note);
		for (i = 0; i < m->ksym_idx->nunderived; i++)
			free(m->ksym_idx->underived[i]);
		free(m->ksym_idx->underived);
		free(m->ksym_idx);
		m->ksym_idx = NULL;
	}
}
