# A user PTE whose frame has no struct page (a pfn beyond RAM, written into
# the process's own page table with write --phys): every path that takes
# the struct page of a user pfn treats the entry as special, as Linux's
# vm_normal_page() does, on every arch; nothing crashes.
pte_of() {	# ARCH: "ENTRY_PA ENTRY" of data_page's pte (arm: the Linux pte)
	j=$($PTWALK -q -a "$1" --json -c 'touch data_page w; walk data_page' | tail -n 1)
	epa=$(echo "$j" | sed 's/.*"entry_pa":"\([^"]*\)".*/\1/')
	ent=$(echo "$j" | sed 's/.*"entry":"\([^"]*\)".*/\1/')
	lin=$(echo "$j" | grep -o '"linux_entry":"[^"]*"' | sed 's/.*:"\(.*\)"/\1/')
	if [ -n "$lin" ]; then epa=$(printf '0x%x' $((epa - 2048))); ent=$lin; fi
	echo "$epa $ent"
}
page='(data_page \& ~0xfff)'
for a in i386 i386-pae x86_64 x86_64-la57 arm arm64; do
	set -- $(pte_of $a)
	case $a in
	i386|arm) bad="(($2) & 0xfff) | 0xfffff000"; w=write ;;
	*) bad="(($2) & 0xfff0000000000fff) | 0xfffff000"; w=write/g ;;
	esac
	echo "== $a"
	for c in "pagemap data_page" "smaps --addr data_page" "fork" \
	    "fork; switch 2; touch data_page w" "x/x data_page" \
	    "munmap $page 4K" "mprotect $page 4K r" \
	    "mprotect $page 4K r; mprotect $page 4K rw; touch data_page w" \
	    "brk 0" "exit 1" "whatis data_page" "ptdump user" "quit"; do
		c=$(echo "$c" | sed 's/\\&/\&/g')
		$PTWALK -q -a $a -c "touch data_page w; $w --phys $1 $bad; $c" \
			>out.$$.tmp 2>&1
		rc=$?
		echo "$c: exit $rc"
		grep -E 'no struct page|PFN  |Rss:|not RAM|cannot access' out.$$.tmp |
			sed 's/^ */    /'
	done
done
# a frame beyond the physical address width: reserved bits (PAE), or an
# output address the arm64 MMU masks; still nothing takes a struct page
for a in i386-pae arm64; do
	set -- $(pte_of $a)
	echo "== $a, frame beyond the physical address width"
	$PTWALK -q -a $a -c "touch data_page w; write/g --phys $1 (($2) & 0xfff0000000000fff) | 0xffffffffff000; pagemap data_page; fork; switch 2; touch data_page w; switch 1; exit 2; munmap (data_page & ~0xfff) 4K; quit" >out.$$.tmp 2>&1
	echo "exit $?"
	grep -E 'no struct page|PFN  |reserved|-c:1|present  ' out.$$.tmp |
		sed 's/^ */    /'
done
rm -f out.$$.tmp
