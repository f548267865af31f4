# trace: '-' reads a piped trace from stdin; CRLF line ends; a line longer
# than the reader holds is a bad line; --csv --every writes the counters
# as the replay goes; Ctrl-C stops a trace that never ends, with the
# statistics so far (SIGINT unignored: a background job inherits it ignored).
d=$(mktemp -d)
printf 'I  08049000,3\r\n L 0804c010,4\r\n' | $PTWALK -q -c 'trace -'
echo "exit $?"
{ echo 'r 0x0804c000'; head -c 6000 /dev/zero | tr '\0' 'r'; echo; echo 'w 0x0804c000'; } |
	$PTWALK -q -c 'trace --keep-going -'
echo "exit $?"
awk 'BEGIN { for (i = 0; i < 10; i++) printf "r 0x%x\n", 134537216 + i * 4096 }' >$d/t
$PTWALK -q -c "trace --csv $d/c.csv --every 4 $d/t" >/dev/null
echo "exit $?"
cat $d/c.csv
# a trace that never ends: Ctrl-C (SIGINT) after a moment
yes ' L 0804c010,4' | timeout -s INT -k 10 3 env --default-signal=INT $PTWALK -q -c 'trace -' >$d/out 2>&1
echo "exit $?"
sed -e 's/^[0-9]* accesses ([0-9]* reads,.*/N accesses .../' \
	-e 's/lackey trace: .*/lackey trace: .../' \
	-e 's/:[0-9]*: interrupted after [0-9]* accesses/:N: interrupted after N accesses/' $d/out |
	grep -v '^ '
rm -rf $d
