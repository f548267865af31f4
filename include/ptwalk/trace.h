/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The kernel's trace (cf. Linux's tracepoints, TRACE_EVENT): the simulated
 * kernel records what it did as events, each a kind and its fields
 * (addresses, sizes, orders, pfns, entries before and after, names), and
 * never says it in words.  trace_events.h declares the events; the
 * renderers (src/ui/trace_print*.c) say how each one reads.
 *
 * A command turns the machine's trace on (kt_begin), runs, shows the events
 * and turns it off (kt_end).  With tracing off an event costs one test of
 * m->kt.on: its fields are not even computed.
 *
 * A trace_buf is one buffer of events: m->kt is the command's trace; SLUB
 * keeps its own, always on, for what one call did to the slabs.
 */
#ifndef PTWALK_TRACE_H
#define PTWALK_TRACE_H

#include "gfp.h"
#include "util.h"

/* the kinds (enums) the events' fields use */
#define TRACE_EVENT(name, ...)
#include "trace_events.h"
#undef TRACE_EVENT

enum trace_id {
#define TRACE_EVENT(name, ...) TE_##name,
#include "trace_events.h"
#undef TRACE_EVENT
	TE_NR
};

/* struct trace_NAME: the fields of event NAME */
#define TRACE_EVENT(name, ...) struct trace_##name { __VA_ARGS__ };
#include "trace_events.h"
#undef TRACE_EVENT

union trace_fields {
#define TRACE_EVENT(name, ...) struct trace_##name name;
#include "trace_events.h"
#undef TRACE_EVENT
};

struct trace_entry {
	enum trace_id id;
	union trace_fields f;
};

struct trace_chunk;
struct trace_buf {
	bool on;
	bool verbose;		/* `set verbose`: nested allocator steps too */
	int n;			/* events kept */
	int lost;		/* events recorded past max */
	int alloc;
	int max;		/* keep at most this many events (0: all) */
	struct trace_entry *ev;
	struct trace_entry spill;	/* where those past max go */
	/* the events' strings (trace_str), in chunks freed by release */
	struct trace_chunk *chunks, *chunk;
	size_t used;			/* of chunk */
};

/*
 * A slot for an event of kind id (the fields are the caller's to fill).
 * Out of line: the call sites stay small in the paths they trace.
 */
struct trace_entry *trace_reserve(struct trace_buf *tb, enum trace_id id);
/* The same inline, for a buffer always on and written on a hot path. */
static inline struct trace_entry *
trace_reserve_inline(struct trace_buf *tb, enum trace_id id)
{
	struct trace_entry *te;

	if (unlikely(tb->n == tb->alloc || (tb->max && tb->n >= tb->max)))
		return trace_reserve(tb, id);
	te = &tb->ev[tb->n++];
	te->id = id;
	return te;
}
/* A copy of s that lives as long as the events (NULL: ""). */
const char *trace_strdup(struct trace_buf *tb, const char *s);
/*
 * Forget the events, keep their memory for the next ones (a hot path:
 * SLUB resets its buffer at each call).  Their strings stay until
 * trace_release.
 */
static inline void
trace_reset(struct trace_buf *tb)
{
	tb->n = 0;
	tb->lost = 0;
}
/* Forget the events and their strings, free everything; the buffer is off. */
void trace_release(struct trace_buf *tb);

/*
 * Record event name with its fields given as designated initialisers:
 *	trace_event(m, flush_tlb_page, .va = va, .asid = asid,
 *		    .cpus = m->ncpus);
 * The arguments are evaluated only when the trace is on.
 */
#define trace_record(tb, name, ...)					\
	(trace_reserve((tb), TE_##name)->f.name =			\
		(struct trace_##name){ __VA_ARGS__ })
#define trace_event(m, name, ...)					\
	do {								\
		if (unlikely((m)->kt.on))				\
			trace_record(&(m)->kt, name, __VA_ARGS__);	\
	} while (0)
/* A string field of a machine's trace: a copy (paths, names, messages). */
#define trace_str(m, s)		trace_strdup(&(m)->kt, (s))

struct machine;
/* Start a command's trace (forgetting an earlier one) and end it. */
void kt_begin(struct machine *m);
void kt_end(struct machine *m);

#endif
