# -e/--exec: pid 1 runs the given ELF; a bad one stops ptwalk (status 2);
# -e none starts without a process.
E=../../testdata/elf
$PTWALK -a x86_64 -e $E/demo-x86_64 -c 'ps; maps; sym _start; dis AT_ENTRY 3'; echo "exit $?"
$PTWALK --exec=$E/demo-i386-pie -c 'maps'; echo "exit $?"
$PTWALK -e none -c 'ps; maps'; echo "exit $?"
$PTWALK -e $E/demo-x86_64 -c 'ps'; echo "exit $?"
$PTWALK -e $E/bad-truncated -c 'ps'; echo "exit $?"
$PTWALK -e nosuchfile -c 'ps'; echo "exit $?"
