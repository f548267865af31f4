// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A live process's VMAs and memory: maps and smaps in the kernel's own
 * formats (fs/proc/task_mmu.c: show_map_vma, show_smap), x and write
 * through /proc/PID/mem.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/arg.h"
#include "ptwalk/live_pid.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_pid.h"

/* show_map_vma: the name starts at column 25 + 6 * sizeof(void *) */
static void
maps_line(const struct live_vma *v, struct strbuf *sb)
{
	size_t start = sb->len, width = 25 + 6 * sizeof(void *) - 1;

	sb_addf(sb, "%08llx-%08llx %s %08llx %02x:%02x %llu ",
		(unsigned long long)v->start, (unsigned long long)v->end,
		v->perms, (unsigned long long)v->pgoff, v->dev_major,
		v->dev_minor, (unsigned long long)v->ino);
	if (v->name[0]) {
		while (sb->len - start < width)
			sb_addc(sb, ' ');
		sb_addc(sb, ' ');
		sb_adds(sb, v->name);
	}
}

int
pid_maps(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct live_pid *lp = ctx->pid;
	struct strbuf sb;
	int i;

	if (pid_arg_same(ctx, args->argc > 0 ? args->argv[0] : NULL))
		return -1;
	sb_init(&sb);
	j_int(ctx, "pid", lp->pid);
	j_arr(ctx, "vmas");
	for (i = 0; i < lp->nvma; i++) {
		const struct live_vma *v = &lp->vma[i];

		sb_reset(&sb);
		maps_line(v, &sb);
		out_printf(ctx, "%s\n", sb.buf);
		j_obj(ctx, NULL);
		j_hex(ctx, "start", v->start);
		j_hex(ctx, "end", v->end);
		j_str(ctx, "perms", v->perms);
		j_hex(ctx, "offset", v->pgoff);
		j_str(ctx, "name", v->name);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	sb_release(&sb);
	return 0;
}

/* One "Key:   N kB" line of smaps into the JSON object, and printed. */
static void
smaps_key(struct ctx *ctx, const char *line)
{
	char key[64];
	unsigned long long n;

	out_printf(ctx, "%s\n", line);
	if (sscanf(line, "%63[^:]: %llu kB", key, &n) == 2)
		j_u64(ctx, key, n);
	else if (!strncmp(line, "VmFlags:", 8))
		j_str(ctx, "VmFlags", line + 9);
}

/*
 * smaps: the kernel's own /proc/PID/smaps, every VMA or the one holding
 * --addr, its figures kept in the JSON objects.
 */
int
pid_smaps(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct live_pid *lp = ctx->pid;
	const char *a = args_get(ctx, "--addr");
	char path[64], *line = NULL;
	size_t cap = 0;
	bool in = false, any = false;
	u64 addr = 0;
	FILE *f;

	if (pid_arg_same(ctx, args->argc > 0 ? args->argv[0] : NULL) ||
	    (a != NULL && arg_u64(ctx, a, "--addr", &addr)))
		return -1;
	if (a != NULL && live_pid_vma(lp, addr) == NULL)
		return cmd_error(ctx, "--addr %s: no VMA of pid %d holds it",
				 fva(NULL, addr), lp->pid);
	snprintf(path, sizeof(path), "/proc/%d/smaps", lp->pid);
	f = fopen(path, "re");
	if (f == NULL)
		return cmd_error(ctx, "cannot read %s: %s", path,
				 strerror(errno));
	j_int(ctx, "pid", lp->pid);
	j_arr(ctx, "vmas");
	while (getline(&line, &cap, f) > 0) {
		unsigned long long s, t;
		char perms[8];

		line[strcspn(line, "\n")] = 0;
		if (sscanf(line, "%llx-%llx %7s", &s, &t, perms) == 3) {
			if (in)
				j_obj_end(ctx);
			in = a == NULL || (addr >= s && addr < t);
			if (in) {
				j_obj(ctx, NULL);
				j_hex(ctx, "start", s);
				j_hex(ctx, "end", t);
				out_printf(ctx, "%s\n", line);
				any = true;
			}
			continue;
		}
		if (in)
			smaps_key(ctx, line);
	}
	if (in)
		j_obj_end(ctx);
	j_arr_end(ctx);
	free(line);
	fclose(f);
	if (!any && a != NULL)
		return cmd_error(ctx, "--addr %s: the VMA went away while "
				 "smaps was read", fva(NULL, addr));
	return 0;
}

#define X_MAX	(1ULL << 20)

int
pid_x(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct xfmt f;
	struct error e;
	u64 va, len;
	long got;
	u8 *buf;

	if (args->fmt != NULL && strchr(args->fmt, 'i'))
		return cmd_error(ctx, "x/i: a live process is not "
				 "disassembled (dis needs a machine)");
	if (arg_xfmt(ctx, args->fmt, &f) ||
	    arg_u64(ctx, args->argv[0], "VADDR", &va))
		return -1;
	if (arg_xlen(ctx, &f, args->argc > 1 ? args->argv[1] : NULL, X_MAX,
		     &len))
		return -1;
	buf = xmalloc(len);
	error_clear(&e);
	got = live_pid_read(ctx->pid, va, buf, len, &e);
	if (got > 0)
		show_dump(ctx, va, buf, (u64)got, &f, true);
	free(buf);
	if (got < 0 || (u64)got < len)
		return f.fmt == 's' && got > 0 ? 0 : cmd_err(ctx, &e);
	return 0;
}

int
pid_write(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct live_pid *lp = ctx->pid;
	struct xfmt f;
	struct error e;
	u64 addr, v;
	u8 buf[8];

	if (args_has(ctx, "--phys"))
		return cmd_error(ctx, "write --phys: a live process's frames "
				 "are not written (no /dev/mem here)");
	if (!lp->writable)
		return cmd_error(ctx, "pid %d is attached read-only: writing "
				 "into a running process needs --pid %d "
				 "--writable (or attach --writable %d)", lp->pid,
				 lp->pid, lp->pid);
	if (arg_xfmt(ctx, args->fmt, &f))
		return -1;
	if (args->fmt == NULL)
		f.unit = sizeof(long);
	if (f.items && (f.count != 1 || f.fmt != 'x'))
		return cmd_error(ctx, "/%s: give only a unit: b, h, w or g",
				 args->fmt);
	if (arg_u64(ctx, args->argv[0], "VADDR", &addr) ||
	    arg_u64(ctx, args->argv[1], "VALUE", &v))
		return -1;
	if (f.unit < 8 && (v >> (f.unit * 8)))
		return cmd_error(ctx, "VALUE 0x%llx does not fit in %s "
				 "(use /b /h /w /g)", (unsigned long long)v,
				 plural(f.unit, "byte", NULL));
	memcpy(buf, &v, sizeof(buf));	/* little-endian host */
	error_clear(&e);
	if (live_pid_write(lp, addr, buf, f.unit, &e) != (long)f.unit)
		return cmd_err(ctx, &e);
	out_printf(ctx, "wrote 0x%0*llx (%s) at %s in pid %d through "
		   "/proc/%d/mem\n", (int)f.unit * 2, (unsigned long long)v,
		   plural(f.unit, "byte", NULL), fva(NULL, addr), lp->pid,
		   lp->pid);
	j_hex(ctx, "va", addr);
	j_hex(ctx, "written", v);
	j_int(ctx, "size", f.unit);
	return 0;
}
