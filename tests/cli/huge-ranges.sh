# Work follows the page tables that exist and the RAM a request overlaps,
# never the size of a range: each of these took from seconds to hours (or
# never returned) when every page or pfn of the range was visited.
d=$(mktemp -d)
run() {	# LABEL ARGS...: the exit status, or that it took too long
	label=$1
	shift
	timeout 20 "$@" >$d/out 2>&1
	rc=$?
	[ $rc = 124 ] && echo "$label: still running after 20 s" ||
		echo "$label: exit $rc"
}
run "smaps of a 16T mapping" $PTWALK -q -a x86_64 \
	-c 'mmap 0 16T rw private,anonymous; touch $1+8T w; smaps'
grep -A4 '^6ffff7fff000' $d/out | grep -E '^(Size|Rss):'
run "la57: 63P mapped, touched at both ends, smaps, fork, mprotect, munmap" \
	$PTWALK -q -a x86_64-la57 -c 'mmap 0x1000000000000 0xfe000000000000 rw private,anonymous,fixed; touch 0x1000000000000 w; touch 0xfefffffffff000 w; smaps --addr 0x1000000000000; fork; mprotect 0x1000000000000 0xfe000000000000 r; munmap 0x1000000000000 0xfe000000000000; exit 2'
grep -E '^Rss' $d/out
run "ioremap of 56T of device memory" $PTWALK -q -a x86_64 \
	-c 'ioremap 0x100000007 0x394448ed5036 uc-'
run "la57: ioremap of 916T of device memory" $PTWALK -q -a x86_64-la57 \
	-c 'ioremap 0x100000007 0x3944448ed5036 uc-'
grep -E '^  ptes' $d/out
run "dma_alloc_coherent 0x8000000000000001" $PTWALK -q -a x86_64 \
	-c 'dma_alloc_coherent 0x8000000000000001'
# an ELF whose bss (p_memsz of its last PT_LOAD) is 30T
elf=../../testdata/elf/demo-x86_64
phoff=$(od -An -t u8 -j 32 -N 8 $elf | tr -d ' ')
phnum=$(od -An -t u2 -j 56 -N 2 $elf | tr -d ' ')
i=0
while [ $i -lt $phnum ]; do
	o=$((phoff + i * 56))
	[ "$(od -An -t u4 -j $o -N 4 $elf | tr -d ' ')" = 1 ] && last=$o
	i=$((i + 1))
done
cp $elf $d/bss30t
printf '\0\0\0\0\0\036\0\0' |
	dd of=$d/bss30t bs=1 seek=$((last + 40)) conv=notrunc 2>/dev/null
run "exec of an ELF with a 30T bss, smaps, exit" $PTWALK -q -a x86_64 \
	-e $d/bss30t -c 'smaps; exit 1'
grep -A4 'heap' $d/out | grep -E '^[0-9a-f]|^(Size|Rss):'
rm -rf $d
