# Paths after expressions and words, which the splitting once glued to the
# word before: absolute, relative, ~/ and quoted with spaces ('help
# arguments').  Every command that takes a FILE, and exec's arguments.
d=$(mktemp -d)
mkdir "$d/my dir"
HOME=$d
export HOME
E=$(cd ../../testdata/elf && pwd)
hide() { sed -e "s|$d/||g" -e "s|$E/||g"; }
# save FILE; image --arch ARCH FILE, the documented form
$PTWALK -q -c "save $d/m.core" >/dev/null; echo "save exit $?"
$PTWALK -q -c "image --arch i386 $d/m.core; pa 0xc0000000 + 1M" 2>&1 | hide
# a quoted path with spaces; ~/ is the home directory, quoted ~ is not
$PTWALK -q -c "save \"$d/my dir/a b.core\"; save ~/t.core; save '~/q.core'" \
	2>&1 >/dev/null | hide
(cd "$d" && ls -R | grep core)
# translate VADDR -f FILE
printf '0xc0000000\n0xc0001000\n' > "$d/my dir/addrs"
$PTWALK -q -c "translate -f \"$d/my dir/addrs\"" 2>&1 | hide
$PTWALK -q -c "translate -f ~/nosuch" 2>&1 | hide
# source FILE: ~/, absolute and relative (resolved from the current directory)
printf 'echo sourced\n' > $d/s.cmd
$PTWALK -q -c "source ~/s.cmd; source $d/s.cmd"
(cd $d && $PTWALK -q -c "source ./s.cmd; source s.cmd")
# exec FILE ARG...: options, '--' and paths are the program's
$PTWALK -q -e none -c "exec $E/demo-i386 /tmp -x --y -- \"a b\" ~/z; x/8s arg_start" \
	2>&1 | grep '^0x' | sed 's/^0x[0-9a-f]*: *//' | hide
# mmap ADDR LEN PROT FLAGS FILE OFF, insmod FILE, trace FILE
printf 'some text' > $d/f
$PTWALK -q -c "mmap 0 16K r private $d/f 0; x/s \$_" 2>&1 | grep -v '^  ' | hide
$PTWALK -q -c "insmod $E/hello-i386.ko" 2>&1 | head -1 | hide
printf 'r main\nw big + 4096\n' > $d/t.trace
$PTWALK -q -c "trace ~/t.trace" 2>&1 | hide
# the same from a command file, where '|' and '>>' are operators
printf 'kmalloc 64 GFP_KERNEL | __GFP_ZERO\npa $_ >> 12 << 12\n' > $d/ops.cmd
$PTWALK -q $d/ops.cmd 2>&1 | grep -v '^  ' | hide
rm -rf "$d"
