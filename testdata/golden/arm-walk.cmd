# args: --arch arm --kernel 3.4
# 32-bit ARM, Linux 3.4 layout, 1G: 760M lowmem in 1M sections + highmem.
machine
walk _text
vtop high_memory - 1
walk high_memory
walk 0xffff0000
walk PKMAP_BASE
walk FIXADDR_START + 5 * 4096
walk CONSISTENT_BASE
walk 0x8000
walk 0
walk 0x100000000
translate 0xc0000000 0xc00fffff 0xffff0000
pa 0xc0100000
pa high_memory
va 0x60001000
va 0x90000000
va 0x1000
sym swapper_pg_dir
sym vectors_page
x/4wx swapper_pg_dir + 0xc00 * 4
x/2wx swapper_pg_dir + 0xfff * 4 - 4
pte 0xffff0000
pte _text
pte 0xfff00000
pte 0x6054067e --raw
pte 0x6054067f --raw --level pte
pte 0x6001140e --raw --level pgd
pte 0x60541c21 --raw --level pgd
pte 0xab30026e --raw --level pgd
pte 0xab341cae --raw --level pgd
pte 0x76549c3d --raw
pte 0x12340003 --raw --level pgd
pte 0x605405df --raw --linux
pte 0x6054035f --raw --linux
pte 0x6001140e --raw --linux --level pgd
