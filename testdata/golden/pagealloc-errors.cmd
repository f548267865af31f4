# args: --kernel 2.6 -e none --mem 16M
# Bad input to the page allocator: each is refused with the reason and
# nothing changes.  16M of RAM: one zone, DMA.
buddyinfo
alloc_pages GFP_KERNEL 11
alloc_pages GFP_KERNEL -1
alloc_pages GFP_KERNAL 0
alloc_pages __GFP_DMA|__GFP_HIGHMEM 0
alloc_pages GFP_KERNEL
alloc_pages --node 1 GFP_KERNEL 0
__get_free_pages GFP_HIGHUSER 0
# frees that would corrupt the kernel
alloc_pages GFP_KERNEL 2
__free_pages $_ 1
__free_pages $1 + 32 2
__free_pages $1 + 3 2
__free_pages 0x1234 0
__free_pages 0xc0000000 0
__free_page 0xc0000000
free_pages 0xc0100000 0
free_pages 0xc0800008 0
free_pages 0xd0000000 0
free_page 0x1000
__free_pages $1 2
__free_pages $1 2
page $1
buddyinfo
# exhaustion: the zone and order that ran out, the watermark that stopped it
alloc_pages GFP_KERNEL 10
alloc_pages GFP_KERNEL 10
alloc_pages GFP_KERNEL 9
alloc_pages GFP_KERNEL 9
alloc_pages GFP_KERNEL 8
alloc_pages GFP_KERNEL 8
alloc_pages GFP_KERNEL 7
alloc_pages GFP_KERNEL 4
zoneinfo
alloc_pages GFP_KERNEL 6
alloc_pages GFP_KERNEL 6
alloc_pages GFP_KERNEL 6
alloc_pages GFP_KERNEL 5
buddyinfo
# below the low watermark: the slow path still succeeds above min
set verbose on
alloc_pages GFP_KERNEL 4
set verbose off
alloc_pages GFP_KERNEL 3
alloc_pages GFP_KERNEL 3
# at min: GFP_KERNEL fails, GFP_ATOMIC may dip below, GFP_NOWAIT may not
set verbose on
alloc_pages GFP_KERNEL 2
alloc_pages GFP_KERNEL|__GFP_NOWARN 2
alloc_pages GFP_ATOMIC 2
set verbose off
alloc_pages GFP_NOWAIT 0
meminfo
