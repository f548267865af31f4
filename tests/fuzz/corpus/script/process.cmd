# args: --arch i386-pae --mem 256M
maps; touch big w; fork; ps; switch 2; exit; mmap 0 16K rw private,anonymous; touch $_ w 16K
mprotect $1 4K r; munmap $1 4K; brk; pagemap $1; smaps
