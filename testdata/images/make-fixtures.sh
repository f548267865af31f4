#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Real memory images for ptwalk's tests: boot a Debian bookworm kernel
# under QEMU (TCG, no KVM needed) on one of QEMU's standard machines, into
# a tiny busybox initramfs whose /init (guest-init.sh beside this script)
# starts a few user processes and prints the guest's own view of itself;
# then through the QEMU monitor stop the guest, record QEMU's own answers
# and write the guest's memory with dump-guest-memory.  Everything is
# compressed with xz -9e into this directory:
#
#   NAME.core.xz   the ELF core written by dump-guest-memory (with a
#                  VMCOREINFO note where the kernel has the fw_cfg driver)
#   NAME.qemu.xz   QEMU's answers: "symbol ADDR TYPE NAME" lines for a few
#                  kernel symbols, then "@@ SECTION" blocks: info registers
#                  of every CPU, info tlb and info mem (x86), gva2gpa of
#                  the first page of each info mem range, of each vmalloc
#                  area and of each sampled symbol (one "VA gpa: PA" or
#                  "VA Unmapped" line each), "gva2gpa swapper_pg_dir" where
#                  the dump does not say where the page tables are (arm),
#                  and x/gx or x/wx of a few kernel variables,
#                  page_offset_base last (x86_64)
#   NAME.view.xz   the guest's view at boot, "@@ SECTION" blocks:
#                  "@@ fixture" (name, kernel package, RAM, CPUs, QEMU
#                  machine and command line, KASLR on or off), then as the
#                  guest printed them /proc/version, cmdline, meminfo,
#                  zoneinfo, buddyinfo, pagetypeinfo, vmstat, vmallocinfo,
#                  slabinfo, iomem, modules, transparent_hugepage/enabled
#                  and defrag, vm.min_free_kbytes, vm.lowmem_reserve_ratio,
#                  "ps" and "ps -o ...", /proc/PID/maps and
#                  /proc/PID/status of every process (kernel threads have
#                  empty maps), "dmesg" (the whole log as busybox dmesg
#                  prints it), /proc/kallsyms (a sample: every 200th line,
#                  the symbols named in guest-init.sh and every module
#                  symbol, with kptr_restrict=0; without
#                  CONFIG_KALLSYMS_ALL, as on Debian's 686, 686-pae, arm64
#                  and armmp kernels, kallsyms has no data symbols), and
#                  last "@@ /boot/config-VERSION": the lines of the
#                  package's kernel config that describe memory
#                  management.  vmallocinfo is printed with kptr_restrict=1, which shows
#                  its addresses raw to root (0 would hash them).
#   NAME.System.map.xz  the kernel's System.map (from the -dbg package,
#                  about 600 MB: the image package ships a placeholder),
#                  only for the kernels without the fw_cfg driver, whose
#                  dump has no VMCOREINFO (arm)
#   i386.btf.xz, i386-pae.btf.xz  the kernel's types as raw BTF, for the
#                  Debian 686 and 686-pae kernels, which carry none:
#                  pahole --btf_encode_detached of the vmlinux of the -dbg
#                  package (its DWARF, 300 MB), made with the i386 and
#                  i386-pae-1g guests (i386-1g has i386's kernel); about
#                  1 MB each.  ptwalk --btf reads them.
#
# The user processes: init (a busybox sh) and its sleep, a sleep, a sh
# running a loop of sleeps, a sh holding a 512 KiB string (an anonymous
# mmap beside its [heap]) and a dd blocked writing into a pipe to a sleep
# (a 2 MiB anonymous mapping, every page written).  The view is printed a
# few seconds after boot, before the dump, while nothing runs but these:
# symbols, tasks, mappings and vmalloc areas are those of the dump;
# free-page counts may differ by a few pages.  ps lists itself in the view,
# and that process is gone at the dump.
#
# Guests (RAM as named; 2 CPUs; KASLR off with "nokaslr" unless named):
#   x86_64        linux-image-amd64, 128 MiB, qemu-system-x86_64 -M pc
#                 -cpu qemu64
#   x86_64-kaslr  the same with KASLR on
#   x86_64-la57   the same with -cpu qemu64,+la57 (5-level paging; not made
#                 by default)
#   i386          linux-image-686 (2-level paging, HIGHMEM), 160 MiB,
#                 qemu-system-i386 -M pc -cpu qemu32
#   i386-1g       the same with 1 GiB (HighMem above 0x36bfe000 or so)
#   i386-pae-1g   linux-image-686-pae, 1 GiB, -cpu qemu32,+pae,+nx
#   arm64         linux-image-arm64 (4K pages, 48-bit VA), 256 MiB,
#                 qemu-system-aarch64 -M virt -cpu cortex-a57
#   arm           linux-image-armmp (short descriptors), 256 MiB,
#                 qemu-system-arm -M virt -cpu cortex-a15
#
# Every guest boots with init_on_free=1: freed pages are zeroed, so the
# pages the boot used and gave back (the compressed kernel, the initramfs
# archive) compress to nothing, and a 1 GiB core is hardly larger than a
# 128 MiB one (8 MB against 10 MB); nothing else of the kernel's state
# changes.
#
# usage: testdata/images/make-fixtures.sh [NAME...]   (default: every guest
# above but x86_64-la57).  One guest at a time, each 1 to 5 minutes of TCG.
# Runs as root: installs what is missing of qemu-system-x86,
# qemu-system-arm, socat, xz-utils and cpio with apt-get; the kernels and
# busybox-static of every architecture are downloaded with apt-get
# download (after dpkg --add-architecture for i386, arm64, armhf) and
# unpacked, never installed.  FIXTURE_DEBS=DIR keeps the downloaded
# packages there between runs; FIXTURE_MEM=MiB overrides the RAM.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
smp=2

need() {
	missing=
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "installing:$missing"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing </dev/null ||
		{ apt-get update -q && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -q $missing </dev/null; }
}

# The newest downloaded .deb of package $1 for architecture $2.
deb_of() {
	ls "$debs"/"$1"_*_"$2".deb 2>/dev/null | sort -V | tail -n 1
}

# Package $1 of Debian architecture $2: downloaded into $debs (once),
# unpacked into $3 (never installed).
fetch_deb() {
	if [ "$2" != "$(dpkg --print-architecture)" ] &&
		! dpkg --print-foreign-architectures | grep -qx "$2"; then
		dpkg --add-architecture "$2"
		# a mirror in the middle of a sync fails one index: go on
		apt-get update -q || true
	fi
	if [ -z "$(deb_of "$1" "$2")" ]; then
		(cd "$debs" && apt-get download "$1:$2" >/dev/null 2>&1) || {
			apt-get update -q || true
			(cd "$debs" && apt-get download "$1:$2" >/dev/null)
		} || { echo "cannot download $1:$2" >&2; return 1; }
	fi
	dpkg-deb -x "$(deb_of "$1" "$2")" "$3"
}

# The kernel of flavour $2 for Debian architecture $1, unpacked into $tree;
# sets kpkg (the versioned image package, with its version) and kernel.
fetch_kernel() {
	fetch_deb "linux-image-$2" "$1" "$tree"
	# the meta-package names the versioned image package
	dep=$(dpkg-deb -f "$(deb_of "linux-image-$2" "$1")" Depends |
		tr ',' '\n' | sed -n 's/^ *\(linux-image-[0-9][^ ]*\).*/\1/p' |
		head -n 1)
	fetch_deb "$dep" "$1" "$tree"
	kpkg="$dep $(dpkg-deb -f "$(deb_of "$dep" "$1")" Version) ($1)"
	kernel=$(ls "$tree"/boot/vmlinuz-*-"$2" 2>/dev/null | sort -V | tail -n 1)
}

# One HMP command on the monitor socket; the answer without the banner,
# the echoed command, prompts, carriage returns and terminal escapes.
mon() {
	printf '%s\n' "$1" | socat -t "${2:-3}" - UNIX-CONNECT:"$work/mon.sock" |
		tr -d '\r' | sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' \
			-e '/^QEMU [0-9.]* monitor/d' -e '/^(qemu)/d'
}

make_initramfs() {
	root=$work/initramfs
	rm -rf "$root"
	mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev"
	cp "$tree/bin/busybox" "$root/bin/busybox"
	ln -s busybox "$root/bin/sh"
	fwcfg=$(find "$tree/lib/modules" -name 'qemu_fw_cfg.ko*' 2>/dev/null |
		head -n 1)
	if [ -n "$fwcfg" ]; then
		cp "$fwcfg" "$root/qemu_fw_cfg.ko"
	fi
	cp "$here/guest-init.sh" "$root/init"
	chmod 755 "$root/init"
	(cd "$root" && find . | cpio -o -H newc --quiet | gzip -9) >"$work/initramfs.gz"
}

# The guest called $1: its packages, QEMU, machine, CPU, RAM and options.
guest() {
	kaslr=nokaslr
	mem=128
	case $1 in
	x86_64|x86_64-kaslr|x86_64-la57)
		darch=amd64 flavour=amd64 host=qemu-system-x86
		qemu=qemu-system-x86_64 machine=pc cpu=qemu64 console=ttyS0
		[ "$1" = x86_64-la57 ] && cpu=qemu64,+la57
		[ "$1" = x86_64-kaslr ] && kaslr=
		;;
	i386|i386-1g|i386-pae-1g)
		darch=i386 flavour=686 host=qemu-system-x86
		qemu=qemu-system-i386 machine=pc cpu=qemu32 console=ttyS0
		mem=160
		[ "$1" = i386 ] || mem=1024
		[ "$1" = i386-pae-1g ] && flavour=686-pae cpu=qemu32,+pae,+nx
		;;
	arm64)
		darch=arm64 flavour=arm64 host=qemu-system-arm
		qemu=qemu-system-aarch64 machine=virt cpu=cortex-a57
		console=ttyAMA0 mem=256
		;;
	arm)
		darch=armhf flavour=armmp host=qemu-system-arm
		qemu=qemu-system-arm machine=virt cpu=cortex-a15
		console=ttyAMA0 mem=256
		;;
	*)
		echo "unknown fixture '$1' (x86_64, x86_64-kaslr, x86_64-la57," \
			"i386, i386-1g, i386-pae-1g, arm64, arm)" >&2
		return 1
		;;
	esac
	mem=${FIXTURE_MEM:-$mem}
	append="console=$console panic=-1 loglevel=4 init_on_free=1${kaslr:+ $kaslr}"
}

# Boot the guest until its /init says PTWALK-READY; sets qpid.
boot() {
	for attempt in 1 2 3; do
		rm -f "$work/mon.sock" "$work/console.log"
		$qemu -accel tcg -M "$machine" -cpu "$cpu" -m "$mem" -smp "$smp" \
			-nodefaults -display none -no-reboot -kernel "$kernel" \
			-initrd "$work/initramfs.gz" -append "$append" \
			-device vmcoreinfo -serial "file:$work/console.log" \
			-monitor "unix:$work/mon.sock,server=on,wait=off" &
		qpid=$!
		i=0
		until grep -q PTWALK-READY "$work/console.log" 2>/dev/null; do
			i=$((i + 1))
			[ $i -gt 900 ] && break
			kill -0 $qpid 2>/dev/null || break
			sleep 1
		done
		grep -q PTWALK-READY "$work/console.log" 2>/dev/null && return 0
		kill $qpid 2>/dev/null || true
		wait $qpid 2>/dev/null || true
		qpid=
		echo "$name: boot $attempt failed; console:" >&2
		tail -n 5 "$work/console.log" >&2
	done
	echo "$name: the guest did not come up" >&2
	return 1
}

# The kernel config lines that describe memory management and the layout.
config_lines() {
	grep -E '^(# )?CONFIG_([A-Z0-9_]*HIGHMEM[A-Z0-9_]*|VMSPLIT[A-Z0-9_]*|PAGE_OFFSET|X86_PAE|X86_5LEVEL|PGTABLE_LEVELS|PAGE_TABLE_ISOLATION|RANDOMIZE[A-Z0-9_]*|DYNAMIC_MEMORY_LAYOUT|KERNEL_IMAGE_SIZE|PHYSICAL_START|PHYSICAL_ALIGN|RELOCATABLE|NR_CPUS|SMP|NUMA|NODES_SHIFT|SLUB[A-Z0-9_]*|SLAB[A-Z0-9_]*|TRANSPARENT_HUGEPAGE[A-Z0-9_]*|HAVE_ARCH_TRANSPARENT_HUGEPAGE|CMA[A-Z0-9_]*|DMA_CMA|DEBUG_INFO_BTF[A-Z0-9_]*|ARM64_VA_BITS[A-Z0-9_]*|ARM64_PA_BITS[A-Z0-9_]*|ARM64_4K_PAGES|ARM64_PAGE_SHIFT|ARM_LPAE|ARM_PATCH_PHYS_VIRT|KUSER_HELPERS|UNMAP_KERNEL_AT_EL0|RODATA_FULL_DEFAULT_ENABLED|HIGHPTE|FLATMEM|SPARSEMEM[A-Z0-9_]*|ZONE_[A-Z0-9_]*|MEMORY_HOTPLUG|VMAP_STACK|X86_ESPFIX64|X86_VSYSCALL_EMULATION|LEGACY_VSYSCALL[A-Z0-9_]*|SHUFFLE_PAGE_ALLOCATOR|INIT_ON_[A-Z0-9_]*|PAGE_POISONING|STRICT_KERNEL_RWX|CRASH_CORE|KEXEC|KALLSYMS[A-Z0-9_]*|FW_CFG_SYSFS|ARCH_MMAP_RND_BITS|ARCH_FORCE_MAX_ORDER|HUGETLB_PAGE|COMPACTION|MIGRATION|MEMCG)[= ]' "$1"
}

# The System.map of a kernel whose dump carries no VMCOREINFO (no fw_cfg
# driver to hand it to QEMU): the image package's is a placeholder, the
# -dbg package has the real one near the start of its archive.
fetch_system_map() {
	ver=$(basename "$kernel" | sed 's/^vmlinuz-//')
	dbg=linux-image-$ver-dbg
	[ -n "$(deb_of "$dbg" "$darch")" ] ||
		(cd "$debs" && apt-get download "$dbg:$darch" >/dev/null) ||
		{ echo "cannot download $dbg:$darch" >&2; return 1; }
	# tar stops at the file: dpkg-deb then dies of the closed pipe
	dpkg-deb --fsys-tarfile "$(deb_of "$dbg" "$darch")" 2>/dev/null |
		tar -xO --occurrence=1 "./usr/lib/debug/boot/System.map-$ver" \
		>"$work/$name.System.map" || true
	grep -q ' swapper_pg_dir$' "$work/$name.System.map" ||
		{ echo "$name: no System.map in $dbg" >&2; return 1; }
}

# The types of a kernel without BTF (686, 686-pae) as raw BTF, from the
# DWARF of the -dbg package's vmlinux: $here/$1.btf.xz.
make_btf() {
	need dwarves
	ver=$(basename "$kernel" | sed 's/^vmlinuz-//')
	dbg=linux-image-$ver-dbg
	[ -n "$(deb_of "$dbg" "$darch")" ] ||
		(cd "$debs" && apt-get download "$dbg:$darch" >/dev/null) ||
		{ echo "cannot download $dbg:$darch" >&2; return 1; }
	dpkg-deb --fsys-tarfile "$(deb_of "$dbg" "$darch")" 2>/dev/null |
		tar -xO --occurrence=1 "./usr/lib/debug/boot/vmlinux-$ver" \
		>"$work/vmlinux" || true
	pahole --btf_encode_detached="$work/$1.btf" "$work/vmlinux" >/dev/null
	rm -f "$work/vmlinux"
	xz -9e -T1 -c "$work/$1.btf" >"$here/$1.btf.xz"
	rm -f "$work/$1.btf"
}

# The sections of the view that the guest printed, and the fixture's own.
write_view() {
	ver=$(basename "$kernel" | sed 's/^vmlinuz-//')
	{
		echo "@@ fixture"
		echo "name: $name"
		echo "kernel: $kpkg"
		echo "ram: $mem MiB"
		echo "cpus: $smp"
		echo "qemu: $qemu -M $machine -cpu $cpu -m $mem -smp $smp ($($qemu --version | head -n 1))"
		echo "append: $append"
		if [ -n "$kaslr" ]; then
			echo "kaslr: off (nokaslr)"
		else
			echo "kaslr: on"
		fi
		tr -d '\r' <"$work/console.log" |
			sed -n '/^PTWALK-VIEW-BEGIN$/,/^PTWALK-VIEW-END$/p' |
			sed -e '1d' -e '$d'
		echo "@@ /boot/config-$ver"
		config_lines "$tree/boot/config-$ver"
	} >"$work/$name.view"
	tr -d '\r' <"$work/console.log" | grep -q '^PTWALK-VIEW-END$' &&
		grep -q '^@@ /proc/kallsyms$' "$work/$name.view" ||
		{ echo "$name: the view is incomplete" >&2; return 1; }
}

# Lines of section $2 of file $1.
section() {
	awk -v s="@@ $2" '$0 == s { on = 1; next } /^@@ / { on = 0 } on' "$1"
}

# QEMU's answers to $out, the guest stopped.
ask_qemu() {
	view=$work/$name.view
	{
		echo "# QEMU's own answers for $name.core ($($qemu --version | head -n 1))"
		echo "# guest: $(basename "$kernel"), $mem MiB, $smp CPUs, -M $machine -cpu $cpu"
		{
			section "$view" /proc/kallsyms
			[ -z "$fwcfg" ] && cat "$work/$name.System.map"
		} | awk '$3 == "page_offset_base" ||
			$3 == "vmalloc_base" || $3 == "vmemmap_base" ||
			$3 == "init_top_pgt" || $3 == "swapper_pg_dir" ||
			$3 == "_text" { print "symbol " $1 " " $2 " " $3 }' |
			awk '!seen[$4]++'
	} >"$out"
	mon stop >/dev/null
	for c in $(seq 0 $((smp - 1))); do
		mon "cpu $c" >/dev/null
		echo "@@ info registers cpu $c" >>"$out"
		mon "info registers" >>"$out"
	done
	mon "cpu 0" >/dev/null
	case $darch in
	amd64|i386)
		echo "@@ info tlb" >>"$out"
		mon "info tlb" 10 >>"$out"
		echo "@@ info mem" >>"$out"
		mon "info mem" 10 >>"$out"
		;;
	esac
	# gva2gpa: the first page of every range of info mem, the start of
	# every vmalloc area, every sampled kernel symbol, and a few
	# addresses that are not mapped
	echo "@@ gva2gpa" >>"$out"
	{
		sed -n '/^@@ info mem/,/^@@/p' "$out" |
			sed -n 's/^\([0-9a-f]*\)-\([0-9a-f]*\) .*/0x\1/p' | head -n 200
		section "$view" /proc/vmallocinfo |
			sed -n 's/^\(0x[0-9a-f]*\)-.*/\1/p' | head -n 200
		section "$view" /proc/kallsyms |
			awk '$1 !~ /^0+$/ && $2 !~ /^[aA]$/ { print "0x" $1 }' |
			head -n 200
	} | awk '!seen[$0]++' >"$work/gva"
	for a in $(cat "$work/gva") 0x0 0x1000 0xdead0000; do
		printf '%s ' "$a" >>"$out"
		mon "gva2gpa $a" | tr '\n' ' ' | sed 's/ *$//' >>"$out"
		echo >>"$out"
	done
	# the page-table root of a dump that does not say where it is
	if [ -z "$fwcfg" ]; then
		a=$(awk '$3 == "swapper_pg_dir" { print "0x" $1 }' "$work/$name.System.map")
		echo "@@ gva2gpa swapper_pg_dir" >>"$out"
		printf '%s ' "$a" >>"$out"
		mon "gva2gpa $a" | tr '\n' ' ' | sed 's/ *$//' >>"$out"
		echo >>"$out"
	fi
	# kernel variables as QEMU reads them through the guest's MMU
	case $darch in
	amd64) vars="vmalloc_base vmemmap_base phys_base" x=x/gx ;;
	arm64) vars="memstart_addr kimage_voffset" x=x/gx ;;
	*) vars="high_memory max_low_pfn" x=x/wx ;;
	esac
	for v in $vars; do
		a=$(section "$view" /proc/kallsyms | awk -v v="$v" '$3 == v { print $1; exit }')
		[ -n "$a" ] || continue
		echo "@@ $x $v" >>"$out"
		mon "$x 0x$a" >>"$out"
	done
	pob=$(sed -n 's/^symbol \([0-9a-f]*\) . page_offset_base$/\1/p' "$out")
	if [ -n "$pob" ]; then
		echo "@@ x/gx page_offset_base" >>"$out"
		mon "x/gx 0x$pob" >>"$out"
	fi
}

dump() {
	rm -f "$work/$name.core"
	mon "dump-guest-memory $work/$name.core" 300 >/dev/null
	i=0
	until mon "info dump" | grep -q 'Status: completed'; do
		i=$((i + 1))
		[ $i -gt 300 ] && { echo "$name: dump did not complete" >&2; break; }
		sleep 1
	done
	ls -l "$work/$name.core"
}

one() {
	name=$1
	guest "$name"
	need "$host" socat xz-utils cpio
	tree=$work/tree-$name
	rm -rf "$tree"
	mkdir -p "$tree"
	fetch_kernel "$darch" "$flavour"
	fetch_deb busybox-static "$darch" "$tree"
	[ -n "$kernel" ] && [ -f "$kernel" ] ||
		{ echo "no kernel image for $name" >&2; return 1; }
	echo "$name: $kpkg, $mem MiB, $smp CPUs, -M $machine -cpu $cpu, $append"
	make_initramfs
	[ -n "$fwcfg" ] || fetch_system_map
	case $name in
	i386) make_btf i386 ;;
	i386-pae-1g) make_btf i386-pae ;;
	esac
	boot
	write_view
	out=$work/$name.qemu
	ask_qemu
	dump
	mon quit >/dev/null || true
	wait $qpid || true
	qpid=
	xz -9e -T1 -c "$work/$name.core" >"$here/$name.core.xz"
	rm -f "$work/$name.core"
	xz -9e -T1 -c "$out" >"$here/$name.qemu.xz"
	xz -9e -T1 -c "$work/$name.view" >"$here/$name.view.xz"
	rm -f "$here/$name.System.map.xz"
	if [ -z "$fwcfg" ]; then
		xz -9e -T1 -c "$work/$name.System.map" >"$here/$name.System.map.xz"
	fi
	ls -l "$here/$name".*.xz
	rm -rf "$tree"
}

work=$(mktemp -d)
qpid=
# a guest left running by a failure is stopped with the script
trap '[ -n "$qpid" ] && kill $qpid 2>/dev/null; rm -rf "$work"' EXIT
debs=${FIXTURE_DEBS:-$work/debs}
mkdir -p "$debs"
debs=$(cd "$debs" && pwd)
[ $# -eq 0 ] && set -- x86_64 x86_64-kaslr i386 i386-1g i386-pae-1g arm64 arm
for n in "$@"; do
	one "$n"
done
