# args: --arch riscv64 --kernel xv6 -e _ls
# dis in the xv6 profile: ls's code at 0 through the process's page table,
# named by the program's symbols; xv6's calls are auipc+jalr pairs (the
# target after #)
dis 0 24
dis strlen 10
sym 0x336
# xv6's kernel is not in a process's page table (the trampoline only)
dis 0x80000000
