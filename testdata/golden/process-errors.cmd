# args: --kernel 2.6
# Bad programs and bad requests: clear errors, nothing changes.
exec ../elf/demo.c
exec ../elf/bad-truncated
exec ../elf/bad-core
exec ../elf/demo-x86_64
exec ../elf/demo-arm64
exec ../elf
exec nosuchfile
exec
switch 9
switch 0
fork 9
exit 9
maps 9
pagemap 0xc0000000
touch main q
mmap 0 4K rwz private|anonymous
mmap 0 4K rw bogus
mmap 0 4K rw private
mmap 1 4K rw private|anonymous|fixed
mmap 0 4K rw private ../elf/demo-i386 123
munmap 0x1001 4K
mprotect 0x08049000 4K rw
mprotect 0x10000000 4K r
brk 0x1000
dis 0x1000
ps
maps
