# layout on real QEMU dumps (testdata/images): the constants the file does
# not give (VMALLOC_END, PKMAP_BASE, FIXADDR_START on i386) read "unknown",
# never 0x0, and --json leaves them out; with KASLR randomizing the regions
# on x86_64, VMALLOC_START is found in the kernel's tables (image-kstate.sh
# checks it against the kernel's own vmalloc_base).
for name in i386 x86_64 x86_64-kaslr; do
	f=../../testdata/images/$name.core.xz
	[ -f "$f" ] || continue
	t=$(mktemp -d)
	xz -dc "$f" >"$t/core"
	echo "$name:"
	$PTWALK -q -i "$t/core" -c layout | sed -n '/^PAGE_OFFSET/,/^$/p' | sed '/^$/d'
	$PTWALK -q --json -i "$t/core" -c layout | tr ',' '\n' |
		grep -E '^"(PAGE_OFFSET|high_memory|VMALLOC_[A-Z]*|PKMAP_BASE|LAST_PKMAP|FIXADDR_[A-Z]*)"' |
		tr -d '}' | tr '\n' ' '
	echo
	rm -rf "$t"
done
