// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The kernel's vmstat counters in an image (mm/vmstat.c): every node's
 * pglist_data.vm_stat[] and every zone's zone.vm_stat[], summed.  The
 * global vm_node_stat[] and vm_zone_stat[] that /proc/meminfo reads are
 * the same sums: a CPU's pending differences are folded into both at
 * once.  The items are placed by the kernel's own enums in its types
 * (enum node_stat_item, zone_stat_item), never by hard-coded indexes.
 */
#include <errno.h>
#include <string.h>

#include "ptwalk/kstate.h"
#include "ptwalk/ktypes.h"

static int
sum_array(struct machine *m, u64 obj, const char *field, const char *count,
	  s64 *sum, int max, int *n, struct error *e)
{
	u64 off, v, ls = m->arch->is64 ? 8 : 4;
	s64 items;
	int i;

	if (ktype_offset(m, field, &off, e) || ktype_enum(m, count, &items, e))
		return -1;
	if (items <= 0 || items > max)
		return error_set(e, -ERANGE, "%s is %lld", count,
				 (long long)items);
	*n = (int)items;
	for (i = 0; i < *n; i++) {
		if (kread_ulong(m, obj + off + (u64)i * ls, &v, e))
			return -1;
		/* atomic_long_t: signed; a negative count reads as 0 */
		sum[i] += ls == 4 ? (s64)(s32)(u32)v : (s64)v;
	}
	return 0;
}

int
kvmstat_read(struct machine *m, const struct kzones *zs, struct kvmstat *v,
	     struct error *e)
{
	u64 pgdat[KVMSTAT_NODES];
	int npgdat = 0, i, j;

	memset(v, 0, sizeof(*v));
	v->m = m;
	for (i = 0; i < zs->n; i++) {
		u64 pd;

		if (sum_array(m, zs->z[i].va, "zone.vm_stat",
			      "NR_VM_ZONE_STAT_ITEMS", v->zone, KVMSTAT_ITEMS,
			      &v->nzone, e) ||
		    kread_field(m, zs->z[i].va, "zone.zone_pgdat", &pd, e))
			return -1;
		for (j = 0; j < npgdat && pgdat[j] != pd; j++)
			;
		if (j < npgdat || npgdat == KVMSTAT_NODES)
			continue;
		pgdat[npgdat++] = pd;
		if (sum_array(m, pd, "pglist_data.vm_stat",
			      "NR_VM_NODE_STAT_ITEMS", v->node, KVMSTAT_ITEMS,
			      &v->nnode, e))
			return -1;
	}
	return 0;
}

static bool
get(const struct kvmstat *v, const s64 *a, int n, const char *item, u64 *val)
{
	struct error e;
	s64 idx;

	if (ktype_enum(v->m, item, &idx, &e) || idx < 0 || idx >= n)
		return false;
	*val = a[idx] < 0 ? 0 : (u64)a[idx];
	return true;
}

bool
kvmstat_node(const struct kvmstat *v, const char *item, u64 *val)
{
	return get(v, v->node, v->nnode, item, val);
}

bool
kvmstat_zone(const struct kvmstat *v, const char *item, u64 *val)
{
	return get(v, v->zone, v->nzone, item, val);
}
