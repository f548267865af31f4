# args: --kernel 2.6 --mem 1G
# ioremap on i386: device memory above RAM, the ISA hole (reserved RAM),
# RAM in use refused; areas aligned to their size up to 4M.
ioremap 0xfebf0123 0x100 --walk
x/1x $1
ioremap 0xfd000000 16M wc
ioremap 0xa0000 128K
ioremap 0xfec00000 4K uc
ioremap 0xfed00000 4K cache
vmallocinfo
iounmap $1
iounmap $2+4096
iounmap 0xc0100000
vfree $5
vmallocinfo
