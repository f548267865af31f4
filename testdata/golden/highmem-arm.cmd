# args: --arch arm --kernel 3.4 --mem 1G
# arm 3.x: pkmap below PAGE_OFFSET, 512 slots; every fixmap slot is a
# kmap_atomic slot, counting up from FIXADDR_START; the PTE stays at unmap.
alloc_pages GFP_HIGHUSER 0
kmap $1 --walk
alloc_pages GFP_HIGHUSER 0
kmap_atomic $3 --walk
kunmap_atomic $4
walk $4
fixmap
fix_to_virt 17
virt_to_fix 0xfff11000
