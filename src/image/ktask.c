// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The real kernel's tasks and address spaces in a memory image: init_task's
 * list (cf. for_each_process_thread), the state as /proc says it
 * (cf. fs/proc/array.c:task_state_array), the VMAs of an mm from its
 * maple tree (cf. lib/maple_tree.c: mte_to_node, ma_data_end) and their
 * names as show_map_vma() prints them (d_path, [heap], [stack], the
 * special mappings' names).  Layouts come from the dump's BTF.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/image_info.h"
#include "ptwalk/ksym.h"
#include "ptwalk/ktask.h"
#include "ptwalk/ktypes.h"

#define PATH_DEPTH	64		/* dentries and mounts up to the root */

/* Offsets looked up once per command; the first missing one fails it. */
struct offs {
	struct machine *m;
	struct error *e;
	bool bad;
};

static u64
off(struct offs *o, const char *path)
{
	u64 v = 0;

	if (!o->bad && ktype_offset(o->m, path, &v, o->e))
		o->bad = true;
	return v;
}

/* The first member of several that exists (fields renamed by releases). */
static u64
off_any(struct offs *o, const char *a, const char *b)
{
	struct error e2;
	u64 v;

	if (!o->bad && ktype_offset(o->m, a, &v, &e2) == 0)
		return v;
	return off(o, b);
}

struct task_offs {
	u64 tasks, pid, tgid, comm, state, exit_state, real_parent, mm;
	u64 cpu, on_cpu, min_flt, maj_flt, signal, thread_node;
	u64 sig_thread_head, flags;
	/* a workqueue worker's description (wq_worker_comm) */
	bool wq;
	u64 worker_private, kthread_data, w_desc, w_current, w_pool, desc_len;
	u64 mm_pgd, mm_total_vm, mm_rss, mm_pgtables;
	s64 rss_file, rss_anon, rss_shmem;
};

/* Optional: without them workers are named by their comm alone. */
static void
worker_offs(struct machine *m, struct task_offs *t)
{
	struct error e;
	struct kmember km;

	t->wq = !ktype_offset(m, "task_struct.worker_private",
			      &t->worker_private, &e) &&
		!ktype_offset(m, "kthread.data", &t->kthread_data, &e) &&
		!ktype_offset(m, "worker.current_work", &t->w_current, &e) &&
		!ktype_offset(m, "worker.pool", &t->w_pool, &e) &&
		!ktype_member(m, "worker.desc", &km, &e);
	t->w_desc = km.offset;
	t->desc_len = MIN(km.size, 32);
}

static int
task_offs(struct machine *m, struct task_offs *t, struct error *e)
{
	struct offs o = { .m = m, .e = e };

	t->tasks = off(&o, "task_struct.tasks");
	t->pid = off(&o, "task_struct.pid");
	t->tgid = off(&o, "task_struct.tgid");
	t->comm = off(&o, "task_struct.comm");
	t->state = off_any(&o, "task_struct.__state", "task_struct.state");
	t->exit_state = off(&o, "task_struct.exit_state");
	t->real_parent = off(&o, "task_struct.real_parent");
	t->mm = off(&o, "task_struct.mm");
	t->cpu = off_any(&o, "task_struct.cpu", "task_struct.thread_info.cpu");
	t->on_cpu = off(&o, "task_struct.on_cpu");
	t->min_flt = off(&o, "task_struct.min_flt");
	t->maj_flt = off(&o, "task_struct.maj_flt");
	t->signal = off(&o, "task_struct.signal");
	t->thread_node = off(&o, "task_struct.thread_node");
	t->sig_thread_head = off(&o, "signal_struct.thread_head");
	t->mm_pgd = off(&o, "mm_struct.pgd");
	t->mm_total_vm = off(&o, "mm_struct.total_vm");
	t->mm_rss = off(&o, "mm_struct.rss_stat");
	t->mm_pgtables = off(&o, "mm_struct.pgtables_bytes");
	t->flags = off(&o, "task_struct.flags");
	if (o.bad)
		return -ENOENT;
	worker_offs(m, t);
	if (ktype_enum(m, "MM_FILEPAGES", &t->rss_file, e) ||
	    ktype_enum(m, "MM_ANONPAGES", &t->rss_anon, e) ||
	    ktype_enum(m, "MM_SHMEMPAGES", &t->rss_shmem, e))
		return -ENOENT;
	return 0;
}

/*
 * init_task
 */

/* Is the object at va init_task: pid 0, its tasks list sound? */
static bool
init_task_ok(struct machine *m, const struct task_offs *t, u64 va)
{
	u64 next, back;
	s32 pid = -1;
	struct error e;

	return !kread(m, va + t->pid, &pid, 4, &e) && pid == 0 &&
		!kread_ulong(m, va + t->tasks, &next, &e) &&
		!kread_ulong(m, next + (m->arch->is64 ? 8 : 4), &back, &e) &&
		back == va + t->tasks;
}

struct init_scan {
	struct machine *m;
	const struct task_offs *t;
	u64 va;
};

/* A page: a cacheline-aligned task_struct named swapper/0 in it */
static bool
init_scan_page(void *arg, u64 va, const u8 *page)
{
	static const char comm[] = "swapper/0";
	struct init_scan *is = arg;
	u64 c = (is->t->comm & 63);
	unsigned i;

	for (i = (unsigned)c; i + sizeof(comm) <= PAGE_SIZE; i += 64) {
		u64 cand = va + i - is->t->comm;

		if (page[i] == 's' && !memcmp(page + i, comm, sizeof(comm)) &&
		    init_task_ok(is->m, is->t, cand)) {
			is->va = cand;
			return true;
		}
	}
	return false;
}

/*
 * Without kallsyms: the task whose comm is "swapper/0" (init_idle names
 * it so) in the kernel image, a task_struct on a cacheline, checked.
 */
static int
init_task_scan(struct machine *m, const struct task_offs *t, u64 *va,
	       struct error *e)
{
	struct init_scan is = { .m = m, .t = t };

	if (kimage_scan(m, init_scan_page, &is) == 0) {
		*va = is.va;
		return 0;
	}
	return error_set(e, -ENOENT, "init_task is not known: no kallsyms, "
			 "and no task named swapper/0 in the kernel image");
}

int
ktask_init_scan(struct machine *m, u64 *va, struct error *e)
{
	struct task_offs o;

	if (task_offs(m, &o, e))
		return -ENOENT;
	return init_task_scan(m, &o, va, e);
}

static int
init_task_find(struct machine *m, const struct task_offs *t, u64 *va,
	       struct error *e)
{
	const struct ksym *k = machine_ksym(m, "init_task");

	if (k != NULL) {
		*va = k->value;
		return 0;
	}
	return init_task_scan(m, t, va, e);
}

/*
 * Tasks
 */

const char *
ktask_state_name(char state)
{
	switch (state) {
	case 'R': return "running";
	case 'S': return "sleeping";
	case 'D': return "disk sleep";
	case 'T': return "stopped";
	case 't': return "tracing stop";
	case 'X': return "dead";
	case 'Z': return "zombie";
	case 'P': return "parked";
	case 'I': return "idle";
	default: return "?";
	}
}

/* cf. __task_state_index(): the bits are the kernel's TASK_* ABI */
static char
state_letter(u32 state, u32 exit_state)
{
	static const char letters[] = "RSDTtXZPI";
	u32 s = (state | exit_state) & 0x7f;	/* TASK_REPORT */
	int i = 0;

	if ((state & 0x402) == 0x402)		/* TASK_IDLE */
		s = 0x80;
	if (state & 0x1000)			/* TASK_RTLOCK_WAIT */
		s = 0x2;
	while (s) {
		i++;
		s >>= 1;
	}
	return letters[i];
}

#define PF_WQ_WORKER	0x00000020	/* the kernel's task flags */
#define PF_KTHREAD	0x00200000

/* cf. wq_worker_comm(): comm, then "+desc" while working, else "-desc" */
static void
task_name(struct machine *m, const struct task_offs *o, struct ktask *k,
	  u32 flags)
{
	u64 kth, worker, pool, cur;
	char desc[33];
	struct error e;

	snprintf(k->name, sizeof(k->name), "%s", k->comm);
	if (!o->wq || (flags & (PF_WQ_WORKER | PF_KTHREAD)) !=
	    (PF_WQ_WORKER | PF_KTHREAD))
		return;
	memset(desc, 0, sizeof(desc));
	if (kread_ulong(m, k->addr + o->worker_private, &kth, &e) ||
	    kth == 0 ||
	    kread_ulong(m, kth + o->kthread_data, &worker, &e) ||
	    worker == 0 ||
	    kread_ulong(m, worker + o->w_pool, &pool, &e) || pool == 0 ||
	    kread_ulong(m, worker + o->w_current, &cur, &e) ||
	    kread(m, worker + o->w_desc, desc, o->desc_len, &e) ||
	    desc[0] == 0)
		return;
	desc[sizeof(desc) - 1] = 0;
	snprintf(k->name, sizeof(k->name), "%s%c%s", k->comm, cur ? '+' : '-',
		 desc);
}

/* 0; 1 when only its mm could not be read; negative for the task. */
static int
task_read(struct machine *m, const struct task_offs *o, u64 va,
	  struct ktask *k, struct error *e)
{
	u32 state = 0, exit_state = 0, on = 0, flags = 0;
	u64 parent = 0;
	s32 ppid = 0;
	s64 rss[3] = { 0 };
	int i;

	memset(k, 0, sizeof(*k));
	k->addr = va;
	if (kread(m, va + o->pid, &k->pid, 4, e) ||
	    kread(m, va + o->tgid, &k->tgid, 4, e) ||
	    kread(m, va + o->comm, k->comm, sizeof(k->comm) - 1, e) ||
	    kread(m, va + o->state, &state, 4, e) ||
	    kread(m, va + o->exit_state, &exit_state, 4, e) ||
	    kread(m, va + o->flags, &flags, 4, e) ||
	    kread(m, va + o->cpu, &k->cpu, 4, e) ||
	    kread(m, va + o->on_cpu, &on, 4, e) ||
	    kread_ulong(m, va + o->min_flt, &k->min_flt, e) ||
	    kread_ulong(m, va + o->maj_flt, &k->maj_flt, e) ||
	    kread_ulong(m, va + o->real_parent, &parent, e) ||
	    kread_ulong(m, va + o->mm, &k->mm, e))
		return -EFAULT;
	k->state = state_letter(state, exit_state);
	task_name(m, o, k, flags);
	k->on_cpu = on != 0;
	if (parent != 0 && kread(m, parent + o->tgid, &ppid, 4, e) == 0)
		k->ppid = ppid;
	if (k->mm == 0)
		return 0;
	/* an mm that cannot be read leaves the task, without its counters */
	for (i = 0; i < 3; i++) {
		s64 idx = i == 0 ? o->rss_file : i == 1 ? o->rss_anon :
			o->rss_shmem;
		unsigned w = m->arch->is64 ? 8 : 4;	/* atomic_long_t */
		u64 v;

		if (kread_ulong(m, k->mm + o->mm_rss + (u64)idx * w, &v, e))
			return 1;
		rss[i] = w == 4 ? (s64)(s32)(u32)v : (s64)v;
	}
	if (kread_ulong(m, k->mm + o->mm_pgd, &k->pgd, e) ||
	    kread_ulong(m, k->mm + o->mm_total_vm, &k->total_vm, e) ||
	    kread_ulong(m, k->mm + o->mm_pgtables, &k->pgtables_bytes, e))
		return 1;
	/* per-thread counts not folded in yet can leave one below zero */
	k->rss_file = rss[0] > 0 ? (u64)rss[0] : 0;
	k->rss_anon = rss[1] > 0 ? (u64)rss[1] : 0;
	k->rss_shmem = rss[2] > 0 ? (u64)rss[2] : 0;
	return 0;
}

struct task_walk {
	struct machine *m;
	const struct task_offs *o;
	struct ktask *t;
	int n, a;
	struct strbuf *warn;
	bool full;
};

static void
add_task(struct task_walk *tw, u64 va)
{
	struct error e;
	int r;

	if (tw->n >= KTASK_MAX) {
		if (!tw->full)
			sb_addf(tw->warn, "more than %d tasks: the list cycles? "
				"the rest is not read\n", KTASK_MAX);
		tw->full = true;
		return;
	}
	if (tw->n == tw->a) {
		tw->a = tw->a ? tw->a * 2 : 64;
		tw->t = xrealloc(tw->t, (size_t)tw->a * sizeof(*tw->t));
	}
	r = task_read(tw->m, tw->o, va, &tw->t[tw->n], &e);
	if (r < 0) {
		sb_addf(tw->warn, "task 0x%llx cannot be read: %s\n",
			(unsigned long long)va, e.msg);
		return;
	}
	if (r > 0)
		sb_addf(tw->warn, "pid %d (%s): its mm 0x%llx cannot be read "
			"(%s): no sizes\n", tw->t[tw->n].pid, tw->t[tw->n].comm,
			(unsigned long long)tw->t[tw->n].mm, e.msg);
	tw->n++;
}

/* The nodes a list walk has seen: an open-addressing set. */
struct seen {
	u64 *v;
	size_t n, cap;	/* cap a power of two, or 0 */
};

static bool seen_add(struct seen *s, u64 x);

static void
seen_grow(struct seen *s)
{
	struct seen t = { .cap = s->cap ? s->cap * 2 : 256 };
	size_t i;

	t.v = xcalloc(t.cap, sizeof(*t.v));
	for (i = 0; i < s->cap; i++)
		if (s->v[i])
			seen_add(&t, s->v[i]);
	free(s->v);
	*s = t;
}

/* false when x was there already */
static bool
seen_add(struct seen *s, u64 x)
{
	size_t i;

	if (2 * (s->n + 1) > s->cap)
		seen_grow(s);
	for (i = (size_t)((x >> 3) * 0x9e3779b97f4a7c15ULL) & (s->cap - 1);
	     s->v[i]; i = (i + 1) & (s->cap - 1))
		if (s->v[i] == x)
			return false;
	s->v[i] = x;
	s->n++;
	return true;
}

/*
 * Walk a list_head from head, calling fn on each entry (node - off);
 * false when it ended early: a link outside the dump, a cycle that
 * misses the head, too many entries.
 */
static bool
list_walk(struct task_walk *tw, u64 head, u64 node_off, const char *what,
	  void (*fn)(struct task_walk *, u64))
{
	struct seen seen = { .v = NULL };
	u64 p, next;
	struct error e;
	bool ok = false;

	if (kread_ulong(tw->m, head, &p, &e)) {
		sb_addf(tw->warn, "%s: %s\n", what, e.msg);
		return false;
	}
	while (p != head) {
		if (tw->full)
			goto out;
		if (!seen_add(&seen, p)) {
			sb_addf(tw->warn, "%s cycles at 0x%llx without coming "
				"back to its head: the rest is not read\n",
				what, (unsigned long long)p);
			goto out;
		}
		fn(tw, p - node_off);
		if (kread_ulong(tw->m, p, &next, &e)) {
			sb_addf(tw->warn, "%s: the link at 0x%llx: %s; the "
				"rest is not read\n", what,
				(unsigned long long)p, e.msg);
			goto out;
		}
		p = next;
	}
	ok = true;
out:
	free(seen.v);
	return ok;
}

/* A process: its threads, from its signal_struct's thread_head. */
static void
add_process(struct task_walk *tw, u64 leader)
{
	u64 sig;
	struct error e;
	char what[64];

	snprintf(what, sizeof(what), "the threads of task 0x%llx",
		 (unsigned long long)leader);
	if (kread_ulong(tw->m, leader + tw->o->signal, &sig, &e) ||
	    !list_walk(tw, sig + tw->o->sig_thread_head, tw->o->thread_node,
		       what, add_task)) {
		/* at least the leader, once */
		int i;

		for (i = 0; i < tw->n; i++)
			if (tw->t[i].addr == leader)
				return;
		add_task(tw, leader);
	}
}

static int
pid_cmp(const void *a, const void *b)
{
	const struct ktask *x = a, *y = b;

	if (x->tgid != y->tgid)
		return x->tgid < y->tgid ? -1 : 1;
	return (x->pid > y->pid) - (x->pid < y->pid);
}

int
ktasks_read(struct machine *m, struct ktask **tasks, int *n,
	    struct strbuf *warn, struct error *e)
{
	struct task_offs o;
	struct task_walk tw = { .m = m, .o = &o, .warn = warn };
	u64 init = 0;

	*tasks = NULL;
	*n = 0;
	if (task_offs(m, &o, e) || init_task_find(m, &o, &init, e))
		return -ENOENT;
	/* init_task heads the list; the idle tasks are not listed */
	list_walk(&tw, init + o.tasks, o.tasks, "init_task's tasks list",
		  add_process);
	qsort(tw.t, (size_t)tw.n, sizeof(*tw.t), pid_cmp);
	*tasks = tw.t;
	*n = tw.n;
	return 0;
}
