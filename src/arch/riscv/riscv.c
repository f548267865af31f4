// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * riscv: page-based virtual memory of the privileged architecture (4.3
 * Sv32, 4.4 Sv39, 4.5 Sv48, 4.6 Sv57), with Svpbmt's memory types (PBMT,
 * bits 62:61), Svnapot's 64K naturally aligned pages (N, bit 63), and A/D
 * either as Svade (a clear A, or a clear D on a store, faults and the
 * kernel sets them) or as Svadu (the walker sets them).  A PTE is a
 * pointer when R = W = X = 0, else a leaf at any level (a superpage above
 * level 0, whose low PPN bits must be zero).  Linux's software bits and
 * protections as in arch/riscv/include/asm/pgtable-bits.h of 6.1.
 * Layouts and boot tables in init.c.
 */
#include <elf.h>
#include <string.h>

#include "ptwalk/machine.h"
#include "riscv.h"

u64
riscv_pte_ppn_mask(const struct mmu *mmu)
{
	return mmu->lv[LVL_PTE].esize == 4 ? RV_PPN32 : RV_PPN64;
}

/* The physical address a PTE's PPN gives. */
static inline u64
pte_pa(u64 e, u64 ppn_mask)
{
	return (e & ppn_mask) << (PAGE_SHIFT - RV_PPN_SHIFT);
}

/* The spec's level number (0 at the leaf end) of a Linux level. */
static unsigned
hwlvl(const struct mmu *mmu, int lvl)
{
	unsigned i, k = 0;

	for (i = 0; i < mmu->nwalk; i++)
		if (mmu->walk[i] == lvl)
			k = mmu->nwalk - 1 - i;
	return k;
}

/*
 * Decoding
 */

/*
 * The rights of a leaf, by its R W X U bits and whether a store may go
 * (W, and D set or Svadu).  U pages: user access; the kernel reads and
 * writes them only with sstatus.SUM (uaccess) and never executes them.
 */
#define LP_(r, w, x, u) ((u16)((u) ? \
	(((r) ? P_UR | P_KR : 0) | ((w) ? P_UW | P_KW : 0) | ((x) ? P_UX : 0)) : \
	(((r) ? P_KR : 0) | ((w) ? P_KW : 0) | ((x) ? P_KX : 0))))
#define LP4_(w, x, u) LP_(0, w, x, u), LP_(1, w, x, u)
#define LP8_(x, u) LP4_(0, x, u), LP4_(1, x, u)
#define LP16_(u) LP8_(0, u), LP8_(1, u)
/* indexed by bits 4:1 (U X W R) */
static const u16 perm_lut[16] = { LP16_(0), LP16_(1) };
#undef LP_
#undef LP4_
#undef LP8_
#undef LP16_

static inline u16
leaf_perm(const struct mmu *mmu, u64 e)
{
	u64 idx = (e >> 1) & 15;

	/* under Svade a store to a clean page faults */
	if (!(e & RV_D) && !(mmu->features & F_SVADU))
		idx &= ~2ULL;
	return perm_lut[idx];
}

static inline u32
leaf_attr(u64 e)
{
	u32 a = 0;

	if (e & RV_G)
		a |= P_GLOBAL;
	if (e & RV_A)
		a |= P_YOUNG;
	if (e & RV_D)
		a |= P_DIRTY;
	if (unlikely(e & (RV_PBMT | RV_SPECIAL))) {
		if ((e & RV_PBMT) == RV_PBMT_NC)
			a |= P_WC;
		else if ((e & RV_PBMT) == RV_PBMT_IO)
			a |= P_NOCACHE;
		if (e & RV_SPECIAL)
			a |= P_SPECIAL;
	}
	return a;
}

static void
bad(struct pte_decode *d, u64 bits)
{
	d->kind = PT_BAD;
	d->bad = bits;
}

static void
riscv_decode(const struct mmu *mmu, int lvl, u64 e, struct pte_decode *d)
{
	u64 ppn = riscv_pte_ppn_mask(mmu), low;
	unsigned shift;

	d->attr = 0;
	d->bad = 0;
	d->shift = 0;
	d->perm = 0;
	d->addr = 0;
	if (!(e & RV_V)) {
		d->kind = PT_NONE;
		return;
	}
	/* W without R is reserved (W=1 X=1 R=0 too) */
	if (unlikely((e & (RV_R | RV_W)) == RV_W)) {
		bad(d, RV_W);
		return;
	}
	if ((e & RV_RWX) == 0) {
		/* a pointer: N, PBMT and the reserved bits must be 0 */
		if (unlikely(e & mmu->rsvd_table[lvl])) {
			bad(d, e & mmu->rsvd_table[lvl]);
			return;
		}
		if (unlikely(lvl == LVL_PTE)) {
			bad(d, RV_V);
			return;
		}
		d->kind = PT_TABLE;
		d->perm = P_PERM;
		d->addr = pte_pa(e, ppn);
		return;
	}
	if (unlikely(e & mmu->rsvd_leaf[lvl])) {
		bad(d, e & mmu->rsvd_leaf[lvl]);
		return;
	}
	if (unlikely((e & RV_PBMT) == RV_PBMT)) {
		bad(d, RV_PBMT);
		return;
	}
	shift = lvl == LVL_PTE ? PAGE_SHIFT : mmu->lv[lvl].leaf_shift;
	if (unlikely(e & RV_N)) {
		/* Svnapot: only 64K at level 0, PPN[3:0] = 0b1000 */
		if (lvl != LVL_PTE || ((e >> RV_PPN_SHIFT) & 0xf) != 0x8) {
			bad(d, RV_N);
			return;
		}
		shift = 16;
	} else if (unlikely((low = e & ppn & GENMASK(shift - 3, 10)) &&
			    shift > PAGE_SHIFT)) {
		/* a misaligned superpage: PPN bits below its size */
		bad(d, low);
		return;
	}
	d->kind = PT_LEAF;
	d->shift = (u8)shift;
	d->addr = pte_pa(e, ppn) & ~((1ULL << shift) - 1);
	d->perm = leaf_perm(mmu, e);
	d->attr = leaf_attr(e);
}

/* Bits 63..VA_BITS must all equal bit VA_BITS-1 (Sv32: none above 32). */
static int
riscv_va_check(const struct mmu *mmu, u64 va)
{
	if (mmu->va_mode == VA_ZEROEXT)
		return (va >> 32) ? WF_VA_RANGE : WF_NONE;
	return mmu_va_ok(mmu, va) ? WF_NONE : WF_NONCANONICAL;
}

/*
 * Linux's view: a PROT_NONE pte (V=0 with _PAGE_PROT_NONE, which is R in
 * 6.1) is present; "writable" is W whatever D says.
 */
static void
riscv_sw_decode(const struct mmu *mmu, int lvl, u64 e, struct pte_decode *d)
{
	riscv_decode(mmu, lvl, e, d);
	if (d->kind == PT_LEAF) {
		d->attr |= P_PRESENT;
		if (e & RV_W)
			d->perm |= (e & RV_U) ? (P_UW | P_KW) : P_KW;
		return;
	}
	if (d->kind == PT_NONE && (e & RV_PROT_NONE) &&
	    (lvl == LVL_PTE || lvl == LVL_PMD)) {
		d->kind = PT_LEAF;
		d->shift = lvl == LVL_PTE ? PAGE_SHIFT : mmu->lv[lvl].leaf_shift;
		d->addr = pte_pa(e, riscv_pte_ppn_mask(mmu)) &
			~((1ULL << d->shift) - 1);
		d->perm = 0;
		d->attr = leaf_attr(e) | P_PRESENT | P_PROTNONE;
	}
}

/*
 * Building entries
 */

/* _PAGE_TABLE: V alone, the PPN of the next table */
static u64
riscv_mk_table(const struct mmu *mmu, int lvl, u64 pa, pgprot_t prot)
{
	(void)lvl;
	(void)prot;
	return ((pa >> (PAGE_SHIFT - RV_PPN_SHIFT)) & riscv_pte_ppn_mask(mmu)) |
		RV_V;
}

/*
 * A leaf from a generic protection as pgtable.h composes them: write
 * implies read (PAGE_WRITE), _PAGE_BASE for user pages (V A U), G on the
 * kernel's, D as the protection says; with Svpbmt, ioremap's memory
 * types (_PAGE_IO, _PAGE_NOCACHE).
 */
static u64
riscv_mk_leaf(const struct mmu *mmu, int lvl, u64 pa, pgprot_t prot)
{
	u64 e = (pa >> (PAGE_SHIFT - RV_PPN_SHIFT)) & riscv_pte_ppn_mask(mmu);

	(void)lvl;
	if (prot & P_PROTNONE)
		return e | RV_PROT_NONE | ((prot & P_YOUNG) ? RV_A : 0);
	if (prot & P_PERM)
		e |= RV_V;
	if (prot & (P_KR | P_UR | P_KW | P_UW))
		e |= RV_R;
	if (prot & (P_KW | P_UW))
		e |= RV_W;
	if (prot & (P_KX | P_UX))
		e |= RV_X;
	if (prot & (P_UR | P_UW | P_UX))
		e |= RV_U;
	if (prot & P_GLOBAL)
		e |= RV_G;
	if (prot & P_YOUNG)
		e |= RV_A;
	if (prot & P_DIRTY)
		e |= RV_D;
	if (prot & P_SPECIAL)
		e |= RV_SPECIAL;
	if ((mmu->features & F_SVPBMT)) {
		if (prot & (P_NOCACHE | P_UCMINUS))
			e |= RV_PBMT_IO;
		else if (prot & P_WC)
			e |= RV_PBMT_NC;
	}
	return e;
}

static u64
riscv_table_size(const struct mmu *mmu, int lvl)
{
	const struct pt_level *L = &mmu->lv[lvl];

	return (u64)L->esize << L->bits;
}

/*
 * Svadu: the walker sets A in the leaf it used, and D on a store to a
 * writable page (atomically, as the spec asks).  Pointers carry no A/D.
 */
static void
riscv_update_ad(const struct mmu *mmu, struct phys *ph, struct walk *w,
		unsigned acc)
{
	struct walk_step *s;
	u64 e;

	if (!(mmu->features & F_SVADU) || w->nsteps == 0)
		return;
	s = &w->step[w->nsteps - 1];
	if (s->d.kind != PT_LEAF)
		return;
	e = s->entry | RV_A;
	if ((acc & ACC_WRITE) && (e & RV_W))
		e |= RV_D;
	if (e == s->entry)
		return;
	s->entry = e;
	phys_write_entry(ph, s->entry_pa, mmu->lv[s->lvl].esize, e);
}

/*
 * Presentation
 */

static const char *const pbmt_name[4] = {
	NULL, "PBMT=NC", "PBMT=IO", "PBMT=3?",
};

static int
riscv_flag_names(const struct mmu *mmu, int lvl, u64 e, const char **n,
		 int max)
{
	int k = 0;

#define ADD(c, s) do { if ((c) && k < max) n[k++] = (s); } while (0)
	(void)mmu;
	if (!(e & RV_V)) {
		ADD((lvl == LVL_PTE || lvl == LVL_PMD) && (e & RV_PROT_NONE),
		    "PROT_NONE");
		return k;
	}
	ADD(1, "V");
	ADD(e & RV_R, "R");
	ADD(e & RV_W, "W");
	ADD(e & RV_X, "X");
	ADD(e & RV_U, "U");
	ADD(e & RV_G, "G");
	ADD(e & RV_A, "A");
	ADD(e & RV_D, "D");
	ADD(e & RV_SPECIAL, "SPECIAL");
	ADD((e & RV_RWX) == 0, "POINTER");
	if (mmu->lv[LVL_PTE].esize == 8) {
		ADD(pbmt_name[(e >> RV_PBMT_SHIFT) & 3],
		    pbmt_name[(e >> RV_PBMT_SHIFT) & 3]);
		ADD(e & RV_N, "N");
	}
#undef ADD
	return k;
}

static struct bitfield fbuf[24];
static int nfbuf;

static void
fadd(unsigned hi, unsigned lo, const char *name, const char *meaning,
     const char *clear)
{
	struct bitfield *f = &fbuf[nfbuf++];

	f->lo = (u8)lo;
	f->hi = (u8)hi;
	f->name = name;
	f->meaning = meaning;
	f->clear = clear;
}

static const char *const pbmt_meaning[4] = {
	"PMA: the memory type of the physical region",
	"NC: non-cacheable, idempotent, weakly ordered (main memory)",
	"IO: non-cacheable, non-idempotent, strongly ordered (I/O)",
	"reserved: a page fault",
};

static void
fields_common(const struct mmu *mmu, int lvl, u64 e)
{
	bool ptr = (e & RV_RWX) == 0;

	fadd(0, 0, "V", "valid", "invalid: any access is a page fault");
	if (ptr && (e & RV_V)) {
		fadd(3, 1, "RWX", lvl == LVL_PTE ? "000 at level 0: a pointer "
		     "where a leaf must be (page fault)" : "000: a pointer to "
		     "the next level's table", NULL);
	} else {
		fadd(1, 1, "R", "readable", "-");
		fadd(2, 2, "W", (e & RV_R) ? "writable" : "writable without R: "
		     "reserved encoding (page fault)", "-");
		fadd(3, 3, "X", "executable", "-");
	}
	fadd(4, 4, "U", ptr ? "reserved in a pointer (software clears it)" :
	     "user page: U-mode may access; S-mode only with sstatus.SUM "
	     "and never executes", "supervisor page");
	fadd(5, 5, "G", ptr ? "global: every mapping below is global" :
	     "global: in every address space (matches any ASID)",
	     "not global: TLB entries tagged with the ASID");
	fadd(6, 6, "A", ptr ? "reserved in a pointer" : "accessed",
	     mmu->features & F_SVADU ? "not accessed: the walker sets it "
	     "(Svadu)" : "not accessed: an access faults and the kernel "
	     "sets it (Svade)");
	fadd(7, 7, "D", ptr ? "reserved in a pointer" : "dirty",
	     mmu->features & F_SVADU ? "clean: a store sets it (Svadu)" :
	     "clean: a store faults and the kernel sets it (Svade)");
	fadd(8, 8, "RSW", "software: Linux _PAGE_SPECIAL (no struct page "
	     "refcounting)", "-");
	fadd(9, 9, "RSW", "software: unused by Linux 6.1", "-");
}

/* The field table of the entry's format; static until the next call. */
static const struct bitfield *
riscv_fields(const struct mmu *mmu, int lvl, u64 e)
{
	bool rv64 = mmu->lv[LVL_PTE].esize == 8;

	nfbuf = 0;
	fields_common(mmu, lvl, e);
	if (!rv64) {
		fadd(19, 10, "PPN[0]", "physical page number bits 21:12", NULL);
		fadd(31, 20, "PPN[1]", "physical page number bits 33:22 (a 4M "
		     "megapage: PPN[0] must be 0)", NULL);
	} else {
		fadd(53, 10, "PPN", "physical page number (physical bits 55:12); "
		     "a superpage's low PPN bits must be 0", NULL);
		fadd(60, 54, "RSVD", "reserved: must be 0 (else a page fault)",
		     NULL);
		fadd(62, 61, "PBMT", pbmt_meaning[(e >> RV_PBMT_SHIFT) & 3],
		     NULL);
		fadd(63, 63, "N", "Svnapot: one of 16 PTEs of a 64K page "
		     "(PPN[3:0] = 1000)", "-");
	}
	fadd(0, 0, NULL, NULL, NULL);
	return fbuf;
}

static void
riscv_bad_desc(const struct mmu *mmu, int lvl, u64 e,
	       const struct pte_decode *d, char *buf, size_t n)
{
	unsigned hl = hwlvl(mmu, lvl);

	if ((e & (RV_R | RV_W)) == RV_W)
		snprintf(buf, n, "W=1 with R=0 is a reserved encoding: page "
			 "fault");
	else if ((e & RV_RWX) == 0 && d->bad == RV_V)
		snprintf(buf, n, "a pointer at level 0 (a leaf must have R, W "
			 "or X): page fault");
	else if (d->bad == RV_N)
		snprintf(buf, n, "N=1 (Svnapot) is valid only on a level-0 leaf "
			 "whose PPN[3:0] is 1000: page fault");
	else if (d->bad & (RV_N | RV_PBMT) && (e & RV_RWX) == 0)
		snprintf(buf, n, "N or PBMT set in a pointer (bits 0x%llx, "
			 "reserved): page fault", (unsigned long long)d->bad);
	else if ((d->bad & RV_PBMT) == RV_PBMT)
		snprintf(buf, n, "PBMT=3 is reserved: page fault");
	else if (d->bad & RV_PBMT)
		snprintf(buf, n, "PBMT set on a hart without Svpbmt (--cpu "
			 "svpbmt): page fault");
	else if (d->bad & RV_RSVD64)
		snprintf(buf, n, "reserved bits 0x%llx (60:54) set: page fault",
			 (unsigned long long)d->bad);
	else {
		char size[32];

		fmt_size(size, sizeof(size), 1ULL << mmu->lv[lvl].leaf_shift);
		snprintf(buf, n, "a misaligned superpage at level %u: a %s "
			 "page whose PPN has low bits 0x%llx (they must be 0): "
			 "page fault", hl, size,
			 (unsigned long long)(d->bad >> RV_PPN_SHIFT));
	}
}

static const char *const mode_names[16] = {
	[SATP_MODE_BARE] = "Bare", [SATP_MODE_SV32] = "Sv32",
	[SATP_MODE_SV39] = "Sv39", [SATP_MODE_SV48] = "Sv48",
	[SATP_MODE_SV57] = "Sv57", [11] = "Sv64",
};

const char *
riscv_satp_mode_name(unsigned mode)
{
	return mode < 16 && mode_names[mode] ? mode_names[mode] : "reserved";
}

unsigned
riscv_satp_mode(const struct mmu *mmu)
{
	if (mmu->lv[LVL_PTE].esize == 4)
		return SATP_MODE_SV32;
	return mmu->va_bits == 57 ? SATP_MODE_SV57 :
		mmu->va_bits == 48 ? SATP_MODE_SV48 : SATP_MODE_SV39;
}

/* satp: MODE 63:60, ASID 59:44, PPN 43:0 (Sv32: MODE 31, ASID 30:22) */
u64
riscv_satp(const struct mmu *mmu, u64 root, unsigned asid)
{
	if (mmu->lv[LVL_PTE].esize == 4)
		return (1ULL << 31) | ((u64)(asid & 0x1ff) << 22) |
			((root >> PAGE_SHIFT) & GENMASK(21, 0));
	return ((u64)riscv_satp_mode(mmu) << 60) |
		((u64)(asid & 0xffff) << 44) |
		((root >> PAGE_SHIFT) & GENMASK(43, 0));
}

int
riscv_satp_decode(const struct mmu *mmu, u64 satp, u64 *root,
		  unsigned *asid, char *why, size_t n)
{
	unsigned mode, want = riscv_satp_mode(mmu);

	if (mmu->lv[LVL_PTE].esize == 4) {
		mode = (unsigned)((satp >> 31) & 1);
		if (satp >> 32) {
			snprintf(why, n, "satp 0x%llx: wider than the 32-bit "
				 "register", (unsigned long long)satp);
			return -1;
		}
		if (mode != SATP_MODE_SV32) {
			snprintf(why, n, "satp.MODE=0 (Bare): no translation; "
				 "riscv32 walks Sv32 (MODE=1)");
			return -1;
		}
		*asid = (unsigned)((satp >> 22) & 0x1ff);
		*root = (satp & GENMASK(21, 0)) << PAGE_SHIFT;
		return 0;
	}
	mode = (unsigned)(satp >> 60);
	if (mode != want) {
		snprintf(why, n, "satp.MODE=%u (%s): this hart walks %s "
			 "(MODE=%u)%s", mode, mode == SATP_MODE_SV32 ?
			 "reserved on RV64" : riscv_satp_mode_name(mode),
			 riscv_satp_mode_name(want), want,
			 mode == SATP_MODE_SV39 || mode == SATP_MODE_SV48 ||
			 mode == SATP_MODE_SV57 ? "; choose it with --va-bits" :
			 "");
		return -1;
	}
	*asid = (unsigned)((satp >> 44) & 0xffff);
	*root = (satp & GENMASK(43, 0)) << PAGE_SHIFT;
	return 0;
}

static void
riscv_describe(const struct mmu *mmu, struct strbuf *sb)
{
	sb_addf(sb, "riscv %s (satp.MODE=%u), %u-bit VA, %d levels (",
		riscv_satp_mode_name(riscv_satp_mode(mmu)),
		riscv_satp_mode(mmu), mmu->va_bits, mmu->nwalk);
	mmu_split(mmu, sb);
	sb_adds(sb, ")");
}

static void
riscv_reg_note(const struct mmu *mmu, int idx, u64 v, struct strbuf *sb)
{
	u64 root;
	unsigned asid;
	char why[160];

	switch (idx) {
	case 0:	/* satp */
		if (riscv_satp_decode(mmu, v, &root, &asid, why, sizeof(why))) {
			sb_adds(sb, why);
			break;
		}
		sb_addf(sb, "MODE=%s ASID=%u PPN=0x%llx (root 0x%llx)",
			riscv_satp_mode_name(riscv_satp_mode(mmu)), asid,
			(unsigned long long)(root >> PAGE_SHIFT),
			(unsigned long long)root);
		break;
	case 1:	/* sstatus */
		sb_addf(sb, "SUM=%u MXR=%u SPP=%u", (unsigned)((v >> 18) & 1),
			(unsigned)((v >> 19) & 1), (unsigned)((v >> 8) & 1));
		break;
	default:
		break;
	}
}

static const struct arch_elf riscv64_elf = {
	.name = "EM_RISCV (riscv64)",
	.hint = "--arch riscv64, riscv64-sv48 or riscv64-sv57",
	.prstatus_pid = 32,
	.uts_machine = "riscv64",
	.elf_class = ELFCLASS64,
};

/* live guests: QEMU's gdbstub (image.c) */
#define RISCV_GDB \
	.gdb_regs = { "satp", "sstatus", "priv" }, \
	.gdb_need = 1, \
	.gdb_elf_machine = riscv_gdb_elf_machine, \
	.gdb_root = riscv_gdb_root, \
	.gdb_mmu_off = riscv_gdb_mmu_off

#define RISCV_COMMON \
	.is64 = true, \
	.huge_vmap = true, \
	.va_digits = 16, \
	.pa_digits = 14, \
	.elf_machine = EM_RISCV, \
	.elf = &riscv64_elf, \
	.features = 0, \
	.features_ok = F_SVADU | F_SVPBMT, \
	.mem_default = 1 * GiB, \
	.mem_max = 1 * TiB, \
	.mem_max_why = "ptwalk models at most 1T of RAM on QEMU virt (from " \
		"0x80000000)", \
	.ram_base = 0x80000000ULL, \
	.tlb_entries = 1024, \
	.tlb_ways = 4, \
	.root_name = { "satp", NULL }, \
	.dis = &riscv64_disasm, \
	.tag_name = "ASID", \
	.reg_names = { "satp", "sstatus" }, \
	.mmu_init = riscv_mmu_init, \
	.setup = riscv_setup, \
	.paging_init = riscv_paging_init, \
	.mm = &riscv64_mm, \
	.words = &riscv_words, \
	.decode = riscv_decode, \
	.va_check = riscv_va_check, \
	.mk_table = riscv_mk_table, \
	.mk_leaf = riscv_mk_leaf, \
	.sw_decode = riscv_sw_decode, \
	.table_size = riscv_table_size, \
	.update_ad = riscv_update_ad, \
	.flag_names = riscv_flag_names, \
	.fields = riscv_fields, \
	.describe = riscv_describe, \
	.reg_note = riscv_reg_note, \
	.image_match = riscv_image_match, \
	.image_setup = riscv_image_setup, \
	.image_mmu = riscv_image_mmu, \
	.root_plausible = riscv_root_plausible, \
	.save_notes = riscv_save_notes, \
	.save_vmcoreinfo = riscv_save_vmcoreinfo, \
	.bad_desc = riscv_bad_desc, \
	RISCV_GDB

const struct arch arch_riscv64 = {
	.name = "riscv64",
	.gdb_arch = "riscv:rv64",
	.summary = "64-bit RISC-V: Sv39 (3 levels) by default, Sv48 or Sv57 "
		"with --va-bits; satp with ASIDs, 2M/1G superpages",
	.profiles = riscv64_profiles,
	.va_bits_choices = { 39, 48, 57, 0 },
	.va_bits_help = "39 (Sv39, 3 levels, the default), 48 (Sv48, 4 "
		"levels) or 57 (Sv57, 5 levels)",
	RISCV_COMMON,
};

const struct arch arch_riscv64_sv48 = {
	.name = "riscv64-sv48",
	.summary = "64-bit RISC-V in Sv48: 4 levels, 2M/1G/512G superpages",
	.profiles = riscv64_sv_profiles,
	.va_bits_choices = { 48, 0 },
	.va_bits_help = "48 (Sv48); riscv64 takes 39, 48 or 57",
	RISCV_COMMON,
};

const struct arch arch_riscv64_sv57 = {
	.name = "riscv64-sv57",
	.summary = "64-bit RISC-V in Sv57: 5 levels, 2M/1G/512G/256T "
		"superpages",
	.profiles = riscv64_sv_profiles,
	.va_bits_choices = { 57, 0 },
	.va_bits_help = "57 (Sv57); riscv64 takes 39, 48 or 57",
	RISCV_COMMON,
};

static const struct arch_elf riscv32_elf = {
	.name = "EM_RISCV (riscv32)",
	.hint = "--arch riscv32",
	.prstatus_pid = 24,
	.uts_machine = "riscv32",
	.elf_class = ELFCLASS32,
};

const struct arch arch_riscv32 = {
	.name = "riscv32",
	.gdb_arch = "riscv:rv32",
	.summary = "32-bit RISC-V: Sv32 (2 levels, 34-bit physical "
		"addresses), satp with ASIDs, 4M megapages",
	.profiles = riscv32_profiles,
	.is64 = false,
	.va_digits = 8,
	.pa_digits = 9,
	.elf_machine = EM_RISCV,
	.elf = &riscv32_elf,
	.features = 0,
	.features_ok = F_SVADU,
	.mem_default = 256 * MiB,
	.mem_max = 1 * GiB - 4 * MiB,
	.mem_max_why = "the linear map from PAGE_OFFSET 0xc0000000 reaches "
		"the top of the 32-bit address space (riscv has no highmem), "
		"and its last megapage holds the page Linux reserves there",
	.ram_base = 0x80000000ULL,
	.tlb_entries = 512,
	.tlb_ways = 4,
	.root_name = { "satp", NULL },
	.dis = &riscv32_disasm,
	.tag_name = "ASID",
	.reg_names = { "satp", "sstatus" },
	.mmu_init = riscv_mmu_init,
	.setup = riscv_setup,
	.paging_init = riscv_paging_init,
	.mm = &riscv32_mm,
	.words = &riscv_words,
	.decode = riscv_decode,
	.va_check = riscv_va_check,
	.mk_table = riscv_mk_table,
	.mk_leaf = riscv_mk_leaf,
	.sw_decode = riscv_sw_decode,
	.table_size = riscv_table_size,
	.update_ad = riscv_update_ad,
	.flag_names = riscv_flag_names,
	.fields = riscv_fields,
	.describe = riscv_describe,
	.reg_note = riscv_reg_note,
	.image_match = riscv_image_match,
	.image_setup = riscv_image_setup,
	.image_mmu = riscv_image_mmu,
	.root_plausible = riscv_root_plausible,
	.save_notes = riscv_save_notes,
	.save_vmcoreinfo = riscv_save_vmcoreinfo,
	.bad_desc = riscv_bad_desc,
	RISCV_GDB,
};
