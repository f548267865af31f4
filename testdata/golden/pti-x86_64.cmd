# args: --arch x86_64 --mem 256M --cpu meltdown --boot clean
# x86_64 with an Intel CPU (--cpu meltdown): PTI with PCID; the user half
# maps the cpu_entry_area and the entry text's pmd only; user mode runs
# under the user PCID (kernel PCID | 0x800), on the user pgd, whose user
# entries are the kernel pgd's without NX.
machine
ptdump --user-pgd kernel
touch 0x401000 x
walk 0x401000
walk --user-pgd 0x401000
tlb
fork
