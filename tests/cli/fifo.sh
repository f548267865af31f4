# Every file argument is opened without blocking and its type checked
# first: a FIFO without a writer, a directory or a device is refused at
# once with one message naming its kind (timeout ends a ptwalk that hangs:
# exit 124).
d=$(mktemp -d)
mkfifo $d/fifo
mkdir -p $d/dir $d/root/lib
mkfifo $d/root/lib/ld-demo-x86_64.so
E=../../testdata/elf
t() { timeout 10 "$@" >$d/out 2>&1; rc=$?; sed "s|$d/||g" $d/out; echo "  -> exit $rc"; }
for f in fifo dir /dev/null; do
	case $f in /*) p=$f;; *) p=$d/$f;; esac
	echo "== $f"
	t $PTWALK -q --image $p -c machine
	t $PTWALK -q -e $p -c ps
	t $PTWALK -q -c "image $p"
	t $PTWALK -q -c "exec $p"
	t $PTWALK -q -a x86_64 -c "insmod $p"
	t $PTWALK -q -c "mmap 0 16K r private \"$p\" 0"
done
echo "== an interpreter that is a FIFO"
t $PTWALK -q -a x86_64 -c "exec --root $d/root $E/demo-x86_64-dyn" | grep -e interpreter -e exit
rm -rf $d
