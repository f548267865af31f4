# args: --arch arm64 --mem 256M --boot clean
# arm and arm64 machines saved as ELF cores and opened again: QEMU's notes
# carry no TTBRs, so the roots come from ptwalk's own note and the
# VMCOREINFO (swapper_pg_dir - kimage_voffset).
save image-arm64.core
image image-arm64.core
machine
cpus
walk PAGE_OFFSET + 0x123456
pa PAGE_OFFSET + 0x123456
va 0x40123456
translate _text swapper_pg_dir
image --ttbr0 0x40001000 image-arm64.core
cpus
image --arch arm image-arm64.core
