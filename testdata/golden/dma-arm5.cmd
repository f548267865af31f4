# args: --arch arm --kernel 5.4 --mem 1G
# arm 5.x: no consistent area; the buffer is remapped in the vmalloc space.
dma_alloc_coherent 8192 --walk
vmallocinfo
dma_alloc_coherent 4096 24
dma_free_coherent $1
vmallocinfo
