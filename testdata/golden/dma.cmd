# args: --arch arm --kernel 3.4 --mem 1G
# arm 3.x: coherent buffers from the top of the 2M consistent area, the
# same pages reachable through their cached lowmem alias.
dma_alloc_coherent 8192 --walk
walk 0xc0548000
dma_alloc_coherent 3000
dma_alloc_coherent 1M
set verbose on
dma_free_coherent $3
set verbose off
dma_alloc_coherent 4096
dma_alloc_coherent 1M
dma_free_coherent $1+4096
vfree $1
