# --kernel xv6 refuses what xv6 cannot be, with one line and a non-zero
# status: RAM other than PHYSTOP's 128M, a VA size other than Sv39, a
# program that is not there or not a 64-bit RISC-V ELF, a Linux riscv64
# binary (its data segment starts inside a page: xv6's exec wants
# page-aligned segments); a program of the user/ folder of xv6 by its path
run() {
	echo "\$ ptwalk $*"
	$PTWALK -q "$@" -c 'vmprint --old' >out 2>&1
	s=$?
	head -n 4 out
	echo "[exit $s]"
	rm -f out
}
run -a riscv64 --kernel xv6 --mem 256M
run -a riscv64 --kernel xv6 --mem 64M
run -a riscv64 --kernel xv6 --va-bits 48
run -a riscv64-sv57 --kernel xv6
run -a riscv64 --kernel xv6 -e _nosuch
run -a riscv64 --kernel xv6 -e ../../testdata/elf/demo-x86_64
run -a riscv64 --kernel xv6 -e ../../testdata/elf/demo-riscv32
run -a riscv64 --kernel xv6 -e ../../testdata/elf/demo.c
run -a riscv64 --kernel xv6 -e ../../testdata/elf/demo-riscv64
run -a riscv64 --kernel xv6 -e ../../testdata/xv6/_echo
run -a x86_64 --kernel xv6
