# args: --kernel 2.6
# A count of one takes the singular noun (one helper, plural()): a trace
# of one read, a one-page vmalloc, a byte written, one wrong answer.
trace plurals.trace
vmalloc 100
vfree $_
write/b 0xc0001000 1
kmem_cache_shrink
lab start 1 --seed 7
lab answer 1 0x25e1c808 >> 22
lab answer 2 $cr3 + 151*4
xp/w $cr3 + 151*4
lab answer 3 $1
lab answer 4 (0x25e1c808 >> 12) & 0x3ff
lab answer 5 ($1 & ~0xfff) + 540*4
xp/w ($1 & ~0xfff) + 540*4
lab answer 6 $2
lab answer 7 ($2 & ~0xfff) + 0x808
lab check
