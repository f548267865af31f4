# args: --arch riscv64 --kernel xv6 -e _sh
# exec of sh: two text pages (R-X), the data, the guard, the stack
vmprint
vmprint --old
x/4x 0x0
walk 0x1000
walk 0x3000
sbrk 3 * 4096 + 1
vmprint --canonical
