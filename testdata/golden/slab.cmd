# args: --kernel 2.6
# The slab allocator of the default machine (i386, 1G, 2 CPUs): SLUB as
# Linux 6.1 builds it.  The boot caches, the kmalloc size classes (96 and
# 192 included, the large path above 8K), objects as bytes in RAM (the free
# pointer in the middle of a free object; kzalloc zeroes), kfree, ksize.
slabinfo
# size classes: 1-8, 9-16, ..., 65-96, 97-128, 129-192, 193-256, fls above
kmalloc 1
kmalloc 8
kmalloc 9
kmalloc 64
kmalloc 65
kmalloc 96
kmalloc 97
kmalloc 129
kmalloc 192
kmalloc 193
kmalloc 1000
kmalloc 8192
# a new slab from the buddy allocator, with its splits
set verbose on
kmalloc 2000
set verbose off
# above KMALLOC_MAX_CACHE_SIZE: pages, no cache
kmalloc 8193
ksize $14
page $14
kfree $14
# objects are bytes: the free pointer in the middle of a free object
kmalloc 100
x/32wx $17
kfree $17
x/32wx $17
slab kmalloc-128
# reuse: the last freed object comes first, its free pointer still inside
kmalloc 100
x/32wx $21
kfree $21
kzalloc 100
x/32wx $23
ksize $23
kfree $23
# where it is: the walk of a kmalloc address, and its struct page
kmalloc 100 --walk
page $26
kfree $26
# GFP_DMA and __GFP_RECLAIMABLE have their own caches
kmalloc 100 GFP_DMA
kmalloc 100 GFP_KERNEL|__GFP_RECLAIMABLE
kmalloc 100 GFP_HIGHUSER
kfree $30
kfree $29
kfree $28
slabinfo
