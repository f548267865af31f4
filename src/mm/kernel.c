// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Bringing up the simulated kernel (cf. init/main.c start_kernel: mm_init).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/boot_record.h"
#include "ptwalk/dma.h"
#include "ptwalk/highmem.h"
#include "ptwalk/kernel.h"
#include "ptwalk/mm.h"
#include "ptwalk/module.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/slab.h"
#include "ptwalk/vmalloc.h"

/* kernel_init() ends by running the first program, as pid 1 */
static int
run_init(struct machine *m, struct error *e)
{
	struct task_struct *t;
	struct exec_args a;
	int r;

	if (m->opts.exec != NULL && !strcmp(m->opts.exec, "none"))
		return 0;
	if (m->opts.exec == NULL) {
		r = exec_demo(m, &t, e);
	} else {
		memset(&a, 0, sizeof(a));
		a.path = m->opts.exec;
		r = do_execve(m, &a, &t, e);
		if (r) {
			char why[sizeof(e->msg)];

			snprintf(why, sizeof(why), "%s", e->msg);
			return error_set(e, r, "-e: %s", why);
		}
	}
	if (r || t == NULL)
		return r;
	return switch_to(m, &m->cpu[0], t, e);
}

int
kernel_init(struct machine *m, struct error *e)
{
	int r;

	m->kern = xcalloc(1, sizeof(*m->kern));
	/* mem_init(): nodes, zones, mem_map, memblock_free_all */
	r = page_alloc_init(m, e);
	if (r)
		return r;
	/* kmem_cache_init(): the slab allocator and the kmalloc caches */
	r = kmem_cache_init(m, e);
	if (r)
		return r;
	/* vmalloc_init(): the vmap areas, early ones (arm64 kernel image) */
	r = vmalloc_init(m, e);
	if (r)
		return r;
	/* kmap_init(): pkmap slots and the kmap_atomic stacks */
	r = highmem_init(m, e);
	if (r)
		return r;
	r = dma_init(m, e);
	if (r)
		return r;
	r = module_init_state(m, e);
	if (r)
		return r;
	if (task_init(m, e))
		return -1;
	r = run_init(m, e);
	if (r)
		return r;
	/* a machine that looks booted: a real guest's boot replayed */
	return boot_record_replay(m, e);
}

void
kernel_release(struct machine *m)
{
	if (m->kern == NULL)
		return;
	task_release(m);
	module_release(m);
	dma_release(m);
	highmem_release(m);
	vmalloc_release(m);
	kmem_cache_release(m);
	page_alloc_release(m);
	boot_record_release(m);
	free(m->kern);
	m->kern = NULL;
}
