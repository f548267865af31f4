// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * kallsyms decoded from a dump's memory: tables written into a simulated
 * x86_64 machine's RAM the way scripts/kallsyms.c lays them out, saved as
 * a core whose VMCOREINFO names them, opened again.  A good table decodes
 * to every name, type and address (base-relative, and with absolute
 * per-CPU symbols); corrupt and hostile ones end in a one-line error,
 * never a crash, a long loop or unbounded memory.  And the symbol table's
 * bulk load: a name repeated keeps every entry and answers the first.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "helpers.h"
#include "ptwalk/image.h"
#include "ptwalk/kallsyms.h"
#include "ptwalk/ksym.h"
#include "ptwalk/phys.h"

#define NSYM	1000
#define TABLES	0x3000000ULL	/* physical address of the tables */

static char tmpdir[] = "/tmp/ptwalk-kallsyms-XXXXXX";

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *
tmp(const char *name)
{
	static char path[4][256];
	static int k;

	k = (k + 1) % 4;
	snprintf(path[k], sizeof(path[k]), "%s/%s", tmpdir, name);
	return path[k];
}

/* What the tables hold, and where they went. */
struct tab {
	u64 stext;			/* the machine's _stext */
	bool percpu;			/* two absolute per-CPU symbols first */
	u8 buf[256 * 1024];
	size_t len;
	/* offsets into buf */
	size_t num, base, offsets, names, token_table, token_index;
	u32 n;
	char name[NSYM + 8][300];
	char type[NSYM + 8];
	u64 addr[NSYM + 8];
};

static void
put(struct tab *t, const void *p, size_t n)
{
	assert_true(t->len + n <= sizeof(t->buf));
	memcpy(t->buf + t->len, p, n);
	t->len += n;
}

static void
align8(struct tab *t)
{
	while (t->len & 7)
		t->buf[t->len++] = 0;
}

/* The symbols: _stext, sym_0 ... (some local, some data), a long name. */
static void
symbols(struct tab *t)
{
	u32 i, k = 0;

	if (t->percpu) {
		snprintf(t->name[k], 300, "fixed_percpu_data");
		t->type[k] = 'A';
		t->addr[k++] = 0;
		snprintf(t->name[k], 300, "cpu_number");
		t->type[k] = 'A';
		t->addr[k++] = 0x2ba80;
	}
	snprintf(t->name[k], 300, "_stext");
	t->type[k] = 'T';
	t->addr[k++] = t->stext;
	for (i = 0; i < NSYM; i++, k++) {
		snprintf(t->name[k], 300, i == 500 ? "sym_%u_%0250u" : "sym_%u",
			 i, 7u);
		t->type[k] = "TtDdRrBb"[i % 8];
		/* two symbols at one address now and then */
		t->addr[k] = t->stext + 0x40 + (u64)(i - i % 3 / 2) * 0x10;
	}
	t->n = k;
}

/* Token 0x80 is "sym_", 0x81 "_0"; the printable bytes stand for
 * themselves; the rest are empty. */
static void
tokens(struct tab *t)
{
	u16 idx[256];
	int i;

	t->token_table = t->len;
	for (i = 0; i < 256; i++) {
		char s[8] = "";

		idx[i] = (u16)(t->len - t->token_table);
		if (i == 0x80)
			strcpy(s, "sym_");
		else if (i == 0x81)
			strcpy(s, "_0");
		else if (i > 0x20 && i < 0x7f)
			s[0] = (char)i;
		put(t, s, strlen(s) + 1);
	}
	align8(t);
	t->token_index = t->len;
	put(t, idx, sizeof(idx));
}

static void
names(struct tab *t)
{
	u32 i;

	t->names = t->len;
	for (i = 0; i < t->n; i++) {
		u8 rec[600];
		size_t n = 0, j;
		const char *s = t->name[i];

		rec[n++] = (u8)t->type[i];
		if (!strncmp(s, "sym_", 4)) {
			rec[n++] = 0x80;
			s += 4;
		}
		for (j = 0; s[j]; j++) {
			if (s[j] == '_' && s[j + 1] == '0') {
				rec[n++] = 0x81;
				j++;
			} else {
				rec[n++] = (u8)s[j];
			}
		}
		if (n < 0x80) {
			u8 l = (u8)n;

			put(t, &l, 1);
		} else {
			u8 l[2] = { (u8)((n & 0x7f) | 0x80), (u8)(n >> 7) };

			put(t, l, 2);
		}
		put(t, rec, n);
	}
	align8(t);
}

/* The tables of t->n symbols, as scripts/kallsyms.c writes them. */
static void
build(struct tab *t)
{
	u64 base = t->stext;
	u32 i;

	t->len = 0;
	symbols(t);
	t->num = t->len;
	put(t, &t->n, 4);
	align8(t);
	t->base = t->len;
	put(t, &base, 8);
	t->offsets = t->len;
	for (i = 0; i < t->n; i++) {
		s32 o;

		if (!t->percpu)
			o = (s32)(t->addr[i] - base);
		else if (t->type[i] == 'A')
			o = (s32)t->addr[i];
		else
			o = (s32)(-1 - (s64)(t->addr[i] - base));
		put(t, &o, 4);
	}
	align8(t);
	names(t);
	tokens(t);
}

/*
 * A core of machine a with the tables at TABLES (after fix changed
 * them) and the VMCOREINFO naming them (and extra lines); opened.
 */
static struct machine *
core_with(struct machine *a, struct tab *t, const char *extra,
	  struct error *e)
{
	u64 va = a->lay.page_offset + TABLES;
	struct image_opts o = { 0 };
	struct machine *b;
	struct strbuf sb;

	assert_int_equal(phys_write(&a->phys, TABLES, t->buf, t->len, e), 0);
	assert_int_equal(image_save(a, tmp("k.core"), e), 0);
	o.path = tmp("k.core");
	b = image_open(&o, e);
	assert_non_null(b);
	sb_init(&sb);
	sb_adds(&sb, b->img->vmcoreinfo);
	sb_addf(&sb, "SYMBOL(kallsyms_num_syms)=%llx\n"
		"SYMBOL(kallsyms_relative_base)=%llx\n"
		"SYMBOL(kallsyms_offsets)=%llx\n"
		"SYMBOL(kallsyms_names)=%llx\n"
		"SYMBOL(kallsyms_token_table)=%llx\n"
		"SYMBOL(kallsyms_token_index)=%llx\n%s",
		(unsigned long long)(va + t->num),
		(unsigned long long)(va + t->base),
		(unsigned long long)(va + t->offsets),
		(unsigned long long)(va + t->names),
		(unsigned long long)(va + t->token_table),
		(unsigned long long)(va + t->token_index), extra ? extra : "");
	free(b->img->vmcoreinfo);
	b->img->vmcoreinfo = sb.buf;
	assert_int_equal(image_save(b, tmp("k2.core"), e), 0);
	machine_free(b);
	o.path = tmp("k2.core");
	b = image_open(&o, e);
	assert_non_null(b);
	return b;
}

static struct machine *
sim(void)
{
	return boot(.arch = "x86_64", .mem = 96 * MiB, .exec = "none");
}

static void
check_all(struct machine *b, const struct tab *t)
{
	u32 i;

	for (i = 0; i < t->n; i++) {
		const struct ksym *k = machine_ksym(b, t->name[i]);

		assert_non_null(k);
		assert_string_equal(k->name, t->name[i]);
		assert_int_equal(k->type, t->type[i]);
		assert_true(k->value == t->addr[i]);
	}
}

static void
test_decode(void **state)
{
	struct machine *a = sim(), *b;
	static struct tab t;
	const struct ksym *k;
	struct error e;
	int n0;

	(void)state;
	memset(&t, 0, sizeof(t));
	t.stext = machine_ksym(a, "_stext")->value;
	build(&t);
	b = core_with(a, &t, NULL, &e);
	n0 = b->nksyms;		/* nothing decoded on opening */
	assert_true(n0 < 100);
	check_all(b, &t);
	assert_true(b->nksyms > n0 + NSYM - 50);
	assert_null(machine_ksyms_error(b));
	/* sym_1 and sym_2 share an address: the first added answers */
	k = machine_ksym_at(b, t.addr[3] + 5);
	assert_string_equal(k->name, t.name[2]);
	assert_true(k->size == 0x20);
	k = machine_ksym_at(b, t.addr[1] + 0xf);
	assert_string_equal(k->name, t.name[1]);
	machine_free(b);
	machine_free(a);
}

static void
test_decode_percpu(void **state)
{
	struct machine *a = sim(), *b;
	static struct tab t;
	struct error e;

	(void)state;
	memset(&t, 0, sizeof(t));
	t.stext = machine_ksym(a, "_stext")->value;
	t.percpu = true;
	build(&t);
	b = core_with(a, &t, NULL, &e);
	check_all(b, &t);
	/* absolute symbols name no address */
	assert_null(machine_ksym_at(b, 0x2ba80));
	machine_free(b);
	machine_free(a);
}

/* A hostile table: the error names the reason; nothing decoded. */
static void
hostile(void (*spoil)(struct tab *t), const char *extra, const char *want)
{
	struct machine *a = sim(), *b;
	static struct tab t;
	struct error e;
	const char *why;

	memset(&t, 0, sizeof(t));
	t.stext = machine_ksym(a, "_stext")->value;
	build(&t);
	if (spoil)
		spoil(&t);
	b = core_with(a, &t, extra, &e);
	assert_int_equal(machine_ksyms_load(b), -1);
	why = machine_ksyms_error(b);
	assert_non_null(why);
	if (strstr(why, want) == NULL)
		fail_msg("'%s' does not say '%s'", why, want);
	assert_null(machine_ksym(b, "sym_5"));
	machine_free(b);
	machine_free(a);
}

static void num_huge(struct tab *t) { memcpy(t->buf + t->num, "\xff\xff\xff\x7f", 4); }
static void num_zero(struct tab *t) { memset(t->buf + t->num, 0, 4); }
/* 4M symbols: the names run into zeros, a name of no token */
static void num_max(struct tab *t) { u32 n = KALLSYMS_MAX_SYMS; memcpy(t->buf + t->num, &n, 4); }
static void len_huge(struct tab *t) { t->buf[t->names] = 0xff; t->buf[t->names + 1] = 0xff; }
static void len_zero(struct tab *t) { t->buf[t->names + 8] = 0; }
static void ctl_byte(struct tab *t) { t->buf[t->names + 2] = 0x01; t->buf[t->token_table + 1] = '\n'; }
static void empty_tok(struct tab *t) { t->buf[t->names + 2] = 0x90; }
static void unterminated(struct tab *t)
{
	u16 idx = (u16)(t->len - t->token_table);
	memcpy(t->buf + t->token_index + 2 * 'T', &idx, 2);
	memset(t->buf + t->len, 'x', 2000);
	t->len += 2000;
}
static void stext_moved(struct tab *t) { memset(t->buf + t->offsets, 0x11, 4); }
static void num_away(struct tab *t) { t->num = 0x10000000; }

static void test_num_huge(void **s) { (void)s; hostile(num_huge, NULL, "kallsyms_num_syms is 2147483647"); }
static void test_num_zero(void **s) { (void)s; hostile(num_zero, NULL, "kallsyms_num_syms is 0"); }
static void test_num_max(void **s) { (void)s; hostile(num_max, NULL, "a name of 0 tokens"); }
static void test_len_huge(void **s) { (void)s; hostile(len_huge, NULL, "a name of 32767 tokens"); }
static void test_len_zero(void **s) { (void)s; hostile(len_zero, NULL, "symbol 1 of"); }
static void test_ctl_byte(void **s) { (void)s; hostile(ctl_byte, NULL, "a name with byte 0x0a"); }
static void test_empty_tok(void **s) { (void)s; hostile(empty_tok, NULL, "token 144 is empty"); }
static void test_unterminated(void **s) { (void)s; hostile(unterminated, NULL, "not terminated within 512 bytes"); }
static void test_stext(void **s) { (void)s; hostile(stext_moved, NULL, "decodes _stext at"); }

/* The tables' addresses outside the dump: the first one read says so. */
static void
test_unmapped(void **state)
{
	(void)state;
	hostile(num_away, NULL, "kallsyms_num_syms: kernel address "
		"0xffff888013000000 is not mapped");
}

/* A VMCOREINFO without the tables: say so, suggest --symbols. */
static void
test_no_entries(void **state)
{
	struct machine *a = sim(), *b;
	struct image_opts o = { 0 };
	struct error e;

	(void)state;
	assert_int_equal(image_save(a, tmp("n.core"), &e), 0);
	o.path = tmp("n.core");
	b = image_open(&o, &e);
	assert_non_null(b);
	assert_non_null(machine_ksym(b, "_stext"));	/* VMCOREINFO's */
	assert_non_null(strstr(machine_ksyms_error(b),
			       "no SYMBOL(kallsyms_names)"));
	assert_non_null(strstr(machine_ksyms_error(b), "--symbols"));
	machine_free(b);
	machine_free(a);
}

/* The bulk load: repeated names kept, the first answers; old ones go. */
static void
test_bulk(void **state)
{
	struct machine *m = sim();
	struct ksym *s = xcalloc(4, sizeof(*s));
	const char *nm[4] = { "show", "show", "page_offset_base", "x" };
	const struct ksym *k;
	int i, n0;

	(void)state;
	machine_add_ksym(m, "page_offset_base", 0xffff888000000000ULL, 0, 'A');
	machine_add_module_ksym(m, "mod", "x", 0xffffffffc0000000ULL, 0, 't');
	n0 = m->nksyms;
	for (i = 0; i < 4; i++) {
		s[i].name = xstrdup(nm[i]);
		s[i].value = 0xffffffff81000000ULL + (u64)i * 0x100;
		s[i].type = i == 2 ? 'D' : 't';
	}
	machine_set_kernel_ksyms(m, s, 4);
	free(s);
	assert_int_equal(m->nksyms, n0 + 3);	/* page_offset_base replaced */
	k = machine_ksym(m, "show");
	assert_true(k->value == 0xffffffff81000000ULL);
	k = machine_ksym_at(m, 0xffffffff81000150ULL);
	assert_string_equal(k->name, "show");
	assert_true(k->value == 0xffffffff81000100ULL);
	k = machine_ksym(m, "page_offset_base");
	assert_int_equal(k->type, 'D');
	assert_null(machine_ksym(m, "x")->module);	/* the kernel's first */
	machine_del_module_ksyms(m, "mod");
	assert_true(machine_ksym(m, "x")->value == 0xffffffff81000300ULL);
	machine_free(m);
}

/* Two answers of an address lookup agree: the same symbol, whole. */
static void
same_sym(const struct ksym *x, const struct ksym *y)
{
	if (x == NULL || y == NULL) {
		assert_ptr_equal(x, y);
		return;
	}
	assert_string_equal(x->name, y->name);
	assert_true(x->value == y->value);
	assert_true(x->size == y->size);
	assert_int_equal(x->type, y->type);
}

/*
 * Read on demand, the table answers as decoded whole: every address
 * (bisected in the offsets, then in the arrays built after many
 * lookups), names, a VMCOREINFO symbol the table replaces.
 */
static void
lazy_vs_full(bool percpu)
{
	struct machine *a = sim(), *lz, *full;
	struct image_opts o = { 0 };
	static struct tab t;
	struct error e;
	char extra[96];
	u32 i;
	int n0, d;

	memset(&t, 0, sizeof(t));
	t.stext = machine_ksym(a, "_stext")->value;
	t.percpu = percpu;
	build(&t);
	/* sym_7 of the VMCOREINFO, elsewhere: the table's replaces it */
	snprintf(extra, sizeof(extra), "SYMBOL(sym_7)=%llx\n",
		 (unsigned long long)(t.stext - 0x1000));
	lz = core_with(a, &t, extra, &e);
	o.path = tmp("k2.core");
	full = image_open(&o, &e);
	assert_non_null(full);
	assert_int_equal(machine_ksyms_load(full), 0);
	n0 = lz->nksyms;
	for (i = 0; i < t.n; i++)
		for (d = -1; d <= 1; d++)
			same_sym(machine_ksym_at(lz, t.addr[i] + (u64)d),
				 machine_ksym_at(full, t.addr[i] + (u64)d));
	same_sym(machine_ksym_at(lz, t.stext - 0x1000),
		 machine_ksym_at(full, t.stext - 0x1000));
	for (i = 0; i < 20; i++) {
		const char *nm = t.name[i * 37 % t.n];

		same_sym(machine_ksym(lz, nm), machine_ksym(full, nm));
	}
	assert_null(machine_ksym(lz, "sym_"));
	assert_true(machine_ksym(lz, "sym_7")->value ==
		    machine_ksym(full, "sym_7")->value);
	/* nothing decoded whole so far */
	assert_true(lz->nksyms <= n0);
	assert_int_equal(machine_ksyms_load(lz), 0);
	assert_int_equal(lz->nksyms, full->nksyms);
	machine_free(lz);
	machine_free(full);
	machine_free(a);
}

static void test_lazy(void **s) { (void)s; lazy_vs_full(false); }
static void test_lazy_percpu(void **s) { (void)s; lazy_vs_full(true); }

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_decode_percpu),
		cmocka_unit_test(test_num_huge),
		cmocka_unit_test(test_num_zero),
		cmocka_unit_test(test_num_max),
		cmocka_unit_test(test_len_huge),
		cmocka_unit_test(test_len_zero),
		cmocka_unit_test(test_ctl_byte),
		cmocka_unit_test(test_empty_tok),
		cmocka_unit_test(test_unterminated),
		cmocka_unit_test(test_stext),
		cmocka_unit_test(test_unmapped),
		cmocka_unit_test(test_no_entries),
		cmocka_unit_test(test_bulk),
		cmocka_unit_test(test_lazy),
		cmocka_unit_test(test_lazy_percpu),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
