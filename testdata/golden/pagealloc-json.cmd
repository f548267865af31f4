# args: --kernel 2.6 -e none
# The page allocator's JSON results.
set json on
alloc_pages GFP_KERNEL 1
__get_free_pages GFP_DMA 0
free_pages $2 0
set verbose on
__free_pages $1 1
set verbose off
alloc_pages GFP_HIGHUSER 0
page $_
pfn_to_page 0x100
page_to_pfn $_
virt_to_page 0xc0100000
page_address $_
buddyinfo
alloc_pages GFP_KERNEL 12
