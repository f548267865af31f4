// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Bringing up the simulated kernel (cf. init/main.c start_kernel: mm_init).
 */
#include <stdlib.h>

#include "ptwalk/kernel.h"

int
kernel_init(struct machine *m, struct error *e)
{
	(void)e;
	m->kern = xcalloc(1, sizeof(*m->kern));
	return 0;
}

void
kernel_release(struct machine *m)
{
	free(m->kern);
	m->kern = NULL;
}
