# args: --arch arm --kernel 3.4 --mem 1G
# The same sequence on arm (3.x layout): highmem pages first.
vmalloc 1000000 --walk
x/2x $1
touch $1
walk $1
vmalloc 20M
vmallocinfo
vfree $1
walk $1
vfree $5
vmallocinfo
