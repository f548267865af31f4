# args: --arch i386-pae --mem 1G --vmalloc 200M
# i386 PAE, Linux 6.1: PKMAP_BASE 0xff000000 (2M PMDs below the
# cpu_entry_area at 0xff400000), and vmalloc=200M gives a vmalloc area
# of exactly 200M (VmallocTotal 204800 kB): lowmem ends 200M below
# VMALLOC_END, less the 8M gap.
layout
meminfo
