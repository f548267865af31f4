# args: --arch riscv64 --kernel xv6
# xv6-riscv: pid 1 has just exec'ed /init (text, data, a guard page, the
# stack; the trapframe and the trampoline at the top)
machine
vmprint
vmprint --old
vmprint --canonical
walk 0x0
walk 0x2000
walk TRAPFRAME
walk TRAMPOLINE
# the kernel's page table: kvmmake's devices, text, data, the stacks
cpu 1
walk 0x10000000
walk 0x80000000
walk etext
walk TRAMPOLINE - 2 * 4096
walk TRAMPOLINE - 3 * 4096
walk PHYSTOP
cpu 0
# growproc: pages above p->sz, R W U, from kalloc's free list
sbrk 8192
vmprint
sbrk -4096
walk 0x5000
sbrk 0x80000000
sbrk -100000
sbrk 0x7fffffff
# what xv6 has not: the Linux kernel's commands
kmalloc 10
ps
vmprint 0x1234
vmprint 0x90000000
vmprint --old --canonical
