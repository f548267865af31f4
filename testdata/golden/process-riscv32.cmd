# args: --arch riscv32 --boot clean
# riscv32 processes: Sv32 tables, 9-bit ASIDs.
maps
touch big w
fork
switch 2
touch big w
walk big
ps
machine
