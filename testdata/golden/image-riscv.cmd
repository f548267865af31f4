# args: --arch riscv64 --mem 256M --boot clean
# riscv machines saved as ELF cores and opened again: QEMU's riscv notes
# carry no satp, so the roots come from ptwalk's own note, the VMCOREINFO
# (swapper_pg_dir - va_kernel_pa_offset) or --cr3.
touch big w
save image-riscv64.core
image image-riscv64.core
machine
cpus
walk 0xffffffd800001000
walk PAGE_OFFSET + 0x123456
walk 0x14000
pa PAGE_OFFSET + 0x123456
va 0x80123456
translate _stext swapper_pg_dir
image --cr3 0x81848000 image-riscv64.core
cpus
image --arch riscv32 image-riscv64.core
