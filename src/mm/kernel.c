// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Bringing up the simulated kernel (cf. init/main.c start_kernel: mm_init).
 */
#include <stdlib.h>

#include "ptwalk/kernel.h"
#include "ptwalk/page_alloc.h"

int
kernel_init(struct machine *m, struct error *e)
{
	m->kern = xcalloc(1, sizeof(*m->kern));
	/* mem_init(): nodes, zones, mem_map, memblock_free_all */
	return page_alloc_init(m, e);
}

void
kernel_release(struct machine *m)
{
	if (m->kern == NULL)
		return;
	page_alloc_release(m);
	free(m->kern);
	m->kern = NULL;
}
