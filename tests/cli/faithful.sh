# Faithfulness: each real guest of testdata/images (its own /proc at boot,
# NAME.view.xz) against the simulated machine of the same arch, RAM and
# kernel profile, field by field.  Each field has its tolerance (a
# relative one in percent, 0: exact); a line says the simulated value,
# the real one, the difference and "ok" or "OFF".  Another guest is one
# more line of the table below.
#
# The fields:
#   MemTotal                      meminfo, kB                       0.5 %
#   ZONE spanned/present          zoneinfo, pages (zone boundaries)  exact
#   ZONE managed                  zoneinfo, pages                    1 %
#   ZONE min/low/high             zoneinfo watermarks, pages        per row,
#   ZONE protection[i]            zoneinfo lowmem_reserve, pages     or 1 page
#   VMALLOC_START                 first area of /proc/vmallocinfo    exact
#   VmallocTotal                  meminfo, kB                        exact
#   high_memory                   32-bit: PAGE_OFFSET + HighMem start exact
#   _text                         /proc/kallsyms                     exact
#
# fixture      arch      RAM   profile  watermark tolerance (%)
guests='
x86_64       x86_64    128M  6.1      1
i386         i386      160M  6.1      1
i386-1g      i386      1G    6.1      1
i386-pae-1g  i386-pae  1G    6.1      1
'
images=../../testdata/images
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# section NAME < view: the lines of one "@@ NAME" section
section() {
	awk -v s="@@ $1" '$0 == s { on = 1; next } /^@@ / { on = 0 } on'
}

# zones FILE: "ZONE FIELD VALUE" lines of a zoneinfo
zones() {
	awk '/^Node [0-9]+, zone/ { z = $4; next }
	     z != "" && $1 ~ /^(spanned|present|managed|min|low|high)$/ &&
		NF == 2 { print z, $1, $2 }
	     z != "" && $1 == "protection:" {
		gsub(/[(),]/, " ")
		for (i = 2; i <= NF; i++) print z, "protection[" i - 2 "]", $i
	     }' "$1"
}

# check NAME SIM REAL TOL [SLACK]: one field, within TOL % or SLACK units
check() {
	awk -v n="$1" -v s="$2" -v r="$3" -v t="$4" -v k="${5:-0}" 'BEGIN {
		d = s - r
		p = r != 0 ? 100 * d / r : (s != 0 ? 100 : 0)
		ok = t == 0 ? s == r : (p <= t && p >= -t)
		ok = ok || (d <= k && d >= -k)
		tol = k > 0 ? sprintf("tol %s%% or %d", t, k) : sprintf("tol %s%%", t)
		printf "  %-22s sim %-20s real %-20s %+8.2f%% (%s) %s\n",
			n, s, r, p, tol, ok ? "ok" : "OFF"
	}'
}

# same NAME SIM REAL: an address, exact (compared as lower-case hex)
same() {
	s=$(echo "$2" | tr A-F a-f | sed 's/^0x0*/0x/')
	r=$(echo "$3" | tr A-F a-f | sed 's/^0x0*/0x/')
	[ "$s" = "$r" ] && v=ok || v=OFF
	printf "  %-22s sim %-20s real %-20s (exact) %s\n" "$1" "$s" "$r" "$v"
}

echo "$guests" | while read -r name arch ram profile wtol; do
	[ -n "$name" ] || continue
	view=$tmp/$name.view
	if ! xz -dc "$images/$name.view.xz" >"$view" 2>/dev/null; then
		echo "$name: no fixture $images/$name.view.xz"
		continue
	fi
	echo "$name: --arch $arch --mem $ram --kernel $profile"
	sim() { $PTWALK -q -a "$arch" -m "$ram" --kernel "$profile" -c "$1"; }
	sim meminfo >"$tmp/sim.meminfo"
	sim zoneinfo >"$tmp/sim.zoneinfo"
	sim layout >"$tmp/sim.layout"
	section /proc/meminfo <"$view" >"$tmp/real.meminfo"
	section /proc/zoneinfo <"$view" >"$tmp/real.zoneinfo"

	for f in MemTotal VmallocTotal; do
		s=$(awk -v f="$f:" '$1 == f { print $2 }' "$tmp/sim.meminfo")
		r=$(awk -v f="$f:" '$1 == f { print $2 }' "$tmp/real.meminfo")
		[ "$f" = MemTotal ] && tol=0.5 || tol=0
		check "$f" "$s" "$r" "$tol"
	done
	zones "$tmp/sim.zoneinfo" >"$tmp/sim.z"
	zones "$tmp/real.zoneinfo" >"$tmp/real.z"
	while read -r zone field value; do
		sp=$(awk -v z="$zone" '$1 == z && $2 == "spanned" { print $3 }' "$tmp/real.z")
		[ "$sp" = 0 ] && continue
		s=$(awk -v z="$zone" -v f="$field" '$1 == z && $2 == f { print $3 }' \
			"$tmp/sim.z")
		slack=0
		case $field in
		spanned|present) tol=0 ;;
		managed) tol=1 ;;
		*) tol=$wtol slack=1 ;;
		esac
		check "$zone $field" "${s:-absent}" "$value" "$tol" "$slack"
	done <"$tmp/real.z"

	r=$(section /proc/vmallocinfo <"$view" | head -n 1 | sed 's/-.*//')
	s=$(sed -n 's/.*VMALLOC_START \(0x[0-9a-f]*\).*/\1/p' "$tmp/sim.layout")
	same VMALLOC_START "$s" "$r"
	hs=$(awk '/zone +HighMem/ { h = 1; next } /^Node/ { h = 0 }
		  h && $1 == "start_pfn:" { print $2 }' "$tmp/real.zoneinfo")
	if [ -n "$hs" ]; then
		s=$(sed -n 's/.*high_memory \(0x[0-9a-f]*\).*/\1/p' "$tmp/sim.layout")
		same high_memory "$s" "$(printf 0x%x $((0xc0000000 + hs * 4096)))"
	fi
	r=$(section /proc/kallsyms <"$view" | awk '$3 == "_text" { print $1 }')
	s=$(sim 'sym _text' | sed -n 's/^\$1 = //p')
	same _text "$s" "0x$r"
done
