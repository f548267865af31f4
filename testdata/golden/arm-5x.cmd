# args: --arch arm --kernel 5.4
# The Linux 5.4 layout: VMALLOC_END 0xff800000, fixmap at 0xffc00000
# counting down, strict kernel RWX sections, the vector stubs page.
machine
layout
walk 0xc0000000
walk _stext
walk __start_rodata_section_aligned
walk _sdata
walk 0xffff0000
walk 0xffff1000
walk FIXADDR_TOP - 4096
pte 0x60e814df --raw --linux
pte 0x60e81cdf --raw --linux
