// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The kernel log, as dmesg(1) prints it (crash: log).
 */
#include <stdio.h>
#include <string.h>

#include "ptwalk/out.h"
#include "ptwalk/show_kstate.h"

static const struct cmd_opt dmesg_opts[] = {
	{ "-r", NULL, NULL, "each line with its raw <level|facility<<3> "
	  "prefix, as dmesg -r" },
	{ "--all", NULL, NULL, "every record still in the buffer, also those "
	  "before clear_seq (dmesg -C cleared)" },
	{ NULL, NULL, NULL, NULL },
};

static void
dmesg_rec(struct ctx *ctx, const struct klog_rec *r, bool raw,
	  struct strbuf *sb)
{
	sb_reset(sb);
	if (raw) {
		char pfx[16];
		const char *p;
		struct strbuf line;

		/* the prefix on every line of the record, as syslog(2) */
		sb_init(&line);
		klog_format(r, &line);
		snprintf(pfx, sizeof(pfx), "<%u>", r->level | r->facility << 3);
		for (p = line.buf; *p;) {
			const char *nl = strchr(p, '\n');

			sb_adds(sb, pfx);
			sb_add(sb, p, (size_t)(nl - p + 1));
			p = nl + 1;
		}
		sb_release(&line);
	} else {
		klog_format(r, sb);
	}
	out_printf(ctx, "%s", sb->buf);
	j_obj(ctx, NULL);
	j_u64(ctx, "seq", r->seq);
	j_u64(ctx, "ts_nsec", r->ts_nsec);
	j_int(ctx, "level", r->level);
	j_int(ctx, "facility", r->facility);
	j_hex(ctx, "caller_id", r->caller_id);
	j_str(ctx, "text", r->text);
	j_obj_end(ctx);
}

static int
dmesg_run(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	bool raw = args_has(ctx, "-r"), all = args_has(ctx, "--all");
	struct klog log;
	struct strbuf sb;
	struct error e;
	size_t i, shown = 0;

	if (m->kern != NULL)
		return cmd_error(ctx, "the simulated kernel keeps no log: its "
				 "steps are in each command's trace (set "
				 "verbose on); dmesg reads the log of a "
				 "memory image (--image)");
	error_clear(&e);
	if (klog_read(m, &log, &e))
		return cmd_error(ctx, "%s", e.msg);
	sb_init(&sb);
	j_arr(ctx, "records");
	for (i = 0; i < log.n; i++) {
		if (!all && log.rec[i].seq < log.clear_seq)
			continue;
		dmesg_rec(ctx, &log.rec[i], raw, &sb);
		shown++;
	}
	j_arr_end(ctx);
	j_u64(ctx, "clear_seq", log.clear_seq);
	if (log.n == 0)
		out_printf(ctx, "(the log is empty)\n");
	else if (shown == 0)
		out_printf(ctx, "(all %zu records are before clear_seq %llu: "
			   "dmesg --all shows them)\n", log.n,
			   (unsigned long long)log.clear_seq);
	show_knotes(ctx, &log.notes);
	sb_release(&sb);
	klog_release(&log);
	return 0;
}

const struct cmd cmd_dmesg = {
	.name = "dmesg",
	.aliases = "log",
	.family = FAM_IMAGE,
	.usage = "[-r] [--all]",
	.summary = "the kernel log of a memory image, as dmesg prints it",
	.help =
	"The records of the kernel's printk ring buffer (Linux 5.10+: prb,\n"
	"its descriptor ring and text data ring), oldest first, each line as\n"
	"dmesg(1) prints it: '[seconds.micros] text', the prefix repeated on\n"
	"every line of a record of several.  The buffer's layout comes from\n"
	"the dump's VMCOREINFO (SYMBOL(prb), the OFFSET() and SIZE() lines of\n"
	"printk_ringbuffer, prb_desc_ring, prb_desc, prb_data_ring and\n"
	"printk_info), so no vmlinux is needed.  As SYSLOG_ACTION_READ_ALL,\n"
	"it starts at clear_seq (where 'dmesg -C' left it); --all shows the\n"
	"older records still there too.  Records whose text the ring has\n"
	"overwritten are counted in a warning.  The simulated kernel keeps no\n"
	"log (its steps are in each command's trace).  crash calls it log.\n",
	.complete = "none",
	.opts = dmesg_opts,
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_PROCFMT,
	.run = dmesg_run,
};
