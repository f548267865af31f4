# args: --arch arm64 --boot clean
# The slab allocator on arm64: KMALLOC_MIN_SIZE and the size classes of the
# arch, the direct map, kmalloc_large; freeing everything and shrinking
# gives back the buddyinfo of boot.
buddyinfo
kmalloc 1
kmalloc 100
kmalloc 200
kzalloc 5000
kmalloc 9000 --walk
ksize $1
ksize $2
ksize $3
slab kmalloc-128
kfree $1
kfree $2
kfree $3
kfree $4
kfree $5
kmem_cache_shrink
buddyinfo
slabinfo
