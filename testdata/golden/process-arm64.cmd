# args: --arch arm64 --boot clean
# arm64: TTBR0 holds only user tables, 16-bit ASIDs, access flag faults
# after fork, copy-on-write, an instruction fetch from a data page (PXN/UXN).
maps
dis _start 3
touch big w
fork
switch 2
touch big
touch big w
touch big x
ps
switch 1
exit 2
exit 1
ps
machine
