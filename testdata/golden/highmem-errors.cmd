# args: --kernel 2.6 --mem 1G
# Bad input to kmap & co.: a clear error, nothing changed.
alloc_pages GFP_HIGHUSER 0
kunmap $1
kmap $1
kunmap $1
kunmap $1
kmap_atomic $1
alloc_pages GFP_HIGHUSER 0
kmap_atomic $4
kunmap_atomic $3
kunmap_atomic $5+4096
kunmap_atomic $2
kunmap_atomic 0x1000
kmap_atomic $1 7
kmap 0x12345678
fix_to_virt 713
fix_to_virt FIX_NOSUCH
fix_to_virt -1
virt_to_fix 0xc0000000
virt_to_fix 0xfffff000+4096
fixmap
