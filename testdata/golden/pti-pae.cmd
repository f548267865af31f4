# args: --arch i386-pae --mem 1G --boot clean
# Kernel page-table isolation on the 6.1 PAE kernel (QEMU's qemu32 is
# GenuineIntel: the Meltdown bug, PTI on): the two pgds of a process, the
# user half's kernel part, and the kernel's own mappings non-global.
machine
xp/4gx $cr3
xp/4gx $cr3 + 4096
ptdump --user-pgd kernel
ptdump --user-pgd user
walk --user-pgd 0xc1000000
walk --user-pgd 0xc2000000
walk 0xc2000000
fork
ps
touch 0x08049000 x
touch 0x0804d000 w
tlb
exit
