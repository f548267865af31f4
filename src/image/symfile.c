// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * --symbols FILE: the kernel's symbols from a System.map or a vmlinux.
 */
#include <errno.h>

#include "ptwalk/kallsyms.h"

int
symfile_early(struct machine *m, const char *path, struct error *e)
{
	(void)m; (void)path; (void)e;
	return 0;
}

int
symfile_load(struct machine *m, const char *path, struct error *e)
{
	(void)m; (void)path;
	return error_set(e, -ENOSYS, "not yet");
}
