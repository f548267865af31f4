# args: --arch arm64 --kernel 6.1-rodata-full --mem 4G --boot clean
# rodata=full (Debian's default): the linear map in 4K pages, only the
# alias of the kernel text and rodata keeps its 2M blocks.
machine
walk PAGE_OFFSET + 1G + 0x1234
walk PAGE_OFFSET + 4M
ptdump PAGE_OFFSET PAGE_OFFSET + 64M
