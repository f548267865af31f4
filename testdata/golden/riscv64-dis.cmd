# args: --arch riscv64 --boot clean
# dis of RISC-V code by LLVM's disassembler: compressed (RVC) and 32-bit
# instructions, branch and jump targets as addresses with their symbols,
# the address an auipc or lui pair forms (# 0x...), as objdump prints them
dis main 40
dis $_ 6
x/4i fork_and_write
dis _start_c 12
# bytes that are not code: one .2byte or .4byte line each, and on
kmalloc 64
write $5 0xffffffff0000ffff
write $5+8 0x12345678ffffff7f
dis $5 6
# bad input: an address no VMA covers, N out of range, the arm options
dis 0x5000
dis main 0
dis --thumb main
# JSON: the target and the pair's address, with their symbols
set json on
dis main+0x20 3
set json off
