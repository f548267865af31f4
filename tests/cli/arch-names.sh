# Generic code never names an architecture: outside src/arch no quoted
# arch name, no EM_ constant of an arch, no comparison with an ELF
# machine, and no include of a header of an arch folder.  An arch is a
# folder under src/arch and one line in src/arch/arch.c.  The printers of
# the kernel's trace name no register, instruction or allocator of an arch
# either: those words are the arch's (src/arch/<a>/words.c).
#
# The tests name arches where they test them; the code they share (the
# scripts of tests/, the unit tests' helpers) names none, and only the unit
# test of a family, tests/unit/test_FAMILY.c, includes a header of
# src/arch/FAMILY (by its name: the Makefile gives that test the folder).
cd ../.. || exit 2
names='"(i386|i386-pae|x86_64|x86_64-la57|arm|arm64|riscv64|riscv32)"'
ems='EM_(386|X86_64|ARM|AARCH64|RISCV)\b'
regs='\b(CR[0-4]|cr[0-4]|[EI]?FSR|ESR|I?FAR|EL[0-3])\b|TTBR|CONTEXTIDR|TCR_EL'
regs="$regs|error.code|PCID|PDPTE|\\bPAE\\b|#PF|arm_vmregion|consistent_pte"
hits=$( {
	grep -rnE "$names|$ems|elf_machine[[:space:]]*==" src cmds include labs
	grep -rnE '#[[:space:]]*include[[:space:]]*["<][^">]*arch/[^">/]+/' \
		src cmds include labs tests
	grep -nE "$names|$ems|elf_machine[[:space:]]*==" tests/*.sh \
		tests/unit/helpers.*
	for f in tests/unit/*.[ch]; do
		sed -n 's/^#[[:space:]]*include[[:space:]]*"\([^"/]*\)".*/\1/p' "$f" |
		while read -r h; do
			for d in src/arch/*/; do
				fam=${d#src/arch/}
				fam=${fam%/}
				[ -e "$d$h" ] && [ "$f" != "tests/unit/test_$fam.c" ] &&
					echo "$f: includes $d$h"
			done
		done
	done
	grep -nE "$regs" src/ui/trace_print*
} 2>/dev/null | grep -v '^src/arch/')
if [ -n "$hits" ]; then
	printf '%s\n' "$hits"
else
	echo "no arch names and no arch headers outside src/arch"
fi
