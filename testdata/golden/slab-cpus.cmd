# args: --arch x86_64 --cpus 16 --boot clean
# calculate_order depends on the CPU count: with 16 CPUs slub_min_objects is
# 4 * (fls(16) + 1) = 24, so kmalloc-192 takes order-1 slabs of 42 objects,
# kmalloc-256 order 1, -512 order 2, -1k order 3 (32 objects each), as on
# real machines of that size.  Each CPU allocates from its own slab.
slabinfo
kmalloc 200
cpu 5
kmalloc 200
cpu 0
slab kmalloc-256
