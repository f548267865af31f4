# args: --kernel 2.6 -e none --arch i386-pae --mem 8G
# PAE: 7.1G of highmem, and mem_map (2M struct pages of 32 bytes, 64M)
# takes a large bite of the 896M of lowmem.
machine
buddyinfo
alloc_pages GFP_HIGHUSER 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_DMA 0
page $1
page_address $1
__free_pages $1 0
__free_pages $2 0
__free_pages $3 0
pfn_to_page 0x1fffff
page_to_pfn $_
meminfo
