# The system calls that change VMAs: mmap, munmap, mprotect, brk, with
# splitting, merging and top-down placement; the page cache shared by two
# mappings of a file; a replayed access trace; SIGBUS past the end of a file.
maps
brk
brk +100K
maps
touch brk - 1 w
brk -100K
maps
mmap 0 64K rw private|anonymous
touch $_ w
mmap 0 16K r private ../elf/demo-i386 0
x/4xb $_
mmap 0 16K rx private ../elf/demo-i386 0
x/4xb $_
mprotect $1 + 8K 8K r
maps
mprotect $1 + 8K 8K rw
maps
munmap $1 + 16K 4K
maps
mmap $1 + 16K 4K rw private|anonymous|noreplace
mmap $1 + 16K 4K rw private|anonymous|fixed
mmap 0x1000 4K r private|anonymous|fixed
mmap 0 4K r shared|anonymous
mmap 0 4K rw shared ../elf/demo-i386 0
touch $_ w
mmap 0 8K r private ../elf/demo-i386 20K
touch $_ + 4096
ps
