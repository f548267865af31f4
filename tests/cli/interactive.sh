# The interactive session, driven through a pseudo-terminal (script(1) from
# util-linux).  Its exit status is that of quit STATUS, else 0, even after
# failed commands; stdin being a terminal makes it interactive even when
# stdout is a pipe (ptwalk | tee log), with the prompt and line editing on
# the terminal and the output alone in the pipe.  The terminal echoes what
# what is typed before ptwalk starts (stty -echo stops it from then on),
# so only chosen lines are compared.
d=$(mktemp -d)
tty() { TERM=dumb timeout 60 script -qec "stty -echo; $1" /dev/null 2>&1 | tr -d '\r'; }
echo "a failed command, then quit:"
printf 'walk 0\nnosuch\nquit\n' | tty "$PTWALK -q" >$d/o; echo "  exit $?"
echo "  errors shown: $(grep -c 'error: walk: 0x00000000: not present' $d/o)"
echo "a failed command, then Ctrl-D:"
printf 'walk 0\n\004' | tty "$PTWALK -q; echo status \$?" | grep -o 'status [0-9]*'
echo "quit 7:"
printf 'nosuch\nquit 7\n' | tty "$PTWALK -q; echo status \$?" | grep -o 'status [0-9]*'
echo "quit 0 after a failure in source:"
printf 'nosuch\n' >$d/bad.cmd
printf 'source %s/bad.cmd\nquit 0\n' $d | tty "$PTWALK -q; echo status \$?" | grep -o 'status [0-9]*'
echo "ptwalk | cat > log:"
# Ctrl-A goes to the start of the line: only line editing makes it 'echo xyz'
printf 'xyz\001echo \necho second\nquit\n' |
	tty "{ $PTWALK; echo status \$? >&2; } | cat >$d/log" >$d/o
grep -o 'status [0-9]*' $d/o
grep -q 'ptwalk> ' $d/o && echo "  the prompt is on the terminal"
grep -q "Type 'help'" $d/o && echo "  and the banner"
echo "  the log:"
sed 's/^/    /' $d/log
echo "  prompts or banner in the log: $(grep -c "ptwalk>\|Type 'help'" $d/log)"
echo "the banner:"
printf 'quit\n' | tty "$PTWALK" | grep -v 'ptwalk> ' | grep -v '^quit$' >$d/banner
sed 's/^/  /' $d/banner
echo "  wider than 80 columns: $(awk 'length > 80' $d/banner | wc -l)"
# its suggestions, run in the order given, on every arch: 'touch' faults
tr '\n' ' ' <$d/banner | grep -o "'[^']*'" | tr -d "'" | grep -v '^help$' >$d/sugg
echo "suggested: $(tr '\n' ';' <$d/sugg)"
for a in i386 i386-pae x86_64 x86_64-la57 arm arm64; do
	printf '  %-12s ' $a
	$PTWALK -a $a -c "$(tr '\n' ';' <$d/sugg)" 2>&1 | grep '^write ' |
		sed 's/0x[0-9a-f]*/ADDR/g'
done
rm -rf $d
