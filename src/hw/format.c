// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Numbers as ptwalk writes them: addresses, frames and entries at the
 * width of the arch, sizes in binary units.
 */
#include <stdio.h>

#include "ptwalk/format.h"
#include "ptwalk/machine.h"

/*
 * "0x%0*llx" of v with at least min digits (at most 16), as snprintf
 * writes it, without its cost: ptdump prints hundreds of thousands
 */
static const char *
hex0x(u64 v, int min)
{
	static const char digit[] = "0123456789abcdef";
	char *b = fmt_buf();
	int n = 1, i;

	while (n < 16 && (v >> (4 * n)) != 0)
		n++;
	if (n < min)
		n = min < 16 ? min : 16;
	b[0] = '0';
	b[1] = 'x';
	for (i = n + 1; i >= 2; i--, v >>= 4)
		b[i] = digit[v & 15];
	b[n + 2] = 0;
	return b;
}

const char *
fva(const struct machine *m, u64 va)
{
	return hex0x(va, m ? m->arch->va_digits : 8);
}

const char *
fpa(const struct machine *m, u64 pa)
{
	return hex0x(pa, m ? m->arch->pa_digits : 8);
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
