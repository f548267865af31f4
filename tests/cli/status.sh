# Exit status of command files, -c and stdin: 0 all succeeded, 1 a command
# failed, 2 an input could not be read; quit STATUS wins over all of them.
# (The interactive session is tested through a terminal in interactive.sh.)
d=$(mktemp -d)
mkdir $d/dir
run() { "$@" >$d/o 2>&1; rc=$?; sed "s|$d/||g" $d/o | sed 's/^/  /'; echo "  -> exit $rc"; }
echo "-c ok:";                    run $PTWALK -c 'echo ok'
echo "-c failing:";               run $PTWALK -c 'echo a; nosuch; echo b'
echo "-c failing, quit:";         run $PTWALK -c 'nosuch; quit'
echo "-c failing, quit 0:";       run $PTWALK -c 'nosuch; quit 0'
echo "-c failing, quit 5:";       run $PTWALK -c 'nosuch; quit 5'
echo "-c unreadable source:";     run $PTWALK -c "source $d/dir"
echo "  and quit 0:";             run $PTWALK -c "source $d/dir; quit 0"
echo "  and quit:";               run $PTWALK -c "source $d/dir; quit"
printf 'nosuch\nquit 0\n' >$d/q0.cmd
printf 'nosuch\n' >$d/fail.cmd
printf 'echo fine\n' >$d/ok.cmd
echo "file: failing, quit 0:";    run $PTWALK $d/q0.cmd
echo "file: failing:";            run $PTWALK $d/fail.cmd
echo "quit in the first file:";   run $PTWALK $d/q0.cmd $d/ok.cmd
echo "--bail stops the files:";   run $PTWALK --bail $d/fail.cmd $d/ok.cmd
echo "a missing file stops:";     run $PTWALK $d/ok.cmd $d/nosuch.cmd $d/ok.cmd
echo "stdin: failing, quit 0:";   printf 'nosuch\nquit 0\n' | run $PTWALK
echo "stdin: failing:";           printf 'nosuch\n' | run $PTWALK
echo "stdin: quit 3 in source:";  printf 'quit 3\necho not run\n' >$d/q3.cmd
                                  printf 'source %s/q3.cmd\necho not run\n' $d | run $PTWALK
echo "exit with no process left:"; run $PTWALK -c 'exit; exit'
echo "exit on an idle CPU:";      run $PTWALK -c 'fork; exit; exit'
rm -rf $d
