# The kernel's types from elsewhere than the dump: Debian's 686 and
# 686-pae kernels carry no BTF, so their dumps' ps, maps and slabinfo take
# the types from --btf FILE (testdata/images/i386.btf.xz and
# i386-pae.btf.xz: pahole --btf_encode_detached of the -dbg package's
# vmlinux, see make-fixtures.sh), compared with each guest's own view:
# - ps lists every task of the guest's ps but ps itself, with the same
#   pid, parent, name and VSZ;
# - maps PID equals the guest's /proc/PID/maps for every process;
# - slabinfo has the view's caches in its order with the same object
#   sizes and slab geometry; the caches whose counts changed between the
#   view and the dump are listed;
# - vmallocinfo has the view's lasting areas as whole lines (callers,
#   pages, kinds: what VMCOREINFO alone cannot give), zoneinfo the view's
#   watermarks, present and managed pages, meminfo its totals.
# Then the refusals: the BTF of another kernel (the 686 kernel's types on
# the 686-pae dump, a 32-bit kernel's on an x86_64 dump), a corrupt file,
# a missing one, --btf without --image, and a dump without types at all.
dir=../../testdata/images
sect() { awk -v s="$1" '/^@@ /{c=substr($0,4);next} c==s' "$2"; }
t=$(mktemp -d)
for btf in i386 i386-pae; do
	[ -f "$dir/$btf.btf.xz" ] && xz -dc "$dir/$btf.btf.xz" >"$t/$btf.btf"
done
for name in i386 i386-1g i386-pae-1g; do
	btf=i386; [ "$name" = i386-pae-1g ] && btf=i386-pae
	[ -f "$dir/$name.core.xz" ] && [ -f "$t/$btf.btf" ] || continue
	xz -dc "$dir/$name.core.xz" >"$t/$name.core"
	xz -dc "$dir/$name.view.xz" >"$t/view"
	pt() { $PTWALK -q -i "$t/$name.core" --btf "$t/$btf.btf" "$@"; }
	# ps
	awk '/^@@ /{f = ($0 == "@@ ps -o pid,ppid,pgid,stat,vsz,rss,comm,args")
		next}
	     f && $1 ~ /^[0-9]+$/ && $7 != "ps" {
		c = $7; sub(/[-+].*/, "", c); print $1, $2, c, $5 }' \
		"$t/view" | sort -n >"$t/view.ps"
	pt -c ps >"$t/ps"
	awk 'NR > 1 { c = $10; gsub(/^\[|\]$/, "", c); sub(/[-+].*/, "", c)
		c = substr(c, 1, 15); v = $6; sub(/K$/, "", v)
		print $1, $2, c, v }' "$t/ps" | sort -n >"$t/dump.ps"
	if cmp -s "$t/view.ps" "$t/dump.ps"; then
		echo "$name --btf $btf.btf: ps: the guest's $(wc -l <"$t/view.ps") tasks"
	else
		echo "$name --btf $btf.btf: ps differs from the guest's:"
		diff "$t/view.ps" "$t/dump.ps"
	fi
	# maps
	equal=0
	for pid in $(sed -n 's|^@@ /proc/\([0-9]*\)/maps$|\1|p' "$t/view"); do
		sect "/proc/$pid/maps" "$t/view" >"$t/view.maps"
		[ -s "$t/view.maps" ] || continue
		pt -c "maps $pid" >"$t/maps" 2>&1
		if cmp -s "$t/view.maps" "$t/maps"; then
			equal=$((equal + 1))
		else
			echo "$name: maps $pid differs:"
			diff "$t/view.maps" "$t/maps"
		fi
	done
	echo "$name --btf $btf.btf: maps: $equal processes equal their /proc/PID/maps"
	# slabinfo
	sect /proc/slabinfo "$t/view" | awk 'NR > 2 { print $1, $4, $5, $6 }' >"$t/sv"
	pt -c slabinfo >"$t/s" 2>&1
	awk 'NR > 2 { print $1, $4, $5, $6 }' "$t/s" >"$t/sd"
	cmp -s "$t/sv" "$t/sd" &&
		echo "$name --btf $btf.btf: slabinfo: the view's $(wc -l <"$t/sv") caches in order, sizes and slabs exactly" ||
		{ echo "$name: slabinfo differs from the view:"; diff "$t/sv" "$t/sd" | head; }
	sect /proc/slabinfo "$t/view" | sed 1,2d | sort >"$t/svl"
	sed 1,2d "$t/s" | sort | comm -23 "$t/svl" - | awk -v name="$name" \
		'{ c = c " " $1 } END { print name ": slabinfo: counts changed:" c }'
	# vmallocinfo, zoneinfo, meminfo: what needs the types
	sect /proc/vmallocinfo "$t/view" |
		grep -v -e kernel_clone -e 'unpurged vm_area' | sort >"$t/vv"
	pt -c vmallocinfo 2>&1 | sort | comm -23 "$t/vv" - >"$t/vmiss"
	echo "$name --btf $btf.btf: vmallocinfo: of the view's $(wc -l <"$t/vv") lasting lines $(wc -l <"$t/vmiss") not in the dump's"
	sed "s/^/$name: view only: /" "$t/vmiss"
	for f in view dump; do
		if [ $f = view ]; then sect /proc/zoneinfo "$t/view"
		else pt -c zoneinfo 2>&1; fi |
		awk '/^Node/ { z = $4 }
		     /^ +(min|low|high|present|managed) / { print z, $1, $2 }' >"$t/z$f"
	done
	cmp -s "$t/zview" "$t/zdump" &&
		echo "$name --btf $btf.btf: zoneinfo: the view's $(wc -l <"$t/zview") watermarks, present and managed counts" ||
		diff "$t/zview" "$t/zdump"
	pt -c meminfo >"$t/m" 2>/dev/null
	sect /proc/meminfo "$t/view" | awk -v name="$name" '
	NR == FNR { v[$1] = $2; next }
	$1 ~ /Total:$/ { print name ": meminfo " $1 " " ($2 == v[$1] ? "as the view" : $2 " kB, the view " v[$1] " kB") }' - "$t/m"
	# a struct's layout and an object, from the file's types
	[ "$name" = i386-1g ] && rm -f "$t/$name.core"
	[ "$name" = i386 ] || continue
	pt -c 'ptype list_head' 2>&1
	pt -c 'struct task_struct init_task' 2>&1 |
		grep -E '^	(pid|tgid|comm|__state) = '
done

# refusals
if [ -f "$t/i386.btf" ] && [ -f "$t/i386-pae-1g.core" ]; then
	{ $PTWALK -q -i "$t/i386-pae-1g.core" --btf "$t/i386.btf" -c ps 2>&1; echo "exit $?"; } |
		sed "s|$t/||"
fi
if [ -f "$t/i386.btf" ] && [ -f "$dir/x86_64.core.xz" ]; then
	xz -dc "$dir/x86_64.core.xz" >"$t/core"
	{ $PTWALK -q -i "$t/core" --btf "$t/i386.btf" -c ps 2>&1; echo "exit $?"; } |
		sed "s|$t/||"
fi
if [ -f "$t/i386.btf" ] && [ -f "$t/i386.core" ]; then
	mv "$t/i386.core" "$t/core"
	head -c 100000 "$t/i386.btf" >"$t/short.btf"
	mkdir "$t/dir.btf"
	cp "$PTWALK" "$t/ptwalk"
	for f in short.btf core ptwalk none.btf dir.btf; do
		{ $PTWALK -q -i "$t/core" --btf "$t/$f" -c ps 2>&1; echo "exit $?"; } |
			sed "s|$t/||"
	done
	# no types at all: what could give them (a System.map has none)
	$PTWALK -q -i "$t/core" -c 'ps' 2>&1; echo "exit $?"
	$PTWALK -q -i "$t/core" -c 'sym --list' | sed 's/^0x//' >"$t/System.map"
	{ $PTWALK -q -i "$t/core" --symbols "$t/System.map" -c 'ps' 2>&1
	  echo "exit $?"; } | sed "s|$t/||"
fi
$PTWALK -q --btf x.btf -c 'ps' 2>&1; echo "exit $?"
rm -rf "$t"
