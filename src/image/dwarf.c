// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The kernel's types from a vmlinux's DWARF (libdw), converted into BTF
 * with libbpf's writer when first asked for (include/ptwalk/kdwarf.h).
 *
 * The conversion follows what pahole's BTF encoder does for the same
 * DIEs: base types become INT (or FLOAT), structs and unions keep their
 * members' bit offsets and bitfield widths, arrays nest one dimension per
 * subrange, enums of 8 bytes are ENUM64, subroutine types FUNC_PROTO.
 * Two things make it lazy and bounded: a type is converted with what it
 * contains (recursively: containment cannot loop) but what it points to
 * is queued and converted after it, its PTR patched then (pointers are
 * where C's types loop); and a named struct, union, enum or typedef is
 * converted once, whichever unit meets it again.
 */
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/btf.h>

#include "ptwalk/kdwarf.h"
#include "ptwalk/util.h"

#define KD_DEPTH_MAX	256	/* nesting of contained types */
#define KD_DIMS_MAX	16	/* array dimensions */

/* An open-addressed table: a key (a name and a kind, or a DIE offset). */
struct kd_ent {
	const char *name;	/* NULL: keyed by off alone */
	u64 off;		/* a DIE offset (name: the value) */
	u64 val;
	u8 kind;
	bool used;
};

struct kd_map {
	struct kd_ent *e;
	size_t cap, n;
};

struct kd_pending {
	u32 ptr;		/* the PTR to patch */
	Dwarf_Off target;	/* the DIE it points to */
};

struct kdwarf {
	int fd;
	Dwarf *dbg;
	struct btf *btf;
	bool big_endian;
	struct kd_map index;	/* (kind, name) -> DIE of its definition */
	struct kd_map done;	/* DIE offset -> BTF id */
	struct kd_map named;	/* (kind, name) -> BTF id */
	Dwarf_CU *cu;		/* the unit the index read last */
	bool indexed;		/* every unit read */
	struct kd_pending *pend;
	size_t npend, cappend;
	int index_type;		/* the arrays' index int, 0 until made */
	int depth;
};

/*
 * The tables
 */

static u64
kd_hash(const char *name, u8 kind, u64 off)
{
	u64 h = 1469598103934665603ULL ^ kind;

	if (name == NULL)
		return (off ^ (off >> 29)) * 0x9e3779b97f4a7c15ULL;
	for (; *name; name++)
		h = (h ^ (u8)*name) * 1099511628211ULL;
	return h;
}

static struct kd_ent *
kd_slot(struct kd_map *m, const char *name, u8 kind, u64 off)
{
	size_t i = (size_t)kd_hash(name, kind, off) & (m->cap - 1);

	for (;; i = (i + 1) & (m->cap - 1)) {
		struct kd_ent *x = &m->e[i];

		if (!x->used)
			return x;
		if (name != NULL ? x->kind == kind && x->name != NULL &&
		    !strcmp(x->name, name) : x->name == NULL && x->off == off)
			return x;
	}
}

static bool
kd_get(const struct kd_map *m, const char *name, u8 kind, u64 off, u64 *val)
{
	struct kd_ent *x;

	if (m->cap == 0)
		return false;
	x = kd_slot((struct kd_map *)m, name, kind, off);
	if (x->used)
		*val = x->val;
	return x->used;
}

/* Add (a key present keeps its value). */
static void
kd_put(struct kd_map *m, const char *name, u8 kind, u64 off, u64 val)
{
	struct kd_ent *x;

	if (2 * (m->n + 1) > m->cap) {
		struct kd_map big = { .cap = m->cap ? 2 * m->cap : 4096 };
		size_t i;

		big.e = xcalloc(big.cap, sizeof(*big.e));
		for (i = 0; i < m->cap; i++)
			if (m->e[i].used)
				*kd_slot(&big, m->e[i].name, m->e[i].kind,
					 m->e[i].off) = m->e[i];
		big.n = m->n;
		free(m->e);
		*m = big;
	}
	x = kd_slot(m, name, kind, off);
	if (x->used)
		return;
	x->used = true;
	x->name = name;
	x->kind = kind;
	x->off = off;
	x->val = val;
	m->n++;
}

/*
 * The index of the units' top-level types
 */

static u8
kind_of_tag(int tag)
{
	switch (tag) {
	case DW_TAG_structure_type:
	case DW_TAG_class_type:
		return 's';
	case DW_TAG_union_type:
		return 'u';
	case DW_TAG_typedef:
		return 't';
	case DW_TAG_enumeration_type:
		return 'e';
	case DW_TAG_base_type:
		return 'b';
	default:
		return 0;
	}
}

/* The named types one unit defines at its top level, and enumerators. */
static void
index_unit(struct kdwarf *kd, Dwarf_Die *cu)
{
	Dwarf_Die c, en;
	int r;

	for (r = dwarf_child(cu, &c); r == 0; r = dwarf_siblingof(&c, &c)) {
		u8 kind = kind_of_tag(dwarf_tag(&c));
		const char *name = dwarf_diename(&c);
		Dwarf_Off off = dwarf_dieoffset(&c);

		if (kind == 0 || dwarf_hasattr(&c, DW_AT_declaration))
			continue;
		if (name != NULL)
			kd_put(&kd->index, name, kind, 0, off);
		if (kind != 'e' || dwarf_child(&c, &en) != 0)
			continue;
		do {
			const char *ename = dwarf_diename(&en);

			if (dwarf_tag(&en) == DW_TAG_enumerator && ename)
				kd_put(&kd->index, ename, 'E', 0, off);
		} while (dwarf_siblingof(&en, &en) == 0);
	}
}

/* The DIE defining (kind, name): from the index, read unit by unit. */
static bool
index_find(struct kdwarf *kd, const char *name, u8 kind, Dwarf_Off *off)
{
	u64 v;

	for (;;) {
		Dwarf_CU *next;
		Dwarf_Die cu;

		if (kd_get(&kd->index, name, kind, 0, &v)) {
			*off = v;
			return true;
		}
		if (kd->indexed || dwarf_get_units(kd->dbg, kd->cu, &next, NULL,
						   NULL, &cu, NULL) != 0) {
			kd->indexed = true;
			return false;
		}
		kd->cu = next;
		index_unit(kd, &cu);
	}
}

/*
 * Converting DIEs
 */

static int conv(struct kdwarf *kd, Dwarf_Die *die, struct error *e);

static int
btf_err(int r, const char *what, const char *name, struct error *e)
{
	return error_set(e, r < 0 ? r : -EINVAL, "the DWARF %s '%s' cannot "
			 "be converted to BTF (libbpf: %s)", what,
			 name ? name : "(anonymous)",
			 strerror(r < 0 ? -r : EINVAL));
}

/* The type DW_AT_type names, converted; 0 (void) without one. */
static int
conv_type_of(struct kdwarf *kd, Dwarf_Die *die, struct error *e)
{
	Dwarf_Attribute a;
	Dwarf_Die t;

	if (dwarf_attr(die, DW_AT_type, &a) == NULL)
		return 0;
	if (dwarf_formref_die(&a, &t) == NULL)
		return error_set(e, -EINVAL, "DIE 0x%llx: a type reference "
				 "libdw cannot follow (%s)",
				 (unsigned long long)dwarf_dieoffset(die),
				 dwarf_errmsg(-1));
	return conv(kd, &t, e);
}

static u64
attr_u(Dwarf_Die *die, int at, u64 dflt)
{
	Dwarf_Attribute a;
	Dwarf_Word w;

	if (dwarf_attr(die, at, &a) == NULL || dwarf_formudata(&a, &w) != 0)
		return dflt;
	return w;
}

/* A pointer: to what is done already, else patched once it is. */
static int
conv_ptr(struct kdwarf *kd, Dwarf_Die *die)
{
	Dwarf_Attribute a;
	Dwarf_Die t;
	u64 id = 0;
	int r;

	if (dwarf_attr(die, DW_AT_type, &a) == NULL ||
	    dwarf_formref_die(&a, &t) == NULL)
		return btf__add_ptr(kd->btf, 0);	/* void * */
	if (kd_get(&kd->done, NULL, 0, dwarf_dieoffset(&t), &id))
		return btf__add_ptr(kd->btf, (int)id);
	r = btf__add_ptr(kd->btf, 0);
	if (r <= 0)
		return r;
	if (kd->npend == kd->cappend) {
		kd->cappend = kd->cappend ? 2 * kd->cappend : 1024;
		kd->pend = xrealloc(kd->pend, kd->cappend * sizeof(*kd->pend));
	}
	kd->pend[kd->npend].ptr = (u32)r;
	kd->pend[kd->npend++].target = dwarf_dieoffset(&t);
	return r;
}

static int
conv_base(struct kdwarf *kd, Dwarf_Die *die)
{
	const char *name = dwarf_diename(die);
	u64 size = attr_u(die, DW_AT_byte_size, 0);
	int enc = 0;

	switch (attr_u(die, DW_AT_encoding, 0)) {
	case DW_ATE_float:
		return btf__add_float(kd->btf, name, size);
	case DW_ATE_signed:
	case DW_ATE_signed_char:
		enc = BTF_INT_SIGNED;
		break;
	case DW_ATE_boolean:
		enc = BTF_INT_BOOL;
		break;
	}
	return btf__add_int(kd->btf, name, size, enc);
}

/* The bit offset of a member in its struct, its bitfield width *bits. */
static int
member_bits(struct kdwarf *kd, Dwarf_Die *m, u64 *off, u32 *bits)
{
	Dwarf_Attribute a;
	Dwarf_Word w;
	u64 bytes = 0;

	*bits = (u32)attr_u(m, DW_AT_bit_size, 0);
	if (dwarf_attr(m, DW_AT_data_bit_offset, &a) != NULL) {
		*off = attr_u(m, DW_AT_data_bit_offset, 0);
		return 0;
	}
	if (dwarf_attr(m, DW_AT_data_member_location, &a) != NULL &&
	    dwarf_formudata(&a, &w) == 0) {
		bytes = w;
	} else if (dwarf_attr(m, DW_AT_data_member_location, &a) != NULL) {
		Dwarf_Op *ops;
		size_t n;

		if (dwarf_getlocation(&a, &ops, &n) != 0 || n != 1 ||
		    ops[0].atom != DW_OP_plus_uconst)
			return -EINVAL;
		bytes = ops[0].number;
	}
	*off = bytes * 8;
	/* DWARF 2 and 3: bits from the storage unit's most significant */
	if (*bits != 0 && dwarf_hasattr(m, DW_AT_bit_offset)) {
		u64 bo = attr_u(m, DW_AT_bit_offset, 0);
		u64 unit = attr_u(m, DW_AT_byte_size, 0);

		if (unit == 0) {
			Dwarf_Die t;

			if (dwarf_attr(m, DW_AT_type, &a) == NULL ||
			    dwarf_formref_die(&a, &t) == NULL ||
			    (unit = (u64)dwarf_bytesize(&t)) == (u64)-1)
				return -EINVAL;
		}
		*off += kd->big_endian ? bo : unit * 8 - bo - *bits;
	}
	return 0;
}

struct kd_field {
	const char *name;
	int type;
	u64 off;
	u32 bits;
};

/* The members of a struct or union, their types converted first. */
static int
conv_members(struct kdwarf *kd, Dwarf_Die *die, struct kd_field **out,
	     size_t *n, struct error *e)
{
	Dwarf_Die c;
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	if (dwarf_child(die, &c) != 0)
		return 0;
	do {
		struct kd_field f;

		if (dwarf_tag(&c) != DW_TAG_member)
			continue;
		f.name = dwarf_diename(&c);
		if (member_bits(kd, &c, &f.off, &f.bits))
			return error_set(e, -EINVAL, "member '%s' of DIE "
					 "0x%llx: a location ptwalk cannot read",
					 f.name ? f.name : "(anonymous)",
					 (unsigned long long)
					 dwarf_dieoffset(die));
		r = conv_type_of(kd, &c, e);
		if (r < 0)
			return r;
		f.type = r;
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		(*out)[(*n)++] = f;
	} while (dwarf_siblingof(&c, &c) == 0);
	return 0;
}

/* A forward declaration: the definition some unit has, else a FWD. */
static int
conv_decl(struct kdwarf *kd, const char *name, u8 kind, struct error *e)
{
	u64 off;
	Dwarf_Die d;
	u64 id;
	int r;

	if (name == NULL)
		return btf__add_fwd(kd->btf, "", kind == 'u' ? BTF_FWD_UNION :
				    BTF_FWD_STRUCT);
	if (kd_get(&kd->named, name, kind, 0, &id))
		return (int)id;
	/* only the units read already: a search of every unit costs 1 s */
	if (kd_get(&kd->index, name, kind, 0, &off) &&
	    dwarf_offdie(kd->dbg, off, &d) != NULL)
		return conv(kd, &d, e);
	if (kd_get(&kd->named, name, (u8)(kind ^ 0x20), 0, &id))
		return (int)id;
	if (kind == 'e')
		r = btf__add_enum(kd->btf, name, 4);
	else
		r = btf__add_fwd(kd->btf, name, kind == 'u' ? BTF_FWD_UNION :
				 BTF_FWD_STRUCT);
	if (r > 0)
		kd_put(&kd->named, name, (u8)(kind ^ 0x20), 0, (u64)r);
	return r;
}

static int
conv_composite(struct kdwarf *kd, Dwarf_Die *die, u8 kind, struct error *e)
{
	const char *name = dwarf_diename(die);
	struct kd_field *f;
	size_t n, i;
	u64 size = attr_u(die, DW_AT_byte_size, 0);
	int r, id;

	if (dwarf_hasattr(die, DW_AT_declaration))
		return conv_decl(kd, name, kind, e);
	r = conv_members(kd, die, &f, &n, e);
	if (r < 0) {
		free(f);
		return r;
	}
	id = kind == 'u' ? btf__add_union(kd->btf, name, (u32)size) :
		btf__add_struct(kd->btf, name, (u32)size);
	if (id < 0)
		id = btf_err(id, kind == 'u' ? "union" : "struct", name, e);
	for (i = 0; id > 0 && i < n; i++) {
		r = btf__add_field(kd->btf, f[i].name, f[i].type,
				   (u32)f[i].off, f[i].bits);
		if (r < 0)
			id = btf_err(r, "member", f[i].name, e);
	}
	free(f);
	return id;
}

/* An array: one BTF array per subrange, the last innermost. */
static int
conv_array(struct kdwarf *kd, Dwarf_Die *die, struct error *e)
{
	u32 dims[KD_DIMS_MAX];
	int n = 0, id, i;
	Dwarf_Die c;

	id = conv_type_of(kd, die, e);
	if (id < 0)
		return id;
	if (kd->index_type == 0) {
		kd->index_type = btf__add_int(kd->btf, "__ARRAY_SIZE_TYPE__",
					      4, 0);
		if (kd->index_type < 0)
			return btf_err(kd->index_type, "array index", NULL, e);
	}
	if (dwarf_child(die, &c) == 0)
		do {
			Dwarf_Attribute a;
			Dwarf_Word w;
			u32 count = 0;

			if (dwarf_tag(&c) != DW_TAG_subrange_type)
				continue;
			if (n == KD_DIMS_MAX)
				return error_set(e, -E2BIG, "DIE 0x%llx: an "
						 "array of over %d dimensions",
						 (unsigned long long)
						 dwarf_dieoffset(die),
						 KD_DIMS_MAX);
			if (dwarf_attr(&c, DW_AT_count, &a) != NULL &&
			    dwarf_formudata(&a, &w) == 0)
				count = (u32)w;
			else if (dwarf_attr(&c, DW_AT_upper_bound, &a) &&
				 dwarf_formudata(&a, &w) == 0)
				count = (u32)(w + 1);
			dims[n++] = count;	/* else flexible: 0 */
		} while (dwarf_siblingof(&c, &c) == 0);
	if (n == 0)
		dims[n++] = 0;
	for (i = n - 1; i >= 0 && id >= 0; i--)
		id = btf__add_array(kd->btf, kd->index_type, id, dims[i]);
	return id < 0 ? btf_err(id, "array", NULL, e) : id;
}

/* Whether the enum's values are signed: its base type, else a value. */
static bool
enum_signed(Dwarf_Die *die)
{
	Dwarf_Attribute a;
	Dwarf_Die t, c;
	Dwarf_Sword v;

	if (dwarf_attr(die, DW_AT_type, &a) != NULL &&
	    dwarf_formref_die(&a, &t) != NULL) {
		u64 enc = attr_u(&t, DW_AT_encoding, 0);

		return enc == DW_ATE_signed || enc == DW_ATE_signed_char;
	}
	if (dwarf_child(die, &c) == 0)
		do {
			if (dwarf_attr(&c, DW_AT_const_value, &a) != NULL &&
			    (dwarf_whatform(&a) == DW_FORM_sdata ||
			     dwarf_whatform(&a) == DW_FORM_implicit_const) &&
			    dwarf_formsdata(&a, &v) == 0 && v < 0)
				return true;
		} while (dwarf_siblingof(&c, &c) == 0);
	return false;
}

static int
conv_enum(struct kdwarf *kd, Dwarf_Die *die, struct error *e)
{
	const char *name = dwarf_diename(die);
	u64 size = attr_u(die, DW_AT_byte_size, 4);
	bool sign = enum_signed(die);
	Dwarf_Die c;
	int id;

	if (dwarf_hasattr(die, DW_AT_declaration))
		return conv_decl(kd, name, 'e', e);
	id = size == 8 ? btf__add_enum64(kd->btf, name, 8, sign) :
		btf__add_enum(kd->btf, name, (u32)size);
	if (id > 0 && dwarf_child(die, &c) == 0)
		do {
			Dwarf_Attribute a;
			Dwarf_Sword sv = 0;
			Dwarf_Word uv = 0;
			int r;

			if (dwarf_tag(&c) != DW_TAG_enumerator ||
			    dwarf_attr(&c, DW_AT_const_value, &a) == NULL)
				continue;
			if (sign)
				dwarf_formsdata(&a, &sv);
			else
				dwarf_formudata(&a, &uv);
			if (size == 8)
				r = btf__add_enum64_value(kd->btf,
					dwarf_diename(&c), sign ? (u64)sv : uv);
			else
				r = btf__add_enum_value(kd->btf,
					dwarf_diename(&c),
					sign ? (s64)sv : (s64)(u32)uv);
			if (r < 0)
				return btf_err(r, "enumerator",
					       dwarf_diename(&c), e);
		} while (dwarf_siblingof(&c, &c) == 0);
	return id < 0 ? btf_err(id, "enum", name, e) : id;
}

/* A subroutine type: FUNC_PROTO, its parameters' types converted first. */
static int
conv_proto(struct kdwarf *kd, Dwarf_Die *die, struct error *e)
{
	int ret = conv_type_of(kd, die, e), params[64], n = 0, id, i;
	Dwarf_Die c;

	if (ret < 0)
		return ret;
	if (dwarf_child(die, &c) == 0)
		do {
			int tag = dwarf_tag(&c), t = 0;

			if (tag == DW_TAG_formal_parameter)
				t = conv_type_of(kd, &c, e);
			else if (tag != DW_TAG_unspecified_parameters)
				continue;
			if (t < 0)
				return t;
			if (n == (int)ARRAY_SIZE(params))
				return error_set(e, -E2BIG, "DIE 0x%llx: a "
						 "function of over %d "
						 "parameters",
						 (unsigned long long)
						 dwarf_dieoffset(die), n);
			params[n++] = t;
		} while (dwarf_siblingof(&c, &c) == 0);
	id = btf__add_func_proto(kd->btf, ret);
	for (i = 0; id > 0 && i < n; i++)
		if (btf__add_func_param(kd->btf, "", params[i]) < 0)
			id = -EINVAL;
	return id < 0 ? btf_err(id, "function type", NULL, e) : id;
}

/* typedef, const, volatile, restrict: one type over DW_AT_type's. */
static int
conv_ref(struct kdwarf *kd, Dwarf_Die *die, int tag, struct error *e)
{
	int t = conv_type_of(kd, die, e);

	if (t < 0)
		return t;
	switch (tag) {
	case DW_TAG_typedef:
		return btf__add_typedef(kd->btf, dwarf_diename(die), t);
	case DW_TAG_const_type:
		return btf__add_const(kd->btf, t);
	case DW_TAG_volatile_type:
		return btf__add_volatile(kd->btf, t);
	case DW_TAG_restrict_type:
		return btf__add_restrict(kd->btf, t);
	default:			/* _Atomic: the type itself */
		return t;
	}
}

static int
conv_tag(struct kdwarf *kd, Dwarf_Die *die, int tag, struct error *e)
{
	switch (tag) {
	case DW_TAG_base_type:
		return conv_base(kd, die);
	case DW_TAG_pointer_type:
	case DW_TAG_reference_type:
	case DW_TAG_rvalue_reference_type:
		return conv_ptr(kd, die);
	case DW_TAG_structure_type:
	case DW_TAG_class_type:
		return conv_composite(kd, die, 's', e);
	case DW_TAG_union_type:
		return conv_composite(kd, die, 'u', e);
	case DW_TAG_enumeration_type:
		return conv_enum(kd, die, e);
	case DW_TAG_array_type:
		return conv_array(kd, die, e);
	case DW_TAG_subroutine_type:
		return conv_proto(kd, die, e);
	case DW_TAG_typedef:
	case DW_TAG_const_type:
	case DW_TAG_volatile_type:
	case DW_TAG_restrict_type:
	case DW_TAG_atomic_type:
		return conv_ref(kd, die, tag, e);
	case DW_TAG_unspecified_type:
		return 0;
	default:
		return error_set(e, -EINVAL, "DIE 0x%llx: DWARF tag 0x%x is no "
				 "type ptwalk converts",
				 (unsigned long long)dwarf_dieoffset(die), tag);
	}
}

/* A type DIE: its BTF id (converted now unless done), or -errno. */
static int
conv(struct kdwarf *kd, Dwarf_Die *die, struct error *e)
{
	Dwarf_Off off = dwarf_dieoffset(die);
	int tag = dwarf_tag(die);
	u8 kind = kind_of_tag(tag);
	const char *name = kind ? dwarf_diename(die) : NULL;
	u64 id;
	int r;

	if (kd_get(&kd->done, NULL, 0, off, &id))
		return (int)id;
	if (name != NULL && !dwarf_hasattr(die, DW_AT_declaration) &&
	    kd_get(&kd->named, name, kind, 0, &id)) {
		kd_put(&kd->done, NULL, 0, off, id);
		return (int)id;
	}
	if (kd->depth >= KD_DEPTH_MAX)
		return error_set(e, -ELOOP, "DIE 0x%llx: types nested over %d "
				 "deep", (unsigned long long)off, KD_DEPTH_MAX);
	kd->depth++;
	r = conv_tag(kd, die, tag, e);
	kd->depth--;
	if (r < 0) {
		if (e->code == 0)
			btf_err(r, "type", name, e);
		return r;
	}
	kd_put(&kd->done, NULL, 0, off, (u64)r);
	if (name != NULL && !dwarf_hasattr(die, DW_AT_declaration))
		kd_put(&kd->named, name, kind, 0, (u64)r);
	return r;
}

/* What the pointers converted so far point to, their PTRs patched. */
static int
drain(struct kdwarf *kd, struct error *e)
{
	while (kd->npend > 0) {
		struct kd_pending p = kd->pend[--kd->npend];
		struct btf_type *t;
		Dwarf_Die d;
		int r;

		if (dwarf_offdie(kd->dbg, p.target, &d) == NULL)
			return error_set(e, -EINVAL, "DIE 0x%llx: not in the "
					 "DWARF", (unsigned long long)p.target);
		r = conv(kd, &d, e);
		if (r < 0)
			return r;
		/* the PTR was added with type 0: its target, now known */
		t = (struct btf_type *)btf__type_by_id(kd->btf, p.ptr);
		t->type = (u32)r;
	}
	return 0;
}

/*
 * The interface
 */

static const u8 kinds_all[] = { 's', 'u', 't', 'e', 'b' };

int
kdwarf_type(struct kdwarf *kd, const char *name, int kind, u32 *id,
	    struct error *e)
{
	size_t i;
	Dwarf_Off off;
	Dwarf_Die d;
	int r;

	for (i = 0; i < sizeof(kinds_all); i++) {
		u64 v;

		if (kind != 0 && kinds_all[i] != kind)
			continue;
		if (kd_get(&kd->named, name, kinds_all[i], 0, &v)) {
			*id = (u32)v;
			return 0;
		}
		if (!index_find(kd, name, kinds_all[i], &off) ||
		    dwarf_offdie(kd->dbg, off, &d) == NULL)
			continue;
		error_clear(e);
		r = conv(kd, &d, e);
		if (r >= 0)
			r = drain(kd, e) ? -EINVAL : r;
		if (r < 0) {
			kd->npend = 0;
			return r;
		}
		*id = (u32)r;
		return 0;
	}
	return error_set(e, -ENOENT, "the kernel's DWARF has no type '%s'",
			 name);
}

int
kdwarf_enumerator(struct kdwarf *kd, const char *name, s64 *val,
		  struct error *e)
{
	Dwarf_Off off;
	Dwarf_Die d, c;
	Dwarf_Attribute a;
	u32 id;

	if (!index_find(kd, name, 'E', &off) ||
	    dwarf_offdie(kd->dbg, off, &d) == NULL)
		return error_set(e, -ENOENT, "the kernel's DWARF has no "
				 "enumerator '%s'", name);
	if (dwarf_diename(&d) != NULL &&
	    kdwarf_type(kd, dwarf_diename(&d), 'e', &id, e))
		return -EINVAL;
	if (dwarf_child(&d, &c) == 0)
		do {
			const char *n = dwarf_diename(&c);

			if (n == NULL || strcmp(n, name) ||
			    dwarf_attr(&c, DW_AT_const_value, &a) == NULL)
				continue;
			if (enum_signed(&d)) {
				Dwarf_Sword v;

				dwarf_formsdata(&a, &v);
				*val = v;
			} else {
				Dwarf_Word v;

				dwarf_formudata(&a, &v);
				*val = (s64)v;
			}
			return 0;
		} while (dwarf_siblingof(&c, &c) == 0);
	return error_set(e, -ENOENT, "the kernel's DWARF has no enumerator "
			 "'%s'", name);
}

bool
kdwarf_present(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	Elf *elf;
	Elf_Scn *scn = NULL;
	size_t shstr;
	bool found = false;

	if (fd < 0)
		return false;
	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (elf != NULL && elf_getshdrstrndx(elf, &shstr) == 0)
		while (!found && (scn = elf_nextscn(elf, scn)) != NULL) {
			GElf_Shdr sh;
			const char *n;

			found = gelf_getshdr(scn, &sh) != NULL &&
				(n = elf_strptr(elf, shstr, sh.sh_name)) &&
				(!strcmp(n, ".debug_info") ||
				 !strcmp(n, ".zdebug_info"));
		}
	elf_end(elf);
	close(fd);
	return found;
}

struct kdwarf *
kdwarf_open(const char *path, struct error *e)
{
	struct kdwarf *kd;
	Elf *elf;
	GElf_Ehdr eh;
	int fd;

	if (!kdwarf_present(path)) {
		error_set(e, -ENOENT, "%s has no DWARF (no .debug_info "
			  "section): the kernel's types are not in it", path);
		return NULL;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	kd = xcalloc(1, sizeof(*kd));
	kd->fd = fd;
	kd->dbg = fd < 0 ? NULL : dwarf_begin(fd, DWARF_C_READ);
	if (kd->dbg == NULL || (elf = dwarf_getelf(kd->dbg)) == NULL ||
	    gelf_getehdr(elf, &eh) == NULL) {
		error_set(e, -EINVAL, "%s: libdw cannot read its DWARF (%s)",
			  path, dwarf_errmsg(-1));
		kdwarf_free(kd);
		return NULL;
	}
	kd->big_endian = eh.e_ident[EI_DATA] == ELFDATA2MSB;
	kd->btf = btf__new_empty();
	if (kd->btf == NULL) {
		error_set(e, -ENOMEM, "libbpf cannot make a BTF");
		kdwarf_free(kd);
		return NULL;
	}
	btf__set_pointer_size(kd->btf,
			      eh.e_ident[EI_CLASS] == ELFCLASS64 ? 8 : 4);
	return kd;
}

struct btf *
kdwarf_btf(struct kdwarf *kd)
{
	return kd->btf;
}

void
kdwarf_free(struct kdwarf *kd)
{
	if (kd == NULL)
		return;
	btf__free(kd->btf);
	if (kd->dbg != NULL)
		dwarf_end(kd->dbg);
	if (kd->fd >= 0)
		close(kd->fd);
	free(kd->index.e);
	free(kd->done.e);
	free(kd->named.e);
	free(kd->pend);
	free(kd);
}
