# args: --kernel 2.6
# Bad input to the slab allocator: each is refused with the reason and
# changes nothing (slabinfo and buddyinfo at the end are those of boot
# plus the two live objects).
kmalloc 100
kmalloc 100
kfree $1
kfree $1
kfree $2 + 8
kfree $2 + 0xf00
kmalloc 0
kzalloc 0
kmalloc 4M + 1
kmalloc 4M
kfree $_ + 4096
kfree $_
kfree 0xc0100000
get_free_page
kfree $_
free_page $4
kfree $4
kfree 0xf8800000
kfree 0x10
kfree 0
ksize $1
ksize 0xc0100000
kmem_cache_create foo 0
kmem_cache_create foo 5M
kmem_cache_create foo 100 3
kmem_cache_create foo 100 0 SLAB_RED_ZONE
kmem_cache_create foo 100 0 SLAB_NOSUCH
kmem_cache_create "a b" 100
kmem_cache_create kmalloc-64 100
kmem_cache_create foo 100 0 SLAB_HWCACHE_ALIGN|SLAB_POISON
kmem_cache_alloc foo
x/32bx $_
kmem_cache_alloc nosuch
kmem_cache_alloc kmalloc-6
kmem_cache_free foo $2
kmem_cache_free kmalloc-128 $6
kmem_cache_free foo 0
kmem_cache_destroy foo
kmem_cache_destroy kmalloc-64
kmem_cache_destroy kmem_cache
kfree $5
kmem_cache_free foo $6
kmem_cache_free foo $6
x/128bx $6
kmem_cache_destroy foo
kmalloc 100 GFP_DMA32|GFP_DMA
kmalloc 100 GFP_NOSUCH
kfree $9
kfree $2
buddyinfo
