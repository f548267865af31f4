# A stripped program: _start still names its entry point.
d=$(mktemp -d)
objcopy --strip-all ../../testdata/elf/demo-x86_64-pie $d/stripped 2>/dev/null ||
	cp ../../testdata/elf/demo-x86_64-pie $d/stripped
# from its directory: the path in the output does not depend on $TMPDIR
(cd $d && $PTWALK -q -a x86_64 -e stripped -c 'sym _start; dis _start 2') >$d/o 2>&1
rc=$?
sed "s|$d/||g" $d/o; echo "exit $rc"
rm -rf $d
