# args: -a x86_64
# Every size argument of an allocator is checked before it is rounded: the
# largest sizes get the kernel's own answer, never a wrapped one.
kmalloc 0xffffffffffffffff
kzalloc 0xfffffffffffff001
vmalloc 0xffffffffffffffff
vzalloc 0x8000000000000001
module_alloc 0xfffffffffffff001
alloc_pages GFP_KERNEL 64
__get_free_pages GFP_KERNEL 0xffffffff
kmem_cache_create big 0xffffffffffffffff
kmem_cache_create big 64 0x100000000
ioremap 0x1000 0xffffffffffffffff
ioremap 0xfffffffffffff000 0x2000
dma_alloc_coherent 0xffffffffffffffff
mmap 0 0xfffffffffffff001 rw private,anonymous
munmap 0x400000 0xffffffffffffffff
mprotect 0x400000 0xfffffffffffff001 r
brk 0xffffffffffffffff
brk 0xfffffffffffff000
# a device range of 56T: only the RAM it overlaps is checked, then the
# vmalloc space (32T) is too small for it, as in the kernel
ioremap 0x100000007 0x394448ed5036 uc-
mmap 0xfffffffffffff000 4K r private,anonymous,fixed
