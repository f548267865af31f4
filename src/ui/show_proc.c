// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A process's memory as /proc shows it: the maps line of a VMA (maps and
 * smaps).
 */
#include <string.h>

#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/show_proc.h"

void
maps_fmt(const struct machine *m, const struct maps_row *r, struct strbuf *sb)
{
	size_t start = sb->len, width = 25 + (m->arch->is64 ? 8 : 4) * 6 - 1;

	sb_addf(sb, "%08llx-%08llx %c%c%c%c %08llx %02x:%02x %llu ",
		(unsigned long long)r->start, (unsigned long long)r->end,
		(r->flags & VM_READ) ? 'r' : '-',
		(r->flags & VM_WRITE) ? 'w' : '-',
		(r->flags & VM_EXEC) ? 'x' : '-',
		(r->flags & VM_MAYSHARE) ? 's' : 'p',
		(unsigned long long)r->offset, r->major, r->minor,
		(unsigned long long)r->ino);
	if (r->name[0]) {
		while (sb->len - start < width)
			sb_addc(sb, ' ');
		sb_addc(sb, ' ');
		sb_adds(sb, r->name);
	}
}

void
maps_line(const struct machine *m, const struct mm_struct *mm,
	  const struct vm_area_struct *v, struct strbuf *sb)
{
	u64 dev = v->vm_file ? v->vm_file->dev : 0;
	struct maps_row r = {
		.start = v->vm_start,
		.end = v->vm_end,
		.flags = v->vm_flags,
		.offset = v->vm_file ? v->vm_pgoff << PAGE_SHIFT : 0,
		.major = (unsigned)(dev >> 8),
		.minor = (unsigned)(dev & 0xff),
		.ino = v->vm_file ? v->vm_file->ino : 0,
		.name = vma_name(mm, v),
	};

	maps_fmt(m, &r, sb);
}

void
show_ps(struct ctx *ctx, const struct ps_row *r, int n)
{
	int i, sw = 5;

	/* the state column as wide as its widest entry */
	for (i = 0; i < n; i++)
		if ((int)strlen(r[i].state) > sw)
			sw = (int)strlen(r[i].state);
	out_printf(ctx, "  PID  PPID CPU  MINFLT MAJFLT    VSZ    RSS  PGTBL "
		   "%-*s  COMMAND\n", sw, "STATE");
	j_arr(ctx, "tasks");
	for (i = 0; i < n; i++) {
		const struct ps_row *p = &r[i];
		u64 rss = p->rss_anon_kb + p->rss_file_kb;
		char cpu[16];

		if (p->cpu >= 0)
			snprintf(cpu, sizeof(cpu), "%d", p->cpu);
		else
			snprintf(cpu, sizeof(cpu), "-");
		out_printf(ctx, "%c%4d %5d %3s %7llu %6llu %6lluK %5lluK %5lluK "
			   "%-*s  %s\n", p->current ? '*' : ' ', p->pid,
			   p->ppid, cpu, (unsigned long long)p->min_flt,
			   (unsigned long long)p->maj_flt,
			   (unsigned long long)p->vsz_kb,
			   (unsigned long long)rss,
			   (unsigned long long)p->pgtables_kb,
			   sw, p->state, p->comm);
		j_obj(ctx, NULL);
		j_int(ctx, "pid", p->pid);
		j_int(ctx, "ppid", p->ppid);
		j_int(ctx, "cpu", p->cpu);
		j_u64(ctx, "min_flt", p->min_flt);
		j_u64(ctx, "maj_flt", p->maj_flt);
		j_u64(ctx, "vsz_kb", p->vsz_kb);
		j_u64(ctx, "rss_kb", rss);
		j_u64(ctx, "rss_anon_kb", p->rss_anon_kb);
		j_u64(ctx, "rss_file_kb", p->rss_file_kb);
		j_u64(ctx, "pgtables_kb", p->pgtables_kb);
		if (p->task != 0)
			j_hex(ctx, "task", p->task);
		if (p->has_mm) {
			if (p->mm != 0)
				j_hex(ctx, "mm", p->mm);
			j_hex(ctx, "pgd", p->pgd);
		} else {
			j_null(ctx, "mm");
		}
		j_str(ctx, "state", p->state);
		j_str(ctx, "comm", p->comm);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
}
