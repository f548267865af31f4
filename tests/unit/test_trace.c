// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The kernel's trace: an event is recorded only while the trace is on (its
 * fields are not even computed otherwise), strings are the event's own
 * copies, a buffer with a cap counts what it did not keep, and the
 * renderers word each event as the commands show it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/machine.h"
#include "ptwalk/mm.h"
#include "ptwalk/trace_print.h"

static struct machine *
bare_with(const char *arch, unsigned features)
{
	struct error e;
	struct machine *m = machine_new_bare(arch_find(arch), features, 2, &e);

	if (m == NULL)
		fail_msg("machine %s: %s", arch, e.msg);
	return m;
}

static struct machine *
bare(const char *arch)
{
	return bare_with(arch, F_PSE | F_PGE | F_NX);
}

static int computed;

static unsigned
field(unsigned v)
{
	computed++;
	return v;
}

/* the line event i of m's trace says */
static const char *
line(struct machine *m, int i)
{
	static struct strbuf sb;

	if (sb.buf == NULL)
		sb_init(&sb);
	sb_reset(&sb);
	trace_print(&sb, m, &m->kt.ev[i]);
	return sb.buf;
}

static void
test_off_computes_nothing(void **state)
{
	struct machine *m = bare("i386");

	(void)state;
	computed = 0;
	trace_event(m, flush_tlb_mm, .asid = field(3));
	assert_int_equal(computed, 0);
	assert_int_equal(m->kt.n, 0);
	kt_begin(m);
	trace_event(m, flush_tlb_mm, .asid = field(3));
	assert_int_equal(computed, 1);
	assert_int_equal(m->kt.n, 1);
	assert_int_equal(m->kt.ev[0].id, TE_flush_tlb_mm);
	assert_int_equal(m->kt.ev[0].f.flush_tlb_mm.asid, 3);
	assert_string_equal(line(m, 0),
			    "flush_tlb_mm: every non-global entry of asid 3");
	kt_end(m);
	assert_false(m->kt.on);
	assert_int_equal(m->kt.n, 0);
	machine_free(m);
}

static void
test_strings_are_copies(void **state)
{
	struct machine *m = bare("i386");
	char path[] = "/lib/ld.so";

	(void)state;
	kt_begin(m);
	trace_event(m, load_elf_interp, .path = trace_str(m, path));
	trace_event(m, load_elf_interp, .path = trace_str(m, NULL));
	path[1] = 'X';
	assert_string_equal(line(m, 0), "load_elf_interp: /lib/ld.so");
	assert_string_equal(line(m, 1), "load_elf_interp: ");
	kt_end(m);
	machine_free(m);
}

/* Strings of every size, every one intact, across resets. */
static void
test_many_strings(void **state)
{
	struct trace_buf tb = { .on = true };
	char big[10000], name[32];
	const char *p[300];
	int round, i;

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	for (round = 0; round < 3; round++) {
		for (i = 0; i < 300; i++) {
			snprintf(name, sizeof(name), "file-%d-%d", round, i);
			p[i] = trace_strdup(&tb, i == 150 ? big : name);
		}
		for (i = 0; i < 300; i++) {
			snprintf(name, sizeof(name), "file-%d-%d", round, i);
			assert_string_equal(p[i], i == 150 ? big : name);
		}
		if (round == 1)
			trace_release(&tb);
		else
			trace_reset(&tb);
	}
	trace_release(&tb);
}

/* A buffer keeping at most max events (SLUB's) counts the rest. */
static void
test_cap_and_reset(void **state)
{
	struct trace_buf tb = { .on = true, .max = 2 };
	int i;

	(void)state;
	for (i = 0; i < 5; i++)
		trace_record(&tb, flush_tlb_mm, .asid = (unsigned)i);
	assert_int_equal(tb.n, 2);
	assert_int_equal(tb.lost, 3);
	assert_int_equal(tb.ev[1].f.flush_tlb_mm.asid, 1);
	trace_reset(&tb);
	assert_int_equal(tb.n, 0);
	assert_int_equal(tb.lost, 0);
	assert_non_null(tb.ev);		/* kept for the next call */
	assert_true(tb.on);
	trace_release(&tb);
	assert_null(tb.ev);
	assert_false(tb.on);
}

static void
test_words(void **state)
{
	struct machine *m = bare("x86_64");

	(void)state;
	kt_begin(m);
	trace_event(m, flush_tlb_range, .start = 0x1000, .end = 0x3000,
		    .pages = 2, .asid = 1);
	trace_event(m, flush_tlb_range, .start = 0, .end = 0x100000,
		    .pages = 256, .asid = 1, .ceiling = 33, .full = true);
	trace_event(m, buddy_merge, .order = 1, .buddy_pfn = 0x100a,
		    .pfn = 0x1008);
	trace_event(m, expand, .order = 3, .pfn = 0x1008, .upper_pfn = 0x100c);
	trace_event(m, free_pgtables, .lvl = LVL_PTE, .parent = LVL_PMD,
		    .table = 0x5000, .start = 0x400000, .end = 0x800000,
		    .first = 2, .last = 3);
	trace_event(m, do_mmap, .start = 0x7f0000000000,
		    .end = 0x7f0000002000,
		    .flags = VM_READ | VM_WRITE | VM_MAYSHARE | VM_SHARED,
		    .file = true, .placed = MMAP_HINT_TAKEN);
	trace_event(m, page_fault, .addr = 0x406000, .code = 0x6,
		    .acc = ACC_WRITE | ACC_USER);
	trace_event(m, set_pte_at, .epa = 0x3055030, .old = 0,
		    .pte.val = 0x8000000003058067ULL,
		    .why = SETPTE_MKWRITE_MKDIRTY);
	assert_string_equal(line(m, 0), "flush_tlb_range 0x1000-0x3000: 2 "
			    "pages of asid 1");
	assert_string_equal(line(m, 1), "flush_tlb_range 0x0-0x100000: 256 "
			    "pages > ceiling 33: every entry of asid 1");
	assert_string_equal(line(m, 2), "buddy of order 1 at pfn 0x100a (pfn ^ "
			    "0x2) is free: merged into order 2 at pfn 0x1008");
	assert_string_equal(line(m, 3), "expand: split order 3 at pfn 0x1008; "
			    "upper half pfn 0x100c (order 2) to free_area[2]");
	assert_string_equal(line(m, 4), "free_pgtables: pte table at "
			    "0x000000005000 (for 0x0000000000400000-"
			    "0x0000000000800000) freed, pmd[2..3] cleared");
	assert_string_equal(line(m, 5), "do_mmap: 0x00007f0000000000-"
			    "0x00007f0000002000 rw-s file, placed top-down "
			    "(the hint was taken)");
	assert_string_equal(line(m, 6), "#PF: cr2=0x0000000000406000 "
			    "error_code=0x6 (P=0 not present, W=1 write, U=1 "
			    "user mode)");
	assert_string_equal(line(m, 7), "set_pte_at: pte at 0x000003055030: "
			    "0x0000000000000000 -> 0x8000000003058067 (P RW US "
			    "A D NX): pte_mkwrite(pte_mkdirty())");
	kt_end(m);
	machine_free(m);
}

/* The line of the CPU's fault report code at addr, as the arch decodes it. */
static const char *
fault_line(struct machine *m, u64 addr, u64 code, unsigned acc)
{
	kt_begin(m);
	trace_event(m, page_fault, .addr = addr, .code = code, .acc = acc);
	return line(m, 0);
}

/* Each family's fault report reads as the CPU's manual names its bits. */
static void
test_fault_reports(void **state)
{
	struct machine *m = bare("x86_64");

	(void)state;
	assert_string_equal(fault_line(m, 0x406000, 0xd, ACC_READ | ACC_USER),
			    "#PF: cr2=0x0000000000406000 error_code=0xd (P=1 "
			    "protection violation, W=0 read, U=1 user mode, "
			    "RSVD=1 reserved bit)");
	assert_string_equal(fault_line(m, 0x406000, 0x15,
				       ACC_EXEC | ACC_USER),
			    "#PF: cr2=0x0000000000406000 error_code=0x15 (P=1 "
			    "protection violation, W=0 read, U=1 user mode, "
			    "I=1 instruction fetch)");
	machine_free(m);

	m = bare("arm");
	assert_string_equal(fault_line(m, 0x10074, 0x7, ACC_EXEC | ACC_USER),
			    "prefetch abort: IFAR=0x00010074 IFSR=0x7 "
			    "(translation fault, page, user mode)");
	assert_string_equal(fault_line(m, 0xc0800000, 0x80d, ACC_WRITE),
			    "data abort: FAR=0xc0800000 FSR=0x80d (permission "
			    "fault, section, WnR=1 write, kernel mode)");
	machine_free(m);

	m = bare("arm64");
	assert_string_equal(fault_line(m, 0xffff800008000000ULL, 0x8600000b,
				       ACC_EXEC),
			    "instruction abort: FAR=0xffff800008000000 "
			    "ESR=0x8600000b (access flag fault, level 3, from "
			    "EL1)");
	assert_string_equal(fault_line(m, 0x400000, 0x9200004e,
				       ACC_WRITE | ACC_USER),
			    "data abort: FAR=0x0000000000400000 ESR=0x9200004e "
			    "(permission fault, level 2, WnR=1 write, from "
			    "EL0)");
	kt_end(m);
	machine_free(m);
}

/* switch_mm of mm on cpu0, through the arch's context code */
static void
switch_mm(struct machine *m, void *st, struct mm_struct *mm)
{
	m->arch->mm->context->switch_mm(m, st, &m->cpu[0], mm);
}

/*
 * ARM ASIDs: when all 255 are used a rollover starts generation 2; an mm
 * of the old generation keeps its ASID when nobody took it since.
 */
static void
test_asid_rollover(void **state)
{
	struct machine *m = bare("arm");
	const struct arch_context *ac = m->arch->mm->context;
	static struct mm_struct mm[257];
	void *st = ac->init(m);
	int i;

	(void)state;
	for (i = 0; i < 257; i++)
		mm[i] = (struct mm_struct){ .pgd = 0x100000 + 0x4000 * (u64)i };
	for (i = 0; i < 255; i++)
		switch_mm(m, st, &mm[i]);
	kt_begin(m);
	switch_mm(m, st, &mm[255]);
	assert_int_equal(m->kt.n, 2);
	assert_string_equal(line(m, 0), "new_context: all 255 ASIDs used: "
			    "rollover to generation 2, every CPU's TLB "
			    "flushed");
	assert_string_equal(line(m, 1), "cpu0: TTBR0 <- 0x004fc000, "
			    "CONTEXTIDR.ASID 1: user entries are tagged (nG), "
			    "kernel entries global");
	kt_begin(m);
	switch_mm(m, st, &mm[1]);
	assert_string_equal(line(m, 0), "new_context: ASID 2 kept for a new "
			    "generation");
	kt_begin(m);
	switch_mm(m, st, &mm[1]);
	assert_string_equal(line(m, 0), "cpu0: check_and_switch_context: "
			    "ASID 2 is of the current generation: no flush");
	kt_end(m);
	ac->release(st);
	machine_free(m);
}

/* x86 PCIDs: a seventh mm takes the slot of the first, whose entries go. */
static void
test_pcid_reuse(void **state)
{
	struct machine *m = bare_with("x86_64", F_PSE | F_PGE | F_NX | F_PCID);
	const struct arch_context *ac = m->arch->mm->context;
	struct mm_struct mm[7];
	void *st = ac->init(m);
	int i;

	(void)state;
	for (i = 0; i < 7; i++)
		mm[i] = (struct mm_struct){ .pgd = 0x200000 + 0x1000 * (u64)i,
					    .ctx_id = (u64)i + 1,
					    .tlb_gen = 1 };
	for (i = 0; i < 6; i++)
		switch_mm(m, st, &mm[i]);
	kt_begin(m);
	switch_mm(m, st, &mm[6]);
	assert_string_equal(line(m, 0), "cpu0: choose_new_asid: no slot holds "
			    "this mm; reuse ASID 0 (PCID 1) of ctx_id 1");
	assert_string_equal(line(m, 1), "cpu0: CR3 <- 0x000000206000 | PCID 1: "
			    "that PCID's entries flushed");
	kt_begin(m);
	switch_mm(m, st, &mm[1]);
	assert_string_equal(line(m, 0), "cpu0: choose_new_asid: ASID 1 (PCID 2) "
			    "still holds ctx_id 2: its TLB entries are still "
			    "good");
	assert_string_equal(line(m, 1), "cpu0: CR3 <- 0x000000201000 | PCID 2 "
			    "| NOFLUSH (bit 63): no flush");
	kt_end(m);
	ac->release(st);
	machine_free(m);
}

/* the line of cpu i switching to mm: choose_new_asid's verdict */
static const char *
switch_on(struct machine *m, void *st, int i, struct mm_struct *mm)
{
	kt_begin(m);
	m->arch->mm->context->switch_mm(m, st, &m->cpu[i], mm);
	return line(m, 0);
}

/*
 * x86 PCIDs: a flush of an mm brings up to date the slots of the CPUs
 * running it (cpu_tlbstate.loaded_mm), not those that only keep its PCID:
 * they flush when they switch back to it.
 */
static void
test_pcid_flush_running(void **state)
{
	struct machine *m = bare_with("x86_64", F_PSE | F_PGE | F_NX | F_PCID);
	const struct arch_context *ac = m->arch->mm->context;
	struct mm_struct a = { .pgd = 0x200000, .ctx_id = 1, .tlb_gen = 1 };
	struct mm_struct b = { .pgd = 0x201000, .ctx_id = 2, .tlb_gen = 1 };
	void *st = ac->init(m);

	(void)state;
	switch_on(m, st, 0, &a);
	switch_on(m, st, 0, &b);
	switch_on(m, st, 1, &a);
	a.tlb_gen++;
	ac->flush_tlb_mm(m, st, &a);
	assert_string_equal(switch_on(m, st, 0, &a), "cpu0: choose_new_asid: "
			    "ASID 0 (PCID 1) still holds ctx_id 1, but its "
			    "tlb_gen is old");
	switch_on(m, st, 1, &b);
	assert_string_equal(switch_on(m, st, 1, &a), "cpu1: choose_new_asid: "
			    "ASID 0 (PCID 1) still holds ctx_id 1: its TLB "
			    "entries are still good");
	kt_begin(m);
	ac->leave_mm(m, st, &m->cpu[1]);
	a.tlb_gen++;
	ac->flush_tlb_mm(m, st, &a);
	assert_string_equal(switch_on(m, st, 1, &a), "cpu1: choose_new_asid: "
			    "ASID 0 (PCID 1) still holds ctx_id 1, but its "
			    "tlb_gen is old");
	kt_end(m);
	ac->release(st);
	machine_free(m);
}

/* The pieces of each arch's words, put together by the generic printers. */
static void
test_arch_words(void **state)
{
	struct machine *m = bare("i386-pae");

	(void)state;
	kt_begin(m);
	trace_event(m, load_root, .cpu = 1, .pgd = 0x1234000, .dropped = 7,
		    .kept = 3);
	trace_event(m, switch_to_idle, .cpu = 0, .how = IDLE_TAG0);
	trace_event(m, switch_to_idle, .cpu = 0, .how = IDLE_FLUSH);
	trace_event(m, pgd_prepopulate_pmd, .pmds = 3);
	assert_string_equal(line(m, 0), "cpu1: CR3 <- 0x001234000: without "
			    "PCID a CR3 write flushes every non-global TLB "
			    "entry (7 dropped, 3 global kept)");
	assert_string_equal(line(m, 1), "cpu0: idle: CR3 <- swapper_pg_dir "
			    "(PCID 0)");
	assert_string_equal(line(m, 2), "cpu0: idle: CR3 <- swapper_pg_dir: "
			    "non-global TLB entries flushed");
	assert_string_equal(line(m, 3), "pgd_alloc: PAE: 3 user pmds "
			    "preallocated (PDPTEs are loaded with CR3); the "
			    "kernel pmd is shared (SHARED_KERNEL_PMD)");
	kt_end(m);
	machine_free(m);

	m = bare("arm");
	kt_begin(m);
	trace_event(m, switch_to_idle, .cpu = 1, .how = IDLE_ROOT,
		    .reserved = true);
	trace_event(m, dma_alloc_remap, .start = 0xffc00000,
		    .end = 0xffe00000, .va = 0xffdff000, .align = 0x1000,
		    .ptes = 1);
	assert_string_equal(line(m, 0), "cpu1: idle: TTBR0 <- reserved_pg_dir "
			    "(no user mappings)");
	assert_string_equal(line(m, 1), "__dma_alloc_remap: arm_vmregion_alloc "
			    "from the top of 0xffc00000-0xffe00000: 0xffdff000 "
			    "(align 0x1000); 1 PTEs in consistent_pte");
	kt_end(m);
	machine_free(m);

	m = bare("arm64");
	kt_begin(m);
	trace_event(m, load_root, .cpu = 0, .pgd = 0x41000000, .tagged = true,
		    .tag = 5);
	trace_event(m, pgd_alloc, .pgd = 0x41000000, .first = 512,
		    .user_only = true);
	trace_event(m, switch_to_idle, .cpu = 0, .how = IDLE_ROOT);
	assert_string_equal(line(m, 0), "cpu0: TTBR0 <- 0x000041000000 (the "
			    "user tables), ASID 5 in TTBR1[63:48] "
			    "(TCR_EL1.A1): user entries are tagged, kernel "
			    "entries global");
	assert_string_equal(line(m, 1), "pgd_alloc: pgd at 0x000041000000, 512 "
			    "empty entries: TTBR0 maps user space only, the "
			    "kernel is in TTBR1");
	assert_string_equal(line(m, 2), "cpu0: idle: TTBR0 <- swapper_pg_dir");
	kt_end(m);
	machine_free(m);

	m = bare("riscv64");
	kt_begin(m);
	trace_event(m, load_root, .cpu = 0, .pgd = 0x81000000, .tagged = true,
		    .tag = 5);
	trace_event(m, page_fault, .addr = 0x10000, .code = 15,
		    .acc = ACC_WRITE | ACC_USER);
	trace_event(m, page_fault, .addr = 0x13000, .code = 12,
		    .acc = ACC_EXEC | ACC_USER);
	trace_event(m, page_fault, .addr = 0x13000, .code = 13,
		    .acc = ACC_READ);
	assert_string_equal(line(m, 0), "cpu0: SATP <- 0x00000081000000, ASID 5 "
			    "in satp.ASID: user entries are tagged, kernel "
			    "entries global (G)");
	assert_string_equal(line(m, 1), "store/AMO page fault: "
			    "stval=0x0000000000010000 scause=0xf (15: store or "
			    "AMO)");
	assert_string_equal(line(m, 2), "instruction page fault: "
			    "stval=0x0000000000013000 scause=0xc (12: fetch)");
	assert_string_equal(line(m, 3), "load page fault: "
			    "stval=0x0000000000013000 scause=0xd (13: load)");
	kt_end(m);
	machine_free(m);
}

/*
 * Every arch of the list says its fault reports: a kind for every access
 * (the last for any), a field word for any code, the address's $NAME.
 */
static void
test_arch_words_complete(void **state)
{
	int i;

	(void)state;
	for (i = 0; arch_list[i] != NULL; i++) {
		const struct arch_words *w = arch_list[i]->words;
		const struct fault_kind *k;
		const struct fault_word *fw;

		assert_non_null(w);
		assert_non_null(w->fault_addr);
		assert_non_null(w->fault_kinds);
		for (k = w->fault_kinds; k[1].name != NULL; k++)
			;
		assert_int_equal(k->acc_mask, 0);
		assert_non_null(k->addr_reg);
		assert_non_null(k->code_reg);
		assert_non_null(w->fault_words);
		for (fw = w->fault_words; fw->word != NULL; fw++)
			if (fw[1].word != NULL)
				assert_true(fw[1].field >= fw->field);
	}
}

static void
test_every_kind_named(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; i < TE_NR; i++) {
		assert_non_null(trace_name((enum trace_id)i));
		assert_true(trace_name((enum trace_id)i)[0] != 0);
		for (j = 0; j < i; j++)
			assert_string_not_equal(trace_name((enum trace_id)i),
						trace_name((enum trace_id)j));
	}
	assert_string_equal(trace_name(TE_flush_tlb_mm), "flush_tlb_mm");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_off_computes_nothing),
		cmocka_unit_test(test_strings_are_copies),
		cmocka_unit_test(test_many_strings),
		cmocka_unit_test(test_cap_and_reset),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_fault_reports),
		cmocka_unit_test(test_asid_rollover),
		cmocka_unit_test(test_pcid_reuse),
		cmocka_unit_test(test_pcid_flush_running),
		cmocka_unit_test(test_arch_words),
		cmocka_unit_test(test_arch_words_complete),
		cmocka_unit_test(test_every_kind_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
