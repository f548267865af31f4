#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Real memory images for ptwalk's tests: boot a Debian kernel under QEMU
# (TCG, no KVM needed) into a tiny busybox initramfs that just sits, then
# through the QEMU monitor stop the guest, record QEMU's own answers
# (info registers of every CPU, info tlb, info mem, gva2gpa for a set of
# addresses) and write the guest's memory with dump-guest-memory.  The dump
# and the answers are compressed with xz into this directory:
#
#   NAME.core.xz     the ELF core written by dump-guest-memory
#   NAME.qemu.xz     QEMU's answers (see tests/image-qemu.sh, which compares)
#
# usage: testdata/images/make-fixtures.sh [x86_64] [i386] [i386-pae] [x86_64-la57]
# (default: x86_64).  Runs as root to install what is missing with apt-get:
# linux-image-amd64, busybox-static, qemu-system-x86, socat, xz-utils, cpio;
# the i386 guests use Debian's i386 kernel and busybox packages, downloaded
# with apt-get download after dpkg --add-architecture i386 (not installed).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mem=${FIXTURE_MEM:-128}
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

# An i386 package's files, unpacked into $2 (never installed).
fetch_i386() {
	dpkg --print-foreign-architectures | grep -qx i386 || {
		dpkg --add-architecture i386
		# a mirror in the middle of a sync fails one index: go on
		apt-get update -q || true
	}
	(cd "$work" && apt-get download "$1:i386" >/dev/null 2>&1) || {
		apt-get update -q || true
		(cd "$work" && apt-get download "$1:i386" >/dev/null)
	} || { echo "cannot download $1:i386" >&2; return 1; }
	dpkg-deb -x "$work"/"$1"_*_i386.deb "$2"
}

# the newest Debian kernel image of a flavour in a package tree or /boot
kernel_in() {
	ls "$1"/boot/vmlinuz-*-"$2" 2>/dev/null | sort -V | tail -n 1
}

# One HMP command on the monitor socket; the answer without the banner,
# the echoed command, prompts, carriage returns and terminal escapes.
mon() {
	printf '%s\n' "$1" | socat -t "${2:-3}" - UNIX-CONNECT:"$work/mon.sock" |
		tr -d '\r' | sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' \
			-e '/^QEMU [0-9.]* monitor/d' -e '/^(qemu)/d'
}

make_initramfs() {
	busybox=$1
	modules=$2
	root=$work/initramfs
	rm -rf "$root"
	mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev"
	cp "$busybox" "$root/bin/busybox"
	ln -s busybox "$root/bin/sh"
	# the vmcoreinfo device needs the fw_cfg driver to learn where the
	# kernel's VMCOREINFO note is (the guest writes it to etc/vmcoreinfo)
	fwcfg=$(find "$modules" -name 'qemu_fw_cfg.ko*' 2>/dev/null | head -n 1)
	[ -n "$fwcfg" ] && cp "$fwcfg" "$root/qemu_fw_cfg.ko"
	cat >"$root/init" <<'EOF'
#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sys /sys
[ -f /qemu_fw_cfg.ko ] && /bin/busybox insmod /qemu_fw_cfg.ko
for s in page_offset_base vmalloc_base vmemmap_base init_top_pgt swapper_pg_dir _text; do
	/bin/busybox grep " $s\$" /proc/kallsyms | /bin/busybox sed "s/^/PTWALK-SYM /"
done
echo PTWALK-READY
while :; do /bin/busybox sleep 1000; done
EOF
	chmod 755 "$root/init"
	(cd "$root" && find . | cpio -o -H newc --quiet | gzip -9) >"$work/initramfs.gz"
}

one() {
	name=$1
	case $name in
	x86_64|x86_64-la57)
		need linux-image-amd64 busybox-static qemu-system-x86 socat xz-utils cpio
		kernel=$(kernel_in "" amd64)
		modules=/lib/modules/$(basename "$kernel" | sed 's/^vmlinuz-//')
		busybox=/bin/busybox
		qemu=qemu-system-x86_64
		cpu=qemu64
		[ "$name" = x86_64-la57 ] && cpu=qemu64,+la57
		;;
	i386|i386-pae)
		need busybox-static qemu-system-x86 socat xz-utils cpio
		flavour=686
		[ "$name" = i386-pae ] && flavour=686-pae
		tree=$work/i386-$flavour
		mkdir -p "$tree"
		fetch_i386 "linux-image-$flavour" "$tree"
		# the meta-package names the versioned image package
		dep=$(dpkg-deb -f "$work"/linux-image-"$flavour"_*_i386.deb Depends |
			tr ',' '\n' | sed -n 's/^ *\(linux-image-[0-9][^ ]*\).*/\1/p' |
			head -n 1)
		fetch_i386 "$dep" "$tree"
		fetch_i386 busybox-static "$tree"
		kernel=$(kernel_in "$tree" "$flavour")
		modules=$tree/lib/modules
		busybox=$tree/bin/busybox
		qemu=qemu-system-i386
		cpu=qemu32
		[ "$name" = i386-pae ] && cpu=qemu32,+pae,+nx
		;;
	*)
		echo "unknown fixture '$name' (x86_64, x86_64-la57, i386, i386-pae)" >&2
		return 1
		;;
	esac
	[ -n "$kernel" ] && [ -f "$kernel" ] ||
		{ echo "no kernel image for $name" >&2; return 1; }
	echo "$name: $kernel, $mem MiB, $smp CPUs, -cpu $cpu"
	make_initramfs "$busybox" "$modules"
	# KASLR may pick a physical load address the decompressor then
	# refuses in a small guest ("Invalid physical address chosen!"):
	# boot again (another random choice)
	for attempt in 1 2 3 4 5 6; do
		rm -f "$work/mon.sock" "$work/console.log"
		$qemu -accel tcg -cpu "$cpu" -m "$mem" -smp "$smp" -nodefaults \
			-display none -no-reboot -kernel "$kernel" \
			-initrd "$work/initramfs.gz" \
			-append "console=ttyS0 panic=-1 loglevel=4" \
			-device vmcoreinfo -serial "file:$work/console.log" \
			-monitor "unix:$work/mon.sock,server=on,wait=off" &
		qpid=$!
		i=0
		until grep -q PTWALK-READY "$work/console.log" 2>/dev/null; do
			i=$((i + 1))
			[ $i -gt 300 ] && break
			kill -0 $qpid 2>/dev/null || break
			sleep 1
		done
		grep -q PTWALK-READY "$work/console.log" 2>/dev/null && break
		kill $qpid 2>/dev/null
		wait $qpid 2>/dev/null
		echo "$name: boot $attempt failed; console:" >&2
		tail -n 5 "$work/console.log" >&2
	done
	grep -q PTWALK-READY "$work/console.log" ||
		{ echo "$name: the guest did not come up" >&2; return 1; }
	sleep 2
	out=$work/$name.qemu
	{
		echo "# QEMU's own answers for $name.core ($($qemu --version | head -n 1))"
		echo "# guest: $(basename "$kernel"), $mem MiB, $smp CPUs, -cpu $cpu"
		grep '^PTWALK-SYM' "$work/console.log" | tr -d '\r' | sed 's/^PTWALK-SYM/symbol/'
	} >"$out"
	mon stop >/dev/null
	for c in $(seq 0 $((smp - 1))); do
		mon "cpu $c" >/dev/null
		echo "@@ info registers cpu $c" >>"$out"
		mon "info registers" >>"$out"
	done
	mon "cpu 0" >/dev/null
	echo "@@ info tlb" >>"$out"
	mon "info tlb" 10 >>"$out"
	echo "@@ info mem" >>"$out"
	mon "info mem" 10 >>"$out"
	# gva2gpa: the first page of every range of info mem, an address in
	# the middle of each, and a few addresses that are not mapped
	echo "@@ gva2gpa" >>"$out"
	addrs=$(sed -n '/^@@ info mem/,/^@@/p' "$out" |
		sed -n 's/^\([0-9a-f]*\)-\([0-9a-f]*\) .*/\1 \2/p' |
		awk '{ print "0x" $1; }' | head -n 200)
	for a in $addrs 0x0 0x1000 0xdead0000; do
		printf '%s ' "$a" >>"$out"
		mon "gva2gpa $a" | tr '\n' ' ' | sed 's/ *$//' >>"$out"
		echo >>"$out"
	done
	if grep -q '^symbol .* page_offset_base$' "$out"; then
		pob=$(sed -n 's/^symbol \([0-9a-f]*\) . page_offset_base$/\1/p' "$out")
		echo "@@ x/gx page_offset_base" >>"$out"
		mon "x/gx 0x$pob" >>"$out"
	fi
	rm -f "$work/$name.core"
	mon "dump-guest-memory $work/$name.core" 120 >/dev/null
	i=0
	until mon "info dump" | grep -q 'Status: completed'; do
		i=$((i + 1))
		[ $i -gt 120 ] && { echo "$name: dump did not complete" >&2; break; }
		sleep 1
	done
	mon quit >/dev/null || true
	wait $qpid || true
	ls -l "$work/$name.core"
	xz -9e -T1 -c "$work/$name.core" >"$here/$name.core.xz"
	xz -9e -T1 -c "$out" >"$here/$name.qemu.xz"
	ls -l "$here/$name.core.xz" "$here/$name.qemu.xz"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ $# -eq 0 ] && set -- x86_64
for n in "$@"; do
	one "$n"
done
