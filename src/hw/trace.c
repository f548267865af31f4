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

struct trace_chunk {
	struct trace_chunk *next;
	size_t size;
	char data[];
};

#define TRACE_CHUNK	4096

/* The next chunk with room for n bytes: a kept one, else a new one. */
static struct trace_chunk *
next_chunk(struct trace_buf *tb, size_t n)
{
	struct trace_chunk **link = tb->chunk ? &tb->chunk->next : &tb->chunks;
	struct trace_chunk *c = *link;

	if (c == NULL || c->size < n) {
		size_t size = MAX(n, TRACE_CHUNK);

		c = xmalloc(sizeof(*c) + size);
		c->size = size;
		c->next = *link;
		*link = c;
	}
	return c;
}

const char *
trace_strdup(struct trace_buf *tb, const char *s)
{
	size_t n;
	char *p;

	if (s == NULL || s[0] == 0)
		return "";
	n = strlen(s) + 1;
	if (tb->chunk == NULL || tb->chunk->size - tb->used < n) {
		tb->chunk = next_chunk(tb, n);
		tb->used = 0;
	}
	p = tb->chunk->data + tb->used;
	memcpy(p, s, n);
	tb->used += n;
	return p;
}

void
trace_release(struct trace_buf *tb)
{
	struct trace_chunk *c, *next;

	for (c = tb->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(tb->ev);
	tb->chunks = tb->chunk = NULL;
	tb->ev = NULL;
	tb->n = tb->alloc = tb->lost = 0;
	tb->used = 0;
	tb->on = false;
}

void
kt_begin(struct machine *m)
{
	trace_release(&m->kt);
	m->kt.on = true;
}

void
kt_end(struct machine *m)
{
	trace_release(&m->kt);
}
