/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Memory-access traces: reading them (valgrind lackey, DynamoRIO
 * drcachesim's text view, ptwalk's own r|w|x ADDR [SIZE]), the format
 * told by the content, and replaying them through the current process.
 *
 * The reader streams: one fixed buffer, lines split in place, numbers
 * parsed by table, nothing allocated per line.  The replay allocates
 * nothing per access either: its working-set table grows by doubling when
 * a new 2M chunk of pages arrives, its per-VMA table is fixed.
 */
#ifndef PTWALK_REPLAY_H
#define PTWALK_REPLAY_H

#include <stdio.h>

#include "tlbh.h"
#include "types.h"

struct machine;
struct cpu;
struct progress;
struct error;

enum trace_fmt {
	TFMT_NONE,		/* not known yet */
	TFMT_PLAIN,		/* r|w|x ADDR [SIZE] */
	TFMT_LACKEY,		/* I  0400d7d4,8 / " L 04222cac,8" / S / M */
	TFMT_DRCACHESIM,	/* "... read  8 byte(s) @ 0x00007ffd..." */
	TFMT_ARRAY,		/* no file: trace --array's loop */
};

#define TREAD_BUF	(256 * 1024)
#define TREAD_LINE	4096	/* longest line read */
#define TREAD_PROBE	16	/* bad lines with no access: not a trace */

struct trace_reader {
	int fd;
	bool own_fd;
	char *buf;		/* TREAD_BUF + 1 */
	size_t pos, len;
	bool eof, skipping;	/* skipping: the rest of a long line */
	u64 lineno;
	enum trace_fmt fmt;
	u64 good, bad;		/* records, bad lines */
};

/* One access of a trace. */
struct trace_rec {
	u8 acc;			/* ACC_READ, ACC_WRITE or ACC_EXEC */
	bool modify;		/* lackey M: a load, then a store */
	u32 size;		/* bytes (1 when the trace does not say) */
	u64 va;
	const char *expr;	/* plain: ADDR is an expression to evaluate */
};

enum {
	TR_EOF = 0,
	TR_REC = 1,
	TR_BAD = -1,		/* a malformed line: why says what */
	TR_FATAL = -2,		/* not a trace (binary), or a read error */
};

/* fd is read sequentially (a pipe will do); own: close it at the end. */
void trace_reader_init(struct trace_reader *r, int fd, bool own);
void trace_reader_release(struct trace_reader *r);
/*
 * The next access: TR_REC, TR_EOF, or TR_BAD / TR_FATAL with why set;
 * r->lineno is the line it came from.  A NUL byte is binary data
 * (TR_FATAL); so are TREAD_PROBE bad lines before the first access.
 */
int trace_read(struct trace_reader *r, struct trace_rec *rec, char *why,
	       size_t n);
/* Parse one line (no newline), for tests: as trace_read. */
int trace_parse_line(struct trace_reader *r, char *line, size_t len,
		     struct trace_rec *rec, char *why, size_t n);
const char *trace_fmt_name(enum trace_fmt f);

/*
 * Replay statistics.  An access is one line's access (an M line is two: a
 * load and a store); each access makes one TLB lookup per page it touches
 * (two when it straddles a page boundary) and one more each time a fault
 * is fixed and the access retried: hits + misses = lookups.
 */
#define REPLAY_VMAS	32

struct replay_vma {
	const void *vma;	/* the vm_area_struct (the replay unmaps nothing) */
	u64 start, end;
	char name[48];
	u64 accesses, misses, faults;
};

struct replay_stats {
	u64 accesses, kind[3];	/* reads, writes, fetches */
	u64 modifies, straddles;
	u64 lookups, hits, misses;
	u64 min_flt, maj_flt, segv, bad_lines;
	u64 pages;		/* working set: distinct 4K pages */
	int nvma;
	struct replay_vma vma[REPLAY_VMAS];
	u64 other_accesses, other_misses;	/* beyond REPLAY_VMAS */
};

struct replay_ws {
	u64 key;		/* chunk number + 1; 0: free */
	u64 bits[8];		/* its 512 pages */
};

struct replay {
	struct machine *m;
	struct cpu *c;
	bool keep_going;
	u64 every;		/* CSV row every N accesses (0: none) */
	u64 next_row;
	FILE *csv;
	/*
	 * the working set: a bitmap of 4K pages per 2M chunk, the chunks in
	 * a table (open addressing over chunk numbers + 1); ws_last: the
	 * last chunk used
	 */
	struct replay_ws *ws;
	u64 ws_mask, ws_used;
	struct replay_ws *ws_last;
	/* the counters at the start */
	u64 hits0, miss0, min0, maj0;
	int last_slot;		/* the slot of the last access */
	struct replay_stats st;
	/* the TLB hierarchy modelled (m->tlbh_state), its counters at the
	 * start */
	struct tlbh *h;
	struct tlbh h0;
};

void replay_init(struct replay *rp, struct machine *m, struct cpu *c);
void replay_release(struct replay *rp);
/*
 * One access: translate it (faults handled by the kernel), count it.
 * 0, or the error (negative; a SIGSEGV is counted).  With keep_going a
 * SIGSEGV returns REPLAY_SEGV, e says it, and the task lives on as if a
 * handler had skipped the access.
 */
#define REPLAY_SEGV	1
int replay_access(struct replay *rp, const struct trace_rec *rec,
		  struct error *e);
/* Bring st up to date with the TLB and fault counters. */
void replay_sync(struct replay *rp);
/* The model's figures of this replay (rp->h must be set). */
void replay_model_stats(const struct replay *rp, struct tlbh *d);
void replay_csv_header(FILE *f);
void replay_csv_row(struct replay *rp);

#endif
