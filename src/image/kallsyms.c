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
 * is an error, never a crash or a long loop.
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

/* The record at *va: its expansion (type, then name) into buf. */
static int
ks_record(struct kview *k, struct ktables *t, u64 *va, u64 end, char *buf,
	  unsigned *blen, struct error *e)
{
	const u8 *p;
	unsigned len, n = 0, j;

	if (*va >= end)
		return error_set(e, -EINVAL, "kallsyms_names runs past %u MiB",
				 KALLSYMS_MAX_BYTES >> 20);
	if ((p = kview_page(k, (*va)++, e)) == NULL)
		return -1;
	len = *p;
	if (len & 0x80) {
		if ((p = kview_page(k, (*va)++, e)) == NULL)
			return -1;
		len = (len & 0x7f) | (unsigned)*p << 7;
	}
	if (len == 0 || len > KSYM_NAME_LEN)
		return error_set(e, -EINVAL, "a name of %u tokens", len);
	for (j = 0; j < len; j++) {
		unsigned tl;

		if ((p = kview_page(k, (*va)++, e)) == NULL)
			return -1;
		tl = t->toklen[*p];
		if (tl == 0)
			return error_set(e, -EINVAL, "token %u is empty", *p);
		if (n + tl > KSYM_NAME_LEN)
			tl = KSYM_NAME_LEN - n;	/* as the kernel truncates */
		memcpy(buf + n, t->tok[*p], tl);
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
	u64 va = t->names, end = t->names + KALLSYMS_MAX_BYTES;
	size_t total = 0, cap = 0;
	char buf[KSYM_NAME_LEN + 1];
	unsigned n = 0;
	u32 i;

	for (i = 0; i < t->n; i++, *np = i) {
		if (ks_record(k, t, &va, end, buf, &n, e))
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
		machine_ksyms_set_note(m, "the kernel's kallsyms holds code "
				       "only (no CONFIG_KALLSYMS_ALL): "
				       "--symbols System.map or vmlinux has "
				       "its data symbols");
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

static int
kallsyms_load(struct machine *m, void *arg, struct error *e)
{
	(void)arg;
	return kallsyms_read(m, e);
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
