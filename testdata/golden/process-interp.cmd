# args: --arch x86_64 -e none --boot clean
# A PIE with an interpreter (PT_INTERP /lib/ld-demo-x86_64.so): without
# the interpreter ptwalk says why and loads the program alone; with --root
# the interpreter is found under the given directory, as in a chroot, and
# mapped below mmap_base while the PIE goes to ELF_ET_DYN_BASE.
exec ../elf/demo-x86_64-dyn
maps
exit
exec --root ../elf/root ../elf/demo-x86_64-dyn a -b
maps
sym AT_ENTRY
sym main
sym $_
dis $2 2
x/3i AT_ENTRY
x/4gx start_stack
x/s arg_start
ps
