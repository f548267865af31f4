// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The kernel's trace in words: one printer per event kind (the printers
 * are in this file and in the trace_print_*.c beside it, by subsystem).
 */
#include <ctype.h>

#include "trace_print.h"

typedef void trace_print_fn(struct strbuf *sb, const struct machine *m,
			    const union trace_fields *f);

#define TRACE_EVENT(name, ...)						\
	static void							\
	print_##name(struct strbuf *sb, const struct machine *m,	\
		     const union trace_fields *f)			\
	{								\
		trace_print_##name(sb, m, &f->name);			\
	}
#include "ptwalk/trace_events.h"
#undef TRACE_EVENT

static trace_print_fn *const printers[TE_NR] = {
#define TRACE_EVENT(name, ...) [TE_##name] = print_##name,
#include "ptwalk/trace_events.h"
#undef TRACE_EVENT
};

static const char *const names[TE_NR] = {
#define TRACE_EVENT(name, ...) [TE_##name] = #name,
#include "ptwalk/trace_events.h"
#undef TRACE_EVENT
};

void
trace_print(struct strbuf *sb, const struct machine *m,
	    const struct trace_entry *te)
{
	printers[te->id](sb, m, &te->f);
}

const char *
trace_name(enum trace_id id)
{
	return names[id];
}

void
print_reg(struct strbuf *sb, const char *name)
{
	for (; *name; name++)
		sb_addc(sb, (char)toupper((unsigned char)*name));
}
