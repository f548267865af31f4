# Output redirection as in crash(8): 'CMD | SHELLCMD', 'CMD > FILE' and
# 'CMD >> FILE' ('help output').  On at the prompt; in -c and command files
# only after 'set redirect on'.
d=$(mktemp -d)
R="set redirect on"
hide() { sed -e "s|$d/||g" -e 's/^sh: [0-9]*: /sh: /'; }
# off in -c: '|' and '>>' are operators, a lone '>' is refused
$PTWALK -q -c 'pa 0xc0000000 | 0x1000; p $_ >> 12 >> 0; walk 0 > x; echo next' 2>&1
# > creates or empties, >> appends; the value history goes on as usual
echo old > $d/out
$PTWALK -q -c "$R; pa 0xc0001000 > $d/out; echo between; pa 0xc0002000 >> $d/out; p \$1 + \$2" 2>&1
cat $d/out
# | SHELLCMD runs to the end of the command (';'); a quoted or parenthesised
# '|' is no pipe; '|' or '>>' before an operand is the operator
$PTWALK -q -c "$R; slabinfo | grep -c kmalloc-; echo \"a | b\" | tr a-z A-Z; echo one | tr o 0; echo two" 2>&1
$PTWALK -q -c "$R; p (1 | 2); p 8 >> 2; p 1 | 0x10; p \$_ | \$1" 2>&1
# a reader that stops early: no SIGPIPE, the rest is dropped, ptwalk goes on
$PTWALK -q -c "$R; x/16384wx PAGE_OFFSET | head -n 1; echo still here" 2>&1; echo "exit $?"
# a file that cannot be opened: the command is not run (kmalloc allocates nothing)
mkfifo $d/fifo
mkdir $d/dir
$PTWALK -q --boot clean -c "$R; kmalloc 64 > $d/dir; kmalloc 64 > $d/nosuchdir/x; kmalloc 64 > $d/fifo; slabinfo | grep '^kmalloc-64 '" 2>&1 | hide
# output that cannot be written is shown here instead, with the reason
$PTWALK -q -c "$R; pa 0xc0000000 > /dev/full; p \$_" 2>&1; echo "exit $?"
$PTWALK -q -c "$R; pa 0xc0000000 | nosuch-shell-command; p \$_" 2>&1 | hide
$PTWALK -q -c "$R; pa 0xc0000000 | kill -TERM \$\$; echo after" 2>&1; echo "exit $?"
$PTWALK -q -c "$R; echo x | exit 3; echo another status is no error" 2>&1; echo "exit $?"
# a redirection needs its target, and '> FILE' ends the command
$PTWALK -q -c "$R; walk 0 |; walk 0 >; walk 0 > a b; walk 0 >>  ; echo done" 2>&1
# --json goes where the text would
$PTWALK -q --json -c "$R; pa 0xc0000000 > $d/j; p/d 7 | cat" 2>&1; cat $d/j
# a command file: redirection off unless set; a whole source can be redirected
printf 'pa 0xc0000000 > %s/n\necho in file\n' $d > $d/r.cmd
$PTWALK -q -c "source $d/r.cmd" 2>&1 | hide
$PTWALK -q -c "$R; source $d/r.cmd" 2>&1 | hide; cat $d/n
printf 'echo one\necho two\n' > $d/two.cmd
$PTWALK -q -c "$R; source $d/two.cmd > $d/both; echo back"; cat $d/both
$PTWALK -q -c "set redirect off; set redirect auto; set redirect maybe" 2>&1
$PTWALK -q -c "set redirect on; set redirect off; set" 2>&1 | grep "^redirect"
# every lab transcript runs the same with redirection on: their '|' and '>>'
# are followed by an operand, so they stay operators at the prompt too
# (in a scratch copy of testdata: tests/golden.sh)
. ../golden.sh
golden_scratch "$(cd ../.. && pwd)" "$d/data" || exit 1
for c in "$d"/data/golden/lab-*.cmd; do
	n=$(basename "$c" .cmd)
	a=$(sed -n 's/^# args: //p' "$c" | head -n 1)
	golden_args "$a" || continue
	set -f
	# shellcheck disable=SC2086 # the words of the line, no globbing
	set -- $a
	set +f
	(cd "$d/data/golden" && "$PTWALK" -q "$@" $n.cmd 2>&1 |
	 grep -vx '{"cmd":"set"}' >$d/off
	 "$PTWALK" -q "$@" -c 'set redirect on' $n.cmd 2>&1 |
	 grep -vx '{"cmd":"set"}' >$d/on)
	cmp -s $d/off $d/on && echo "$n: the same" || diff $d/off $d/on | head -n 5
done
rm -rf "$d"
