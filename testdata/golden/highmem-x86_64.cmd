# args: --arch x86_64 --mem 2G --boot clean
# 64-bit: no highmem; kmap is page_address(); the fixmap still exists.
alloc_pages GFP_HIGHUSER 0
kmap $1
kmap_atomic $1
kunmap $1
kunmap_atomic $3
fixmap
fix_to_virt VSYSCALL_PAGE
