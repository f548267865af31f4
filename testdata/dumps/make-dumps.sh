#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Real dumps in the formats other than ELF, written by the real tools:
#
#   tiny.core.xz         QEMU's dump-guest-memory ELF core of tiny.S (a
#                        multiboot kernel that sets up 4-level paging and
#                        halts), 8 MiB of RAM, qemu-system-x86_64 -M pc
#   tiny.kdump-zlib.xz   dump-guest-memory -z of the same stopped guest:
#                        QEMU 7.2 writes kdump-compressed dumps in the
#                        flattened format (makedumpfile -F's)
#   tiny.kdump-lzo.xz, tiny.kdump-snappy.xz   -l and -s, where the QEMU
#                        was built with lzo and snappy (Debian's 7.2 is
#                        not: "kdump-lzo is not available now")
#   tiny.qemu            QEMU's gva2gpa of a few addresses: "VA gpa: PA"
#                        or "VA Unmapped"
#   x86_64.mdf-l-d31.flat.xz   makedumpfile -F -l -d 31 (flattened, lzo,
#                        dump level 31) of testdata/images/x86_64.core.xz.
#                        makedumpfile 1.7.2 reads the program headers
#                        right after the ELF header and QEMU 7.2 puts its
#                        section headers there ("Can't get the number of
#                        PT_LOAD"), so the core goes through ptwalk's save
#                        first, which writes them there.
#
# usage: testdata/dumps/make-dumps.sh   (as root: installs what is missing
# of qemu-system-x86, makedumpfile, socat, binutils and xz-utils)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
ptwalk=${PTWALK:-$here/../../build/ptwalk}
t=$(mktemp -d)
trap 'kill "$qpid" 2>/dev/null || true; rm -rf "$t"' EXIT
qpid=
for p in qemu-system-x86 makedumpfile socat binutils xz-utils; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$p" </dev/null
done
mon() {
	printf '%s\n' "$1" | socat -t5 - "UNIX-CONNECT:$t/mon" | tr -d '\r' |
		sed 's/\x1b\[[0-9;]*[A-Za-z]//g' | grep -av '^QEMU\|^(qemu)' |
		grep -a . || true
}
as --32 -o "$t/tiny.o" "$here/tiny.S"
ld -m elf_i386 -Ttext=0x100000 -o "$t/tiny.elf" "$t/tiny.o"
qemu-system-x86_64 -M pc -cpu qemu64 -m 8M -nographic -vga none \
	-serial null -no-reboot -monitor "unix:$t/mon,server,nowait" \
	-kernel "$t/tiny.elf" >"$t/qemu.log" 2>&1 &
qpid=$!
sleep 3
mon stop >/dev/null
: >"$here/tiny.qemu"
for va in 0x100000 0x1ff000 0x200000 0x201000 0x20f000 0x21f000 0x220000 \
	0x3ff000 0x400000 0x5ff000 0x600000 0x800000 0xffff800000100000 \
	0xffff800000203000 0xffff800000601000 0x40000000; do
	echo "$va $(mon "gva2gpa $va" | tail -n 1)" >>"$here/tiny.qemu"
done
mon "dump-guest-memory $t/tiny.core"
for f in zlib lzo snappy; do
	mon "dump-guest-memory -${f%"${f#?}"} $t/tiny.kdump-$f" |
		sed "s/^/dump-guest-memory $f: /" >&2
done
sleep 2
kill "$qpid"
wait "$qpid" 2>/dev/null || true
qpid=
for f in core kdump-zlib kdump-lzo kdump-snappy; do
	[ -s "$t/tiny.$f" ] && xz -9 -c "$t/tiny.$f" >"$here/tiny.$f.xz"
done
xz -dc "$here/../images/x86_64.core.xz" >"$t/x.core"
"$ptwalk" -q -i "$t/x.core" -c "save $t/x.saved"
makedumpfile -F -l -d 31 "$t/x.saved" 2>"$t/mdf.log" >"$t/x.flat" ||
	{ cat "$t/mdf.log" >&2; exit 1; }
xz -9 -T1 -c "$t/x.flat" >"$here/x86_64.mdf-l-d31.flat.xz"
ls -l "$here"
