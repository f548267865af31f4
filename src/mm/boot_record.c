// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Boot records (the .boot files of data/boot, their format in
 * data/boot/README.md): the parser.  A record is data embedded at build
 * time, but it is parsed as untrusted text: every field is checked for
 * range, and a bad line is an error naming the record and the line,
 * never a crash.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/boot_record.h"
#include "ptwalk/util.h"

#define REC_MAX_TEXT	(1 << 20)
#define REC_MAX_LINES	4096
#define REC_MAX_SIZE	(1ULL << 40)	/* an area: 1T */
#define REC_MAX_COUNT	(1UL << 24)	/* objects, pages, blocks */
#define REC_MAX_NAME	63

int
boot_mode_parse(const char *word)
{
	if (word == NULL)
		return BOOT_DEFAULT;
	if (!strcmp(word, "booted"))
		return BOOT_BOOTED;
	if (!strcmp(word, "clean"))
		return BOOT_CLEAN;
	return -1;
}

struct parse {
	const char *name;
	int lineno;
	struct error *e;
};

static int
bad(struct parse *p, const char *why, const char *what)
{
	return error_set(p->e, -EINVAL, "boot record %s line %d: %s%s%s",
			 p->name, p->lineno, why, what ? ": " : "",
			 what ? what : "");
}

/* A number of at most max (decimal, or 0x hex). */
static int
number(struct parse *p, const char *key, const char *v, u64 max, u64 *out)
{
	char *end;
	unsigned long long n;

	if (v == NULL || *v < '0' || *v > '9')
		return error_set(p->e, -EINVAL, "boot record %s line %d: %s: a "
				 "number is missing", p->name, p->lineno, key);
	errno = 0;
	n = strtoull(v, &end, 0);
	if (errno || *end)
		return error_set(p->e, -EINVAL, "boot record %s line %d: %s: "
				 "not a number: %.40s", p->name, p->lineno,
				 key, v);
	if (n > max)
		return error_set(p->e, -EINVAL, "boot record %s line %d: %s: "
				 "out of range (at most %llu)", p->name,
				 p->lineno, key, (unsigned long long)max);
	*out = n;
	return 0;
}

static bool
good_name(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > REC_MAX_NAME)
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || (unsigned char)s[i] >= 0x7f)
			return false;
	return true;
}

/* The words of a line, key=value pairs apart; caller= takes the rest. */
struct words {
	char *w[16];
	int n;
	const char *caller;
};

static int
split_words(struct parse *p, char *line, struct words *ws)
{
	char *s = line;

	ws->n = 0;
	ws->caller = NULL;
	while (*s) {
		while (*s == ' ' || *s == '\t')
			*s++ = 0;
		if (*s == 0)
			break;
		if (!strncmp(s, "caller=", 7)) {
			ws->caller = s + 7;
			if (!*ws->caller || strlen(ws->caller) > 120)
				return bad(p, "caller= must name a function "
					   "(at most 120 characters)", NULL);
			return 0;
		}
		if (ws->n == (int)ARRAY_SIZE(ws->w))
			return bad(p, "too many words", NULL);
		ws->w[ws->n++] = s;
		while (*s && *s != ' ' && *s != '\t')
			s++;
	}
	return 0;
}

/* The value of key= among the words (NULL: absent); flag words alone. */
static const char *
value(const struct words *ws, const char *key)
{
	size_t l = strlen(key);
	int i;

	for (i = 1; i < ws->n; i++)
		if (!strncmp(ws->w[i], key, l) && ws->w[i][l] == '=')
			return ws->w[i] + l + 1;
	return NULL;
}

static bool
has_word(const struct words *ws, const char *word)
{
	int i;

	for (i = 1; i < ws->n; i++)
		if (!strcmp(ws->w[i], word))
			return true;
	return false;
}

/* Every word after the first is one of the keys (with =) or flags. */
static int
known_words(struct parse *p, const struct words *ws, int first,
	    const char *const *keys)
{
	int i, k;

	for (i = first; i < ws->n; i++) {
		for (k = 0; keys[k] != NULL; k++) {
			size_t l = strlen(keys[k]);

			if (!strncmp(ws->w[i], keys[k], l) &&
			    (keys[k][l - 1] == '=' || ws->w[i][l] == 0))
				break;
		}
		if (keys[k] == NULL)
			return bad(p, "unknown word", ws->w[i]);
	}
	return 0;
}

static const char *const kind_names[NR_BOOT_KINDS] = {
	[BL_VMALLOC] = "vmalloc", [BL_VMAP] = "vmap", [BL_IOREMAP] = "ioremap",
	[BL_EARLY] = "early", [BL_MODULE] = "module", [BL_PERCPU] = "percpu",
	[BL_GAP] = "gap", [BL_UNPURGED] = "unpurged", [BL_CACHE] = "cache",
	[BL_PAGES] = "pages",
};

static const char *const area_keys[] = {
	"size=", "pages=", "align=", "phys=", "addr=", "ioremap",
	"dma-coherent", "stack", NULL
};

/* A line of the vmalloc space. */
static int
parse_area(struct parse *p, const struct words *ws, struct boot_line *l)
{
	u64 v;

	if (known_words(p, ws, 1, area_keys) ||
	    number(p, "size=", value(ws, "size"), REC_MAX_SIZE, &l->size))
		return -EINVAL;
	if (l->size == 0 || (l->size & (PAGE_SIZE - 1)))
		return bad(p, "size= must be a whole number of pages", NULL);
	if (value(ws, "pages") != NULL) {
		if (number(p, "pages=", value(ws, "pages"), l->size / PAGE_SIZE,
			   &v))
			return -EINVAL;
		l->pages = (unsigned long)v;
	}
	l->align = PAGE_SIZE;
	if (value(ws, "align") != NULL) {
		if (number(p, "align=", value(ws, "align"), 1ULL << 30,
			   &l->align))
			return -EINVAL;
		if (l->align < PAGE_SIZE || (l->align & (l->align - 1)))
			return bad(p, "align= must be a power of two of at "
				   "least a page", NULL);
	}
	if (value(ws, "phys") != NULL &&
	    number(p, "phys=", value(ws, "phys"), ~0ULL - l->size, &l->phys))
		return -EINVAL;
	if (l->kind == BL_IOREMAP && value(ws, "phys") == NULL)
		return bad(p, "an ioremap needs phys=", NULL);
	if (l->kind == BL_EARLY) {
		if (number(p, "addr=", value(ws, "addr"), ~0ULL - l->size,
			   &l->addr))
			return -EINVAL;
		if (l->addr & (PAGE_SIZE - 1))
			return bad(p, "addr= must be page aligned", NULL);
	}
	if (l->kind != BL_GAP && l->kind != BL_UNPURGED && ws->caller == NULL)
		return bad(p, "an area needs caller=", NULL);
	l->ioremap = has_word(ws, "ioremap");
	l->dma_coherent = has_word(ws, "dma-coherent");
	l->stack = has_word(ws, "stack");
	l->caller = ws->caller;
	return 0;
}

static const char *const cache_keys[] = {
	"size=", "active=", "objperslab=", "pagesperslab=", NULL
};

static int
parse_cache(struct parse *p, const struct words *ws, struct boot_line *l)
{
	u64 v;

	if (ws->n < 2 || strchr(ws->w[1], '=') != NULL || !good_name(ws->w[1]))
		return bad(p, "a cache needs a name (1-63 printable "
			   "characters)", NULL);
	l->name = ws->w[1];
	if (known_words(p, ws, 2, cache_keys) ||
	    number(p, "size=", value(ws, "size"), 1 << 20, &v))
		return -EINVAL;
	if (v == 0)
		return bad(p, "size= must be at least 1", NULL);
	l->objsize = (unsigned)v;
	if (number(p, "active=", value(ws, "active"), REC_MAX_COUNT, &v))
		return -EINVAL;
	l->active = (unsigned long)v;
	return 0;
}

static const char *const pages_keys[] = {
	"what=", "order=", "count=", NULL
};

static int
parse_pages(struct parse *p, const struct words *ws, struct boot_line *l)
{
	u64 v;

	if (known_words(p, ws, 1, pages_keys))
		return -EINVAL;
	l->name = value(ws, "what");
	if (l->name == NULL || !good_name(l->name))
		return bad(p, "pages need what= (1-63 printable characters)",
			   NULL);
	if (number(p, "order=", value(ws, "order"), 10, &v))
		return -EINVAL;
	l->order = (unsigned)v;
	if (number(p, "count=", value(ws, "count"), REC_MAX_COUNT, &v))
		return -EINVAL;
	l->pages = (unsigned long)v;
	return 0;
}

/* zone NAME managed=N free=N,N,...: the free blocks per order. */
static int
parse_zone(struct parse *p, struct boot_record *r, const struct words *ws)
{
	static const char *const keys[] = { "managed=", "free=", NULL };
	struct boot_zone *z;
	const char *f;
	u64 v;

	if (r->nzones == BOOT_MAX_ZONES)
		return bad(p, "too many zones", NULL);
	z = &r->zone[r->nzones];
	memset(z, 0, sizeof(*z));
	if (ws->n < 2 || strchr(ws->w[1], '=') != NULL || !good_name(ws->w[1]))
		return bad(p, "a zone needs a name", NULL);
	z->name = ws->w[1];
	if (known_words(p, ws, 2, keys) ||
	    number(p, "managed=", value(ws, "managed"), 1ULL << 40, &v))
		return -EINVAL;
	z->managed = (unsigned long)v;
	f = value(ws, "free");
	if (f == NULL)
		return bad(p, "a zone needs free=", NULL);
	while (*f) {
		char num[24];
		size_t n = strcspn(f, ",");

		if (z->nfree == BOOT_FREE_ORDERS)
			return bad(p, "free= has more orders than 0-11", NULL);
		if (n == 0 || n >= sizeof(num))
			return bad(p, "free= needs numbers separated by commas",
				   NULL);
		memcpy(num, f, n);
		num[n] = 0;
		if (number(p, "free=", num, REC_MAX_COUNT, &v))
			return -EINVAL;
		z->free[z->nfree++] = (unsigned long)v;
		f += n + (f[n] == ',');
	}
	if (z->nfree == 0)
		return bad(p, "free= is empty", NULL);
	r->nzones++;
	return 0;
}

/* The header lines: arch, kernel, mem, cpus, initrd. */
static int
parse_header(struct parse *p, struct boot_record *r, const struct words *ws)
{
	const char *k = ws->w[0];
	u64 v;

	if (!strcmp(k, "initrd")) {
		static const char *const keys[] = {
			"size=", "below_top=", "above_base=", "lowmem", NULL
		};

		if (known_words(p, ws, 1, keys) ||
		    number(p, "size=", value(ws, "size"), REC_MAX_SIZE,
			   &r->initrd_size))
			return -EINVAL;
		return 0;
	}
	if (ws->n != 2)
		return bad(p, "one value expected after", k);
	if (!strcmp(k, "arch") || !strcmp(k, "kernel")) {
		if (!good_name(ws->w[1]))
			return bad(p, "a name is expected after", k);
		if (k[0] == 'a')
			r->arch = ws->w[1];
		else
			r->kernel = ws->w[1];
		return 0;
	}
	if (!strcmp(k, "mem")) {
		if (number(p, "mem", ws->w[1], REC_MAX_SIZE, &r->mem))
			return -EINVAL;
		if (r->mem < PAGE_SIZE)
			return bad(p, "mem must be at least a page", NULL);
		return 0;
	}
	if (number(p, "cpus", ws->w[1], 4096, &v))
		return -EINVAL;
	r->cpus = (int)v;
	return 0;
}

static int
parse_line(struct parse *p, struct boot_record *r, char *line)
{
	struct words ws;
	struct boot_line *l;
	int k;

	if (split_words(p, line, &ws))
		return -EINVAL;
	if (ws.n == 0)
		return ws.caller ? bad(p, "caller= without a line", NULL) : 0;
	if (!strcmp(ws.w[0], "arch") || !strcmp(ws.w[0], "kernel") ||
	    !strcmp(ws.w[0], "mem") || !strcmp(ws.w[0], "cpus") ||
	    !strcmp(ws.w[0], "initrd"))
		return parse_header(p, r, &ws);
	if (!strcmp(ws.w[0], "zone"))
		return parse_zone(p, r, &ws);
	for (k = 0; k < NR_BOOT_KINDS; k++)
		if (!strcmp(ws.w[0], kind_names[k]))
			break;
	if (k == NR_BOOT_KINDS)
		return bad(p, "unknown line", ws.w[0]);
	if (r->nlines == REC_MAX_LINES)
		return bad(p, "too many lines", NULL);
	l = &r->lines[r->nlines];
	memset(l, 0, sizeof(*l));
	l->kind = (enum boot_kind)k;
	l->lineno = p->lineno;
	if (k == BL_CACHE) {
		if (ws.caller != NULL)
			return bad(p, "a cache has no caller", NULL);
		if (parse_cache(p, &ws, l))
			return -EINVAL;
	} else if (k == BL_PAGES) {
		if (ws.caller != NULL)
			return bad(p, "pages have no caller", NULL);
		if (parse_pages(p, &ws, l))
			return -EINVAL;
	} else if (parse_area(p, &ws, l)) {
		return -EINVAL;
	}
	r->nlines++;
	return 0;
}

int
boot_record_parse(const char *name, const char *text, struct boot_record *r,
		  struct error *e)
{
	struct parse p = { name, 0, e };
	size_t len = text ? strnlen(text, REC_MAX_TEXT + 1) : 0;
	char *s, *nl;

	memset(r, 0, sizeof(*r));
	if (text == NULL || len > REC_MAX_TEXT)
		return error_set(e, -EINVAL, "boot record %s: %s", name,
				 text ? "larger than 1M" : "empty");
	r->name = name;
	r->text = xstrdup(text);
	r->lines = xcalloc(REC_MAX_LINES, sizeof(*r->lines));
	for (s = r->text; *s; s = nl) {
		nl = strchr(s, '\n');
		if (nl != NULL)
			*nl++ = 0;
		else
			nl = s + strlen(s);
		p.lineno++;
		if (*s == '#')
			continue;
		if (parse_line(&p, r, s))
			goto fail;
	}
	p.lineno = 0;
	if (r->arch == NULL || r->kernel == NULL || r->mem == 0) {
		error_set(e, -EINVAL, "boot record %s: arch, kernel and mem "
			  "lines are required", name);
		goto fail;
	}
	return 0;
fail:
	boot_record_free(r);
	return -EINVAL;
}

void
boot_record_free(struct boot_record *r)
{
	free(r->text);
	free(r->lines);
	memset(r, 0, sizeof(*r));
}
