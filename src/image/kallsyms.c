// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * kallsyms from a dump's memory, decoded as kernel/kallsyms.c reads the
 * tables scripts/kallsyms.c generates (Linux 6.1):
 *   - kallsyms_names: one record per symbol, in address order: a length
 *     (one byte below 0x80, else two: low 7 bits, then the next byte << 7)
 *     and that many token numbers; each expands to the NUL-terminated
 *     string at kallsyms_token_table + kallsyms_token_index[number].  The
 *     first character of the expansion is the symbol's type.
 *   - kallsyms_offsets (KALLSYMS_BASE_RELATIVE): 32-bit offsets from
 *     kallsyms_relative_base; with KALLSYMS_ABSOLUTE_PERCPU (x86_64 SMP) an
 *     offset >= 0 is an absolute value (a per-CPU symbol) and a negative
 *     one is relative_base - 1 - offset.  Without it no offset is
 *     negative: the kernel is smaller than 2 GiB.  Else
 *     kallsyms_addresses, unsigned longs.
 * kallsyms_relative_base is relocated with the kernel, so the addresses
 * come out with KASLR applied.  Every count, length, token and address is
 * checked against the dump and bounded (KALLSYMS_MAX_*): a corrupt table
 * is an error, never a crash or a long loop.  The first lookup checks the
 * tables through and reads them on demand from then on (a lookup expands
 * one name, as the kernel's own do); a walk over every symbol (sym
 * --list, completion) decodes them all into the machine's table.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/image_info.h"
#include "ptwalk/kallsyms.h"
#include "ptwalk/ksym.h"
#include "ptwalk/kstate.h"
#include "ptwalk/mmu.h"

int
kview_init(struct kview *k, struct machine *m, struct error *e)
{
	memset(k, 0, sizeof(*k));
	k->m = m;
	k->page_va = 1;
	k->root = m->swapper_pg_dir;
	if (k->root == 0) {
		struct cpu *c = machine_cpu(m);
		int i = mmu_root_index(&m->mmu, ~0ULL);

		if (!c->root_valid[i])
			return error_set(e, -EINVAL, "the image says nothing "
					 "of the kernel's page tables");
		k->root = c->root[i];
	}
	return 0;
}

/* The bytes of the page of va, from va to the page's end. */
static const u8 *
kview_page(struct kview *k, u64 va, struct error *e)
{
	u64 pva = va & ~(u64)(PAGE_SIZE - 1);
	struct walk w;

	if (pva != k->page_va) {
		if (mmu_walk(&k->m->mmu, &k->m->phys, k->root, pva, &w) !=
		    WF_NONE)
			return error_set(e, -EFAULT, "kernel address 0x%llx is "
					 "not mapped", (unsigned long long)va),
				NULL;
		k->page = phys_ptr(&k->m->phys, w.pa, PAGE_SIZE);
		if (k->page == NULL) {
			k->page_va = 1;
			return error_set(e, -EFAULT, "kernel address 0x%llx "
					 "(physical 0x%llx) is not in the dump",
					 (unsigned long long)va,
					 (unsigned long long)w.pa), NULL;
		}
		k->page_va = pva;
		k->page_pa = w.pa;
	}
	return k->page + (va - pva);
}

int
kview_read(struct kview *k, u64 va, void *buf, size_t n, struct error *e)
{
	u8 *out = buf;

	while (n > 0) {
		size_t chunk = PAGE_SIZE - (va & (PAGE_SIZE - 1));
		const u8 *p = kview_page(k, va, e);

		if (p == NULL)
			return -1;
		if (chunk > n)
			chunk = n;
		memcpy(out, p, chunk);
		out += chunk;
		va += chunk;
		n -= chunk;
	}
	return 0;
}

/* Put "what: " before the message e holds; returns -1. */
static int __attribute__((format(printf, 2, 3)))
eprefix(struct error *e, const char *fmt, ...)
{
	char old[sizeof(e->msg)], what[200];
	va_list ap;

	snprintf(old, sizeof(old), "%s", e->msg);
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	error_set(e, e->code ? e->code : -EINVAL, "%s: %s", what, old);
	return -1;
}

static u64
le(const u8 *p, unsigned n)
{
	u64 v = 0;

	while (n-- > 0)
		v = v << 8 | p[n];
	return v;
}

/* Where the tables are, as VMCOREINFO says. */
struct ktables {
	u64 names, num_syms, token_table, token_index;
	u64 offsets, relative_base;	/* base-relative */
	u64 addresses;			/* else */
	bool relative;
	unsigned long_size;
	u32 n;
	char *tok[256];			/* the expanded tokens */
	unsigned toklen[256];
	unsigned tokbad[256];		/* where a byte no name has is */
};

static int
ks_locate(struct machine *m, struct ktables *t, struct error *e)
{
	static const char *const need[] = {
		"kallsyms_names", "kallsyms_num_syms", "kallsyms_token_table",
		"kallsyms_token_index",
	};
	u64 *where[] = { &t->names, &t->num_syms, &t->token_table,
			 &t->token_index };
	char key[64];
	size_t i;

	if (m->img == NULL || m->img->vmcoreinfo == NULL)
		return error_set(e, -ENOENT, "the dump has no VMCOREINFO to "
				 "find the kernel's kallsyms by: give --symbols "
				 "System.map or vmlinux");
	for (i = 0; i < ARRAY_SIZE(need); i++) {
		snprintf(key, sizeof(key), "SYMBOL(%s)", need[i]);
		if (!vmcoreinfo_u64(m->img, key, where[i]))
			return error_set(e, -ENOENT, "the dump's VMCOREINFO has "
					 "no %s (Linux before 6.0, or no "
					 "CONFIG_KALLSYMS): give --symbols "
					 "System.map or vmlinux", key);
	}
	t->relative = vmcoreinfo_u64(m->img, "SYMBOL(kallsyms_offsets)",
				     &t->offsets) &&
		vmcoreinfo_u64(m->img, "SYMBOL(kallsyms_relative_base)",
			       &t->relative_base);
	if (!t->relative && !vmcoreinfo_u64(m->img,
					    "SYMBOL(kallsyms_addresses)",
					    &t->addresses))
		return error_set(e, -ENOENT, "the dump's VMCOREINFO has "
				 "neither SYMBOL(kallsyms_offsets) with "
				 "SYMBOL(kallsyms_relative_base) nor "
				 "SYMBOL(kallsyms_addresses): give --symbols "
				 "System.map or vmlinux");
	t->long_size = m->arch->is64 ? 8 : 4;
	return 0;
}

/* The 256 tokens: NUL-terminated, each shorter than KSYM_NAME_LEN. */
static int
ks_tokens(struct kview *k, struct ktables *t, struct error *e)
{
	u8 idx[512];
	int i;

	if (kview_read(k, t->token_index, idx, sizeof(idx), e))
		return eprefix(e, "kallsyms_token_index");
	for (i = 0; i < 256; i++) {
		u64 va = t->token_table + le(idx + 2 * i, 2);
		char buf[KSYM_NAME_LEN];
		unsigned n = 0;

		for (;;) {
			const u8 *p = kview_page(k, va + n, e);

			if (p == NULL)
				return eprefix(e, "kallsyms token %d", i);
			if (*p == 0)
				break;
			if (n == sizeof(buf) - 1)
				return error_set(e, -EINVAL, "kallsyms token "
						 "%d is not terminated within "
						 "%d bytes: the table is "
						 "corrupt", i, KSYM_NAME_LEN);
			buf[n++] = (char)*p;
		}
		t->tok[i] = xmalloc(n + 1);
		memcpy(t->tok[i], buf, n);
		t->tok[i][n] = 0;
		t->toklen[i] = n;
		t->tokbad[i] = 0;
		while (t->tokbad[i] < n && buf[t->tokbad[i]] > ' ' &&
		       buf[t->tokbad[i]] <= '~')
			t->tokbad[i]++;
	}
	return 0;
}

static void
ks_release(struct ktables *t)
{
	int i;

	for (i = 0; i < 256; i++)
		free(t->tok[i]);
}

/* Every symbol's address, KASLR applied by the kernel's own relocation. */
static int
ks_addresses(struct kview *k, struct ktables *t, struct ksym *s,
	     struct error *e)
{
	unsigned esz = t->relative ? 4 : t->long_size;
	size_t bytes = (size_t)t->n * esz;
	u8 *raw = xmalloc(bytes);
	bool percpu = false;
	u64 base = 0;
	u32 i;

	if (kview_read(k, t->relative ? t->offsets : t->addresses, raw, bytes,
		       e)) {
		free(raw);
		return eprefix(e, "%s (%u entries)", t->relative ?
			       "kallsyms_offsets" : "kallsyms_addresses", t->n);
	}
	if (t->relative) {
		u8 b[8];

		if (kview_read(k, t->relative_base, b, t->long_size, e)) {
			free(raw);
			return eprefix(e, "kallsyms_relative_base");
		}
		base = le(b, t->long_size);
		for (i = 0; i < t->n && !percpu; i++)
			percpu = (s32)le(raw + 4 * (size_t)i, 4) < 0;
	}
	for (i = 0; i < t->n; i++) {
		u64 v = le(raw + (size_t)i * esz, esz);

		if (!t->relative)
			s[i].value = v;
		else if (!percpu)
			s[i].value = base + (u32)v;
		else if ((s32)v >= 0)
			s[i].value = (u32)v;
		else
			s[i].value = base - 1 - (u64)(s64)(s32)v;
		if (!k->m->arch->is64)
			s[i].value &= 0xffffffffULL;
	}
	free(raw);
	return 0;
}

/*
 * A cursor through kernel memory: the bytes of a run of pages at a time
 * (contiguous in the dump, as the kernel image is), the next run walked to
 * when they run out.
 */
struct kcur {
	struct kview *k;
	u64 end_va;		/* the address of end */
	const u8 *p, *end;
	int run;		/* pages to map at a time, at most */
};

#define KC_RUN	16	/* pages in a run at most */

static inline u64
kc_va(const struct kcur *c)
{
	return c->end_va - (u64)(c->end - c->p);
}

static void
kc_seek(struct kcur *c, struct kview *k, u64 va)
{
	c->k = k;
	c->end_va = va;
	c->p = c->end = NULL;
	c->run = 1;
}

/* As kc_seek(), for a read through a whole table. */
static void
kc_seek_run(struct kcur *c, struct kview *k, u64 va)
{
	kc_seek(c, k, va);
	c->run = KC_RUN;
}

/* The run of pages from the cursor's address on. */
static int
kc_fill(struct kcur *c, struct error *e)
{
	u64 va = c->end_va, pva = (va & ~(u64)(PAGE_SIZE - 1)) + PAGE_SIZE;
	const u8 *p = kview_page(c->k, va, e), *end;
	const struct phys_range *r;
	int i;

	if (p == NULL)
		return -1;
	end = p + (pva - va);
	/* a dump paged in on demand: a page at a time, as kview_page() */
	r = phys_find(&c->k->m->phys, c->k->page_pa);
	for (i = 1; i < c->run && r != NULL && !(r->flags & PHYS_LAZY);
	     i++, pva += PAGE_SIZE) {
		struct walk w;

		if (mmu_walk(&c->k->m->mmu, &c->k->m->phys, c->k->root, pva,
			     &w) != WF_NONE ||
		    phys_ptr(&c->k->m->phys, w.pa, PAGE_SIZE) != end)
			break;
		end += PAGE_SIZE;
	}
	c->p = p;
	c->end = end;
	c->end_va = va + (u64)(end - p);
	return 0;
}

/*
 * The dump's own bytes of [va, va + len) when they lie in a row (as the
 * kernel image's do) in a range held whole, else NULL.
 */
static const u8 *
kview_span(struct kview *k, u64 va, u64 len)
{
	const struct phys_range *r;
	u64 pa0, off;
	struct walk w;

	if (len == 0 || mmu_walk(&k->m->mmu, &k->m->phys, k->root, va, &w) !=
	    WF_NONE)
		return NULL;
	pa0 = w.pa;
	r = phys_find(&k->m->phys, pa0);
	if (r == NULL || (r->flags & PHYS_LAZY))
		return NULL;
	for (off = PAGE_SIZE - (va & (PAGE_SIZE - 1)); off < len;
	     off += PAGE_SIZE)
		if (mmu_walk(&k->m->mmu, &k->m->phys, k->root, va + off, &w) !=
		    WF_NONE || w.pa != pa0 + off)
			return NULL;
	return phys_ptr(&k->m->phys, pa0, len);
}

static inline int
kc_get(struct kcur *c, u8 *b, struct error *e)
{
	if (unlikely(c->p == c->end) && kc_fill(c, e))
		return -1;
	*b = *c->p++;
	return 0;
}

static inline void
kc_skip(struct kcur *c, unsigned n)
{
	if ((size_t)(c->end - c->p) > n) {
		c->p += n;
	} else {
		c->end_va = kc_va(c) + n;
		c->p = c->end = NULL;
	}
}

/* A record's length in tokens: one byte below 0x80, else two. */
static inline int
kc_len(struct kcur *c, unsigned *len, struct error *e)
{
	u8 b;

	if (kc_get(c, &b, e))
		return -1;
	*len = b;
	if (b & 0x80) {
		if (kc_get(c, &b, e))
			return -1;
		*len = (*len & 0x7f) | (unsigned)b << 7;
	}
	return 0;
}

/* The record at the cursor: its expansion (type, then name) into buf. */
static int
ks_record(struct ktables *t, struct kcur *c, u64 end, char *buf,
	  unsigned *blen, struct error *e)
{
	unsigned len, n = 0, j;
	u8 tk;

	if (kc_va(c) >= end)
		return error_set(e, -EINVAL, "kallsyms_names runs past %u MiB",
				 KALLSYMS_MAX_BYTES >> 20);
	if (kc_len(c, &len, e))
		return -1;
	if (len == 0 || len > KSYM_NAME_LEN)
		return error_set(e, -EINVAL, "a name of %u tokens", len);
	for (j = 0; j < len; j++) {
		unsigned tl;

		if (kc_get(c, &tk, e))
			return -1;
		tl = t->toklen[tk];
		if (tl == 0)
			return error_set(e, -EINVAL, "token %u is empty", tk);
		if (n + tl > KSYM_NAME_LEN)
			tl = KSYM_NAME_LEN - n;	/* as the kernel truncates */
		memcpy(buf + n, t->tok[tk], tl);
		n += tl;
	}
	if (n < 2)
		return error_set(e, -EINVAL, "a symbol without a name");
	for (j = 0; j < n; j++)
		if (buf[j] <= ' ' || buf[j] > '~')
			return error_set(e, -EINVAL, "a name with byte 0x%02x",
					 (unsigned char)buf[j]);
	buf[n] = 0;
	*blen = n;
	return 0;
}

/*
 * Every name and type, into *sp (grown as the records prove good, so that
 * a count no table backs costs nothing); the total is bounded by
 * KALLSYMS_MAX_BYTES.
 */
static int
ks_names(struct kview *k, struct ktables *t, struct ksym **sp, u32 *np,
	 struct error *e)
{
	u64 end = t->names + KALLSYMS_MAX_BYTES;
	size_t total = 0, cap = 0;
	char buf[KSYM_NAME_LEN + 1];
	struct kcur c;
	unsigned n = 0;
	u32 i;

	kc_seek_run(&c, k, t->names);
	for (i = 0; i < t->n; i++, *np = i) {
		if (ks_record(t, &c, end, buf, &n, e))
			return eprefix(e, "kallsyms_names, symbol %u of %u "
				       "(the table is corrupt)", i, t->n);
		total += n;
		if (total > KALLSYMS_MAX_BYTES)
			return error_set(e, -EINVAL, "kallsyms_names: more than "
					 "%u MiB of names: the table is "
					 "corrupt", KALLSYMS_MAX_BYTES >> 20);
		if (i == cap) {
			cap = cap ? 2 * cap : 4096;
			if (cap > t->n)
				cap = t->n;
			*sp = xrealloc(*sp, cap * sizeof(**sp));
		}
		memset(&(*sp)[i], 0, sizeof(**sp));
		(*sp)[i].type = buf[0];
		(*sp)[i].name = xmalloc(n);
		memcpy((*sp)[i].name, buf + 1, n);
	}
	return 0;
}

/*
 * A symbol's size as kallsyms_lookup_size_offset() gives it: up to the
 * next symbol at a higher address (the table is sorted); the last has
 * none.
 */
static void
ks_sizes(struct ksym *s, u32 n)
{
	u64 next = 0;
	bool have = false;
	u32 i;

	for (i = n; i-- > 0;) {
		if (i + 1 < n && s[i + 1].value != s[i].value) {
			next = s[i + 1].value;
			have = true;
		}
		s[i].size = have && next > s[i].value ? next - s[i].value : 0;
	}
}

/* The decoded table must place _stext where the VMCOREINFO does. */
static int
ks_check(struct machine *m, const struct ksym *s, u32 n, struct error *e)
{
	u64 want;
	u32 i;

	if (!vmcoreinfo_u64(m->img, "SYMBOL(_stext)", &want))
		return 0;
	for (i = 0; i < n; i++)
		if (!strcmp(s[i].name, "_stext")) {
			if (s[i].value == want)
				return 0;
			return error_set(e, -EINVAL, "kallsyms decodes _stext "
					 "at 0x%llx, the VMCOREINFO says "
					 "0x%llx: the tables are corrupt",
					 (unsigned long long)s[i].value,
					 (unsigned long long)want);
		}
	return error_set(e, -EINVAL, "kallsyms has no _stext: the tables "
			 "are corrupt");
}

static const char ks_code_only[] = "the kernel's kallsyms holds code only "
	"(no CONFIG_KALLSYMS_ALL): --symbols System.map or vmlinux has its "
	"data symbols";

/*
 * Without CONFIG_KALLSYMS_ALL kallsyms holds code and a few section
 * markers (__init_begin): say so when a name is not found.
 */
static void
ks_note(struct machine *m, const struct ksym *s, u32 n)
{
	u32 i, data = 0;

	for (i = 0; i < n; i++)
		data += s[i].type && strchr("dDbBrR", s[i].type) != NULL;
	if (data * 100 < n) {
		machine_ksyms_set_note(m, ks_code_only);
		/* a few of them are found from the kernel's structures */
		machine_ksym_derive(m, kderive_symbol);
	}
}

static void
ks_free(struct ksym *s, u32 n)
{
	u32 i;

	for (i = 0; i < n; i++)
		free(s[i].name);
	free(s);
}

int
kallsyms_read(struct machine *m, struct error *e)
{
	struct ktables t = { 0 };
	struct kview k;
	struct ksym *s = NULL;
	u32 n = 0;
	u8 b[4];
	int r = -1;

	if (ks_locate(m, &t, e) || kview_init(&k, m, e))
		return -1;
	if (kview_read(&k, t.num_syms, b, 4, e))
		return eprefix(e, "kallsyms: kallsyms_num_syms");
	t.n = (u32)le(b, 4);
	if (t.n == 0 || t.n > KALLSYMS_MAX_SYMS)
		return error_set(e, -EINVAL, "kallsyms: kallsyms_num_syms is %u: "
				 "the table is corrupt", t.n);
	if (ks_tokens(&k, &t, e) || ks_names(&k, &t, &s, &n, e) ||
	    ks_addresses(&k, &t, s, e) || ks_check(m, s, t.n, e))
		goto out;
	ks_sizes(s, t.n);
	ks_note(m, s, t.n);
	machine_set_kernel_ksyms(m, s, (int)t.n);
	free(s);
	s = NULL;
	r = 0;
out:
	if (s != NULL)
		ks_free(s, n);
	ks_release(&t);
	if (r)
		eprefix(e, "kallsyms");
	return r;
}

/*
 * The tables read on demand, as kernel/kallsyms.c itself reads them: a
 * lookup by address bisects kallsyms_offsets and expands the one name
 * found (get_symbol_pos(), then kallsyms_expand_symbol() from the record
 * that every 16th symbol's offset leads to, as kallsyms_markers keeps
 * every 256th's); a lookup by name compares a hash of each name, computed
 * from its tokens without expanding it, and expands the records whose
 * hash is the name's.  Opening reads the names through once: it checks
 * them as the full decode does (both say the same of a corrupt table),
 * and hashes them.
 */
#define KS_MARK		16	/* symbols between two kept record offsets */
#define KS_LAZY_ATS	256	/* by-address lookups before the arrays */
#define KS_ADDR_STEP	64
#define KS_B		0x100000001b3ULL	/* the names' hash's base */

struct kallsyms {
	struct machine *m;
	struct ktables t;
	struct kview k;
	u32 *marks;		/* offset in kallsyms_names of record KS_MARK*i */
	const u8 *span;		/* the names in the dump, when in a row */
	u64 span_len;
	u32 *hash;		/* each name's (type left out), folded */
	u64 base;		/* kallsyms_relative_base */
	bool percpu;		/* absolute per-CPU offsets (>= 0) */
	u32 data;		/* data symbols (dDbBrR) */
	u32 nat;		/* by-address lookups so far */
	/*
	 * after KS_LAZY_ATS of them: every symbol's address (all), and the
	 * addresses that name, sorted
	 */
	u64 *all, *vals, *top;
	u32 *vidx, nvals, ntop;
	/*
	 * Of each token: the hash of its characters and KS_B to its length;
	 * the same without the first character (a name's first token starts
	 * with the type); whether ks_record() would look closer.
	 */
	u64 th[256], tp[256], fh[256], fp[256];
	bool odd[256];
};

static void
kallsyms_free(void *arg)
{
	struct kallsyms *ks = arg;

	if (ks == NULL)
		return;
	ks_release(&ks->t);
	free(ks->marks);
	free(ks->hash);
	free(ks->all);
	free(ks->vals);
	free(ks->top);
	free(ks->vidx);
	free(ks);
}

/* H(s) = sum s[i] B^(n-1-i): H(a b) = H(a) B^|b| + H(b). */
static u64
ks_hash(const char *s, size_t n, u64 *pw)
{
	u64 h = 0, p = 1;

	while (n-- > 0) {
		h = h * KS_B + (unsigned char)*s++;
		p *= KS_B;
	}
	if (pw != NULL)
		*pw = p;
	return h;
}

static inline u32
ks_fold(u64 h)
{
	return (u32)(h ^ h >> 32);
}

static void
ks_token_hashes(struct kallsyms *ks)
{
	const struct ktables *t = &ks->t;
	int i;

	for (i = 0; i < 256; i++) {
		ks->th[i] = ks_hash(t->tok[i], t->toklen[i], &ks->tp[i]);
		ks->fh[i] = t->toklen[i] ? ks_hash(t->tok[i] + 1,
						   t->toklen[i] - 1, &ks->fp[i])
			: 0;
		ks->odd[i] = t->toklen[i] == 0 || t->tokbad[i] < t->toklen[i];
	}
}

static bool
ks_is_data(char type)
{
	return type == 'd' || type == 'D' || type == 'b' || type == 'B' ||
		type == 'r' || type == 'R';
}

/*
 * A record held whole in the cursor's run, of tokens no check stops at
 * and of a length not truncated: its hash and length, as its expansion
 * would give them, without expanding it; false for ks_record() to read.
 */
static inline bool
ks_fast(const struct kallsyms *ks, const u8 *q, unsigned len, u32 *hash,
	unsigned *blen)
{
	const unsigned *tl = ks->t.toklen;
	u64 h = ks->fh[q[0]];
	unsigned n = tl[q[0]], k;
	bool odd = ks->odd[q[0]];

	for (k = 1; k < len; k++) {
		h = h * ks->tp[q[k]] + ks->th[q[k]];
		n += tl[q[k]];
		odd |= ks->odd[q[k]];
	}
	if (odd || n < 2 || n > KSYM_NAME_LEN)
		return false;
	*hash = ks_fold(h);
	*blen = n;
	return true;
}

/* Record i at the cursor, the names' end at end: checked and hashed. */
static int
ks_scan_one(struct kallsyms *ks, struct kcur *c, u32 i, u64 end,
	    unsigned *n, struct error *e)
{
	char buf[KSYM_NAME_LEN + 1];
	u64 va = kc_va(c);
	unsigned len;

	if (va < end && c->end - c->p >= 2) {
		len = c->p[0];
		if (len & 0x80)
			len = (len & 0x7f) | (unsigned)c->p[1] << 7;
		if (len >= 1 && len <= KSYM_NAME_LEN &&
		    c->end - c->p >= 2 + len) {
			const u8 *q = c->p + 1 + (c->p[0] >> 7);

			if (ks_fast(ks, q, len, &ks->hash[i], n)) {
				ks->data += ks_is_data(ks->t.tok[q[0]][0]);
				c->p = q + len;
				return 0;
			}
		}
	}
	if (ks_record(&ks->t, c, end, buf, n, e))
		return -1;
	ks->hash[i] = ks_fold(ks_hash(buf + 1, *n - 1, NULL));
	ks->data += ks_is_data(buf[0]);
	return 0;
}

/* Every record checked as the full decode checks it, marked and hashed. */
static int
ks_scan(struct kallsyms *ks, struct error *e)
{
	struct ktables *t = &ks->t;
	u64 end = t->names + KALLSYMS_MAX_BYTES;
	size_t total = 0;
	struct kcur c;
	unsigned n = 0;
	u32 i;

	ks_token_hashes(ks);
	ks->marks = xmalloc(((size_t)t->n / KS_MARK + 1) * sizeof(*ks->marks));
	ks->hash = xmalloc((size_t)t->n * sizeof(*ks->hash));
	kc_seek_run(&c, &ks->k, t->names);
	for (i = 0; i < t->n; i++) {
		if (i % KS_MARK == 0)
			ks->marks[i / KS_MARK] = (u32)(kc_va(&c) - t->names);
		if (ks_scan_one(ks, &c, i, end, &n, e))
			return eprefix(e, "kallsyms_names, symbol %u of %u "
				       "(the table is corrupt)", i, t->n);
		total += n;
		if (total > KALLSYMS_MAX_BYTES)
			return error_set(e, -EINVAL, "kallsyms_names: more than "
					 "%u MiB of names: the table is "
					 "corrupt", KALLSYMS_MAX_BYTES >> 20);
	}
	ks->span_len = kc_va(&c) - t->names;
	ks->span = kview_span(&ks->k, t->names, ks->span_len);
	return 0;
}

static inline u64
ks_decode(const struct kallsyms *ks, u64 v)
{
	if (!ks->t.relative)
		;
	else if (!ks->percpu)
		v = ks->base + (u32)v;
	else if ((s32)v >= 0)
		v = (u32)v;
	else
		v = ks->base - 1 - (u64)(s64)(s32)v;
	return ks->m->arch->is64 ? v : v & 0xffffffffULL;
}

static unsigned
ks_esz(const struct kallsyms *ks)
{
	return ks->t.relative ? 4 : ks->t.long_size;
}

/* Symbol i's address (the tables were read through once: readable). */
static u64
ks_value(struct kallsyms *ks, u32 i)
{
	unsigned esz = ks_esz(ks);
	u8 b[8] = { 0 };
	struct error e;

	if (ks->all != NULL)
		return ks->all[i];
	kview_read(&ks->k, (ks->t.relative ? ks->t.offsets :
			    ks->t.addresses) + (u64)i * esz, b, esz, &e);
	return ks_decode(ks, le(b, esz));
}

/* The next entry of kallsyms_offsets or kallsyms_addresses. */
static inline int
ks_entry(struct kcur *c, unsigned esz, u64 *v, struct error *e)
{
	u8 b[8];
	unsigned j;

	if (likely(c->end - c->p >= (ptrdiff_t)esz)) {
		u32 w;

		if (esz == 4) {
			memcpy(&w, c->p, 4);
			*v = le32toh(w);
		} else {
			*v = le(c->p, esz);
		}
		c->p += esz;
		return 0;
	}
	for (j = 0; j < esz; j++)
		if (kc_get(c, &b[j], e))
			return -1;
	*v = le(b, esz);
	return 0;
}

/*
 * The offsets: readable, per-CPU ones told apart (any negative), and
 * sorted once decoded; false in *sorted sends the caller to the full
 * decode.  One pass: the order is checked both ways an offset can read.
 */
static int
ks_scan_values(struct kallsyms *ks, bool *sorted, struct error *e)
{
	struct ktables *t = &ks->t;
	unsigned esz = ks_esz(ks);
	u64 prev[2] = { 0, 0 };
	bool ok[2] = { true, true }, percpu = false;
	struct kcur c;
	u32 i;

	if (t->relative) {
		u8 b[8];

		if (kview_read(&ks->k, t->relative_base, b, t->long_size, e))
			return eprefix(e, "kallsyms_relative_base");
		ks->base = le(b, t->long_size);
	}
	kc_seek_run(&c, &ks->k, t->relative ? t->offsets : t->addresses);
	for (i = 0; i < t->n; i++) {
		u64 v;
		int w;

		if (ks_entry(&c, esz, &v, e))
			return eprefix(e, "%s (%u entries)", t->relative ?
				       "kallsyms_offsets" : "kallsyms_addresses",
				       t->n);
		percpu |= t->relative && (s32)v < 0;
		for (w = 0; w < 2; w++) {
			u64 d;

			ks->percpu = w;
			d = ks_decode(ks, v);
			ok[w] &= i == 0 || d >= prev[w];
			prev[w] = d;
		}
	}
	ks->percpu = percpu;
	*sorted = ok[percpu];
	return 0;
}

/* The cursor at record i. */
static void
ks_seek(struct kallsyms *ks, struct kcur *c, u32 i)
{
	unsigned len, j;
	struct error e;

	kc_seek(c, &ks->k, ks->t.names + ks->marks[i / KS_MARK]);
	if (ks->span != NULL) {	/* the whole table at hand */
		c->p = ks->span + ks->marks[i / KS_MARK];
		c->end = ks->span + ks->span_len;
		c->end_va = ks->t.names + ks->span_len;
	}
	for (j = 0; j < i % KS_MARK; j++) {
		if (kc_len(c, &len, &e))
			return;
		kc_skip(c, len);
	}
}

/* Symbol i's type, the first character of its expansion. */
static char
ks_type(struct kallsyms *ks, u32 i)
{
	struct kcur c;
	unsigned len;
	struct error e;
	u8 tk;

	ks_seek(ks, &c, i);
	if (kc_len(&c, &len, &e) || kc_get(&c, &tk, &e))
		return 0;
	return ks->t.tok[tk][0];
}

/* Whether symbol i is named name. */
static bool
ks_is(struct kallsyms *ks, u32 i, const char *name)
{
	char buf[KSYM_NAME_LEN + 1];
	struct error e;
	struct kcur c;
	unsigned n;

	ks_seek(ks, &c, i);
	return ks_record(&ks->t, &c, ~0ULL, buf, &n, &e) == 0 &&
		!strcmp(buf + 1, name);
}

/* The first symbol named name in table order, or -1. */
static long
ks_find_one(struct kallsyms *ks, const char *name)
{
	u32 h = ks_fold(ks_hash(name, strlen(name), NULL)), i;

	for (i = 0; i < ks->t.n; i++)
		if (ks->hash[i] == h && ks_is(ks, i, name))
			return (long)i;
	return -1;
}

/* The set of names looked for: their hashes, open addressing. */
struct ks_set {
	const char *const *names;
	long *idx;
	u32 *h;
	int *slot, *next;	/* slot: name index + 1; next: same name */
	size_t mask;
};

static void
ks_set_init(struct ks_set *st, const char *const *names, int nn, long *idx)
{
	size_t cap = 16;
	int j;

	while (cap < 2 * (size_t)nn)
		cap *= 2;
	st->names = names;
	st->idx = idx;
	st->mask = cap - 1;
	st->h = xmalloc((size_t)nn * sizeof(*st->h));
	st->next = xmalloc((size_t)nn * sizeof(*st->next));
	st->slot = xcalloc(cap, sizeof(*st->slot));
	for (j = 0; j < nn; j++) {
		size_t i;

		idx[j] = -1;
		st->next[j] = -1;
		st->h[j] = ks_fold(ks_hash(names[j], strlen(names[j]), NULL));
		for (i = st->h[j] & st->mask; st->slot[i]; i = (i + 1) & st->mask)
			if (!strcmp(names[st->slot[i] - 1], names[j]))
				break;
		if (st->slot[i]) {	/* a name repeated: chained */
			st->next[j] = st->next[st->slot[i] - 1];
			st->next[st->slot[i] - 1] = j;
		} else {
			st->slot[i] = j + 1;
		}
	}
}

/*
 * Many names at once: each symbol's hash looked up in theirs, the
 * symbols whose hash is there expanded and compared.
 */
static void
ks_find_set(struct kallsyms *ks, const char *const *names, int nn, long *idx)
{
	struct ks_set st;
	u32 r;

	ks_set_init(&st, names, nn, idx);
	for (r = 0; r < ks->t.n; r++) {
		size_t s;

		for (s = ks->hash[r] & st.mask; st.slot[s]; s = (s + 1) & st.mask) {
			int j = st.slot[s] - 1;

			if (st.h[j] != ks->hash[r] || st.idx[j] >= 0 ||
			    !ks_is(ks, r, names[j]))
				continue;
			for (; j >= 0; j = st.next[j])
				st.idx[j] = (long)r;
			break;
		}
	}
	free(st.h);
	free(st.next);
	free(st.slot);
}

static void
ks_find(void *arg, const char *const *names, int nn, long *idx)
{
	struct kallsyms *ks = arg;

	if (nn == 1)
		idx[0] = ks_find_one(ks, names[0]);
	else if (nn > 1)
		ks_find_set(ks, names, nn, idx);
}

static bool
ks_named(char type)
{
	return type != 'A' && type != 'a';
}

/*
 * Of the symbols at or below record i, the one an address lookup
 * answers: the nearest value with a symbol that is not a constant, and
 * of several at that value the first; -1 if none.
 */
static long
ks_at_below(struct kallsyms *ks, long i)
{
	while (i >= 0) {
		u64 v = ks_value(ks, (u32)i);
		long f = i, best = -1;

		while (f > 0 && ks_value(ks, (u32)f - 1) == v)
			f--;
		for (; f <= i && best < 0; f++)
			if (ks_named(ks_type(ks, (u32)f)))
				best = f;
		if (best >= 0)
			return best;
		while (i >= 0 && ks_value(ks, (u32)i) == v)
			i--;
	}
	return -1;
}

/* The sorted addresses that name (the first symbol of each), at once. */
static void
ks_arrays(struct kallsyms *ks)
{
	const struct ktables *t = &ks->t;
	unsigned esz = ks_esz(ks);
	struct kcur c, v;
	struct error e;
	u32 i, n = 0;

	ks->all = xmalloc(((size_t)t->n + 1) * sizeof(*ks->all));
	ks->vals = xmalloc(((size_t)t->n + 1) * sizeof(*ks->vals));
	ks->vidx = xmalloc(((size_t)t->n + 1) * sizeof(*ks->vidx));
	kc_seek_run(&c, &ks->k, t->names);
	kc_seek_run(&v, &ks->k, t->relative ? t->offsets : t->addresses);
	for (i = 0; i < t->n; i++) {
		unsigned len, j;
		u8 tk, b[8];
		u64 val;

		if (kc_len(&c, &len, &e) || kc_get(&c, &tk, &e))
			break;
		kc_skip(&c, len - 1);
		for (j = 0; j < esz; j++)
			if (kc_get(&v, &b[j], &e))
				break;
		val = ks_decode(ks, le(b, esz));
		ks->all[i] = val;
		if (!ks_named(t->tok[tk][0]) || (n > 0 && ks->vals[n - 1] == val))
			continue;
		ks->vals[n] = val;
		ks->vidx[n++] = i;
	}
	ks->nvals = n;
	ks->ntop = (n + KS_ADDR_STEP - 1) / KS_ADDR_STEP;
	ks->top = xmalloc(((size_t)ks->ntop + 1) * sizeof(*ks->top));
	for (i = 0; i < ks->ntop; i++)
		ks->top[i] = ks->vals[i * KS_ADDR_STEP];
}

/*
 * The last of a[0..n) at or below va, a[0] being so: a bisection
 * without branches (a conditional move per step, nothing to mispredict).
 */
static inline u32
ks_last_le(const u64 *a, u32 n, u64 va)
{
	const u64 *b = a;

	while (n > 1) {
		u32 half = n / 2;

		b = b[half] <= va ? b + half : b;
		n -= half;
	}
	return (u32)(b - a);
}

/* As ksym.c searches its own: a block of KS_ADDR_STEP, then in it. */
static long
ks_at_arrays(const struct kallsyms *ks, u64 va)
{
	u32 blk, base, n;

	if (ks->ntop == 0 || ks->top[0] > va)
		return -1;
	blk = ks_last_le(ks->top, ks->ntop, va);
	base = blk * KS_ADDR_STEP;
	n = ks->nvals - base < KS_ADDR_STEP ? ks->nvals - base : KS_ADDR_STEP;
	return ks->vidx[base + ks_last_le(ks->vals + base, n, va)];
}

static long
ks_at(void *arg, u64 va)
{
	struct kallsyms *ks = arg;
	u32 lo = 0, hi = ks->t.n;

	if (ks->vals != NULL)
		return ks_at_arrays(ks, va);
	if (++ks->nat > KS_LAZY_ATS) {
		ks_arrays(ks);
		return ks_at_arrays(ks, va);
	}
	while (lo < hi) {	/* the first symbol above va */
		u32 mid = lo + (hi - lo) / 2;

		if (ks_value(ks, mid) <= va)
			lo = mid + 1;
		else
			hi = mid;
	}
	return ks_at_below(ks, (long)lo - 1);
}

/*
 * Symbol i whole: its name expanded, its size up to the next higher
 * address as ks_sizes() computes it.
 */
static int
ks_get(void *arg, u32 i, struct ksym *k, char *name, size_t size)
{
	struct kallsyms *ks = arg;
	char buf[KSYM_NAME_LEN + 1];
	struct kcur c;
	struct error e;
	unsigned n;
	u32 j;

	ks_seek(ks, &c, i);
	if (ks_record(&ks->t, &c, ~0ULL, buf, &n, &e) || n > size)
		return -1;
	memset(k, 0, sizeof(*k));
	k->value = ks_value(ks, i);
	for (j = i + 1; j < ks->t.n; j++) {
		u64 v = ks_value(ks, j);

		if (v != k->value) {
			k->size = v > k->value ? v - k->value : 0;
			break;
		}
	}
	k->type = buf[0];
	memcpy(name, buf + 1, n);	/* the name and its NUL */
	return 0;
}

static int
ks_full(struct machine *m, void *arg, struct error *e)
{
	(void)arg;
	return kallsyms_read(m, e);
}

/* The lazy check of ks_check(): the first _stext where VMCOREINFO says. */
static int
ks_check_lazy(struct kallsyms *ks, struct error *e)
{
	static const char *const stext[] = { "_stext" };
	long i;
	u64 want, v;

	if (!vmcoreinfo_u64(ks->m->img, "SYMBOL(_stext)", &want))
		return 0;
	ks_find(ks, stext, 1, &i);
	if (i < 0)
		return error_set(e, -EINVAL, "kallsyms has no _stext: the "
				 "tables are corrupt");
	v = ks_value(ks, (u32)i);
	if (v != want)
		return error_set(e, -EINVAL, "kallsyms decodes _stext at 0x%llx, "
				 "the VMCOREINFO says 0x%llx: the tables are "
				 "corrupt", (unsigned long long)v,
				 (unsigned long long)want);
	return 0;
}

/*
 * On the first lookup: the tables located and checked through, then
 * read on demand (an unsorted table, which no kernel writes, is decoded
 * whole instead).
 */
static int
kallsyms_load(struct machine *m, void *arg, struct error *e)
{
	struct kallsyms *ks = xcalloc(1, sizeof(*ks));
	struct ksym_table tab = { 0 };
	bool sorted = false;
	u8 b[4];

	(void)arg;
	ks->m = m;
	if (ks_locate(m, &ks->t, e) || kview_init(&ks->k, m, e))
		goto fail;
	if (kview_read(&ks->k, ks->t.num_syms, b, 4, e)) {
		eprefix(e, "kallsyms: kallsyms_num_syms");
		goto fail;
	}
	ks->t.n = (u32)le(b, 4);
	if (ks->t.n == 0 || ks->t.n > KALLSYMS_MAX_SYMS) {
		error_set(e, -EINVAL, "kallsyms: kallsyms_num_syms is %u: the "
			  "table is corrupt", ks->t.n);
		goto fail;
	}
	if (ks_tokens(&ks->k, &ks->t, e) || ks_scan(ks, e) ||
	    ks_scan_values(ks, &sorted, e) || (sorted && ks_check_lazy(ks, e))) {
		eprefix(e, "kallsyms");
		goto fail;
	}
	if (!sorted) {
		kallsyms_free(ks);
		return kallsyms_read(m, e);
	}
	if (ks->data * 100ULL < ks->t.n) {
		machine_ksyms_set_note(m, ks_code_only);
		machine_ksym_derive(m, kderive_symbol);
	}
	tab.n = ks->t.n;
	tab.arg = ks;
	tab.find = ks_find;
	tab.at = ks_at;
	tab.get = ks_get;
	tab.load = ks_full;
	tab.free = kallsyms_free;
	machine_ksym_table(m, &tab);
	return 0;
fail:
	kallsyms_free(ks);
	return -1;
}

void
kallsyms_defer(struct machine *m)
{
	struct ktables t = { 0 };
	struct error e;

	error_clear(&e);
	if (ks_locate(m, &t, &e))
		machine_ksyms_set_error(m, e.msg);
	else
		machine_ksym_defer(m, kallsyms_load, NULL);
}
