# args: --arch x86_64 --mem 128M --boot booted
# A machine that looks booted: the x86_64 guest's boot (128M, Linux 6.1)
# replayed, so the vmalloc areas, slab caches and free lists are the
# guest's own (testdata/images/x86_64.view.xz, data/boot/x86_64.boot).
vmallocinfo
slabinfo
buddyinfo
# the next areas land after the guest's, and kmalloc meets used slabs
vmalloc 10000
kmalloc 100
