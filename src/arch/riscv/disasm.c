// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * riscv for the disassembler.  Debian's Capstone (4.0.2) has no RISC-V, so
 * the code is LLVM's (src/image/disasm_llvm.c): RV64GC or RV32GC with the
 * compressed (RVC) instructions, the bit-manipulation extensions Zba, Zbb,
 * Zbc and Zbs, and V; LLVM prints the pseudo-instructions (li, mv, j,
 * ret, beqz, sext.w, csrr ...) as objdump does by default.
 *
 * LLVM 14 gives only text, with branch offsets relative to the
 * instruction: this file makes them absolute, as objdump does, and
 * follows the pc-relative pairs objdump follows (auipc or lui, then jalr,
 * addi or a load or store through the same register) to name the address
 * they form, "# 0x80008890".  The value of the upper immediate is used
 * once, as objdump uses it, and forgotten when an instruction writes the
 * register and at every jump or branch (objdump keeps it across them, and
 * may name an address a register no longer holds).  andi with 255 is
 * shown as zext.b, the pseudo-instruction objdump prints for it.  Bytes that are not an
 * instruction become one .2byte or .4byte line, as the length encoding of
 * their first halfword says, and the listing goes on.
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/disasm.h"
#include "riscv.h"

#define RV_MAX_OPS	6

/* The values auipc and lui left in the registers, along one listing. */
struct rv_pairs {
	u64 val[32];
	u32 known;
};

static const char *const gpr_names[32] = {
	"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
	"s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
	"a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
	"s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

/* Branches and jumps whose last operand is an offset from the pc. */
static const char *const pc_rel[] = {
	"j", "jal", "beq", "bne", "blt", "bge", "bltu", "bgeu", "beqz",
	"bnez", "blez", "bgez", "bltz", "bgtz", "bgt", "ble", "bgtu", "bleu",
	NULL,
};

/* Instructions whose first operand is read, not written. */
static const char *const stores[] = {
	"sb", "sh", "sw", "sd", "fsh", "fsw", "fsd", "fsq", "sfence.vma",
	"prefetch.i", "prefetch.r", "prefetch.w", NULL,
};

static bool
in_list(const char *const *l, const char *s)
{
	for (; *l != NULL; l++)
		if (!strcmp(*l, s))
			return true;
	return false;
}

static int
gpr(const char *s)
{
	int i;

	if (!strcmp(s, "fp"))
		return 8;
	for (i = 0; i < 32; i++)
		if (!strcmp(s, gpr_names[i]))
			return i;
	return -1;
}

static bool
imm_of(const char *s, s64 *v)
{
	char *end;

	if (*s == 0)
		return false;
	*v = strtoll(s, &end, 0);
	return *end == 0;
}

/* "off(reg)" or "(reg)": the register and the offset */
static int
mem_of(const char *s, s64 *off)
{
	const char *l = strchr(s, '(');
	char num[40], reg[8];
	size_t n, r;

	if (l == NULL || s[strlen(s) - 1] != ')')
		return -1;
	n = (size_t)(l - s);
	r = strlen(l + 1) - 1;
	if (n >= sizeof(num) || r >= sizeof(reg))
		return -1;
	memcpy(num, s, n);
	num[n] = 0;
	memcpy(reg, l + 1, r);
	reg[r] = 0;
	*off = 0;
	if (n > 0 && !imm_of(num, off))
		return -1;
	return gpr(reg);
}

/* op_str into at most RV_MAX_OPS operands (in buf) */
static int
split_ops(const char *op_str, char *buf, size_t size, char **op)
{
	char *p;
	int n = 0;

	snprintf(buf, size, "%s", op_str);
	if (buf[0] == 0)
		return 0;
	for (p = buf; n < RV_MAX_OPS; ) {
		char *c = strstr(p, ", ");

		op[n++] = p;
		if (c == NULL)
			break;
		*c = 0;
		p = c + 2;
	}
	return n;
}

static u64
sext32(u64 v)
{
	return (u64)(s64)(s32)(u32)v;
}

/* " # 0x..." after the operands: the address the pair forms */
static void
note_addr(struct dis_insn *in, u64 a)
{
	size_t n = strlen(in->op_str);

	snprintf(in->op_str + n, sizeof(in->op_str) - n, " # 0x%llx",
		 (unsigned long long)a);
}

/* j, jal, b*: the offset made the address, as objdump prints it */
static void
pc_relative(struct dis_insn *in, char **op, int n, u64 mask)
{
	char out[sizeof(in->op_str)] = "";
	size_t len = 0;
	s64 off;
	int i;

	if (n == 0 || !imm_of(op[n - 1], &off))
		return;
	in->target = (in->addr + (u64)off) & mask;
	in->has_target = true;
	in->is_call = !strcmp(in->mnemonic, "jal");
	for (i = 0; i < n - 1; i++)
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s, ",
					op[i]);
	snprintf(out + len, sizeof(out) - len, "0x%llx",
		 (unsigned long long)in->target);
	snprintf(in->op_str, sizeof(in->op_str), "%s", out);
}

/* lui and auipc: the upper immediate in hex, and the value it makes */
static bool
upper_imm(struct rv_pairs *p, struct dis_insn *in, char **op, int n,
	  u64 mask)
{
	bool pc = !strcmp(in->mnemonic, "auipc");
	int rd;
	s64 imm;
	u64 v;

	if ((!pc && strcmp(in->mnemonic, "lui")) || n != 2)
		return false;
	rd = gpr(op[0]);
	if (rd < 0 || !imm_of(op[1], &imm))
		return false;
	v = sext32((u64)imm << 12);
	v = ((pc ? in->addr : 0) + v) & mask;
	snprintf(in->op_str, sizeof(in->op_str), "%s, 0x%llx", op[0],
		 (unsigned long long)((u64)imm & 0xfffff));
	if (rd != 0) {
		p->val[rd] = v;
		p->known |= 1U << rd;
	}
	return true;
}

/* jalr, jr: the target when the base register holds a known address */
static void
indirect(struct rv_pairs *p, struct dis_insn *in, char **op, int n,
	 u64 mask)
{
	s64 off = 0, imm;
	int rs = -1;

	if (n == 3 && imm_of(op[2], &imm)) {	/* jalr rd, rs, off */
		rs = gpr(op[1]);
		off = imm;
	} else if (n >= 1) {
		rs = mem_of(op[n - 1], &off);
		if (rs < 0)
			rs = gpr(op[n - 1]);
	}
	if (rs > 0 && (p->known & (1U << rs))) {
		in->target = (p->val[rs] + (u64)off) & mask;
		in->has_target = true;
		in->is_call = !strcmp(in->mnemonic, "jalr") &&
			(n == 1 || gpr(op[0]) != 0);
		note_addr(in, in->target);
	}
}

/* addi, addiw, loads and stores through a register auipc or lui set */
static void
pair_ref(struct rv_pairs *p, struct dis_insn *in, char **op, int n,
	 u64 mask)
{
	s64 off;
	int i, rs = -1;
	bool w = !strcmp(in->mnemonic, "addiw");

	if (n == 3 && (w || !strcmp(in->mnemonic, "addi")) &&
	    imm_of(op[2], &off))
		rs = gpr(op[1]);
	for (i = 0; rs < 0 && i < n; i++)
		rs = mem_of(op[i], &off);
	if (rs <= 0 || !(p->known & (1U << rs)))
		return;
	in->ref = p->val[rs] + (u64)off;
	in->ref = (w ? sext32(in->ref) : in->ref) & mask;
	in->has_ref = true;
	p->known &= ~(1U << rs);	/* a pair is used once */
	note_addr(in, in->ref);
}

static void
annotate(struct rv_pairs *p, struct dis_insn *in, u64 mask)
{
	char buf[sizeof(in->op_str)], *op[RV_MAX_OPS];
	int n = split_ops(in->op_str, buf, sizeof(buf), op), rd;

	if (in->mnemonic[0] == '.')
		return;		/* bytes that are not an instruction */
	if (in_list(pc_rel, in->mnemonic)) {
		pc_relative(in, op, n, mask);
		p->known = 0;
		return;
	}
	if (!strcmp(in->mnemonic, "jalr") || !strcmp(in->mnemonic, "jr") ||
	    !strcmp(in->mnemonic, "ret")) {
		indirect(p, in, op, n, mask);
		p->known = 0;
		return;
	}
	if (upper_imm(p, in, op, n, mask))
		return;
	if (!strcmp(in->mnemonic, "andi") && n == 3 && !strcmp(op[2], "255")) {
		snprintf(in->mnemonic, sizeof(in->mnemonic), "zext.b");
		snprintf(in->op_str, sizeof(in->op_str), "%s, %s", op[0],
			 op[1]);
	}
	pair_ref(p, in, op, n, mask);
	rd = n > 0 ? gpr(op[0]) : -1;
	if (rd > 0 && !in_list(stores, in->mnemonic))
		p->known &= ~(1U << rd);
}

static void
annotate64(void *state, struct dis_insn *in)
{
	annotate(state, in, ~0ULL);
}

static void
annotate32(void *state, struct dis_insn *in)
{
	annotate(state, in, 0xffffffffULL);
}

/*
 * Bytes LLVM does not decode: a 32-bit instruction's low bits are 11 (but
 * not 11111, longer ones), else it is 16-bit; longer encodings, which no
 * ratified extension uses, are shown a halfword at a time as objdump does.
 */
static unsigned
undecoded(const u8 *code, size_t n, struct dis_insn *in)
{
	unsigned len = (code[0] & 3) == 3 && (code[0] & 0x1c) != 0x1c ? 4 : 2;
	u32 v = code[0] | (u32)code[1] << 8;

	if (n < len)
		return 0;
	if (len == 4)
		v |= (u32)code[2] << 16 | (u32)code[3] << 24;
	snprintf(in->mnemonic, sizeof(in->mnemonic), ".%ubyte", len);
	snprintf(in->op_str, sizeof(in->op_str), "%#x", v);
	return len;
}

#define RV_FEATURES	"+m,+a,+f,+d,+c,+zba,+zbb,+zbc,+zbs,+v"

static const struct arch_disasm_llvm riscv64_llvm = {
	.target = "RISCV",
	.triple = "riscv64-unknown-linux-gnu",
	.cpu = "generic-rv64",
	.features = RV_FEATURES,
	.max_len = 4,
	.state_size = sizeof(struct rv_pairs),
	.annotate = annotate64,
	.undecoded = undecoded,
};

static const struct arch_disasm_llvm riscv32_llvm = {
	.target = "RISCV",
	.triple = "riscv32-unknown-linux-gnu",
	.cpu = "generic-rv32",
	.features = RV_FEATURES,
	.max_len = 4,
	.state_size = sizeof(struct rv_pairs),
	.annotate = annotate32,
	.undecoded = undecoded,
};

const struct arch_disasm riscv64_disasm = {
	.name = "RISC-V (RV64GC)",
	.llvm = &riscv64_llvm,
};

const struct arch_disasm riscv32_disasm = {
	.name = "RISC-V (RV32GC)",
	.llvm = &riscv32_llvm,
};
