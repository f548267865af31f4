/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the kernel's trace events say (src/ui/trace_print.c): one line of
 * text per event, as the commands show them and JSON returns them.
 */
#ifndef PTWALK_TRACE_PRINT_H
#define PTWALK_TRACE_PRINT_H

#include "trace.h"

struct machine;

/* Append event te's line (no newline) to sb. */
void trace_print(struct strbuf *sb, const struct machine *m,
		 const struct trace_entry *te);
/* The name of an event kind ("flush_tlb_page"). */
const char *trace_name(enum trace_id id);

#endif
