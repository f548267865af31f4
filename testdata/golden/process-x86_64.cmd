# args: --arch x86_64 -e ../elf/demo-x86_64-pie --boot clean
# x86_64: a static PIE as pid 1 (placed below mmap_base), a second program,
# PCID context switches, fork and copy-on-write, a write to read-only text.
machine
ps
maps
dis _start 4
exec ../elf/demo-x86_64 one two
maps
switch 1
switch 2
touch data_page w
fork
switch 3
touch data_page
touch data_page w
pagemap data_page
switch 2
pagemap data_page
touch main w
ps
smaps 1
