# Commands from stdin when it is not a terminal: no prompt, no banner.
printf 'pa 0xc0100000\nwalk 0xf8800000\necho done\n' | $PTWALK; echo "exit $?"
printf 'echo one; echo two # comment\n\n   # only a comment\necho three\n' | $PTWALK; echo "exit $?"
printf 'echo ok\n' | $PTWALK --json; echo "exit $?"
