// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What the kernel's process model records, in words: address-space
 * switches, VMAs, exec, fork and exit.
 */
#include <string.h>

#include "ptwalk/elf.h"
#include "ptwalk/mm.h"
#include "trace_print.h"

/*
 * Address-space switches
 */

TRACE_PRINTF(switch_to_running, "cpu%d: pid %d is already running here",
	     e->cpu, e->pid)

TRACE_PRINTF(switch_mm_same, "cpu%d: same mm: switch_mm does nothing", e->cpu)

TRACE_PRINT(choose_new_asid)
{
	sb_addf(sb, "cpu%d: choose_new_asid: ", e->cpu);
	switch (e->how) {
	case ASID_REUSED:
		sb_addf(sb, "no slot holds this mm; reuse ASID %u (%s %u) of "
			"ctx_id %llu", e->asid, tag_name(m, false), e->tag,
			ull(e->ctx_id));
		break;
	case ASID_CURRENT:
	case ASID_STALE:
		sb_addf(sb, "ASID %u (%s %u) still holds ctx_id %llu%s",
			e->asid, tag_name(m, false), e->tag, ull(e->ctx_id),
			e->how == ASID_STALE ? ", but its tlb_gen is old" :
			": its TLB entries are still good");
		break;
	default:
		sb_addf(sb, "ASID %u (%s %u) for ctx_id %llu", e->asid,
			tag_name(m, false), e->tag, ull(e->ctx_id));
		break;
	}
}

TRACE_PRINT(new_context)
{
	(void)m;
	if (e->how == ASID_KEPT)
		sb_addf(sb, "new_context: ASID %llu kept for a new generation",
			ull(e->asid));
	else if (e->how == ASID_ROLLOVER)
		sb_addf(sb, "new_context: all %llu ASIDs used: rollover to "
			"generation %llu, every CPU's TLB flushed",
			ull(e->asid), ull(e->generation));
	else
		sb_addf(sb, "new_context: ASID %llu of generation %llu",
			ull(e->asid), ull(e->generation));
}

TRACE_PRINTF(check_and_switch_context, "cpu%d: check_and_switch_context: "
	     "ASID %u is of the current generation: no flush", e->cpu, e->asid)

/*
 * "cpuN: ROOT <- PGD" then the arch's words of the load: untagged, or the
 * tag with its number and whether its entries were flushed.
 */
TRACE_PRINT(load_root)
{
	const struct arch_words *w = m->arch->words;

	sb_addf(sb, "cpu%d: ", e->cpu);
	print_reg(sb, m->arch->root_name[0]);
	sb_addf(sb, " <- %s%s", fpa(m, e->pgd),
		m->mmu.split_roots ? WORD(w->split_note) : "");
	if (!e->tagged)
		sb_addf(sb, "%s (%u dropped, %u global kept)",
			WORD(w->untagged), e->dropped, e->kept);
	else
		sb_addf(sb, "%s%u%s%s", WORD(w->tag), e->tag,
			WORD(w->tag_note),
			WORD(e->flush ? w->flush : w->noflush));
}

TRACE_PRINT(pti_user_return)
{
	sb_addf(sb, "cpu%d: PTI: the entry to the kernel and the return to "
		"user mode load ", e->cpu);
	print_reg(sb, m->arch->root_name[0]);
	sb_addf(sb, " (the kernel pgd, then the user pgd %s), untagged: %u "
		"non-global TLB entries dropped, %u global kept",
		fpa(m, e->pgd), e->dropped, e->kept);
}

TRACE_PRINT(switch_to_idle)
{
	sb_addf(sb, "cpu%d: idle: ", e->cpu);
	print_reg(sb, m->arch->root_name[0]);
	sb_addf(sb, " <- %s", e->reserved ?
		"reserved_pg_dir (no user mappings)" : "swapper_pg_dir");
	if (e->how == IDLE_TAG0)
		sb_addf(sb, " (%s 0)", tag_name(m, false));
	else if (e->how == IDLE_FLUSH)
		sb_adds(sb, ": non-global TLB entries flushed");
}

/*
 * VMAs
 */

static const char *const mmap_placed[] = {
	[MMAP_FIXED] = "at the fixed address",
	[MMAP_HINT] = "at the hint",
	[MMAP_HINT_TAKEN] = "top-down (the hint was taken)",
	[MMAP_TOPDOWN] = "top-down below mmap_base",
};

TRACE_PRINTF(do_mmap, "do_mmap: %s-%s %s%s, placed %s", fva(m, e->start),
	     fva(m, e->end), vm_flags_rwxp(e->flags),
	     e->file ? " file" : " anonymous", mmap_placed[e->placed])

TRACE_PRINTF(mmap_region, "mmap_region: new VMA %s-%s %s%s%s",
	     fva(m, e->start), fva(m, e->end), vm_flags_rwxp(e->flags),
	     e->file ? " " : " anonymous", e->path)

TRACE_PRINTF(vma_merge, "vma_merge: %s-%s %s joins %s-%s into one VMA",
	     fva(m, e->start), fva(m, e->end), vm_flags_rwxp(e->flags),
	     fva(m, e->prev_start), fva(m, e->prev_end))

TRACE_PRINTF(split_vma, "split_vma: %s-%s %s at %s", fva(m, e->start),
	     fva(m, e->end), vm_flags_rwxp(e->flags), fva(m, e->addr))

TRACE_PRINTF(do_munmap, "do_munmap: remove VMA %s-%s %s%s%s",
	     fva(m, e->start), fva(m, e->end), vm_flags_rwxp(e->flags),
	     e->file ? " " : "", e->path)

TRACE_PRINTF(do_munmap_none, "do_munmap: nothing mapped in %s-%s",
	     fva(m, e->start), fva(m, e->end))

TRACE_PRINTF(mprotect_fixup, "mprotect_fixup: %s-%s %s -> %s",
	     fva(m, e->start), fva(m, e->end), vm_flags_rwxp(e->flags),
	     vm_flags_rwxp(e->newflags))

TRACE_PRINT(do_brk_flags)
{
	if (e->grow)
		sb_addf(sb, "do_brk_flags: grow VMA %s-%s to %s",
			fva(m, e->start), fva(m, e->end), fva(m, e->new_end));
	else
		sb_addf(sb, "do_brk_flags: new anonymous VMA %s-%s %s",
			fva(m, e->start), fva(m, e->end),
			vm_flags_rwxp(e->flags));
}

TRACE_PRINT(brk)
{
	switch (e->how) {
	case BRK_SAME_PAGE:
		sb_addf(sb, "brk: %s -> %s, same page: no VMA change",
			fva(m, e->old), fva(m, e->brk));
		break;
	case BRK_SHRINK:
		sb_addf(sb, "brk: shrink %s -> %s: unmap %s-%s",
			fva(m, e->old), fva(m, e->brk), fva(m, e->start),
			fva(m, e->end));
		break;
	case BRK_GROW:
		sb_addf(sb, "brk: grow %s -> %s: anonymous memory %s-%s",
			fva(m, e->old), fva(m, e->brk), fva(m, e->start),
			fva(m, e->end));
		break;
	}
}

TRACE_PRINTF(expand_stack, "expand_stack: vm_start %s -> %s (stack now %s, "
	     "RLIMIT_STACK %s)", fva(m, e->old_start), fva(m, e->start),
	     fsize(e->size), fsize(e->rlimit))

/*
 * exec
 */

TRACE_PRINTF(exec, "exec %s: pid %d, %s %s", e->path, e->pid,
	     elf_type_name(e->type), elf_machine_name(e->machine))

TRACE_PRINT(interp_unusable)
{
	const char *err = strerrorname_np(e->err);

	(void)m;
	if (e->bad_elf)
		sb_addf(sb, "interpreter %s is not usable: %s; it is not "
			"mapped (Linux would fail the exec with %s), the entry "
			"is the program's own", e->interp, e->why,
			err ? err : "an error");
	else
		sb_addf(sb, "interpreter %s: %s; it is not mapped (Linux would "
			"fail the exec with %s), the entry is the program's "
			"own", e->interp, e->why, err ? err : "an error");
}

TRACE_PRINTF(exec_mm_alloc, "mm_alloc: TASK_SIZE %s, STACK_TOP %s, mmap_base "
	     "%s (STACK_TOP - 128M: RLIMIT_STACK 8M + the 1M stack guard gap, "
	     "at least 128M)", fva(m, e->task_size), fva(m, e->stack_top),
	     fva(m, e->mmap_base))

TRACE_PRINTF(setup_arg_pages, "setup_arg_pages: stack VMA %s-%s (the argument "
	     "pages + stack_expand 128K), VM_GROWSDOWN%s", fva(m, e->start),
	     fva(m, e->end), e->exec_stack ? ", executable (no PT_GNU_STACK "
	     "or PF_X in it)" : "")

TRACE_PRINT(load_bias)
{
	if (e->layout)
		sb_addf(sb, "a PIE: load_bias %s, where the layout of exec "
			"--layout puts it", fva(m, e->base));
	else if (e->interp)
		sb_addf(sb, "a PIE with an interpreter: load_bias from "
			"ELF_ET_DYN_BASE %s, aligned to %#llx",
			fva(m, e->base), ull(e->align));
	else
		sb_adds(sb, "ET_DYN without an interpreter (a static PIE or a "
			"loader): placed like an mmap, below mmap_base");
}

TRACE_PRINTF(elf_map, "elf_map PT_LOAD %d: %s file %#llx+%#llx at %s, memsz "
	     "%#llx", e->phdr, (e->prot & PROT_WRITE) ? "rw" :
	     (e->prot & PROT_EXEC) ? "rx" : "r", ull(e->offset),
	     ull(e->filesz), fva(m, e->addr), ull(e->memsz))

TRACE_PRINTF(set_brk, "set_brk: bss pages %s-%s become anonymous memory "
	     "(vm_brk_flags)", fva(m, e->start), fva(m, e->end))

TRACE_PRINTF(padzero, "padzero: clear_user(%s, %llu): the file bytes after "
	     "the data are the bss's start", fva(m, e->addr), ull(e->len))

TRACE_PRINTF(load_elf_interp, "load_elf_interp: %s", e->path)

TRACE_PRINTF(create_elf_tables, "create_elf_tables: argc %d, argv %s, envp "
	     "%s, auxv %s (%d entries) and AT_RANDOM/AT_PLATFORM data; sp = %s",
	     e->argc, fva(m, e->argv), fva(m, e->envp), fva(m, e->auxv),
	     e->nauxv, fva(m, e->sp))

TRACE_PRINTF(start_thread, "start_thread: pc %s, sp %s; brk %s",
	     fva(m, e->pc), fva(m, e->sp), fva(m, e->brk))

/*
 * fork and exit
 */

TRACE_PRINTF(copy_process, "copy_process: pid %d (%s), a child of pid %d",
	     e->pid, e->comm, e->ppid)

TRACE_PRINTF(copy_page_range, "copy_page_range %s-%s: %s copied, %llu made "
	     "read-only in both (copy-on-write)%s%s", fva(m, e->start),
	     fva(m, e->end), plural(e->copied, "PTE", NULL),
	     ull(e->wrprotected), e->zero ? ", zero-page PTEs shared" : "",
	     e->nopage ? ", PTEs of pfns without a struct page copied as they "
	     "are (print_bad_pte)" : "")

TRACE_PRINTF(dup_mmap, "dup_mmap: %s; file VMAs without anonymous pages are "
	     "not copied: the child faults them in from the page cache",
	     plural((u64)e->vmas, "VMA", NULL))

TRACE_PRINTF(do_exit, "do_exit: pid %d (%s): exit_mm releases its address "
	     "space", e->pid, e->comm)

/*
 * A debugger's read
 */

TRACE_PRINT(peek)
{
	sb_addf(sb, "%s-%s: ", fva(m, e->start), fva(m, e->end));
	switch (e->how) {
	case PEEK_MAPPED:
		break;
	case PEEK_ACCESS_FLAG:
		sb_adds(sb, "mapped with the access flag clear: read without "
			"setting it");
		break;
	case PEEK_OLD:
		sb_adds(sb, "mapped by Linux's PTE, old: read without making "
			"it young");
		break;
	case PEEK_SWAPPER:
		sb_adds(sb, "not in this address space's tables yet: read "
			"through swapper_pg_dir (init_mm), which a vmalloc "
			"fault would copy the entry from");
		break;
	case PEEK_ANON:
		sb_adds(sb, "not faulted in yet: anonymous memory reads as "
			"zeros (a first read maps the zero page); left "
			"unmapped");
		break;
	case PEEK_PAGE_CACHE:
		sb_addf(sb, "not faulted in yet: read from the page cache of "
			"%s; left unmapped", e->path);
		break;
	case PEEK_FILE:
		sb_addf(sb, "not faulted in yet: read from %s, not cached; "
			"left unmapped", e->path);
		break;
	case PEEK_PROT_NONE:
	case PEEK_HIDDEN:
		sb_addf(sb, "a %s page, present to Linux though not to the "
			"MMU: read as a debugger may (FOLL_FORCE)",
			e->how == PEEK_PROT_NONE ? "PROT_NONE" : "hidden");
		break;
	}
}
