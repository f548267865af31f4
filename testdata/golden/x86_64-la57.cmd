# args: --arch x86_64-la57 --mem 2G
# 5-level paging: 57-bit addresses, the direct map at 0xff11000000000000.
machine
layout
walk 0xff11000000123456
walk 0xffffffff81000000
walk 0x0100000000000000
walk 0x00ffffffffffffff
pa 0xff11000000001000
set json on
walk 0xff11000000123456
