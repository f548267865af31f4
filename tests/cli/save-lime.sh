# save --format lime: a LiME image of each arch's machine reopens with
# --arch and the kernel's root (LiME says neither), and every kernel
# mapping ptdump lists from swapper_pg_dir is the one the ELF core of the
# same machine gives with that root (the regions' names may differ: a
# LiME image has no VMCOREINFO to place them).
d=$(mktemp -d)
maps() { grep -v '^---\[' | sed 1d; }
for spec in x86_64:--cr3 i386-pae:--cr3 arm:--ttbr0 arm64:--ttbr1 riscv64:--cr3 riscv32:--cr3; do
	a=${spec%%:*} opt=${spec#*:}
	$PTWALK -q -a $a -c "save --format lime $d/m.lime; save $d/m.core" |
		sed "s|$d|DIR|"
	root=$($PTWALK -q -a $a -c 'pa swapper_pg_dir' | sed -n 's/^\$1 = //p')
	$PTWALK -q -i $d/m.core $opt $root -c 'ptdump kernel' | maps >$d/a
	$PTWALK -q -i $d/m.lime --arch $a $opt $root -c 'ptdump kernel' |
		maps >$d/b
	if cmp -s $d/a $d/b; then
		echo "  $a: the $(grep -c . $d/a) kernel mappings are the core's"
	else
		echo "  $a: kernel mappings differ"; diff $d/a $d/b | head -n 5
	fi
	# the file is RAM's size, its frames without data holes on disk
	size=$(stat -c %s $d/m.lime) blocks=$(stat -c %b $d/m.lime)
	[ $((blocks * 512)) -lt $((size / 4)) ] && echo "  $a: sparse"
done
echo "== a LiME header as lime-forensics writes it"
$PTWALK -q -a x86_64 -m 128M -c "save --format lime $d/m.lime" >/dev/null
od -A d -t x4 -N 32 $d/m.lime | head -n 2
echo "== bad input"
$PTWALK -q -c "save --format lime --compress zlib $d/x" 2>&1 | sed "s|$d|DIR|"
$PTWALK -q -c "save --format lime --dump-level 1 $d/x" 2>&1 | sed "s|$d|DIR|"
$PTWALK -q -c "save --format raw $d/x" 2>&1 | sed "s|$d|DIR|"
$PTWALK -q -i $d/m.lime -c machine 2>&1 | sed "s|$d|DIR|"
rm -rf $d
