# args: --kernel 2.6 --mem 1G
# i386 (dma-direct): the zone follows the device's mask; the CPU uses the
# direct map and the bus address is the physical one.
dma_alloc_coherent 8192 24
dma_alloc_coherent 8192
dma_alloc_coherent 12K 64
dma_alloc_coherent 4096 0xffffffff --walk
dma_free_coherent $1
dma_free_coherent $2+4096
dma_free_coherent 0xc0100000
dma_alloc_coherent 0
dma_alloc_coherent 8M
dma_alloc_coherent 4096 0
# sizes whose rounding to pages would wrap: the order is taken first
dma_alloc_coherent 0x8000000000000001
dma_alloc_coherent 0xffffffffffffffff
dma_alloc_coherent 0xfffffffffffff000
