# args: --kernel 2.6
# A cache's slabs through their lives: the CPU slab fills and leaves full,
# a new slab comes from the buddy allocator, a free moves a full slab to
# the partial list, an empty slab stays while the node keeps fewer than
# min_partial, another CPU takes a partial slab, destroy is refused while
# objects live; then one-object slabs show min_partial and shrink.
kmem_cache_create foo 4000
slab foo
kmem_cache_alloc foo
kmem_cache_alloc foo
kmem_cache_alloc foo
kmem_cache_alloc foo
kmem_cache_alloc foo
kmem_cache_alloc foo
kmem_cache_alloc foo
kmem_cache_alloc foo
slab foo
# the CPU slab is full: the next allocation takes a new slab
kmem_cache_alloc foo
slab foo
kmem_cache_free foo $3
slab foo
kmem_cache_free foo $4
kmem_cache_free foo $5
kmem_cache_free foo $6
kmem_cache_free foo $7
kmem_cache_free foo $8
kmem_cache_free foo $9
kmem_cache_free foo $10
slab foo
# CPU 1 has no slab of foo: it takes the partial one
cpu 1
kmem_cache_alloc foo
slab foo
cpu 0
kmem_cache_destroy foo
kmem_cache_free foo $12
kmem_cache_free foo $17
slab foo
kmem_cache_destroy foo
slab foo
# one object per slab (order 4): empty slabs stay up to min_partial = 7
kmem_cache_create big 40000
kmem_cache_alloc big
kmem_cache_alloc big
kmem_cache_alloc big
kmem_cache_alloc big
kmem_cache_alloc big
kmem_cache_alloc big
kmem_cache_alloc big
kmem_cache_alloc big
kmem_cache_alloc big
slab big
kmem_cache_free big $22
kmem_cache_free big $23
kmem_cache_free big $24
kmem_cache_free big $25
kmem_cache_free big $26
kmem_cache_free big $27
kmem_cache_free big $28
kmem_cache_free big $29
slab big
kmem_cache_shrink big
kmem_cache_free big $30
kmem_cache_shrink
slab big
kmem_cache_destroy big
