// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Reading the kernel of a memory image: its virtual memory through its own
 * page tables, and what the dump says of its types and symbols
 * (VMCOREINFO, the symbol table).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/image_info.h"
#include "ptwalk/ksym.h"
#include "ptwalk/kstate.h"
#include "ptwalk/ktypes.h"

void
knote(struct knotes *kn, const char *fmt, ...)
{
	va_list ap;
	struct strbuf sb;

	if (kn->n >= KNOTES_MAX) {
		kn->dropped++;
		return;
	}
	sb_init(&sb);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	kn->line[kn->n++] = sb.buf;
}

void
knotes_release(struct knotes *kn)
{
	int i;

	for (i = 0; i < kn->n; i++)
		free(kn->line[i]);
	kn->n = kn->dropped = 0;
}

int
kmem_init(struct kmem *k, struct machine *m, struct error *e)
{
	memset(k, 0, sizeof(*k));
	k->m = m;
	k->long_size = m->arch->is64 ? 8 : 4;
	k->root = m->swapper_pg_dir;
	if (k->root == 0) {
		/* the CPU's root for kernel addresses */
		struct cpu *c = machine_cpu(m);
		int i = mmu_root_index(&m->mmu, ~0ULL);

		if (!c->root_valid[i])
			return error_set(e, -EINVAL, "the image says nothing "
					 "of the kernel's page tables "
					 "(no swapper_pg_dir, no root)");
		k->root = c->root[i];
	}
	return 0;
}

bool
kmem_pa(struct kmem *k, u64 va, u64 *pa)
{
	struct walk w;

	if (k->leaf_ok && (va & ~k->leaf_mask) == k->leaf_va) {
		*pa = k->leaf_pa | (va & k->leaf_mask);
		return true;
	}
	if (mmu_walk(&k->m->mmu, &k->m->phys, k->root, va, &w) != WF_NONE)
		return false;
	k->leaf_mask = (1ULL << w.shift) - 1;
	k->leaf_va = va & ~k->leaf_mask;
	k->leaf_pa = w.pa & ~k->leaf_mask;
	k->leaf_ok = true;
	*pa = w.pa;
	return true;
}

int
kmem_read(struct kmem *k, u64 va, void *buf, size_t n, struct error *e)
{
	u8 *out = buf;

	while (n > 0) {
		u64 pa, chunk = PAGE_SIZE - (va & (PAGE_SIZE - 1));
		u8 *h;

		if (chunk > n)
			chunk = n;
		if (!kmem_pa(k, va, &pa))
			return error_set(e, -EFAULT, "kernel address 0x%llx "
					 "is not mapped",
					 (unsigned long long)va);
		h = phys_ptr(&k->m->phys, pa, chunk);
		if (h == NULL)
			return error_set(e, -EFAULT, "kernel address 0x%llx "
					 "(physical 0x%llx) is not in the "
					 "dump", (unsigned long long)va,
					 (unsigned long long)pa);
		memcpy(out, h, chunk);
		out += chunk;
		va += chunk;
		n -= chunk;
	}
	return 0;
}

int
kmem_read_uint(struct kmem *k, u64 va, unsigned size, u64 *v, struct error *e)
{
	u8 b[8];
	unsigned i;

	if (size == 0 || size > 8)
		return error_set(e, -EINVAL, "a field of %u bytes is no "
				 "integer", size);
	if (kmem_read(k, va, b, size, e))
		return -1;
	*v = 0;
	for (i = size; i-- > 0;)
		*v = *v << 8 | b[i];
	return 0;
}

int
kmem_read_ulong(struct kmem *k, u64 va, u64 *v, struct error *e)
{
	return kmem_read_uint(k, va, k->long_size, v, e);
}

static bool
vmci(const struct machine *m, const char *fmt, const char *a, const char *b,
     u64 *v)
{
	char key[160];

	if (m->img == NULL)
		return false;
	snprintf(key, sizeof(key), fmt, a, b);
	return vmcoreinfo_u64(m->img, key, v);
}

/* VMCOREINFO first (the kernel's own word), else the dump's BTF. */
bool
kinfo_offset(struct machine *m, const char *s, const char *member,
	     u64 *off)
{
	char path[160];
	struct error e;

	if (vmci(m, "OFFSET(%s.%s)", s, member, off))
		return true;
	if (m->img == NULL)
		return false;
	snprintf(path, sizeof(path), "%s.%s", s, member);
	return ktype_offset(m, path, off, &e) == 0;
}

bool
kinfo_size(struct machine *m, const char *s, u64 *size)
{
	struct error e;

	if (vmci(m, "SIZE(%s)%s", s, "", size))
		return true;
	return m->img != NULL && ktype_size(m, s, size, &e) == 0;
}

bool
kinfo_length(const struct machine *m, const char *name, u64 *len)
{
	return vmci(m, "LENGTH(%s)%s", name, "", len);
}

bool
kinfo_number(const struct machine *m, const char *name, u64 *v)
{
	return vmci(m, "NUMBER(%s)%s", name, "", v);
}

/* VMCOREINFO first: the symbol table decodes kallsyms on first use. */
bool
kinfo_symbol(const struct machine *m, const char *name, u64 *va)
{
	const struct ksym *s;

	if (vmci(m, "SYMBOL(%s)%s", name, "", va))
		return true;
	s = machine_ksym(m, name);
	if (s == NULL)
		return false;
	*va = s->value;
	return true;
}

void
ksym_pS(const struct machine *m, u64 va, char *buf, size_t n)
{
	const struct ksym *s = machine_ksym_at(m, va);

	/* a symbol of unknown size is only trusted within a page */
	if (s == NULL || (s->size ? va - s->value >= s->size :
			  va - s->value >= PAGE_SIZE)) {
		snprintf(buf, n, "0x%llx", (unsigned long long)va);
		return;
	}
	if (s->size)
		snprintf(buf, n, "%s+0x%llx/0x%llx%s%s%s", s->name,
			 (unsigned long long)(va - s->value),
			 (unsigned long long)s->size, s->module ? " [" : "",
			 s->module ? s->module : "", s->module ? "]" : "");
	else
		snprintf(buf, n, "%s+0x%llx", s->name,
			 (unsigned long long)(va - s->value));
}

/* "OFFSET(zone.free_area)" and its kin, looked up by their kind. */
static bool
kneed_one(const struct machine *m, const char *what, u64 *v)
{
	char kind[16], name[128];
	const char *open = strchr(what, '('), *close = strrchr(what, ')');
	size_t kl, nl;

	if (open == NULL || close == NULL || close < open)
		return false;
	kl = (size_t)(open - what);
	nl = (size_t)(close - open - 1);
	if (kl >= sizeof(kind) || nl >= sizeof(name))
		return false;
	memcpy(kind, what, kl);
	kind[kl] = 0;
	memcpy(name, open + 1, nl);
	name[nl] = 0;
	if (!strcmp(kind, "SYMBOL"))
		return kinfo_symbol(m, name, v);
	return m->img != NULL && vmcoreinfo_u64(m->img, what, v);
}

int
kneed_all(const struct machine *m, const struct kneed *need, size_t n,
	  struct error *e)
{
	size_t i;

	if (m->img == NULL || m->img->vmcoreinfo == NULL)
		return error_set(e, -ENOENT, "the image has no VMCOREINFO to find "
				 "the kernel's structures by");
	for (i = 0; i < n; i++)
		if (!kneed_one(m, need[i].what, need[i].v))
			return error_set(e, -ENOENT, "the dump's VMCOREINFO "
					 "has no %s", need[i].what);
	return 0;
}
