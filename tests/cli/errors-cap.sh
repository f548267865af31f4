# Non-interactive input prints the first 100 errors of each input, then one
# line with the count of the others; all of them still fail the run.
d=$(mktemp -d)
awk 'BEGIN { for (i = 1; i <= 250; i++) printf "nosuch%d\n", i; print "echo still read" }' >$d/bad.cmd
echo "250 errors on stdin:"
$PTWALK <$d/bad.cmd >$d/o 2>&1; rc=$?
head -n 2 $d/o; echo "  ..."; tail -n 3 $d/o; echo "  $(wc -l <$d/o) lines, exit $rc"
echo "in a file, with --json (the JSON objects are all there):"
$PTWALK --json $d/bad.cmd >$d/j 2>$d/e; rc=$?
echo "  $(grep -c '"error"' $d/j) JSON errors, $(wc -l <$d/e) lines on stderr, exit $rc"
tail -n 1 $d/e | sed "s|$d/||"
echo "each input has its own count (a sourced file, then its parent):"
printf 'source %s/bad.cmd\nnosuch\n' $d | $PTWALK 2>&1 | sed "s|$d/||g" | grep -v '^bad.cmd:[0-9]*: unknown'
echo "why reading stopped is said after the cap too:"
head -n 150 $d/bad.cmd >$d/stop.cmd
head -c 2000000 /dev/zero | tr '\0' x >>$d/stop.cmd
$PTWALK <$d/stop.cmd >$d/o 2>&1; rc=$?
tail -n 2 $d/o; echo "  exit $rc"
echo "fewer than 100: no count line:"
printf 'nosuch\nnosuch\n' | $PTWALK 2>&1 | grep -c 'more error'
# 1 MB of random bytes: at most 100 messages and the count, exit 1 (without
# the letter q: a line "q" would be a quit, ending the input early)
echo "1 MB of random bytes:"
head -c 1000000 /dev/urandom | tr -d q >$d/rnd
timeout 60 $PTWALK <$d/rnd >$d/o 2>&1; rc=$?
n=$(wc -l <$d/o)
[ "$n" -le 101 ] && echo "  at most 101 lines" || echo "  $n lines"
tail -n 1 $d/o | sed 's/[0-9][0-9]* more errors/N more errors/'
echo "  exit $rc"
rm -rf $d
