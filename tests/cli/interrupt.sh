# Ctrl-C (SIGINT) stops a long command cleanly: the command fails saying
# how far it got, a script stops with status 130, the prompt carries on;
# a progress line shows on a terminal only.  The waits poll for what ptwalk
# prints, so a slow machine makes the test slower, not wrong.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT

# wait_for FILE PATTERN: until FILE matches (at most a minute)
wait_for() {
	i=0
	while ! grep -q "$2" "$1" 2>/dev/null && [ $i -lt 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}
# the numbers of an interruption vary: keep the words
words() { sed "s|$d/||g; s/[0-9][0-9]*/N/g"; }

# 200 touches of 4G each (read faults: the zero page, no frames)
echo 'mmap 0 1T r private,anonymous' > $d/long.cmd
i=0
while [ $i -lt 200 ]; do
	echo "touch \$1+$i*4G r 4G" >> $d/long.cmd
	i=$((i + 1))
done
echo 'echo not reached' >> $d/long.cmd

# run IN ARGS...: in the background with SIGINT as a terminal would leave
# it, stdin from IN, interrupted once the first touch is done; the status
# and the words
run() {
	in=$1
	shift
	rm -f $d/out $d/err	# the last case's output must not count
	stdbuf -oL env --default-signal=INT $PTWALK -q -a x86_64 "$@" <$in \
		>$d/out 2>$d/err &
	pid=$!
	wait_for $d/out '^read of 1048576 pages'
	kill -INT $pid
	wait $pid
	echo "exit $?"
	words < $d/err
	echo "$(grep -c 'not reached' $d/out) commands run after it"
	# stderr is a file: no progress line, no carriage return
	echo "$(grep -c "$(printf '\r')" $d/err) progress lines"
}
echo "== a script file"
run /dev/null $d/long.cmd
echo "== stdin"
run $d/long.cmd
echo "== -c"
run /dev/null -c "$(tr '\n' ';' < $d/long.cmd)"

echo "== started with SIGINT ignored (a shell's background job): ignored"
head -n 6 $d/long.cmd > $d/short.cmd
echo 'echo reached' >> $d/short.cmd
rm -f $d/out $d/err
(trap '' INT; exec stdbuf -oL $PTWALK -q -a x86_64 $d/short.cmd >$d/out \
	2>$d/err) &
pid=$!
wait_for $d/out '^read of 1048576 pages'
kill -INT $pid
wait $pid
echo "exit $?"
cat $d/err
echo "$(grep -c '^read of 1048576 pages' $d/out) touches of 4G done"
grep '^reached' $d/out

echo "== a long command that grows past set host-mem-limit stops"
rm -f $d/out $d/err
$PTWALK -q -a x86_64 -m 8G -c 'set host-mem-limit 16M
mmap 0 4G rw private,anonymous; touch $_ w 4G; echo next' >$d/out 2>$d/err
echo "exit $?"
words < $d/err
grep -c '^next' $d/out

# At the prompt (a pseudo-terminal): a trace read from a FIFO as a writer
# feeds it runs as long as the test likes; after a second it shows its
# progress line; Ctrl-C stops it and the prompt works on.
mkfifo $d/fifo
(
	while [ ! -e $d/stop ]; do
		awk 'BEGIN { for (i = 0; i < 1000; i++) print "r $1 + 0x1000" }'
		sleep 0.05
	done
) 2>/dev/null >$d/fifo &
writer=$!
echo "== at the prompt"
(
	printf 'mmap 0 4G r private,anonymous\n'
	printf 'trace %s/fifo\n' $d
	wait_for $d/ts 'Ctrl-C stops it'
	printf '\003'
	wait_for $d/ts 'interrupted after'
	printf 'echo still here\n'
	printf 'buddyinfo\n'
	printf 'quit\n'
	wait_for $d/ts 'COMMAND_EXIT_CODE'
) | script -qfec "$PTWALK -q -a x86_64" $d/ts >/dev/null
touch $d/stop
wait $writer
esc=$(printf '\033')
tr -d '\r' < $d/ts > $d/raw
grep -q "trace: [0-9]* accesses, [0-9]*s; Ctrl-C stops it" $d/raw &&
	echo "progress line shown"
# taken away (\r, erase the line) before anything else is printed
grep -q "Ctrl-C stops it$esc\\[K^C$esc\\[K[0-9]* accesses" $d/raw &&
	echo "progress line cleared"
sed "s/$esc\\[[0-9;?]*[a-zA-Z]//g" $d/raw > $d/tty
grep -q '[0-9] accesses ([0-9]* reads, 0 writes, 0 fetches) before the error:' \
	$d/tty && echo "the accesses done are counted"
grep '^error: ' $d/tty | words
grep -q '^still here$' $d/tty && echo "the prompt carries on"
echo "$(grep -c '^Node 0, zone' $d/tty) zones in buddyinfo"
