#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Write the boot record of a real guest: the allocations its kernel held
# when the guest's view was taken (testdata/images/NAME.view.xz, the
# guest's own /proc at boot), in the form ptwalk replays at boot through
# its own allocators (--boot booted).  The format is described in
# data/boot/README.md; ptwalk embeds every data/boot/*.boot at build time.
#
#   sh tools/boot-record.sh testdata/images/x86_64.view.xz > data/boot/x86_64.boot
#   sh tools/boot-record.sh --all      (every view that has a record)
#
# What is read, and from where:
#   fixture, /proc/version     the arch, the RAM, the CPUs, the kernel
#   dmesg                      the initrd (RAMDISK, or QEMU's arm placement
#                              and "Freeing initrd memory")
#   /proc/vmallocinfo          the vmalloc-space areas, in address order,
#                              and the free address space between them
#   /proc/meminfo              kernel stacks from pages, anonymous and
#                              shmem pages, page tables
#   /proc/slabinfo             every cache and its active objects
#   /proc/zoneinfo, buddyinfo  each zone's managed pages and free lists
# The only constants that do not come from the view are Linux 6.1's, per
# arch, named where they are used below (THREAD_ALIGN, THREAD_SIZE).
set -eu

if [ "${1:-}" = "--all" ]; then
	dir=$(dirname "$0")/..
	for v in x86_64 i386 i386-1g i386-pae-1g arm64 arm; do
		sh "$0" "$dir/testdata/images/$v.view.xz" > "$dir/data/boot/$v.boot"
	done
	exit 0
fi
[ $# -eq 1 ] || { echo "usage: $0 NAME.view.xz | --all" >&2; exit 2; }

xz -dc "$1" | awk -v src="testdata/images/$(basename "$1")" '
function hex(s,    n, i, c) {
	n = 0
	s = tolower(s)
	sub(/^0x/, "", s)
	for (i = 1; i <= length(s); i++) {
		c = index("0123456789abcdef", substr(s, i, 1)) - 1
		n = n * 16 + c
	}
	return n
}
function hx(n) { return sprintf("0x%x", n) }
# A 64-bit address as 16 hex digits (awk numbers are doubles: exact only
# to 2^53, so addresses are compared as strings and subtracted in halves).
function a64(s) {
	s = tolower(s)
	sub(/^0x/, "", s)
	while (length(s) < 16)
		s = "0" s
	return s
}
# "0x0000004010000000" as "0x4010000000"
function short(s) {
	s = tolower(s)
	sub(/^0x/, "", s)
	sub(/^0+/, "", s)
	return "0x" (s == "" ? "0" : s)
}
function sub64(a, b) {
	return (hex(substr(a, 1, 8)) - hex(substr(b, 1, 8))) * 4294967296 + \
		hex(substr(a, 9, 8)) - hex(substr(b, 9, 8))
}
# the function name of a "%pS" caller (func+0x12/0x34 [module])
function fname(c) { sub(/\+.*/, "", c); return c }

/^@@ / { sec = substr($0, 4); next }

sec == "fixture" && /^name:/ { name = $2 }
sec == "fixture" && /^ram:/ { ram = $2 * 1048576 }
sec == "fixture" && /^cpus:/ { cpus = $2 }
sec == "/proc/version" {
	split($3, v, ".")
	kernel = v[1] "." v[2]
}
sec == "/proc/meminfo" { mem[substr($1, 1, length($1) - 1)] = $2 }

sec == "/proc/zoneinfo" && /^Node/ { zone = $4; zones[++nz] = zone }
sec == "/proc/zoneinfo" && $1 == "managed" && zone != "" && !(zone in managed) {
	managed[zone] = $2
}
sec == "/proc/buddyinfo" {
	f = $5
	for (i = 6; i <= NF; i++)
		f = f "," $i
	free[$4] = f
}

sec == "/proc/slabinfo" && !/^slabinfo|^#/ {
	nslab++
	slab[nslab] = sprintf("cache %s size=%d active=%d objperslab=%d " \
			      "pagesperslab=%d", $1, $4, $2, $5, $6)
}

sec == "/proc/vmallocinfo" {
	split($1, r, "-")
	start = a64(r[1])
	if (start in seen)	# a second read of the list repeats lines
		next
	seen[start] = 1
	na++
	a_start[na] = start
	a_end[na] = a64(r[2])
	a_size[na] = $2
	if ($3 == "unpurged") {
		a_kind[na] = "unpurged"
		next
	}
	a_caller[na] = $3
	i = 4
	if ($4 ~ /^\[/) {	# the module of the caller
		a_caller[na] = $3 " " $4
		i = 5
	}
	a_pages[na] = 0
	a_phys[na] = ""
	a_flag[na] = ""
	for (; i <= NF; i++) {
		if ($i ~ /^pages=/)
			a_pages[na] = substr($i, 7)
		else if ($i ~ /^phys=/)
			a_phys[na] = short(substr($i, 6))
		else if ($i !~ /^N[0-9]+=/)
			a_flag[na] = a_flag[na] " " $i
	}
	sub(/^ /, "", a_flag[na])
	fn = fname(a_caller[na])
	if (fn == "pcpu_get_vm_areas")
		a_kind[na] = "percpu"
	else if (fn == "paging_init" || fn == "iotable_init" ||
		 fn == "pci_reserve_io")
		a_kind[na] = "early"
	else if (fn == "load_module" || fn == "bpf_prog_pack_alloc")
		a_kind[na] = "module"
	else if (a_flag[na] ~ /ioremap/)
		a_kind[na] = "ioremap"
	else if (a_flag[na] ~ /vmalloc/)
		a_kind[na] = "vmalloc"
	else
		a_kind[na] = "vmap"
}

sec == "dmesg" && /RAMDISK: \[mem/ && !/Move|Allocated new/ {
	s = $0
	sub(/.*\[mem /, "", s)
	sub(/\].*/, "", s)
	split(s, r, "-")
	rd_start = hex(r[1])
	rd_end = hex(r[2]) + 1
}
sec == "dmesg" && /Allocated new RAMDISK: \[mem/ {
	s = $0
	sub(/.*\[mem /, "", s)
	sub(/\].*/, "", s)
	split(s, r, "-")
	rd_moved = 1
}
sec == "dmesg" && /Freeing initrd memory:/ {
	s = $0
	sub(/.*memory: /, "", s)
	rd_freed = s * 1024
}
sec == "dmesg" && /Memory: [0-9]+K\// { memline = $0; sub(/^\[[^]]*\] /, "", memline) }
sec == "/proc/iomem" && /Kernel (code|rodata|data|bss)/ { iomem[++ni] = $0 }

# The arch of ptwalk that models the guest, from the fixture name.
function arch_of(n) {
	if (n ~ /^x86_64/) return "x86_64"
	if (n ~ /^i386-pae/) return "i386-pae"
	if (n ~ /^i386/) return "i386"
	if (n ~ /^arm64/) return "arm64"
	if (n ~ /^arm/) return "arm"
	return n
}

# Sort the areas by address (insertion sort: a hundred lines).
function sort_areas(    i, j, k, t) {
	for (i = 1; i <= na; i++)
		ord[i] = i
	for (i = 2; i <= na; i++) {
		t = ord[i]
		for (j = i - 1; j >= 1 && a_start[ord[j]] > a_start[t]; j--)
			ord[j + 1] = ord[j]
		ord[j + 1] = t
	}
}

function area_line(k,    l, fn) {
	fn = fname(a_caller[k])
	if (a_kind[k] == "unpurged")
		return sprintf("unpurged size=%d", a_size[k])
	l = a_kind[k] " size=" a_size[k]
	if (a_kind[k] == "early")
		l = l " addr=" short(a_start[k])
	if (a_pages[k] > 0)
		l = l " pages=" a_pages[k]
	if (a_phys[k] != "")
		l = l " phys=" a_phys[k]
	if (area_align(k) > 4096 && a_kind[k] == "vmalloc")
		l = l " align=" area_align(k)
	if (is_stack(k))
		l = l " stack"
	if (a_kind[k] == "percpu")
		l = l " align=" percpu_align
	if (a_flag[k] ~ /dma-coherent/)
		l = l " dma-coherent"
	if (a_kind[k] == "early" && a_flag[k] ~ /ioremap/)
		l = l " ioremap"
	return l " caller=" a_caller[k]
}

END {
	arch = arch_of(name)
	# Linux 6.1: THREAD_ALIGN of the vmapped stacks (x86_64: THREAD_SIZE
	# 16K; arm64 and arm: 2 * THREAD_SIZE, 32K and 16K), THREAD_SIZE of
	# the page-allocated ones (i386: 8K, order 1), the first percpu
	# chunk'"'"'s atom (x86_64: PMD_SIZE; others PAGE_SIZE)
	thread_align = arch == "x86_64" ? 16384 : arch == "arm64" ? 32768 : 16384
	thread_order = 1
	percpu_align = arch == "x86_64" ? 2097152 : 4096

	print "# ptwalk boot record: the allocations of a freshly booted kernel,"
	print "# replayed by ptwalk at boot (--boot booted).  Generated by"
	print "# tools/boot-record.sh from " src "; do not edit."
	print "# The format: data/boot/README.md."
	print "arch " arch
	print "kernel " kernel
	print "mem " ram
	print "cpus " cpus
	if (memline != "")
		print "# dmesg: " memline
	for (i = 1; i <= ni; i++) {
		s = iomem[i]
		sub(/^ +/, "", s)
		print "# iomem: " s
	}

	print ""
	print "# memblock: the initrd, reserved at boot and freed once unpacked"
	if (rd_end > 0) {
		# QEMU loads it at the top of RAM, below the ACPI tables;
		# x86_32 moves it below max_low_pfn when it lies above
		print "initrd size=" rd_end - rd_start " below_top=" ram - rd_end \
		      (rd_moved ? " lowmem" : "")
	} else if (rd_freed > 0) {
		# QEMU arm and arm64 (hw/arm/boot.c): loader_start plus half
		# the RAM, at most 128M
		off = ram / 2 < 134217728 ? ram / 2 : 134217728
		print "initrd size=" rd_freed " above_base=" hx(off)
	}

	print ""
	print "# the vmalloc space in address order: early areas (fixed), the"
	print "# vmalloc area and the gaps between its areas, module_alloc, the"
	print "# percpu chunk at the top"
	sort_areas()
	# the span of the dynamic vmalloc areas: a module area inside it is
	# placed in the same range (x86_32: MODULES_VADDR is VMALLOC_START)
	vmin = ""
	for (i = 1; i <= na; i++) {
		k = ord[i]
		if (a_kind[k] == "early" || a_kind[k] == "percpu" ||
		    a_kind[k] == "module")
			continue
		if (vmin == "")
			vmin = a_start[k]
		vmax = a_end[k]
	}
	# early areas outside that span first; those inside it in their place
	for (i = 1; i <= na; i++)
		if (a_kind[ord[i]] == "early" && !in_span(ord[i]))
			print area_line(ord[i])
	prev = ""
	for (i = 1; i <= na; i++) {
		k = ord[i]
		if (a_kind[k] == "percpu" ||
		    (a_kind[k] == "early" && !in_span(k)))
			continue
		if (a_kind[k] == "module" && !in_span(k))
			continue
		gap_line(prev, k)
		print area_line(k)
		prev = a_end[k]
	}
	prev = ""
	for (i = 1; i <= na; i++) {
		k = ord[i]
		if (a_kind[k] != "module" || in_span(k))
			continue
		gap_line(prev, k)
		print area_line(k)
		prev = a_end[k]
	}
	for (i = 1; i <= na; i++)
		if (a_kind[ord[i]] == "percpu")
			print area_line(ord[i])

	print ""
	print "# slab caches in the order they were created (slabinfo lists"
	print "# the newest first), each brought to its active objects"
	for (i = nslab; i >= 1; i--)
		print slab[i]

	print ""
	print "# pages the view counts that no area or cache above holds"
	if (!have_vm_stacks())
		printf "pages what=kernel-stack order=%d count=%d\n", thread_order,
		       mem["KernelStack"] / (4 * 2 ^ thread_order)
	printf "pages what=page-table order=0 count=%d\n", mem["PageTables"] / 4
	printf "pages what=anon order=0 count=%d\n", mem["AnonPages"] / 4
	printf "pages what=shmem order=0 count=%d\n", mem["Shmem"] / 4

	print ""
	print "# each zone: its managed pages and free blocks per order (0-10)"
	for (i = 1; i <= nz; i++) {
		z = zones[i]
		if (!(z in free) || managed[z] == 0)
			continue
		print "zone " z " managed=" managed[z] " free=" free[z]
	}
}

# The kernel stack of a task, vmapped (CONFIG_VMAP_STACK): counted in KernelStack.
function is_stack(k,    fn) {
	fn = fname(a_caller[k])
	return a_kind[k] == "vmalloc" && (fn == "kernel_clone" ||
					  fn == "fork_idle" ||
					  (fn == "start_kernel" && arch != "x86_64"))
}

# The alignment the allocator gives area k: THREAD_ALIGN for stacks, the
# size rounded up to a power of two for ioremap (IOREMAP_MAX_ORDER aside),
# else a page.
function area_align(k,    fn, a) {
	fn = fname(a_caller[k])
	if (is_stack(k))
		return thread_align
	if (a_kind[k] == "ioremap") {
		for (a = 4096; a < a_size[k] - 4096; a *= 2)
			;
		return a
	}
	return 4096
}

# The free address space between the previous area (ending at prev) and
# area k, unless it is only the alignment of k.
function gap_line(prev, k,    gap, a, pad) {
	if (prev == "" || a_start[k] <= prev)
		return
	gap = sub64(a_start[k], prev)
	a = area_align(k)
	pad = (a - hex(substr(prev, 9, 8)) % a) % a
	if (gap != pad)
		print "gap size=" gap
}

function in_span(k) {
	return a_start[k] >= vmin && a_start[k] < vmax
}

function have_vm_stacks(    i) {
	for (i = 1; i <= na; i++)
		if (fname(a_caller[i]) == "kernel_clone")
			return 1
	return 0
}
'
