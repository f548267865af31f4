# args: --arch x86_64 --mem 256M --cpu meltdown,nopcid --boot clean
# Without PCID the kernel text and rodata are cloned too
# (pti_kernel_image_global_ok), all of it global.
machine
ptdump --user-pgd kernel
