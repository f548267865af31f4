# args: --arch x86_64 --boot clean
# After fork the child's PTEs are old (pte_mkold).  The mapping exists:
# walk, translate and x report it, and say when an access would fault on
# it (arm64's access flag without TCR_EL1.HA; arm's young emulation, which
# leaves the hardware entry empty; x86 sets the accessed bit in hardware).
# Only an access (touch) faults, and the kernel makes the PTE young.
touch data_page w
fork
switch 2
walk data_page
translate data_page
x/x data_page
pte data_page
touch data_page
walk data_page
translate data_page
