// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Where an address falls in a SLUB slab, with or without slub_debug: the
 * arithmetic of mm/slub.c (Linux 6.1) and include/linux/slub_def.h,
 * shared by whatis on a dump and the tests (slub_layout.h draws the
 * slot).  KASAN's metadata (kasan_metadata_size()) is not placed: a KASAN
 * kernel's padding holds it.
 */
#include "ptwalk/slab.h"
#include "ptwalk/slub_layout.h"

/* The left red zone: fixup_red_left() adds it, restore_red_left() takes
 * it off, with SLAB_RED_ZONE. */
static u64
red_left(const struct slub_geom *g)
{
	return g->flags & SLAB_RED_ZONE ? g->red_left_pad : 0;
}

u64
slub_object(const struct slub_geom *g, u64 base, u64 idx)
{
	return base + idx * g->size + red_left(g);
}

bool
slub_is_object(const struct slub_geom *g, u64 base, u64 p, u64 *idx)
{
	u64 first = base + red_left(g);

	if (g->size == 0 || p < first || (p - first) % g->size ||
	    (p - first) / g->size >= g->objects)
		return false;
	*idx = (p - first) / g->size;
	return true;
}

/* get_info_end(): past the free pointer when it is outside the object. */
static u64
info_end(const struct slub_geom *g)
{
	return g->offset >= g->inuse ? g->inuse + g->ptr_size : g->inuse;
}

/* From object + s->inuse on: the metadata, then the padding. */
static void
locate_meta(const struct slub_geom *g, u64 off, struct slub_where *w)
{
	u64 end = info_end(g), t = g->track_size;

	if (g->offset >= g->inuse && off >= g->offset &&
	    off < g->offset + g->ptr_size) {
		w->part = SLUB_FREEPTR;
		w->part_off = off - g->offset;
		return;
	}
	if ((g->flags & SLAB_STORE_USER) && off >= end) {
		if (t == 0) {
			w->part = SLUB_TRACKS;
			w->part_off = off - end;
			return;
		}
		if (off < end + 2 * t) {
			w->part = off < end + t ? SLUB_TRACK_ALLOC :
				SLUB_TRACK_FREE;
			w->part_off = (off - end) % t;
			return;
		}
		end += 2 * t;
		/* set_orig_size(): an unsigned int after the tracks */
		if (g->flags & SLAB_KMALLOC) {
			if (off < end + 4) {
				w->part = SLUB_ORIG_SIZE;
				w->part_off = off - end;
				return;
			}
			end += 4;
		}
	}
	w->part = SLUB_PADDING;
	w->part_off = off >= end ? off - end : 0;
}

void
slub_locate(const struct slub_geom *g, u64 base, u64 va, struct slub_where *w)
{
	u64 rl = red_left(g), size = g->size ? g->size : 1, slot, soff, off;

	w->in_freeptr = false;
	w->part_off = 0;
	if (va < base || (va - base) / size >= g->objects) {
		w->part = SLUB_TAIL;
		w->index = g->objects;
		w->object = 0;
		w->off = 0;
		w->part_off = va >= base ? va - base - g->objects * size : 0;
		return;
	}
	/* nearest_obj(): the slot's object, fixup_red_left() applied */
	slot = (va - base) / size;
	soff = (va - base) % size;
	w->index = slot;
	w->object = base + slot * size + rl;
	w->off = (s64)soff - (s64)rl;
	if (soff < rl) {
		w->part = SLUB_RED_LEFT;
		w->part_off = soff;
		return;
	}
	off = soff - rl;
	if (off < g->object_size) {
		w->part = SLUB_OBJECT;
		w->part_off = off;
		w->in_freeptr = g->offset < g->inuse && off >= g->offset &&
			off < g->offset + g->ptr_size;
	} else if (off < g->inuse) {
		w->part = g->flags & SLAB_RED_ZONE ? SLUB_RED_RIGHT :
			SLUB_WORD_PAD;
		w->part_off = off - g->object_size;
	} else {
		locate_meta(g, off, w);
	}
}

const char *
slub_part_name(enum slub_part part)
{
	switch (part) {
	case SLUB_RED_LEFT: return "the left red zone";
	case SLUB_OBJECT: return "the object";
	case SLUB_RED_RIGHT: return "the right red zone";
	case SLUB_WORD_PAD: return "the padding to a word";
	case SLUB_FREEPTR: return "the free pointer";
	case SLUB_TRACK_ALLOC: return "the alloc track (SLAB_STORE_USER)";
	case SLUB_TRACK_FREE: return "the free track (SLAB_STORE_USER)";
	case SLUB_ORIG_SIZE: return "the original kmalloc size";
	case SLUB_TRACKS: return "the tracking data (SLAB_STORE_USER)";
	case SLUB_PADDING: return "the padding";
	case SLUB_TAIL: return "the slab's unused tail";
	}
	return "?";
}
