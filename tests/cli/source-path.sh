# source inside a command file: a relative path is looked for in the
# directory of that file first, then in the current directory.
d=$(mktemp -d)
mkdir -p $d/lib/sub $d/work
printf 'echo in lib/main.cmd\nsource sub/helper.cmd\nsource only-in-cwd.cmd\nsource nowhere.cmd\n' >$d/lib/main.cmd
printf 'echo in lib/sub/helper.cmd\nsource leaf.cmd\n' >$d/lib/sub/helper.cmd
printf 'echo in lib/sub/leaf.cmd\n' >$d/lib/sub/leaf.cmd
printf 'echo in lib/leaf.cmd: wrong, the sourcing file is in lib/sub\n' >$d/lib/leaf.cmd
printf 'echo in work/only-in-cwd.cmd\n' >$d/work/only-in-cwd.cmd
cd $d/work
echo "from another directory:"
$PTWALK ../lib/main.cmd 2>&1; echo "-> exit $?"
echo "absolute:"
$PTWALK $d/lib/main.cmd 2>&1 | sed "s|$d/||g"
echo "-c and stdin start from the current directory:"
$PTWALK -c 'source only-in-cwd.cmd; source sub/helper.cmd' 2>&1
echo 'source ../lib/sub/leaf.cmd' | $PTWALK 2>&1
cd /
rm -rf $d
