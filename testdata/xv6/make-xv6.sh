#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The xv6-riscv fixtures, from xv6-riscv's public source
# (https://github.com/mit-pdos/xv6-riscv) built with Debian's
# gcc-riscv64-linux-gnu and booted with Debian's qemu-system-misc:
#
#   testdata/xv6/_NAME       user programs of xv6 (stripped of their debug
#                            sections: the program headers and the loaded
#                            bytes are those of user/_NAME), which ptwalk
#                            embeds for `-a riscv64 --kernel xv6 -e _NAME`
#   testdata/xv6/kernel.sym  etext, end, trampoline of that kernel
#   testdata/xv6/guest.core.xz  dump-guest-memory of xv6 booted to its
#                            shell (qemu-system-riscv64 -machine virt
#                            -bios none -m 128M -smp 1)
#   testdata/xv6/guest.qemu.xz  QEMU's own answers at dump time: satp
#                            (info registers), info mem, and (after the
#                            dump: it sets A in the entries) gva2gpa of
#                            the first and last page of every info mem
#                            range and of every 64th page in between
#
# usage: sh testdata/xv6/make-xv6.sh XV6_SOURCE_DIR  (from the tree's top)
set -eu
src=${1:?usage: make-xv6.sh XV6_SOURCE_DIR}
top=$(pwd)
for p in riscv64-linux-gnu-gcc:gcc-riscv64-linux-gnu \
	 qemu-system-riscv64:qemu-system-misc python3:python3 xz:xz-utils; do
	command -v "${p%%:*}" >/dev/null || apt-get install -y "${p#*:}"
done
b=$(mktemp -d)
trap 'rm -rf "$b"' EXIT
cp -r "$src/." "$b/"
make -C "$b" TOOLPREFIX=riscv64-linux-gnu- kernel/kernel fs.img >/dev/null
for n in init sh ls cat echo grep wc; do
	riscv64-linux-gnu-strip -g -o "testdata/xv6/_$n" "$b/user/_$n"
done
riscv64-linux-gnu-nm "$b/kernel/kernel" |
	awk '$3 == "etext" || $3 == "end" || $3 == "trampoline" {print $3, "0x" $1}' |
	sort >testdata/xv6/kernel.sym
echo "  GEN     testdata/xv6/_* kernel.sym"
cd "$b"
qemu-system-riscv64 -machine virt -bios none -kernel kernel/kernel -m 128M \
	-smp 1 -global virtio-mmio.force-legacy=false \
	-drive file=fs.img,if=none,format=raw,id=x0 \
	-device virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0 \
	-serial file:console.log -monitor unix:mon,server,nowait \
	-display none </dev/null >qemu.log 2>&1 &
qpid=$!
python3 - "$b" <<'PY'
import os, re, socket, sys, time
d = sys.argv[1]
for _ in range(600):
    try:
        if b"$ " in open(d + "/console.log", "rb").read():
            break
    except OSError:
        pass
    time.sleep(0.1)
else:
    sys.exit("xv6 did not reach its shell")
for _ in range(100):
    if os.path.exists(d + "/mon"):
        break
    time.sleep(0.1)
time.sleep(1)
s = socket.socket(socket.AF_UNIX)
s.connect(d + "/mon")
buf = b""
def more():
    global buf
    b = s.recv(65536)
    if not b:
        sys.exit("QEMU's monitor closed")
    buf += b
def cmd(c):
    global buf
    s.sendall(c.encode() + b"\n")
    while b"(qemu) " not in buf:
        more()
    out, buf = buf.split(b"(qemu) ", 1)
    return out.decode(errors="replace").replace("\r", "")
while b"(qemu) " not in buf:	# the banner and the first prompt
    more()
buf = buf.split(b"(qemu) ", 1)[1]
cmd("stop")
out = open(d + "/qemu", "w")
def ask(c, text=None):
    r = cmd(c)
    lines = [l for l in r.split("\n")[1:] if l.strip()]
    out.write("@@ " + c + "\n" + "\n".join(lines) + "\n")
    return lines
ask("info registers")
mem = ask("info mem")
vas = []
for l in mem:
    m = re.match(r"^([0-9a-f]{16}) ([0-9a-f]{16}) ([0-9a-f]{16}) ", l)
    if not m:
        continue
    va, size = int(m.group(1), 16), int(m.group(3), 16)
    last = va + size - 4096
    vas += [va, last] + list(range(va + 64 * 4096, last, 64 * 4096))
# and a few addresses no table maps
vas += [0x0, 0x20000000, 0x3fffffd000]
# the dump before gva2gpa: QEMU 7.2's gva2gpa sets A in the entries it reads
cmd("dump-guest-memory %s/core" % d)
out.write("@@ gva2gpa\n")
for va in vas:
    r = [l for l in cmd("gva2gpa 0x%x" % va).split("\n")[1:] if l.strip()]
    out.write("0x%x %s\n" % (va, r[0] if r else "?"))
out.close()
s.sendall(b"quit\n")	# no prompt after it
PY
wait $qpid || true
{
	echo "# QEMU's own answers for guest.core ($(qemu-system-riscv64 --version | head -n 1))"
	echo "# guest: xv6-riscv ${XV6_COMMIT:-$(git -C "$src" rev-parse HEAD 2>/dev/null || echo source)}, 128 MiB, 1 hart, -machine virt -bios none"
	cat qemu
} | xz -9 >"$top/testdata/xv6/guest.qemu.xz"
xz -9 -T1 <core >"$top/testdata/xv6/guest.core.xz"
echo "  GEN     testdata/xv6/guest.core.xz guest.qemu.xz"
