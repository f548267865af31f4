# Commands from stdin when it is not a terminal: no prompt, no banner.
printf 'pa 0xc0100000\nwalk 0xf8800000\necho done\n' | $PTWALK; echo "exit $?"
printf 'echo one; echo two # comment\n\n   # only a comment\necho three\n' | $PTWALK; echo "exit $?"
printf 'echo ok\n' | $PTWALK --json; echo "exit $?"
# binary garbage is named with escapes; JSON stays valid UTF-8
printf 'echo ok\n\343\001@ x\n' | $PTWALK; echo "exit $?"
printf 'echo "caf\303\251 \377"\n' | $PTWALK --json; echo "exit $?"
