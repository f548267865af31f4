# args: --arch riscv64 --boot clean
# riscv64 processes: satp with 16-bit ASIDs, the kernel's pgd entries
# copied into each pgd, copy-on-write after fork.
maps
touch big w
fork
switch 2
touch big
touch big w
touch big x
ps
cpus
switch 1
exit 2
ps
machine
