// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The VMCOREINFO of a live guest, found in its RAM.
 *
 * A dump carries the VMCOREINFO as an ELF note; a running guest has none
 * to give, but Linux keeps the text in its memory (kernel/crash_core.c,
 * crash_save_vmcoreinfo_init()): vmcoreinfo_data, a page of its own
 * (get_zeroed_page) holding "OSRELEASE=...\nBUILD-ID=...\nPAGESIZE=...\n"
 * and the rest, and vmcoreinfo_note, pages of their own
 * (alloc_pages_exact) holding the same text as an ELF note named
 * "VMCOREINFO" (update_vmcoreinfo_note(): namesz 11, type 0, the text as
 * its desc).  Both start a page, so only the first bytes of each page of
 * guest RAM are read: over the gdbstub, one small m packet a page, many
 * in flight at once.  The text must parse (KEY=VALUE lines, OSRELEASE
 * first, a power-of-two PAGESIZE, SYMBOL() entries); once the machine is
 * built, vmci_check() asks that the kernel's init_uts_ns, where the text
 * puts it, reads "Linux" and the release under a vCPU's page tables.
 *
 * Where it was found is kept per target (the gdbstub's address) in
 * $XDG_CACHE_HOME/ptwalk/vmcoreinfo (~/.cache/ptwalk/vmcoreinfo): the
 * next attach reads that page first and searches only when it no
 * longer holds the same kernel's text (its BUILD-ID, else OSRELEASE).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ptwalk/mmu.h"
#include "ptwalk/progress.h"

#include "live_qemu.h"

#define VMCI_BATCH	512	/* pages whose heads are asked at once */
#define VMCI_NOTE_HDR	24	/* n_namesz, n_descsz, n_type, "VMCOREINFO\0\0" */
#define VMCI_CACHE_MAX	64	/* targets remembered */

static u32
le32(const u8 *p)
{
	return (u32)p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

/* Does text look like a VMCOREINFO (kernel/crash_core.c's lines)? */
static bool
vmci_text_ok(const char *t, char *why, size_t n)
{
	const char *p = t, *ps = strstr(t, "\nPAGESIZE=");
	unsigned long long psz;
	int lines = 0;

	if (strncmp(t, "OSRELEASE=", 10) != 0) {
		snprintf(why, n, "does not start with OSRELEASE=");
		return false;
	}
	while (*p) {
		size_t ll = strcspn(p, "\n");
		const char *eq = memchr(p, '=', ll);
		size_t i;

		if (eq == NULL || eq == p) {
			snprintf(why, n, "line %d is not KEY=VALUE", lines + 1);
			return false;
		}
		for (i = 0; i < ll; i++)
			if ((u8)p[i] < 0x20 || (u8)p[i] > 0x7e) {
				snprintf(why, n, "line %d is not text",
					 lines + 1);
				return false;
			}
		lines++;
		p += ll;
		p += *p == '\n';
	}
	psz = ps != NULL ? strtoull(ps + 10, NULL, 10) : 0;
	if (psz < 4096 || (psz & (psz - 1)) != 0) {
		snprintf(why, n, "no power-of-two PAGESIZE");
		return false;
	}
	if (strstr(t, "\nSYMBOL(") == NULL) {
		snprintf(why, n, "no SYMBOL() line");
		return false;
	}
	return true;
}

/* The text of the note or data page whose head is h at pa, or NULL. */
static char *
candidate(const struct vmci_src *s, u64 pa, const u8 *h, bool *note)
{
	struct error e;

	u32 namesz = le32(h), descsz = le32(h + 4), type = le32(h + 8);
	u64 at, len;
	char *t;

	if (namesz == 11 && type == 0 && !memcmp(h + 12, "VMCOREINFO", 11) &&
	    descsz > 10 && descsz <= PAGE_SIZE - VMCI_NOTE_HDR) {
		at = pa + VMCI_NOTE_HDR;
		len = descsz;
		*note = true;
	} else if (!memcmp(h, "OSRELEASE=", 10)) {
		at = pa;
		len = PAGE_SIZE;
		*note = false;
	} else {
		return NULL;
	}
	t = xmalloc(len + 1);
	error_clear(&e);
	if (s->read(s->ctx, at, (u8 *)t, len, &e)) {
		free(t);
		return NULL;
	}
	t[len] = 0;
	return t;
}

/* One batch of pages: the highest whose text parses goes into f. */
static int
scan_batch(const struct vmci_src *s, u64 pa, u64 n, u8 *heads,
	   struct vmci_found *f, struct error *e)
{
	u64 i;

	if (s->heads(s->ctx, pa, n, heads, e))
		return -1;
	for (i = n; i-- > 0;) {	/* from the top down, as the batches */
		const u8 *h = heads + i * VMCI_HEAD;
		char why[80];
		bool note;
		char *t;

		if (h[0] != 'O' && h[0] != 11)
			continue;
		t = candidate(s, pa + i * PAGE_SIZE, h, &note);
		if (t == NULL)
			continue;
		if (!vmci_text_ok(t, why, sizeof(why))) {
			f->rejected++;
			free(t);
			continue;
		}
		f->pa = pa + i * PAGE_SIZE;
		f->note = note;
		f->text = t;
		return 1;
	}
	return 0;
}

/*
 * The cache of locations: lines "TARGET PA ID", ID the text's BUILD-ID
 * (else OSRELEASE) value
 */

static char *
cache_path(void)
{
	const char *x = getenv("XDG_CACHE_HOME"), *h = getenv("HOME");

	if (x != NULL && x[0] == '/')
		return xasprintf("%s/ptwalk/vmcoreinfo", x);
	if (h != NULL && h[0] == '/')
		return xasprintf("%s/.cache/ptwalk/vmcoreinfo", h);
	return NULL;
}

/* The text's identity: its BUILD-ID value, else OSRELEASE's. */
static void
text_id(const char *t, char *id, size_t n)
{
	const char *p = strstr(t, "\nBUILD-ID=");

	p = p != NULL ? p + 10 : t + 10;
	snprintf(id, n, "%.*s", (int)MIN(strcspn(p, "\n \t"), n - 1), p);
}

/* Where the last attach to target found it: true with *pa and id set. */
static bool
cache_get(const char *target, u64 *pa, char *id, size_t n)
{
	char *path = cache_path(), line[512], t[300], i[200];
	unsigned long long a;
	bool found = false;
	FILE *f;

	f = path != NULL ? fopen(path, "r") : NULL;
	free(path);
	if (f == NULL)
		return false;
	while (!found && fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "%299s %llx %199s", t, &a, i) == 3 &&
		    !strcmp(t, target) && (a & (PAGE_SIZE - 1)) == 0) {
			*pa = a;
			snprintf(id, n, "%s", i);
			found = true;
		}
	fclose(f);
	return found;
}

/*
 * The target's line (first; none when text is NULL), then the others'
 * (up to VMCI_CACHE_MAX)
 */
static void
cache_put(const char *target, u64 pa, const char *text)
{
	char *path = cache_path(), *tmp, *slash, line[512], t[300], id[200];
	FILE *in, *out;
	int n = 1;

	if (path == NULL || strlen(target) >= sizeof(t) ||
	    strpbrk(target, " \t\n") != NULL) {
		free(path);
		return;
	}
	slash = strrchr(path, '/');
	*slash = 0;
	if (mkdir(path, 0700) < 0 && errno == ENOENT) {
		char *up = strrchr(path, '/');

		*up = 0;
		(void)mkdir(path, 0700);
		*up = '/';
		(void)mkdir(path, 0700);
	}
	*slash = '/';
	tmp = xasprintf("%s.%d", path, (int)getpid());
	out = fopen(tmp, "w");
	if (out != NULL) {
		if (text != NULL) {
			text_id(text, id, sizeof(id));
			fprintf(out, "%s 0x%llx %s\n", target,
				(unsigned long long)pa, id);
		}
		in = fopen(path, "r");
		while (in != NULL && n < VMCI_CACHE_MAX &&
		       fgets(line, sizeof(line), in) != NULL)
			if (sscanf(line, "%299s", t) == 1 && strcmp(t, target) &&
			    strchr(line, '\n') != NULL) {
				fputs(line, out);
				n++;
			}
		if (in != NULL)
			fclose(in);
		if (fclose(out) != 0 || rename(tmp, path) != 0)
			(void)unlink(tmp);
	}
	free(tmp);
	free(path);
}

void
vmci_forget(const char *target)
{
	cache_put(target, 0, NULL);
}

/* The cached location still holds the same kernel's text: it goes in f. */
static bool
cache_try(const struct vmci_src *s, const char *target, struct vmci_found *f)
{
	char id[200], now[200], why[80];
	u8 head[VMCI_HEAD];
	struct error e;
	bool note;
	char *t;
	u64 pa;

	error_clear(&e);
	if (target == NULL || !cache_get(target, &pa, id, sizeof(id)) ||
	    s->read(s->ctx, pa, head, VMCI_HEAD, &e))
		return false;
	t = candidate(s, pa, head, &note);
	if (t == NULL)
		return false;
	text_id(t, now, sizeof(now));
	if (!vmci_text_ok(t, why, sizeof(why)) || strcmp(id, now)) {
		free(t);
		return false;
	}
	f->pa = pa;
	f->note = note;
	f->text = t;
	f->cached = true;
	return true;
}

int
vmci_scan(const struct vmci_src *s, const u64 (*ranges)[2], int nr,
	  const char *target, struct vmci_found *f, struct error *e)
{
	u8 *heads = xmalloc(VMCI_BATCH * VMCI_HEAD);
	struct progress pg;
	u64 total = 0;
	int i, r = 0;

	memset(f, 0, sizeof(*f));
	if (cache_try(s, target, f)) {
		free(heads);
		return 0;
	}
	for (i = 0; i < nr; i++)
		total += ranges[i][1] / PAGE_SIZE;
	progress_begin(&pg, "VMCOREINFO", "pages", total, 0);
	/*
	 * From the top of RAM down: the pages are allocated in an initcall,
	 * early, and the buddy allocator's first pages are the last that
	 * memblock_free_all() freed, at the top (a guess that orders the
	 * search; every page is still looked at until one is found)
	 */
	for (i = nr - 1; i >= 0 && r == 0; i--) {
		u64 start = ALIGN_UP(ranges[i][0], PAGE_SIZE);
		u64 end = (ranges[i][0] + ranges[i][1]) & PAGE_MASK;

		while (end > start && r == 0) {
			u64 n = MIN((u64)VMCI_BATCH, (end - start) / PAGE_SIZE);

			end -= n * PAGE_SIZE;
			r = scan_batch(s, end, n, heads, f, e);
			f->pages += n;
			if (r == 0 && progress_add(&pg, n) != 0) {
				progress_why(&pg, f->why, sizeof(f->why));
				r = error_set(e, pg.stop, "the search for the "
					      "VMCOREINFO stopped: %s", f->why);
			}
		}
	}
	progress_end(&pg);
	free(heads);
	if (r > 0 && target != NULL)
		cache_put(target, f->pa, f->text);
	return r < 0 ? -1 : 0;
}

/*
 * The text agrees with the guest's page tables: its init_uts_ns, walked
 * from the first vCPU whose root maps it, reads "Linux" and OSRELEASE.
 * true (and nothing said) when no vCPU has paging on to ask.
 */
bool
vmci_check(struct machine *m, const u64 *roots, int nroots, char *why,
	   size_t n)
{
	const struct image_info *ii = m->img;
	const char *rel;
	struct walk w;
	struct error e;
	u8 buf[8 + 65 * 3];
	size_t len, k;
	u64 uts;
	int i;

	rel = vmcoreinfo_str(ii, "OSRELEASE", &len);
	if (!vmcoreinfo_u64(ii, "SYMBOL(init_uts_ns)", &uts) || rel == NULL) {
		snprintf(why, n, "it has no SYMBOL(init_uts_ns) to check "
			 "against the page tables");
		return nroots == 0;
	}
	for (i = 0; i < nroots; i++) {
		if (mmu_walk(&m->mmu, &m->phys, roots[i], uts, &w) != WF_NONE ||
		    phys_read(&m->phys, w.pa, buf, sizeof(buf), &e))
			continue;
		/* struct uts_namespace: the utsname first (6.x) or after a kref */
		for (k = 0; k <= 8; k += 4)
			if (!memcmp(buf + k, "Linux", 6) &&
			    len < 65 && !memcmp(buf + k + 130, rel, len) &&
			    buf[k + 130 + len] == 0)
				return true;
		snprintf(why, n, "its init_uts_ns (0x%llx) does not read "
			 "\"Linux\" and release %.*s under the vCPU's page "
			 "tables: a stale copy, or another kernel's",
			 (unsigned long long)uts, (int)MIN(len, 64), rel);
		return false;
	}
	if (nroots > 0) {
		snprintf(why, n, "its init_uts_ns (0x%llx) is not mapped by "
			 "the vCPU's page tables", (unsigned long long)uts);
		return false;
	}
	return true;
}
