# args: --kernel 2.6 -e none --mem 1G --nodes 2
# Two NUMA nodes of 512M: node 0 has DMA and Normal, node 1 the rest of
# Normal and HighMem.  Zonelists are ordered by node first: the local
# node's zones from the highest down, then the other node's.
machine
buddyinfo
help gfp
# cpu0 is on node 0: GFP_HIGHUSER stays local in Normal
alloc_pages GFP_HIGHUSER 0
# node 1 has HighMem
alloc_pages --node 1 GFP_HIGHUSER 0
# only node 0 has DMA: node 1 falls back to it, unless __GFP_THISNODE
alloc_pages --node 1 GFP_DMA 0
alloc_pages --node 1 GFP_DMA|__GFP_THISNODE 0
__free_pages $1 0
__free_pages $2 0
__free_pages $3 0
buddyinfo
zoneinfo
meminfo
