# A look changes nothing.  On every arch, and on a memory image, each
# command that only looks (x, xp, dis, walk, pte, sym, whatis, pagemap,
# smaps, maps, ptdump, translate) runs on mapped, not yet faulted,
# unmapped, kernel, physical and bogus addresses, between two snapshots of
# the machine: the processes, their VMAs and page tables (pagemap), the
# allocators, the TLBs and their statistics, and all of memory (save).
# They must be equal; translate may fill the TLB (as the CPU does), and
# nothing else.
d=$(mktemp -d)
snapshot() {	# NAME IMAGE: commands that print the state
	if [ -z "$2" ]; then
		echo "ps; maps; buddyinfo; meminfo; slabinfo; vmallocinfo"
		echo "pagemap data_page; pagemap main; pagemap big + 8192"
	fi
	echo "save $d/$1.core"
}
tlbshot() { echo "tlb --all-cpus; tlb stats"; }
looks() {	# the read-only commands, on every kind of address
	for a in data_page main 'big + 8192' 0x10 'start_stack - 300K' \
	    'PAGE_OFFSET + 0x100000' '$4' 'VMALLOC_START - 4096' \
	    0xffffffffffffffff 0x8000000000000000; do
		for c in x/4x x/s x/2i dis walk pte sym whatis pagemap \
		    'smaps --addr'; do
			echo "$c $a"
		done
	done
	for p in 0x1000 0x2000000 0xfffff000000; do
		echo "xp/4x $p; whatis -p $p"
	done
	echo "maps; smaps; ptdump user; ptdump kernel"
}
translates() {
	for a in data_page main 0x10 'PAGE_OFFSET + 0x100000' '$4' \
	    0xffffffffffffffff; do
		echo "translate $a"
	done
}
# the lines of the output between ==FROM== and ==TO==, without the value
# history and the save messages
section() {
	sed -n "/^==$1==/,/^==$2==/p" $d/out | sed '1d;$d' |
		grep -v '^saved\|^\$[0-9]* = '
}
# check LABEL PTWALK ARGS: the state before and after the looks, compared
check() {
	label=$1
	shift
	{
		[ -z "$IMG" ] &&
			echo 'touch data_page w; fork; switch 2; vmalloc 5M'
		echo 'echo ==before=='; snapshot before "$IMG"
		echo 'echo ==tlb1=='; tlbshot
		echo 'echo ==looks=='; looks
		echo 'echo ==after=='; snapshot after "$IMG"
		echo 'echo ==tlb2=='; tlbshot
		echo 'echo ==translate=='; translates
		echo 'echo ==end=='; snapshot end "$IMG"
		echo 'echo ==tlb3=='; tlbshot
	} >$d/script
	"$@" -q $d/script >$d/out 2>&1
	rc=$?
	[ $rc -gt 1 ] && echo "$label: exit $rc"
	{ section before tlb1; section tlb1 looks; } >$d/a
	{ section after tlb2; section tlb2 translate; } >$d/b
	section after tlb2 >$d/b2
	section end tlb3 >$d/c2
	n=$(sed -n '/^==looks==/,/^==after==/p' $d/out | grep -c ': ')
	if cmp -s $d/a $d/b && cmp -s $d/before.core $d/after.core; then
		echo "$label: the state is unchanged after the looks"
	else
		echo "$label: THE STATE CHANGED"
		diff $d/a $d/b | head -20
		cmp $d/before.core $d/after.core
	fi
	# the state but the TLB, after translate
	cmp -s $d/b2 $d/c2 && cmp -s $d/after.core $d/end.core &&
		echo "$label: translate changed nothing but the TLB" ||
		{ echo "$label: TRANSLATE CHANGED THE STATE"; diff $d/b2 $d/c2 |
		  head -10; }
	sed -n '/^==before==/,$p' $d/out | grep -c 'cannot access memory' |
		sed "s/^/$label: refusals: /"
	sed -n '/^==before==/,$p' $d/out |
		grep -E 'killed|SIGSEGV|SIGBUS|#PF|abort:' | head -5
	[ "$n" -gt 0 ] || echo "$label: no output from the looks"
}
for a in i386 i386-pae x86_64 x86_64-la57 arm arm64; do
	IMG= check $a $PTWALK -a $a
done
# a memory image: the simulated machine saved, then opened as a dump
$PTWALK -q -a x86_64 -c "touch data_page w; save $d/img.core" >/dev/null
IMG=1 check "x86_64 image" $PTWALK --image $d/img.core
rm -rf $d
