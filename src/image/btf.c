// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The kernel's types from its own BTF (cf. kernel/bpf/btf.c, which reads
 * the same section between __start_BTF and __stop_BTF at boot), parsed by
 * libbpf; and reads of kernel memory through the kernel's page tables.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "ptwalk/image_info.h"
#include "ptwalk/kdwarf.h"
#include "ptwalk/ksym.h"
#include "ptwalk/ktypes.h"

/* What a machine's BTF lookup found (image_info.ktypes). */
#define KT_CACHE	64	/* names looked up last */

struct ktypes {
	bool looked;		/* the search ran (found or not) */
	struct kt_cached {
		char *name;
		u32 id;
	} cache[KT_CACHE];
	int next;		/* the cache slot to fill next */
	struct btf *btf;
	struct kdwarf *dwarf;	/* the BTF is converted from this DWARF */
	u64 va, size;		/* where the BTF lies (0: not in the dump) */
	struct error why;	/* why there is none */
};

#define BTF_HDR_LEN	24
#define BTF_MAX_SIZE	(64ULL << 20)	/* a kernel's BTF is ~5 MiB */
#define BTF_SCAN_MAX	(128ULL << 20)	/* of the kernel image, from _stext */

/*
 * Kernel memory
 */

/* The root that maps kernel addresses: swapper's, else CPU 0's. */
static u64
kernel_root(const struct machine *m, u64 va)
{
	if (m->swapper_pg_dir != 0)
		return m->swapper_pg_dir;
	return m->cpu[0].root[mmu_root_index(&m->mmu, va)];
}

int
kva_pa(struct machine *m, u64 va, u64 *pa, struct error *e)
{
	struct walk w;

	if (mmu_walk(&m->mmu, &m->phys, kernel_root(m, va), va, &w))
		return error_set(e, -EFAULT, "kernel address 0x%llx is not "
				 "mapped", (unsigned long long)va);
	*pa = w.pa;
	return 0;
}

int
kread(struct machine *m, u64 va, void *buf, u64 n, struct error *e)
{
	u8 *p = buf;

	while (n > 0) {
		u64 chunk = MIN(n, PAGE_SIZE - (va & (PAGE_SIZE - 1))), pa;
		struct error e2;

		if (kva_pa(m, va, &pa, e))
			return -EFAULT;
		if (phys_read(&m->phys, pa, p, chunk, &e2))
			return error_set(e, -EFAULT, "kernel address 0x%llx "
					 "(physical 0x%llx) is not in the dump",
					 (unsigned long long)va,
					 (unsigned long long)pa);
		p += chunk;
		va += chunk;
		n -= chunk;
	}
	return 0;
}

int
kread_ulong(struct machine *m, u64 va, u64 *val, struct error *e)
{
	unsigned n = m->arch->is64 ? 8 : 4;

	*val = 0;
	return kread(m, va, val, n, e);
}

/*
 * Finding the BTF
 */

static struct ktypes *
kt_of(const struct machine *m)
{
	return m->img != NULL ? m->img->ktypes : NULL;
}

/*
 * The dump's own bytes of [va, va + size) when they lie in a row, as the
 * kernel image's do (physically contiguous, one range of the dump), else
 * NULL: no copy to make.
 */
static const void *
kspan(struct machine *m, u64 va, u64 size)
{
	const struct phys_range *r;
	u64 pa0, pa = 0, off;
	struct error e;

	/* a dump paged in on demand keeps a few MiB: its bytes are copied */
	if (kva_pa(m, va, &pa0, &e) || (r = phys_find(&m->phys, pa0)) == NULL ||
	    (r->flags & PHYS_LAZY))
		return NULL;
	for (off = PAGE_SIZE - (va & (PAGE_SIZE - 1)); off < size;
	     off += PAGE_SIZE)
		if (kva_pa(m, va + off, &pa, &e) || pa != pa0 + off)
			return NULL;
	return phys_ptr(&m->phys, pa0, size);
}

/* Parse size bytes at va as BTF; 0, or the error. */
static int
btf_load_at(struct machine *m, struct ktypes *kt, u64 va, u64 size,
	    struct error *e)
{
	const void *span;
	void *buf;
	struct btf *btf;

	if (size < BTF_HDR_LEN || size > BTF_MAX_SIZE)
		return error_set(e, -EINVAL, "the kernel's BTF at 0x%llx is "
				 "%llu bytes: not a BTF section",
				 (unsigned long long)va,
				 (unsigned long long)size);
	span = kspan(m, va, size);
	if (span != NULL) {
		btf = btf__new(span, (u32)size);	/* which copies it */
	} else {
		buf = xmalloc(size);
		if (kread(m, va, buf, size, e)) {
			free(buf);
			return -EFAULT;
		}
		btf = btf__new(buf, (u32)size);
		free(buf);
	}
	if (btf == NULL)
		return error_set(e, -EINVAL, "the kernel's BTF at 0x%llx (%llu "
				 "bytes) is corrupt: libbpf cannot parse it "
				 "(%s)", (unsigned long long)va,
				 (unsigned long long)size, strerror(errno));
	kt->btf = btf;
	kt->va = va;
	kt->size = size;
	return 0;
}

/* The size a BTF header at va announces, 0 when it is not one. */
static u64
btf_header_size(struct machine *m, u64 va)
{
	struct btf_header h;
	struct error e;

	if (kread(m, va, &h, sizeof(h), &e) || h.magic != 0xeB9F ||
	    h.version != 1 || h.hdr_len != BTF_HDR_LEN || h.type_off != 0 ||
	    h.str_off != h.type_len || h.str_len == 0)
		return 0;
	return (u64)h.hdr_len + h.str_off + h.str_len;
}

int
kimage_scan(struct machine *m, bool (*fn)(void *arg, u64 va, const u8 *page),
	    void *arg)
{
	const struct ksym *k = machine_ksym(m, "_stext");
	u64 start, va;

	if (k == NULL)
		return -ENOENT;
	start = k->value & ~(u64)(PAGE_SIZE - 1);
	for (va = start; va - start < BTF_SCAN_MAX; va += PAGE_SIZE) {
		const u8 *p;
		u64 pa;
		struct error e;

		if (kva_pa(m, va, &pa, &e))
			continue;
		p = phys_ptr(&m->phys, pa & ~(u64)(PAGE_SIZE - 1), PAGE_SIZE);
		if (p != NULL && fn(arg, va, p))
			return 0;
	}
	return -ENOENT;
}

struct btf_scan {
	struct machine *m;
	struct ktypes *kt;
	struct error *e;
	bool corrupt;
};

/* A page: the BTF magic at each 4-byte boundary (the section's alignment) */
static bool
btf_scan_page(void *arg, u64 va, const u8 *page)
{
	struct btf_scan *bs = arg;
	unsigned i;

	for (i = 0; i < PAGE_SIZE; i += 4) {
		u32 w;
		u64 size;

		memcpy(&w, page + i, 4);
		if ((w & 0xffffff) != 0x01eb9f)	/* magic 0xeB9F, version 1 */
			continue;
		size = btf_header_size(bs->m, va + i);
		if (size == 0)
			continue;
		if (btf_load_at(bs->m, bs->kt, va + i, size, bs->e) == 0)
			return true;
		bs->corrupt = true;
	}
	return false;
}

/*
 * Without symbols: the first BTF header in the kernel image from _stext,
 * page by page through the kernel's tables (unmapped pages skipped).
 */
static int
btf_scan(struct machine *m, struct ktypes *kt, struct error *e)
{
	struct btf_scan bs = { .m = m, .kt = kt, .e = e };

	if (machine_ksym(m, "_stext") == NULL)
		return error_set(e, -ENOENT, "the dump has no BTF: neither "
				 "__start_BTF nor _stext is known");
	if (kimage_scan(m, btf_scan_page, &bs) == 0)
		return 0;
	if (bs.corrupt)
		return -EINVAL;
	return error_set(e, -ENOENT, "the dump has no BTF (no BTF header in "
			 "the %llu MiB of the kernel image from _stext)",
			 (unsigned long long)(BTF_SCAN_MAX >> 20));
}

/*
 * The DWARF of --symbols FILE (a vmlinux from a -dbg package, already
 * checked against the dump), when it has some: 0, else -ENOENT.
 */
static int
btf_dwarf(struct machine *m, struct ktypes *kt)
{
	const char *path = m->img->opts.symbols;
	struct error e;

	if (path == NULL || !kdwarf_present(path))
		return -ENOENT;
	kt->dwarf = kdwarf_open(path, &e);
	if (kt->dwarf == NULL) {
		kt->why = e;
		return -EINVAL;
	}
	kt->btf = kdwarf_btf(kt->dwarf);
	return 0;
}

/* Whether path starts as an ELF file does. */
static bool
symfile_is_elf(const char *path)
{
	FILE *f = fopen(path, "rb");
	char magic[4] = { 0 };

	if (f == NULL)
		return false;
	if (fread(magic, 1, 4, f) != 4)
		magic[0] = 0;
	fclose(f);
	return !memcmp(magic, "\177ELF", 4);
}

/* A dump without BTF: what else could give its types. */
static void
btf_dwarf_why(const struct machine *m, struct error *why)
{
	const char *path = m->img->opts.symbols;
	char more[256];

	if (why->code == 0 || why->code == -EINVAL)
		return;
	if (path == NULL)
		snprintf(more, sizeof(more), "give --btf FILE or --symbols "
			 "with a vmlinux that has DWARF");
	else if (!symfile_is_elf(path))
		snprintf(more, sizeof(more), "give --btf FILE or a vmlinux "
			 "with DWARF (--symbols %s is a System.map, without "
			 "types)", path);
	else
		snprintf(more, sizeof(more), "give --btf FILE (--symbols %s "
			 "has no DWARF, no .debug_info section)", path);
	if (strlen(why->msg) + strlen(more) + 3 < sizeof(why->msg))
		strcat(strcat(why->msg, "; "), more);
}

static void
btf_find(struct machine *m, struct ktypes *kt)
{
	const struct ksym *s = machine_ksym(m, "__start_BTF");
	const struct ksym *t = machine_ksym(m, "__stop_BTF");

	if (s != NULL && t != NULL && t->value > s->value) {
		btf_load_at(m, kt, s->value, t->value - s->value, &kt->why);
		return;
	}
	if (btf_dwarf(m, kt) == 0)
		return;
	btf_scan(m, kt, &kt->why);
	btf_dwarf_why(m, &kt->why);
}

const struct btf *
ktypes_btf(struct machine *m, u64 *va, u64 *size, struct error *e)
{
	struct ktypes *kt;

	if (!m->image || m->img == NULL) {
		error_set(e, -ENOENT, "the simulated machine has no BTF (the "
			  "kernel's types come from a memory image)");
		return NULL;
	}
	kt = m->img->ktypes;
	if (kt == NULL)
		kt = m->img->ktypes = xcalloc(1, sizeof(*kt));
	if (!kt->looked) {
		kt->looked = true;
		btf_find(m, kt);
	}
	if (kt->btf == NULL) {
		*e = kt->why;
		return NULL;
	}
	if (va != NULL)
		*va = kt->va;
	if (size != NULL)
		*size = kt->size;
	return kt->btf;
}

bool
ktypes_loaded(const struct machine *m)
{
	const struct ktypes *kt = kt_of(m);

	return kt != NULL && kt->btf != NULL;
}

void
ktypes_release(struct machine *m)
{
	struct ktypes *kt = kt_of(m);
	int i;

	if (kt == NULL)
		return;
	if (kt->dwarf != NULL)
		kdwarf_free(kt->dwarf);	/* with its BTF */
	else
		btf__free(kt->btf);
	for (i = 0; i < KT_CACHE; i++)
		free(kt->cache[i].name);
	free(kt);
	m->img->ktypes = NULL;
}

/*
 * Types and members
 */

int
ktype_id(struct machine *m, const char *name, u32 *id, struct error *e)
{
	static const int kinds[] = { BTF_KIND_STRUCT, BTF_KIND_UNION,
				     BTF_KIND_TYPEDEF, BTF_KIND_ENUM,
				     BTF_KIND_ENUM64 };
	const struct btf *btf = ktypes_btf(m, NULL, NULL, e);
	struct ktypes *kt = kt_of(m);
	s32 r = -1;
	size_t i;

	if (btf == NULL)
		return -ENOENT;
	if (!strncmp(name, "struct ", 7))
		name += 7;
	else if (!strncmp(name, "union ", 6))
		name += 6;
	/* libbpf looks names up one type after the other: remember them */
	for (i = 0; i < KT_CACHE; i++)
		if (kt->cache[i].name && !strcmp(kt->cache[i].name, name)) {
			*id = kt->cache[i].id;
			return 0;
		}
	if (kt->dwarf != NULL) {
		/* converted when first asked for (the BTF grows) */
		if (kdwarf_type(kt->dwarf, name, 0, id, e) == 0)
			r = (s32)*id;
		else if (e->code != -ENOENT)
			return e->code;
	}
	for (i = 0; i < ARRAY_SIZE(kinds) && r <= 0; i++)
		r = btf__find_by_name_kind(btf, name, (u32)kinds[i]);
	if (r <= 0)
		r = btf__find_by_name(btf, name);
	if (r > 0) {
		*id = (u32)r;
		free(kt->cache[kt->next].name);
		kt->cache[kt->next].name = xstrdup(name);
		kt->cache[kt->next].id = *id;
		kt->next = (kt->next + 1) % KT_CACHE;
		return 0;
	}
	return error_set(e, -ENOENT, "the kernel's BTF has no type '%s'",
			 name);
}

int
ktype_size(struct machine *m, const char *name, u64 *size, struct error *e)
{
	const struct btf *btf;
	u32 id;
	long long n;

	if (ktype_id(m, name, &id, e))
		return -ENOENT;
	btf = ktypes_btf(m, NULL, NULL, e);
	n = btf__resolve_size(btf, id);
	if (n < 0)
		return error_set(e, -EINVAL, "the size of '%s' cannot be "
				 "resolved from the BTF", name);
	*size = (u64)n;
	return 0;
}

/* The struct or union under typedefs and qualifiers, 0 if none. */
static u32
composite_of(const struct btf *btf, u32 id)
{
	s32 r = btf__resolve_type(btf, id);
	const struct btf_type *t;

	if (r <= 0)
		return 0;
	t = btf__type_by_id(btf, (u32)r);
	return t != NULL && btf_is_composite(t) ? (u32)r : 0;
}

/*
 * The member name of composite cid, searched in anonymous members too:
 * its bit offset in cid (*bits) and the member itself (*mt, index *mi in
 * the struct *owner).  false when absent.
 */
static bool
member_find(const struct btf *btf, u32 cid, const char *name, size_t len,
	    u64 *bits, const struct btf_type **owner, int *mi, int depth)
{
	const struct btf_type *t = btf__type_by_id(btf, cid);
	const struct btf_member *mb = btf_members(t);
	int i, n = btf_vlen(t);

	if (depth > 32)
		return false;
	for (i = 0; i < n; i++) {
		const char *mn = btf__name_by_offset(btf, mb[i].name_off);
		u64 off = btf_member_bit_offset(t, (u32)i);
		u32 sub;

		if (mn != NULL && mn[0] != 0) {
			if (strlen(mn) == len && !memcmp(mn, name, len)) {
				*bits = off;
				*owner = t;
				*mi = i;
				return true;
			}
			continue;
		}
		sub = composite_of(btf, mb[i].type);
		if (sub != 0 && member_find(btf, sub, name, len, bits, owner,
					    mi, depth + 1)) {
			*bits += off;
			return true;
		}
	}
	return false;
}

/* One step "name" or "name[N]" of a path into composite *cid. */
static int
member_step(const struct btf *btf, u32 *cid, const char *step, size_t len,
	    struct kmember *km, const char *path, struct error *e)
{
	const char *br = memchr(step, '[', len);
	size_t nlen = br ? (size_t)(br - step) : len;
	const struct btf_type *owner, *mt;
	u64 bits;
	int mi;
	u32 tid;
	long long sz;

	if (!member_find(btf, *cid, step, nlen, &bits, &owner, &mi, 0))
		return error_set(e, -ENOENT, "'%s': the kernel's BTF has no "
				 "member '%.*s' in '%s'", path, (int)nlen, step,
				 btf__name_by_offset(btf, btf__type_by_id(btf,
						     *cid)->name_off));
	tid = btf_members(owner)[mi].type;
	km->bit_size = btf_member_bitfield_size(owner, (u32)mi);
	km->offset += bits / 8;
	km->bit_offset = km->bit_size ? (unsigned)(bits % 8) : 0;
	if (br != NULL) {
		char *end;
		unsigned long idx = strtoul(br + 1, &end, 0);
		s32 r = btf__resolve_type(btf, tid);

		mt = r > 0 ? btf__type_by_id(btf, (u32)r) : NULL;
		if (mt == NULL || !btf_is_array(mt) || *end != ']' ||
		    end + 1 != step + len)
			return error_set(e, -EINVAL, "'%s': '%.*s' is not an "
					 "array member with an index", path,
					 (int)len, step);
		if (idx >= btf_array(mt)->nelems)
			return error_set(e, -ERANGE, "'%s': index %lu is past "
					 "the %u elements", path, idx,
					 btf_array(mt)->nelems);
		tid = btf_array(mt)->type;
		sz = btf__resolve_size(btf, tid);
		if (sz < 0)
			return error_set(e, -EINVAL, "'%s': the element size "
					 "is unknown", path);
		km->offset += idx * (u64)sz;
	}
	km->type_id = tid;
	sz = btf__resolve_size(btf, tid);
	km->size = km->bit_size ? (km->bit_offset + km->bit_size + 7) / 8 :
		(sz < 0 ? 0 : (u64)sz);
	*cid = composite_of(btf, tid);
	return 0;
}

int
ktype_member(struct machine *m, const char *path, struct kmember *km,
	     struct error *e)
{
	const struct btf *btf;
	const char *dot = strchr(path, '.'), *p;
	char name[128];
	u32 id, cid;

	memset(km, 0, sizeof(*km));
	if (dot == NULL || (size_t)(dot - path) >= sizeof(name))
		return error_set(e, -EINVAL, "'%s' is not STRUCT.MEMBER", path);
	memcpy(name, path, (size_t)(dot - path));
	name[dot - path] = 0;
	if (ktype_id(m, name, &id, e))
		return -ENOENT;
	btf = ktypes_btf(m, NULL, NULL, e);
	cid = composite_of(btf, id);
	for (p = dot + 1;;) {
		const char *end = strchr(p, '.');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (cid == 0)
			return error_set(e, -EINVAL, "'%s': '%.*s' is not in a "
					 "struct or union", path, (int)len, p);
		if (len == 0)
			return error_set(e, -EINVAL, "'%s': an empty member "
					 "name", path);
		if (member_step(btf, &cid, p, len, km, path, e))
			return -ENOENT;
		if (end == NULL)
			return 0;
		if (km->bit_size)
			return error_set(e, -EINVAL, "'%s': a bitfield has no "
					 "members", path);
		p = end + 1;
	}
}

int
ktype_enum(struct machine *m, const char *name, s64 *val, struct error *e)
{
	const struct btf *btf = ktypes_btf(m, NULL, NULL, e);
	u32 id, n, i;

	if (btf == NULL)
		return -ENOENT;
	if (kt_of(m)->dwarf != NULL)
		return kdwarf_enumerator(kt_of(m)->dwarf, name, val, e);
	n = btf__type_cnt(btf);
	for (id = 1; id < n; id++) {
		const struct btf_type *t = btf__type_by_id(btf, id);

		if (btf_is_enum(t)) {
			const struct btf_enum *en = btf_enum(t);

			for (i = 0; i < btf_vlen(t); i++)
				if (!strcmp(btf__name_by_offset(btf,
						en[i].name_off), name)) {
					*val = en[i].val;
					return 0;
				}
		} else if (btf_is_enum64(t)) {
			const struct btf_enum64 *en = btf_enum64(t);

			for (i = 0; i < btf_vlen(t); i++)
				if (!strcmp(btf__name_by_offset(btf,
						en[i].name_off), name)) {
					*val = (s64)btf_enum64_value(&en[i]);
					return 0;
				}
		}
	}
	return error_set(e, -ENOENT, "the kernel's BTF has no enumerator "
			 "'%s'", name);
}

int
ktype_offset(struct machine *m, const char *path, u64 *off, struct error *e)
{
	struct kmember km;

	*off = 0;
	if (ktype_member(m, path, &km, e))
		return -ENOENT;
	*off = km.offset;
	return 0;
}

int
kread_field(struct machine *m, u64 obj, const char *path, u64 *val,
	    struct error *e)
{
	const struct btf *btf;
	const struct btf_type *t;
	struct kmember km;
	u64 v = 0;
	s32 r;

	*val = 0;
	if (ktype_member(m, path, &km, e))
		return -ENOENT;
	btf = ktypes_btf(m, NULL, NULL, e);
	r = btf__resolve_type(btf, km.type_id);
	t = r > 0 ? btf__type_by_id(btf, (u32)r) : NULL;
	if (t == NULL || !(btf_is_int(t) || btf_is_ptr(t) || btf_is_any_enum(t)) ||
	    km.size == 0 || km.size > 8)
		return error_set(e, -EINVAL, "'%s' is %llu bytes: not a number "
				 "or a pointer", path,
				 (unsigned long long)km.size);
	if (kread(m, obj + km.offset, &v, km.size, e))
		return -EFAULT;
	if (km.bit_size) {
		v >>= km.bit_offset;
		if (km.bit_size < 64)
			v &= (1ULL << km.bit_size) - 1;
	}
	*val = v;
	return 0;
}

/*
 * --btf FILE
 */

/*
 * One "SIZE(name)=N" or "OFFSET(name.member)=N" line of VMCOREINFO against
 * the BTF: 0 when they agree or the BTF lacks the name (*checked counts
 * the agreements), else the error.
 */
static int
vmci_check_line(struct machine *m, const char *line, size_t len,
		const char *path, int *checked, struct error *e)
{
	bool size = len > 5 && !memcmp(line, "SIZE(", 5);
	const char *open = memchr(line, '(', len), *close;
	char key[128];
	u64 want, got;
	struct error e2;

	if (!size && !(len > 7 && !memcmp(line, "OFFSET(", 7)))
		return 0;
	close = memchr(line, ')', len);
	if (close == NULL || close[1] != '=' ||
	    (size_t)(close - open - 1) >= sizeof(key))
		return 0;
	memcpy(key, open + 1, (size_t)(close - open - 1));
	key[close - open - 1] = 0;
	want = strtoull(close + 2, NULL, 10);
	if (size ? ktype_size(m, key, &got, &e2) :
	    ktype_offset(m, key, &got, &e2))
		return 0;	/* a type or member the BTF lacks */
	if (got != want)
		return error_set(e, -EINVAL, "--btf %s is not this kernel's "
				 "types: %s(%s) is %llu there, %llu in the "
				 "dump's VMCOREINFO", path,
				 size ? "SIZE" : "OFFSET", key,
				 (unsigned long long)got,
				 (unsigned long long)want);
	(*checked)++;
	return 0;
}

/* Every size and offset VMCOREINFO gives, against the BTF of path. */
static int
vmci_check(struct machine *m, const char *path, struct error *e)
{
	const char *p = m->img->vmcoreinfo;
	const struct btf *btf = kt_of(m)->btf;
	unsigned psz = (unsigned)btf__pointer_size(btf);
	unsigned esize = m->mmu.lv[LVL_PTE].esize;
	int checked = 0;
	u64 pte;
	struct error e2;

	if (psz != 0 && psz != (m->arch->is64 ? 8u : 4u))
		return error_set(e, -EINVAL, "--btf %s is the types of a "
				 "kernel with %u-byte pointers, the dump's has "
				 "%u", path, psz, m->arch->is64 ? 8 : 4);
	/* wider page-table entries: pte_t (VMCOREINFO does not size it) */
	if (esize != 0 && ktype_size(m, "pte_t", &pte, &e2) == 0 &&
	    pte != esize)
		return error_set(e, -EINVAL, "--btf %s is not this kernel's "
				 "types: its pte_t is %llu bytes, the dump's "
				 "page-table entries %u", path,
				 (unsigned long long)pte, esize);
	while (p != NULL && *p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		if (vmci_check_line(m, p, len, path, &checked, e))
			return -EINVAL;
		p = nl ? nl + 1 : p + len;
	}
	if (p != NULL && checked == 0)
		return error_set(e, -EINVAL, "--btf %s is not this kernel's "
				 "types: none of the structs the dump's "
				 "VMCOREINFO sizes is in it", path);
	return 0;
}

static int
btf_silent(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	(void)level;
	(void)fmt;
	(void)ap;
	return 0;
}

/* The raw BTF file path, read whole (64 MiB at most) and parsed. */
static struct btf *
btf_read_file(const char *path, struct error *e)
{
	libbpf_print_fn_t was;
	struct btf *btf;
	struct stat st;
	u8 *buf;
	ssize_t got = 0;
	int fd = host_open(path, 0, "the BTF file", &st, e);

	if (fd < 0)
		return NULL;
	if (st.st_size < BTF_HDR_LEN || (u64)st.st_size > BTF_MAX_SIZE) {
		close(fd);
		error_set(e, -EINVAL, "--btf %s is %lld bytes: not a kernel's "
			  "raw BTF", path, (long long)st.st_size);
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size);
	while (got < st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)(st.st_size - got));

		if (r <= 0)
			break;
		got += r;
	}
	close(fd);
	if (got == st.st_size && !memcmp(buf, "\177ELF", 4)) {
		free(buf);
		error_set(e, -EINVAL, "--btf %s is an ELF file, not raw BTF "
			  "(a vmlinux goes with --symbols)", path);
		return NULL;
	}
	was = libbpf_set_print(btf_silent);
	btf = got == st.st_size ? btf__new(buf, (u32)got) : NULL;
	libbpf_set_print(was);
	free(buf);
	if (btf == NULL)
		error_set(e, -EINVAL, "--btf %s: not raw BTF (libbpf cannot "
			  "parse it)", path);
	return btf;
}

int
ktypes_load_file(struct machine *m, const char *path, struct error *e)
{
	struct ktypes *kt;
	struct btf *btf = btf_read_file(path, e);

	if (btf == NULL)
		return -EINVAL;
	ktypes_release(m);
	kt = m->img->ktypes = xcalloc(1, sizeof(*kt));
	kt->looked = true;
	kt->btf = btf;
	if (vmci_check(m, path, e)) {
		ktypes_release(m);
		return -EINVAL;
	}
	return 0;
}
