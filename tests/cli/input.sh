# Where commands come from, and what ptwalk does with input that is not a
# command file: devices, FIFOs, directories, endless lines, read errors.
# Every run has a time limit, and the endless inputs a memory limit too, so
# that a regression fails here instead of hanging or eating the machine.
d=$(mktemp -d)
show() { sed "s|$d/||g" $d/o | cut -c1-160; echo "  -> exit $rc"; }
run() { timeout 20 "$@" >$d/o 2>&1; rc=$?; show; }
# at most 600 MB of address space: the machine has 64M of RAM
small() { (ulimit -v 600000; exec timeout 20 "$@") >$d/o 2>&1; rc=$?; show; }
mkdir $d/dir
mkfifo $d/fifo

echo "/dev/zero on stdin:";      small $PTWALK --mem 64M </dev/zero
echo "/dev/zero as -:";          small $PTWALK --mem 64M - </dev/zero
echo "/dev/zero as a script:";   small $PTWALK --mem 64M /dev/zero
echo "source /dev/zero:";        small $PTWALK --mem 64M -c 'source /dev/zero'
echo "a line with no end:";      head -c 3000000 /dev/zero | tr '\0' x >$d/endless
                                 small $PTWALK --mem 64M <$d/endless
echo "  as a file:";             small $PTWALK --mem 64M $d/endless
echo "a long line that ends:";   awk 'BEGIN { printf "echo "; for (i = 0; i < 300000; i++) printf "y"; printf "\necho after\n" }' >$d/long
                                 small $PTWALK --mem 64M <$d/long
echo "a FIFO as a script:";      run $PTWALK $d/fifo
echo "source a FIFO:";           run $PTWALK -c "source $d/fifo; echo after"
echo "a directory as a script:"; run $PTWALK $d/dir
echo "source a directory:";      run $PTWALK -c "source $d/dir; echo after"
echo "a directory on stdin:";    run $PTWALK <$d/dir
# the memory of a live shell at offset 0, which is unmapped: EIO (the shell
# must outlive ptwalk, hence the exit after it)
echo "a read error (EIO) on stdin:"
                                 run sh -c "$PTWALK </proc/\$\$/mem; exit \$?"
echo "a read error in a script:"; run $PTWALK /proc/self/mem
echo "  and in source:";         run $PTWALK -c 'source /proc/self/mem; echo after'
echo "- is stdin:";              printf 'echo from stdin\n' >$d/in
                                 run $PTWALK - <$d/in
echo "/dev/stdin from a pipe:";  run sh -c "printf 'echo piped\n' | $PTWALK /dev/stdin"
echo "/dev/fd/3:";               run sh -c "$PTWALK /dev/fd/3 3<$d/in"
echo "stdin from a FIFO:";       (printf 'echo through a fifo\n' >$d/fifo &)
                                 run $PTWALK <$d/fifo
rm -rf $d
