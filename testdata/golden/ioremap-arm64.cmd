# args: --arch arm64 --mem 1G --boot clean
# arm64: device nGnRE, ioremap_cache of RAM gives the linear map.
ioremap 0x09000000 4K --walk
ioremap 0x40100000 4K cache
ioremap 0x40100000 4K
ioremap 0x20000000 512M
vmallocinfo
