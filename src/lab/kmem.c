// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Lab exercises on the kernel's own memory: 4 the 160 MiB experiment
 * (get_free_page, kmalloc, vmalloc), 5 vmalloc's scattered frames and its
 * guard page, 8 a slab cache filling up, 9 kmap and kmap_atomic, 10 the
 * regions of the 32-bit ARM kernel, 14 the vmalloc fault.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/dma.h"
#include "ptwalk/highmem.h"
#include "ptwalk/lab.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show_page.h"
#include "ptwalk/slab.h"
#include "ptwalk/vmalloc.h"

/* The caller vmalloc records for the 'vmalloc' command. */
#define VMALLOC_CALLER	"cmd_vmalloc"

static const char *
yes_no(bool v)
{
	return v ? "yes" : "no";
}

/* Are the frames of a vmalloc area consecutive?  How many runs? */
static unsigned
frame_runs(struct machine *m, const struct vm_struct *vm)
{
	unsigned i, runs = vm->nr_pages ? 1 : 0;

	for (i = 1; i < vm->nr_pages; i++)
		if (page_to_pfn(m, vm->pages[i]) !=
		    page_to_pfn(m, vm->pages[i - 1]) + 1)
			runs++;
	return runs;
}

static u64
vmalloc_traced(struct lab_sol *s, u64 size, struct vm_struct **vm,
	       struct error *e)
{
	u64 va;

	kt_begin(s->m);
	va = vmalloc(s->m, size, VMALLOC_CALLER, e);
	sol_trace_brief(s);
	*vm = va ? find_vm_area(s->m, va) : NULL;
	if (va && *vm == NULL) {
		error_set(e, -EINVAL, "no vm_struct at 0x%llx",
			  (unsigned long long)va);
		return 0;
	}
	return va;
}

/*
 * Exercise 4: the 160 MiB experiment
 *   p[0] the kmalloc size, p[1] the vmalloc size, p[2] pages of an
 *   earlier vmalloc area (0: none)
 */

static int
exp160_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	(void)m;
	(void)e;
	r->p[0] = lab_rand(r, 9, 4000);
	r->p[1] = lab_rand(r, 100000, 4000000);
	r->p[2] = lab_rand(r, 0, 64);
	return 0;
}

static int
exp160_setup(struct lab_run *r, struct machine *m, struct error *e)
{
	if (r->p[2] == 0)
		return 0;
	return vmalloc(m, r->p[2] * PAGE_SIZE, "lab_workload", e) ? 0 : -1;
}

/* The names of the kmalloc caches, smallest first. */
static void
kmalloc_names(struct machine *m, struct strbuf *sb)
{
	struct kmem_cache *c, *last = NULL;
	u64 size;

	for (size = 1; size <= KMALLOC_MAX_CACHE_SIZE; size++) {
		c = kmalloc_slab(m, size, GFP_KERNEL);
		if (c != NULL && c != last)
			sb_addf(sb, "%s%s", sb->len ? "," : "", c->name);
		last = c;
	}
}

static int
exp160_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	struct strbuf regions, caches;
	u64 k = r->p[0], v = r->p[1];
	int q;

	(void)e;
	sb_init(&regions);
	sb_init(&caches);
	lab_region_names(m, &regions);
	kmalloc_names(m, &caches);
	lab_intro(r, "The classic experiment on an i386 with 160M of RAM, all of "
		  "it lowmem: where do the kernel's three allocators put their "
		  "memory?  Run 'get_free_page', 'kmalloc %llu' and 'vmalloc "
		  "%llu' in that order, and compare the addresses with "
		  "'layout'.%s", (unsigned long long)k, (unsigned long long)v,
		  r->p[2] ? "  (A driver has already taken a vmalloc area: "
		  "'vmallocinfo' lists it.)" : "");
	q = lab_ask(r, LF_HEX, NULL, "'layout' gives high_memory: PAGE_OFFSET "
		    "+ the RAM the direct map holds", "high_memory on this "
		    "machine?");
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "VMALLOC_START = high_memory + 8M "
		    "(VMALLOC_OFFSET)", "VMALLOC_START?");
	lab_digits(r, q, 8);
	lab_ask(r, LF_WORD, regions.buf, "'layout' lists the regions with "
		"their ranges", "'get_free_page': which region does its "
		"address lie in?");
	q = lab_ask(r, LF_HEX, NULL, "the page is in the direct map: __pa = "
		    "va - PAGE_OFFSET", "And its physical address?");
	lab_digits(r, q, 8);
	lab_ask(r, LF_WORD, caches.buf, "kmalloc uses the smallest kmalloc "
		"cache whose objects hold the size", "'kmalloc %llu': which "
		"cache serves it?", (unsigned long long)k);
	lab_ask(r, LF_NUM, NULL, "the object is the cache's size: the rest "
		"of it is unused", "How many bytes of its object are unused?");
	lab_ask(r, LF_WORD, regions.buf, "slab objects live in the pages "
		"of their slab", "Which region does the kmalloc address lie "
		"in?");
	q = lab_ask(r, LF_HEX, NULL, "vmalloc takes the lowest free gap from "
		    "VMALLOC_START that holds the size and a guard page "
		    "('vmallocinfo')", "'vmalloc %llu': its address?",
		    (unsigned long long)v);
	lab_digits(r, q, 8);
	lab_ask(r, LF_NUM, NULL, "the size rounded up to whole pages",
		"How many pages does it map?");
	q = lab_ask(r, LF_HEX, NULL, "the guard page follows the last mapped "
		    "page", "The address of its guard page?");
	lab_digits(r, q, 8);
	lab_ask(r, LF_WORD, "yes,no", "vmalloc takes its pages one by one: "
		"'vmalloc' lists the runs of consecutive frames",
		"Are its frames physically contiguous?");
	sb_release(&regions);
	sb_release(&caches);
	return 0;
}

static int
exp160_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	const struct layout *L = &m->lay;
	u64 k = s->r->p[0], v = s->r->p[1], va, pa;
	struct kmem_cache *c;
	struct vm_struct *vm;
	unsigned runs;

	sol_step(s, "Step 1: the layout of 160M");
	sol_say(s, "all %s of RAM is below MAXMEM (896M): it is all lowmem, "
		"mapped at PAGE_OFFSET %s, so high_memory = %s + %s = %s",
		fsize(m->ram_size), fva(m, L->page_offset),
		fva(m, L->page_offset), fsize(L->lowmem_end),
		fva(m, L->high_memory));
	lab_want(s, 1, L->high_memory);
	lab_mistake(s, 1, 0xf8000000, "that is high_memory with 896M or more "
		    "of RAM; this machine has less");
	sol_say(s, "VMALLOC_START = high_memory + 8M = %s: the vmalloc area "
		"gets all the space above, up to VMALLOC_END %s",
		fva(m, L->vmalloc_start), fva(m, L->vmalloc_end));
	lab_want(s, 2, L->vmalloc_start);
	lab_mistake(s, 2, L->high_memory, "that is high_memory; the 8M gap "
		    "(VMALLOC_OFFSET) comes first");

	sol_step(s, "Step 2: get_free_page");
	kt_begin(m);
	va = __get_free_pages(m, GFP_KERNEL, 0, e);
	sol_trace(s);
	if (va == 0)
		return -1;
	if (machine_pa(m, va, &pa, e))
		return -1;
	sol_say(s, "%s in %s: a page of the buddy allocator, reached through "
		"the direct map; __pa = %s", fva(m, va), lab_region(m, va),
		fpa(m, pa));
	lab_want_word(s, 3, lab_region(m, va));
	lab_want(s, 4, pa);
	lab_mistake(s, 4, va, "that is the virtual address; __pa subtracts "
		    "PAGE_OFFSET");

	sol_step(s, "Step 3: kmalloc %llu", (unsigned long long)k);
	c = kmalloc_slab(m, k, GFP_KERNEL);
	if (c == NULL)
		return error_set(e, -EINVAL, "no kmalloc cache for %llu",
				 (unsigned long long)k);
	kt_begin(m);
	va = kmalloc(m, k, GFP_KERNEL, e);
	sol_trace(s);
	if (va == 0)
		return -1;
	sol_say(s, "%s from %s, whose objects are %u bytes: %llu of them are "
		"unused", fva(m, va), c->name, c->object_size,
		(unsigned long long)(c->object_size - k));
	sol_say(s, "a slab is a block of lowmem pages: the object is in %s too",
		lab_region(m, va));
	lab_want_word(s, 5, c->name);
	lab_want(s, 6, c->object_size - k);
	lab_want_word(s, 7, lab_region(m, va));

	sol_step(s, "Step 4: vmalloc %llu", (unsigned long long)v);
	va = vmalloc_traced(s, v, &vm, e);
	if (va == 0)
		return -1;
	runs = frame_runs(m, vm);
	sol_say(s, "%s: %s (%llu bytes rounded up), then the guard page "
		"at %s; %s of consecutive frames", fva(m, va),
		plural(vm->nr_pages, "page", NULL), (unsigned long long)v,
		fva(m, va + (u64)vm->nr_pages * PAGE_SIZE),
		plural(runs, "run", NULL));
	lab_want(s, 8, va);
	lab_want(s, 9, vm->nr_pages);
	lab_mistake(s, 9, v / PAGE_SIZE, "round up: the last, partial page "
		    "is mapped too");
	lab_want(s, 10, va + (u64)vm->nr_pages * PAGE_SIZE);
	lab_want_word(s, 11, yes_no(runs == 1));
	return 0;
}

const struct lab lab_exp160 = {
	.nr = 4,
	.title = "the 160 MiB experiment: get_free_page, kmalloc, vmalloc",
	.args = "--arch i386 --kernel 2.6 --mem 160M",
	.commands = "layout, get_free_page, kmalloc, vmalloc, vmallocinfo",
	.draw = exp160_draw,
	.setup = exp160_setup,
	.ask = exp160_ask,
	.solve = exp160_solve,
};

/*
 * Exercise 5: vmalloc's scattered frames and the guard page
 *   p[0] pages of the area, p[1] bytes short of the last page, p[2] p[3]
 *   two pages of it, p[4] the seed of the workload that fragmented
 *   HighMem, p[5] its pages
 */

static int
scatter_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	(void)m;
	(void)e;
	r->p[0] = lab_rand(r, 6, 40);
	r->p[1] = lab_rand(r, 0, 4095);
	r->p[2] = lab_rand(r, 0, r->p[0] / 2 - 1);
	r->p[3] = lab_rand(r, r->p[0] / 2, r->p[0] - 1);
	r->p[4] = lab_rand(r, 1, ~0ULL);
	r->p[5] = lab_rand(r, 64, 160);
	return 0;
}

/* A workload took highmem pages and gave back about half of them. */
static int
scatter_setup(struct lab_run *r, struct machine *m, struct error *e)
{
	struct lab_rng g = { r->p[4] };
	unsigned i, n = (unsigned)r->p[5];
	struct page **v = xcalloc(n, sizeof(*v));
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		v[i] = alloc_pages(m, GFP_HIGHUSER_MOVABLE, 0, e);
		if (v[i] == NULL)
			rc = -1;
	}
	for (i = 0; i < n && rc == 0; i++)
		if (lab_rng_range(&g, 0, 1) && __free_pages(m, v[i], 0, e))
			rc = -1;
	free(v);
	return rc;
}

static u64
scatter_size(const struct lab_run *r)
{
	return r->p[0] * PAGE_SIZE - r->p[1];
}

static int
scatter_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	u64 size = scatter_size(r);
	int q, w = m->arch->pa_digits - 3;

	(void)e;
	lab_intro(r, "vmalloc gives memory that is contiguous in virtual "
		  "addresses only: it maps pages it takes one at a time.  A "
		  "workload has taken pages of HighMem and given about half "
		  "of them back, so the free frames are scattered.  Run "
		  "'vmalloc %llu', find the frames behind its pages with "
		  "'walk' (or 'vmallocinfo' and 'vmalloc' itself), then read "
		  "its first byte with 'touch ADDR' (an access by the kernel: "
		  "it also brings the vmalloc mapping into the running "
		  "process's page directory, exercise 14; 'x/w ADDR' only "
		  "looks) and walk the first byte after the area.",
		  (unsigned long long)size);
	q = lab_ask(r, LF_HEX, NULL, "'vmalloc' prints it; from an empty "
		    "vmalloc area it is VMALLOC_START", "The area's address?");
	lab_digits(r, q, 8);
	lab_ask(r, LF_NUM, NULL, "the size rounded up to whole pages",
		"How many pages does it map?");
	q = lab_ask(r, LF_HEX, NULL, "walk ADDR + page * 4096: the frame's "
		    "pfn is its physical address >> 12", "The pfn behind page "
		    "%llu of the area (counting from 0)?",
		    (unsigned long long)r->p[2]);
	lab_digits(r, q, w);
	q = lab_ask(r, LF_HEX, NULL, "walk ADDR + page * 4096", "The pfn "
		    "behind page %llu?", (unsigned long long)r->p[3]);
	lab_digits(r, q, w);
	lab_ask(r, LF_NUM, NULL, "'vmalloc' counts the runs of consecutive "
		"pfns", "In how many runs of consecutive frames do its pages "
		"lie?");
	q = lab_ask(r, LF_HEX, NULL, "the guard page is the page after the "
		    "last one mapped", "The address of the first byte after "
		    "the area (its guard page)?");
	lab_digits(r, q, 8);
	lab_ask(r, LF_WORD, "pgd,p4d,pud,pmd,pte,none", "'walk' says at which "
		"level it is not present", "After 'touch ADDR': at which "
		"level does the walk of the guard page stop?");
	return 0;
}

static int
scatter_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	struct cpu *c = machine_cpu(m);
	u64 size = scatter_size(s->r), va, guard, pa;
	struct vm_struct *vm;
	struct walk w;
	unsigned i, runs;
	u32 word;
	int k;

	sol_step(s, "Step 1: vmalloc %llu", (unsigned long long)size);
	va = vmalloc_traced(s, size, &vm, e);
	if (va == 0)
		return -1;
	runs = frame_runs(m, vm);
	lab_want(s, 1, va);
	lab_want(s, 2, vm->nr_pages);
	lab_mistake(s, 2, size / PAGE_SIZE, "round up: the last, partial page "
		    "is mapped too");
	sol_say(s, "%s: %s in %s of consecutive frames", fva(m, va),
		plural(vm->nr_pages, "page", NULL), plural(runs, "run", NULL));
	lab_want(s, 5, runs);

	sol_step(s, "Step 2: touch %s", fva(m, va));
	kt_begin(m);
	if (machine_access(m, c, va, ACC_READ, &pa, e) ||
	    machine_read_virt(m, c, va, &word, sizeof(word), e)) {
		sol_trace(s);
		return -1;
	}
	sol_trace(s);
	sol_say(s, "%s is read at %s; its first word is 0x%08x (vmalloc does "
		"not clear the pages)", fva(m, va), fpa(m, pa), word);

	sol_step(s, "Step 3: the frames behind its pages");
	for (i = 0; i < vm->nr_pages; i++) {
		u64 pfn = page_to_pfn(m, vm->pages[i]);

		if (i == s->r->p[2] || i == s->r->p[3] || i == 0 ||
		    i + 1 == vm->nr_pages)
			sol_say(s, "page %u at %s -> pfn %s", i,
				fva(m, va + (u64)i * PAGE_SIZE), fpfn(m, pfn));
		if (i == s->r->p[2])
			lab_want(s, 3, pfn);
		if (i == s->r->p[3])
			lab_want(s, 4, pfn);
	}
	lab_mistake(s, 3, page_to_pfn(m, vm->pages[0]) + s->r->p[2], "the "
		    "frames are not consecutive: walk that page");
	lab_mistake(s, 4, page_to_pfn(m, vm->pages[0]) + s->r->p[3], "the "
		    "frames are not consecutive: walk that page");
	sol_say(s, "the pages are virtually contiguous; their frames are "
		"wherever the buddy allocator had free pages");

	sol_step(s, "Step 4: the guard page");
	guard = va + (u64)vm->nr_pages * PAGE_SIZE;
	machine_walk(m, c, guard, &w);
	sol_say(s, "%s is the page after the last mapped one; its %s entry is "
		"not present: %s", fva(m, guard),
		w.fault == WF_NONE ? "(mapped!)" :
		m->mmu.lv[w.fault_lvl].name, w.fault == WF_NONE ? "" :
		"an overrun of the area faults instead of corrupting the next "
		"one");
	sol_walk(s, guard);
	lab_want(s, 6, guard);
	lab_mistake(s, 6, va + size, "that is the byte after the size asked "
		    "for; the area ends at a page boundary");
	k = w.fault == WF_NONE ? -1 : w.fault_lvl;
	lab_want_word(s, 7, k < 0 ? "none" : m->mmu.lv[k].name);
	return 0;
}

const struct lab lab_scatter = {
	.nr = 5,
	.title = "vmalloc's scattered frames and the guard page",
	.args = "--arch i386 --kernel 2.6 --mem 1G",
	.commands = "vmalloc, vmallocinfo, walk, touch",
	.draw = scatter_draw,
	.setup = scatter_setup,
	.ask = scatter_ask,
	.solve = scatter_solve,
};

/*
 * Exercise 8: a slab cache filling up
 *   p[0] the kmalloc size, p[1] objects a workload holds
 */

static const unsigned slab_sizes[] = { 192, 256, 512, 1024, 2048, 4096 };

static int
slabfill_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	unsigned i = (unsigned)lab_rand(r, 0, ARRAY_SIZE(slab_sizes) - 1);
	unsigned lo = i ? slab_sizes[i - 1] + 1 : 129;
	struct kmem_cache *c;

	r->p[0] = lab_rand(r, lo, slab_sizes[i]);
	c = kmalloc_slab(m, r->p[0], GFP_KERNEL);
	if (c == NULL)
		return error_set(e, -EINVAL, "no kmalloc cache for %llu",
				 (unsigned long long)r->p[0]);
	r->p[1] = lab_rand(r, 1, 2 * slab_objects_per_slab(c) - 1);
	return 0;
}

static int
slabfill_setup(struct lab_run *r, struct machine *m, struct error *e)
{
	u64 i;

	for (i = 0; i < r->p[1]; i++)
		if (kmalloc(m, r->p[0], GFP_KERNEL, e) == 0)
			return -1;
	return 0;
}

static int
slabfill_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	struct strbuf caches;
	unsigned long long sz = r->p[0];
	int q;

	(void)e;
	sb_init(&caches);
	kmalloc_names(m, &caches);
	lab_intro(r, "SLUB cuts slabs, blocks of pages from the buddy "
		  "allocator, into objects of one size.  A workload holds some "
		  "objects of the cache that serves kmalloc(%llu).  Find the "
		  "cache and its geometry with 'slabinfo' and 'slab NAME', then "
		  "run 'kmalloc %llu' until one of them has to take a new slab "
		  "(its output says so), and free the object your first "
		  "kmalloc returned with 'kfree'.", sz, sz);
	lab_ask(r, LF_WORD, caches.buf, "the smallest kmalloc cache whose "
		"objects hold the size", "Which cache serves kmalloc(%llu)?",
		sz);
	lab_ask(r, LF_NUM, NULL, "'slabinfo': objperslab", "How many objects "
		"does one of its slabs hold?");
	lab_ask(r, LF_NUM, NULL, "'slabinfo': pagesperslab", "How many pages "
		"is one of its slabs?");
	lab_ask(r, LF_NUM, NULL, "'slab NAME' lists the slabs: the cpu0 line "
		"says how many of its objects are in use", "How many objects of "
		"cpu0's slab of that cache are in use now?");
	lab_ask(r, LF_NUM, NULL, "the CPU slab's free objects go first, then "
		"the node's partial slabs; only then a new slab", "How many "
		"'kmalloc %llu' until one takes a new slab (that one "
		"included)?", sz);
	q = lab_ask(r, LF_HEX, NULL, "the first object of a new slab is at "
		    "the start of its first page", "The address that kmalloc "
		    "returned?");
	lab_digits(r, q, 8);
	lab_ask(r, LF_WORD, "cpu,partial,full", "'slab NAME' lists the CPU "
		"slab, the partial list and the full slabs", "Where is the "
		"slab that kmalloc left: the CPU's slab, on the partial list, "
		"or full?");
	lab_ask(r, LF_WORD, "cpu,partial,full,freed", "a full slab that gets "
		"a free object back goes on its node's partial list",
		"After 'kfree' of your first object: where is its slab?");
	sb_release(&caches);
	return 0;
}

static const char *
where_name(struct machine *m, struct page *slab)
{
	static const char *const n[] = {
		[SLAB_CPU] = "cpu", [SLAB_PARTIAL] = "partial",
		[SLAB_FULL] = "full",
	};
	int cpu;

	if (page_slab_cache(slab) == NULL)
		return "freed";
	return n[slab_where(m, slab, &cpu)];
}

static int
slabfill_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	u64 sz = s->r->p[0], first = 0, va = 0;
	struct kmem_cache *c = kmalloc_slab(m, sz, GFP_KERNEL);
	struct slab_obj_info before, info, fi;
	struct page *cpuslab;
	struct slabinfo si;
	unsigned n = 0;

	if (c == NULL)
		return error_set(e, -EINVAL, "no kmalloc cache for %llu",
				 (unsigned long long)sz);
	get_slabinfo(m, c, &si);
	cpuslab = c->cpu_slab[m->cur].slab;
	sol_step(s, "Step 1: the cache");
	sol_say(s, "kmalloc(%llu) is served by %s: %s of %u bytes per slab of "
		"%s; %s", (unsigned long long)sz, c->name,
		plural(si.objperslab, "object", NULL), si.objsize,
		plural(si.pagesperslab, "page", NULL),
		plural(si.num_slabs, "slab", NULL));
	lab_want_word(s, 1, c->name);
	lab_want(s, 2, si.objperslab);
	lab_want(s, 3, si.pagesperslab);
	lab_mistake(s, 3, si.objperslab, "that is the objects per slab");
	sol_say(s, "cpu0's slab: %u of %u objects in use; %lu partial slab%s "
		"on node 0", cpuslab ? slab_inuse(cpuslab) : 0, si.objperslab,
		c->node[0]->nr_partial, c->node[0]->nr_partial == 1 ? "" :
		"s");
	lab_want(s, 4, cpuslab ? slab_inuse(cpuslab) : 0);
	lab_mistake(s, 4, si.active_objs, "that is slabinfo's active_objs, "
		    "which counts the free objects of the CPU slabs as active "
		    "(as SLUB does): look at the cpu0 line of 'slab NAME'");

	sol_step(s, "Step 2: kmalloc %llu until a new slab", (unsigned long long)sz);
	memset(&before, 0, sizeof(before));
	for (;;) {
		unsigned long slabs = si.num_slabs;

		kt_begin(m);
		va = kmalloc(m, sz, GFP_KERNEL, e);
		if (va == 0) {
			sol_trace(s);
			return -1;
		}
		n++;
		if (first == 0)
			first = va;
		get_slabinfo(m, c, &si);
		if (si.num_slabs > slabs) {
			sol_say(s, "kmalloc number %u returns %s:", n, fva(m, va));
			sol_trace(s);
			break;
		}
		kt_end(m);
		if (n > 4 * MAX_OBJS_PER_PAGE)
			return error_set(e, -EINVAL, "no new slab");
		if (slab_lookup(m, va, &before) == 0 && n <= 3)
			sol_say(s, "kmalloc number %u returns %s, object %ld "
				"of the slab at pfn %s (%u of %u in use)", n,
				fva(m, va), before.index, fpfn(m, before.pfn),
				before.inuse, before.objects);
	}
	if (n > 4)
		sol_say(s, "... and so on until the slab is full");
	lab_want(s, 5, n);
	lab_want(s, 6, va);
	if (slab_lookup(m, va, &info))
		return error_set(e, -EINVAL, "%llx is in no slab",
				 (unsigned long long)va);
	sol_say(s, "the new slab at pfn %s (%s) becomes the CPU's slab",
		fpfn(m, info.pfn), fva(m, info.slab_va));
	if (slab_lookup(m, first, &fi))
		return error_set(e, -EINVAL, "%llx is in no slab",
				 (unsigned long long)first);
	if (n > 1 && fi.page != info.page) {
		sol_say(s, "the slab it replaced, pfn %s, is %s", fpfn(m, fi.pfn),
			where_name(m, fi.page));
		lab_want_word(s, 7, where_name(m, fi.page));
	} else {
		/* the very first kmalloc took the new slab */
		struct page *prev = before.page;

		sol_say(s, "the workload's last slab was already full");
		lab_want_word(s, 7, prev ? where_name(m, prev) : "full");
	}

	sol_step(s, "Step 3: kfree %s (your first kmalloc)", fva(m, first));
	kt_begin(m);
	if (kfree(m, first, e)) {
		sol_trace(s);
		return -1;
	}
	sol_trace(s);
	sol_say(s, "its slab at pfn %s is now %s", fpfn(m, fi.pfn),
		where_name(m, fi.page));
	lab_want_word(s, 8, where_name(m, fi.page));
	return 0;
}

const struct lab lab_slabfill = {
	.nr = 8,
	.title = "slab: fill a kmalloc cache until it takes a new slab",
	.args = "--arch i386 --kernel 2.6 --mem 1G",
	.commands = "slabinfo, slab, kmalloc, kfree",
	.draw = slabfill_draw,
	.setup = slabfill_setup,
	.ask = slabfill_ask,
	.solve = slabfill_solve,
};

/*
 * Exercise 9: kmap until the caller would sleep; kmap_atomic
 *   p[0] pkmap slots left after the workload, p[1] the workload's seed,
 *   p[2] the CPU of kmap_atomic
 */

static int
kmap_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	if (!highmem_configured(m))
		return error_set(e, -EINVAL, "exercise 9 needs highmem");
	r->p[0] = lab_rand(r, 2, 6);
	r->p[1] = lab_rand(r, 1, ~0ULL);
	r->p[2] = lab_rand(r, 0, (u64)m->ncpus - 1);
	return 0;
}

/* Every pkmap slot kmapped, then p[0] of them kunmapped at random. */
static int
kmap_setup(struct lab_run *r, struct machine *m, struct error *e)
{
	struct highmem_state *hm = highmem_of(m);
	unsigned n = hm->last_pkmap, i, left = (unsigned)r->p[0];
	struct page **pg = xcalloc(n, sizeof(*pg));
	struct lab_rng g = { r->p[1] };
	int rc = 0, slot;

	for (i = 0; i < n && rc == 0; i++) {
		pg[i] = alloc_pages(m, GFP_HIGHUSER, 0, e);
		if (pg[i] == NULL || kmap(m, pg[i], &slot, e) == 0)
			rc = -1;
	}
	while (rc == 0 && left > 0) {
		i = (unsigned)lab_rng_range(&g, 0, n - 1);
		if (pg[i] == NULL)
			continue;
		if (kunmap(m, pg[i], e))
			rc = -1;
		pg[i] = NULL;
		left--;
	}
	free(pg);
	return rc;
}

static int
kmap_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	unsigned cpu = (unsigned)r->p[2];
	int q;

	(void)e;
	(void)m;
	lab_intro(r, "kmap() maps a highmem page into one of LAST_PKMAP "
		  "slots at PKMAP_BASE, for as long as the caller likes; when "
		  "no slot is free the caller sleeps until someone's kunmap.  "
		  "A driver holds all the slots but a few.  Take highmem pages "
		  "with 'alloc_pages GFP_HIGHUSER 0' and 'kmap' them one after "
		  "the other until kmap says the caller would sleep.  Then try "
		  "'kmap' on a lowmem page ('get_free_page' gives one).  Last, "
		  "'kmap_atomic' your first page on cpu%u twice, and on the other "
		  "CPU, and try to 'kunmap_atomic' the first of the two cpu%u "
		  "mappings.", cpu, cpu);
	lab_ask(r, LF_NUM, NULL, "'layout' gives LAST_PKMAP", "How many "
		"pkmap slots are there?");
	q = lab_ask(r, LF_HEX, NULL, "kmap prints the address: PKMAP_BASE + "
		    "slot * 4K", "The address kmap gives your first page?");
	lab_digits(r, q, 8);
	lab_ask(r, LF_NUM, NULL, "count the kmaps that worked before one "
		"would sleep", "How many of your pages got a slot?");
	lab_ask(r, LF_WORD, "sleep,fail,oops,evict", "kmap never fails: it "
		"waits on pkmap_map_wait", "What does the kernel's caller of "
		"kmap do when no slot is free?");
	lab_ask(r, LF_WORD, "yes,no", "a lowmem page is always in the direct "
		"map", "Does kmap of a lowmem page take a pkmap slot?");
	q = lab_ask(r, LF_HEX, NULL, "fix_to_virt(FIX_KMAP_BEGIN + idx), idx = "
		    "depth + KM_MAX_IDX * cpu", "'kmap_atomic PAGE %u' of "
		    "your first page: its address?", cpu);
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "the next slot of the same CPU's stack: "
		    "fixmap indices grow downwards in addresses",
		    "Again on cpu%u (nested): its address?", cpu);
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "each CPU has its own stack of "
		    "KM_MAX_IDX slots", "On cpu%u: its address?",
		    cpu ? 0 : 1);
	lab_digits(r, q, 8);
	lab_ask(r, LF_WORD, "yes,no", "the slots are a stack: the last "
		"mapped goes first", "May the first of the two cpu%u mappings "
		"be unmapped first?", cpu);
	return 0;
}

static int
kmap_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	struct highmem_state *hm = highmem_of(m);
	int cpu = (int)s->r->p[2], other = cpu ? 0 : 1, slot, idx, n = 0;
	struct page *first = NULL, *pg;
	struct error why;
	u64 va, a1, a2, a3, low;

	sol_step(s, "Step 1: the pkmap window");
	sol_say(s, "LAST_PKMAP %u slots from PKMAP_BASE %s", hm->last_pkmap,
		fva(m, m->lay.pkmap_base));
	lab_want(s, 1, hm->last_pkmap);

	sol_step(s, "Step 2: kmap until the caller would sleep");
	for (;;) {
		pg = alloc_pages(m, GFP_HIGHUSER, 0, e);
		if (pg == NULL)
			return -1;
		error_clear(&why);
		kt_begin(m);
		va = kmap(m, pg, &slot, &why);
		if (va == 0) {
			sol_trace(s);
			sol_say(s, "kmap of pfn %s: %s", fpfn(m, page_to_pfn(m, pg)),
				why.msg);
			break;
		}
		kt_end(m);
		if (first == NULL) {
			first = pg;
			lab_want(s, 2, va);
		}
		n++;
		sol_say(s, "kmap of pfn %s = %s (slot %d)",
			fpfn(m, page_to_pfn(m, pg)), fva(m, va), slot);
		if (n > (int)hm->last_pkmap)
			return error_set(e, -EINVAL, "kmap never runs out");
	}
	lab_want(s, 3, (u64)n);
	lab_want_word(s, 4, "sleep");
	lab_mistake_word(s, 4, "fail", "kmap cannot fail: its caller sleeps "
			 "on pkmap_map_wait until a slot is released");

	sol_step(s, "Step 3: kmap of a lowmem page");
	low = __get_free_pages(m, GFP_KERNEL, 0, e);
	if (low == 0)
		return -1;
	pg = virt_to_page(m, low, e);
	if (pg == NULL)
		return -1;
	va = kmap(m, pg, &slot, e);
	sol_say(s, "kmap(%s) = %s: %s", fva(m, low), fva(m, va), slot < 0 ?
		"page_address(), no slot" : "a slot");
	lab_want_word(s, 5, yes_no(slot >= 0));

	sol_step(s, "Step 4: kmap_atomic");
	a1 = kmap_atomic(m, first, cpu, &idx, e);
	if (a1 == 0)
		return -1;
	sol_say(s, "cpu%d, depth 0: idx %d, %s", cpu, idx, fva(m, a1));
	a2 = kmap_atomic(m, first, cpu, &idx, e);
	if (a2 == 0)
		return -1;
	sol_say(s, "cpu%d, depth 1: idx %d, %s (one page lower)", cpu, idx,
		fva(m, a2));
	a3 = kmap_atomic(m, first, other, &idx, e);
	if (a3 == 0)
		return -1;
	sol_say(s, "cpu%d, depth 0: idx %d, %s", other, idx, fva(m, a3));
	lab_want(s, 6, a1);
	lab_want(s, 7, a2);
	lab_mistake(s, 7, a1 + PAGE_SIZE, "fixmap indices count down from "
		    "FIXADDR_TOP: the next slot is one page lower");
	lab_want(s, 8, a3);
	error_clear(&why);
	if (kunmap_atomic(m, a1, &why) == 0) {
		sol_say(s, "kunmap_atomic(%s) is allowed", fva(m, a1));
		lab_want_word(s, 9, "yes");
	} else {
		sol_say(s, "kunmap_atomic(%s): %s", fva(m, a1), why.msg);
		lab_want_word(s, 9, "no");
	}
	return 0;
}

const struct lab lab_kmap = {
	.nr = 9,
	.title = "kmap until the caller would sleep; kmap_atomic's slots",
	.args = "--arch i386 --kernel 2.6 --mem 1G",
	.commands = "alloc_pages, kmap, get_free_page, kmap_atomic, "
		    "kunmap_atomic, layout",
	.draw = kmap_draw,
	.setup = kmap_setup,
	.ask = kmap_ask,
	.solve = kmap_solve,
};

/*
 * Exercise 10: the regions of the 32-bit ARM kernel
 *   p[0] RAM, p[1] p[2] the sizes of two DMA buffers, p[3] p[4] two
 *   kernel addresses
 */

static const u64 arm_rams[] = { 256 * MiB, 512 * MiB, 768 * MiB, 1 * GiB };

static void
arm_machine(struct lab_run *r)
{
	r->p[0] = arm_rams[lab_rand(r, 0, ARRAY_SIZE(arm_rams) - 1)];
	r->mo.mem = r->p[0];
}

/* An address in a region of the kernel's half that is not a gap. */
static u64
kernel_region_addr(struct lab_run *r, struct machine *m, int not)
{
	int idx[32], n = 0, i;
	const struct region *g;

	for (i = 0; i < m->nregions && n < 32; i++)
		if (m->regions[i].start >= m->lay.modules_vaddr &&
		    strcmp(m->regions[i].name, "gap") && i != not)
			idx[n++] = i;
	i = n ? idx[lab_rand(r, 0, (u64)n - 1)] : 0;
	g = &m->regions[i];
	return lab_rand(r, g->start, g->end - 1);
}

static int
region_index(const struct machine *m, u64 va)
{
	int i;

	for (i = 0; i < m->nregions; i++)
		if (va >= m->regions[i].start && va < m->regions[i].end)
			return i;
	return -1;
}

static int
arm_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	(void)e;
	r->p[1] = lab_rand(r, 1, 64 * KiB);
	r->p[2] = lab_rand(r, 1, 64 * KiB);
	r->p[3] = kernel_region_addr(r, m, -1);
	r->p[4] = kernel_region_addr(r, m, region_index(m, r->p[3]));
	return 0;
}

static int
arm_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	struct strbuf regions;
	int q;

	(void)e;
	sb_init(&regions);
	lab_region_names(m, &regions);
	lab_intro(r, "The 32-bit ARM kernel (Linux 3.4) on a machine with %s "
		  "of RAM at PHYS_OFFSET %s.  Its address space is cut into "
		  "regions unlike x86's: the modules and the kmap window below "
		  "PAGE_OFFSET, the DMA consistent area and the vector page "
		  "near the top.  Read 'layout', take two coherent DMA buffers "
		  "with 'dma_alloc_coherent %llu' then 'dma_alloc_coherent %llu', "
		  "and walk the vector page at 0xffff0000.", fsize(m->ram_size),
		  fpa(m, m->ram_start), (unsigned long long)r->p[1],
		  (unsigned long long)r->p[2]);
	lab_ask(r, LF_NUM, NULL, "count the regions 'layout' lists that are "
		"not gaps", "How many regions that are not gaps does 'layout' "
		"list?");
	q = lab_ask(r, LF_HEX, NULL, "PAGE_OFFSET + the lowmem the direct map "
		    "holds ('layout')", "high_memory?");
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "high_memory + 8M, rounded down to 8M",
		    "VMALLOC_START?");
	lab_digits(r, q, 8);
	lab_ask(r, LF_WORD, regions.buf, "'layout' lists the regions with "
		"their ranges", "Which region holds %s?", fva(m, r->p[3]));
	lab_ask(r, LF_WORD, regions.buf, "'layout' lists the regions with "
		"their ranges", "Which region holds %s?", fva(m, r->p[4]));
	q = lab_ask(r, LF_HEX, NULL, "coherent buffers are handed out from "
		    "the top of the consistent area down",
		    "'dma_alloc_coherent %llu': its address?",
		    (unsigned long long)r->p[1]);
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "the device sees the pages' physical "
		    "address", "Its dma_handle, the address the device uses?");
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "below the first buffer",
		    "'dma_alloc_coherent %llu': its address?",
		    (unsigned long long)r->p[2]);
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "'walk 0xffff0000'", "The physical "
		    "address of the vector page?");
	lab_digits(r, q, 8);
	sb_release(&regions);
	return 0;
}

static int
arm_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	const struct layout *L = &m->lay;
	struct dma_buf *b1, *b2;
	struct walk w;
	int i, n = 0;

	sol_step(s, "Step 1: the regions");
	for (i = 0; i < m->nregions; i++) {
		const struct region *r = &m->regions[i];

		if (!strcmp(r->name, "gap"))
			continue;
		n++;
		sol_say(s, "%-15s %s-%s", r->name, fva(m, r->start),
			fva(m, r->end - 1));
	}
	sol_say(s, "%d regions besides the gaps", n);
	lab_want(s, 1, (u64)n);
	sol_say(s, "high_memory = PAGE_OFFSET + lowmem %s = %s; VMALLOC_START "
		"= %s", fsize(L->lowmem_end), fva(m, L->high_memory),
		fva(m, L->vmalloc_start));
	lab_want(s, 2, L->high_memory);
	lab_want(s, 3, L->vmalloc_start);
	lab_mistake(s, 3, L->high_memory + 8 * MiB, "then rounded down to a "
		    "multiple of 8M");
	sol_say(s, "%s is in %s, %s in %s", fva(m, s->r->p[3]),
		lab_region(m, s->r->p[3]), fva(m, s->r->p[4]),
		lab_region(m, s->r->p[4]));
	lab_want_word(s, 4, lab_region(m, s->r->p[3]));
	lab_want_word(s, 5, lab_region(m, s->r->p[4]));

	sol_step(s, "Step 2: two coherent DMA buffers");
	kt_begin(m);
	b1 = dma_alloc_coherent(m, s->r->p[1], DMA_BIT_MASK(32), e);
	sol_trace(s);
	if (b1 == NULL)
		return -1;
	sol_say(s, "%llu bytes: %s, dma_handle %s", (unsigned long long)
		s->r->p[1], fva(m, b1->cpu_addr), fpa(m, b1->dma_handle));
	lab_want(s, 6, b1->cpu_addr);
	lab_want(s, 7, b1->dma_handle);
	lab_mistake(s, 7, b1->cpu_addr, "that is the CPU's address; the "
		    "device uses the physical one");
	kt_begin(m);
	b2 = dma_alloc_coherent(m, s->r->p[2], DMA_BIT_MASK(32), e);
	sol_trace(s);
	if (b2 == NULL)
		return -1;
	sol_say(s, "%llu bytes: %s, right below the first",
		(unsigned long long)s->r->p[2], fva(m, b2->cpu_addr));
	lab_want(s, 8, b2->cpu_addr);

	sol_step(s, "Step 3: the vector page");
	if (machine_walk(m, machine_cpu(m), L->vectors, &w) != WF_NONE)
		return error_set(e, -EFAULT, "the vector page is not mapped");
	sol_walk(s, L->vectors);
	sol_say(s, "%s -> %s", fva(m, L->vectors), fpa(m, w.pa));
	lab_want(s, 9, w.pa);
	return 0;
}

const struct lab lab_armregions = {
	.nr = 10,
	.title = "the regions of 32-bit ARM, DMA from the top, the vectors",
	.args = "--arch arm",
	.commands = "layout, dma_alloc_coherent, walk",
	.machine = arm_machine,
	.machine_text = "arm, 256M-1G RAM",
	.draw = arm_draw,
	.ask = arm_ask,
	.solve = arm_solve,
};

/*
 * Exercise 14: the vmalloc fault
 *   p[0] pages of a vmalloc area made before the lab (0: none), p[1]
 *   whether pid 1 read that area (its pgd then has the entry), p[2] the
 *   student's vmalloc size, p[3] the page of it read
 */

static int
vfault_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	(void)m;
	(void)e;
	r->p[0] = lab_rand(r, 0, 1536);
	r->p[1] = lab_rand(r, 0, 1);
	r->p[2] = lab_rand(r, 2 * PAGE_SIZE, 2 * MiB);
	r->p[3] = lab_rand(r, 0, (r->p[2] - 1) / PAGE_SIZE);
	return 0;
}

static int
vfault_setup(struct lab_run *r, struct machine *m, struct error *e)
{
	u64 va, pa;

	if (r->p[0] == 0)
		return 0;
	va = vmalloc(m, r->p[0] * PAGE_SIZE, "lab_workload", e);
	if (va == 0)
		return -1;
	/* the kernel, running pid 1, reads it: the vmalloc fault syncs */
	if (r->p[1] && machine_access(m, machine_cpu(m),
				      va + (r->p[0] - 1) * PAGE_SIZE,
				      ACC_READ, &pa, e))
		return -1;
	return 0;
}

static int
vfault_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	unsigned long long sz = r->p[2], pg = r->p[3];
	int q;

	(void)e;
	(void)m;
	lab_intro(r, "Every process's page directory holds a copy of the "
		  "kernel's part of swapper_pg_dir, made when the process was "
		  "created.  On 2-level i386 a vmalloc that needs a new page "
		  "table adds an entry to swapper_pg_dir only: processes that "
		  "already exist learn of it at their first fault there, the "
		  "vmalloc fault.  pid 1 runs on cpu0 (cr3 is its pgd).  Run "
		  "'vmalloc %llu', look at its pgd entry in pid 1's pgd ('xp/w "
		  "$cr3 + INDEX*4') and in swapper_pg_dir ('x/w swapper_pg_dir "
		  "+ INDEX*4'), read its page %llu with 'touch ADDR + "
		  "%llu*4096' (the kernel reading it on pid 1's behalf; 'x/w' "
		  "would only look, through swapper_pg_dir), look at pid 1's "
		  "entry again, then 'fork' and look at the child's pgd.%s", sz,
		  pg, pg, r->p[0] ? "  (A driver has already taken a vmalloc "
		  "area: 'vmallocinfo' lists it.)" : "");
	q = lab_ask(r, LF_HEX, NULL, "'vmalloc' prints it", "The area's "
		    "address?");
	lab_digits(r, q, 8);
	lab_ask(r, LF_NUM, NULL, "bits 31:22 of the address", "The index of "
		"the pgd entry of page %llu of the area?", pg);
	q = lab_ask(r, LF_HEX, NULL, "xp/w $cr3 + index * 4", "pid 1's pgd "
		    "entry for it, before the read?");
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "x/w swapper_pg_dir + index * 4 (the "
		    "kernel's own page directory)", "swapper_pg_dir's entry for "
		    "it?");
	lab_digits(r, q, 8);
	lab_ask(r, LF_WORD, "vmalloc_fault,do_anonymous_page,no_context,none",
		"'touch' shows the fault handler's steps, if there is a fault",
		"What in the page-fault handler makes the read work (none: "
		"there is no fault)?");
	q = lab_ask(r, LF_HEX, NULL, "xp/w $cr3 + index * 4 again", "pid 1's "
		    "entry after the read?");
	lab_digits(r, q, 8);
	lab_ask(r, LF_WORD, "yes,no", "'fork' shows pgd_alloc copying the "
		"kernel half from swapper_pg_dir", "Does the child's pgd have "
		"the entry at once?");
	return 0;
}

static u64
pgd_entry(struct machine *m, u64 root, u64 va)
{
	const struct pt_level *L = &m->mmu.lv[LVL_PGD];
	u64 v = 0;

	phys_read_entry(&m->phys, root + ((va >> L->shift) &
					  ((1ULL << L->bits) - 1)) * L->esize,
			L->esize, &v);
	return v;
}

static int
vfault_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	struct cpu *c = machine_cpu(m);
	struct task_struct *t = current_task(m), *child;
	const struct pt_level *L = &m->mmu.lv[LVL_PGD];
	u64 sz = s->r->p[2], va, a, pa, before, after, sw, ch;
	struct vm_struct *vm;
	u32 word;

	if (t == NULL)
		return error_set(e, -ESRCH, "no process on cpu0");
	sol_step(s, "Step 1: vmalloc %llu", (unsigned long long)sz);
	va = vmalloc_traced(s, sz, &vm, e);
	if (va == 0)
		return -1;
	lab_want(s, 1, va);
	a = va + s->r->p[3] * PAGE_SIZE;
	sol_say(s, "page %llu of it is at %s, pgd index %llu",
		(unsigned long long)s->r->p[3], fva(m, a),
		(unsigned long long)(a >> L->shift));
	lab_want(s, 2, a >> L->shift);
	lab_mistake(s, 2, va >> L->shift, "that is the index of the area's "
		    "first page: the page asked for may be in the next 4M");

	sol_step(s, "Step 2: the two page directories");
	before = pgd_entry(m, c->root[0], a);
	sw = pgd_entry(m, m->swapper_pg_dir, a);
	sol_say(s, "pid 1's pgd (cr3 %s): entry %s; swapper_pg_dir (%s): "
		"entry %s", fpa(m, c->root[0]), fentry(m, LVL_PGD, before),
		fpa(m, m->swapper_pg_dir), fentry(m, LVL_PGD, sw));
	lab_want(s, 3, before);
	lab_mistake(s, 3, sw, "that is swapper_pg_dir's entry; pid 1's own "
		    "page directory is at cr3");
	lab_want(s, 4, sw);
	lab_mistake(s, 4, before, "that is pid 1's entry; swapper_pg_dir is "
		    "the kernel's own page directory");

	sol_step(s, "Step 3: touch %s", fva(m, a));
	kt_begin(m);
	if (machine_access(m, c, a, ACC_READ, &pa, e) ||
	    machine_read_virt(m, c, a, &word, sizeof(word), e)) {
		sol_trace(s);
		return -1;
	}
	sol_trace(s);
	after = pgd_entry(m, c->root[0], a);
	if (after != before) {
		sol_say(s, "the walk found pid 1's pgd entry empty: the fault "
			"handler's vmalloc_fault copied swapper_pg_dir's entry "
			"%s into it, and the read was retried",
			fentry(m, LVL_PGD, after));
		lab_want_word(s, 5, "vmalloc_fault");
	} else {
		sol_say(s, "pid 1's pgd already had the entry (an earlier "
			"vmalloc fault in the same 4M copied it): no fault");
		lab_want_word(s, 5, "none");
	}
	lab_want(s, 6, after);

	sol_step(s, "Step 4: fork");
	kt_begin(m);
	if (do_fork(m, t, &child, e)) {
		sol_trace(s);
		return -1;
	}
	sol_trace(s);
	ch = pgd_entry(m, child->mm->pgd, a);
	sol_say(s, "pid %d's pgd %s: entry %s: pgd_alloc copied the kernel "
		"half of swapper_pg_dir, which has it", child->pid,
		fpa(m, child->mm->pgd), fentry(m, LVL_PGD, ch));
	lab_want_word(s, 7, yes_no(ch == sw && ch != 0));
	return 0;
}

const struct lab lab_vfault = {
	.nr = 14,
	.title = "the vmalloc fault: a process older than a vmalloc",
	.args = "--arch i386 --kernel 2.6 --mem 1G",
	.commands = "vmalloc, xp/w, x/w, touch, fork",
	.draw = vfault_draw,
	.setup = vfault_setup,
	.ask = vfault_ask,
	.solve = vfault_solve,
};
