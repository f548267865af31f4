# args: --arch x86_64 --mem 2G --boot clean
# x86_64: huge vmap leaves for aligned ranges, IOREMAP_MAX_ORDER 1G.
ioremap 0xfe000000 8K
ioremap 0xc0000000 512M wc --walk
ioremap 0x100000 4K
vmallocinfo
iounmap $2
