// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The kernel's trace buffers: events as the simulated kernel records them,
 * for the renderers to show (text) or return (JSON "trace").
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/machine.h"

struct trace_entry *
trace_reserve(struct trace_buf *tb, enum trace_id id)
{
	struct trace_entry *te;

	if (tb->max > 0 && tb->n >= tb->max) {
		tb->lost++;
		te = &tb->spill;
	} else {
		if (tb->n == tb->alloc) {
			tb->alloc = tb->alloc ? tb->alloc * 2 : 16;
			tb->ev = xrealloc(tb->ev, (size_t)tb->alloc *
					  sizeof(*tb->ev));
		}
		te = &tb->ev[tb->n++];
	}
	te->id = id;
	return te;
}

const char *
trace_strdup(struct trace_buf *tb, const char *s)
{
	if (s == NULL || s[0] == 0)
		return "";
	if (tb->nstr == tb->astr) {
		tb->astr = tb->astr ? tb->astr * 2 : 8;
		tb->str = xrealloc(tb->str, (size_t)tb->astr *
				   sizeof(*tb->str));
	}
	return tb->str[tb->nstr++] = xstrdup(s);
}

void
trace_reset(struct trace_buf *tb)
{
	int i;

	for (i = 0; i < tb->nstr; i++)
		free(tb->str[i]);
	tb->nstr = 0;
	tb->n = 0;
	tb->lost = 0;
}

void
trace_release(struct trace_buf *tb)
{
	trace_reset(tb);
	free(tb->str);
	free(tb->ev);
	tb->str = NULL;
	tb->ev = NULL;
	tb->astr = tb->alloc = 0;
	tb->on = false;
}

void
kt_begin(struct machine *m)
{
	trace_reset(&m->kt);
	m->kt.on = true;
}

void
kt_end(struct machine *m)
{
	trace_release(&m->kt);
}
