# args: --kernel 2.6 --json
kmalloc 100
kmem_cache_create foo 24
kmem_cache_alloc foo
kmem_cache_free foo $3
kfree $1
kfree $1
slab foo
kmem_cache_destroy foo
kmalloc 10000
ksize $_
kfree $5
