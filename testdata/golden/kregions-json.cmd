# args: --kernel 2.6 --mem 1G --json
# JSON results of the kernel-region allocators: va, pa, size, region.
vmalloc 10000
ioremap 0xfebf0010 16
alloc_pages GFP_HIGHUSER 0
kmap $3
kmap_atomic $3 1
dma_alloc_coherent 4096
module_alloc 4096
whatis $1
whatis -p 0xfebf0000
vfree $1
kunmap_atomic $5
vfree 0x1000
