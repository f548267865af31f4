# args: --arch x86_64 --mem 8G --boot clean
# x86_64: ZONE_DMA below 16M, ZONE_DMA32 below 4G, Normal above.
dma_alloc_coherent 8192
dma_alloc_coherent 3000 24
dma_alloc_coherent 12K 64
dma_free_coherent $1
