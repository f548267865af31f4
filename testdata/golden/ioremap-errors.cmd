# args: --kernel 2.6 --mem 1G
# Bad input to ioremap: a clear error, nothing changed.
ioremap 0x1000000 4K
ioremap 0x3ff00000 2M
ioremap 0xfebf0000 0
ioremap 0xffffffff 2
ioremap 0x100000000 4K
ioremap 0xfebf0000 4K wt
ioremap 0xfebf0000 200M
vmallocinfo
iounmap 0xf8800000
