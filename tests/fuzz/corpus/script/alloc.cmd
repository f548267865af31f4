# args: --arch x86_64-la57 --mem 128M
kmalloc 100; kfree $_; vmalloc 64K; vfree $_; alloc_pages GFP_KERNEL 3; __free_pages $_ 3
ioremap 0xfee00000 4K; iounmap $_; dma_alloc_coherent 8K; dma_free_coherent $_; module_alloc 8K
kmem_cache_create foo 48; kmem_cache_alloc foo; kmem_cache_free foo $_; kmem_cache_destroy foo
