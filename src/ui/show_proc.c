// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A process's memory as /proc shows it: the maps line of a VMA (maps and
 * smaps).
 */
#include <string.h>

#include "ptwalk/mm.h"
#include "ptwalk/show_proc.h"

void
maps_line(const struct machine *m, const struct mm_struct *mm,
	  const struct vm_area_struct *v, struct strbuf *sb)
{
	const char *name = vma_name(mm, v);
	u64 dev = v->vm_file ? v->vm_file->dev : 0;
	u64 ino = v->vm_file ? v->vm_file->ino : 0;
	u64 pgoff = v->vm_file ? v->vm_pgoff : 0;
	size_t start = sb->len, width = 25 + (m->arch->is64 ? 8 : 4) * 6 - 1;

	sb_addf(sb, "%08llx-%08llx %c%c%c%c %08llx %02x:%02x %llu ",
		(unsigned long long)v->vm_start, (unsigned long long)v->vm_end,
		(v->vm_flags & VM_READ) ? 'r' : '-',
		(v->vm_flags & VM_WRITE) ? 'w' : '-',
		(v->vm_flags & VM_EXEC) ? 'x' : '-',
		(v->vm_flags & VM_MAYSHARE) ? 's' : 'p',
		(unsigned long long)(pgoff << PAGE_SHIFT),
		(unsigned)(dev >> 8), (unsigned)(dev & 0xff),
		(unsigned long long)ino);
	if (name[0]) {
		while (sb->len - start < width)
			sb_addc(sb, ' ');
		sb_addc(sb, ' ');
		sb_adds(sb, name);
	}
}
