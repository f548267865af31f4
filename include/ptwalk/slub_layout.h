/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Where an address falls in a SLUB slab (src/mm/slub_layout.c): the
 * object and the part of its slot, as mm/slub.c (Linux 6.1) lays a slot
 * out with or without slub_debug:
 *
 *   slab_address + i * s->size
 *     the left red zone, s->red_left_pad bytes (SLAB_RED_ZONE only)
 *   object i = fixup_red_left(slab_address + i * s->size)
 *     the object, s->object_size bytes (the free pointer inside it at
 *     s->offset when s->offset < s->inuse)
 *   object + s->object_size
 *     up to s->inuse: the right red zone (SLAB_RED_ZONE), else the padding
 *     to a word
 *   object + s->inuse
 *     the free pointer when outside the object (s->offset >= s->inuse),
 *     then (SLAB_STORE_USER) the alloc and the free struct track, then
 *     (SLAB_STORE_USER with SLAB_KMALLOC) the original kmalloc size, an
 *     unsigned int; then padding up to size_from_object()
 *
 * nearest_obj() (include/linux/slub_def.h) names the slot's object for any
 * address of the slot, its left red zone included; obj_to_index() is
 * (object - slab_address) / s->size.
 */
#ifndef PTWALK_SLUB_LAYOUT_H
#define PTWALK_SLUB_LAYOUT_H

#include "types.h"

/* A cache's geometry, as struct kmem_cache holds it. */
struct slub_geom {
	u64 size;		/* s->size: one slot */
	u64 object_size;	/* s->object_size */
	u64 inuse;		/* s->inuse */
	u64 offset;		/* s->offset: the free pointer, from the object */
	u64 red_left_pad;	/* s->red_left_pad */
	u32 flags;		/* s->flags (SLAB_RED_ZONE, SLAB_STORE_USER,
				 * SLAB_KMALLOC) */
	unsigned ptr_size;	/* sizeof(void *) */
	unsigned track_size;	/* sizeof(struct track); 0: unknown */
	u64 objects;		/* slab->objects */
};

enum slub_part {
	SLUB_RED_LEFT,		/* the left red zone */
	SLUB_OBJECT,		/* the object's own bytes */
	SLUB_RED_RIGHT,		/* object_size .. inuse, SLAB_RED_ZONE */
	SLUB_WORD_PAD,		/* object_size .. inuse, no red zone */
	SLUB_FREEPTR,		/* the free pointer, outside the object */
	SLUB_TRACK_ALLOC,	/* SLAB_STORE_USER: the alloc track */
	SLUB_TRACK_FREE,	/* ... the free track */
	SLUB_ORIG_SIZE,		/* ... the original kmalloc size */
	SLUB_TRACKS,		/* the tracks, their size unknown */
	SLUB_PADDING,		/* the rest of the slot */
	SLUB_TAIL,		/* past the last object: the slab's tail */
};

struct slub_where {
	u64 index;		/* obj_to_index() of the object */
	u64 object;		/* the object's address (fixup_red_left()) */
	s64 off;		/* the address - object (< 0: left red zone) */
	u64 part_off;		/* the address - the part's start */
	enum slub_part part;
	bool in_freeptr;	/* the free pointer's word inside the object
				 * (holds it when the object is free) */
};

/* The address of object idx of the slab at base. */
u64 slub_object(const struct slub_geom *g, u64 base, u64 idx);
/*
 * Whether p is an object's address (a free list entry) of the slab at
 * base; its index in *idx.
 */
bool slub_is_object(const struct slub_geom *g, u64 base, u64 p, u64 *idx);
/* Where va, in the slab at base, falls. */
void slub_locate(const struct slub_geom *g, u64 base, u64 va,
		 struct slub_where *w);
/* The part in words: "the left red zone", "the alloc track"... */
const char *slub_part_name(enum slub_part part);

#endif
