# args: --arch x86_64 --boot clean
# Modules whose sections ask for what the loader cannot lay out are
# refused before any layout (testdata/elf/make-hostile.sh makes them):
# 2^63 alignments (ALIGN() would wrap), alignments that are not a power of
# two or exceed a page, a .bss of 2^62 bytes, sections adding up to more
# than the module area.  Nothing is allocated: vmallocinfo stays empty.
insmod ../elf/hostile-align-data-rodata.ko
insmod ../elf/hostile-align-data-bss.ko
insmod ../elf/hostile-align-npot.ko
insmod ../elf/hostile-align-64k.ko
insmod ../elf/hostile-bss-huge.ko
insmod ../elf/hostile-too-big.ko
lsmod
vmallocinfo
# A module's symbols join kallsyms and leave with it: a 4K-aligned
# .rodata is fine; init symbols go with the init layout.
insmod ../elf/syms-x86_64.ko
sym f
sym helper
sym table
sym counter
sym buffer
sym syms_init
sym 0xffffffffa0000014
dis f 2
write counter f+4
x/a counter
rmmod syms
sym f
sym 0xffffffffa0000014
