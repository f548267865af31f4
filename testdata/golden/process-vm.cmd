# args: --kernel 2.6
# The system calls that change VMAs: mmap, munmap, mprotect, brk, with
# splitting, merging and top-down placement; the page cache shared by
# mappings of a file (private and shared); SIGBUS past the end of a file.
mmap 0 64K rw private|anonymous
touch $1 w
mprotect $1 + 8K 8K r
maps
mprotect $1 + 8K 8K rw
maps
munmap $1 + 16K 4K
maps
mmap $1 + 16K 4K rw private|anonymous|noreplace
mmap $1 + 16K 4K rw private|anonymous|noreplace
mmap $1 + 16K 4K r private|anonymous|fixed
maps
munmap $1 0x100000
maps
brk
brk +100K
maps
touch brk - 1 w
brk -100K
maps
mmap 0 16K r private ../elf/demo-i386 0
x/4xb $_
mmap 0 16K rx private ../elf/demo-i386 0
x/4xb $_
# x reads without faulting; touch faults the file's first page into the
# page cache, and both private mappings map that one page
touch 0xb7ffc000
touch 0xb7ff8000
mmap 0 4K rw shared ../elf/demo-i386 0
touch 0xb7ff7000 w
write/b 0xb7ff7001 0x58
x/4xb 0xb7ff7000
x/4xb 0xb7ffc000
smaps --addr 0xb7ff7000
pagemap 0xb7ff7000
pagemap 0xb7ffc000
mmap 0x1000 4K r private|anonymous|fixed
mmap 0 4K r shared|anonymous
mprotect 0x08049000 4K rw
maps
mmap 0 8K r private ../elf/demo-i386 20K
touch $_ + 4096
ps
