# whatis and slab NAME on the real dumps (testdata/images), each answer
# checked against another of the kernel's own structures or the guest's
# view (NAME.view.xz):
#   a task_struct of ps      a slab object of cache task_struct, allocated,
#                            at offset 0 of its object
#   slab kmalloc-128          every object its free lists show is free for
#                            whatis too (the two follow different lists:
#                            slab's all of them, whatis the one of the slab)
#   a task stack             the kernel_clone vmalloc area at
#                            task_struct.stack is named as that pid's stack
#   init's [heap]            after switch 1, the VMA of the view's
#                            /proc/1/maps line
#   init's pgd               the pgd of pid 1; one of its PTE pages: a page
#                            table (page_type PG_table)
#   sighand_cache            (SLAB_TYPESAFE_BY_RCU) a free object's free
#                            pointer, after the object at s->offset, and the
#                            padding after it (mm/slub.c's slot layout)
#   i386 (no BTF)            kernel text named by kallsyms; a free block head
dir=../../testdata/images
sect() { awk -v s="$1" '/^@@ /{c=substr($0,4);next} c==s' "$2"; }
for name in x86_64 arm64; do
	[ -f "$dir/$name.core.xz" ] || continue
	t=$(mktemp -d)
	xz -dc "$dir/$name.core.xz" >"$t/core"
	xz -dc "$dir/$name.view.xz" >"$t/view"
	run() { printf '%s\n' "$@" | $PTWALK -q -i "$t/core" 2>&1; }
	task=$($PTWALK -q -i "$t/core" --json -c ps |
		sed 's/.*"pid":1,[^}]*"task":"\(0x[0-9a-f]*\)".*/\1/')
	run "whatis $task" | grep owner | sed "s/^/$name: pid 1's task_struct:/" |
		sed 's/ at 0x[0-9a-f]* + / at OBJ + /; s/object [0-9]* /object N /'
	run "slab kmalloc-128" | grep '^  cpu\|^  partial' |
		sed 's/.*freelist//' | grep -o '0x[0-9a-f]*' | sort -u >"$t/free"
	n=0; bad=0
	for a in $(cat "$t/free"); do
		n=$((n + 1))
		run "whatis $a" | grep -q 'owner  slab object [0-9]* of cache kmalloc-128 at '"$a"' + 0x0 .*: free' ||
			bad=$((bad + 1))
	done
	echo "$name: slab kmalloc-128: $n free objects shown, $bad not free for whatis"
	run "slab kmalloc-128" | grep -v "^  cpu\|^  partial\|^\\$" |
		sed "s/at 0x[0-9a-f]*/at ADDR/; s/[0-9]* slabs, [0-9]* objects/N slabs, M objects/; s/^/$name: /"
	off=$(run "slab sighand_cache" | sed -n 's/.* offset \([0-9]*\) (free pointer).*/\1/p')
	obj=$(run "slab sighand_cache" | grep -m1 -o 'freelist 0x[0-9a-f]*' | cut -d' ' -f2)
	for d in 0 8; do
		run "whatis $obj+$off+$d" | grep 'owner\|where' |
			sed "s/^/$name: sighand_cache +$off+$d:/; s/ at 0x[0-9a-f]* + / at OBJ + /; s/object [0-9]* /object N /"
	done
	stk=$(sect /proc/vmallocinfo "$t/view" | grep -m1 kernel_clone | cut -c1-18)
	run "whatis $stk" | grep owner | sed "s/^/$name: /; s/0x[0-9a-f]*-0x[0-9a-f]*/AREA/"
	heap=$(sect /proc/1/maps "$t/view" | grep '\[heap\]' | cut -d- -f1)
	sect /proc/1/maps "$t/view" | grep '\[heap\]' | awk -v n="$name" '{print n ": view:   " $1, $2, $6}'
	run "switch 1" "whatis 0x$heap" | grep owner | sed "s/^/$name: dump: /"
	run "switch 1" "whatis 0x$heap" | grep frame | sed 's/pfn 0x[0-9a-f]*, struct page 0x[0-9a-f]*/pfn P, struct page S/; s/^/'"$name"': /'
	pgd=$($PTWALK -q -i "$t/core" --json -c ps |
		sed 's/.*"pid":1,[^}]*"pgd":"\(0x[0-9a-f]*\)".*/\1/')
	run "whatis $pgd" | grep owner | sed "s/^/$name: /"
	pte=$(run "switch 1" "walk 0x$heap" | grep '^  pte\[' | awk '{print $3}')
	run "whatis -p $pte" | grep frame | sed "s/^/$name: /; s/pfn 0x[0-9a-f]*, struct page 0x[0-9a-f]*/pfn P, struct page S/"
	rm -rf "$t"
done
# the data symbols a kallsyms of code only lacks, found from the structures
# (arm64), and on x86_64 the same names from kallsyms against the view's
for name in x86_64 arm64; do
	[ -f "$dir/$name.core.xz" ] || continue
	t=$(mktemp -d)
	xz -dc "$dir/$name.core.xz" >"$t/core"
	xz -dc "$dir/$name.view.xz" >"$t/view"
	for s in init_task init_mm slab_caches __per_cpu_offset; do
		v=$(sect /proc/kallsyms "$t/view" | awk -v s="$s" '$3 == s { print $1 }')
		d=$($PTWALK -q -i "$t/core" -c "sym $s" 2>&1 | head -1)
		echo "$name: sym $s: $d${v:+ (view: 0x$v)}"
	done
	rm -rf "$t"
done
# without BTF (i386): kernel text by kallsyms, a frame's state by VMCOREINFO
for name in i386; do
	[ -f "$dir/$name.core.xz" ] || continue
	t=$(mktemp -d)
	xz -dc "$dir/$name.core.xz" >"$t/core"
	xz -dc "$dir/$name.view.xz" >"$t/view"
	v=$(sect /proc/kallsyms "$t/view" | awk '$3 == "schedule" { print $1 }')
	printf '%s\n' "whatis 0x$v" "whatis -p 0x7800000" "slab kmalloc-64" |
		$PTWALK -q -i "$t/core" 2>&1 | grep 'owner\|frame\|slab:' |
		sed "s/^/$name: /"
	rm -rf "$t"
done
