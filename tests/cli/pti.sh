# Kernel page-table isolation on i386-pae: the simulated Linux 6.1 machine
# (-a i386-pae -m 1G, PTI on as on QEMU's GenuineIntel qemu32) against the
# real page tables of testdata/images/i386-pae-1g.core.xz (Debian's 6.1
# 686-pae kernel, "Kernel/User page tables isolation: enabled"), field by
# field.  Each line says the simulated value, the real one and "ok" where
# they must match, "OFF" where they do not; "differs" lines measure what
# the model leaves out (the kernel image's pmds are 2M pages in the
# simulation, split into 4K text/rodata pages by mark_rodata_ro in the
# guest, so the cloned text ends at the pmd boundary instead of at
# __end_rodata_aligned).
f=../../testdata/images/i386-pae-1g.core.xz
[ -f "$f" ] || { echo "no $f"; exit 1; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
xz -dc "$f" >"$t/core" || exit 1

real() { "$PTWALK" -q --image "$t/core" "$@"; }
sim() { "$PTWALK" -q -a i386-pae -m 1G "$@"; }

# cr3 RUNNER: the current CPU's root
cr3() { "$@" -c machine | awk '$1 == "cr3" { print $2 }'; }

# pgd RUNNER CR3: the four PDPTEs of the kernel pgd, then of the user pgd
pgd() {
	r=$1
	shift
	"$@" -c "xp/4gx $r; xp/4gx $r + 4096" |
		awk '/^0x/ { printf "%s %s ", $2, $3 } END { print "" }'
}

# facts CR3 K0 K1 K2 K3 U0 U1 U2 U3: the structure of the pgd pair
facts() {
	cr3=$1
	shift
	echo "order1_pgd $(( cr3 % 8192 == 0 ))"
	echo "user_pdptes_shared $(( $1 == $5 && $2 == $6 && $3 == $7 ))"
	echo "kernel_pmd_own $(( $4 != $8 && ($4 & 1) && ($8 & 1) ))"
}

# ranges: the ptdump lines as "START END RIGHTS GLOBAL NX"
ranges() {
	awk '/^0x[0-9a-f]+-0x/ {
		split($1, a, "-")
		k = $0; sub(/.*kernel /, "", k); sub(/,.*/, "", k)
		u = $0; sub(/.*user /, "", u); sub(/ .*/, "", u)
		g = ($0 ~ / G( |$)/) ? "G" : "-"
		x = ($0 ~ / NX( |$)/) ? "NX" : "-"
		print a[1], a[2], k, u, g, x
	}'
}

# HEX: an awk function reading 0x... (mawk has no strtonum)
HEX='function hex(s,  i, v) {
	v = 0
	s = tolower(s); sub(/^0x/, "", s)
	for (i = 1; i <= length(s); i++)
		v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v
}'

# mapfacts: what the kernel half of a user pgd maps
mapfacts() {
	awk "$HEX"'{
		s = hex($1); e = hex($2) + 1
		for (p = int(s / 2097152); p * 2097152 < e; p++) slot[p] = 1
		if ($4 != "---") user++
		if ($5 != "G") nonglobal++
		if (s == hex("0xff400000"))
			cea = $3 " " $5 " " $6
		if (s < hex("0xff000000") && (lo == "" || s < lo)) lo = s
		if (s < hex("0xff000000") && e > hi) hi = e
	} END {
		l = ""
		for (p = 0; p < 2048; p++)
			if (p in slot)
				l = l sprintf("%s0x%x", l != "" ? "," : "",
					      p * 2097152)
		print "pmds_mapped", l
		print "user_accessible", user + 0
		print "non_global", nonglobal + 0
		print "cea_ro_idt", cea
		printf "image_start 0x%x\n", lo
		printf "image_end 0x%x\n", hi
	}'
}

# nonclone RUNNER...: global ranges of the kernel pgd outside the cloned ones
nonclone() {
	"$@" -c 'ptdump kernel' | ranges | awk "$HEX"'$5 == "G" {
		s = hex($1)
		if (s >= hex("0xc1000000") && s < hex("0xc1e00000"))
			next
		if (s >= hex("0xff400000") && s < hex("0xff600000"))
			next
		n++
	} END { print "global_elsewhere", n + 0 }'
}

rc=$(cr3 real)
sc=$(cr3 sim)
real -c 'xp/4gx 0' >/dev/null || exit 1
facts "$rc" $(pgd "$rc" real) >"$t/real.f"
facts "$sc" $(pgd "$sc" sim) >"$t/sim.f"
real --cr3 "$(printf '0x%x' $(( rc + 4096 )))" -c 'ptdump kernel' | ranges |
	mapfacts >>"$t/real.f"
sim -c 'ptdump --user-pgd kernel' | ranges | mapfacts >>"$t/sim.f"
nonclone real >>"$t/real.f"
nonclone sim >>"$t/sim.f"

while read -r name s; do
	r=$(grep "^$name " "$t/real.f" | cut -d' ' -f2-)
	s=$(echo "$s" | tr ' ' /)
	r=$(echo "$r" | tr ' ' /)
	case $name in
	pmds_mapped)
		[ "$s" = "$r" ] && ok=ok || ok=OFF
		printf '  %-20s %s\n  %-20s sim = real %s\n' "$name" "$r" "" "$ok"
		;;
	image_end)
		printf '  %-20s sim %-18s real %-18s differs (2M pmds, not 4K)\n' \
			"$name" "$s" "$r"
		;;
	*)
		[ "$s" = "$r" ] && ok=ok || ok=OFF
		printf '  %-20s sim %-18s real %-18s %s\n' "$name" "$s" "$r" "$ok"
		;;
	esac
done <"$t/sim.f"

# what has no PTI says why
"$PTWALK" -q -a i386 --cpu meltdown -c machine
echo "[exit $?]"
"$PTWALK" -q -a x86_64 -m 256M -c 'walk --user-pgd 0x401000'
echo "[exit $?]"
"$PTWALK" -q -a i386-pae --kernel 2.6 -m 1G -c 'ptdump --user-pgd'
echo "[exit $?]"
"$PTWALK" -q -a i386-pae -m 1G --cpu nomeltdown -c machine | grep PTI
