#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Rebuild the ELF fixtures of testdata/elf from demo.c with Debian's cross
# compilers (gcc, gcc-i686-linux-gnu, gcc-arm-linux-gnueabihf,
# gcc-aarch64-linux-gnu, gcc-riscv64-linux-gnu) and binutils-multiarch (and
# binutils-riscv64-linux-gnu), and write next to each
# binary its `objdump -d` listing (the reference of the disassembly test).
# The binaries are committed: the tests never need a cross compiler.
set -eu
cd "$(dirname "$0")/../testdata/elf"
CF="-O1 -g0 -ffreestanding -fno-stack-protector -fno-asynchronous-unwind-tables
    -fno-unwind-tables -fno-pic -nostdlib -static -Wl,--build-id=none"
PF="-O1 -g0 -ffreestanding -fno-stack-protector -fno-asynchronous-unwind-tables
    -fno-unwind-tables -fPIE -nostdlib -static-pie -Wl,--no-dynamic-linker
    -Wl,--build-id=none"
build() {	# arch compiler extra-flags objdump-flags
	arch=$1 cc=$2 extra=$3 od=$4
	if ! command -v "$cc" >/dev/null 2>&1; then
		echo "fixtures: $cc is missing (apt-get install gcc-${cc%-gcc})" >&2
		exit 1
	fi
	# shellcheck disable=SC2086
	$cc $CF $extra -o "demo-$arch" demo.c
	# shellcheck disable=SC2086
	$cc $PF $extra -o "demo-$arch-pie" demo.c
	for f in "demo-$arch" "demo-$arch-pie"; do
		# shellcheck disable=SC2086
		objdump -d -w $od "$f" | sed 1,2d > "$f.objdump"
		echo "  GEN     testdata/elf/$f"
	done
}
build x86_64 gcc "-fcf-protection=none" "-M intel"
build i386 i686-linux-gnu-gcc "-fcf-protection=none" "-M intel"
build arm arm-linux-gnueabihf-gcc "" ""
build arm64 aarch64-linux-gnu-gcc "" ""
# riscv: riscv32 from the same compiler (rv32imac, ilp32); the listings
# from binutils-riscv64-linux-gnu's objdump
# shellcheck disable=SC2086
riscv64-linux-gnu-gcc $CF -o demo-riscv64 demo.c
# shellcheck disable=SC2086
riscv64-linux-gnu-gcc $PF -o demo-riscv64-pie demo.c
# shellcheck disable=SC2086
riscv64-linux-gnu-gcc $CF -march=rv32imac -mabi=ilp32 -o demo-riscv32 demo.c
for f in demo-riscv64 demo-riscv64-pie demo-riscv32; do
	riscv64-linux-gnu-objdump -d -w "$f" | sed 1,2d > "$f.objdump"
done
echo "  GEN     testdata/elf/demo-riscv64 demo-riscv64-pie demo-riscv32"
# a PIE with an interpreter, for exec --root: its PT_INTERP names
# /lib/ld-demo-x86_64.so, which root/lib/ holds (the static PIE: an ET_DYN
# without PT_INTERP is what a loader is)
DF="-O1 -g0 -ffreestanding -fno-stack-protector -fno-asynchronous-unwind-tables
    -fno-unwind-tables -fcf-protection=none -fPIE -pie -nostdlib
    -Wl,--build-id=none -Wl,-dynamic-linker,/lib/ld-demo-x86_64.so"
# shellcheck disable=SC2086
gcc $DF -o demo-x86_64-dyn demo.c
mkdir -p root/lib
ln -sf ../../demo-x86_64-pie root/lib/ld-demo-x86_64.so
echo "  GEN     testdata/elf/demo-x86_64-dyn testdata/elf/root/lib/ld-demo-x86_64.so"
# two broken programs for the error transcripts: a truncated ELF and an
# ELF header that says ET_CORE
head -c 100 demo-i386 > bad-truncated
head -c 4096 demo-i386 > bad-core
printf '\004' | dd of=bad-core bs=1 seek=16 conv=notrunc 2>/dev/null
echo "  GEN     testdata/elf/bad-truncated testdata/elf/bad-core"
# the module-shaped relocatable objects for insmod (gcc -c, no kernel
# headers)
MF="-c -O1 -g0 -ffreestanding -fno-pic -fno-stack-protector -fno-common
    -fno-asynchronous-unwind-tables -fno-unwind-tables"
# shellcheck disable=SC2086
gcc $MF -fcf-protection=none -mcmodel=kernel -mno-red-zone -o hello-x86_64.ko hello_mod.c
# shellcheck disable=SC2086
i686-linux-gnu-gcc $MF -fcf-protection=none -o hello-i386.ko hello_mod.c
# shellcheck disable=SC2086
arm-linux-gnueabihf-gcc $MF -marm -o hello-arm.ko hello_mod.c
# shellcheck disable=SC2086
aarch64-linux-gnu-gcc $MF -o hello-arm64.ko hello_mod.c
# shellcheck disable=SC2086
riscv64-linux-gnu-gcc $MF -mcmodel=medany -o hello-riscv64.ko hello_mod.c
# shellcheck disable=SC2086
riscv64-linux-gnu-gcc $MF -march=rv32imac -mabi=ilp32 -mcmodel=medany \
	-o hello-riscv32.ko hello_mod.c
echo "  GEN     testdata/elf/hello-{x86_64,i386,arm,arm64,riscv64,riscv32}.ko"
# the hostile module objects and a module with symbols (any C compiler)
sh ./make-hostile.sh
