// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What the kernel's process model records, in words: address-space
 * switches, VMAs, exec, fork and exit.
 */
#include "trace_print.h"

/*
 * Address-space switches
 */

TRACE_PRINTF(switch_to_running, "cpu%d: pid %d is already running here",
	     e->cpu, e->pid)

TRACE_PRINTF(switch_mm_same, "cpu%d: same mm: switch_mm does nothing", e->cpu)

TRACE_PRINTF(load_new_mm_cr3, "cpu%d: CR3 <- %s: without PCID a CR3 write "
	     "flushes every non-global TLB entry (%u dropped, %u global kept)",
	     e->cpu, fpa(m, e->pgd), e->dropped, e->kept)

TRACE_PRINT(choose_new_asid)
{
	(void)m;
	sb_addf(sb, "cpu%d: choose_new_asid: ", e->cpu);
	switch (e->how) {
	case ASID_REUSED:
		sb_addf(sb, "no slot holds this mm; reuse ASID %u (PCID %u) of "
			"ctx_id %llu", e->asid, e->asid + 1, ull(e->ctx_id));
		break;
	case ASID_CURRENT:
	case ASID_STALE:
		sb_addf(sb, "ASID %u (PCID %u) still holds ctx_id %llu%s",
			e->asid, e->asid + 1, ull(e->ctx_id),
			e->how == ASID_STALE ? ", but its tlb_gen is old" :
			": its TLB entries are still good");
		break;
	default:
		sb_addf(sb, "ASID %u (PCID %u) for ctx_id %llu", e->asid,
			e->asid + 1, ull(e->ctx_id));
		break;
	}
}

TRACE_PRINTF(load_new_mm_cr3_pcid, "cpu%d: CR3 <- %s | PCID %u%s", e->cpu,
	     fpa(m, e->pgd), e->pcid, e->flush ?
	     ": that PCID's entries flushed" : " | NOFLUSH (bit 63): no flush")

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

TRACE_PRINT(cpu_switch_mm)
{
	if (e->split_roots)
		sb_addf(sb, "cpu%d: TTBR0 <- %s (the user tables), ASID %u in "
			"TTBR1[63:48] (TCR_EL1.A1): user entries are tagged, "
			"kernel entries global", e->cpu, fpa(m, e->pgd),
			e->asid);
	else
		sb_addf(sb, "cpu%d: TTBR0 <- %s, CONTEXTIDR.ASID %u: user "
			"entries are tagged (nG), kernel entries global",
			e->cpu, fpa(m, e->pgd), e->asid);
}

TRACE_PRINT(switch_to_idle)
{
	(void)m;
	switch (e->how) {
	case IDLE_ASID:
		sb_addf(sb, "cpu%d: idle: TTBR0 <- %s", e->cpu, e->reserved ?
			"reserved_pg_dir (no user mappings)" :
			"swapper_pg_dir");
		break;
	case IDLE_PCID:
		sb_addf(sb, "cpu%d: idle: CR3 <- swapper_pg_dir (PCID 0)",
			e->cpu);
		break;
	case IDLE_FLUSH:
		sb_addf(sb, "cpu%d: idle: CR3 <- swapper_pg_dir: non-global "
			"TLB entries flushed", e->cpu);
		break;
	}
}
