# An image truncated while ptwalk reads it: every command that reads the
# pages it lost fails with one message (walks, x/xp, dis, ptdump,
# translate, save), never SIGBUS, and the session goes on; once the file
# is whole again the same commands work.  The commands come through a FIFO
# so that the file changes between two of them; a failing `sym` marks
# where the session is (errors go to stderr at once, after stdout).
d=$(mktemp -d)
cd $d || exit 1
$PTWALK -q -a x86_64 --mem 256M --boot clean -c "save whole.core" >/dev/null
cp whole.core t.core
mkfifo in
($PTWALK -q -i t.core <in >out 2>&1; echo "exit $?" >>out) &
exec 3>in
echo 'translate 0xffff888000001000; sym marker_one' >&3
i=0
while ! grep -q marker_one out 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
truncate -s 8192 t.core
cat >&3 <<'CMDS'
walk 0xffffffff81000000
xp/2gx 0x3000000
x/2gx 0xffffffff81000000
dis 0xffffffff81000000 2
ptdump kernel
translate 0xffffffff81000000
save copy.core
sym marker_two
CMDS
i=0
while ! grep -q marker_two out 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
cat whole.core >t.core
echo 'translate 0xffffffff81000000; save copy.core' >&3
exec 3>&-
wait
cat out
ls -A | grep -v -e '^in$' -e '^out$'
cd / && rm -rf $d
