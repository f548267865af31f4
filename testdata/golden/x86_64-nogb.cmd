# args: --arch x86_64 --mem 256M --cpu nogbpages,nonx --boot clean
# Without gbpages the direct map uses 2M pages; without NX bit 63 is reserved.
machine
walk 0xffff888000123456
walk 0xffff88800fffffff
pte 0x8000000000000163 --raw
ptdump kernel
