# args: --kernel 2.6
# How a command's words become its arguments ('help arguments'): an
# expression goes on across operators, with or without spaces; a word, a
# flag list or a path is one argument; quotes make one literal word.  Every
# command that takes a word or a file after an expression is here.
walk 0xc0000000 + 160M
page $_ >> 12
pa PAGE_OFFSET + 1M - 4K * 2 / 2
print $1 << 2 | 1
pa PAGE_OFFSET | 0x1234 & 0xff ^ 0x0f % 10
# a lone '-' subtracts; '-8' is an argument of its own, '-x' an option
x PAGE_OFFSET + 16 - 8 8
x PAGE_OFFSET -8
walk $_ -x
# a quoted word is literal: one argument, never an option
walk "0xc0000000 + 4K"
walk "-x"
# exec FILE ARG...: a path, then the program's arguments as written
exec ../elf/demo-i386 foo /tmp -l -- "a b"
x/7s arg_start
# mmap ADDR LEN PROT FLAGS FILE OFF: the flags never swallow the path;
# flag lists join across '|'
mmap 0 16K - 8K r private ../elf/demo.c 0
mmap 0 4K PROT_READ | PROT_WRITE MAP_PRIVATE | MAP_ANONYMOUS
mprotect $_ 2K * 2 r
munmap $_ 1K << 2
# paths starting with '.' or '/'
source ./include.cmd
trace ./process-trace.trace
insmod ../elf/hello-i386.ko
# NAME SIZE ALIGN FLAGS, NAME ADDR
kmem_cache_create my_cache 64 + 64 8 * 2 SLAB_HWCACHE_ALIGN | SLAB_PANIC
kmem_cache_alloc my_cache GFP_KERNEL | __GFP_ZERO
kmem_cache_free my_cache $_ + 0
kmalloc 100 + 28 GFP_KERNEL | __GFP_ZERO
# PADDR SIZE MODE, VADDR ACCESS LEN, SIZE DEV-MASK, ADDR ORDER
ioremap 0xfebf0000 4K + 4K uc-
touch big w 4K * 2
dma_alloc_coherent 8K 30 + 2
alloc_pages GFP_KERNEL 1 + 1
__free_pages $_ 1 + 1
ptdump 0xc0000000 + 4M 0xc0000000 + 12M
tlb flush PAGE_OFFSET + 4K
fix_to_virt FIX_KMAP_BEGIN + 1
# options: a value after its option, an expression where it is one
pte 0x1000 + 0x67 --raw --level pgd
smaps --addr start_stack + 4
whatis -p 1M + 4K
write --phys 0x100000 + 16 0x11 | 0x22
rmmod hello
kmem_cache_destroy my_cache
# words are never computed: echo prints them as written
echo -n  a   "b  c"  /tmp  0 + 1 | x
set seed 40 + 2
set
# lab answer K VALUE: the value is an expression or the words asked for
lab start 1
lab answer 1 0x25e1c808 >> 22
lab answer 2 (0x25e1c808 >> 22) * 4 + 0
