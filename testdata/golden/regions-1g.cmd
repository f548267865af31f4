# args: --kernel 2.6 --mem 1G
# One allocation in each region of a 1 GiB i386, each walked.
vmalloc 64K --walk
ioremap 0xfebf0000 4K --walk
module_alloc 8K --walk
alloc_pages GFP_HIGHUSER 0
kmap $4 --walk
kmap_atomic $4 --walk
dma_alloc_coherent 8K 24 --walk
layout
