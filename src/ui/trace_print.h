/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Inside the renderers of the kernel's trace (src/ui/trace_print*.c): each
 * event of ptwalk/trace_events.h has a printer,
 *
 *	TRACE_PRINT(name)
 *	{
 *		sb_addf(sb, "...", e->field, ...);
 *	}
 *
 * or, when one format says it all,
 *
 *	TRACE_PRINTF(name, "...", e->field, ...)
 *
 * with sb the line to append to, m the machine (for the width of its
 * addresses) and e the event's fields.  A printer writes one line, without
 * its newline.
 */
#ifndef PTWALK_UI_TRACE_PRINT_H
#define PTWALK_UI_TRACE_PRINT_H

#include "ptwalk/format.h"
#include "ptwalk/machine.h"
#include "ptwalk/show.h"
#include "ptwalk/trace_print.h"

#define TRACE_PRINT(name)						\
	void trace_print_##name(struct strbuf *sb,			\
				const struct machine *m,		\
				const struct trace_##name *e)
#define TRACE_PRINTF(name, ...)						\
	TRACE_PRINT(name)						\
	{								\
		(void)m;						\
		(void)e;						\
		sb_addf(sb, __VA_ARGS__);				\
	}

#define TRACE_EVENT(name, ...) TRACE_PRINT(name);
#include "ptwalk/trace_events.h"
#undef TRACE_EVENT

/* Append a register's name in capitals, as the manuals write it. */
void print_reg(struct strbuf *sb, const char *name);

/* a piece of the arch's words (struct arch_words): NULL says nothing */
#define WORD(s)	((s) != NULL ? (s) : "")

/* u64 fields for %llx */
#define ull(x)	((unsigned long long)(x))

#endif
