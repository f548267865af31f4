# Command files: FILE:LINE errors, --bail, source loops, long lines.
d=$(mktemp -d)
printf 'echo a\nnosuch\necho b\n' > $d/err.cmd
$PTWALK $d/err.cmd >$d/o 2>&1; rc=$?; sed "s|$d/||" $d/o; echo "exit $rc"
$PTWALK --bail $d/err.cmd >$d/o 2>&1; rc=$?; sed "s|$d/||" $d/o; echo "--bail exit $rc"
printf 'source %s/b.cmd\n' $d > $d/a.cmd
printf 'echo in b\nsource %s/a.cmd\n' $d > $d/b.cmd
$PTWALK $d/a.cmd >$d/o 2>&1; rc=$?; sed "s|$d/||g" $d/o; echo "loop exit $rc"
printf 'source %s/self.cmd\n' $d > $d/self.cmd
$PTWALK $d/self.cmd >$d/o 2>&1; rc=$?; sed "s|$d/||g" $d/o; echo "self exit $rc"
awk 'BEGIN { printf "echo "; for (i = 0; i < 100000; i++) printf "x"; printf "\necho after\n" }' > $d/long.cmd
$PTWALK $d/long.cmd >$d/o 2>&1; rc=$?; sed "s|$d/||" $d/o; echo "long exit $rc"
printf 'echo one\0two\necho fine\n' > $d/nul.cmd
$PTWALK $d/nul.cmd >$d/o 2>&1; rc=$?; sed "s|$d/||" $d/o; echo "nul exit $rc"
printf 'echo crlf\r\npa 0xc0000000\r\n' > $d/crlf.cmd
$PTWALK $d/crlf.cmd 2>&1; echo "crlf exit $?"
$PTWALK $d/err.cmd $d/crlf.cmd >$d/o 2>&1; rc=$?; sed "s|$d/||" $d/o; echo "two files exit $rc"
rm -rf $d
