# args: --arch x86_64
# A lackey trace recorded by valgrind (testdata/traces/record.sh) replayed
# through the same program laid out as valgrind ran it: every access falls
# in a VMA (no SIGSEGV).  The static PIE at 0x108000, the stack below
# 0x1fff001000; the non-PIE program at its link address, its stack moved.
exec --layout valgrind ../elf/demo-x86_64-pie
maps
trace --vmas ../traces/demo-x86_64-pie.lackey
exec --layout valgrind ../elf/demo-x86_64
set json on
trace ../traces/demo-x86_64.lackey
set json off
# laid out as Linux does, the same trace faults outside every VMA
exec ../elf/demo-x86_64-pie
trace --keep-going ../traces/demo-x86_64-pie.lackey
exec --layout bogus ../elf/demo-x86_64-pie
