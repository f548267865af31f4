# save writes only regular files, through a temporary file renamed into place.
d=$(mktemp -d)
mkfifo $d/fifo
mkdir $d/dir
$PTWALK -c "save $d/fifo; save $d/dir" 2>&1 | sed "s|$d/||g"; echo "exit $?"
[ -p $d/fifo ] && echo "the fifo is still a fifo"
[ -d $d/dir ] && echo "the directory is still a directory"
echo keep > $d/old.core
$PTWALK -c "save $d/nosuchdir/x.core" 2>&1 | sed "s|$d/||g"
$PTWALK -q -c "save $d/old.core" >/dev/null && echo "saved over a regular file"
ls $d | sort
$PTWALK -q --image $d/old.core -c 'pa 0xc0100000'
rm -rf $d
