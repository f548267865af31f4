/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Bit arithmetic on sizes (cf. include/linux/log2.h, include/asm-generic
 * getorder.h, include/linux/bitops.h): the one get_order() of ptwalk.
 *
 * Every function is defined for every input: no shift by 64 or more, no
 * wrap.  get_order() of a size too large for any block returns an order
 * above MAX_ORDER that the caller refuses before shifting by it.
 */
#ifndef PTWALK_LOG2_H
#define PTWALK_LOG2_H

#include "types.h"

/* fls: the 1-based index of the highest set bit, 0 when none. */
static inline unsigned
fls32(u32 x)
{
	return x ? 32 - (unsigned)__builtin_clz(x) : 0;
}

static inline unsigned
fls64(u64 x)
{
	return x ? 64 - (unsigned)__builtin_clzll(x) : 0;
}

/* ilog2(x) for x > 0 (0 for 0). */
static inline unsigned
ilog2_u64(u64 x)
{
	return x ? fls64(x) - 1 : 0;
}

static inline bool
is_power_of_2(u64 x)
{
	return x != 0 && (x & (x - 1)) == 0;
}

/*
 * get_order(size): the order of the smallest block of 2^order pages that
 * holds size bytes.  0 for sizes up to a page (and for 0); up to
 * 64 - PAGE_SHIFT for the largest sizes.
 */
static inline unsigned
get_order(u64 size)
{
	if (size <= PAGE_SIZE)
		return 0;
	return fls64((size - 1) >> PAGE_SHIFT);
}

/* get_count_order(n): ceil(log2(n)); -1 for 0. */
static inline int
get_count_order(u64 n)
{
	if (n == 0)
		return -1;
	return (int)fls64(n - 1);
}

/*
 * Would ALIGN_UP(x, a) wrap past 2^64?  a is a power of two.  Sizes are
 * checked with this before they are rounded.
 */
static inline bool
align_up_overflows(u64 x, u64 a)
{
	return x > ~0ULL - (a - 1);
}

#endif
