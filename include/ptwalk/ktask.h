/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The real kernel's tasks and address spaces in a memory image
 * (src/image/ktask.c), read through the kernel's page tables with the
 * layouts of the dump's BTF (ktypes.h): init_task's list of thread-group
 * leaders and each one's threads, a task's mm, its VMAs from the maple
 * tree and the files they map.
 *
 * What the dump cannot say (a list that cycles or leaves the dump, an mm
 * that cannot be read, a maple node outside the dump) is one line of
 * `warn` each, and the rest is still read.
 */
#ifndef PTWALK_KTASK_H
#define PTWALK_KTASK_H

#include "types.h"
#include "util.h"

struct machine;

#define KTASK_MAX	65536	/* tasks read at most (a cycling list) */
#define KVMA_MAX	65536	/* VMAs of one mm read at most */

struct ktask {
	u64 addr;		/* its task_struct */
	int pid, tgid, ppid;
	char comm[16];		/* TASK_COMM_LEN */
	char name[56];		/* as /proc names it: a workqueue worker's
				   comm with "+desc" (running) or "-desc" */
	char state;		/* 'R', 'S', 'D', 'T', 't', 'X', 'Z', 'P', 'I' */
	bool on_cpu;
	int cpu;		/* task_cpu() */
	u64 min_flt, maj_flt;
	u64 mm;			/* 0: a kernel thread */
	/* of its mm (0 without one) */
	u64 pgd;		/* mm->pgd (a kernel virtual address) */
	u64 total_vm;		/* pages */
	u64 rss_file, rss_anon, rss_shmem;	/* pages */
	u64 pgtables_bytes;
};

/*
 * Every task: init_task (the symbol, else found by its comm "swapper/0"
 * in the kernel image), the processes of its tasks list, each one's
 * threads.  *tasks is the caller's to free.
 */
int ktasks_read(struct machine *m, struct ktask **tasks, int *n,
		struct strbuf *warn, struct error *e);
/* init_task found without its symbol: the task named swapper/0, checked. */
int ktask_init_scan(struct machine *m, u64 *va, struct error *e);
/* The word of a state letter, as /proc/PID/status says it. */
const char *ktask_state_name(char state);

/* One VMA of an mm. */
struct kvma {
	u64 addr;		/* its vm_area_struct */
	u64 start, end;
	u64 flags;		/* vm_flags */
	u64 pgoff;		/* vm_pgoff (pages), of a file mapping */
	bool file;
	unsigned dev_major, dev_minor;
	u64 ino;
	char name[256];		/* the path, [heap], [stack], [vdso] ... */
};

/*
 * The VMAs of the mm at mm in address order, from its maple tree; *vmas
 * is the caller's to free.
 */
int kvmas_read(struct machine *m, u64 mm, struct kvma **vmas, int *n,
	       struct strbuf *warn, struct error *e);

/*
 * What the page tables under root map of [start, end): resident bytes
 * (present leaves, the shared zero page at zero_pa left out as smaps
 * does; zero_pa 0: not known) and the largest page size seen.  Unmapped
 * tables are skipped whole.
 */
struct kvma_rss {
	u64 resident;
	unsigned max_shift;	/* 0: nothing mapped */
};
void kvma_rss(struct machine *m, u64 root, u64 start, u64 end, u64 zero_pa,
	      struct kvma_rss *r);

#endif
