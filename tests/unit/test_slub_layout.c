// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Where an address falls in a SLUB slot (slub_layout.h), against slots
 * worked by hand from Linux 6.1's formulas (Debian's linux-source-6.1,
 * 6.1.192):
 *
 *   mm/slub.c calculate_sizes() (lines 4197-4305):
 *	size = ALIGN(object_size, sizeof(void *));
 *	if ((flags & SLAB_RED_ZONE) && size == s->object_size)
 *		size += sizeof(void *);
 *	s->inuse = size;
 *	if ((flags & (SLAB_TYPESAFE_BY_RCU | SLAB_POISON)) ||
 *	    ((flags & SLAB_RED_ZONE) && s->object_size < sizeof(void *)) ||
 *	    s->ctor) { s->offset = size; size += sizeof(void *); }
 *	else s->offset = ALIGN_DOWN(s->object_size / 2, sizeof(void *));
 *	if (flags & SLAB_STORE_USER) { size += 2 * sizeof(struct track);
 *		if (flags & SLAB_KMALLOC) size += sizeof(unsigned int); }
 *	if (flags & SLAB_RED_ZONE) { size += sizeof(void *);
 *		s->red_left_pad = ALIGN(sizeof(void *), s->align);
 *		size += s->red_left_pad; }
 *	size = ALIGN(size, s->align);
 *   mm/slub.c fixup_red_left() (216): p += s->red_left_pad with
 *	SLAB_RED_ZONE; get_info_end() (710): s->inuse + sizeof(void *) when
 *	s->offset >= s->inuse; check_pad_bytes() (1066): the tracks, then
 *	the original size, then padding to size_from_object() (621):
 *	s->size - s->red_left_pad.
 *   include/linux/slub_def.h nearest_obj() (160): the slot of x, then
 *	fixup_red_left(); obj_to_index() (179): (obj - addr) / s->size.
 *
 * x86_64: sizeof(void *) 8, struct track 32 (with CONFIG_STACKDEPOT, as
 * the BTF of Debian's 6.1 kernel shows it).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ptwalk/slab.h"
#include "ptwalk/slub_layout.h"

#define BASE	0xffff888004560000ULL

static void
at(const struct slub_geom *g, u64 slot_off, u64 index, enum slub_part part,
   s64 off, u64 part_off)
{
	struct slub_where w;

	slub_locate(g, BASE, BASE + index * g->size + slot_off, &w);
	assert_int_equal(w.part, part);
	if (part == SLUB_TAIL)
		return;
	assert_int_equal(w.index, index);
	assert_true(w.object == BASE + index * g->size +
		    ((g->flags & SLAB_RED_ZONE) ? g->red_left_pad : 0));
	assert_true(w.off == off);
	assert_true(w.part_off == part_off);
}

/*
 * object_size 100, align 8, SLAB_RED_ZONE | SLAB_STORE_USER (slub_debug=ZU):
 * size 104, inuse 104, offset ALIGN_DOWN(50, 8) = 48; + 2 * 32 = 168;
 * + 8 = 176, red_left_pad 8, + 8 = 184.  A slot: [0, 8) left red zone,
 * the object [8, 108) (the free pointer at 56), right red zone [108, 112),
 * alloc track [112, 144), free track [144, 176), padding [176, 184).
 */
static const struct slub_geom zu = {
	.size = 184, .object_size = 100, .inuse = 104, .offset = 48,
	.red_left_pad = 8, .flags = SLAB_RED_ZONE | SLAB_STORE_USER,
	.ptr_size = 8, .track_size = 32, .objects = 22,
};

static void
test_red_zone_store_user(void **state)
{
	u64 idx;

	(void)state;
	at(&zu, 0, 0, SLUB_RED_LEFT, -8, 0);
	at(&zu, 7, 3, SLUB_RED_LEFT, -1, 7);
	at(&zu, 8, 3, SLUB_OBJECT, 0, 0);
	at(&zu, 107, 3, SLUB_OBJECT, 99, 99);
	at(&zu, 108, 3, SLUB_RED_RIGHT, 100, 0);
	at(&zu, 111, 3, SLUB_RED_RIGHT, 103, 3);
	at(&zu, 112, 3, SLUB_TRACK_ALLOC, 104, 0);
	at(&zu, 143, 3, SLUB_TRACK_ALLOC, 135, 31);
	at(&zu, 144, 3, SLUB_TRACK_FREE, 136, 0);
	at(&zu, 175, 21, SLUB_TRACK_FREE, 167, 31);
	at(&zu, 176, 21, SLUB_PADDING, 168, 0);
	at(&zu, 183, 21, SLUB_PADDING, 175, 7);
	at(&zu, 0, 22, SLUB_TAIL, 0, 0);	/* 22 * 184 = 4048 */
	/* the free pointer inside the object, at object + 48 */
	{
		struct slub_where w;

		slub_locate(&zu, BASE, BASE + 8 + 48, &w);
		assert_true(w.part == SLUB_OBJECT && w.in_freeptr);
		slub_locate(&zu, BASE, BASE + 8 + 47, &w);
		assert_false(w.in_freeptr);
	}
	/* a free list entry is an object's address, past the red zone */
	assert_true(slub_is_object(&zu, BASE, BASE + 5 * 184 + 8, &idx));
	assert_true(idx == 5);
	assert_false(slub_is_object(&zu, BASE, BASE + 5 * 184, &idx));
	assert_false(slub_is_object(&zu, BASE, BASE + 22 * 184 + 8, &idx));
	assert_true(slub_object(&zu, BASE, 5) == BASE + 5 * 184 + 8);
}

/*
 * kmalloc-64 with slub_debug=FZPU: object_size 64, align 8, SLAB_RED_ZONE
 * | SLAB_POISON | SLAB_STORE_USER | SLAB_KMALLOC: size 64 == object_size
 * so 72 (inuse); the free pointer after it: offset 72, size 80; + 64 =
 * 144, + 4 (the original size) = 148; + 8 = 156, red_left_pad 8, + 8 =
 * 164, ALIGN(164, 8) = 168.  From the object: [64, 72) right red zone,
 * [72, 80) free pointer, [80, 112) alloc track, [112, 144) free track,
 * [144, 148) the original size, [148, 160) padding.
 */
static const struct slub_geom fzpu = {
	.size = 168, .object_size = 64, .inuse = 72, .offset = 72,
	.red_left_pad = 8,
	.flags = SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | SLAB_KMALLOC,
	.ptr_size = 8, .track_size = 32, .objects = 24,
};

static void
test_kmalloc_poison(void **state)
{
	(void)state;
	at(&fzpu, 8 + 63, 1, SLUB_OBJECT, 63, 63);
	at(&fzpu, 8 + 64, 1, SLUB_RED_RIGHT, 64, 0);
	at(&fzpu, 8 + 72, 1, SLUB_FREEPTR, 72, 0);
	at(&fzpu, 8 + 79, 1, SLUB_FREEPTR, 79, 7);
	at(&fzpu, 8 + 80, 1, SLUB_TRACK_ALLOC, 80, 0);
	at(&fzpu, 8 + 112, 1, SLUB_TRACK_FREE, 112, 0);
	at(&fzpu, 8 + 144, 1, SLUB_ORIG_SIZE, 144, 0);
	at(&fzpu, 8 + 147, 1, SLUB_ORIG_SIZE, 147, 3);
	at(&fzpu, 8 + 148, 1, SLUB_PADDING, 148, 0);
	at(&fzpu, 8 + 159, 1, SLUB_PADDING, 159, 11);
	at(&fzpu, 0, 2, SLUB_RED_LEFT, -8, 0);
}

/* The tracks' size unknown (no struct track in the types): one part. */
static void
test_track_unknown(void **state)
{
	struct slub_geom g = zu;

	(void)state;
	g.track_size = 0;
	at(&g, 112, 0, SLUB_TRACKS, 104, 0);
	at(&g, 183, 0, SLUB_TRACKS, 175, 71);
}

/*
 * Without debugging (object_size 100, align 8): size = inuse = 104, the
 * slot is the object, offset 48 inside it; [100, 104) pads to a word.
 */
static void
test_no_debug(void **state)
{
	static const struct slub_geom g = {
		.size = 104, .object_size = 100, .inuse = 104, .offset = 48,
		.red_left_pad = 8, .ptr_size = 8, .track_size = 32,
		.objects = 39,
	};
	u64 idx;

	(void)state;
	at(&g, 0, 7, SLUB_OBJECT, 0, 0);
	at(&g, 99, 7, SLUB_OBJECT, 99, 99);
	at(&g, 100, 7, SLUB_WORD_PAD, 100, 0);
	/* red_left_pad is only read with SLAB_RED_ZONE */
	assert_true(slub_is_object(&g, BASE, BASE + 2 * 104, &idx));
	at(&g, 0, 39, SLUB_TAIL, 0, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_red_zone_store_user),
		cmocka_unit_test(test_kmalloc_poison),
		cmocka_unit_test(test_track_unknown),
		cmocka_unit_test(test_no_debug),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
