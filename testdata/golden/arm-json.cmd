# args: --arch arm --kernel 3.4 --json
walk 0xc0100000
walk 0xffff0000
walk 0xf0000000
pte 0xffff0000
pte 0x605405df --raw --linux
machine
