/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Types whose DWARF tests/unit/test_dwarf.c converts to BTF: the layouts
 * the compiler gives them (offsetof, sizeof) are what the BTF must say.
 */
#ifndef DWARF_SAMPLE_H
#define DWARF_SAMPLE_H

enum sample_state { S_IDLE, S_RUN = 5, S_DEAD = 0x7fffffff };
enum sample_neg { N_MINUS = -3, N_ZERO = 0 };
enum sample_big { B_HUGE = 0x123456789aULL };

struct sample_list {
	struct sample_list *next, *prev;
};

struct sample_opaque;			/* declared, never defined */

typedef unsigned long sample_ulong;

struct sample_bits {
	unsigned int a:3;
	unsigned int b:5;
	signed int c:7;
	unsigned long long wide:40;
	unsigned char tail;
};

struct sample_task {
	long id;
	union {
		struct {
			int pid, tgid;
		};
		unsigned long long both;
	};
	struct sample_bits bits;
	char comm[16];
	short grid[3][5];
	const volatile int *cv;
	struct sample_list tasks;
	struct sample_task *parent;
	struct sample_opaque *hidden;
	enum sample_state state;
	sample_ulong flags;
	void (*fn)(struct sample_task *, int, ...);
	double ratio;
	_Bool on_cpu;
	int flex[];
};

union sample_u {
	int i;
	char c[3];
	struct sample_list l;
};

#endif
