# args: --kernel 2.6 --mem 160M
# The seed experiment: on a 160 MiB i386 (all RAM is lowmem),
# get_free_page and kmalloc land in the direct map, a fixed offset from
# physical memory; vmalloc lands at VMALLOC_START = high_memory + 8M =
# 0xca800000, 245 pages then a 4K guard page, its frames wherever the
# buddy allocator had them.
get_free_page
kmalloc 100
vmalloc 1000000
pa $1
pa $2
pa $3
walk $1
walk $2
vmallocinfo
whatis $3
whatis $3+245*4096
whatis $3+244*4096+4095
# x reads through swapper_pg_dir; the first access (touch) takes the
# vmalloc fault that copies the pgd entry into this process's pgd
x/4x $3
touch $3
walk $3
walk $3+4096
walk $3+244*4096
walk $3+245*4096
layout
