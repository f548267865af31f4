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
# The mode of what save writes: 0666 less the umask for a new file, the
# mode of the file it replaces otherwise; a file the user could not write
# is not replaced (as cp without -f); a name of 255 bytes works (the
# temporary file's name is kept within NAME_MAX).
d=$(mktemp -d)
chmod 755 $d
mode() { stat -c '%a' "$1"; }
(umask 077; $PTWALK -q -c "save $d/u077.core" >/dev/null); echo "new file, umask 077: $(mode $d/u077.core)"
(umask 022; $PTWALK -q -c "save $d/u022.core" >/dev/null); echo "new file, umask 022: $(mode $d/u022.core)"
echo old >$d/keep.core; chmod 600 $d/keep.core
(umask 022; $PTWALK -q -c "save $d/keep.core" >/dev/null); echo "replaced 0600 file: $(mode $d/keep.core)"
echo old >$d/ro.core; chmod 444 $d/ro.core
if [ "$(id -u)" = 0 ]; then
	# as root every file is writable: try as nobody, in a directory it may write
	chmod 777 $d
	as() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
	as() { "$@"; }
fi
as $PTWALK -q -c "save $d/ro.core" 2>&1 | sed "s|$d/||g"
echo "read-only file: $(cat $d/ro.core), mode $(mode $d/ro.core)"
ln -s keep.core $d/link.core
chmod 644 $d/keep.core
$PTWALK -q -c "save $d/link.core" >/dev/null
[ -L $d/link.core ] && echo "through a symbolic link: the link stays, mode $(mode $d/keep.core)"
long=$(printf '%0255d' 0)
$PTWALK -q -c "save $d/$long" 2>&1 | sed "s|$d/||g; s|$long|<255 bytes>|g"
[ -f "$d/$long" ] && echo "a 255-byte name: saved"
long2=$(printf '%0250d' 0).core
$PTWALK -q -c "save $d/$long2" 2>&1 | sed "s|$d/||g; s|$long2|<255 bytes>|g"
[ -f "$d/$long2" ] && echo "a 255-byte name with a suffix: saved"
ls -A $d | grep -c tmp | sed 's/^/temporary files left: /'
rm -rf $d
