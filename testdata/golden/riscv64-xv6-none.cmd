# args: --arch riscv64 --kernel xv6 -e none
# userinit's process before its first exec: initcode in one R W X U page
vmprint
x/13x 0x0
sbrk 4096
vmprint
