# A live process as the target (--pid, attach).  The test starts its own
# child (live-pid-child.c, built here) with known mappings and checks every
# translation ptwalk makes against /proc/PID/pagemap, /proc/kpageflags and
# /proc/kpagecount read by the child program itself; frames differ from
# run to run, so they are compared, never printed.  Then the view without
# CAP_SYS_ADMIN (ptwalk run as nobody), writes, a changed address space,
# a process that exits, and bad targets.
d=$(mktemp -d)
chmod 755 "$d"
trap 'kill $child 2>/dev/null; rm -rf "$d"' EXIT
${CC:-cc} -O1 -o "$d/child" live-pid-child.c || exit 1
mkdir "$d/run" && chmod 777 "$d/run"
asnobody() { setpriv --reuid=65534 --regid=65534 --clear-groups \
	--inh-caps=-all "$@"; }
# the child runs as nobody, so that an unprivileged ptwalk may read it
setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	"$d/child" run "$d/run" >"$d/addrs" &
child=$!
while ! grep -q '^end' "$d/addrs" 2>/dev/null; do sleep 0.1; done
addr() { sed -n "s/^$1 //p" "$d/addrs"; }
norm() { sed 's/^0x0*\([0-9a-f]\)/0x\1/'; }
jkey() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -1; }
P="$PTWALK --pid $child"

echo "== maps is /proc/PID/maps"
$P -c maps >"$d/maps"
diff "$d/maps" "/proc/$child/maps" && echo "maps: same as /proc/$child/maps" |
	sed "s/$child/PID/"

echo "== every translation against pagemap read independently"
for n in anon read file cow shared thp swap; do
	a=$(addr $n)
	# the kernel may change a page's flags between the two reads (LRU
	# aging, khugepaged): a difference must hold on three tries
	for try in 1 2 3; do
		$P --json -c "walk $a" >"$d/j" 2>/dev/null
		"$d/child" read "$child" "$a" >"$d/ref"
		read -r ent pa kpf cnt <"$d/ref"
		ok=yes
		[ "$(jkey pagemap <"$d/j" | norm)" = "$(echo "$ent" | norm)" ] || ok="no (pagemap)"
		if [ "$pa" != - ]; then
			[ "$(jkey pa <"$d/j" | norm)" = "$(echo "$pa" | norm)" ] || ok="no (pa)"
			[ "$(jkey kpageflags <"$d/j" | norm)" = "$(echo "$kpf" | norm)" ] || ok="no (kpageflags)"
			[ "$(jkey kpagecount <"$d/j")" = "$(printf %d "$cnt")" ] || ok="no (kpagecount)"
		fi
		[ "$ok" = yes ] && break
	done
	kind=$(jkey kind <"$d/j")
	size=$(jkey page_size <"$d/j")
	case $n in
	thp)	# a THP where smaps says the kernel gave one
		huge=$(grep -A20 "^${a#0x}-" "/proc/$child/smaps" |
			sed -n 's/^AnonHugePages: *\([0-9]*\) kB/\1/p' | head -1)
		if [ "${huge:-0}" -gt 0 ]; then
			[ "$size" = 0x200000 ] && [ "$kind" = "an anonymous THP" ] ||
				ok="no (thp: $size $kind)"
		else
			# no THP given (transparent_hugepage, fragmentation)
			[ "$size" = 0x1000 ] || ok="no (thp: $size)"
		fi
		kind="as smaps says";;
	read)	# the zero page, where the kernel maps it on a read fault
		case $kind in "the shared zero page"|"an anonymous page") ;;
		*) ok="no (read: $kind)";; esac
		kind="the zero page or a page of its own";;
	swap)	if [ -n "$(swapon --noheadings 2>/dev/null)" ]; then
			[ "$kind" = "swapped out" ] || ok="no (swap: $kind)"
		else
			echo "note: no swap on this machine: no page swapped" >&2
		fi
		kind="swapped out where there is swap";;
	esac
	echo "$n: agrees with pagemap, kpageflags, kpagecount: $ok; $kind"
done
$P -c "translate $(addr untouched)" 2>&1 | sed 's/0x[0-9a-f]*/ADDR/g'

echo "== translate, whatis, pagemap, page, x, smaps, the value"
a=$(addr anon)
$P -c "translate $a; whatis $a; pagemap $a" | sed -n \
	-e 's/^0x[0-9a-f]* -> 0x[0-9a-f]*  /VA -> PA  /p' \
	-e 's/^0x[0-9a-f]*: pid [0-9]* (child), /VA: pid PID (child), /p' \
	-e '/^  bit 5[5-7]/p' -e '/^  bit 6[1-3]/p'
pfn=$("$d/child" read "$child" "$a" | awk '{print $2}')
pfn=$(echo $pfn)
$P -c "page $pfn / 4096" | sed -n 's/^pfn 0x[0-9a-f]* (physical 0x[0-9a-f]*): kpageflags 0x[0-9a-f]*  .*\( anon \).*/pfn PFN: kpageflags names\1/p'
$P -c "x/4x $a; x/s $(addr file) + 4090; smaps --addr $a" | sed -n \
	-e 's/^0x[0-9a-f]*:/VA:/p' -e '/^Rss:/p' -e '/^Anonymous:/p'
v=$($P -c "walk $a; print \$_" | tee "$d/walk" | sed -n 's/^\$[0-9]* = //p' | tail -1)
sed -n '/cannot be read from user space/p' "$d/walk" | sed -e 's/0x[0-9a-f]*/VA/' \
	-e 's/[0-9]\{2,\}/N/g'
[ "$(echo "$v" | norm)" = "$(echo "$pfn" | norm)" ] && echo "walk's value (\$_) is the pa"

printf '%s\n' "$a" "" "$(addr untouched)" "$(addr file)" >"$d/list"
$P -c "translate -f $d/list" >"$d/tf" 2>"$d/tf.err"; cat "$d/tf.err"
n=0; while read -r va pa; do
	[ "$pa" = fault ] && { echo "translate -f: $n: fault"; n=$((n + 1)); continue; }
	ref=$("$d/child" read "$child" "$va" | awk '{print $2}')
	[ "$(echo $pa | norm)" = "$(echo $ref | norm)" ] && echo "translate -f: $n: agrees"
	n=$((n + 1))
done <"$d/tf"
echo "0x1000 x" >"$d/bad"; $P -c "translate -f $d/bad" 2>&1 | sed "s|$d|DIR|"

echo "== without CAP_SYS_ADMIN (as nobody): said once, the rest shown"
asnobody $P -c "translate $a; walk $a; whatis $a; page 0x1000" 2>&1 | sed \
	-e 's/0x[0-9a-f]\{5,\}/ADDR/g' -e "s/$child/PID/g" \
	-e 's/\[[0-9]*\]/[N]/' | grep -v '^    bit 63' |
	grep -v '^  vma'

echo "== write: refused read-only, done with --writable"
$P -c "write/b $a 0x41" 2>&1 | sed "s/$child/PID/g"
$P --writable -c "write/b $a 0x41; x/1xb $a" 2>&1 | sed -e "s/$child/PID/g" \
	-e 's/0x[0-9a-f]\{6,\}/VA/g'

echo "== a changed address space, a process that exits"
{ echo "translate $a"; sleep 0.5; kill -USR1 $child; sleep 0.5
  echo "translate $a"; echo "maps"; sleep 0.5; kill $child
  wait $child 2>/dev/null; sleep 0.5; echo "translate $a"; echo detach
  echo maps; } | $PTWALK --pid $child >"$d/out" 2>&1
echo "[exit $?]" >>"$d/out"
grep -v '^[0-9a-f]*-' "$d/out" | sed -e "s/$child/PID/g" \
	-e 's/0x[0-9a-f]\{6,\}/ADDR/g'


echo "== bad targets"
$PTWALK --pid 99999999 -c maps; echo "[exit $?]"
# a kernel thread: PF_KTHREAD (0x00200000) in field 9 of its stat
kt=$(for f in /proc/[0-9]*/stat; do
	awk '{ sub(/.*\) /, ""); if (int($7 / 2097152) % 2) print FILENAME }' "$f"
	done 2>/dev/null | head -1 | sed 's|/proc/\([0-9]*\)/stat|\1|')
$PTWALK --pid "$kt" -c maps >"$d/kt" 2>&1
rc=$?
sed "s/pid $kt ([^)]*)/pid KTHREAD (COMM)/" "$d/kt"
echo "[exit $rc]"
$PTWALK --pid x1 -c maps; echo "[exit $?]"
$PTWALK --pid 1 --mem 1G -c maps; echo "[exit $?]"
$PTWALK --writable -c maps; echo "[exit $?]"
$PTWALK -q -c "attach qemu:localhost:1234; attach 99999999; detach; attach $$; ptdump; detach" 2>&1 |
	sed "s/$$/SELF/g; s/([a-z]*sh)/(SHELL)/; s/[0-9]* VMAs/N VMAs/"
echo "[exit $?]"
