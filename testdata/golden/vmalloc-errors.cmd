# args: --kernel 2.6 --mem 1G --vmalloc 32M
# Bad input to vmalloc and vfree: a clear error, nothing changed.
# vmalloc=32M leaves 24M - 8K of vmalloc area after the 8M hole.
vmalloc 0
vmalloc 4G
vmalloc 32M
vmalloc 16M
vmalloc 8M
vmallocinfo
vfree $1+4096
vfree $1+16M
vfree $1+16M+4096
vfree 0xc0100000
get_free_page
vfree $_
vfree 0x12345
vfree 0
vfree $1
vfree $1
vmallocinfo
vmalloc 12M
vmallocinfo
