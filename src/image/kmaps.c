// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The VMAs of a real mm in a memory image: its maple tree walked in order
 * (cf. lib/maple_tree.c: mte_to_node, mte_node_type, ma_data_end,
 * mas_safe_pivot), and each VMA named as show_map_vma() names it
 * (fs/proc/task_mmu.c): the file's path (cf. fs/d_path.c:prepend_path),
 * the special mapping's name ([vdso], [vvar]), [heap], [stack].
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/ksym.h"
#include "ptwalk/machine.h"
#include "ptwalk/ktask.h"
#include "ptwalk/ktypes.h"

#define MAPLE_NODE_MASK		0xffULL	/* cf. maple_tree.h */
#define MAPLE_TYPE_SHIFT	3
#define MAPLE_TYPE_MASK		0x0f
#define MAPLE_HEIGHT_MAX	31
#define MAPLE_NODES_MAX		65536	/* nodes of one tree read at most */
#define MAPLE_NODE_BYTES	256
#define MAPLE_SLOTS_MAX		32
#define PATH_DEPTH_MAX		256	/* dentries and mounts up to the root */

struct vma_offs {
	u64 ma_root, start_brk, brk, start_stack;
	u64 vm_start, vm_end, vm_flags, vm_pgoff, vm_file, vm_ops, vm_priv;
	u64 ops_name, special_name;
	u64 f_path_mnt, f_path_dentry, f_inode, i_ino, i_sb, s_dev;
	u64 d_parent, d_name_len, d_name_name, d_hash_pprev;
	u64 mnt_in_mount, mnt_parent, mnt_mountpoint, mnt_root;
	/* the maple nodes */
	s64 t_leaf, t_range, t_arange;
	u64 r_pivot, r_slot, r_meta, a_pivot, a_slot, a_meta, meta_end;
	unsigned r_npiv, r_nslot, a_npiv, a_nslot;
	unsigned w;		/* a pivot's and a slot's bytes: a long's */
};

static u64
get(struct machine *m, const char *path, bool *bad, struct error *e)
{
	u64 v = 0;

	if (!*bad && ktype_offset(m, path, &v, e))
		*bad = true;
	return v;
}

static unsigned
count(struct machine *m, const char *path, unsigned each, bool *bad,
      struct error *e)
{
	struct kmember km;

	if (*bad || ktype_member(m, path, &km, e)) {
		*bad = true;
		return 0;
	}
	return (unsigned)(km.size / each);
}

static int
maple_offs(struct machine *m, struct vma_offs *o, struct error *e)
{
	bool bad = false;
	unsigned w = o->w = m->arch->is64 ? 8 : 4;

	/* 32-bit kernels: 4-byte pivots and slots, more to a node */
	o->r_pivot = get(m, "maple_range_64.pivot", &bad, e);
	o->r_slot = get(m, "maple_range_64.slot", &bad, e);
	o->r_meta = get(m, "maple_range_64.meta", &bad, e);
	o->a_pivot = get(m, "maple_arange_64.pivot", &bad, e);
	o->a_slot = get(m, "maple_arange_64.slot", &bad, e);
	o->a_meta = get(m, "maple_arange_64.meta", &bad, e);
	o->meta_end = get(m, "maple_metadata.end", &bad, e);
	o->r_npiv = count(m, "maple_range_64.pivot", w, &bad, e);
	o->r_nslot = count(m, "maple_range_64.slot", w, &bad, e);
	o->a_npiv = count(m, "maple_arange_64.pivot", w, &bad, e);
	o->a_nslot = count(m, "maple_arange_64.slot", w, &bad, e);
	if (!bad && (o->r_nslot > MAPLE_SLOTS_MAX || o->a_nslot >
		     MAPLE_SLOTS_MAX || o->r_npiv == 0 || o->a_npiv == 0 ||
		     o->r_npiv >= o->r_nslot || o->a_npiv >= o->a_nslot ||
		     o->r_pivot + o->r_npiv * w > MAPLE_NODE_BYTES ||
		     o->a_pivot + o->a_npiv * w > MAPLE_NODE_BYTES ||
		     o->r_meta >= MAPLE_NODE_BYTES - 1 ||
		     o->a_meta >= MAPLE_NODE_BYTES - 1 ||
		     o->r_slot + o->r_nslot * w > MAPLE_NODE_BYTES ||
		     o->a_slot + o->a_nslot * w > MAPLE_NODE_BYTES))
		return error_set(e, -EINVAL, "the BTF's maple nodes are not "
				 "the 256-byte nodes of Linux 6.1");
	if (bad || ktype_enum(m, "maple_leaf_64", &o->t_leaf, e) ||
	    ktype_enum(m, "maple_range_64", &o->t_range, e) ||
	    ktype_enum(m, "maple_arange_64", &o->t_arange, e))
		return -ENOENT;
	return 0;
}

static int
vma_offs(struct machine *m, struct vma_offs *o, struct error *e)
{
	bool bad = false;

	o->ma_root = get(m, "mm_struct.mm_mt.ma_root", &bad, e);
	o->start_brk = get(m, "mm_struct.start_brk", &bad, e);
	o->brk = get(m, "mm_struct.brk", &bad, e);
	o->start_stack = get(m, "mm_struct.start_stack", &bad, e);
	o->vm_start = get(m, "vm_area_struct.vm_start", &bad, e);
	o->vm_end = get(m, "vm_area_struct.vm_end", &bad, e);
	o->vm_flags = get(m, "vm_area_struct.vm_flags", &bad, e);
	o->vm_pgoff = get(m, "vm_area_struct.vm_pgoff", &bad, e);
	o->vm_file = get(m, "vm_area_struct.vm_file", &bad, e);
	o->vm_ops = get(m, "vm_area_struct.vm_ops", &bad, e);
	o->vm_priv = get(m, "vm_area_struct.vm_private_data", &bad, e);
	o->ops_name = get(m, "vm_operations_struct.name", &bad, e);
	o->special_name = get(m, "vm_special_mapping.name", &bad, e);
	o->f_path_mnt = get(m, "file.f_path.mnt", &bad, e);
	o->f_path_dentry = get(m, "file.f_path.dentry", &bad, e);
	o->f_inode = get(m, "file.f_inode", &bad, e);
	o->i_ino = get(m, "inode.i_ino", &bad, e);
	o->i_sb = get(m, "inode.i_sb", &bad, e);
	o->s_dev = get(m, "super_block.s_dev", &bad, e);
	o->d_parent = get(m, "dentry.d_parent", &bad, e);
	o->d_name_len = get(m, "dentry.d_name.len", &bad, e);
	o->d_name_name = get(m, "dentry.d_name.name", &bad, e);
	o->d_hash_pprev = get(m, "dentry.d_hash.pprev", &bad, e);
	o->mnt_in_mount = get(m, "mount.mnt", &bad, e);
	o->mnt_parent = get(m, "mount.mnt_parent", &bad, e);
	o->mnt_mountpoint = get(m, "mount.mnt_mountpoint", &bad, e);
	o->mnt_root = get(m, "vfsmount.mnt_root", &bad, e);
	if (bad)
		return -ENOENT;
	return maple_offs(m, o, e);
}

/*
 * Names
 */

/* A string of at most n - 1 bytes at va (NUL-terminated in buf). */
static int
kread_str(struct machine *m, u64 va, char *buf, size_t n, struct error *e)
{
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		if (kread(m, va + i, &buf[i], 1, e))
			return -EFAULT;
		if (buf[i] == 0)
			return 0;
	}
	buf[i] = 0;
	return 0;
}

/* Prepend "/NAME" of dentry d to the path that ends at buf + n. */
static int
prepend_name(struct machine *m, const struct vma_offs *o, u64 d, char *buf,
	     size_t *pos, struct error *e)
{
	u32 len;
	u64 name;

	if (kread(m, d + o->d_name_len, &len, 4, e) ||
	    kread_ulong(m, d + o->d_name_name, &name, e))
		return -EFAULT;
	if (len + 1 > *pos)
		return error_set(e, -ENAMETOOLONG, "a path longer than %zu "
				 "bytes", *pos);
	*pos -= len;
	if (kread(m, name, buf + *pos, len, e))
		return -EFAULT;
	buf[--*pos] = '/';
	return 0;
}

/*
 * The path of a file as d_path() makes it, from the global root: up the
 * dentries, across mounts to the mountpoint, with " (deleted)" for an
 * unlinked file.
 */
static int
file_path(struct machine *m, const struct vma_offs *o, u64 file, char *out,
	  size_t n, struct error *e)
{
	char buf[256];
	size_t pos = sizeof(buf) - 1;
	u64 d, vfs, d0, pprev = 1, parent, root, mnt, mparent;
	int steps;

	buf[pos] = 0;
	if (kread_ulong(m, file + o->f_path_dentry, &d, e) ||
	    kread_ulong(m, file + o->f_path_mnt, &vfs, e))
		return -EFAULT;
	d0 = d;
	for (steps = 0; steps < PATH_DEPTH_MAX; steps++) {
		if (kread_ulong(m, d + o->d_parent, &parent, e) ||
		    kread_ulong(m, vfs + o->mnt_root, &root, e))
			return -EFAULT;
		if (d == root || d == parent) {
			mnt = vfs - o->mnt_in_mount;
			if (d != root || kread_ulong(m, mnt + o->mnt_parent,
						     &mparent, e))
				break;	/* disconnected, or unreadable */
			if (mparent == mnt)
				break;	/* the global root */
			if (kread_ulong(m, mnt + o->mnt_mountpoint, &d, e))
				return -EFAULT;
			vfs = mparent + o->mnt_in_mount;
			continue;
		}
		if (prepend_name(m, o, d, buf, &pos, e))
			return -EFAULT;
		d = parent;
	}
	if (steps == PATH_DEPTH_MAX)
		return error_set(e, -ELOOP, "more than %d dentries and mounts "
				 "up to the root", PATH_DEPTH_MAX);
	if (buf[pos] == 0)
		buf[--pos] = '/';
	kread_ulong(m, d0 + o->d_hash_pprev, &pprev, e);
	if (kread_ulong(m, d0 + o->d_parent, &parent, e) == 0 &&
	    parent != d0 && pprev == 0)
		snprintf(out, n, "%s (deleted)", buf + pos);
	else
		snprintf(out, n, "%s", buf + pos);
	return 0;
}

/* A special mapping's name: vm_ops->name is special_mapping_name(). */
static void
special_name(struct machine *m, const struct vma_offs *o, u64 vma,
	     struct kvma *v, struct strbuf *warn)
{
	u64 ops, fn = 0, priv = 0, name = 0;
	const struct ksym *k;
	struct error e;

	if (kread_ulong(m, vma + o->vm_ops, &ops, &e) || ops == 0 ||
	    kread_ulong(m, ops + o->ops_name, &fn, &e) || fn == 0)
		return;
	k = machine_ksym_at(m, fn);
	if (k != NULL && k->value == fn &&
	    strcmp(k->name, "special_mapping_name") != 0) {
		sb_addf(warn, "VMA 0x%llx: its name comes from %s(), which "
			"ptwalk cannot run: not shown\n",
			(unsigned long long)v->start, k->name);
		return;
	}
	if (kread_ulong(m, vma + o->vm_priv, &priv, &e) || priv == 0 ||
	    kread_ulong(m, priv + o->special_name, &name, &e) || name == 0 ||
	    kread_str(m, name, v->name, 64, &e))
		v->name[0] = 0;
}

/*
 * VMAs
 */

struct vma_walk {
	struct machine *m;
	const struct vma_offs *o;
	u64 mm, brk, start_brk, start_stack;
	struct kvma *v;
	int n, a;
	int nodes;
	bool full;
	struct strbuf *warn;
};

static void
vma_add(struct vma_walk *vw, u64 vma)
{
	const struct vma_offs *o = vw->o;
	struct machine *m = vw->m;
	struct kvma *v;
	struct error e;
	u64 file, inode, sb;
	u32 dev = 0;

	if (vw->n >= KVMA_MAX) {
		if (!vw->full)
			sb_addf(vw->warn, "more than %d VMAs: the rest is not "
				"read\n", KVMA_MAX);
		vw->full = true;
		return;
	}
	if (vw->n == vw->a) {
		vw->a = vw->a ? vw->a * 2 : 32;
		vw->v = xrealloc(vw->v, (size_t)vw->a * sizeof(*vw->v));
	}
	v = &vw->v[vw->n];
	memset(v, 0, sizeof(*v));
	v->addr = vma;
	if (kread_ulong(m, vma + o->vm_start, &v->start, &e) ||
	    kread_ulong(m, vma + o->vm_end, &v->end, &e) ||
	    kread_ulong(m, vma + o->vm_flags, &v->flags, &e) ||
	    kread_ulong(m, vma + o->vm_pgoff, &v->pgoff, &e) ||
	    kread_ulong(m, vma + o->vm_file, &file, &e)) {
		sb_addf(vw->warn, "VMA 0x%llx cannot be read: %s\n",
			(unsigned long long)vma, e.msg);
		return;
	}
	vw->n++;
	if (file != 0) {
		v->file = true;
		if (kread_ulong(m, file + o->f_inode, &inode, &e) ||
		    kread_ulong(m, inode + o->i_ino, &v->ino, &e) ||
		    kread_ulong(m, inode + o->i_sb, &sb, &e) ||
		    kread(m, sb + o->s_dev, &dev, 4, &e) ||
		    file_path(m, o, file, v->name, sizeof(v->name), &e))
			sb_addf(vw->warn, "VMA 0x%llx-0x%llx: its file: %s\n",
				(unsigned long long)v->start,
				(unsigned long long)v->end, e.msg);
		v->dev_major = dev >> 20;	/* MINORBITS */
		v->dev_minor = dev & 0xfffff;
		return;
	}
	special_name(m, o, vma, v, vw->warn);
	if (v->name[0])
		return;
	if (v->start <= vw->brk && v->end >= vw->start_brk)
		snprintf(v->name, sizeof(v->name), "[heap]");
	else if (v->start <= vw->start_stack && v->end >= vw->start_stack)
		snprintf(v->name, sizeof(v->name), "[stack]");
}

/* cf. ma_data_end(): the last slot in use of a node */
static unsigned
data_end(const struct vma_offs *o, const u8 *node, bool arange,
	 const u64 *piv, u64 max)
{
	unsigned npiv = arange ? o->a_npiv : o->r_npiv;
	u8 end = node[(arange ? o->a_meta : o->r_meta) + o->meta_end];

	if (arange)
		return MIN(end, o->a_nslot - 1);
	if (piv[npiv - 1] == 0)
		return MIN(end, o->r_nslot - 1);
	if (piv[npiv - 1] == max)
		return npiv - 1;
	return npiv;
}

/* n words of w bytes (a long) at p. */
static void
words(u64 *out, const u8 *p, unsigned n, unsigned w)
{
	unsigned i;

	for (i = 0; i < n; i++) {
		u32 v32;

		if (w == 8) {
			memcpy(&out[i], p + 8 * i, 8);
		} else {
			memcpy(&v32, p + 4 * i, 4);
			out[i] = v32;
		}
	}
}

static void
maple_walk(struct vma_walk *vw, u64 entry, u64 max, int height)
{
	const struct vma_offs *o = vw->o;
	u64 node = entry & ~MAPLE_NODE_MASK;
	s64 type = (s64)((entry >> MAPLE_TYPE_SHIFT) & MAPLE_TYPE_MASK);
	bool arange = type == o->t_arange;
	u64 piv[MAPLE_SLOTS_MAX], slot[MAPLE_SLOTS_MAX];
	u8 buf[MAPLE_NODE_BYTES];
	unsigned i, end, npiv;
	struct error e;

	if (vw->full)
		return;
	if (height > MAPLE_HEIGHT_MAX || ++vw->nodes > MAPLE_NODES_MAX) {
		sb_addf(vw->warn, "the maple tree is deeper than %d or has "
			"more than %d nodes: a loop? the rest is not read\n",
			MAPLE_HEIGHT_MAX, MAPLE_NODES_MAX);
		vw->full = true;
		return;
	}
	if (type != o->t_leaf && type != o->t_range && !arange) {
		sb_addf(vw->warn, "maple node 0x%llx has type %lld, not one "
			"of an mm's tree: the VMAs under it are not read\n",
			(unsigned long long)node, (long long)type);
		return;
	}
	if (kread(vw->m, node, buf, sizeof(buf), &e)) {
		sb_addf(vw->warn, "maple node 0x%llx is outside the dump (%s): "
			"the VMAs under it are missing\n",
			(unsigned long long)node, e.msg);
		return;
	}
	npiv = arange ? o->a_npiv : o->r_npiv;
	words(piv, buf + (arange ? o->a_pivot : o->r_pivot), npiv, o->w);
	words(slot, buf + (arange ? o->a_slot : o->r_slot),
	      arange ? o->a_nslot : o->r_nslot, o->w);
	end = data_end(o, buf, arange, piv, max);
	for (i = 0; i <= end; i++) {
		u64 pmax = i < npiv ? piv[i] : max;

		if (slot[i] != 0) {
			if (type == o->t_leaf)
				vma_add(vw, slot[i]);
			else
				maple_walk(vw, slot[i], pmax, height + 1);
		}
		if (i < npiv && pmax >= max)
			break;
	}
}

static int
vma_cmp(const void *a, const void *b)
{
	const struct kvma *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

int
kvmas_read(struct machine *m, u64 mm, struct kvma **vmas, int *n,
	   struct strbuf *warn, struct error *e)
{
	struct vma_offs o;
	struct vma_walk vw = { .m = m, .o = &o, .mm = mm, .warn = warn };
	struct error e2;
	u64 root;

	*vmas = NULL;
	*n = 0;
	if (vma_offs(m, &o, e))
		return -ENOENT;
	if (kread_ulong(m, mm + o.ma_root, &root, &e2) ||
	    kread_ulong(m, mm + o.brk, &vw.brk, &e2) ||
	    kread_ulong(m, mm + o.start_brk, &vw.start_brk, &e2) ||
	    kread_ulong(m, mm + o.start_stack, &vw.start_stack, &e2))
		return error_set(e, -EFAULT, "its mm 0x%llx cannot be read: %s",
				 (unsigned long long)mm, e2.msg);
	/* xa_is_node(): an encoded node, else the one entry of index 0 */
	if ((root & 3) == 2 && root > 4096)
		maple_walk(&vw, root, o.w == 8 ? ~0ULL : 0xffffffffULL, 0);
	else if (root != 0)
		vma_add(&vw, root);
	qsort(vw.v, (size_t)vw.n, sizeof(*vw.v), vma_cmp);
	*vmas = vw.v;
	*n = vw.n;
	return 0;
}

void
kvma_rss(struct machine *m, u64 root, u64 start, u64 end, u64 zero_pa,
	 struct kvma_rss *r)
{
	const struct mmu *mmu = &m->mmu;
	u64 v = start;

	memset(r, 0, sizeof(*r));
	while (v < end && v >= start) {
		struct walk w;
		int f = mmu_walk(mmu, &m->phys, root, v, &w);
		unsigned shift;
		u64 next;

		if (f == WF_NONE) {
			shift = w.shift;
			if (shift > r->max_shift)
				r->max_shift = shift;
		} else {
			if (w.nsteps == 0)
				return;
			shift = mmu->lv[w.step[w.nsteps - 1].lvl].shift;
			if (f == WF_BEYOND_RAM)
				shift += mmu->lv[w.step[w.nsteps - 1].lvl].bits;
		}
		if (shift >= 64)
			return;
		next = (v | ((1ULL << shift) - 1)) + 1;
		if (f == WF_NONE && (zero_pa == 0 || shift != PAGE_SHIFT ||
				     (w.pa & PAGE_MASK) != zero_pa))
			r->resident += MIN(next, end) - v;
		if (next <= v)
			return;
		v = next;
	}
}
