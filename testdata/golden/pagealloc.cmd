# args: --kernel 2.6 -e none
# The buddy allocator of the default machine (i386, 1G: 896M lowmem).
# Done when: GFP_HIGHUSER gives a frame above 896M, GFP_DMA one below 16M,
# and buddyinfo after freeing everything equals buddyinfo at boot.
buddyinfo
alloc_pages GFP_HIGHUSER 0
alloc_pages GFP_DMA 0
alloc_page GFP_KERNEL
set verbose on
alloc_pages GFP_KERNEL 3
set verbose off
__free_pages $4 3
__free_page $3
__free_pages $1 0
__free_pages $2 0
buddyinfo
# by virtual address
__get_free_pages GFP_KERNEL|__GFP_ZERO 2
page $5
free_pages $5 2
get_free_page
free_page $_
get_free_page GFP_ATOMIC
free_page $_
get_zeroed_page
x/4wx $9
free_page $9
# conversions
pfn_to_page 0x1234
page_to_pfn $_
pfn_to_page 0x1234
page_address $_
virt_to_page 0xc1234000
page_address $_
pfn_to_page 0x3f000
page_address $_
# descriptors: reserved, free head, free tail, compound head and tail
page 0
page 0x100
page 0xc0100000
page 0x1000
page 0x1001
alloc_pages GFP_KERNEL|__GFP_COMP 2
page $_
page $_ + 32 * 3
page_to_pfn $_
__free_pages $24 2
buddyinfo
zoneinfo
meminfo
