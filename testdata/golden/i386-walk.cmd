# args: --kernel 2.6
# The default machine: i386, 1G, 2-level paging with 4M PSE pages.
machine
walk 0xc0100000
vtop 0xf7ffffff
walk 0xf8800000
walk _text
translate 0xc0000000 0xc0100000 0xf7fff000
translate 0xc0000000
pa 0xc0100000
pa high_memory - 1
va 0x00100000
ptov 0x37fff000
pte 0xc0100000
pte 0x000001e3 --raw --level pgd
pte 0x00100163 --raw
x/4wx swapper_pg_dir + 768*4
rd/2xg swapper_pg_dir + 0xc00
xp 0x00500c00 32
xp/8xb 0x500c00
sym swapper_pg_dir
sym _text + 0x123
sym high_memory
walk FIXADDR_TOP - 4 * 4096
pte FIXADDR_TOP - 3 * 4096
