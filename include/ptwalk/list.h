/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Intrusive doubly linked lists with the kernel's names and meaning
 * (include/linux/list.h): a struct list_head embedded in each element,
 * a circular list whose head points at itself when empty.
 */
#ifndef PTWALK_LIST_H
#define PTWALK_LIST_H

#include <stdbool.h>
#include <stddef.h>

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name)	{ &(name), &(name) }

static inline void
INIT_LIST_HEAD(struct list_head *l)
{
	l->next = l;
	l->prev = l;
}

static inline bool
list_empty(const struct list_head *head)
{
	return head->next == head;
}

static inline void
__list_add(struct list_head *n, struct list_head *prev, struct list_head *next)
{
	next->prev = n;
	n->next = next;
	n->prev = prev;
	prev->next = n;
}

/* Insert after head (a stack: the newest comes out first). */
static inline void
list_add(struct list_head *n, struct list_head *head)
{
	__list_add(n, head, head->next);
}

/* Insert before head (a queue: the oldest comes out first). */
static inline void
list_add_tail(struct list_head *n, struct list_head *head)
{
	__list_add(n, head->prev, head);
}

/* Unlink; the entry's pointers are cleared (the kernel poisons them). */
static inline void
list_del(struct list_head *e)
{
	e->next->prev = e->prev;
	e->prev->next = e->next;
	e->next = NULL;
	e->prev = NULL;
}

#define list_entry(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#define list_first_entry(head, type, member) \
	list_entry((head)->next, type, member)
#define list_for_each(pos, head) \
	for ((pos) = (head)->next; (pos) != (head); (pos) = (pos)->next)

#endif
