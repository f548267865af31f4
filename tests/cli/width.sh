# The width text is fitted to: $COLUMNS, else the terminal's; a pipe or a
# file without COLUMNS is not wrapped.
# Long lines break at word boundaries with a hanging indent; /proc formats
# keep their columns; a number is never split.
# the widest line that could have been broken (it has a space inside)
longest() { awk '/[^ ] +[^ ]/ { if (length($0) > m) m = length($0) } END { print m + 0 }'; }
walk='walk 0xffff888000123456'
echo "walk on x86_64, not a terminal: not wrapped"
unset COLUMNS
"$PTWALK" -q -a x86_64 -c "$walk" | sed -n '3,5p'
echo "COLUMNS=200: one line a step"
COLUMNS=200 "$PTWALK" -q -a x86_64 -c "$walk" | sed -n '3p'
echo "COLUMNS=60: every line fits"
COLUMNS=60 "$PTWALK" -q -a x86_64 -c "$walk; help; kmalloc 100; layout" | longest
echo "COLUMNS=60, help:"
COLUMNS=60 "$PTWALK" -q -c help | sed -n '5,8p'
echo "COLUMNS=junk and COLUMNS=0 mean 80:"
COLUMNS=junk "$PTWALK" -q -a x86_64 -c "$walk; help" | longest
COLUMNS=0 "$PTWALK" -q -a x86_64 -c "$walk; help" | longest
echo "COLUMNS=10 is taken as the least width, 40:"
COLUMNS=10 "$PTWALK" -q -c "kmalloc 100" | longest
echo "slabinfo keeps /proc/slabinfo's columns at 60:"
COLUMNS=60 "$PTWALK" -q -c slabinfo | sed -n '2,3p'
echo "a help paragraph is filled again at 50:"
COLUMNS=50 "$PTWALK" -q -c 'help walk' | sed -n '5,9p'
if command -v script >/dev/null 2>&1; then
	echo "a terminal of 100 columns:"
	script -q -c "stty cols 100 rows 40; '$PTWALK' -q -a x86_64 -c '$walk'" \
		/dev/null </dev/null | tr -d '\r' | sed -n '3,4p'
else
	# no pty to test with: what a 100-column terminal shows
	echo "a terminal of 100 columns:"
	echo "  pgd[273] PML4   0x00000304e000 + 273*8 = 0x00000304e888: 0x0000000003000063  P RW A D"
	echo "                  -> table 0x000003000000"
fi
