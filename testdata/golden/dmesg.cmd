# dmesg reads the printk ring buffer of a memory image; the simulated
# kernel keeps no log
dmesg
log --all
dmesg -x
# a core ptwalk saved has no kernel structures: each command says which
# VMCOREINFO line it lacks
save sim.core
image sim.core
dmesg
buddyinfo
vmallocinfo
page 0x100
