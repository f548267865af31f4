# args: --arch arm --kernel 3.4 --mem 1G
# arm: device memory only (vexpress peripherals at 0x10000000), 16M
# alignment for large ranges, RAM refused.
ioremap 0x10009000 4K --walk
ioremap 0x18000000 32M wc
ioremap 0x60100000 4K
vmallocinfo
iounmap $1
