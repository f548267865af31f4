# args: --kernel 2.6 --cpu nopse --mem 256M
# Without PSE the direct map is built from 4K page tables.
machine
walk 0xc0100000
walk 0xcfffffff
pte 0xc0123000
