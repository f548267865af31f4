// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What a memory image says of its machine, as the arch folders' image code
 * reads it (image_match, image_setup, the notes of `save`): the warnings
 * of the file, its CPUs, the VMCOREINFO and PTWALK notes, the ranges a
 * root maps; and the ELF notes of a saved core.  The file itself is opened
 * and parsed above, in src/image.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/image_info.h"
#include "ptwalk/ksym.h"

void
image_warn(struct image_info *ii, const char *fmt, ...)
{
	va_list ap;
	struct strbuf sb;

	/* a broken core can warn once per header: the first ones say enough */
	if (ii->nwarn >= IMAGE_WARN_MAX) {
		ii->nwarn_dropped++;
		return;
	}
	sb_init(&sb);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	/* grown by doubling */
	if ((ii->nwarn & (ii->nwarn - 1)) == 0)
		ii->warn = xrealloc(ii->warn, (size_t)(ii->nwarn ? 2 * ii->nwarn :
						       1) * sizeof(*ii->warn));
	ii->warn[ii->nwarn++] = sb.buf;
}

/*
 * VMCOREINFO: "KEY=VALUE" lines, indexed once when the note is read (a
 * kdump's note can hold tens of thousands of SYMBOL() lines): the keys
 * sorted, each lookup a bisection.  Of lines with the same key the first
 * one counts.
 */

struct vmci_line {
	const char *key, *val;
	size_t klen, vlen;
};

struct vmci_index {
	const char *text;	/* the VMCOREINFO text indexed */
	struct vmci_line *line;	/* sorted by key, then order in the text */
	size_t n;
};

static int
key_cmp(const char *a, size_t al, const char *b, size_t bl)
{
	int c = memcmp(a, b, MIN(al, bl));

	if (c != 0)
		return c;
	return al < bl ? -1 : al > bl;
}

static int
line_cmp(const void *a, const void *b)
{
	const struct vmci_line *x = a, *y = b;
	int c = key_cmp(x->key, x->klen, y->key, y->klen);

	if (c != 0)
		return c;
	return x->key < y->key ? -1 : x->key > y->key;
}

static void
vmci_index_free(struct vmci_index *x)
{
	if (x == NULL)
		return;
	free(x->line);
	free(x);
}

void
image_info_free(struct image_info *ii)
{
	int i;

	if (ii == NULL)
		return;
	for (i = 0; i < ii->nwarn; i++)
		free(ii->warn[i]);
	free(ii->warn);
	free(ii->cpu);
	free(ii->vmcoreinfo);
	vmci_index_free(ii->vmci);
	free(ii->features);
	free(ii);
}

/* Lines without '=' or with an empty key are not lines of KEY=VALUE. */
void
vmcoreinfo_index(struct image_info *ii)
{
	struct vmci_index *x = xcalloc(1, sizeof(*x));
	const char *p = ii->vmcoreinfo;
	size_t alloc = 0;

	vmci_index_free(ii->vmci);
	x->text = p;
	while (p != NULL && *p) {
		const char *nl = strchr(p, '\n');
		size_t ll = nl ? (size_t)(nl - p) : strlen(p);
		const char *eq = memchr(p, '=', ll);

		if (eq != NULL && eq > p) {
			if (x->n == alloc) {
				alloc = alloc ? alloc * 2 : 64;
				x->line = xrealloc(x->line, alloc *
						   sizeof(*x->line));
			}
			x->line[x->n].key = p;
			x->line[x->n].klen = (size_t)(eq - p);
			x->line[x->n].val = eq + 1;
			x->line[x->n].vlen = ll - (size_t)(eq - p) - 1;
			x->n++;
		}
		p = nl ? nl + 1 : NULL;
	}
	if (x->n > 1)	/* no line at all: x->line is NULL, qsort's UB */
		qsort(x->line, x->n, sizeof(*x->line), line_cmp);
	ii->vmci = x;
}

const char *
vmcoreinfo_str(const struct image_info *ii, const char *key, size_t *len)
{
	const struct vmci_index *x = ii ? ii->vmci : NULL;
	size_t kl = strlen(key), lo = 0, hi;

	if (ii == NULL || ii->vmcoreinfo == NULL)
		return NULL;
	if (x == NULL || x->text != ii->vmcoreinfo) {
		/* not indexed (the text was replaced): a scan */
		const char *p = ii->vmcoreinfo;

		while (p != NULL && *p) {
			const char *nl = strchr(p, '\n');
			size_t ll = nl ? (size_t)(nl - p) : strlen(p);

			if (ll > kl && !strncmp(p, key, kl) && p[kl] == '=') {
				if (len)
					*len = ll - kl - 1;
				return p + kl + 1;
			}
			p = nl ? nl + 1 : NULL;
		}
		return NULL;
	}
	/* the first line whose key is not below key */
	hi = x->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (key_cmp(x->line[mid].key, x->line[mid].klen, key, kl) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == x->n || key_cmp(x->line[lo].key, x->line[lo].klen, key,
				  kl) != 0)
		return NULL;
	if (len)
		*len = x->line[lo].vlen;
	return x->line[lo].val;
}

bool
vmcoreinfo_u64(const struct image_info *ii, const char *key, u64 *v)
{
	size_t len;
	const char *s = vmcoreinfo_str(ii, key, &len);
	char buf[40], *end;
	int base = 10;

	if (s == NULL || len == 0 || len >= sizeof(buf))
		return false;
	memcpy(buf, s, len);
	buf[len] = 0;
	if (!strncmp(key, "SYMBOL(", 7) || !strcmp(key, "KERNELOFFSET"))
		base = 16;
	if (buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X'))
		base = 16;
	errno = 0;
	if (buf[0] == '-')
		*v = (u64)strtoll(buf, &end, base);
	else
		*v = strtoull(buf, &end, base);
	return errno == 0 && end != buf && *end == 0;
}

u64
vmcoreinfo_or(const struct image_info *ii, const char *key, u64 dflt)
{
	u64 v;

	return vmcoreinfo_u64(ii, key, &v) ? v : dflt;
}

/* One pass over the lines: SYMBOL(name)=value, name shorter than 100. */
void
vmcoreinfo_add_symbols(struct machine *m)
{
	const char *p = m->img->vmcoreinfo;

	while (p != NULL && *p) {
		const char *nl = strchr(p, '\n');
		const char *close = strchr(p, ')');

		if (!strncmp(p, "SYMBOL(", 7) && close != NULL &&
		    (nl == NULL || close < nl) && close - p < 100 &&
		    close[1] == '=') {
			char name[100], key[110];
			u64 v;

			memcpy(name, p + 7, (size_t)(close - p - 7));
			name[close - p - 7] = 0;
			snprintf(key, sizeof(key), "SYMBOL(%s)", name);
			if (vmcoreinfo_u64(m->img, key, &v))
				machine_add_ksym(m, name, v, 0, 'D');
		}
		p = nl ? nl + 1 : NULL;
	}
}

void
vmcoreinfo_save_common(struct machine *m, struct strbuf *sb)
{
	const struct ksym *k;

	sb_addf(sb, "OSRELEASE=ptwalk-%s\n", m->arch->name);
	sb_addf(sb, "PAGESIZE=%llu\n", (unsigned long long)PAGE_SIZE);
	k = machine_ksym(m, "swapper_pg_dir");
	if (k != NULL)
		sb_addf(sb, "SYMBOL(swapper_pg_dir)=%llx\n",
			(unsigned long long)k->value);
	k = machine_ksym(m, "_stext");
	if (k != NULL)
		sb_addf(sb, "SYMBOL(_stext)=%llx\n", (unsigned long long)k->value);
}

struct image_cpu *
image_add_cpu(struct image_info *ii, int *ncpu_notes)
{
	int n = ++*ncpu_notes;

	if (n > ii->ncpus) {
		ii->cpu = xrealloc(ii->cpu, (size_t)n * sizeof(*ii->cpu));
		memset(&ii->cpu[n - 1], 0, sizeof(*ii->cpu));
		ii->cpu[n - 1].id = n - 1;
		ii->ncpus = n;
	}
	return &ii->cpu[n - 1];
}

bool
ptwalk_note_u64(const struct image_info *ii, const char *key, u64 *v)
{
	const char *p = ii ? ii->features : NULL;
	size_t kl = strlen(key);
	char *end;

	while (p != NULL && *p) {
		if (!strncmp(p, key, kl) && p[kl] == '=') {
			errno = 0;
			*v = strtoull(p + kl + 1, &end, 0);
			return errno == 0 && end != p + kl + 1;
		}
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return false;
}

void
image_note_features(const struct image_info *ii, unsigned *f)
{
	const char *p = ii->features ? strstr(ii->features, "features=") : NULL;
	size_t len;
	char *list, *save = NULL, *w;
	int i;

	if (p == NULL)
		return;
	p += 9;
	len = strcspn(p, "\n");
	list = xmalloc(len + 1);
	memcpy(list, p, len);
	list[len] = 0;
	*f = 0;
	for (w = strtok_r(list, ",", &save); w; w = strtok_r(NULL, ",", &save))
		for (i = 0; feature_names[i].name; i++)
			if (!strcmp(w, feature_names[i].name))
				*f |= feature_names[i].bit;
	free(list);
}

bool
image_first_mapped(struct machine *m, u64 root, u64 lo, u64 hi, u64 *va,
		   u64 *pa)
{
	const struct mmu *mmu = &m->mmu;
	u64 v = lo;
	int guard = 0;

	while (v < hi && v >= lo && guard++ < 1 << 20) {
		struct walk w;
		int f = mmu_walk(mmu, &m->phys, root, v, &w);
		unsigned lvl, shift;
		u64 span, next;

		if (f == WF_NONE) {
			*va = v;
			*pa = w.pa;
			return true;
		}
		if (f == WF_NONCANONICAL || f == WF_VA_RANGE || w.nsteps == 0)
			return false;
		lvl = w.step[w.nsteps - 1].lvl;
		shift = mmu->lv[lvl].shift;
		if (f == WF_BEYOND_RAM)
			shift += mmu->lv[lvl].bits;	/* the whole table */
		span = shift >= 64 ? 0 : 1ULL << shift;
		if (span == 0)
			return false;
		next = (v | (span - 1)) + 1;
		if (next <= v)
			return false;
		v = next;
	}
	return false;
}

static bool
maps_linear(struct machine *m, u64 root, u64 pa, u64 off)
{
	struct walk w;

	return mmu_walk(&m->mmu, &m->phys, root, pa + off, &w) == WF_NONE &&
		w.pa == pa;
}

u64
image_linear_end(struct machine *m, u64 root, u64 off)
{
	u64 end = 0;
	int i;

	for (i = 0; i < m->phys.nr; i++) {
		const struct phys_range *r = &m->phys.r[i];
		u64 lo = ALIGN_UP(r->start, PAGE_SIZE);
		u64 hi = (r->start + r->size) & PAGE_MASK;

		if (hi <= lo || !maps_linear(m, root, lo, off))
			continue;
		if (maps_linear(m, root, hi - PAGE_SIZE, off)) {
			end = hi;
			continue;
		}
		/* the mapping ends inside this range: find the last page */
		while (hi - lo > PAGE_SIZE) {
			u64 mid = lo + (((hi - lo) >> PAGE_SHIFT) / 2 << PAGE_SHIFT);

			if (maps_linear(m, root, mid, off))
				lo = mid;
			else
				hi = mid;
		}
		end = lo + PAGE_SIZE;
		break;
	}
	return end;
}

void
note_add(struct strbuf *sb, const char *name, u32 type, const void *desc,
	 size_t descsz)
{
	u32 h[3];
	size_t nl = strlen(name) + 1;
	static const char pad[4];

	h[0] = (u32)nl;
	h[1] = (u32)descsz;
	h[2] = type;
	sb_add(sb, (const char *)h, sizeof(h));
	sb_add(sb, name, nl);
	sb_add(sb, pad, ALIGN_UP(nl, 4) - nl);
	sb_add(sb, desc, descsz);
	sb_add(sb, pad, ALIGN_UP(descsz, 4) - descsz);
}
