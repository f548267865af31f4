# args: --kernel 2.6 --mem 160M
# vmalloc on a 160 MiB i386: the area starts at VMALLOC_START = high_memory
# + 8M = 0xca800000; 1000000 bytes are 245 pages plus the 4K guard page.
get_free_page
vmalloc 1000000
pa $1
pa $2
walk $2
x/4x $2
touch $2
walk $2
walk $2+244*4096
walk $2+245*4096
vmallocinfo
vmalloc 1
vzalloc 8K --walk
x/4x $_
vmallocinfo
vfree $2
vmallocinfo
walk $2
vmalloc 2M
set verbose on
vmalloc 4096
vfree $_
set verbose off
vmallocinfo
meminfo
