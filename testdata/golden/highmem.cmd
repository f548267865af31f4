# args: --kernel 2.6 --mem 1G
# kmap and kmap_atomic on a 1 GiB i386: 128M of highmem above 896M.
alloc_pages GFP_HIGHUSER 0
page_address $1
kmap $1 --walk
page_address $1
kmap $1
alloc_pages GFP_HIGHUSER 0
kmap $6
kunmap $1
kunmap $1
kmap $1
kunmap $1
kunmap $1
kmap_atomic $1
kmap_atomic $6 --walk
kmap_atomic $6 1
fixmap
set verbose on
kunmap_atomic $9
kunmap_atomic $10
kunmap_atomic $9
kunmap_atomic $11
kmap_atomic $1
set verbose off
walk $10
get_free_page
kmap $_
kmap_atomic $13
kunmap_atomic $_
kunmap $13
fix_to_virt 0
fix_to_virt FIX_KMAP_BEGIN+16
fix_to_virt fix_apic_base
virt_to_fix $_
virt_to_fix 0xffd37123
