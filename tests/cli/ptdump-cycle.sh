# Hostile page tables in a raw image: a PML4 whose entries all point back
# at itself (a cycle: noted, not followed), and a tree whose every level
# is one table named 512 times (2^36 leaves: the walk stops at its limit).
d=$(mktemp -d)
table() {	# 512 copies of one 8-byte entry, given as printf escapes
	i=0
	while [ $i -lt 512 ]; do printf "$1"; i=$((i + 1)); done
}
table '\147\0\0\0\0\0\0\0' >$d/cycle.img
dd if=/dev/zero bs=4096 count=3 2>/dev/null >>$d/cycle.img
{ table '\147\020\0\0\0\0\0\0'; table '\147\040\0\0\0\0\0\0'
  table '\147\060\0\0\0\0\0\0'; table '\147\0\0\0\0\0\0\0'; } >$d/fan.img
for img in cycle fan; do
	echo "== $img"
	$PTWALK -q --image $d/$img.img --arch x86_64 --cr3 0 -c 'ptdump' \
		>$d/out 2>&1
	echo "exit $?"
	cat $d/out
done
echo "== cycle, user half as JSON"
$PTWALK -q --json --image $d/cycle.img --arch x86_64 --cr3 0 -c 'ptdump user' 2>&1
# ptdump of a cycle in the simulated machine's own user tables, and every
# walker of user page tables (smaps, fork, mprotect, munmap, exit, the
# teardown at quit) meets it without following it
echo "== cycle in a process's tables"
j=$($PTWALK -q -a x86_64 --json -c 'walk data_page' 2>/dev/null | tail -n 1)
pgd=$(echo "$j" | sed 's/.*"level":"pgd","index":[0-9]*,"table":"\([^"]*\)".*/\1/')
pud=$(echo "$j" | sed 's/.*"level":"pud","index":[0-9]*,"table":"\([^"]*\)".*/\1/')
$PTWALK -q -a x86_64 -c "mmap 0x40000000 1T rw private,anonymous,fixed; touch 0x40000000 w; write/g --phys $pud+8*2 $pgd|0x67; write/g --phys $pud+8*3 $pud|0x67; ptdump user; smaps --addr 0x40000000; fork; mprotect 0x40000000 1T r; switch 2; munmap 0x40000000 1T; exit 2; quit" \
	>$d/out 2>&1
echo "exit $?"
grep -E 'loop|warning|Rss|-c:' $d/out
rm -rf $d
