# args: --arch arm --kernel 3.4 --mem 768M
# 768M on the 3.x layout: vmalloc_min caps lowmem at 760M.
machine
