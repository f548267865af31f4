# args: -e none --arch x86_64 --mem 8G --boot clean
# x86_64: DMA (16M), DMA32 (to 4G), Normal; struct pages in vmemmap.
machine
buddyinfo
help gfp
alloc_pages GFP_KERNEL 0
alloc_pages GFP_DMA32 0
alloc_pages GFP_DMA 0
alloc_pages GFP_HIGHUSER 0
page $1
pfn_to_page 0x123
page_to_pfn $_
walk $6
virt_to_page 0xffff888000123000
virt_to_page 0xffffffff81000000
page_address $8
__free_pages $1 0
__free_pages $2 0
__free_pages $3 0
__free_pages $4 0
buddyinfo
zoneinfo
meminfo
