// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Numbers as ptwalk writes them: addresses, frames and entries at the
 * width of the arch, sizes in binary units.
 */
#include <stdio.h>

#include "ptwalk/format.h"
#include "ptwalk/machine.h"

const char *
fva(const struct machine *m, u64 va)
{
	char *b = fmt_buf();

	snprintf(b, FMT_BUF_LEN, "0x%0*llx", m ? m->arch->va_digits : 8,
		 (unsigned long long)va);
	return b;
}

const char *
fpa(const struct machine *m, u64 pa)
{
	char *b = fmt_buf();

	snprintf(b, FMT_BUF_LEN, "0x%0*llx", m ? m->arch->pa_digits : 8,
		 (unsigned long long)pa);
	return b;
}

const char *
fpfn(const struct machine *m, u64 pfn)
{
	char *b = fmt_buf();
	int w = m->arch->pa_digits > 3 ? m->arch->pa_digits - 3 : 1;

	snprintf(b, FMT_BUF_LEN, "0x%0*llx", w, (unsigned long long)pfn);
	return b;
}

const char *
fentry(const struct machine *m, int lvl, u64 e)
{
	char *b = fmt_buf();

	snprintf(b, FMT_BUF_LEN, "0x%0*llx", m->mmu.lv[lvl].esize * 2,
		 (unsigned long long)e);
	return b;
}

const char *
fsize(u64 bytes)
{
	char *b = fmt_buf();

	fmt_size(b, FMT_BUF_LEN, bytes);
	return b;
}

const char *
fblock(unsigned order)
{
	char *b = fmt_buf();
	char sz[32];

	fmt_size(sz, sizeof(sz), PAGE_SIZE << order);
	snprintf(b, FMT_BUF_LEN, "order-%u block (%llu page%s, %s)", order,
		 1ULL << order, order ? "s" : "", sz);
	return b;
}
