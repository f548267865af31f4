// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The kernel's trace: lines describing what the simulated kernel did, for
 * commands to show (text) or return (JSON "trace").
 */
#include <stdarg.h>
#include <stdlib.h>

#include "ptwalk/machine.h"

void
kt_begin(struct machine *m)
{
	kt_end(m);
	m->kt.on = true;
}

void
kt(struct machine *m, const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;

	if (!m->kt.on)
		return;
	if (m->kt.n == m->kt.alloc) {
		m->kt.alloc = m->kt.alloc ? m->kt.alloc * 2 : 16;
		m->kt.line = xrealloc(m->kt.line, (size_t)m->kt.alloc *
				      sizeof(*m->kt.line));
	}
	sb_init(&sb);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	m->kt.line[m->kt.n++] = sb.buf;
}

void
kt_end(struct machine *m)
{
	int i;

	for (i = 0; i < m->kt.n; i++)
		free(m->kt.line[i]);
	free(m->kt.line);
	m->kt.line = NULL;
	m->kt.n = m->kt.alloc = 0;
	m->kt.on = false;
}
